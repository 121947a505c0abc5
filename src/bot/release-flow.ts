import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { revealedKeyHiddenCard } from '../cards/case-card.js';
import type { Messages } from '../cards/messages.js';
import { keyHiddenCard, releaseCard } from '../cards/release-card.js';
import type { GraphClient } from '../graph/graph-client.js';
import type { KeyAccess } from '../graph/graph-key-access.js';
import type { StepUp, VerifiedStepUp } from '../identity/step-up.js';
import type { Logger } from '../observability/logger.js';
import type { Requester } from '../recovery/case-requests.js';
import { escalationFor } from '../recovery/escalation-policy.js';
import { type ReleaseOutcome, releaseKey } from '../recovery/release-key.js';
import type { DenialReason, ReleaseLimits } from '../recovery/release-policy.js';
import type { AuditLog, Job, JobQueue, ReleaseLedger } from '../recovery/release-ports.js';
import type { EscalationReason, RecoveryRequest } from '../recovery/triage-types.js';
import { sendReleaseNotice } from './release-notice.js';
import { requesterOf } from './requester-of.js';
import { type RotateAfterRelease, type RotationGraph, scheduleRotationCheck } from './rotation.js';
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
  /** App-only Graph for the rotation loop (it runs later, without the requester's token). */
  readonly rotationGraph: RotationGraph;
  readonly rotateAfterRelease: RotateAfterRelease;
  /** Out-of-band release notices by mail, when a sender mailbox is configured. */
  readonly notice:
    | { readonly graph: Pick<GraphClient, 'sendMail' | 'user'>; readonly sender: string }
    | undefined;
}

/**
 * A fresh, single-use sign-in link for the person who sent this turn's activity (a requester's "Verify it's
 * you", an agent's Send key or Show key to me), bound to them and to `requestId`, which tells the callback
 * what it is for; the callback continues in this conversation. `reason` travels with an agent's sign-in.
 */
export function signInUrl(
  context: TurnContext,
  requestId: string,
  release: ReleaseServices,
  reason?: string,
): Promise<string> {
  return release.stepUp.startUrl(
    requesterOf(context.activity),
    requestId,
    JSON.stringify(TurnContext.getConversationReference(context.activity)),
    reason,
  );
}

