import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, findChromium, saveScreenshot } from '../support/browser.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';

const chromium = findChromium();
announceSkip(chromium);
const UI_TIMEOUT_MS = 20_000;

describe.skipIf(!chromium.available)(
  `Agents Playground: welcome in the personal chat${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let session: PlaygroundSession | undefined;
    beforeAll(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS });
    });
    afterAll(() => session?.stop());

    it.each([
      { viewport: 'desktop', screenshot: 'playground-welcome' },
      { viewport: 'phone', screenshot: 'playground-welcome-phone' },
    ] as const)(
      '"hi" gets the welcome card with the no-password promise and the recovery button ($viewport)',
      async ({ viewport, screenshot }) => {
        const ui = await session!.openPlayground({ viewport, hideLogPanel: viewport === 'phone' });

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
