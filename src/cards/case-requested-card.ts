import type { EscalationReason } from '../recovery/triage-types.js';
import { type AdaptiveCard, cardOf, text, title } from './adaptive-card.js';
import { cardTime } from './case-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/**
 * IT was asked to help: why, the Key ID if we have it, and what happens next. Honest about the state
 * of things: IT will be notified; no promise of how fast.
 */
export function caseRequestedCard(
  reason: EscalationReason,
  keyId: string | undefined,
  messages: Messages,
  caseNumber?: number,
  releasedAt?: string,
): AdaptiveCard {
  const facts = [
    ...(caseNumber === undefined ? [] : [{ title: messages.requestNumberLabel, value: String(caseNumber) }]),
    ...(keyId === undefined ? [] : [{ title: messages.keyIdLabel, value: formatKeyId(keyId) }]),
  ];
  return cardOf([
    title(messages.caseRequestedTitle),
    text(messages.caseReasons[reason]),
    ...(releasedAt === undefined ? [] : [text(messages.keyShownAt(cardTime(releasedAt)))]),
    // A report of someone asking for the key is no lockout: there is no blue screen to read a Key ID from.
    ...(keyId === undefined && reason !== 'suspiciousContact' ? [text(messages.caseWithoutKeyId)] : []),
    ...(facts.length > 0 ? [{ type: 'FactSet' as const, facts }] : []),
    text(messages.caseNext),
    text(messages.caseStatusHint, { isSubtle: true, size: 'Small' }),
  ]);
}
