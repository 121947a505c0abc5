import { TurnContext } from 'botbuilder';
import { agentSignInCard } from '../cards/case-card.js';
import { messagesFor } from '../cards/messages.js';
import type { CaseInHand } from '../helpdesk/act-on-case.js';
import { decideAgentAction } from '../helpdesk/decide-agent-action.js';
import type { VerifiedStepUp } from '../identity/step-up.js';
import { newCorrelationId } from '../observability/logger.js';
import { decideAfterSignIn, recordKeyOut, releaseForCase } from './agent-key-release.js';
import {
  type CaseAnswer,
  caseView,
  type HelpdeskContext,
  refuseInHand,
  requesterLocale,
} from './helpdesk-flow.js';
import { presentRelease, type ReleaseServices, signInUrl } from './release-flow.js';

/**
 * "Send key to requester", first half: the server decides whether this agent may (verification recorded,
 * their claim, their groups); if so, the agent gets a sign-in link of their own. Only the invoking agent
 * sees this card (the Universal Action response); the channel keeps the base card.
 */
export async function startSendKey(
  context: TurnContext,
  inHand: CaseInHand,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<CaseAnswer> {
  const { case: current, actor } = inHand;
  const decision = decideAgentAction(current, { type: 'sendKeyToRequester' }, actor, deps.now());
  if (decision.kind === 'refused') return refuseInHand(context, inHand, decision.reason, deps);
  const url = await signInUrl(context, { kind: 'sendKey', caseNumber: current.number }, release);
  const m = deps.messages.helpdesk.sendKeyFlow;
  return agentSignInCard(
    { case: caseView(current), notice: m.signInNotice, button: m.signInButton, url },
    deps.messages,
  );
}

/**
 * Second half, after the agent's fresh sign-in (a proactive turn in the case's thread): decide again,
 * find the one key among the requester's own devices, read it once (the agent's token in delegated mode,
 * the app's in application mode) and show it in the requester's 1:1 chat only. The agent never sees it.
 */
export async function finishSendKey(
  context: TurnContext,
  verified: VerifiedStepUp,
  caseNumber: number,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<void> {
  const m = deps.messages.helpdesk.sendKeyFlow;
  const decided = await decideAfterSignIn(
    context,
    verified,
    caseNumber,
    { type: 'sendKeyToRequester' },
    m.signInFailed,
    deps,
  );
  if (!decided) return;
  const { current } = decided;
  const correlationId = newCorrelationId();
  const outcome = await releaseForCase(
    current,
    verified,
    `helpdesk:${current.verification?.method ?? 'unknown'}+agentStepUp`,
    correlationId,
    deps,
    release,
    {
      audience: 'requester',
      tellConversation: JSON.stringify(TurnContext.getConversationReference(context.activity)),
    },
  );
  if (outcome.kind === 'needMoreDigits') {
    await context.sendActivity(m.severalKeys(outcome.matches));
    return;
  }
  if (outcome.kind === 'denied') {
    await context.sendActivity(m.notReleased(outcome.reason));
    return;
  }
  await presentRelease({
    to: current.requesterConversation,
    requester: current.requester,
    requestId: verified.requestId,
    outcome,
    services: release,
    conversations: deps.conversations,
    // The requester's chat speaks the requester's language (its reference carries it).
    messages: messagesFor(requesterLocale(current)),
    now: deps.now,
    logger: deps.logger,
    correlationId,
  });
  await recordKeyOut(decided, deps);
  await context.sendActivity(m.sent(current.requester.displayName));
}
