import { type AdaptiveCard, cardOf, text, title } from './adaptive-card.js';
import { keyIdInput } from './key-id-input.js';
import type { Messages } from './messages.js';

/**
 * Where the Key ID is on the recovery screen, in three short steps, plus what else Windows 11 shows, and
 * the box to type it into: the next move is typing the Key ID, here or in the chat.
 */
export function keyIdHelpCard(messages: Messages): AdaptiveCard {
  return cardOf([
    title(messages.keyIdHelpTitle),
    ...messages.keyIdHelpSteps.map((step, index) => text(`${index + 1}. ${step}`, { spacing: 'Small' })),
    ...messages.keyIdHelpNotes.map((note, index) =>
      text(note, { isSubtle: true, ...(index === 0 ? { spacing: 'Medium' } : { spacing: 'Small' }) }),
    ),
    keyIdInput(messages),
  ]);
}
