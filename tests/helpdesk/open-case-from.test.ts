import { describe, expect, it } from 'vitest';
import { attachCaseDetails } from '../../src/helpdesk/attach-case-details.js';
import { openCaseFrom } from '../../src/helpdesk/open-case-from.js';
import { RecoveryPasswordRefusedError } from '../../src/recovery/recovery-password-refused-error.js';
import { ACTORS, aCaseIn, aCaseRequest, anOpenCase, at, T0 } from '../support/helpdesk-builders.js';
import { A_RECOVERY_PASSWORD } from '../support/triage-builders.js';

describe('openCaseFrom', () => {
  it('carries what the triage learnt, waits for an agent, and starts the history', () => {
    const request = aCaseRequest({
      reason: 'riskStop',
      request: {
        rootCause: 'outOfMyHands',
        reasonCode: 'RISK_DEVICE_OUT_OF_HANDS',
        riskStop: true,
        errorCode: 'E_FVE_PCR_MISMATCH',
      },
    });
    const opened = openCaseFrom(request, 17, T0);
    expect(opened).toEqual({
      number: 17,
      caseRequestNumber: 7,
      requestId: 'R-HELPDESK-1',
      requester: request.requester,
      requesterConversation: request.conversationReference,
      keyId: '4290B6C0',
      devices: [],
      triage: {
        rootCause: 'outOfMyHands',
        reasonCode: 'RISK_DEVICE_OUT_OF_HANDS',
        errorCode: 'E_FVE_PCR_MISMATCH',
        deviceKind: 'workPc',
        riskStop: true,
      },
      evidence: undefined,
      escalation: 'riskStop',
      status: 'open',
      owner: undefined,
      verification: undefined,
      history: [
        {
          at: T0.toISOString(),
          by: { kind: 'system' },
          action: 'opened',
          detail: 'riskStop',
          status: 'open',
        },
      ],
      version: 1,
      requestStartedAt: request.request.startedAt,
      requestedAt: request.createdAt,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      waitingSince: T0.toISOString(),
      post: undefined,
      announcedAt: undefined,
      releasedAt: undefined,
      closedAt: undefined,
    });
  });

  it('a system-raised item (rotation overdue) becomes a case like any other', () => {
    const opened = openCaseFrom(
      aCaseRequest({ reason: 'rotationOverdue', request: { keyId: undefined } }),
      3,
      T0,
    );
    expect(opened).toMatchObject({ escalation: 'rotationOverdue', keyId: undefined, status: 'open' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses case number %s', (number) => {
    expect(() => openCaseFrom(aCaseRequest(), number, T0)).toThrow(RangeError);
  });

  it.each([
    ['the error code', { request: { errorCode: A_RECOVERY_PASSWORD } }, '$.request.errorCode'],
    [
      'the display name',
      { requester: { displayName: `Alex ${A_RECOVERY_PASSWORD}` } },
      '$.requester.displayName',
    ],
    [
      'the conversation reference',
      { conversationReference: JSON.stringify({ user: { name: A_RECOVERY_PASSWORD.replaceAll('-', ' ') } }) },
      '$.conversationReference',
    ],
  ] as const)(
    'refuses a recovery password in %s, naming the field and not the value',
    (_label, overrides, field) => {
      let caught: unknown;
      try {
        openCaseFrom(aCaseRequest(overrides), 1, T0);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RecoveryPasswordRefusedError);
      expect(caught).toMatchObject({ code: 'RECOVERY_PASSWORD_IN_CASE', field });
      expect((caught as Error).message).not.toContain(A_RECOVERY_PASSWORD.slice(0, 13));
    },
  );
});

describe('attachCaseDetails', () => {
  const devices = [
    {
      name: 'ALEX-LAPTOP',
      deviceId: 'a0c4e2f1-6b3d-4c8a-9e7f-1d2b3c4d5e6f',
      joinType: 'AzureAd',
      lastSignInAt: '2025-06-19T17:02:00Z',
    },
    { name: 'ALEX-DESKTOP', deviceId: 'b1d5f3a2-7c4e-4d9b-8f0a-2e3c4d5e6f70' },
  ];

  it('adds devices, UPN and evidence as a system change', () => {
    const opened = anOpenCase();
    const detailed = attachCaseDetails(
      opened,
      {
        devices,
        userPrincipalName: 'AlexW@contoso.onmicrosoft.com',
        evidence: { proven: 'stepUpSignIn', at: at(-3).toISOString() },
      },
      at(1),
    );
    expect(detailed).toMatchObject({
      devices,
      requester: { ...opened.requester, userPrincipalName: 'AlexW@contoso.onmicrosoft.com' },
      evidence: { proven: 'stepUpSignIn', at: at(-3).toISOString() },
      version: 2,
      updatedAt: at(1).toISOString(),
      status: 'open',
    });
    expect(detailed.history.at(-1)).toEqual({
      at: at(1).toISOString(),
      by: { kind: 'system' },
      action: 'detailsAdded',
      detail: 'devices, evidence, userPrincipalName',
      status: 'open',
    });
  });

  it('leaves out what it was not given', () => {
    const withDevices = attachCaseDetails(anOpenCase(), { devices }, at(1));
    const withUpn = attachCaseDetails(
      withDevices,
      { userPrincipalName: 'AlexW@contoso.onmicrosoft.com' },
      at(2),
    );
    expect(withUpn.devices).toEqual(devices);
    expect(withUpn.evidence).toBeUndefined();
    expect(withUpn.version).toBe(3);
  });

  it('keeps the owner, status and verification of a case being worked', () => {
    const verified = aCaseIn('verified');
    const detailed = attachCaseDetails(verified, { devices }, at(60));
    expect(detailed).toMatchObject({
      status: 'verified',
      owner: verified.owner,
      verification: verified.verification,
    });
    expect(detailed.owner?.objectId).toBe(ACTORS.agent.objectId);
  });

  it('refuses a device name holding a recovery password', () => {
    const attach = () =>
      attachCaseDetails(anOpenCase(), { devices: [{ name: A_RECOVERY_PASSWORD, deviceId: 'x' }] }, at(1));
    expect(attach).toThrow(RecoveryPasswordRefusedError);
    expect(attach).toThrow(expect.objectContaining({ code: 'RECOVERY_PASSWORD_IN_CASE' }));
  });
});
