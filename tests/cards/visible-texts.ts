import type { AdaptiveCard, CardAction, CardElement } from '../../src/cards/adaptive-card.js';
import type { OutgoingMessage } from '../../src/cards/render-reply.js';

/** Every string a person can see (or a screen reader can read) in a message, fallback text included. */
export function visibleTexts(message: OutgoingMessage): string[] {
  return message.kind === 'text' ? [message.text] : cardTexts(message.card);
}

function cardTexts(card: AdaptiveCard): string[] {
  return [card.fallbackText, ...card.body.flatMap(elementTexts), ...(card.actions ?? []).map(actionText)];
}

function elementTexts(element: CardElement): string[] {
  switch (element.type) {
    case 'TextBlock':
      return [element.text];
    case 'FactSet':
      return element.facts.flatMap((fact) => [fact.title, fact.value]);
    case 'Input.Text':
      return [element.label, element.placeholder, element.errorMessage].filter(
        (value) => value !== undefined,
      );
    case 'Input.ChoiceSet':
      return [element.label, element.errorMessage, ...element.choices.map((choice) => choice.title)].filter(
        (value) => value !== undefined,
      );
    case 'Container':
      return element.items.flatMap(elementTexts);
    case 'ActionSet':
      return element.actions.map(actionText);
  }
}

function actionText(action: CardAction): string {
  return action.title;
}
