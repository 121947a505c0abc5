import type { CaseTextField } from '../helpdesk/decide-agent-action.js';
import type { StepUpFailure } from '../identity/step-up.js';
import type { ReleaseNoticeWords } from '../recovery/release-notifier.js';
import type { DenialReason } from '../recovery/release-policy.js';
import type { AuditDecision } from '../recovery/release-ports.js';
import type {
  DeviceKind,
  EscalationReason,
  Guide,
  RootCause,
  SuggestibleIntent,
  TriageState,
} from '../recovery/triage-types.js';
import { DEFAULT_LANGUAGE, type Language, languageOfLocale } from '../understanding/languages.js';
import type {
  CaseEvent,
  CaseStatus,
  DeviceTrustType,
  RequesterUpdateKind,
  VerificationMethod,
} from './case-card.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { it } from './messages/it.js';
import { nl } from './messages/nl.js';
import { pl } from './messages/pl.js';
import { pt } from './messages/pt.js';

export { en };

/**
 * One catalogue per language. The compiler checks each is complete (every key, the same parameters);
 * a test checks that the words put in (names, numbers, Key IDs) come out in every language.
 */
export const CATALOGUE: { readonly [language in Language]: Messages } = { en, de, fr, es, nl, pl, it, pt };

/**
 * The words for a conversation in `locale`: a Teams locale (`de-DE`) or one of the bot's languages (`de`).
 * Any other locale gets English.
 */
export function messagesFor(locale: string | undefined): Messages {
  return CATALOGUE[languageOfLocale(locale) ?? DEFAULT_LANGUAGE];
}

/** A sign-in page's heading and its first paragraph. */
export interface SignInPageText {
  readonly title: string;
  readonly body: string;
}

/** The words of one guided answer: a title, a lead-in, the list that is the point of it, and closing lines. */
export interface GuideText {
  readonly title: string;
  readonly intro: string;
  /** Steps (numbered by the card) or a checklist (bulleted), depending on the guide. */
  readonly points: readonly string[];
  readonly closing: readonly string[];
}

/**
 * Every word the bot says, in one catalogue. Another language is another object of this type
 * (a new file under `messages/`), not a code change. Parameterized strings are functions, so word
 * order and plurals stay the translator's business. Values passed in (Key IDs, codes) are already
 * formatted for display.
 */
export interface Messages {
  readonly welcomeTitle: string;
  readonly welcomeBody: string;
  readonly neverAskForPassword: string;
  /** Label of the Key ID box on the welcome card. */
  readonly welcomeKeyIdLabel: string;
  /** The send button beside a Key ID box. */
  readonly send: string;
  /** Under the box: the chat works too, in the person's own words. */
  readonly welcomeOrTellMe: string;
  /** "hi" again once the welcome was shown. */
  readonly greetAgain: string;
  /** "ok" with nothing pending. */
  readonly acknowledged: string;
  readonly startRecovery: string;
  readonly startWhereKeyId: string;
  readonly startTalkToIt: string;
  readonly startOver: string;

  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpCommands: readonly { readonly command: string; readonly description: string }[];

  readonly keyIdHelpTitle: string;
  readonly keyIdHelpSteps: readonly string[];
  /** What else the Windows 11 recovery screen shows, and what it means. */
  readonly keyIdHelpNotes: readonly string[];

  /** Label of the Key ID input and of the Key ID line in summaries. */
  readonly keyIdLabel: string;
  /** Label of the request number fact ("Request number: 42"). */
  readonly requestNumberLabel: string;
  readonly askKeyIdTitle: string;
  readonly askKeyIdWhere: string;
  readonly askKeyIdOrType: string;
  /** Above what the person already told, on the Key ID question ("So far"). */
  readonly notedTitle: string;
  readonly keyIdPlaceholder: string;
  readonly keyIdRequired: string;
  readonly whereIsIt: string;

  readonly keyIdTooShort: (digits: number) => string;
  readonly notAKeyId: string;
  readonly twoKeyIds: string;
  readonly passwordPastedTitle: string;
  readonly passwordPastedLines: readonly string[];

  readonly confirmKeyIdQuestion: (keyId: string) => string;
  /** `corrections` read like "O → 0". */
  readonly confirmKeyIdCorrections: (corrections: readonly string[]) => string;
  readonly confirmKeyIdYes: string;
  readonly confirmKeyIdNo: string;

