import { type AdaptiveCard, CARD_INPUTS, CARD_VERBS, cardOf, submit, text, title } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** Longest input worth sending: a full Key ID with dashes and braces is 38 characters. */
const KEY_ID_MAX_LENGTH = 40;

/** Asks for the Key ID with a box to type it into; typing it in the chat works just as well. */
export function askKeyIdCard(messages: Messages): AdaptiveCard {
  return cardOf(
    [
      title(messages.askKeyIdTitle),
      text(messages.askKeyIdWhere),
      {
        type: 'Input.Text',
        id: CARD_INPUTS.keyId,
        label: messages.keyIdLabel,
        placeholder: messages.keyIdPlaceholder,
        maxLength: KEY_ID_MAX_LENGTH,
        isRequired: true,
        errorMessage: messages.keyIdRequired,
      },
      text(messages.askKeyIdOrType, { isSubtle: true, size: 'Small' }),
    ],
    [
      submit(messages.continue, CARD_VERBS.submitKeyId, { style: 'positive' }),
      submit(messages.whereIsIt, CARD_VERBS.whereKeyId, { associatedInputs: 'none' }),
    ],
  );
}
