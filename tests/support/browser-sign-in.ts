import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { saveScreenshot, VIEWPORTS } from './browser.js';
import { activate, type PlaygroundPage } from './playground.js';
import type { TestBot } from './test-bot.js';

/**
 * A button a person must tap fits on the phone's screen once scrolled to, as a person scrolls. The
 * Playground lays cards out wider than a phone (Teams mobile stacks buttons full width; the cards' own
 * 360 px test covers that), so a button may need a sideways scroll here, but it must never be wider than
 * the screen or out of reach.
 */
export async function expectOnPhoneScreen(target: Locator): Promise<void> {
  await target.evaluate((element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  const box = await target.boundingBox();
  expect(box, 'rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  // Half a pixel for sub-pixel layout: scrolled flush to the edge, a box may end at 390.47.
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width + 0.5);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
}

/** Waits for the page's main heading to read `text`: the first thing a person reads on the sign-in pages. */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ state: 'visible' });
}

/**
 * The fresh Microsoft sign-in as a person does it on a phone: tap "Verify it's you" (`button`) on the card,
 * which the Playground opens in a new tab on the demo tenant's plain-HTTP sign-in page; pick `person`,
 * read the number and approve the MFA step; see the bot's "You're verified" page; go back to Teams.
 * `screenshots` names the screenshots (`<name>-sign-in`, `-mfa`, `-verified`); the new tab waits up to
 * `timeoutMs` for anything, like the Playground's page.
 */
export async function signInFromCard(
  ui: PlaygroundPage,
  button: Locator,
  bot: TestBot,
  person: DemoPerson,
  screenshots: string,
  timeoutMs: number,
): Promise<void> {
  await expectOnPhoneScreen(button);
  const opened = ui.page.context().waitForEvent('page');
  await activate(button);
  const signInTab = await opened;
  signInTab.setDefaultTimeout(timeoutMs);
  await signInTab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/[^/]+\/oauth2\/v2\.0\/authorize\?/);
  expect(new URL(signInTab.url()).origin).toBe(bot.demoTenant.signInOrigin);
  expect(signInTab.viewportSize()).toEqual(VIEWPORTS.phone);
  const choice = signInTab.getByRole('button', { name: person.displayName });
  await choice.waitFor({ state: 'visible' });
  await expectHeading(signInTab, 'Contoso (demo) — sign in');
  await saveScreenshot(signInTab, `${screenshots}-sign-in`);
  await expectOnPhoneScreen(choice);
  await activate(choice);

  // The number match: the person reads the number and confirms it (the button plays the authenticator).
  const challenge = signInTab.locator('#challenge');
  await challenge.waitFor({ state: 'visible' });
  await expectHeading(signInTab, 'Approve sign-in request');
  const shownNumber = ((await challenge.textContent()) ?? '').trim();
  expect(shownNumber).toMatch(/^\d{2}$/);
  await saveScreenshot(signInTab, `${screenshots}-mfa`);
  const approve = signInTab.getByRole('button', { name: `I entered ${shownNumber} — approve` });
  await expectOnPhoneScreen(approve);
  await activate(approve);

  await signInTab.waitForURL(`${bot.baseUrl}/auth/callback?**`);
  await expectHeading(signInTab, "You're verified");
  await expect
    .poll(() => signInTab.getByText('my answer is in the chat, or will be in a moment').isVisible())
    .toBe(true);
  await saveScreenshot(signInTab, `${screenshots}-verified`);
  await ui.page.bringToFront();
}
