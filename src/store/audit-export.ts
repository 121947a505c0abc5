import type { AuditEvent } from '../recovery/release-ports.js';

/** An audit event with its place in the order events were stored: the export's cursor. */
export interface StoredAuditEvent {
  readonly sequence: number;
  readonly event: AuditEvent;
}

/** Where an export starts: after the last event a previous export wrote, or at a time. */
export type AuditExportStart = { readonly afterSequence: number } | { readonly since: Date };

/** The audit trail read in the order it was stored, for a SIEM or an archive (`npm run audit:export`). */
export interface AuditExportSource {
  /**
   * At most `limit` events from `start`, in storage order, stopping before the first event newer than
   * `settledBefore`: on PostgreSQL a transaction can commit after a later one took a higher sequence, so
   * the newest seconds are left for the next run rather than skipped for ever once the cursor passed them.
   */
  read(start: AuditExportStart, settledBefore: Date, limit: number): Promise<readonly StoredAuditEvent[]>;
}

/** The events up to, not including, the first one stored after `settledBefore`. */
export function settledPrefix(rows: readonly StoredAuditEvent[], settledBefore: Date): StoredAuditEvent[] {
  const firstUnsettled = rows.findIndex((row) => Date.parse(row.event.at) > settledBefore.getTime());
  return firstUnsettled === -1 ? [...rows] : rows.slice(0, firstUnsettled);
}
