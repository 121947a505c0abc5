import type { EscalationReason } from '../recovery/triage-types.js';
import type { Case } from './case.js';

/** How many block reasons `stats` lists. */
export const TOP_BLOCK_REASONS = 3;

/** The self-service side of a day, counted by the edge from the release ledger and the triage. */
export interface SelfServiceDay {
  /** Recovery requests started that day, however they ended. */
  readonly requests: number;
  /** Requests that ended with the key shown by self-service. */
  readonly selfServed: number;
  /** Request start to key on screen, in ms, for each self-service release that day. */
  readonly timesToKeyMs: readonly number[];
}

/** One reason self-service did not happen, and how many cases it sent to the helpdesk. */
export interface BlockReasonCount {
  readonly reason: EscalationReason;
  readonly count: number;
}

/** The `stats` command's answer for one day. */
export interface HelpdeskStats {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly requests: number;
  readonly selfServed: number;
  /** Cases opened that day. */
  readonly escalated: number;
  /** Cases whose key first left the bot that day. */
  readonly releasedByHelpdesk: number;
  /** Median of request start to key, self-service and helpdesk together; undefined without releases. */
  readonly medianTimeToKeyMs: number | undefined;
  /** Most frequent escalation reasons of the day's cases, most frequent first, ties by name. */
  readonly topBlockReasons: readonly BlockReasonCount[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day's helpdesk numbers from the cases and the self-service counts. `day` is a UTC calendar day.
 * @throws RangeError when `day` is not a `YYYY-MM-DD` date.
 */
export function stats(cases: readonly Case[], day: string, selfService: SelfServiceDay): HelpdeskStats {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00.000Z`) : Number.NaN;
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day) {
    throw new RangeError('day is a YYYY-MM-DD date');
  }
  const within = (iso: string | undefined): boolean => {
    if (iso === undefined) return false;
    const at = Date.parse(iso);
    return at >= start && at < start + DAY_MS;
  };
  const opened = cases.filter((item) => within(item.createdAt));
  const released = cases.filter((item) => within(item.releasedAt));
  const helpdeskTimes = released.map(
    (item) => Date.parse(item.releasedAt as string) - Date.parse(item.requestStartedAt),
  );
  return {
    day,
    requests: selfService.requests,
    selfServed: selfService.selfServed,
    escalated: opened.length,
    releasedByHelpdesk: released.length,
    medianTimeToKeyMs: median([...selfService.timesToKeyMs, ...helpdeskTimes]),
    topBlockReasons: topReasons(opened.map((item) => item.escalation)),
  };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function topReasons(reasons: readonly EscalationReason[]): readonly BlockReasonCount[] {
  const counts = new Map<EscalationReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_BLOCK_REASONS);
}
