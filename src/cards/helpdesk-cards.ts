import type { HelpdeskRefusal } from '../helpdesk/act-on-case.js';
import type { AuditEvent } from '../recovery/release-ports.js';
import type { EscalationReason, RootCause } from '../recovery/triage-types.js';
import { type AdaptiveCard, type CardElement, cardOf, text, title } from './adaptive-card.js';
import { type CaseStatus, cardTime, minutesBetween, safe } from './case-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/** One line of `queue`: a case that still needs the helpdesk. */
export interface QueueEntryView {
  readonly number: number;
  readonly status: CaseStatus;
  readonly requesterName: string;
  readonly keyId?: string;
  readonly reason: EscalationReason;
  /** ISO time the case was opened. */
  readonly createdAt: string;
  readonly ownerName?: string;
}

/** A phone screen of cases; the rest are counted, and the oldest are the ones that matter. */
const QUEUE_LINES = 15;
const AUDIT_LINES = 20;

/** `queue`: open cases, oldest first, how long each has waited, and how to open one. */
export function queueCard(entries: readonly QueueEntryView[], now: string, messages: Messages): AdaptiveCard {
  const m = messages.helpdesk;
  if (entries.length === 0) return cardOf([title(m.queueTitle(0)), text(m.queueEmpty)]);
  const oldestFirst = [...entries].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const shown = oldestFirst.slice(0, QUEUE_LINES);
  const lines = shown.flatMap((entry): CardElement[] => {
    const status = entry.ownerName
      ? `${m.statuses[entry.status]} (${safe(entry.ownerName, m)})`
      : m.statuses[entry.status];
    const detail = [
      m.waitingFor(minutesBetween(entry.createdAt, now)),
      ...(entry.keyId === undefined ? [] : [`${messages.keyIdLabel} ${formatKeyId(entry.keyId)}`]),
      m.reasons[entry.reason],
    ].join(' · ');
    return [
      text(m.queueLine(entry.number, safe(entry.requesterName, m), status), {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
      text(detail, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ];
  });
  const more = entries.length - shown.length;
  return cardOf([
    title(m.queueTitle(entries.length)),
    ...lines,
    ...(more > 0 ? [text(m.moreCases(more), { isSubtle: true })] : []),
    text(m.queueHint, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
}

/** Today's numbers for `stats`. */
export interface StatsView {
  /** The day counted, `YYYY-MM-DD` in the helpdesk's time zone. */
  readonly day: string;
  readonly requests: number;
  readonly selfServed: number;
  readonly escalated: number;
  /** Median minutes from first message to key on screen; absent when no key was released today. */
  readonly medianMinutesToKey?: number;
  /** Most frequent root causes first. */
  readonly topReasons: readonly { readonly cause: RootCause; readonly count: number }[];
}

/** `stats`: requests, self-served, escalated, median time to key, and the top block reasons today. */
export function statsCard(stats: StatsView, messages: Messages): AdaptiveCard {
  const m = messages.helpdesk;
  const reasons = [...stats.topReasons].sort((a, b) => b.count - a.count);
  return cardOf([
    title(m.statsTitle(stats.day)),
    {
      type: 'FactSet',
      facts: [
        { title: m.statsRequests, value: String(stats.requests) },
        { title: m.statsSelfServed, value: String(stats.selfServed) },
        { title: m.statsEscalated, value: String(stats.escalated) },
        {
          title: m.statsMedianToKey,
          value:
            stats.medianMinutesToKey === undefined
              ? m.noneYet
              : m.minutes(Math.round(stats.medianMinutesToKey)),
        },
      ],
    },
    text(m.topReasonsTitle, { weight: 'Bolder', spacing: 'Medium' }),
    reasons.length === 0
      ? text(m.noReasons, { isSubtle: true })
      : {
          type: 'FactSet',
          facts: reasons.map((reason) => ({
            title: m.rootCauses[reason.cause],
            value: String(reason.count),
          })),
        },
  ]);
}

/**
 * `audit <user|device|Key ID>`: the latest events, newest first as the audit log returns them. `subject`
 * is what the agent typed, shown back so they see what was searched.
 */
export function auditCard(subject: string, events: readonly AuditEvent[], messages: Messages): AdaptiveCard {
  const m = messages.helpdesk;
  const shownSubject = safe(subject, m);
  if (events.length === 0)
    return cardOf([title(m.auditTitle(shownSubject)), text(m.auditEmpty(shownSubject))]);
  const shown = events.slice(0, AUDIT_LINES);
  const lines = shown.flatMap((event): CardElement[] => {
    const who = [
      ...(event.requester.displayName === undefined ? [] : [safe(event.requester.displayName, m)]),
      ...(event.actor === undefined ? [] : [m.auditBy(safe(event.actor, m))]),
    ];
    const what = [
      ...(event.deviceName === undefined ? [] : [safe(event.deviceName, m)]),
      ...(event.keyId === undefined ? [] : [`${messages.keyIdLabel} ${formatKeyId(event.keyId)}`]),
      ...(event.reason === undefined ? [] : [safe(event.reason, m)]),
      ...(event.note === undefined ? [] : [`“${safe(event.note, m)}”`]),
    ];
    return [
      text(`${cardTime(event.at)} · ${m.auditDecisions[event.decision]}`, {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
      ...(who.length + what.length === 0
        ? []
        : [text([...who, ...what].join(' · '), { isSubtle: true, size: 'Small', spacing: 'None' })]),
    ];
  });
  const more = events.length - shown.length;
  return cardOf([
    title(m.auditTitle(shownSubject)),
    ...lines,
    ...(more > 0 ? [text(m.moreAudit(more), { isSubtle: true })] : []),
  ]);
}

/** The polite words for a refusal; nothing was changed when one is said. */
export function helpdeskRefusalText(refusal: HelpdeskRefusal, messages: Messages): string {
  const m = messages.helpdesk;
  const r = m.refusals;
  switch (refusal.code) {
    case 'notHelpdeskMember':
    case 'notRequester':
    case 'ownCase':
    case 'alreadyOwner':
    case 'notClaimed':
    case 'verificationRequired':
    case 'advancedRoleRequired':
    case 'alreadyReleased':
    case 'notClosed':
    case 'unknownMethod':
    case 'recoveryPasswordInText':
    case 'changed':
    case 'outOfDate':
      return r[refusal.code];
    case 'caseClosed':
      return r.caseClosed(m.statuses[refusal.status]);
    case 'claimedByOther':
      return r.claimedByOther(safe(refusal.owner.name, m));
    case 'textRequired':
      return r.textRequired[refusal.field];
    case 'textTooLong':
      return r.textTooLong(refusal.field, refusal.max);
    case 'caseNotFound':
      return r.caseNotFound(refusal.caseNumber);
  }
}
