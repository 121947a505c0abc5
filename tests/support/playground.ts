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
  /** The first Adaptive Card after `earlier` (a sent message or an earlier card), once it shows. */
  nextCard(earlier: Locator): Promise<Locator>;
  /**
   * Picks `option` in the card's expanded choice set labelled `question` by tapping the option's words, as
   * a person does (the radio circle is a small target); resolves once that option is checked.
   */
  choose(card: Locator, question: string, option: string): Promise<void>;
  /** Taps the card's button named `name`. */
  press(card: Locator, name: string): Promise<void>;
  /**
   * Scrolls the conversation so `card` sits at the bottom of the pane and its left edge at the left of the
   * screen, where a person reads the newest message; a card taller than the pane shows its buttons.
   */
  reveal(card: Locator): Promise<void>;
  /** The card's visible text, one entry per rendered line, top to bottom (blank lines left out). */
  cardLines(card: Locator): Promise<string[]>;
  /** Hides the log panel, which takes a third of the screen (and all of a phone's). */
  hideLogPanel(): Promise<void>;
  /**
   * Opens the team channel `channel` of `team` from the conversation list, as a person does; resolves once
   * its "Start a new post" box shows. Opening a channel is what installs the bot there in the Playground.
   */
  openChannel(team: string, channel: string): Promise<void>;
  /**
   * The Adaptive Card in the open conversation whose heading reads `heading` (a case card's "Case 7"). One
   * locator for the card's whole life: an update in place re-renders it and the locator finds it again.
   */
  cardWithHeading(heading: string): Locator;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A tap on a touch screen (the phone viewport), a click otherwise: the renderer must answer the event a
 * person's device really sends.
 */
export async function activate(target: Locator): Promise<void> {
  // An expression, not a function: the project's TypeScript has no DOM library to type `navigator` with.
  const touch = await target.page().evaluate<boolean>('navigator.maxTouchPoints > 0');
  if (touch) await target.tap();
  else await target.click();
}

export function playgroundPage(page: Page): PlaygroundPage {
  // The conversation list repeats the last message as a preview; only the conversation pane counts.
  const outsideConversationList = page.locator('xpath=//*[not(ancestor-or-self::*[@role="tree"])]');
  // The message box: the one text box that is not part of a card (cards have boxes of their own).
  const composer = page
    .getByRole('textbox')
    .and(
      page.locator(
        'xpath=//*[not(ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")])]',
      ),
    )
    .first();
  const cardsAfter = (message: Locator): Locator =>
    message.locator(
      'xpath=following::*[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")]',
    );
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
    cardsAfter,
    async nextCard(earlier) {
      const card = cardsAfter(earlier).first();
      await card.waitFor({ state: 'visible' });
      return card;
    },
    async choose(card, question, option) {
      // The group's name also carries the renderer's " *" for required inputs, hence a prefix match.
      const group = card.getByRole('radiogroup', { name: new RegExp(`^\\s*${escapeRegExp(question)}`) });
      await activate(group.getByText(option, { exact: true }));
      await group
        .getByRole('radio', { name: option, exact: true })
        .and(page.locator(':checked'))
        .waitFor({ state: 'attached' });
    },
    async press(card, name) {
      await activate(card.getByRole('button', { name, exact: true }));
    },
    async reveal(card) {
      await card.evaluate((element) => element.scrollIntoView({ block: 'end', inline: 'start' }));
    },
    async cardLines(card) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point; textContent runs every block into one line and includes hidden text.
      const text = await card.innerText();
      return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
    },
    async hideLogPanel() {
      const hide = page.getByRole('button', { name: 'Hide log panel' });
      if (await hide.isVisible()) await hide.click();
      await hide.waitFor({ state: 'hidden' });
    },
    async openChannel(team, channel) {
      // The conversation list names a channel "<team> - <channel>"; a chat by its own name.
      await activate(page.getByRole('treeitem', { name: `${team} - ${channel}`, exact: true }));
      await page.getByText('Start a new post', { exact: true }).waitFor({ state: 'visible' });
    },
    cardWithHeading(heading) {
      return page
        .locator('.ac-adaptiveCard')
        .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
    },
  };
}
