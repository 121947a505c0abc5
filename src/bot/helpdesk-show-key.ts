import { CardFactory, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { advancedView, agentSignInCard, revealedKeyHiddenCard, revealedKeyView } from '../cards/case-card.js';
import { helpdeskRefusalText } from '../cards/helpdesk-cards.js';
import { messagesFor } from '../cards/messages.js';
import type { CaseInHand } from '../helpdesk/act-on-case.js';
import type { Case } from '../helpdesk/case.js';
import { type CaseRefusal, decideAgentAction, showKeyRefusal } from '../helpdesk/decide-agent-action.js';
import type { VerifiedStepUp } from '../identity/step-up.js';
import { newCorrelationId } from '../observability/logger.js';
import { showKeyCard } from '../recovery/after-disclosure.js';
import type { ReleaseOutcome } from '../recovery/release-key.js';
import type { ShownCard } from '../recovery/release-ports.js';
import { auditedRequester } from '../recovery/release-ports.js';
import {
  type DecidedAfterSignIn,
  decideAfterSignIn,
  recordKeyOut,
  releaseForCase,
} from './agent-key-release.js';
import {
  type CaseAnswer,
  caseView,
  type HelpdeskContext,
  refuseInHand,
  requesterLocale,
} from './helpdesk-flow.js';
import { type ReleaseServices, signInUrl } from './release-flow.js';

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
export function offerShowKey(context: TurnContext, inHand: CaseInHand, deps: HelpdeskContext): CaseAnswer {
  const refusal = showKeyRefusal(inHand.case, inHand.actor, deps.now());
  if (refusal) return refuseInHand(context, inHand, refusal, deps);
  return advancedView(caseView(inHand.case), deps.messages);
}

/**
 * The reason is given: decide with it, then ask the agent to sign in again. The key is read only after
 * that sign-in, and the reason travels with it (stored in the sign-in state, not on the case, until the
 * key is actually shown).
 */
export async function startShowKey(
  context: TurnContext,
  inHand: CaseInHand,
  reason: string,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<CaseAnswer> {
  const { case: current, actor } = inHand;
  const decision = decideAgentAction(current, { type: 'showKeyToMe', reason }, actor, deps.now());
  if (decision.kind === 'refused') {
    return REASON_REFUSALS.has(decision.reason.code) && inHand.audience === 'agent'
      ? advancedView(caseView(current), deps.messages, {
          notice: helpdeskRefusalText(decision.reason, deps.messages),
        })
      : refuseInHand(context, inHand, decision.reason, deps);
  }
  const url = await signInUrl(
    context,
    { kind: 'showKey', caseNumber: current.number, reason: reason.trim() },
    release,
  );
  const m = deps.messages.helpdesk.showKeyFlow;
  return agentSignInCard(
    { case: caseView(current), notice: m.signInNotice, button: m.signInButton, url },
    deps.messages,
  );
}

/** How the private-chat step ended: the outcome of the key read, and whether the card reached the agent. */
type Delivery =
  | { readonly kind: 'chatRefused' }
  | { readonly kind: 'notRead'; readonly outcome: Exclude<ReleaseOutcome, { kind: 'released' }> }
  | { readonly kind: 'notDelivered'; readonly error: unknown }
  | {
      readonly kind: 'shown';
      readonly outcome: Extract<ReleaseOutcome, { kind: 'released' }>;
      /** Where the card is (the ledger keeps it for the hide job). */
      readonly card: ShownCard;
    };

/**
 * After the advanced agent's fresh sign-in (a proactive turn in the case's thread): decide again with the
 * reason they gave, open their private chat with the bot, and only then read the key once (the agent's
 * token in delegated mode, the app's in application mode) straight into a card there. Once it is shown:
 * the card hides itself after KEY_VISIBLE_MINUTES, the key is checked for rotation like any released key,
 * the requester is mailed (when a sender is set), the case records who saw it and why, and the thread is
 * told. A key read but not delivered is taken back (nobody saw it) and the agent is told to try again.
 */
export async function finishShowKey(
  context: TurnContext,
  verified: VerifiedStepUp,
  purpose: { readonly caseNumber: number; readonly reason: string },
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<void> {
  const m = deps.messages.helpdesk.showKeyFlow;
  const { caseNumber } = purpose;
  const reason = purpose.reason.trim();
  const decided = await decideAfterSignIn(
    context,
    verified,
    caseNumber,
    { type: 'showKeyToMe', reason },
    m.signInFailed,
    deps,
  );
  if (!decided) return;
  const { current, actor } = decided;
  const correlationId = newCorrelationId();
  const delivery = await deliverToAgent(context, decided, verified, reason, correlationId, deps, release);
  switch (delivery.kind) {
    case 'chatRefused':
      await context.sendActivity(m.privateChatFailed);
      return;
    case 'notDelivered':
      // showKeyCard took the claim and its follow-ups back: nobody saw the key.
      deps.logger.error({ err: delivery.error, caseNumber }, 'key read but not delivered; claim withdrawn');
      await context.sendActivity(m.notDelivered);
      return;
    case 'notRead':
      await context.sendActivity(
        delivery.outcome.kind === 'needMoreDigits'
          ? deps.messages.helpdesk.sendKeyFlow.severalKeys(delivery.outcome.matches)
          : m.notShown(delivery.outcome.reason),
      );
      return;
    case 'shown':
      break;
  }
  // Its hide job and rotation check were scheduled with the claim (the outbox), before the key was read.
  const { outcome } = delivery;
  await deps.helpdesk.audit.append({
    at: deps.now().toISOString(),
    correlationId,
    decision: 'caseChanged',
    reason: `showKeyToMe:${decided.decision.case.status}`,
    requester: auditedRequester(current.requester),
    deviceId: outcome.device.deviceId,
    deviceName: outcome.device.displayName,
    keyId: outcome.key.id,
    requestId: current.requestId,
    actor: `${actor.name} (${actor.objectId})`,
    note: reason,
  });
  await recordKeyOut(decided, deps);
  await context.sendActivity(m.shown(actor.name));
}

/**
 * Opens the agent's private chat, then reads the key and shows it there. The chat comes first, so a chat
 * Teams will not open costs no key read; a card that cannot be sent is reported, not thrown (showKeyCard
 * took the read back), so the caller can say so.
 */
async function deliverToAgent(
  context: TurnContext,
  decided: DecidedAfterSignIn,
  verified: VerifiedStepUp,
  reason: string,
  correlationId: string,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<Delivery> {
  const { current } = decided;
  const thread = JSON.stringify(TurnContext.getConversationReference(context.activity));
  let agentChat: string;
  try {
    agentChat = await deps.conversations.openChat(thread, verified.requester);
  } catch (error) {
    // E.g. the agent never installed the bot for themselves.
    deps.logger.warn({ err: error, caseNumber: current.number }, 'could not open the agent’s private chat');
    return { kind: 'chatRefused' };
  }
  const outcome = await releaseForCase(
    current,
    verified,
    `helpdesk:${current.verification?.method ?? 'unknown'}+agentStepUp+shownToAgent`,
    correlationId,
    deps,
    release,
    { audience: 'agent', tellConversation: thread },
    reason,
  );
  if (outcome.kind !== 'released') return { kind: 'notRead', outcome };
  try {
    return {
      kind: 'shown',
      outcome,
      card: await showToAgent(agentChat, current, verified, outcome, deps, release),
    };
  } catch (error) {
    return { kind: 'notDelivered', error };
  }
}

/** Sends the revealed-key card to the agent's private chat (the outbox stages, the requester's notice). */
async function showToAgent(
  agentChat: string,
  current: Case,
  verified: VerifiedStepUp,
  outcome: Extract<ReleaseOutcome, { kind: 'released' }>,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<ShownCard> {
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
  return await showKeyCard(
    {
      requestId: verified.requestId,
      to: agentChat,
      holderObjectId: verified.requester.objectId,
      card: { card },
      notice: {
        requesterObjectId: current.requester.objectId,
        deviceName: outcome.device.displayName,
        keyId: outcome.key.id,
        // The requester's language, from the conversation the case came from.
        words: messagesFor(requesterLocale(current)).releaseNotice,
      },
    },
    { ledger: release.ledger, conversations: deps.conversations, notice: release.notice, now: deps.now },
  );
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
