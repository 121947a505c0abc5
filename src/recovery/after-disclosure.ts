import type { Requester } from './case-requests.js';
import type { Conversations, OutgoingMessage } from './conversations.js';
import type { ReleaseNotice, ReleaseNotifier } from './release-notifier.js';
import type { Candidate } from './release-policy.js';
import type { NewJob, ReleaseLedger, ShownCard } from './release-ports.js';
import { firstRotationCheck, rotationJobKey } from './rotation-check-job.js';

/*
 * What must follow once a key leaves the bot, written once for every release (self-service, Send key, Show
 * key to me) and scheduled with the ledger claim in one transaction, before the key is read (the outbox):
 * the card is hidden after KEY_VISIBLE_MINUTES, the key's replacement is checked, and a crash before the
 * card was shown is recovered by any instance.
 */

/** Who the card is shown to: the requester in their 1:1 chat, or an agent in theirs ("Show key to me"). */
export type CardAudience = 'requester' | 'agent';

/** The hide job's payload: which release's card to replace (the ledger says where the card is). */
export interface HideKeyCardPayload {
  readonly requestId: string;
  readonly deviceName: string;
  readonly keyId: string;
  /** Set for an agent's revealed key: hidden with the helpdesk's words. */
  readonly caseNumber?: number;
}

/** The crash-recovery job's payload. */
export interface RecoverReleasePayload {
  readonly requestId: string;
  readonly requesterObjectId: string;
  readonly audience: CardAudience;
  /** Where to say what happened: the conversation the release was asked from. */
  readonly conversationReference: string;
  readonly caseNumber?: number;
  /**
   * The follow-ups to cancel when the claim is taken back. Empty for the watchdog scheduled when a sign-in
   * comes back, before any claim (it speaks only when the release never got to a claim).
   */
  readonly followUpKeys: readonly string[];
}

export function hideJobKey(requestId: string, holderObjectId: string): string {
  return `hide:${holderObjectId}:${requestId}`;
}

/** The keys of a disclosure's follow-ups, to cancel them when the claim is taken back. */
export function followUpKeys(requestId: string, holderObjectId: string, requesterObjectId: string): string[] {
  return [
    hideJobKey(requestId, holderObjectId),
    rotationJobKey(requesterObjectId, requestId, 1),
    recoverJobKey(requestId, true),
  ];
}

export function recoverJobKey(requestId: string, followUps: boolean): string {
  return `${followUps ? 'recover' : 'watch'}:${requestId}`;
}

export interface Disclosure {
  readonly requestId: string;
  readonly requester: Requester;
  /** Whose chat the card goes to (the requester, or the agent for "Show key to me"). */
  readonly holderObjectId: string;
  readonly audience: CardAudience;
  readonly candidate: Candidate;
  /** The requester's 1:1 chat, for a case when the key is never replaced. */
  readonly requesterConversation: string;
  /** Where to tell what happened after a crash. */
  readonly tellConversation: string;
  readonly caseNumber?: number;
  readonly correlationId: string;
  readonly keyVisibleMinutes: number;
  /** RELEASE_RECOVERY_SECONDS, in milliseconds. */
  readonly recoverAfterMs: number;
}

/** The follow-ups of one disclosure: hide the card, check the rotation, recover an interrupted release. */
export function disclosureFollowUps(disclosure: Disclosure, claimedAt: Date): readonly NewJob[] {
  const { requestId, candidate } = disclosure;
  const hide: NewJob = {
    key: hideJobKey(requestId, disclosure.holderObjectId),
    kind: 'hideKeyCard',
    payload: {
      requestId,
      deviceName: candidate.device.displayName,
      keyId: candidate.key.id,
      ...(disclosure.caseNumber === undefined ? {} : { caseNumber: disclosure.caseNumber }),
    } satisfies HideKeyCardPayload,
    dueAt: new Date(claimedAt.getTime() + disclosure.keyVisibleMinutes * 60_000).toISOString(),
  };
  // From the read on, the key counts as disclosed, whether or not the person reports success.
  const rotation = firstRotationCheck(
    {
      requestId,
      requester: disclosure.requester,
      deviceId: candidate.device.deviceId,
      deviceName: candidate.device.displayName,
      releasedKeyId: candidate.key.id,
      releasedKeyCreatedAt: candidate.key.createdDateTime,
      conversationReference: disclosure.requesterConversation,
      correlationId: disclosure.correlationId,
    },
    claimedAt,
  );
  const recover: NewJob = {
    key: recoverJobKey(requestId, true),
    kind: 'recoverRelease',
    payload: {
      requestId,
      requesterObjectId: disclosure.requester.objectId,
      audience: disclosure.audience,
      conversationReference: disclosure.tellConversation,
      ...(disclosure.caseNumber === undefined ? {} : { caseNumber: disclosure.caseNumber }),
      followUpKeys: [hide.key, rotation.key],
    } satisfies RecoverReleasePayload,
    dueAt: new Date(claimedAt.getTime() + disclosure.recoverAfterMs).toISOString(),
  };
  return [hide, rotation, recover];
}

