import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages.js';
import { announceSkip, findChromium, saveScreenshot } from '../support/browser.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';

const chromium = findChromium();
announceSkip(chromium);
/** Generous: a busy 2-core machine renders slowly, and every wait is for an event, never a sleep. */
const UI_TIMEOUT_MS = 45_000;

describe.skipIf(!chromium.available)(
  `Agents Playground: welcome in the personal chat${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    // Each view is a first visit: its own bot, so the install greets again.
    let session: PlaygroundSession | undefined;
    beforeEach(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS });
    });
    afterEach(() => session?.stop());

    it.each([
      { viewport: 'desktop', screenshot: 'playground-welcome' },
      { viewport: 'phone', screenshot: 'playground-welcome-phone' },
    ] as const)(
      'opening the chat shows the welcome card with the no-password promise and a box for the Key ID; "hi" gets a short line ($viewport)',
      async ({ viewport, screenshot }) => {
        const ui = await session!.openPlayground({ viewport, hideLogPanel: viewport === 'phone' });

        // Opening the Playground installs the bot, which greets with the card.
        const welcome = ui.page.locator('.ac-adaptiveCard').first();
        await welcome.waitFor({ state: 'visible' });
        const keyIdBox = welcome.getByRole('textbox', { name: new RegExp(`^\\s*${en.welcomeKeyIdLabel}`) });
        await keyIdBox.waitFor({ state: 'visible' });
        // The Playground's web client is a desktop layout about 800 px wide: at phone width the page scrolls
        // sideways, so line the card up with the left edge before taking the picture.
        await welcome.evaluate((card) => card.scrollIntoView({ block: 'nearest', inline: 'start' }));
        await saveScreenshot(ui.page, screenshot);
        expect(await welcome.getByText(en.neverAskForPassword).isVisible()).toBe(true);
        expect(await welcome.getByRole('button', { name: en.send, exact: true }).isEnabled()).toBe(true);

        // Welcomed once: "hi" gets a line, not the card a second time.
        const hi = await ui.send('hi');
        await ui.page.getByText(en.greetAgain).last().waitFor({ state: 'visible' });
        expect(await ui.cardsAfter(hi).count()).toBe(0);
      },
      120_000,
    );
  },
);
