/** The subset of Adaptive Card 1.5 JSON this bot emits. Cards are plain data; `bot/` wraps them in attachments. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

export type CardElement =
  | {
      readonly type: 'TextBlock';
      readonly text: string;
      readonly wrap: true;
      readonly size?: 'Small' | 'Default' | 'Medium' | 'Large';
      readonly weight?: 'Default' | 'Bolder';
      readonly isSubtle?: boolean;
      readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
    }
  | {
      readonly type: 'FactSet';
      readonly facts: readonly { readonly title: string; readonly value: string }[];
    };

/** Card verbs the bot understands. A typo in a verb fails to compile. */
export const CARD_VERBS = {
  startRecovery: 'startRecovery',
  whereKeyId: 'whereKeyId',
  talkToIt: 'talkToIt',
  help: 'help',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

export interface CardAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly verb: CardVerb };
}

export function adaptiveCard(
  fallbackText: string,
  body: CardElement[],
  actions?: CardAction[],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

export function text(
  value: string,
  style: Omit<Extract<CardElement, { type: 'TextBlock' }>, 'type' | 'text' | 'wrap'> = {},
): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...style };
}

export function submit(title: string, verb: CardVerb): CardAction {
  return { type: 'Action.Submit', title, data: { verb } };
}