  /** The question card: what happened just before (one tap), and "not your work PC?" when not known. */
  readonly answersTitle: string;
  /** Button labels: short, one tap each. */
  readonly rootCauseButtons: { readonly [cause in RootCause]: string };
  readonly assumedWorkPc: string;
  readonly notWorkPc: string;
  readonly deviceKindButtons: { readonly [kind in 'personalPc' | 'secondHand' | 'oldDomainPc']: string };
  readonly errorCodeHint: string;
  /** What was told, in summaries (the verify card, status, cases). */
  readonly rootCauseChoices: { readonly [cause in RootCause]: string };
  readonly deviceKindChoices: { readonly [kind in DeviceKind]: string };
  readonly whyDidThisHappen: string;

  readonly verifyTitle: string;
  /** The sign-in card again, for someone who came back before signing in. */
  readonly verifyAgainTitle: string;
  readonly rootCauseFact: string;
  readonly deviceKindFact: string;
  readonly errorCodeFact: string;
  readonly verifyNext: string;
  readonly verifyButton: string;
  readonly verifyNotSwitchedOn: string;

  readonly guides: { readonly [guide in Guide]: GuideText };
  readonly openMyRecoveryKey: string;
  readonly cantFindItThere: string;
  readonly findMyKey: string;
  readonly reportToSecurity: string;

  /** "Did you mean …?" and the out-of-scope answer: the closest things the bot can do, as buttons. */
  readonly didYouMean: string;
  readonly outOfScopeTitle: string;
  readonly outOfScopeBody: string;
  readonly intentLabels: { readonly [intent in SuggestibleIntent]: string };
  /** After "it worked" / "thanks". */
  readonly glad: (keyWasShown: boolean) => string;

  readonly riskStopTitle: string;
  readonly riskStopLines: readonly string[];

  readonly caseRequestedTitle: string;
  readonly caseReasons: { readonly [reason in EscalationReason]: string };
  /** When this PC's key was last shown; `time` is card markup each client shows in its own time zone. */
  readonly keyShownAt: (time: string) => string;
  readonly caseNext: string;
  readonly caseWithoutKeyId: string;
  readonly caseStatusHint: string;

  readonly offerIt: string;
  readonly cancelled: (hadRequest: boolean) => string;

  readonly statusTitle: string;
  readonly statusNowFact: string;
  readonly statusLastFact: string;
  readonly statusSteps: { readonly [step in TriageState['step']]: string };
  readonly statusOutcomes: {
    readonly none: string;
    readonly verification: string;
    readonly released: string;
    readonly case: string;
    readonly cancelled: string;
    readonly guided: (guideTitle: string) => string;
  };

  readonly expired: string;
  /** Too many Key IDs that matched none of the person's PCs today: no more cases from the bot; talk to IT. */
  readonly missLimit: string;
  readonly staleCard: string;
  /** Sent once after a successful unlock. */
  readonly preventionTips: string;

  /** The release card: the key in 8 numbered blocks, for the requester's 1:1 chat only. */
  readonly release: {
    readonly title: string;
    readonly deviceLabel: string;
    readonly compareKeyId: string;
    readonly howToType: string;
    readonly hidesIn: (minutes: number) => string;
    readonly worked: string;
    readonly didNotWork: string;
    readonly oneBlockAtATime: string;
    readonly allBlocks: string;
    readonly nextBlock: string;
    readonly previousBlock: string;
    readonly blockOf: (index: number, count: number) => string;
    /** Fallback text of the release card: it must not carry the key. */
    readonly fallback: string;
    readonly needMoreDigits: (matches: number) => string;
    /** A crash stopped the release before the card went out: nothing was shown. */
    readonly interrupted: string;
    /** A crash stopped it while the card was going out: it may be on screen, and cannot be hidden. */
    readonly maybeShown: string;
    readonly troubleshooting: string;
  };
  /** What the requester hears when a step-up sign-in does not verify them. */
  readonly signIn: {
    readonly mismatch: (signedInName: string) => string;
    readonly failed: string;
    readonly stale: string;
  };
  /**
   * The pages of the sign-in tab (`/auth/start`, `/auth/callback`), in the browser's language. Plain text:
   * the page escapes every word.
   */
  readonly signInPage: {
    readonly closeThisPage: string;
    /** The way back: tap the verify button (its words are passed in) again. */
    readonly goBack: (verifyButton: string) => string;
    readonly verified: SignInPageText;
    readonly mismatch: {
      readonly title: string;
      readonly body: (signedInName: string) => string;
      readonly ownAccount: string;
    };
    readonly trouble: SignInPageText;
    readonly failures: { readonly [reason in StepUpFailure]: SignInPageText };
  };
  /** What replaces the release card once the key is hidden. */
  readonly keyHidden: {
    readonly title: string;
    readonly body: string;
    readonly askAgain: string;
  };

