import { describe, expect, it } from 'vitest';
import { cardProblems } from './card-problems.js';

const card = (body: unknown[], actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  fallbackText: 'A card',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

describe('cardProblems, the check every rendered card must pass', () => {
  it('passes a clean card', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'Hello', wrap: true }]))).toEqual([]);
  });

  it.each([
    [
      'an invalid value',
      card([{ type: 'TextBlock', text: 'Hi', wrap: true, color: 'Red' }]),
      /InvalidPropertyValue/,
    ],
    ['an unknown element', card([{ type: 'Input.Txt', id: 'a', label: 'A' }]), /UnknownElementType/],
    ['an unknown action', card([], [{ type: 'Action.Sumbit', title: 'Go' }]), /UnknownActionType/],
    [
      'a misspelt property',
      card([{ type: 'TextBlock', text: 'Hi', warp: true }]),
      /\$\.body\[0\]\.warp dropped/,
    ],
    [
      'a required input without label or error message',
      card([{ type: 'Input.Text', id: 'a', isRequired: true }]),
      /RequiredInputsShouldHaveLabel[\s\S]*RequiredInputsShouldHaveErrorMessage/,
    ],
    [
      'a duplicate input id',
      card([
        { type: 'Input.Text', id: 'a', label: 'A' },
        { type: 'Input.Text', id: 'a', label: 'B' },
      ]),
      /DuplicateId/,
    ],
    [
      'an empty choice set',
      card([{ type: 'Input.ChoiceSet', id: 'a', label: 'A', choices: [] }]),
      /CollectionCantBeEmpty/,
    ],
  ])('reports %s', (_name, json, expected) => {
    expect(cardProblems(json).join('\n')).toMatch(expected);
  });
});
