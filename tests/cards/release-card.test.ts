import { describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages.js';
import { keyHiddenCard, releaseCard } from '../../src/cards/release-card.js';
import { parseRecoveryPassword } from '../../src/recovery/recovery-password.js';
import { cardProblems } from './card-problems.js';

const DIGITS = '496298-461032-321464-595518-463221-173943-033616-139579';
const password = parseRecoveryPassword(DIGITS)!;
const view = {
  requestId: 'R-1',
  deviceName: 'ALEX-LAPTOP',
  keyId: '4290b6c0-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  visibleMinutes: 10,
};

describe('release card', () => {
  const card = releaseCard(view, password, en);
  const json = JSON.stringify(card);

  it('parses clean as Adaptive Card 1.5', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows the device, the Key ID to compare and all 8 numbered blocks', () => {
    expect(json).toContain('ALEX-LAPTOP');
    expect(json).toContain('4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F');
    DIGITS.split('-').forEach((block, index) => {
      expect(json).toContain(`${index + 1}: ${block}`);
    });
    expect(json).toContain('Block 8 of 8');
  });

  it('keeps the key out of the fallback text', () => {
    for (const block of DIGITS.split('-')) expect(card.fallbackText).not.toContain(block);
  });

  it('ties "It worked" and "It didn\'t work" to the request; one-block view works without the bot', () => {
    expect(card.actions?.map((action) => action.title)).toEqual([
      'It worked',
      "It didn't work",
      'Show one block at a time',
    ]);
    const submits = card.actions?.filter((action) => action.type === 'Action.Submit') ?? [];
    for (const action of submits) expect(action.data.requestId).toBe('R-1');
    expect(card.actions?.[2]).toMatchObject({
      type: 'Action.ToggleVisibility',
      targetElements: [
        { elementId: 'all-blocks', isVisible: false },
        { elementId: 'block-1', isVisible: true },
      ],
    });
  });

  it('the hidden card carries no key', () => {
    const hidden = keyHiddenCard(view, en);
    expect(cardProblems(hidden)).toEqual([]);
    expect(JSON.stringify(hidden)).not.toMatch(/\d{6}-\d{6}/);
    expect(JSON.stringify(hidden)).toContain('ALEX-LAPTOP');
  });
});
