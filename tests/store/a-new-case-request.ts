import { randomUUID } from 'node:crypto';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { NewCaseRequest, Requester } from '../../src/recovery/case-requests.js';
import type { EscalationReason, RecoveryRequest } from '../../src/recovery/triage-types.js';

const ALEX = DEMO_PEOPLE[0]!;

/** What a test may change in a new case request; nested parts merge over the defaults. */
export interface CaseRequestOverrides {
  readonly requester?: Partial<Requester>;
  readonly request?: Partial<RecoveryRequest>;
  readonly reason?: EscalationReason;
  readonly conversationReference?: string;
  readonly createdAt?: string;
}

/**
 * A serialized Bot Framework conversation reference for a Teams 1:1 chat, shaped like the one
 * `TurnContext.getConversationReference` returns for the requester.
 */
export function aConversationReference(
  requester: Pick<Requester, 'objectId' | 'tenantId' | 'teamsUserId' | 'displayName'>,
  conversationId = `a:1${requester.objectId.replaceAll('-', '')}Xk9_-Qp3`,
): string {
  return JSON.stringify({
    activityId: '1718900000000',
    user: { id: requester.teamsUserId, aadObjectId: requester.objectId, name: requester.displayName },
    bot: { id: `28:${DEMO_BOT_APP_ID}`, name: 'BitLocker Recovery' },
    conversation: {
      id: conversationId,
      conversationType: 'personal',
      tenantId: requester.tenantId,
    },
    channelId: 'msteams',
    locale: 'en-US',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
  });
}

/** A case request from Alex Wilber (demo tenant) for a fresh request id, escalated because Alex asked. */
export function aNewCaseRequest(overrides: CaseRequestOverrides = {}): NewCaseRequest {
  const requester: Requester = {
    objectId: ALEX.id,
    tenantId: DEMO_TENANT_ID,
    teamsUserId: `29:1${ALEX.id.replaceAll('-', '')}`,
    displayName: ALEX.displayName,
    ...overrides.requester,
  };
  const request: RecoveryRequest = {
    id: randomUUID(),
    keyId: '4290B6C0',
    rootCause: 'firmwareUpdate',
    reasonCode: 'FIRMWARE_UPDATE',
    errorCode: undefined,
    deviceKind: 'workPc',
    riskStop: false,
    startedAt: '2025-06-20T09:14:03.120Z',
    ...overrides.request,
  };
  return {
    requester,
    request,
    reason: overrides.reason ?? 'requesterAsked',
    conversationReference: overrides.conversationReference ?? aConversationReference(requester),
    createdAt: overrides.createdAt ?? '2025-06-20T09:16:41.007Z',
  };
}
