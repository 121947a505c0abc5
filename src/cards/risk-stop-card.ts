import { type AdaptiveCard, cardOf, text, title } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** The device may have been out of the person's hands: calm words, no key in chat, IT takes it from here. */
export function riskStopCard(messages: Messages, caseNumber?: number): AdaptiveCard {
  return cardOf([
    title(messages.riskStopTitle),
    ...messages.riskStopLines.map((line) => text(line)),
    ...(caseNumber === undefined
      ? []
      : [
          {
            type: 'FactSet' as const,
            facts: [{ title: messages.requestNumberLabel, value: String(caseNumber) }],
          },
        ]),
  ]);
}
