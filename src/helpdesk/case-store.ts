import type { CaseRequest } from '../recovery/case-requests.js';
import type { AuditEvent } from '../recovery/release-ports.js';
import type { Case } from './case.js';

/**
 * Where cases are kept (SQLite embedded, PostgreSQL for several instances). Implementations refuse any
 * case holding a recovery-password shape (`findRecoveryPassword`).
 */
export interface CaseStore {
  /**
   * Opens the case for a case request with `openCaseFrom(caseRequest, nextNumber, now)`, once per
   * (requester object id, request id): a retry, a double click or a second instance gets the case already
   * opened, with `created: false`, and no number is used up.
   */
  create(caseRequest: CaseRequest, now: Date): Promise<{ readonly case: Case; readonly created: boolean }>;
  get(number: number): Promise<Case | undefined>;
  /**
   * Replaces the stored case with `next` when the stored one is still at `expectedVersion` (the version
   * the change was decided on), and appends `audit` to the audit trail in the same transaction: a change
   * is never stored without its audit event, nor an event without its change (a crash between the two
   * would otherwise lose one).
   * @throws CaseVersionConflictError when another writer got there first, or the case does not exist.
   */
  update(next: Case, expectedVersion: number, audit?: AuditEvent): Promise<void>;
  /** Cases not closed (open, claimed, verified, released, reopened), oldest first: the helpdesk queue. */
  openCases(): Promise<readonly Case[]>;
  /** Cases opened at or after `since`, whatever their status, newest first; at most `limit` of them. */
  openedSince(since: Date, limit: number): Promise<readonly Case[]>;
  /** The requester's cases, newest first. */
  byRequester(requesterObjectId: string): Promise<readonly Case[]>;
}
