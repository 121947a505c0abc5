import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages/en.js';
import { DEVICE_KINDS, ROOT_CAUSES } from '../../src/recovery/triage-types.js';
import { announceSkip, findChromium, saveScreenshot, VIEWPORTS } from '../support/browser.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';

const chromium = findChromium();
announceSkip(chromium);
const UI_TIMEOUT_MS = 20_000;
const KEY_ID = '4290B6C0';
/** The renderer marks required inputs by appending this to their label. */
const REQUIRED = ' *';

/**
 * A button a person must tap lies fully inside the phone's width. The Playground's desktop layout is wider
 * than a phone, so this is what tells "scroll sideways to read" from "cannot reach the button".
 */
async function expectOnPhoneScreen(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box, 'rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
}

/** A fact's value shares its title's row: on a narrow screen a FactSet that stacks reads as a list of words. */
async function expectFactRow(card: Locator, title: string, value: string): Promise<void> {
  const titleBox = await card.getByText(title, { exact: true }).boundingBox();
  const valueBox = await card.getByText(value, { exact: true }).boundingBox();
  expect(titleBox, `fact "${title}"`).not.toBeNull();
  expect(valueBox, `value "${value}"`).not.toBeNull();
  expect(Math.abs(valueBox!.y - titleBox!.y), `"${title}" and "${value}" on one row`).toBeLessThan(4);
  expect(valueBox!.x).toBeGreaterThan(titleBox!.x);
}

describe.skipIf(!chromium.available)(
  `Agents Playground: triage from "hi" to the verification hand-off on a phone${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let session: PlaygroundSession | undefined;
    beforeAll(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS });
    });
    afterAll(() => session?.stop());

    it('"hi", a Key ID in a sentence, two taps and Continue reach "Thanks, that\'s all I need"', async () => {
      const ui = await session!.openPlayground({ viewport: 'phone' });

      // Opening the Playground installs the bot, which greets first: the card that counts follows "hi".
      const welcome = await ui.nextCard(await ui.send('hi'));
      await ui.reveal(welcome);
      await saveScreenshot(ui.page, 'triage-1-welcome');
      expect(await ui.cardLines(welcome)).toEqual([
        en.welcomeTitle,
        en.welcomeBody,
        en.neverAskForPassword,
        en.startRecovery,
        en.startWhereKeyId,
        en.startTalkToIt,
      ]);

      const questions = await ui.nextCard(await ui.send(`my key id is ${KEY_ID}`));
      await ui.reveal(questions);
      await saveScreenshot(ui.page, 'triage-2-questions');
      expect(await ui.cardLines(questions)).toEqual([
        en.answersTitle,
        en.keyIdLabel,
        KEY_ID,
        `${en.rootCauseLabel}${REQUIRED}`,
        ...ROOT_CAUSES.map((cause) => en.rootCauseChoices[cause]),
        `${en.deviceKindLabel}${REQUIRED}`,
        ...DEVICE_KINDS.map((kind) => en.deviceKindChoices[kind]),
        en.errorCodeLabel,
        en.continue,
        en.whyDidThisHappen,
      ]);
      await expectFactRow(questions, en.keyIdLabel, KEY_ID);
      // Both choice sets are expanded: every answer is a radio a person can see without opening a list.
      expect(await questions.getByRole('radio').count()).toBe(ROOT_CAUSES.length + DEVICE_KINDS.length);
      expect(await questions.getByRole('radio', { checked: true }).count()).toBe(0);
      expect(await questions.getByRole('textbox', { name: en.errorCodeLabel }).inputValue()).toBe('');

      await ui.choose(questions, en.rootCauseLabel, en.rootCauseChoices.windowsUpdate);
      await ui.choose(questions, en.deviceKindLabel, en.deviceKindChoices.workPc);
      // One answer per question: the second tap must not have cleared the first.
      expect(await questions.getByRole('radio', { checked: true }).count()).toBe(2);
      expect(
        await questions
          .getByRole('radio', { name: en.rootCauseChoices.windowsUpdate, exact: true })
          .isChecked(),
      ).toBe(true);
      await ui.reveal(questions);
      const continueButton = questions.getByRole('button', { name: en.continue, exact: true });
      await expectOnPhoneScreen(continueButton);
      await saveScreenshot(ui.page, 'triage-2-questions-filled');

      await ui.press(questions, en.continue);
      const handOff = await ui.nextCard(questions);
      await ui.reveal(handOff);
      await saveScreenshot(ui.page, 'triage-3-verify-handoff');
      // The hand-off: the answers arrive intact, the empty error code adds no fact, and the one next step
      // is the step-up sign-in.
      expect(await ui.cardLines(handOff)).toEqual([
        en.verifyTitle,
        en.keyIdLabel,
        KEY_ID,
        en.rootCauseFact,
        en.rootCauseChoices.windowsUpdate,
        en.deviceKindFact,
        en.deviceKindChoices.workPc,
        en.verifyNext,
        en.verifyButton,
      ]);
      await expectFactRow(handOff, en.keyIdLabel, KEY_ID);
      await expectFactRow(handOff, en.rootCauseFact, en.rootCauseChoices.windowsUpdate);
      await expectFactRow(handOff, en.deviceKindFact, en.deviceKindChoices.workPc);
      // The Playground renders Action.OpenUrl as a link-like button; find it by its words.
      await expectOnPhoneScreen(handOff.getByText(en.verifyButton, { exact: true }).first());
    }, 90_000);
  },
);
