import type {
  DeviceKind,
  EscalationReason,
  Guide,
  RootCause,
  TriageState,
} from '../recovery/triage-types.js';

export { en } from './messages/en.js';

/** An answer the person still has to pick on the questions card. */
export type MissingAnswer = 'rootCause' | 'deviceKind';

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
  readonly startRecovery: string;
  readonly startWhereKeyId: string;
  readonly startTalkToIt: string;
  readonly startOver: string;
  readonly continue: string;

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

  readonly answersTitle: string;
  readonly answersMissing: (missing: readonly MissingAnswer[]) => string;
  readonly rootCauseLabel: string;
  readonly rootCauseRequired: string;
  readonly rootCauseChoices: { readonly [cause in RootCause]: string };
  readonly deviceKindLabel: string;
  readonly deviceKindRequired: string;
  readonly deviceKindChoices: { readonly [kind in DeviceKind]: string };
  readonly errorCodeLabel: string;
  readonly errorCodePlaceholder: string;
  readonly whyDidThisHappen: string;

  readonly verifyTitle: string;
  readonly rootCauseFact: string;
  readonly deviceKindFact: string;
  readonly errorCodeFact: string;
  readonly verifyNext: string;
  readonly verifyButton: string;
  readonly verifyNotSwitchedOn: string;

  readonly guides: { readonly [guide in Guide]: GuideText };
  readonly openMyRecoveryKey: string;
  readonly cantFindItThere: string;

  readonly riskStopTitle: string;
  readonly riskStopLines: readonly string[];

  readonly caseRequestedTitle: string;
  readonly caseReasons: { readonly [reason in EscalationReason]: string };
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
  readonly staleCard: string;
  readonly notUnderstood: string;
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
    readonly glad: string;
    readonly troubleshooting: string;
  };
  /** What the requester hears when a step-up sign-in does not verify them. */
  readonly signIn: {
    readonly mismatch: (signedInName: string) => string;
    readonly failed: string;
    readonly stale: string;
  };
  /** What replaces the release card once the key is hidden. */
  readonly keyHidden: {
    readonly title: string;
    readonly body: string;
    readonly askAgain: string;
  };

  readonly groupChatRedirect: string;
  readonly turnError: string;
}
