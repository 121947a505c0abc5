import { type AdaptiveCard, adaptiveCard, CARD_VERBS, submit, text } from './adaptive-card.js';
import { keyIdInput } from './key-id-input.js';
import type { Messages } from './messages.js';

/**
 * First contact: what the bot does, the promise never to ask for secrets, and the quickest start: a box
 * for the Key ID right on the card. The other starts are buttons; words work too.
 */
export function welcomeCard(messages: Messages): AdaptiveCard {
  return adaptiveCard(
    `${messages.welcomeTitle}. ${messages.welcomeBody} ${messages.neverAskForPassword}`,
    [
      text(messages.welcomeTitle, { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(messages.welcomeBody),
      text(messages.neverAskForPassword, { weight: 'Bolder' }),
      keyIdInput(messages, messages.welcomeKeyIdLabel),
      text(messages.welcomeOrTellMe, { isSubtle: true, size: 'Small' }),
    ],
    [
      submit(messages.startWhereKeyId, CARD_VERBS.whereKeyId, { associatedInputs: 'none' }),
      submit(messages.startTalkToIt, CARD_VERBS.talkToIt, { associatedInputs: 'none' }),
    ],
  );
}
