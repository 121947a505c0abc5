import { type AdaptiveCard, CARD_VERBS, cardOf, submit, text, title } from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/** "Did you mean …?" after look-alike characters were fixed, naming each fix so the person can check it. */
export function confirmKeyIdCard(
  keyId: string,
  corrections: readonly string[],
  messages: Messages,
): AdaptiveCard {
  return cardOf(
    [
      title(messages.confirmKeyIdQuestion(formatKeyId(keyId))),
      ...(corrections.length > 0 ? [text(messages.confirmKeyIdCorrections(corrections))] : []),
    ],
    [
      submit(messages.confirmKeyIdYes, CARD_VERBS.confirmKeyIdYes, { style: 'positive' }),
      submit(messages.confirmKeyIdNo, CARD_VERBS.confirmKeyIdNo),
    ],
  );
}