/** What the hide job needs to replace the release card: no key. */
export interface HideKeyCardPayload {
  readonly conversationReference: string;
  readonly activityId: string;
  readonly deviceName: string;
  readonly keyId: string;
  /** Set for an advanced agent's revealed key ("Show key to me"): hidden with words for the agent. */
  readonly caseNumber?: number;
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

export function hideJobKey(requestId: string, requesterObjectId: string): string {
  return `hide:${requesterObjectId}:${requestId}`;
}

/**
 * Runs the release for a verified requester inside the proactive turn of their 1:1 chat, and shows the
 * result. The key goes from the Graph read straight into the card and nowhere else.
 */
export async function releaseToRequester(
  context: TurnContext,
  verified: VerifiedStepUp,
  request: RecoveryRequest,
  services: ReleaseServices,
  messages: Messages,
  now: () => Date,
  logger: Logger,
  correlationId: string,
): Promise<ReleaseFollowUp> {
  const access = services.access.forRequester(verified);
  const outcome: ReleaseOutcome = await releaseKey(
    {
      requester: verified.requester,
      request,
      verification: { method: verified.method, at: verified.verifiedAt },
      correlationId,
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
      await presentRelease(context, {
        requester: verified.requester,
        requestId: request.id,
        outcome,
        services,
        messages,
        now,
        logger,
        correlationId,
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

/** What showing a released key needs. */
export interface PresentRelease {
  readonly requester: Requester;
  readonly requestId: string;
  readonly outcome: Extract<ReleaseOutcome, { kind: 'released' }>;
  readonly services: ReleaseServices;
  readonly messages: Messages;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly correlationId: string;
}

/**
 * Shows a released key in `context`, which must be the requester's own 1:1 chat, and starts what follows
 * a disclosure: the card is hidden later, the key's replacement is checked, and a notice is mailed.
 */
export async function presentRelease(context: TurnContext, release: PresentRelease): Promise<void> {
  const { requester, requestId, outcome, services, messages, now, logger, correlationId } = release;
  const view = {
    requestId,
    deviceName: outcome.device.displayName,
    keyId: outcome.key.id,
    visibleMinutes: services.keyVisibleMinutes,
  };
  const sent = await context.sendActivity(
    MessageFactory.attachment(CardFactory.adaptiveCard(releaseCard(view, outcome.password, messages))),
  );
  const payload: HideKeyCardPayload = {
    conversationReference: JSON.stringify(TurnContext.getConversationReference(context.activity)),
    activityId: sent?.id ?? '',
    deviceName: view.deviceName,
    keyId: view.keyId,
  };
  await services.jobs.schedule({
    key: hideJobKey(requestId, requester.objectId),
    kind: 'hideKeyCard',
    payload: { ...payload },
    dueAt: new Date(now().getTime() + services.keyVisibleMinutes * 60_000).toISOString(),
  });
  // The key is disclosed from now on, whether or not the person reports success: make sure it is replaced.
  await scheduleRotationCheck(
    services.jobs,
    {
      requestId,
      requester,
      deviceId: outcome.device.deviceId,
      deviceName: outcome.device.displayName,
      releasedKeyId: outcome.key.id,
      releasedKeyCreatedAt: outcome.key.createdDateTime,
      conversationReference: payload.conversationReference,
      correlationId,
    },
    now(),
  );
  if (services.notice) await notify(services.notice, requester.objectId, view, now(), messages, logger);
  turnLogger(context, logger).info(
    { requestId, deviceId: outcome.device.deviceId, keyId: outcome.key.id },
    'key released',
  );
}

/** The out-of-band notice to the requester's own mailbox; never blocks or fails the release. */
export async function notify(
  notice: NonNullable<ReleaseServices['notice']>,
  requesterObjectId: string,
  view: { readonly deviceName: string; readonly keyId: string },
  at: Date,
  messages: Messages,
  logger: Logger,
): Promise<void> {
  try {
    const user = await notice.graph.user(requesterObjectId);
    await sendReleaseNotice(
      notice.graph,
      {
        sender: notice.sender,
        to: user.mail ?? user.userPrincipalName,
        deviceName: view.deviceName,
        keyId: view.keyId,
        at: at.toISOString(),
        requesterName: user.displayName,
        words: messages.releaseNotice,
      },
      logger,
    );
  } catch (error) {
    // The directory lookup failed: the release stands, the notice is lost, and the log says so.
    logger.error({ err: error, requester: requesterObjectId }, 'release notice not sent');
  }
}

/** Replaces a release card with the key-free card. Safe to run twice. */
export async function hideKeyCard(
  context: TurnContext,
  payload: HideKeyCardPayload,
  messages: Messages,
): Promise<void> {
  await context.updateActivity({
    id: payload.activityId,
    type: 'message',
    attachments: [
      CardFactory.adaptiveCard(
        payload.caseNumber === undefined
          ? keyHiddenCard(payload, messages)
          : revealedKeyHiddenCard(payload.caseNumber, messages),
      ),
    ],
  });
}

export function parseHidePayload(job: Job): HideKeyCardPayload | undefined {
  const p = job.payload as Partial<HideKeyCardPayload>;
  if (
    typeof p.conversationReference !== 'string' ||
    typeof p.activityId !== 'string' ||
    typeof p.deviceName !== 'string' ||
    typeof p.keyId !== 'string' ||
    (p.caseNumber !== undefined && !Number.isSafeInteger(p.caseNumber))
  ) {
    return undefined;
  }
  return p as HideKeyCardPayload;
}

/** The requester as the step-up sign-in bound them; equal to the Teams user who asked. */
export function sameRequester(a: Requester, objectId: string | undefined): boolean {
  return objectId !== undefined && a.objectId.toLowerCase() === objectId.toLowerCase();
}
