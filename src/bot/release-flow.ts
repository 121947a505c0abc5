import { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { revealedKeyHiddenCard } from '../cards/case-card.js';
import type { Messages } from '../cards/messages.js';
import { keyHiddenCard, releaseCard } from '../cards/release-card.js';
import type { SignInPurpose } from '../identity/sign-in-purpose.js';
import type { StepUp, VerifiedStepUp } from '../identity/step-up.js';
import type { Logger } from '../observability/logger.js';
import { disclosureFollowUps, type HideKeyCardPayload, showKeyCard } from '../recovery/after-disclosure.js';
import type { Requester } from '../recovery/case-requests.js';
import type { Conversations } from '../recovery/conversations.js';
import type { KeyAccess, RotationDirectory } from '../recovery/directory-ports.js';
import { escalationFor } from '../recovery/escalation-policy.js';
import { type ReleaseOutcome, releaseKey } from '../recovery/release-key.js';
import type { ReleaseNotifier } from '../recovery/release-notifier.js';
import type { DenialReason, ReleaseLimits } from '../recovery/release-policy.js';
import type { AuditLog, JobQueue, ReleaseLedger, ShownCard } from '../recovery/release-ports.js';
import type { RotateAfterRelease } from '../recovery/rotation-check.js';
import type { EscalationReason, RecoveryRequest } from '../recovery/triage-types.js';
import type { LegacyCardLocation } from '../recovery/typed-jobs.js';
import { requesterOf } from './requester-of.js';
import { turnLogger } from './turn-context-data.js';

/** Builds Graph access for one verified requester (delegated: their token; application: the app's). */
export interface KeyAccessFactory {
  forRequester(verified: VerifiedStepUp): KeyAccess;
  /** A helpdesk agent sending a requester's key: the requester is named, never `me`. */
  forAgent(verified: VerifiedStepUp): KeyAccess;
}

/** Everything the self-service release needs at the edge. */
export interface ReleaseServices {
  readonly stepUp: StepUp;
  readonly access: KeyAccessFactory;
  readonly ledger: ReleaseLedger;
  readonly audit: AuditLog;
  readonly jobs: JobQueue;
  readonly limits: ReleaseLimits;
  readonly selfServiceGroupId: string | undefined;
  readonly keyVisibleMinutes: number;
  /** RELEASE_RECOVERY_SECONDS, in ms: a release stuck this long counts as interrupted by a crash. */
  readonly recoverAfterMs: number;
  /** The directory and Intune for the rotation loop, app-only (it runs later, without the requester's token). */
  readonly rotationDirectory: RotationDirectory;
  readonly rotateAfterRelease: RotateAfterRelease;
  /** Out-of-band release notices by mail, when a sender mailbox is configured. */
  readonly notice: ReleaseNotifier | undefined;
}

/**
 * A fresh, single-use sign-in link for the person who sent this turn's activity (a requester's "Verify it's
 * you", an agent's Send key or Show key to me), bound to them and to `purpose`, which the callback acts on;
 * it continues in this conversation.
 */
export function signInUrl(
  context: TurnContext,
  purpose: SignInPurpose,
  release: ReleaseServices,
): Promise<string> {
  return release.stepUp.startUrl(
    requesterOf(context.activity),
    purpose,
    JSON.stringify(TurnContext.getConversationReference(context.activity)),
  );
}

/** What the edge does after a release attempt: the card was sent, or the triage must go on. */
export type ReleaseFollowUp =
  | { readonly kind: 'shown' }
  | { readonly kind: 'needMoreDigits'; readonly matches: number }
  | {
      readonly kind: 'escalate';
      readonly reason: EscalationReason;
      readonly denial: DenialReason;
      /** When this PC's key was last shown, for the verified owner. */
      readonly releasedAt?: string;
    };

/**
 * Runs the release for a verified requester inside the proactive turn of their 1:1 chat, and shows the
 * result. The key goes from the Graph read straight into the card and nowhere else.
 */
export async function releaseToRequester(
  context: TurnContext,
  verified: VerifiedStepUp,
  request: RecoveryRequest,
  edge: ReleaseEdge,
): Promise<ReleaseFollowUp> {
  const { services, now, logger, correlationId } = edge;
  const access = services.access.forRequester(verified);
  const chat = JSON.stringify(TurnContext.getConversationReference(context.activity));
  const outcome: ReleaseOutcome = await releaseKey(
    {
      requester: verified.requester,
      request,
      verification: { method: verified.method, at: verified.verifiedAt },
      correlationId,
      followUps: (candidate, claimedAt) =>
        disclosureFollowUps(
          {
            requestId: request.id,
            requester: verified.requester,
            holderObjectId: verified.requester.objectId,
            audience: 'requester',
            candidate,
            requesterConversation: chat,
            tellConversation: chat,
            correlationId,
            keyVisibleMinutes: services.keyVisibleMinutes,
            recoverAfterMs: services.recoverAfterMs,
          },
          claimedAt,
        ),
    },
    {
      directory: access.directory,
      keys: access.keys,
      ledger: services.ledger,
      audit: services.audit,
      limits: services.limits,
      selfServiceGroupId: services.selfServiceGroupId,
      now,
    },
  );
  const log = turnLogger(context, logger);
  switch (outcome.kind) {
    case 'released':
      await presentRelease({
        ...edge,
        to: chat,
        requester: verified.requester,
        requestId: request.id,
        outcome,
      });
      return { kind: 'shown' };
    case 'needMoreDigits':
      return outcome;
    case 'denied':
      log.info({ requestId: request.id, reason: outcome.reason }, 'release denied');
      return {
        kind: 'escalate',
        reason: escalationFor(outcome.reason, outcome.candidate !== undefined),
        denial: outcome.reason,
        ...(outcome.lastReleasedAt && outcome.candidate ? { releasedAt: outcome.lastReleasedAt } : {}),
      };
  }
}

/** The edge's part of a release: where it sends, in which words, how it logs. */
export interface ReleaseEdge {
  readonly services: ReleaseServices;
  readonly conversations: Conversations;
  /** The requester's language. */
  readonly messages: Messages;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly correlationId: string;
}

/** What showing a released key needs. */
export interface PresentRelease extends ReleaseEdge {
  /** The requester's 1:1 chat. */
  readonly to: string;
  readonly requester: Requester;
  readonly requestId: string;
  readonly outcome: Extract<ReleaseOutcome, { kind: 'released' }>;
}

/**
 * Shows a released key in the requester's own 1:1 chat (`showKeyCard`: the outbox stages, the notice). A
 * card Teams refused was seen by nobody: the claim and its follow-ups are taken back, and the error goes on.
 */
export async function presentRelease(release: PresentRelease): Promise<void> {
  const { requester, requestId, outcome, services, messages } = release;
  const view = {
    requestId,
    deviceName: outcome.device.displayName,
    keyId: outcome.key.id,
    visibleMinutes: services.keyVisibleMinutes,
  };
  const shown = await showKeyCard(
    {
      requestId,
      to: release.to,
      holderObjectId: requester.objectId,
      card: { card: releaseCard(view, outcome.password, messages) },
      notice: {
        requesterObjectId: requester.objectId,
        deviceName: view.deviceName,
        keyId: view.keyId,
        words: messages.releaseNotice,
      },
    },
    {
      ledger: services.ledger,
      conversations: release.conversations,
      notice: services.notice,
      now: release.now,
    },
  );
  release.logger.info(
    {
      correlationId: release.correlationId,
      requestId,
      deviceId: outcome.device.deviceId,
      keyId: outcome.key.id,
      activityId: shown.activityId,
    },
    'key released',
  );
}

/** The key-free card that replaces a shown key card (the requester's, or an agent's revealed key). */
export function hiddenKeyCard(payload: HideKeyCardPayload, messages: Messages): AdaptiveCard {
  return payload.caseNumber === undefined
    ? keyHiddenCard(payload, messages)
    : revealedKeyHiddenCard(payload.caseNumber, messages);
}

/** Where the card is, when a hide job scheduled before the release outbox said so itself. */
export function legacyCard(payload: LegacyCardLocation): ShownCard | undefined {
  return payload.conversationReference !== undefined && payload.activityId !== undefined
    ? { conversationReference: payload.conversationReference, activityId: payload.activityId }
    : undefined;
}
