import type { DenialReason } from './release-policy.js';
import type { AuditLog } from './release-ports.js';
import type { EscalationReason } from './triage-types.js';

/**
 * Why IT takes over, in the words the requester will hear. "Not found", "not yours" and "not allowed" are
 * one reason, so nobody can probe other people's Key IDs. `ownDevice` says the Key ID matched one of the
 * verified requester's own PCs: then the real reason is about their own PC and is told as it is (the key
 * was already shown, the PC is disabled, the tenant keeps owners out). Not being in the self-service group
 * does not depend on the Key ID at all.
 */
export function escalationFor(denial: DenialReason, ownDevice: boolean): EscalationReason {
  switch (denial) {
    case 'noMatch':
      return 'notReleasable';
    case 'notInSelfServiceGroup':
      return 'notInSelfServiceGroup';
    case 'notAllowedByTenant':
    case 'alreadyReleased':
    case 'deviceDisabled':
    case 'repeatRecovery':
      return ownDevice ? denial : 'notReleasable';
    case 'rateLimited':
    case 'deviceRateLimited':
      return 'rateLimited';
    case 'riskStop':
      return 'riskStop';
    case 'directoryUnavailable':
      return 'directoryUnavailable';
  }
}

/** How long Key ID misses count against a person. */
export const MISS_WINDOW_MS = 24 * 60 * 60_000;

/**
 * What a Key ID that matched none of the person's PCs leads to. Each miss opens a case, up to `limit` a day:
 * a person typing the Key ID wrong deserves help. Past that it looks like probing for other people's keys:
 * the helpdesk is alerted once (at the first miss past the limit) and no more cases are opened.
 */
export type MissVerdict = 'openCase' | 'alertHelpdesk' | 'noMoreCases';

export function missVerdict(missesToday: number, limit: number): MissVerdict {
  if (missesToday <= limit) return 'openCase';
  return missesToday === limit + 1 ? 'alertHelpdesk' : 'noMoreCases';
}

/** The person's Key ID misses in the last day, from the audit trail (the release audits every `noMatch`). */
export async function recentMisses(audit: AuditLog, requesterObjectId: string, now: Date): Promise<number> {
  const since = now.getTime() - MISS_WINDOW_MS;
  const events = await audit.query({ requesterObjectId, limit: 500 });
  return events.filter(
    (event) => event.decision === 'denied' && event.reason === 'noMatch' && Date.parse(event.at) >= since,
  ).length;
}
