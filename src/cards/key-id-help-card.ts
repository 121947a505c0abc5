import { type AdaptiveCard, adaptiveCard, text } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** Where the Key ID is on the recovery screen, in three short steps. */
export function keyIdHelpCard(messages: Messages): AdaptiveCard {
  return adaptiveCard(`${messages.keyIdHelpTitle}. ${messages.keyIdHelpSteps.join(' ')}`, [
    text(messages.keyIdHelpTitle, { size: 'Medium', weight: 'Bolder' }),
    ...messages.keyIdHelpSteps.map((step, index) => text(`${index + 1}. ${step}`, { spacing: 'Small' })),
  ]);
}