/** What an interrupted release left, and so what recovering it means. */
export type RecoveryVerdict =
  /** Nothing to do: the card was shown (its hide job runs), or the claim was taken back. */
  | 'settled'
  /** The process died before the card went out: take the claim back (and its follow-ups), say "try again". */
  | 'withdraw'
  /** It died while the card was going out: it may be on screen and cannot be hidden; rotation stays. */
  | 'maybeShown'
  /** A sign-in came back and nothing at all followed (no claim, no decision): say "verify again". */
  | 'lost';

/**
 * `watchdog`: the job scheduled when a sign-in came back, cancelled when the release that followed finished
 * its turn. Still there means the process died first; a claim it left is the outbox job's to settle.
 */
export function recoveryVerdict(
  stage: 'pending' | 'sending' | 'shown' | undefined,
  watchdog: boolean,
): RecoveryVerdict {
  if (watchdog) return stage === undefined ? 'lost' : 'settled';
  switch (stage) {
    case 'pending':
      return 'withdraw';
    case 'sending':
      return 'maybeShown';
    case 'shown':
    case undefined:
      return 'settled';
  }
}

/** The watchdog for a requester's verified sign-in: "verify again" if the release after it never finishes. */
export function signInWatchdog(
  request: {
    readonly requestId: string;
    readonly requesterObjectId: string;
    readonly conversationReference: string;
  },
  now: Date,
  recoverAfterMs: number,
): NewJob {
  return {
    key: recoverJobKey(request.requestId, false),
    kind: 'recoverRelease',
    payload: {
      requestId: request.requestId,
      requesterObjectId: request.requesterObjectId,
      audience: 'requester',
      conversationReference: request.conversationReference,
      followUpKeys: [],
    } satisfies RecoverReleasePayload,
    dueAt: new Date(now.getTime() + recoverAfterMs).toISOString(),
  };
}

/** What showing a released key needs from outside. */
export interface KeyCardDelivery {
  readonly ledger: ReleaseLedger;
  readonly conversations: Conversations;
  /** Out-of-band notices by mail, when a sender mailbox is configured. */
  readonly notice: ReleaseNotifier | undefined;
  readonly now: () => Date;
}

/** One released key to show. */
export interface KeyCard {
  readonly requestId: string;
  /** The 1:1 chat the card goes to: the requester's, or the agent's for "Show key to me". */
  readonly to: string;
  readonly holderObjectId: string;
  /** The card holding the key, as the edge rendered it. It goes to `to` and nowhere else. */
  readonly card: OutgoingMessage;
  /** What the requester is mailed once it is shown (never the key). */
  readonly notice: Omit<ReleaseNotice, 'at'>;
}

/**
 * Shows a released key and records the outbox stages around it: `sending` before, `shown` with where it is
 * after (the hide job reads it there), then the requester is mailed. Its hide job and rotation check were
 * scheduled with the claim. A send that throws was delivered to nobody: the claim and its follow-ups are
 * taken back, and the error goes on.
 */
export async function showKeyCard(shown: KeyCard, deps: KeyCardDelivery): Promise<ShownCard> {
  const { requestId } = shown;
  await deps.ledger.markSending(requestId);
  let activityId: string;
  try {
    activityId = await deps.conversations.send(shown.to, shown.card);
  } catch (error) {
    await deps.ledger.withdraw(
      requestId,
      followUpKeys(requestId, shown.holderObjectId, shown.notice.requesterObjectId),
    );
    throw error;
  }
  const card: ShownCard = { conversationReference: shown.to, activityId };
  await deps.ledger.markShown(requestId, card);
  await deps.notice?.notify({ ...shown.notice, at: deps.now().toISOString() });
  return card;
}
