import { describe, expect, it } from 'vitest';
import type { NewCaseRequest } from '../../src/recovery/case-requests.js';
import { RecoveryPasswordRefusedError } from '../../src/recovery/recovery-password-refused-error.js';
import { decodeCaseRequest, encodeCaseRequest } from '../../src/store/case-request-codec.js';
import { aNewCaseRequest } from './a-new-case-request.js';

const PASSWORD = '496298-461032-321464-595518-463221-173943-033616-139579';

function thrown(work: () => unknown): Error & { code?: unknown } {
  try {
    work();
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  throw new Error('expected a throw');
}

describe('encodeCaseRequest / decodeCaseRequest', () => {
  it('keeps identifiers in their columns and out of the JSON, and decodes to the same request', () => {
    const original = aNewCaseRequest({ request: { errorCode: 'E_FVE_DEVICE_LOCKEDOUT', riskStop: true } });
    const row = encodeCaseRequest(original);
    expect(row).toMatchObject({
      requesterObjectId: original.requester.objectId,
      tenantId: original.requester.tenantId,
      requestId: original.request.id,
      reason: 'requesterAsked',
      conversationReference: original.conversationReference,
      createdAt: original.createdAt,
    });
    expect(JSON.parse(row.requester)).toEqual({
      teamsUserId: original.requester.teamsUserId,
      displayName: original.requester.displayName,
    });
    expect(JSON.parse(row.request)).not.toHaveProperty('id');
    expect(decodeCaseRequest({ ...row, number: 7 })).toStrictEqual({ ...original, number: 7 });
  });

  it('gives absent answers back as undefined properties, as the domain type declares them', () => {
    const original = aNewCaseRequest({
      request: { keyId: undefined, rootCause: undefined, reasonCode: undefined, deviceKind: undefined },
    });
    const decoded = decodeCaseRequest({ ...encodeCaseRequest(original), number: 1 });
    expect(decoded).toStrictEqual({ ...original, number: 1 });
    expect(Object.keys(decoded.request)).toContain('keyId');
  });

  it('refuses a recovery password with SECRET_IN_CASE, naming the field but not the value', () => {
    const error = thrown(() => encodeCaseRequest(aNewCaseRequest({ request: { keyId: PASSWORD } })));
    expect(error).toBeInstanceOf(RecoveryPasswordRefusedError);
    expect(error.code).toBe('SECRET_IN_CASE');
    expect(error.message).toContain('caseRequest.request.keyId');
    expect(`${error.message}${error.stack}`).not.toMatch(/\d{6}/);
  });

  it.each<[string, (request: NewCaseRequest) => NewCaseRequest, RegExp]>([
    [
      'an empty object id',
      (r) => ({ ...r, requester: { ...r.requester, objectId: '' } }),
      /requester\.objectId/,
    ],
    [
      'a NUL in the tenant id',
      (r) => ({ ...r, requester: { ...r.requester, tenantId: 'a\u0000b' } }),
      /tenantId/,
    ],
    ['an empty request id', (r) => ({ ...r, request: { ...r.request, id: '' } }), /request\.id/],
    ['an unknown reason', (r) => ({ ...r, reason: 'becauseISaidSo' as NewCaseRequest['reason'] }), /reason/],
    [
      'a reference that is not JSON',
      (r) => ({ ...r, conversationReference: '{"user":' }),
      /conversationReference/,
    ],
    ['a local time', (r) => ({ ...r, createdAt: '2025-06-20T11:16:41+02:00' }), /createdAt/],
    ['a time without milliseconds', (r) => ({ ...r, createdAt: '2025-06-20T09:16:41Z' }), /createdAt/],
    ['a date that does not exist', (r) => ({ ...r, createdAt: '2025-02-30T09:16:41.007Z' }), /createdAt/],
  ])('refuses %s with a TypeError naming the field', (_label, change, field) => {
    const error = thrown(() => encodeCaseRequest(change(aNewCaseRequest())));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(field);
  });
});
