import type { Locator, Page } from 'playwright-core';

/**
 * The Agents Playground's web client as a person uses it. Selectors are roles, labels and visible text;
 * `ac-adaptiveCard` is the Adaptive Cards renderer's own class, the one stable handle on a rendered card.
 */
export interface PlaygroundPage {
  readonly page: Page;
  /** Waits until the composer of the open conversation is ready. */
  ready(): Promise<void>;
  /** Types `text` into the open conversation and sends it; resolves with the sent message once it shows. */
  send(text: string): Promise<Locator>;
  /** Adaptive Cards rendered after `message` in the conversation, oldest first. */
  cardsAfter(message: Locator): Locator;
  /** Hides the log panel, which takes a third of the screen (and all of a phone's). */
  hideLogPanel(): Promise<void>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function playgroundPage(page: Page): PlaygroundPage {
  // The conversation list repeats the last message as a preview; only the conversation pane counts.
  const outsideConversationList = page.locator('xpath=//*[not(ancestor-or-self::*[@role="tree"])]');
  const composer = page.getByRole('textbox').first();
  return {
    page,
    async ready() {
      await composer.waitFor({ state: 'visible' });
    },
    async send(text) {
      const matches = page
        .getByText(new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`))
        .and(outsideConversationList);
      // The same words may already be in the history: wait for one more match, not for any match.
      const earlier = await matches.count();
      await composer.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      const sent = matches.nth(earlier);
      await sent.waitFor({ state: 'visible' });
      return sent;
    },
    cardsAfter(message) {
      return message.locator(
        'xpath=following::*[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")]',
      );
    },
    async hideLogPanel() {
      const hide = page.getByRole('button', { name: 'Hide log panel' });
      if (await hide.isVisible()) await hide.click();
      await hide.waitFor({ state: 'hidden' });
    },
  };
}
