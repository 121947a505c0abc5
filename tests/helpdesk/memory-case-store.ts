import type { Case } from '../../src/helpdesk/case.js';
import { isClosed } from '../../src/helpdesk/case.js';
import type { CaseStore } from '../../src/helpdesk/case-store.js';
import { CaseVersionConflictError } from '../../src/helpdesk/case-version-conflict-error.js';
import type { ChannelStore } from '../../src/helpdesk/channel-store.js';
import { openCaseFrom } from '../../src/helpdesk/open-case-from.js';
import type { CaseRequest } from '../../src/recovery/case-requests.js';
import { findRecoveryPassword } from '../../src/recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../../src/recovery/recovery-password-refused-error.js';
import type { AuditEvent, AuditLog } from '../../src/recovery/release-ports.js';

/**
 * An in-memory case store that keeps the port's promises the way a database does: copies in and out (no
 * caller can change a stored case by mutating what it got), numbers that never repeat, idempotent create,
 * compare-and-set updates, and the recovery-password guard. Each call yields to the event loop first, so
 * racing callers really interleave. With an audit log, an update's audit event goes there, checked before
 * the case changes, so the two are stored together or not at all.
 */
export class MemoryCaseStore implements CaseStore {
  readonly #audit: AuditLog | undefined;
  readonly #cases = new Map<number, Case>();
  readonly #byRequest = new Map<string, number>();
  #lastNumber = 0;

  constructor(audit?: AuditLog) {
    this.#audit = audit;
  }

  async create(
    caseRequest: CaseRequest,
    now: Date,
  ): Promise<{ readonly case: Case; readonly created: boolean }> {
    await Promise.resolve();
    const key = `${caseRequest.requester.objectId.toLowerCase()}\u0000${caseRequest.request.id}`;
    const existing = this.#byRequest.get(key);
    if (existing !== undefined) return { case: structuredClone(this.#cases.get(existing)!), created: false };
    const opened = openCaseFrom(caseRequest, this.#lastNumber + 1, now);
    this.#lastNumber = opened.number;
    this.#cases.set(opened.number, structuredClone(opened));
    this.#byRequest.set(key, opened.number);
    return { case: opened, created: true };
  }

  async get(number: number): Promise<Case | undefined> {
    await Promise.resolve();
    const found = this.#cases.get(number);
    return found === undefined ? undefined : structuredClone(found);
  }

  async update(next: Case, expectedVersion: number, audit?: AuditEvent): Promise<void> {
    await Promise.resolve();
    const field = findRecoveryPassword(next);
    if (field !== undefined) throw new RecoveryPasswordRefusedError('RECOVERY_PASSWORD_IN_CASE', field);
    const auditField = audit === undefined ? undefined : findRecoveryPassword(audit);
    if (auditField !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_AUDIT', auditField);
    const stored = this.#cases.get(next.number);
    if (stored === undefined || stored.version !== expectedVersion) {
      throw new CaseVersionConflictError(next.number, expectedVersion);
    }
    this.#cases.set(next.number, structuredClone(next));
    if (audit) await this.#audit?.append(audit);
  }

  async openCases(): Promise<readonly Case[]> {
    await Promise.resolve();
    return [...this.#cases.values()]
      .filter((item) => !isClosed(item.status))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number)
      .map((item) => structuredClone(item));
  }

  async openedSince(since: Date, limit: number): Promise<readonly Case[]> {
    await Promise.resolve();
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    return [...this.#cases.values()]
      .filter((item) => Date.parse(item.createdAt) >= since.getTime())
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number)
      .slice(0, limit)
      .map((item) => structuredClone(item));
  }

  async byRequester(requesterObjectId: string): Promise<readonly Case[]> {
    await Promise.resolve();
    return [...this.#cases.values()]
      .filter((item) => item.requester.objectId.toLowerCase() === requesterObjectId.toLowerCase())
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number)
      .map((item) => structuredClone(item));
  }
}

/** An in-memory channel store: the last reference saved per channel. */
export class MemoryChannelStore implements ChannelStore {
  readonly #references = new Map<string, string>();

  async save(channelId: string, reference: string): Promise<void> {
    await Promise.resolve();
    this.#references.set(channelId, reference);
  }

  async get(channelId: string): Promise<string | undefined> {
    await Promise.resolve();
    return this.#references.get(channelId);
  }
}
