import type { Guide } from '../recovery/triage-types.js';
import {
  type AdaptiveCard,
  CARD_VERBS,
  type CardAction,
  cardOf,
  openUrl,
  submit,
  text,
  title,
} from './adaptive-card.js';
import type { Messages } from './messages.js';

/** Microsoft's own page for keys saved to a personal Microsoft account. */
const MY_RECOVERY_KEY_URL = 'https://aka.ms/myrecoverykey';

/** Steps to follow in order are numbered; places to look are a checklist. */
const NUMBERED: { readonly [guide in Guide]: boolean } = {
  personalAccount: true,
  secondHand: false,
  noKeyAnywhere: false,
  whyThisHappened: false,
  ownCopy: true,
  keyRejected: true,
  prevention: false,
  security: false,
};

/** A guided answer: never a dead end, each ends with the sensible next buttons. */
export function guideCard(guide: Guide, messages: Messages): AdaptiveCard {
  const words = messages.guides[guide];
  return cardOf(
    [
      title(words.title),
      text(words.intro),
      ...words.points.map((point, index) =>
        text(NUMBERED[guide] ? `${index + 1}. ${point}` : `• ${point}`, { spacing: 'Small' }),
      ),
      ...words.closing.map((line) => text(line, { spacing: 'Medium' })),
    ],
    guideActions(guide, messages),
  );
}

function guideActions(guide: Guide, messages: Messages): readonly CardAction[] {
  switch (guide) {
    case 'personalAccount':
      return [
        openUrl(messages.openMyRecoveryKey, MY_RECOVERY_KEY_URL, { style: 'positive' }),
        submit(messages.cantFindItThere, CARD_VERBS.guideNoKeyAnywhere),
        submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
      ];
    case 'secondHand':
      return [
        submit(messages.startOver, CARD_VERBS.restart),
        submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
      ];
    case 'noKeyAnywhere':
      return [
        submit(messages.findMyKey, CARD_VERBS.startRecovery, { style: 'positive' }),
        submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
      ];
    case 'ownCopy':
      return [
        submit(messages.intentLabels.itWorked, CARD_VERBS.chose, {}, { intent: 'itWorked' }),
        submit(messages.findMyKey, CARD_VERBS.startRecovery),
        submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
      ];
    case 'keyRejected':
      return [submit(messages.startTalkToIt, CARD_VERBS.talkToIt, { style: 'positive' })];
    case 'security':
      return [
        submit(messages.reportToSecurity, CARD_VERBS.reportSuspiciousContact, { style: 'positive' }),
        submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
      ];
    case 'whyThisHappened':
    case 'prevention':
      // Answers to a question on the side: the pending question follows, or nothing is pending.
      return [];
  }
}
