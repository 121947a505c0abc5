import type { TurnContext } from 'botbuilder';
import { caseCard } from '../cards/case-card.js';
import { helpdeskRefusalText } from '../cards/helpdesk-cards.js';
import type { Case } from '../helpdesk/case.js';
import { CaseVersionConflictError } from '../helpdesk/case-version-conflict-error.js';
import {
  type CaseAction,
  type CaseActor,
  type CaseDecision,
  decideAgentAction,
} from '../helpdesk/decide-agent-action.js';
import type { VerifiedStepUp } from '../identity/step-up.js';
import { type CardAudience, disclosureFollowUps } from '../recovery/after-disclosure.js';
import { type ReleaseOutcome, releaseKey } from '../recovery/release-key.js';
import { DEFAULT_RELEASE_LIMITS } from '../recovery/release-policy.js';
import type { RecoveryRequest } from '../recovery/triage-types.js';
import { actorOf, bestEffort, caseView, type HelpdeskContext, updateChannelCard } from './helpdesk-flow.js';
import type { ReleaseServices } from './release-flow.js';

/*
 * What Send key and Show key to me share: the agent's own fresh sign-in, deciding again when it comes back,
 * reading the case's key once, and recording the change on the case.
 */

/** The agent's sign-in came back: the case, who they are, and the decision taken again with fresh data. */
export interface DecidedAfterSignIn {
  readonly current: Case;
  readonly actor: CaseActor;
  readonly decision: Extract<CaseDecision, { kind: 'changed' }>;
}

/**
 * Decides `action` again after the agent's sign-in (the case may have changed, their groups too). Tells the
 * thread and answers `undefined` when the case is gone or the action is refused now.
 */
export async function decideAfterSignIn(
  context: TurnContext,
  verified: VerifiedStepUp,
  caseNumber: number,
  action: CaseAction,
  signInFailed: string,
  deps: HelpdeskContext,
): Promise<DecidedAfterSignIn | undefined> {
  const current = await deps.helpdesk.cases.get(caseNumber);
  if (!current) {
    await context.sendActivity(signInFailed);
    return undefined;
  }
  const agent = verified.requester;
  const actor = await actorOf(agent.objectId, agent.displayName, deps);
  const decision = decideAgentAction(current, action, actor, deps.now());
  if (decision.kind === 'refused') {
    await context.sendActivity(helpdeskRefusalText(decision.reason, deps.messages));
    return undefined;
  }
  return { current, actor, decision };
}

/**
 * Finds the case's key among the requester's own devices and reads it once, for an agent's verified sign-in
 * (the agent's token in delegated mode, the app's in application mode). The agent verified the person
 * (recorded on the case); the self-service group and the risk stop were why it came to IT, so they do not
 * apply. The ledger keys the release by the sign-in's release id (`releaseIdOf` its purpose); the audit
 * names the agent, which is also how `stats` tells a helpdesk release from a self-service one.
 */
export async function releaseForCase(
  current: Case,
  verified: VerifiedStepUp,
  method: string,
  correlationId: string,
  deps: HelpdeskContext,
  release: ReleaseServices,
  shownTo: { readonly audience: CardAudience; readonly tellConversation: string },
  note?: string,
): Promise<ReleaseOutcome> {
  const access = release.access.forAgent(verified);
  const request: RecoveryRequest = {
    id: verified.requestId,
    keyId: current.keyId,
    rootCause: current.triage.rootCause,
    reasonCode: current.triage.reasonCode,
    errorCode: current.triage.errorCode,
    deviceKind: current.triage.deviceKind,
    riskStop: false,
    startedAt: current.requestStartedAt,
  };
  return await releaseKey(
    {
      requester: current.requester,
      request,
      verification: { method, at: current.verification?.at ?? verified.verifiedAt },
      correlationId,
      actor: `${verified.requester.displayName} (${verified.requester.objectId})`,
      ...(note === undefined ? {} : { note }),
      followUps: (candidate, claimedAt) =>
        disclosureFollowUps(
          {
            requestId: verified.requestId,
            requester: current.requester,
            // Send key shows it in the requester's chat; Show key to me in the agent's own.
            holderObjectId:
              shownTo.audience === 'agent' ? verified.requester.objectId : current.requester.objectId,
            audience: shownTo.audience,
            candidate,
            requesterConversation: current.requesterConversation,
            tellConversation: shownTo.tellConversation,
            caseNumber: current.number,
            correlationId,
            keyVisibleMinutes: release.keyVisibleMinutes,
            recoverAfterMs: release.recoverAfterMs,
          },
          claimedAt,
        ),
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

/**
 * Stores the case as released and updates its channel card. The key is already out, so a concurrent change
 * (another agent resolved it meanwhile) is logged, not thrown: the release itself is in the ledger and audit.
 */
export async function recordKeyOut(decided: DecidedAfterSignIn, deps: HelpdeskContext): Promise<void> {
  const { current, decision } = decided;
  try {
    await deps.helpdesk.cases.update(decision.case, current.version);
  } catch (error) {
    if (!(error instanceof CaseVersionConflictError)) throw error;
    deps.logger.warn({ caseNumber: current.number }, 'case changed while its key was given out');
    return;
  }
  await bestEffort(deps, current.number, 'could not update the channel card', () =>
    updateChannelCard(decision.case, caseCard(caseView(decision.case), deps.messages), deps),
  );
}
