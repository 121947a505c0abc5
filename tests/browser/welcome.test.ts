import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import {
  announceSkip,
  findChromium,
  launchBrowser,
  saveScreenshot,
  type TestBrowser,
} from '../support/browser.js';
import { playgroundPage } from '../support/playground.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

const chromium = findChromium();
announceSkip(chromium);
const UI_TIMEOUT_MS = 20_000;

describe.skipIf(!chromium.available)(
  `Agents Playground: welcome in the personal chat${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let bot: TestBot | undefined;
    let playground: Playground | undefined;
    let browser: TestBrowser | undefined;

    beforeAll(async () => {
      bot = await startTestBot();
      playground = await startPlayground({
        botEndpoint: bot.messagesUrl,
        port: 0,
        logger: createLogger({ level: 'warn' }),
      });
      browser = await launchBrowser(chromium);
    });

    afterAll(async () => {
      await browser?.close();
      await playground?.stop();
      await bot?.stop();
    });

    it.each([
      { viewport: 'desktop', screenshot: 'playground-welcome' },
      { viewport: 'phone', screenshot: 'playground-welcome-phone' },
    ] as const)(
      '"hi" gets the welcome card with the no-password promise and the recovery button ($viewport)',
      async ({ viewport, screenshot }) => {
        const ui = playgroundPage(await browser!.openPage(playground!.url, { viewport }));
        ui.page.setDefaultTimeout(UI_TIMEOUT_MS);
        await ui.ready();
        if (viewport === 'phone') await ui.hideLogPanel();

        const hi = await ui.send('hi');
        // Opening the Playground also installs the bot, which may greet first: the card that counts is the
        // first one after "hi".
        const reply = ui.cardsAfter(hi).first();
        await reply.waitFor({ state: 'visible' });
        const recoveryButton = reply.getByRole('button', { name: 'My PC shows a BitLocker recovery screen' });
        await recoveryButton.waitFor({ state: 'visible' });
        // The Playground's web client is a desktop layout about 800 px wide: at phone width the page scrolls
        // sideways, so line the card up with the left edge before taking the picture.
        await reply.evaluate((card) => card.scrollIntoView({ block: 'nearest', inline: 'start' }));
        await saveScreenshot(ui.page, screenshot);

        expect(await reply.getByText(/never ask for your password/i).isVisible()).toBe(true);
        expect(await recoveryButton.isEnabled()).toBe(true);
      },
      60_000,
    );
  },
);
