import { type Activity, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { agentSignInCard, caseCard } from '../cards/case-card.js';
import { helpdeskRefusalText } from '../cards/helpdesk-cards.js';
import type { Case } from '../helpdesk/case.js';
import { CaseVersionConflictError } from '../helpdesk/case-version-conflict-error.js';
import { decideAgentAction } from '../helpdesk/decide-agent-action.js';
import type { VerifiedStepUp } from '../identity/step-up.js';
import { newCorrelationId } from '../observability/logger.js';
import { type ReleaseOutcome, releaseKey } from '../recovery/release-key.js';
import { DEFAULT_RELEASE_LIMITS } from '../recovery/release-policy.js';
import type { RecoveryRequest } from '../recovery/triage-types.js';
import { actorOf, caseView, type HelpdeskContext, refusedCard, updateChannelCard } from './helpdesk-flow.js';
import { presentRelease, type ReleaseServices } from './release-flow.js';

/** Sign-ins started from a case card carry this request id, so the callback knows it is an agent's. */
const CASE_SIGN_IN = /^case:(\d{1,9})$/;

export function isCaseSignIn(requestId: string): boolean {
  return CASE_SIGN_IN.test(requestId);
}

/**
 * "Send key to requester", first half: the server decides whether this agent may (verification recorded,
 * their claim, their groups); if so, the agent gets a sign-in link of their own. Only the invoking agent
 * sees this card (the Universal Action response); the channel keeps the base card.
 */
export async function startSendKey(
  context: TurnContext,
  current: Case,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<AdaptiveCard> {
  const activity = context.activity;
  const objectId = activity.from.aadObjectId ?? '';
  const actor = await actorOf(objectId, activity.from.name ?? '', deps);
  const decision = decideAgentAction(current, { type: 'sendKeyToRequester' }, actor, deps.now());
  if (decision.kind === 'refused') {
    return refusedCard(current, decision.reason, deps);
  }
  const url = await release.stepUp.startUrl(
    {
      objectId,
      tenantId: activity.conversation.tenantId ?? '',
      teamsUserId: activity.from.id,
      displayName: actor.name,
    },
    `case:${current.number}`,
    JSON.stringify(TurnContext.getConversationReference(activity as Activity)),
  );
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
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<void> {
  const m = deps.messages.helpdesk.sendKeyFlow;
  const caseNumber = Number(CASE_SIGN_IN.exec(verified.requestId)?.[1]);
  const current = await deps.helpdesk.cases.get(caseNumber);
  if (!current) {
    await context.sendActivity(m.signInFailed);
    return;
  }
  const agent = verified.requester;
  const actor = await actorOf(agent.objectId, agent.displayName, deps);
  const decision = decideAgentAction(current, { type: 'sendKeyToRequester' }, actor, deps.now());
  if (decision.kind === 'refused') {
    await context.sendActivity(helpdeskRefusalText(decision.reason, deps.messages));
    return;
  }
  const correlationId = newCorrelationId();
  const outcome = await releaseForCase(
    current,
    verified,
    `helpdesk:${current.verification?.method ?? 'unknown'}+agentStepUp`,
    correlationId,
    deps,
    release,
  );
  if (outcome.kind === 'needMoreDigits') {
    await context.sendActivity(m.severalKeys(outcome.matches));
    return;
  }
  if (outcome.kind === 'denied') {
    await context.sendActivity(m.notReleased(outcome.reason));
    return;
  }
  await deps.adapter.continueConversationAsync(
    deps.botAppId,
    JSON.parse(current.requesterConversation),
    (requesterChat) =>
      presentRelease(requesterChat, {
        requester: current.requester,
        requestId: verified.requestId,
        outcome,
        services: release,
        messages: deps.messages,
        now: deps.now,
        logger: deps.logger,
        correlationId,
      }),
  );
  try {
    await deps.helpdesk.cases.update(decision.case, current.version);
    await updateChannelCard(decision.case, caseCard(caseView(decision.case), deps.messages), deps);
  } catch (error) {
    if (!(error instanceof CaseVersionConflictError)) throw error;
    deps.logger.warn({ caseNumber }, 'case changed while its key was being sent');
  }
  await context.sendActivity(m.sent(current.requester.displayName));
}

/** The case as a recovery request for the release machinery; `requestId` keys it in the ledger. */
function caseRecoveryRequest(current: Case, requestId: string): RecoveryRequest {
  return {
    id: requestId,
    keyId: current.keyId,
    rootCause: current.triage.rootCause,
    reasonCode: current.triage.reasonCode,
    errorCode: current.triage.errorCode,
    deviceKind: current.triage.deviceKind,
    riskStop: false,
    startedAt: current.requestStartedAt,
  };
}

/**
 * Finds the case's key among the requester's own devices and reads it once, for an agent's verified sign-in
 * (the agent's token in delegated mode, the app's in application mode). The agent verified the person
 * (recorded on the case); the self-service group and the risk stop were why it came to IT, so they do not
 * apply. The ledger keys the release by the sign-in's request id (`case:<n>` or `caseShow:<n>`).
 */
export async function releaseForCase(
  current: Case,
  verified: VerifiedStepUp,
  method: string,
  correlationId: string,
  deps: HelpdeskContext,
  release: ReleaseServices,
): Promise<ReleaseOutcome> {
  const access = release.access.forAgent(verified);
  return await releaseKey(
    {
      requester: current.requester,
      request: caseRecoveryRequest(current, verified.requestId),
      verification: { method, at: current.verification?.at ?? verified.verifiedAt },
      correlationId,
    },
    {
      directory: access.directory,
      keys: access.keys,
      ledger: release.ledger,
      audit: release.audit,
      limits: { ...DEFAULT_RELEASE_LIMITS, perRequester: 10 },
      selfServiceGroupId: undefined,
      now: deps.now,
    },
  );
}
