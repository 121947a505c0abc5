import type { SuggestibleIntent } from '../recovery/triage-types.js';
import {
  type ActionSetElement,
  type AdaptiveCard,
  CARD_VERBS,
  cardOf,
  submit,
  text,
  title,
} from './adaptive-card.js';
import type { Messages } from './messages.js';

/**
 * Not sure what the person meant: the closest things the bot can do, as buttons, and always a person.
 * Never "I did not get that": every way out is one tap.
 */
export function didYouMeanCard(options: readonly SuggestibleIntent[], messages: Messages): AdaptiveCard {
  return cardOf([title(messages.didYouMean), choices(options, messages)]);
}

/** Clearly not about a locked PC: what the bot is for, in two lines, and the same offer. */
export function outOfScopeCard(options: readonly SuggestibleIntent[], messages: Messages): AdaptiveCard {
  return cardOf([
    title(messages.outOfScopeTitle),
    text(messages.outOfScopeBody),
    text(messages.didYouMean, { weight: 'Bolder' }),
    choices(options, messages),
  ]);
}

/** The machine's offer (up to three intents) and a person, in the body so they stack full width on a phone. */
function choices(options: readonly SuggestibleIntent[], messages: Messages): ActionSetElement {
  return {
    type: 'ActionSet',
    actions: [
      ...options.map((intent) => submit(messages.intentLabels[intent], CARD_VERBS.chose, {}, { intent })),
      submit(messages.startTalkToIt, CARD_VERBS.talkToIt),
    ],
  };
}
