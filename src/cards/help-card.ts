import { type AdaptiveCard, CARD_VERBS, cardOf, submit, text, title } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** The commands that work at any point, plus the same three starts as the welcome card. */
export function helpCard(messages: Messages): AdaptiveCard {
  return cardOf(
    [
      title(messages.helpTitle),
      text(messages.helpIntro, { isSubtle: true }),
      {
        type: 'FactSet',
        facts: messages.helpCommands.map((entry) => ({ title: entry.command, value: entry.description })),
      },
    ],
    [
      submit(messages.startRecovery, CARD_VERBS.startRecovery),
      submit(messages.startWhereKeyId, CARD_VERBS.whereKeyId),
      submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
    ],
  );
}
