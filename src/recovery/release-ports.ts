/**
 * Ports the self-service release needs from storage: the audit trail, the release ledger (rate limits and
 * "never release twice"), and durable jobs any instance can run. None of them ever holds a key.
 */

/** What was decided, for the audit trail. */
export const AUDIT_DECISIONS = [
  'released',
  'denied',
  'escalated',
  'signInMismatch',
  'signInFailed',
  'rateLimited',
  'keyCardHidden',
  'rotationRequested',
  'rotationConfirmed',
  'rotationOverdue',
  /** A helpdesk agent (or the requester) changed a case: `reason` names the action. */
  'caseChanged',
] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** One decision, as the audit trail keeps it. */
export interface AuditEvent {
  readonly at: string;
  readonly correlationId: string;
  readonly decision: AuditDecision;
  /** Stable reason code (e.g. `notInSelfServiceGroup`, `rateLimited`, `riskStop`); absent for plain successes. */
  readonly reason?: string;
  readonly requester: { readonly objectId: string; readonly tenantId: string; readonly displayName?: string };
  /** Entra device `deviceId`, when one is involved. */
  readonly deviceId?: string;
  readonly deviceName?: string;
  /** The Key ID (full, when matched) or the prefix the person typed. */
  readonly keyId?: string;
  readonly requestId?: string;
  /** When the person's request began (ISO), for a decision about a request: where time-to-key starts. */
  readonly requestStartedAt?: string;
  /** How the requester was verified and when (ISO time of the sign-in). */
  readonly verification?: { readonly method: string; readonly at: string };
  /** The person acting when it is not the requester (an agent, the system). */
  readonly actor?: string;
  /** What the agent wrote with their action: the reason for "Show key to me", a rejection note. */
  readonly note?: string;
}

/** The requester as the audit trail names them: ids and display name, nothing else of the person. */
export function auditedRequester(requester: {
  readonly objectId: string;
  readonly tenantId: string;
  readonly displayName?: string;
}): AuditEvent['requester'] {
  return {
    objectId: requester.objectId,
    tenantId: requester.tenantId,
    ...(requester.displayName === undefined ? {} : { displayName: requester.displayName }),
  };
}

export interface AuditQuery {
  readonly requesterObjectId?: string;
  readonly deviceId?: string;
  /** Matches Key IDs starting with this (case-insensitive). */
  readonly keyId?: string;
  readonly limit?: number;
}

export interface AuditLog {
  /** Appends one event. Refuses (throws) an event that contains a recovery-password shape anywhere. */
  append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  query(query: AuditQuery): Promise<readonly AuditEvent[]>;
}

/** One release of a key to a requester (metadata only). */
export interface ReleaseRecord {
  /** The recovery request this release answers; a request is released at most once. */
  readonly requestId: string;
  readonly requesterObjectId: string;
  readonly deviceId: string;
  readonly keyId: string;
  readonly releasedAt: string;
}

/**
 * How far a claimed release got. `pending`: claimed, the key may be being read, nothing is on screen.
 * `sending`: the card is on its way; after a crash here nobody can tell whether it arrived. `shown`: Teams
 * took the card, and `ShownCard` says where it is.
 */
export const RELEASE_STAGES = ['pending', 'sending', 'shown'] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

/** Where a shown key card is, so it can be replaced by the key-free card later. */
export interface ShownCard {
  readonly conversationReference: string;
  readonly activityId: string;
}

/** A claim and how far it got. */
export interface ReleaseProgress {
  readonly record: ReleaseRecord;
  readonly stage: ReleaseStage;
  /** Set once `shown`. */
  readonly card?: ShownCard;
}

export interface ReleaseLedger {
  /**
   * Claims the right to release for `record.requestId`: true for exactly one caller across all instances,
   * false when the request was already released (a double click, a second instance, a replayed callback).
   * `followUps` (hide the card, check the rotation, recover after a crash) are scheduled in the same
   * transaction: no key is ever read without them (the outbox). The claim starts `pending`.
   */
  claim(record: ReleaseRecord, followUps: readonly NewJob[]): Promise<boolean>;
  /** The card is about to be sent (`pending` → `sending`). */
  markSending(requestId: string): Promise<void>;
  /** Teams took the card (→ `shown`), and this is where it is. */
  markShown(requestId: string, card: ShownCard): Promise<void>;
  /** The claim for `requestId` and its stage, if there is one. */
  progress(requestId: string): Promise<ReleaseProgress | undefined>;
  /**
   * Takes back a claim whose key read then failed (refused, Graph down) or never happened (the process
   * died first): nothing was released, so the request may be tried again and it does not count toward the
   * limits. The follow-ups named by `followUpKeys` are cancelled in the same transaction.
   */
  withdraw(requestId: string, followUpKeys: readonly string[]): Promise<void>;
  /** Releases to this requester since `since` (ISO time). */
  countByRequester(requesterObjectId: string, since: string): Promise<number>;
  /** Releases for this device since `since`. */
  countByDevice(deviceId: string, since: string): Promise<number>;
  /** The most recent release for this device, if any. */
  latestForDevice(deviceId: string): Promise<ReleaseRecord | undefined>;
}

/** Kinds of durable work. */
export const JOB_KINDS = [
  'hideKeyCard',
  'checkRotation',
  'caseReminder',
  'recoverRelease',
  'purgeExpired',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  /** JSON-serializable data the job needs (conversation reference, activity id, device id…). Never a key. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly dueAt: string;
  readonly attempts: number;
}

/** A job to schedule; `key` makes scheduling idempotent (the same key schedules once). */
export interface NewJob {
  readonly key: string;
  readonly kind: JobKind;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly dueAt: string;
}

export interface JobQueue {
  /** Schedules a job; `key` makes scheduling idempotent (the same key schedules once). */
  schedule(job: NewJob): Promise<void>;
  /** Marks pending jobs done without running them (a watchdog whose work finished). Unknown keys: no-op. */
  cancel(keys: readonly string[]): Promise<void>;
  /** Moves a pending job's due time (e.g. "It worked" hides the card now). No-op when unknown or done. */
  reschedule(key: string, dueAt: string): Promise<void>;
  /**
   * Leases up to `limit` due jobs to `worker` for `leaseMs`: a job is leased by one worker at a time, and a
   * lease that expires (the worker died) makes the job claimable again.
   */
  claimDue(now: string, worker: string, leaseMs: number, limit: number): Promise<readonly Job[]>;
  /** Marks a leased job done. */
  complete(id: string, worker: string): Promise<void>;
  /** Gives a leased job back to run again at `dueAt` (after a failure), counting the attempt. */
  retry(id: string, worker: string, dueAt: string): Promise<void>;
}
