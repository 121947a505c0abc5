import type { Noted } from '../recovery/triage-types.js';
import {
  type AdaptiveCard,
  CARD_VERBS,
  type CardElement,
  cardOf,
  submit,
  text,
  title,
} from './adaptive-card.js';
import { answerFacts } from './answer-facts.js';
import { keyIdInput } from './key-id-input.js';
import type { Messages } from './messages.js';

/**
 * Asks for the Key ID with a box to type it into (typing it in the chat works just as well). What the
 * person already told is repeated above, so they see it was understood and will not be asked again.
 */
export function askKeyIdCard(noted: Noted, messages: Messages): AdaptiveCard {
  const facts = answerFacts(noted, messages);
  const summary: CardElement[] =
    facts.length > 0
      ? [text(messages.notedTitle, { isSubtle: true, size: 'Small' }), { type: 'FactSet', facts }]
      : [];
  return cardOf(
    [
      title(messages.askKeyIdTitle),
      ...summary,
      text(messages.askKeyIdWhere),
      keyIdInput(messages),
      text(messages.askKeyIdOrType, { isSubtle: true, size: 'Small' }),
    ],
    [submit(messages.whereIsIt, CARD_VERBS.whereKeyId, { associatedInputs: 'none' })],
  );
}
