import { type AdaptiveCard, adaptiveCard, CARD_VERBS, submit, text } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** First contact: what the bot does, the promise never to ask for secrets, and three ways to start. */
export function welcomeCard(messages: Messages): AdaptiveCard {
  return adaptiveCard(
    `${messages.welcomeTitle}. ${messages.welcomeBody} ${messages.neverAskForPassword}`,
    [
      text(messages.welcomeTitle, { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(messages.welcomeBody),
      text(messages.neverAskForPassword, { weight: 'Bolder' }),
    ],
    [
      submit(messages.startRecovery, CARD_VERBS.startRecovery, { style: 'positive' }),
      submit(messages.startWhereKeyId, CARD_VERBS.whereKeyId),
      submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
    ],
  );
}
