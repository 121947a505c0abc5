import type { RecoveryRequest } from '../recovery/triage-types.js';
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
import { answerFacts } from './answer-facts.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/**
 * The hand-off to verification: what the person told us, then the sign-in that proves who they are.
 * Without a sign-in URL the card says plainly that self-service is not on and offers IT; it never
 * pretends to verify anyone.
 */
export function verifyCard(
  request: RecoveryRequest,
  verifyUrl: string | undefined,
  messages: Messages,
  again = false,
): AdaptiveCard {
  const facts = [
    ...(request.keyId === undefined
      ? []
      : [{ title: messages.keyIdLabel, value: formatKeyId(request.keyId) }]),
    ...answerFacts(request, messages),
  ];
  const action: CardAction =
    verifyUrl === undefined
      ? submit(messages.startTalkToIt, CARD_VERBS.talkToIt, { style: 'positive' })
      : openUrl(messages.verifyButton, verifyUrl, { style: 'positive' });
  return cardOf(
    [
      title(again ? messages.verifyAgainTitle : messages.verifyTitle),
      ...(facts.length > 0 ? [{ type: 'FactSet' as const, facts }] : []),
      verifyUrl === undefined
        ? text(messages.verifyNotSwitchedOn, { weight: 'Bolder' })
        : text(messages.verifyNext, { weight: 'Bolder' }),
    ],
    [action],
  );
}