  /** The out-of-band mail after a release: which PC's key was shown and when. Never the key, no link. */
  readonly releaseNotice: ReleaseNoticeWords;

  readonly groupChatRedirect: string;
  readonly turnError: string;
  /** Over the per-person message rate limit: said once, then the bot is quiet until they slow down. */
  readonly slowDown: string;

  readonly helpdesk: HelpdeskMessages;
}

/**
 * The helpdesk's words: the case card in the channel, the advanced agent's own views, the requester's
 * updates, and the helpdesk commands. Agents read these on a phone too: short, and the next step first.
 */
export interface HelpdeskMessages {
  /** Posted in the security channel when an agent rejects a case as suspicious. */
  readonly securityAlert: (alert: {
    readonly caseNumber: number;
    readonly requesterName: string;
    readonly keyId: string;
    readonly agentName: string;
    readonly note: string;
  }) => string;
  /** Posted in the security channel when a requester reports someone asking for their key. */
  readonly suspiciousContactAlert: (caseNumber: number, requesterName: string) => string;
  /** Posted once when a person's Key IDs that match none of their PCs pass KEY_ID_MISS_CASE_LIMIT in a day. */
  readonly probingAlert: (requesterName: string, misses: number) => string;
  /** Someone kept sending messages far past the rate limit. */
  readonly floodAlert: (requesterName: string, dropped: number) => string;
  /** Send key or Show key to me was stopped by a crash before the card went out. */
  readonly keyFlowInterrupted: (caseNumber: number) => string;
  /** …or while it went out. */
  readonly keyFlowMaybeShown: (caseNumber: number) => string;
  /** Send key to requester: the agent's own step-up sign-in, then the key goes to the requester's chat. */
  readonly sendKeyFlow: {
    readonly signInNotice: string;
    readonly signInButton: string;
    readonly sent: (requesterName: string) => string;
    readonly severalKeys: (matches: number) => string;
    readonly notReleased: (reason: DenialReason) => string;
    readonly signInFailed: string;
  };
  /** "Show key to me" after the reason: the advanced agent's sign-in, and what the channel is told. */
  readonly showKeyFlow: {
    readonly signInNotice: string;
    readonly signInButton: string;
    /** Said in the case thread, for everyone: who saw the key and where. */
    readonly shown: (agentName: string) => string;
    readonly privateChatFailed: string;
    /** The key was read but the card never reached the agent: taken back, nobody saw it. */
    readonly notDelivered: string;
    readonly notShown: (reason: DenialReason) => string;
    readonly signInFailed: string;
  };
  /** Why the key was not read for an agent, in words an agent can act on. */
  readonly denials: { readonly [reason in DenialReason]: string };
  readonly caseTitle: (caseNumber: number) => string;
  /** Fallback and notification text of the case card: who, and where the case stands. Never a key. */
  readonly caseSummary: (caseNumber: number, requesterName: string, status: string) => string;
  readonly statuses: { readonly [status in CaseStatus]: string };
  /** Why self-service did not happen, in the helpdesk's words (the requester hears `caseReasons`). */
  readonly reasons: { readonly [reason in EscalationReason]: string };
  readonly requesterLabel: string;
  readonly reasonLabel: string;
  readonly ownerLabel: string;
  readonly nobodyYet: string;
  readonly verificationLabel: string;
  readonly notVerifiedYet: string;
  readonly verifiedBy: (method: string, agentName: string) => string;
  readonly verificationMethods: { readonly [method in VerificationMethod]: string };
  readonly devicesTitle: string;
  readonly noDevices: string;
  readonly trustTypes: { readonly [trustType in DeviceTrustType]: string };
  /** `when` is already card markup that each reader's client shows in their own time zone. */
  readonly lastSignIn: (when: string) => string;
  readonly moreDevices: (count: number) => string;
  readonly historyTitle: string;
  readonly earlierHistory: (count: number) => string;
  /** One history line; `by` is the person who acted, absent for the bot itself. */
  readonly events: { readonly [event in CaseEvent]: (by: string | undefined) => string };
  /** Replaces free text that looked like a recovery key, so the channel never shows one. */
  readonly textWithheld: string;

