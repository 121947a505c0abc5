import type { Reply } from '../recovery/triage-types.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { askAnswersCard } from './ask-answers-card.js';
import { askKeyIdCard } from './ask-key-id-card.js';
import { caseRequestedCard } from './case-requested-card.js';
import { confirmKeyIdCard } from './confirm-key-id-card.js';
import { didYouMeanCard, outOfScopeCard } from './did-you-mean-card.js';
import { guideCard } from './guide-card.js';
import { helpCard } from './help-card.js';
import { keyIdHelpCard } from './key-id-help-card.js';
import type { Messages } from './messages.js';
import { offerItCard } from './offer-it-card.js';
import { passwordPastedCard } from './password-pasted-card.js';
import { riskStopCard } from './risk-stop-card.js';
import { statusCard } from './status-card.js';
import { verifyCard } from './verify-card.js';
import { welcomeCard } from './welcome-card.js';

/** One Teams message: plain text, or an Adaptive Card for `bot/` to wrap in an attachment. */
export type OutgoingMessage =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly card: AdaptiveCard };

/** What the renderer needs beyond the reply itself. */
export interface RenderOptions {
  /**
   * Where "Verify it's you" leads (`${PUBLIC_BASE_URL}/auth/start?…`). Absent while self-service sign-in
   * is not available: the verification card then says so and offers IT instead.
   */
  readonly verifyUrl?: string;
  /** The number IT knows the request by, once it is recorded (case requested, risk stop, status). */
  readonly caseNumber?: number;
}

/** Turns one thing the bot says into the Teams messages that say it, in order (usually one). */
export function renderReply(
  reply: Reply,
  messages: Messages,
  options: RenderOptions = {},
): readonly OutgoingMessage[] {
  switch (reply.type) {
    case 'welcome':
      return [card(welcomeCard(messages))];
    case 'greetAgain':
      return [text(messages.greetAgain)];
    case 'acknowledged':
      return [text(messages.acknowledged)];
    case 'help':
      return [card(helpCard(messages))];
    case 'askKeyId':
      return [card(askKeyIdCard(reply.noted, messages))];
    case 'whereIsKeyId':
      return [card(keyIdHelpCard(messages))];
    case 'keyIdTooShort':
      return [text(messages.keyIdTooShort(reply.digits))];
    case 'notAKeyId':
      return [text(messages.notAKeyId)];
    case 'twoKeyIds':
      return [text(messages.twoKeyIds)];
    case 'passwordPasted':
      return [card(passwordPastedCard(messages))];
    case 'confirmKeyId':
      return [card(confirmKeyIdCard(reply.keyId, reply.corrections, messages))];
    case 'askAnswers':
      return [card(askAnswersCard(reply.keyId, reply.askDeviceKind, messages))];
    case 'verify':
      return [card(verifyCard(reply.request, options.verifyUrl, messages, reply.again === true))];
    case 'guide':
      return [card(guideCard(reply.guide, messages))];
    case 'riskStop':
      return [card(riskStopCard(messages, options.caseNumber))];
    case 'caseRequested':
      return [
        card(caseRequestedCard(reply.reason, reply.keyId, messages, options.caseNumber, reply.releasedAt)),
      ];
    case 'offerIt':
      return [card(offerItCard(messages))];
    case 'cancelled':
      return [text(messages.cancelled(reply.hadRequest))];
    case 'status':
      return [card(statusCard(reply.state, messages, options.caseNumber))];
    case 'expired':
      return [text(messages.expired)];
    case 'missLimit':
      return [text(messages.missLimit)];
    case 'staleCard':
      return [text(messages.staleCard)];
    case 'didYouMean':
      return [card(didYouMeanCard(reply.options, messages))];
    case 'outOfScope':
      return [card(outOfScopeCard(reply.options, messages))];
    case 'glad':
      // Tips for next time come once, right after a key this bot showed has worked.
      return reply.keyWasShown
        ? [text(messages.glad(true)), text(messages.preventionTips)]
        : [text(messages.glad(false))];
  }
}

function card(value: AdaptiveCard): OutgoingMessage {
  return { kind: 'card', card: value };
}

function text(value: string): OutgoingMessage {
  return { kind: 'text', text: value };
}
