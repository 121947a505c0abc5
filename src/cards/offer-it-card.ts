import { type AdaptiveCard, CARD_VERBS, cardOf, submit, text } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** After two misses: stop guessing and offer a person, or a clean start. */
export function offerItCard(messages: Messages): AdaptiveCard {
  return cardOf(
    [text(messages.offerIt, { weight: 'Bolder' })],
    [
      submit(messages.startTalkToIt, CARD_VERBS.talkToIt, { style: 'positive' }),
      submit(messages.startOver, CARD_VERBS.restart),
    ],
  );
}
