/**
 * The helpdesk case: what IT needs to take over a lockout the bot could not resolve by self-service, and
 * what has happened to it since. Plain data, so the rules in {@link decideAgentAction} stay pure and the
 * case fits in any store. A case never holds a key: Key IDs, device names and notes only.
 */
import type { Requester } from '../recovery/case-requests.js';
import type { DeviceKind, EscalationReason, ReasonCode, RootCause } from '../recovery/triage-types.js';

/**
 * Where a case stands. `open` and `reopened` wait for an agent; `claimed`, `verified` and `released` are
 * worked by their owner; `resolved`, `cancelled` (by the requester) and `rejected` (suspicious) are closed.
 */
export const CASE_STATUSES = [
  'open',
  'claimed',
  'verified',
  'released',
  'resolved',
  'cancelled',
  'rejected',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses no action changes any more, except an agent's Reopen of a resolved or rejected case. */
export const CLOSED_STATUSES = ['resolved', 'cancelled', 'rejected'] as const satisfies readonly CaseStatus[];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

/** Statuses in which the case waits for an agent to claim it (and is re-announced until one does). */
export const WAITING_STATUSES = ['open', 'reopened'] as const satisfies readonly CaseStatus[];

/** How an agent made sure the requester is who they claim to be, before any key leaves the bot. */
export const VERIFICATION_METHODS = ['videoCallPhotoId', 'inPerson', 'managerConfirmation'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** A helpdesk agent as the authenticated activity names them. */
export interface CaseAgent {
  /** Entra object id (`from.aadObjectId`). */
  readonly objectId: string;
  readonly name: string;
}

/** The person who asked, with the UPN the edge may add from the directory later. */
export interface CaseRequester extends Requester {
  /** `userPrincipalName`, when the directory lookup has filled it in. */
  readonly userPrincipalName?: string;
}

/** One of the requester's devices that may be the locked one (filled in from the directory after opening). */
export interface CandidateDevice {
  readonly name: string;
  /** The Entra `deviceId` that BitLocker keys refer to. */
  readonly deviceId: string;
  /** Entra `trustType`: `AzureAd`, `ServerAd` or `Workplace`; undefined when the directory did not say. */
  readonly joinType?: string;
  /** `approximateLastSignInDateTime`, ISO. */
  readonly lastSignInAt?: string;
}

/** What the triage learnt: the answers the requester gave and the reason code they map to. */
export interface CaseTriage {
  readonly rootCause: RootCause | undefined;
  readonly reasonCode: ReasonCode | undefined;
  /** `E_FVE_*` code from the recovery screen, when given. */
  readonly errorCode: string | undefined;
  readonly deviceKind: DeviceKind | undefined;
  /** The requester said the device was out of their hands, tampered with, lost or stolen. */
  readonly riskStop: boolean;
}

/** What the bot itself proved about the requester before the hand-off (e.g. a step-up sign-in). */
export interface VerificationEvidence {
  /** Stable code of what was proven, e.g. `stepUpSignIn`. */
  readonly proven: string;
  /** ISO time the proof was obtained. */
  readonly at: string;
}

/** The check an agent recorded (Record verification). */
export interface RecordedVerification {
  readonly method: VerificationMethod;
  readonly note: string;
  readonly by: CaseAgent;
  /** ISO time. */
  readonly at: string;
}

/** Who did something to a case: an agent, the requester, or the bot itself (announcements, reminders). */
export type CaseParty =
  | { readonly kind: 'agent'; readonly objectId: string; readonly name: string }
  | { readonly kind: 'requester'; readonly objectId: string; readonly name: string }
  | { readonly kind: 'system' };

/** What happened, as the history and the events name it. */
export const CASE_HISTORY_ACTIONS = [
  'opened',
  'detailsAdded',
  'posted',
  'reminded',
  'claimed',
  'claimReleased',
  'verificationRecorded',
  'keySentToRequester',
  'keyShownToAgent',
  'resolved',
  'rejectedAsSuspicious',
  'reopened',
  'cancelled',
  'noteAdded',
] as const;
export type CaseHistoryAction = (typeof CASE_HISTORY_ACTIONS)[number];

/** One line of "who did what when". */
export interface CaseHistoryEntry {
  /** ISO time. */
  readonly at: string;
  readonly by: CaseParty;
  readonly action: CaseHistoryAction;
  /** The note or reason that came with the action, when there was one. Never a key. */
  readonly detail?: string;
  /** How the requester was verified, on a `verificationRecorded` entry. */
  readonly method?: VerificationMethod;
  /** Status after the action. */
  readonly status: CaseStatus;
}

/** Where the case's card lives in the helpdesk channel, so it can be updated in place. */
export interface ChannelPost {
  readonly channelId: string;
  /** The activity id of the case card (the root of its thread). */
  readonly activityId: string;
}

/** A helpdesk case. Every change makes a new value with `version` one higher; never holds a key. */
export interface Case {
  /** Human-friendly, increasing case number ("case 17"), given by the store. */
  readonly number: number;
  /** The case request it was opened from. */
  readonly caseRequestNumber: number;
  /** The recovery request id: one case per (requester, request id). */
  readonly requestId: string;
  readonly requester: CaseRequester;
  /** Serialized conversation reference of the requester's 1:1 chat, for proactive updates (opaque here). */
  readonly requesterConversation: string;
  /** Normalized Key ID prefix (uppercase hex), when the requester gave one. */
  readonly keyId: string | undefined;
  readonly devices: readonly CandidateDevice[];
  readonly triage: CaseTriage;
  readonly evidence: VerificationEvidence | undefined;
  /** Why self-service did not happen. */
  readonly escalation: EscalationReason;
  readonly status: CaseStatus;
  /** The agent working the case; kept after it is closed, so the card says who closed it. */
  readonly owner: CaseAgent | undefined;
  /** The current recorded verification; cleared when the claim is given back or the case is reopened. */
  readonly verification: RecordedVerification | undefined;
  readonly history: readonly CaseHistoryEntry[];
  /** Optimistic concurrency: a store writes a change only over the version it was decided on. */
  readonly version: number;
  /** When the requester started the recovery request (ISO), the start of time-to-key. */
  readonly requestStartedAt: string;
  /** When the case request was recorded (ISO). */
  readonly requestedAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Since when the case has waited for an agent (ISO); undefined while an agent owns it or it is closed. */
  readonly waitingSince: string | undefined;
  readonly post: ChannelPost | undefined;
  /** Last time the case was posted or re-announced in the channel (ISO). */
  readonly announcedAt: string | undefined;
  /** First time a key left the bot for this case (to the requester or to an agent). */
  readonly releasedAt: string | undefined;
  readonly closedAt: string | undefined;
}

/** True for resolved, cancelled and rejected cases. */
export function isClosed(status: CaseStatus): status is ClosedStatus {
  return (CLOSED_STATUSES as readonly CaseStatus[]).includes(status);
}

/** True while the case waits for an agent to claim it. */
export function isWaiting(status: CaseStatus): boolean {
  return (WAITING_STATUSES as readonly CaseStatus[]).includes(status);
}