  readonly claim: string;
  readonly releaseClaim: string;
  readonly recordVerificationTitle: string;
  readonly verificationMethodLabel: string;
  readonly verificationMethodRequired: string;
  readonly verificationNoteLabel: string;
  readonly verificationNotePlaceholder: string;
  readonly saveVerification: string;
  readonly sendKey: string;
  readonly sendKeyHint: string;
  readonly resolve: string;
  readonly reopen: string;
  readonly rejectOpen: string;
  readonly rejectWarning: string;
  readonly rejectConfirm: string;
  readonly showKeyToMe: string;
  readonly closedHint: string;

  /** The advanced agent's own view before the key: why, and the reason it asks for. */
  readonly advanced: {
    readonly title: (caseNumber: number) => string;
    readonly lines: readonly string[];
    readonly reasonLabel: string;
    readonly reasonPlaceholder: string;
    readonly reasonRequired: string;
    readonly reveal: string;
    readonly back: string;
  };
  /** The advanced agent's own view with the key. */
  readonly revealed: {
    readonly title: (caseNumber: number) => string;
    readonly onlyYou: (requesterName: string) => string;
    readonly hidesIn: (minutes: number) => string;
    readonly hiddenTitle: (caseNumber: number) => string;
    readonly hiddenBody: string;
    readonly hide: string;
    /** Fallback text: it must not carry the key. */
    readonly fallback: (caseNumber: number) => string;
  };

  /** What the requester hears about their case, in their 1:1 chat. */
  readonly requester: {
    readonly title: (caseNumber: number) => string;
    readonly caseNumberLabel: string;
    readonly updates: { readonly [kind in RequesterUpdateKind]: (agentName: string | undefined) => string };
    readonly next: { readonly [kind in RequesterUpdateKind]: string };
    readonly addNote: string;
    readonly noteLabel: string;
    readonly notePlaceholder: string;
    readonly noteRequired: string;
    readonly sendNote: string;
    readonly cancelRequest: string;
  };

  /** Posted in the case's thread when nobody has claimed it in time. */
  readonly reminder: (caseNumber: number, requesterName: string, minutesWaiting: number) => string;

  readonly queueTitle: (count: number) => string;
  readonly queueEmpty: string;
  readonly queueLine: (caseNumber: number, requesterName: string, status: string) => string;
  readonly waitingFor: (minutes: number) => string;
  readonly moreCases: (count: number) => string;
  readonly queueHint: string;

  readonly statsTitle: (day: string) => string;
  readonly statsRequests: string;
  readonly statsSelfServed: string;
  readonly statsEscalated: string;
  readonly statsMedianToKey: string;
  readonly minutes: (count: number) => string;
  readonly noneYet: string;
  readonly topReasonsTitle: string;
  readonly noReasons: string;
  readonly rootCauses: { readonly [cause in RootCause]: string };

  readonly auditTitle: (subject: string) => string;
  readonly auditEmpty: (subject: string) => string;
  readonly auditDecisions: { readonly [decision in AuditDecision]: string };
  readonly auditBy: (actor: string) => string;
  readonly moreAudit: (count: number) => string;

  /** Said for `case` or `audit` without something usable to look for; it never echoes what was typed. */
  readonly commandsUsage: string;

  /** Why the helpdesk said no: the domain's refusal codes plus the edge's own. Nothing was changed. */
  readonly refusals: {
    readonly notHelpdeskMember: string;
    readonly notRequester: string;
    readonly ownCase: string;
    readonly caseClosed: (status: string) => string;
    readonly claimedByOther: (ownerName: string) => string;
    readonly alreadyOwner: string;
    readonly notClaimed: string;
    readonly verificationRequired: string;
    readonly advancedRoleRequired: string;
    readonly alreadyReleased: string;
    readonly notClosed: string;
    readonly unknownMethod: string;
    readonly textRequired: { readonly [field in CaseTextField]: string };
    readonly textTooLong: (field: CaseTextField, max: number) => string;
    readonly recoveryPasswordInText: string;
    readonly changed: string;
    readonly outOfDate: string;
    readonly caseNotFound: (caseNumber: number) => string;
    readonly unreadableAction: string;
    /** The directory did not say whether the presser is on the helpdesk (Graph down, slow, throttling). */
    readonly membershipUnknown: string;
    /** Send key / Show key where key release is not configured. */
    readonly keyReleaseOff: string;
  };
}
