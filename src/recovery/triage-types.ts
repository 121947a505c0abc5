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
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The guided answers that end a path without a key or a case. */
export const GUIDES = ['personalAccount', 'secondHand', 'noKeyAnywhere', 'whyThisHappened'] as const;
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

/** Where the conversation stands. `misses` counts inputs not understood at the current step. */
export type TriageState =
  | {
      readonly step: 'idle';
      readonly updatedAt: string;
      readonly misses: number;
      /** The welcome was shown; a first message that is not a Key ID gets the welcome instead of "not understood". */
      readonly greeted?: boolean;
      readonly last?: Outcome;
    }
  | {
      readonly step: 'awaitingKeyId';
      readonly requestId: string;
      readonly startedAt: string;
      readonly updatedAt: string;
      readonly misses: number;
    }
  | {
      readonly step: 'confirmingKeyId';
      readonly requestId: string;
      readonly startedAt: string;
      readonly updatedAt: string;
      readonly misses: number;
      readonly candidate: string;
    }
  | {
      readonly step: 'awaitingAnswers';
      readonly requestId: string;
      readonly startedAt: string;
      readonly updatedAt: string;
      readonly misses: number;
      readonly keyId: string;
    };

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

/** What the person did, already parsed by the edge (text stays text: the machine parses Key IDs itself). */
export type TriageEvent =
  | { readonly type: 'greet' }
  | { readonly type: 'startRecovery' }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'command'; readonly command: Command }
  | { readonly type: 'confirmKeyId'; readonly accepted: boolean }
  | {
      readonly type: 'answers';
      readonly rootCause: RootCause | undefined;
      readonly deviceKind: DeviceKind | undefined;
      readonly errorCode: string | undefined;
    }
  | { readonly type: 'showGuide'; readonly guide: Guide | 'whereIsKeyId' }
  /** The verified requester was shown the key for the request waiting for verification. */
  | { readonly type: 'released'; readonly requestId: string }
  /** Self-service could not finish (release denied, sign-in refused, key did not work): IT takes over. */
  | { readonly type: 'escalate'; readonly reason: EscalationReason };

/** Something the bot says; `cards/` turns each into a card or a line of text. */
export type Reply =
  | { readonly type: 'welcome' }
  | { readonly type: 'help' }
  | { readonly type: 'askKeyId' }
  | { readonly type: 'whereIsKeyId' }
  | { readonly type: 'keyIdTooShort'; readonly digits: number }
  | { readonly type: 'notAKeyId' }
  | { readonly type: 'twoKeyIds' }
  | { readonly type: 'passwordPasted' }
  | { readonly type: 'confirmKeyId'; readonly keyId: string; readonly corrections: readonly string[] }
  | {
      readonly type: 'askAnswers';
      readonly keyId: string;
      readonly missing: readonly ('rootCause' | 'deviceKind')[];
    }
  | { readonly type: 'verify'; readonly request: RecoveryRequest }
  | { readonly type: 'guide'; readonly guide: Guide }
  | { readonly type: 'riskStop' }
  | { readonly type: 'caseRequested'; readonly reason: EscalationReason; readonly keyId: string | undefined }
  | { readonly type: 'offerIt' }
  | { readonly type: 'cancelled'; readonly hadRequest: boolean }
  | { readonly type: 'status'; readonly state: TriageState }
  | { readonly type: 'expired' }
  | { readonly type: 'staleCard' }
  | { readonly type: 'notUnderstood' };

/** What the edge must do, in order. */
export type TriageEffect =
  | { readonly type: 'reply'; readonly reply: Reply }
  /** Self-service continues with a fresh sign-in (the release issue plugs in here). */
  | { readonly type: 'handOffToVerification'; readonly request: RecoveryRequest }
  /** IT takes over: record a case request for this request (idempotent on `request.id`). */
  | { readonly type: 'requestCase'; readonly request: RecoveryRequest; readonly reason: EscalationReason };

export interface Transition {
  readonly state: TriageState;
  readonly effects: readonly TriageEffect[];
}
