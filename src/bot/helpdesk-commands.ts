import type { Application, TurnState } from '@microsoft/teams-ai';
import { type Activity, ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { caseCard } from '../cards/case-card.js';
import { auditCard, helpdeskRefusalText, queueCard, statsCard } from '../cards/helpdesk-cards.js';
import type { Messages } from '../cards/messages.js';
import type { Case } from '../helpdesk/case.js';
import { isHelpdeskMember } from '../helpdesk/decide-agent-action.js';
import { stats, TOP_BLOCK_REASONS } from '../helpdesk/stats.js';
import type { Logger } from '../observability/logger.js';
import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import type { AuditEvent } from '../recovery/release-ports.js';
import type { RootCause } from '../recovery/triage-types.js';
import { caseView, channelOf, type HelpdeskServices } from './helpdesk-flow.js';
import { turnLogger } from './turn-context-data.js';

/** What `audit` searches for. A bare GUID may be a user's object id, a device's `deviceId` or a Key ID. */
export type AuditSubject =
  | { readonly kind: 'guid'; readonly id: string }
  | { readonly kind: 'userPrincipalName'; readonly upn: string }
  | { readonly kind: 'keyIdPrefix'; readonly prefix: string };

/** A helpdesk command typed in the helpdesk channel or a 1:1 chat; `usage` when its argument is unusable. */
export type HelpdeskCommand =
  | { readonly kind: 'queue' }
  | { readonly kind: 'case'; readonly caseNumber: number }
  | { readonly kind: 'stats' }
  | { readonly kind: 'audit'; readonly subject: AuditSubject; readonly shown: string }
  | { readonly kind: 'usage' };

export interface HelpdeskCommandDependencies {
  readonly helpdesk: HelpdeskServices;
  readonly messages: Messages;
  readonly logger: Logger;
  readonly now: () => Date;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const UPN = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;
const KEY_ID_PREFIX = /^\{?([0-9a-f-]{8,36})\}?$/i;
/** Newest audit events asked for: the card shows 20 and counts the rest it was given. */
const AUDIT_QUERY_LIMIT = 50;
/** The most audit events `stats` reads for one day (the store's maximum per query). */
const STATS_AUDIT_LIMIT = 1000;
/** The most cases `stats` reads for one day. */
const STATS_CASE_LIMIT = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The one table of helpdesk commands: first match wins; anything else is not a helpdesk command. */
const COMMANDS: readonly {
  readonly pattern: RegExp;
  readonly parse: (argument: string) => HelpdeskCommand;
}[] = [
  { pattern: /^queue$/i, parse: () => ({ kind: 'queue' }) },
  { pattern: /^stats$/i, parse: () => ({ kind: 'stats' }) },
  { pattern: /^case(?:\s+(.*))?$/i, parse: parseCaseNumber },
  { pattern: /^audit(?:\s+(.*))?$/i, parse: parseAuditSubject },
];

/** Reads a helpdesk command from a message's text; undefined when the text is not one. */
export function matchHelpdeskCommand(text: string): HelpdeskCommand | undefined {
  const typed = text.replace(/\s+/g, ' ').trim();
  for (const command of COMMANDS) {
    const match = command.pattern.exec(typed);
    if (match) return command.parse((match[1] ?? '').trim());
  }
  return undefined;
}

function parseCaseNumber(argument: string): HelpdeskCommand {
  const digits = /^#?(\d{1,9})$/.exec(argument)?.[1];
  const caseNumber = digits === undefined ? 0 : Number(digits);
  return caseNumber > 0 ? { kind: 'case', caseNumber } : { kind: 'usage' };
}

function parseAuditSubject(argument: string): HelpdeskCommand {
  // A pasted recovery password is never searched for, echoed or logged.
  if (argument === '' || containsRecoveryPasswordShape(argument)) return { kind: 'usage' };
  const guid = GUID.exec(argument)?.[1];
  if (guid) return { kind: 'audit', subject: { kind: 'guid', id: guid.toLowerCase() }, shown: guid };
  if (UPN.test(argument))
    return { kind: 'audit', subject: { kind: 'userPrincipalName', upn: argument }, shown: argument };
  const prefix = KEY_ID_PREFIX.exec(argument)?.[1]?.replace(/-/g, '').toUpperCase();
  if (prefix && /^[0-9A-F]{8,32}$/.test(prefix))
    return { kind: 'audit', subject: { kind: 'keyIdPrefix', prefix }, shown: prefix };
  return { kind: 'usage' };
}

/**
 * Registers `queue`, `case <n>`, `stats` and `audit <user|device|Key ID>` for 1:1 chats and the helpdesk
 * channel. Register before the 1:1 triage route and the group-chat redirect: routes match in order.
 * Membership comes from Graph for the person in the activity; everyone else gets the polite refusal and
 * no data. Elsewhere (other channels, group chats) the commands are not matched, so case data never lands
 * where non-helpdesk people read.
 */
export function registerHelpdeskCommands<TState extends TurnState>(
  app: Application<TState>,
  deps: HelpdeskCommandDependencies,
): void {
  app.message(
    (context) => Promise.resolve(commandIn(context.activity, deps.helpdesk) !== undefined),
    async (context) => {
      const command = commandIn(context.activity, deps.helpdesk);
      if (!command) return;
      const log = turnLogger(context, deps.logger);
      const objectId = context.activity.from.aadObjectId;
      let member: boolean;
      try {
        member = objectId
          ? isHelpdeskMember({ objectId, name: '', ...(await deps.helpdesk.membership(objectId)) })
          : false;
      } catch (error) {
        // The directory is down, slow or throttling: without knowing who asks, no case data is shown.
        log.warn({ err: error, command: command.kind }, 'helpdesk command: membership unknown');
        await context.sendActivity(deps.messages.helpdesk.refusals.membershipUnknown);
        return;
      }
      if (!member) {
        log.info({ command: command.kind, actor: objectId }, 'helpdesk command refused: not a member');
        await context.sendActivity(helpdeskRefusalText({ code: 'notHelpdeskMember' }, deps.messages));
        return;
      }
      log.info({ command: command.kind, actor: objectId }, 'helpdesk command');
      await reply(context, await answer(command, deps));
    },
  );
}

function commandIn(activity: Activity, helpdesk: HelpdeskServices): HelpdeskCommand | undefined {
  if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return undefined;
  const type = activity.conversation?.conversationType ?? 'personal';
  const where = type === 'personal' || channelOf(activity) === helpdesk.channelId;
  return where ? matchHelpdeskCommand(activity.text) : undefined;
}

async function answer(
  command: HelpdeskCommand,
  deps: HelpdeskCommandDependencies,
): Promise<AdaptiveCard | string> {
  const { helpdesk, messages } = deps;
  switch (command.kind) {
    case 'usage':
      return messages.helpdesk.commandsUsage;
    case 'queue': {
      const open = await helpdesk.cases.openCases();
      return queueCard(open.map(queueEntry), deps.now().toISOString(), messages);
    }
    case 'case': {
      const found = await helpdesk.cases.get(command.caseNumber);
      return found
        ? caseCard(caseView(found), messages)
        : helpdeskRefusalText({ code: 'caseNotFound', caseNumber: command.caseNumber }, messages);
    }
    case 'stats':
      return statsCard(await todaysStats(deps), messages);
    case 'audit':
      return auditCard(command.shown, await auditEvents(command.subject, helpdesk), messages);
  }
}

function queueEntry(item: Case) {
  return {
    number: item.number,
    status: item.status,
    requesterName: item.requester.displayName,
    ...(item.keyId === undefined ? {} : { keyId: item.keyId }),
    reason: item.escalation,
    createdAt: item.createdAt,
    ...(item.owner ? { ownerName: item.owner.name } : {}),
  };
}

async function auditEvents(
  subject: AuditSubject,
  helpdesk: HelpdeskServices,
): Promise<readonly AuditEvent[]> {
  const limit = AUDIT_QUERY_LIMIT;
  switch (subject.kind) {
    case 'keyIdPrefix':
      return helpdesk.audit.query({ keyId: subject.prefix, limit });
    case 'userPrincipalName': {
      const user = await helpdesk.findUser?.(subject.upn);
      return user ? helpdesk.audit.query({ requesterObjectId: user.objectId, limit }) : [];
    }
    case 'guid': {
      // Users, devices and Key IDs are all GUIDs: ask for each and merge, newest first.
      const found = await Promise.all([
        helpdesk.audit.query({ requesterObjectId: subject.id, limit }),
        helpdesk.audit.query({ deviceId: subject.id, limit }),
        helpdesk.audit.query({ keyId: subject.id, limit }),
      ]);
      const distinct = new Map(found.flat().map((event) => [JSON.stringify(event), event]));
      return [...distinct.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
    }
  }
}

/**
 * Today's numbers (UTC day). Requests are the distinct recovery requests seen today in the audit trail or
 * in a case opened today; a request abandoned before any decision leaves no trace and is not counted.
 */
async function todaysStats(deps: HelpdeskCommandDependencies) {
  const now = deps.now();
  const day = now.toISOString().slice(0, 10);
  const start = Date.parse(`${day}T00:00:00.000Z`);
  const today = (iso: string) => Date.parse(iso) >= start && Date.parse(iso) < start + DAY_MS;
  const events = (await deps.helpdesk.audit.query({ limit: STATS_AUDIT_LIMIT })).filter((event) =>
    today(event.at),
  );
  const cases = await deps.helpdesk.cases.openedSince(new Date(start), STATS_CASE_LIMIT);
  // An agent's release names the agent; a self-service release has no actor.
  const selfServed = new Map(
    events
      .filter((event) => event.decision === 'released' && event.actor === undefined && event.requestId)
      .map((event) => [event.requestId as string, event]),
  );
  // A request counts when it started today: later events of older requests (a card hidden, a rotation
  // confirmed) do not make them today's. Events about no person's request (rotation follow-ups) carry no
  // start, and what someone did on a case (an actor) is that case's request, counted with the cases.
  const startOf = new Map<string, number>();
  for (const event of events) {
    if (event.requestId && event.requestStartedAt && event.actor === undefined)
      startOf.set(event.requestId, Date.parse(event.requestStartedAt));
  }
  for (const item of cases) startOf.set(item.requestId, Date.parse(item.requestStartedAt));
  const requests = new Set([...startOf].filter(([, startedAt]) => startedAt >= start).map(([id]) => id));
  const timesToKeyMs = [...selfServed.values()].flatMap((event) => {
    const startedAt = startOf.get(event.requestId as string);
    return startedAt === undefined ? [] : [Date.parse(event.at) - startedAt];
  });
  const numbers = stats(cases, day, { requests: requests.size, selfServed: selfServed.size, timesToKeyMs });
  return {
    day,
    requests: numbers.requests,
    selfServed: numbers.selfServed,
    escalated: numbers.escalated,
    ...(numbers.medianTimeToKeyMs === undefined
      ? {}
      : { medianMinutesToKey: numbers.medianTimeToKeyMs / 60_000 }),
    topReasons: topRootCauses(cases),
  };
}

/** The block reasons as the card names them: the requesters' answers to "what happened just before". */
function topRootCauses(cases: readonly Case[]): { cause: RootCause; count: number }[] {
  const counts = new Map<RootCause, number>();
  for (const item of cases) {
    const cause = item.triage.rootCause;
    if (cause) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts]
    .map(([cause, count]) => ({ cause, count }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
    .slice(0, TOP_BLOCK_REASONS);
}

async function reply(context: TurnContext, message: AdaptiveCard | string): Promise<void> {
  await context.sendActivity(
    typeof message === 'string' ? message : MessageFactory.attachment(CardFactory.adaptiveCard(message)),
  );
}
