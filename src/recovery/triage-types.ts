import type { Correction } from './key-id.js';

/**
 * The triage conversation's vocabulary: what happened before the lockout, what kind of device it is,
 * where the conversation stands, what the person did, and what the bot does in response.
 * All of it is plain data, so the machine is testable without Teams and its state fits in turn state.
 */

/** What happened just before the recovery screen (asked before any key is shown). */
export const ROOT_CAUSES = [
  'firmwareUpdate',
  'windowsUpdate',
  'hardwareChange',
  'dockOrPeripheral',
  'wrongPin',
  'nothingUnusual',
  'outOfMyHands',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** What kind of device is locked. */
export const DEVICE_KINDS = ['workPc', 'personalPc', 'secondHand', 'oldDomainPc', 'notSure'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Reason codes stored with a case; stable strings for reports. */
export const REASON_CODES = {
  firmwareUpdate: 'FIRMWARE_UPDATE',
  windowsUpdate: 'WINDOWS_UPDATE',
  hardwareChange: 'HARDWARE_CHANGE',
  dockOrPeripheral: 'PERIPHERAL_CHANGE',
  wrongPin: 'PIN_LOCKOUT',
  nothingUnusual: 'UNKNOWN_TRIGGER',
  outOfMyHands: 'RISK_DEVICE_OUT_OF_HANDS',
} as const satisfies { readonly [cause in RootCause]: string };
export type ReasonCode = (typeof REASON_CODES)[RootCause];

/** Why a request goes to IT instead of self-service. */
export const ESCALATION_REASONS = [
  'requesterAsked',
  'riskStop',
  'onPremisesDevice',
  'notUnderstood',
  /** Self-service found no releasable key: no match, not theirs, or not allowed (one reason, on purpose). */
  'notReleasable',
  'rateLimited',
  'directoryUnavailable',
  'signInMismatch',
  'keyDidNotWork',
  'rotationOverdue',
  /** Not in the self-service group: known before any sign-in (it does not depend on the Key ID). */
  'notInSelfServiceGroup',
  /**
   * The reasons below are told only to the verified owner of the PC the Key ID matched (after the sign-in),
   * so they reveal nothing about anyone else's Key IDs.
   */
  'alreadyReleased',
  'repeatRecovery',
  'deviceDisabled',
  'notAllowedByTenant',
  /** The person reported someone asking for their recovery key (a call, a mail, a message). */
  'suspiciousContact',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The guided answers that end a path without a key or a case. */
export const GUIDES = [
  'personalAccount',
  'secondHand',
  'noKeyAnywhere',
  'whyThisHappened',
  /** They have their own copy (printout, USB stick, file): how to use it safely. */
  'ownCopy',
  /** The key was rejected or cannot be typed: what to check before IT. */
  'keyRejected',
  'prevention',
  /** Never share the key or read it to a caller; report who asked. */
  'security',
] as const;
export type Guide = (typeof GUIDES)[number];

/** The triage answers collected so far. */
export interface TriageAnswers {
  /** Normalized Key ID prefix (uppercase hex, 8–32 characters). */
  readonly keyId?: string;
  readonly rootCause?: RootCause;
  /** `E_FVE_*` code from the Windows 11 recovery screen (Alt), when the person gave one. */
  readonly errorCode?: string;
  readonly deviceKind?: DeviceKind;
}

/** Answers given before they were asked for ("my work laptop, after a BIOS update"), kept until needed. */
export type Noted = Omit<TriageAnswers, 'keyId'>;

/** A complete request, handed to verification (self-service) or to IT. */
export interface RecoveryRequest {
  /** Stable id of this request: retries and double clicks refer to the same one. */
  readonly id: string;
  readonly keyId: string | undefined;
  readonly rootCause: RootCause | undefined;
  readonly reasonCode: ReasonCode | undefined;
  readonly errorCode: string | undefined;
  readonly deviceKind: DeviceKind | undefined;
  /** The person said the device was out of their hands, tampered with, lost or stolen. */
  readonly riskStop: boolean;
  readonly startedAt: string;
}

/**
 * What people write to the bot, as the understanding step classifies it. Every branch of the triage is an
 * intent, so it can be reached by words as well as by buttons, at any step.
 */
export const INTENTS = [
  'greeting',
  /** The recovery screen in general: "my laptop is asking for a bitlocker key". */
  'recoveryScreen',
  'whereKeyId',
  'whyHappened',
  /** A personal PC or a Microsoft account (aka.ms/myrecoverykey). */
  'personalPc',
  'secondHand',
  /** Their own printed, USB or file copy of the key. */
  'ownCopy',
  'noKeyAnywhere',
  /** The key was rejected, is the wrong one, or cannot be typed. */
  'keyDidNotWork',
  /** It worked, or thanks. */
  'itWorked',
  'talkToIt',
  'status',
  'cancel',
  'restart',
  'help',
  'prevention',
  /** Someone asked for their key, or they ask whether sharing it is safe. */
  'security',
  'yes',
  'no',
  /** Only the details the bot asked for: a Key ID, what happened, which PC, an error code. */
  'answer',
  'outOfScope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents the bot can offer as "Did you mean …?" buttons: each is a whole thing the bot does. */
export const SUGGESTIBLE_INTENTS = [
  'recoveryScreen',
  'whereKeyId',
  'whyHappened',
  'personalPc',
  'secondHand',
  'ownCopy',
  'noKeyAnywhere',
  'keyDidNotWork',
  'itWorked',
  'talkToIt',
  'status',
  'cancel',
  'restart',
  'help',
  'prevention',
  'security',
] as const satisfies readonly Intent[];
export type SuggestibleIntent = (typeof SUGGESTIBLE_INTENTS)[number];

export function isSuggestible(intent: Intent): intent is SuggestibleIntent {
  return (SUGGESTIBLE_INTENTS as readonly Intent[]).includes(intent);
}

/** What the bot waits for; the understanding step reads short answers in its light ("where is it?"). */
export type PendingQuestion = 'keyId' | 'confirmKeyId' | 'rootCause';

/** The Key ID as read from a message: the parse, without the recovery-password case (caught earlier). */
export type KeyIdReading =
  | {
      readonly kind: 'keyId';
      readonly prefix: string;
      readonly corrected: readonly Correction[];
      readonly complete: boolean;
    }
  | { readonly kind: 'none' }
  | { readonly kind: 'tooShort'; readonly digits: number }
  | { readonly kind: 'ambiguous' };

/**
 * A typed message as the understanding step read it. It never carries the text itself, so nothing the
 * person typed can reach the state, a case or a log through the triage.
 */
export interface Utterance {
  readonly intent: Intent;
  /** Confident enough to act on `intent`; otherwise the bot offers `alternatives` ("Did you mean …?"). */
  readonly sure: boolean;
  /** The next closest suggestible intents, best first. */
  readonly alternatives: readonly SuggestibleIntent[];
  readonly keyId: KeyIdReading;
  readonly rootCause: RootCause | undefined;
  readonly deviceKind: DeviceKind | undefined;
  /** An `E_FVE_*` code, already normalized and checked. */
  readonly errorCode: string | undefined;
}

/** Buttons offered in the last reply that a typed "yes" picks (the first) or "no" declines. */
export type Offer = readonly SuggestibleIntent[];

/** What every step of the conversation keeps. `misses` counts inputs not understood at the current step. */
interface StepBase {
  readonly updatedAt: string;
  readonly misses: number;
  /** The buttons of the last "Did you mean …?" or "talk to IT?" offer, for a typed yes or no. */
  readonly offer?: Offer;
}

interface RequestStep extends StepBase {
  readonly requestId: string;
  readonly startedAt: string;
  /** Answers given before they were asked for. Absent in states stored before answers could be noted. */
  readonly noted?: Noted;
}

/** Where the conversation stands. */
export type TriageState =
  | (StepBase & {
      readonly step: 'idle';
      /** The welcome was shown; a first message that is not a Key ID gets the welcome instead of "not understood". */
      readonly greeted?: boolean;
      readonly last?: Outcome;
    })
  | (RequestStep & { readonly step: 'awaitingKeyId' })
  | (RequestStep & { readonly step: 'confirmingKeyId'; readonly candidate: string })
  | (RequestStep & {
      readonly step: 'awaitingAnswers';
      readonly keyId: string;
    });

/** How the last request ended, for `status`. */
export type Outcome =
  | { readonly kind: 'verification'; readonly request: RecoveryRequest }
  /** The key was shown after the verification (it can still be reported as working or not). */
  | { readonly kind: 'released'; readonly request: RecoveryRequest }
  | { readonly kind: 'case'; readonly request: RecoveryRequest; readonly reason: EscalationReason }
  | { readonly kind: 'guided'; readonly guide: Guide }
  | { readonly kind: 'cancelled' };

/** Commands that work at any point. */
export const COMMANDS = ['help', 'restart', 'cancel', 'status', 'talkToIt'] as const;
export type Command = (typeof COMMANDS)[number];

/** What the person did, already parsed by the edge. */
export type TriageEvent =
  /** The bot was installed in a 1:1 chat. */
  | { readonly type: 'greet' }
  /** A typed message (or text typed into a card's box), understood. */
  | { readonly type: 'said'; readonly utterance: Utterance }
  /** The message held something shaped like a recovery password; nothing else of it was read. */
  | { readonly type: 'recoveryPasswordTyped' }
  /** A card button whose meaning is an intent (a start button, a "Did you mean …?" choice). */
  | { readonly type: 'chose'; readonly intent: SuggestibleIntent }
  | { readonly type: 'command'; readonly command: Command }
  | { readonly type: 'confirmKeyId'; readonly accepted: boolean }
  /** A tap on the questions card: what happened, or which PC it is (either may come alone). */
  | {
      readonly type: 'answers';
      readonly rootCause: RootCause | undefined;
      readonly deviceKind: DeviceKind | undefined;
      readonly errorCode: string | undefined;
    }
  | { readonly type: 'showGuide'; readonly guide: Guide | 'whereIsKeyId' }
  /** "Report it" on the security advice: IT security hears that someone asked for the person's key. */
  | { readonly type: 'reportSuspiciousContact' }
  /** The edge looked up whether the requester may use self-service (`undefined`: it could not tell). */
  | { readonly type: 'selfServiceChecked'; readonly requestId: string; readonly allowed: boolean | undefined }
  /** The verified requester was shown the key for the request waiting for verification. */
  | { readonly type: 'released'; readonly requestId: string }
  /**
   * Self-service could not finish (release denied, sign-in refused, key did not work): IT takes over.
   * `releasedAt` says when this PC's key was last shown, for the verified owner only.
   */
  | { readonly type: 'escalate'; readonly reason: EscalationReason; readonly releasedAt?: string }
  /** The Key ID matched none of the person's PCs, once too often today: no case, they talk to IT themselves. */
  | { readonly type: 'missLimitReached' };

/** Something the bot says; `cards/` turns each into a card or a line of text. */
export type Reply =
  | { readonly type: 'welcome' }
  /** "hi" once the welcome was shown: a short line, not the whole card again. */
  | { readonly type: 'greetAgain' }
  | { readonly type: 'help' }
  /** `noted` repeats what the person already told, so they see it was understood. */
  | { readonly type: 'askKeyId'; readonly noted: Noted }
  | { readonly type: 'whereIsKeyId' }
  | { readonly type: 'keyIdTooShort'; readonly digits: number }
  | { readonly type: 'notAKeyId' }
  | { readonly type: 'twoKeyIds' }
  | { readonly type: 'passwordPasted' }
  | { readonly type: 'confirmKeyId'; readonly keyId: string; readonly corrections: readonly string[] }
  /** What happened just before; `askDeviceKind` adds "not your work PC?" when the PC type is not known. */
  | { readonly type: 'askAnswers'; readonly keyId: string; readonly askDeviceKind: boolean }
  /** The sign-in for `request`; `again` when it reminds someone who has not signed in yet. */
  | { readonly type: 'verify'; readonly request: RecoveryRequest; readonly again?: boolean }
  | { readonly type: 'guide'; readonly guide: Guide }
  | { readonly type: 'riskStop' }
  | {
      readonly type: 'caseRequested';
      readonly reason: EscalationReason;
      readonly keyId: string | undefined;
      readonly releasedAt?: string;
    }
  | { readonly type: 'offerIt' }
  | { readonly type: 'cancelled'; readonly hadRequest: boolean }
  | { readonly type: 'status'; readonly state: TriageState }
  | { readonly type: 'expired' }
  | { readonly type: 'missLimit' }
  | { readonly type: 'staleCard' }
  /**
   * Not sure what the person meant: the closest things the bot can do, as buttons, and Talk to IT.
   * `options` are at most three, Talk to IT not among them (the card always adds it).
   */
  | { readonly type: 'didYouMean'; readonly options: readonly SuggestibleIntent[] }
  /** Clearly not about a locked PC: what the bot is for, and the same offer. */
  | { readonly type: 'outOfScope'; readonly options: readonly SuggestibleIntent[] }
  /** Glad it works; tips to avoid the next lockout follow once. */
  | { readonly type: 'glad'; readonly keyWasShown: boolean }
  /** "ok" with nothing pending. */
  | { readonly type: 'acknowledged' };

/** What the edge must do, in order. */
export type TriageEffect =
  | { readonly type: 'reply'; readonly reply: Reply }
  /**
   * Before any sign-in: may this person use self-service at all? The edge answers with a
   * `selfServiceChecked` event. Nothing about the Key ID is looked up here (anti-probing).
   */
  | { readonly type: 'checkSelfService'; readonly request: RecoveryRequest }
  /** Self-service continues with a fresh sign-in. */
  | { readonly type: 'handOffToVerification'; readonly request: RecoveryRequest }
  /** IT takes over: record a case request for this request (idempotent on `request.id`). */
  | { readonly type: 'requestCase'; readonly request: RecoveryRequest; readonly reason: EscalationReason }
  /** The shown key worked: hide it now and look for its replacement now, not at the timers. */
  | { readonly type: 'keyWorked'; readonly requestId: string };

export interface Transition {
  readonly state: TriageState;
  readonly effects: readonly TriageEffect[];
}
