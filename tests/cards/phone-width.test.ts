import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages.js';
import { renderReply } from '../../src/cards/render-reply.js';
import {
  announceSkip,
  findChromium,
  launchBrowser,
  SCREENSHOT_DIR,
  type TestBrowser,
} from '../support/browser.js';
import { ALL_HELPDESK_CARDS } from './sample-helpdesk-cards.js';
import { allSampleReplies } from './sample-replies.js';

/** The narrowest phone the cards must fit without scrolling sideways. */
const PHONE_WIDTH = 360;
const CARD_SCREENSHOTS = `${SCREENSHOT_DIR}cards/`;
/**
 * Teams on a phone stacks a card's buttons full width, one per row; the reference renderer's default is
 * a single row, which no phone client uses. Everything else stays at the renderer's defaults.
 */
const PHONE_HOST_CONFIG = {
  supportsInteractivity: true,
  actions: { actionsOrientation: 'vertical', actionAlignment: 'stretch', buttonSpacing: 8, maxActions: 6 },
};
const chromium = findChromium();
announceSkip(chromium);

const CARDS = [
  ...allSampleReplies().flatMap(({ name, reply }) =>
    renderReply(reply, en, { verifyUrl: 'https://bot.example.com/auth/start?request=R-1' }).flatMap(
      (message) => (message.kind === 'card' ? [{ name: name.replace(/\W+/g, '-'), card: message.card }] : []),
    ),
  ),
  // Agents work cases on their phones too.
  ...ALL_HELPDESK_CARDS.map(({ name, card }) => ({ name: `helpdesk-${name.replace(/\W+/g, '-')}`, card })),
];

/**
 * Renders every card with the Adaptive Cards reference renderer in headless Chromium, in a column as wide
 * as a small phone, and checks that nothing sticks out sideways. Screenshots land in test-results/cards/.
 */
describe.skipIf(!chromium.available)('cards at phone width', () => {
  let browser: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser(chromium);
    page = await browser.openPage('about:blank', { viewport: 'phone' });
    await page.setContent(`<div id="card" style="width:${PHONE_WIDTH}px;font-family:sans-serif"></div>`);
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js'),
    });
    mkdirSync(CARD_SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CARDS)('$name fits in 360 px', async ({ name, card }) => {
    const overflow = await overflowingElements(page, card, PHONE_HOST_CONFIG);
    await page.locator('#card').screenshot({ path: `${CARD_SCREENSHOTS}${name}.png` });
    expect(overflow).toEqual([]);
  });

  it('notices what does not fit: three long buttons in one row', async () => {
    const help = CARDS.find(({ name }) => name.startsWith('help'))?.card;
    const oneRow = { ...PHONE_HOST_CONFIG, actions: { actionsOrientation: 'horizontal' } };
    expect(await overflowingElements(page, help, oneRow)).not.toEqual([]);
  });
});

/** The bits of the browser's DOM the check uses (the project compiles without the DOM library). */
interface PageElement {
  readonly tagName: string;
  readonly className: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): { readonly left: number; readonly right: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
  replaceChildren(...children: PageElement[]): void;
}

interface PageGlobals {
  readonly AdaptiveCards: typeof import('adaptivecards');
  readonly document: { getElementById(id: string): PageElement | null };
}

/** Renders `card` into the 360 px column and lists the elements that stick out of it or scroll sideways. */
function overflowingElements(page: Page, card: unknown, hostConfig: object): Promise<string[]> {
  return page.evaluate(
    ({ json, width, config }) => {
      // Runs in the page, where the reference renderer's bundle put `AdaptiveCards` on the global object.
      const { AdaptiveCards: AC, document } = globalThis as unknown as PageGlobals;
      const host = document.getElementById('card');
      if (!host) return ['no #card element'];
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(config);
      adaptiveCard.parse(json);
      const rendered = adaptiveCard.render() as PageElement | undefined;
      if (!rendered) return ['nothing rendered'];
      host.replaceChildren(rendered);
      const right = host.getBoundingClientRect().left + width;
      return [rendered, ...rendered.querySelectorAll('*')]
        .filter(
          (element) =>
            element.getBoundingClientRect().right > right + 0.5 ||
            element.scrollWidth > element.clientWidth + 1,
        )
        .map((element) => `${element.tagName}.${element.className}: ${element.textContent?.slice(0, 40)}`);
    },
    { json: card, width: PHONE_WIDTH, config: hostConfig },
  );
}
