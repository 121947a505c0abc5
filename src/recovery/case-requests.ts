import type { EscalationReason, RecoveryRequest } from './triage-types.js';

/** Who asked, as the authenticated activity says (never from typed text). */
export interface Requester {
  /** Entra object id (`from.aadObjectId`). */
  readonly objectId: string;
  readonly tenantId: string;
  /** Teams user id (`29:…`), for proactive messages. */
  readonly teamsUserId: string;
  readonly displayName: string;
}

/** A request for IT to take over, as recorded until the helpdesk flow turns it into a case. Never holds a key. */
export interface CaseRequest {
  /** Human-friendly, increasing number ("request 42"). */
  readonly number: number;
  readonly requester: Requester;
  readonly request: RecoveryRequest;
  readonly reason: EscalationReason;
  /** Serialized Bot Framework conversation reference of the requester's 1:1 chat (opaque JSON here). */
  readonly conversationReference: string;
  readonly createdAt: string;
}

export type NewCaseRequest = Omit<CaseRequest, 'number'>;

/** Where case requests are kept. */
export interface CaseRequestStore {
  /**
   * Records a case request once per (requester, request id): a retry or a double click returns the one
   * already recorded, with `created: false`.
   */
  record(
    caseRequest: NewCaseRequest,
  ): Promise<{ readonly caseRequest: CaseRequest; readonly created: boolean }>;
  /** The requester's most recent case request, if any. */
  latestFor(requesterObjectId: string): Promise<CaseRequest | undefined>;
}
