import {
  type Activity,
  CardFactory,
  type ConversationParameters,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import {
  advancedView,
  agentSignInCard,
  caseCard,
  revealedKeyHiddenCard,
  revealedKeyView,
} from '../cards/case-card.js';
import { helpdeskRefusalText } from '../cards/helpdesk-cards.js';
import type { Case } from '../helpdesk/case.js';
import { CaseVersionConflictError } from '../helpdesk/case-version-conflict-error.js';
import { type CaseRefusal, decideAgentAction, showKeyRefusal } from '../helpdesk/decide-agent-action.js';
import type { VerifiedStepUp } from '../identity/step-up.js';
import { newCorrelationId } from '../observability/logger.js';
import type { Requester } from '../recovery/case-requests.js';
import type { ReleaseOutcome } from '../recovery/release-key.js';
import { actorOf, caseView, type HelpdeskContext, refusedCard, updateChannelCard } from './helpdesk-flow.js';
import { releaseForCase } from './helpdesk-send-key.js';
import { type HideKeyCardPayload, hideJobKey, type ReleaseServices } from './release-flow.js';
import { scheduleRotationCheck } from './rotation.js';

/** Sign-ins started from "Show key to me" carry this request id; it also keys the release in the ledger. */
const CASE_SHOW_SIGN_IN = /^caseShow:(\d{1,9})$/;

export function isCaseShowSignIn(requestId: string): boolean {
  return CASE_SHOW_SIGN_IN.test(requestId);
}

/** Refusals about the reason the agent typed: answered with the form again, so they can fix it. */
const REASON_REFUSALS: ReadonlySet<CaseRefusal['code']> = new Set([
  'textRequired',
  'textTooLong',
  'recoveryPasswordInText',
]);

/**
 * "Show key to me" pressed on the case card: if this agent may (advanced group, their claim, a recorded
 * verification), the answer is the form that asks for their reason. Only they see it: it is the answer to
 * their own press, and the channel keeps the base card.
 */
export async function offerShowKey(
  context: TurnContext,
  current: Case,
  deps: HelpdeskContext,
): Promise<AdaptiveCard> {
  const actor = await actorOf(
    context.activity.from.aadObjectId ?? '',
    context.activity.from.name ?? '',
    deps,
  );
  const refusal = showKeyRefusal(current, actor, deps.now());
  if (refusal) return refusedCard(current, refusal, deps);
  return advancedView(caseView(current), deps.messages);
}

/**
 * The reason is given: decide with it, then ask the agent to sign in again. The key is read only after
 * that sign-in, and the reason travels with it (stored in the sign-in state, not on the case, until the
 * key is actually shown).
 */
export async function startShowKey(
  context: TurnContext,
  current: Case,
  reason: string,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<AdaptiveCard> {
  const activity = context.activity;
  const objectId = activity.from.aadObjectId ?? '';
  const actor = await actorOf(objectId, activity.from.name ?? '', deps);
  const decision = decideAgentAction(current, { type: 'showKeyToMe', reason }, actor, deps.now());
  if (decision.kind === 'refused') {
    return REASON_REFUSALS.has(decision.reason.code)
      ? advancedView(caseView(current), deps.messages, {
          notice: helpdeskRefusalText(decision.reason, deps.messages),
        })
      : refusedCard(current, decision.reason, deps);
  }
  const url = await release.stepUp.startUrl(
    {
      objectId,
      tenantId: activity.conversation.tenantId ?? '',
      teamsUserId: activity.from.id,
      displayName: actor.name,
    },
    `caseShow:${current.number}`,
    JSON.stringify(TurnContext.getConversationReference(activity as Activity)),
    reason.trim(),
  );
  const m = deps.messages.helpdesk.showKeyFlow;
  return agentSignInCard(
    { case: caseView(current), notice: m.signInNotice, button: m.signInButton, url },
    deps.messages,
  );
}

/**
 * After the advanced agent's fresh sign-in (a proactive turn in the case's thread): decide again with the
 * reason they gave, open their private chat with the bot, and only then read the key once (the agent's
 * token in delegated mode, the app's in application mode) straight into a card there. The card hides
 * itself after KEY_VISIBLE_MINUTES, the key is checked for rotation like any released key, and the thread
 * is told who saw it.
 */
export async function finishShowKey(
  context: TurnContext,
  verified: VerifiedStepUp,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<void> {
  const m = deps.messages.helpdesk.showKeyFlow;
  const caseNumber = Number(CASE_SHOW_SIGN_IN.exec(verified.requestId)?.[1]);
  const current = await deps.helpdesk.cases.get(caseNumber);
  if (!current) {
    await context.sendActivity(m.signInFailed);
    return;
  }
  const agent = verified.requester;
  const actor = await actorOf(agent.objectId, agent.displayName, deps);
  const reason = verified.reason ?? '';
  const decision = decideAgentAction(current, { type: 'showKeyToMe', reason }, actor, deps.now());
  if (decision.kind === 'refused') {
    await context.sendActivity(helpdeskRefusalText(decision.reason, deps.messages));
    return;
  }
  const correlationId = newCorrelationId();
  let outcome: ReleaseOutcome | undefined;
  let opened = false;
  try {
    await inPrivateChat(context, agent, deps, async (agentChat) => {
      opened = true;
      outcome = await releaseForCase(
        current,
        verified,
        `helpdesk:${current.verification?.method ?? 'unknown'}+agentStepUp+shownToAgent`,
        correlationId,
        deps,
        release,
      );
      if (outcome.kind === 'released')
        await showToAgent(agentChat, agent.objectId, current, outcome, deps, release);
    });
  } catch (error) {
    if (opened) throw error;
    deps.logger.warn({ err: error, caseNumber }, 'could not open the agent’s private chat; no key read');
    await context.sendActivity(m.privateChatFailed);
    return;
  }
  if (outcome?.kind === 'needMoreDigits') {
    await context.sendActivity(deps.messages.helpdesk.sendKeyFlow.severalKeys(outcome.matches));
    return;
  }
  if (outcome?.kind === 'denied') {
    await context.sendActivity(m.notShown(outcome.reason));
    return;
  }
  if (outcome?.kind !== 'released') throw new Error('the key release ended without an outcome');
  // The key is out: make sure it is replaced, whatever happens to the case from here.
  await scheduleRotationCheck(
    release.jobs,
    {
      requestId: verified.requestId,
      requester: current.requester,
      deviceId: outcome.device.deviceId,
      deviceName: outcome.device.displayName,
      releasedKeyId: outcome.key.id,
      releasedKeyCreatedAt: outcome.key.createdDateTime,
      conversationReference: current.requesterConversation,
      correlationId,
    },
    deps.now(),
  );
  await deps.helpdesk.audit.append({
    at: deps.now().toISOString(),
    correlationId,
    decision: 'caseChanged',
    reason: `showKeyToMe:${decision.case.status}`,
    requester: {
      objectId: current.requester.objectId,
      tenantId: current.requester.tenantId,
      displayName: current.requester.displayName,
    },
    deviceId: outcome.device.deviceId,
    deviceName: outcome.device.displayName,
    keyId: outcome.key.id,
    requestId: current.requestId,
    actor: `${actor.name} (${actor.objectId})`,
    note: reason.trim(),
  });
  try {
    await deps.helpdesk.cases.update(decision.case, current.version);
    await updateChannelCard(decision.case, caseCard(caseView(decision.case), deps.messages), deps);
  } catch (error) {
    if (!(error instanceof CaseVersionConflictError)) throw error;
    deps.logger.warn({ caseNumber }, 'case changed while its key was being shown');
  }
  await context.sendActivity(m.shown(actor.name));
}

/**
 * Runs `work` in the 1:1 chat between the bot and the agent (Teams hands back the existing one). Fails
 * before `work` runs when Teams cannot open it, e.g. when the agent never installed the bot for themselves.
 */
async function inPrivateChat(
  context: TurnContext,
  agent: Requester,
  deps: HelpdeskContext,
  work: (agentChat: TurnContext) => Promise<void>,
): Promise<void> {
  const thread = context.activity;
  const tenantId = agent.tenantId;
  await deps.adapter.createConversationAsync(
    deps.botAppId,
    'msteams',
    thread.serviceUrl,
    // As in postCase: undefined lets botbuilder use its configured OAuth scope.
    undefined as unknown as string,
    {
      isGroup: false,
      bot: thread.recipient,
      members: [{ id: agent.teamsUserId, name: agent.displayName }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters,
    work,
  );
}

/** The revealed-key card in the agent's private chat, hidden again by a durable job. */
async function showToAgent(
  agentChat: TurnContext,
  agentObjectId: string,
  current: Case,
  outcome: Extract<ReleaseOutcome, { kind: 'released' }>,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<void> {
  const card = revealedKeyView(
    {
      caseNumber: current.number,
      caseVersion: current.version + 1,
      requesterName: current.requester.displayName,
      deviceName: outcome.device.displayName,
      keyId: outcome.key.id,
      visibleMinutes: release.keyVisibleMinutes,
    },
    outcome.password,
    deps.messages,
  );
  const sent = await agentChat.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  const payload: HideKeyCardPayload = {
    conversationReference: JSON.stringify(TurnContext.getConversationReference(agentChat.activity)),
    activityId: sent?.id ?? '',
    deviceName: outcome.device.displayName,
    keyId: outcome.key.id,
    caseNumber: current.number,
  };
  await release.jobs.schedule({
    key: hideJobKey(`caseShow:${current.number}`, agentObjectId),
    kind: 'hideKeyCard',
    payload: { ...payload },
    dueAt: new Date(deps.now().getTime() + release.keyVisibleMinutes * 60_000).toISOString(),
  });
}

/**
 * "Hide key" on the revealed key in the agent's private chat: the message itself is replaced (the answer
 * to the press alone would only change what this client shows), the same as the hide job does later.
 */
export async function hideRevealedKey(
  context: TurnContext,
  caseNumber: number,
  deps: HelpdeskContext,
): Promise<AdaptiveCard> {
  const activity = context.activity;
  const hidden = revealedKeyHiddenCard(caseNumber, deps.messages);
  if (activity.conversation?.conversationType !== 'personal' || !activity.replyToId) return hidden;
  await context.updateActivity({
    id: activity.replyToId,
    type: 'message',
    attachments: [CardFactory.adaptiveCard(hidden)],
  });
  deps.logger.info({ caseNumber }, 'revealed key hidden by the agent');
  return hidden;
}
