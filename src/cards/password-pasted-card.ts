import { type AdaptiveCard, cardOf, text } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** The person pasted what looked like a recovery password: warn clearly, without echoing any of it. */
export function passwordPastedCard(messages: Messages): AdaptiveCard {
  return cardOf([
    text(messages.passwordPastedTitle, {
      size: 'Medium',
      weight: 'Bolder',
      color: 'Attention',
      style: 'heading',
    }),
    ...messages.passwordPastedLines.map((line) => text(line)),
  ]);
}
