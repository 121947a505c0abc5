import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKeyId } from '../../src/cards/format-key-id.js';
import { en } from '../../src/cards/messages/en.js';
import { VOLUME_TYPES } from '../../src/demo-tenant/demo-directory.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import { DEMO_PEOPLE } from '../../src/demo-tenant/sample-people.js';
import { announceSkip, findChromium, saveScreenshot } from '../support/browser.js';
import { expectOnPhoneScreen, signInFromCard } from '../support/browser-sign-in.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';
import type { TestBot } from '../support/test-bot.js';

const chromium = findChromium();
announceSkip(chromium);
/** Generous: a busy 2-core machine renders slowly, and every wait is for an event, never a sleep. */
const UI_TIMEOUT_MS = 45_000;
const BLOCK_COUNT = 8;
const KEY_VISIBLE_MINUTES = 10;
/** The Playground's current user (its default persona): the requester who signs in. */
const ALEX = DEMO_PEOPLE[0]!;
/** Six digits in a row: what is masked before any card text reaches an assertion (and a failure message). */
const SIX_DIGITS = /\b\d{6}\b/g;

/** The key a person with a locked ALEX-LAPTOP reads off the blue screen, looked up in the bot's demo tenant. */
interface LockedKey {
  readonly keyId: string;
  /** What Alex types: the first 8 hex digits, upper case as the screen prints them. */
  readonly typed: string;
  /** The 8 blocks, kept in this process only: compared, never printed. */
  readonly blocks: readonly string[];
}

function alexLaptopKey(bot: TestBot): LockedKey {
  const data = bot.demoTenant.data;
  const laptop = [...data.devices.values()].find(
    (device) => device.displayName === DEMO_DEVICE_NAMES.alexLaptop,
  );
  if (!laptop?.ownerIds.includes(ALEX.id))
    throw new Error('the demo tenant has no ALEX-LAPTOP owned by Alex');
  const key = data
    .keysForDevice(laptop.deviceId)
    .find((candidate) => candidate.volumeType === VOLUME_TYPES.operatingSystem);
  if (!key) throw new Error('ALEX-LAPTOP has no OS-volume key in the demo tenant');
  const typed = key.id.replace(/-/g, '').slice(0, 8).toUpperCase();
  // The test needs the one-match path: no other key on Alex's PCs may start with the same 8 digits.
  const sameStart = data
    .ownedDevices(ALEX.id)
    .flatMap((device) => data.keysForDevice(device.deviceId))
    .filter((candidate) => candidate.id.replace(/-/g, '').toUpperCase().startsWith(typed));
  if (sameStart.length !== 1) throw new Error(`${typed} is not unique among Alex's keys`);
  return { keyId: key.id, typed, blocks: key.key.split('-') };
}

/** Card lines with every run of six digits masked, so no failure message can print a block. */
function masked(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(SIX_DIGITS, '######').replace(/\s+/g, ' '));
}

/** The `n: dddddd` pairs of the all-blocks view, by block number. */
function shownBlocks(lines: readonly string[]): Map<number, string> {
  const shown = new Map<number, string>();
  for (const line of lines)
    for (const [, n, digits] of line.matchAll(/\b(\d): (\d{6})\b/g)) {
      shown.set(Number(n), digits!);
    }
  return shown;
}

/** Block numbers whose digits differ from the key (numbers only, so a failure never shows digits). */
function wrongBlocks(shown: ReadonlyMap<number, string>, key: LockedKey): number[] {
  return key.blocks.map((digits, i) => (shown.get(i + 1) === digits ? 0 : i + 1)).filter((n) => n > 0);
}

describe.skipIf(!chromium.available)(
  `Agents Playground: self-service release from "hi" to the key on a phone${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let session: PlaygroundSession | undefined;
    beforeAll(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS, currentUser: ALEX });
    });
    afterAll(() => session?.stop());

    it('"hi" → Key ID → verify in a new tab (person, MFA) → the release card with 8 blocks, one at a time', async () => {
      const { bot } = session!;
      const key = alexLaptopKey(bot);
      const ui = await session!.openPlayground({ viewport: 'phone' });

      // Opening the Playground installs the bot, which greets with the welcome card.
      const welcome = ui.page.locator('.ac-adaptiveCard').first();
      await welcome.waitFor({ state: 'visible' });
      expect((await ui.cardLines(welcome))[0]).toBe(en.welcomeTitle);
      const questions = await ui.nextCard(await ui.send(`my key id is ${key.typed}`));
      await ui.press(questions, en.rootCauseButtons.windowsUpdate);

      const handOff = await ui.nextCard(questions);
      await ui.reveal(handOff);
      await saveScreenshot(ui.page, 'release-1-verify');
      expect(await ui.cardLines(handOff)).toEqual([
        en.verifyTitle,
        en.keyIdLabel,
        key.typed,
        en.rootCauseFact,
        en.rootCauseChoices.windowsUpdate,
        en.verifyNext,
        en.verifyButton,
      ]);
      // The renderer gives an Action.OpenUrl button the link role (it navigates rather than submits).
      const verify = handOff.getByRole('link', { name: en.verifyButton, exact: true });

      // Action.OpenUrl: the Playground opens the bot's /auth/start in a new tab, which redirects to the
      // demo tenant's plain-HTTP sign-in page (no certificate warning for a person trying the demo).
      await signInFromCard(ui, verify, bot, ALEX, 'release-2', UI_TIMEOUT_MS);

      // Back in Teams: the key arrived proactively after the hand-off.
      const release = await ui.nextCard(handOff);
      await ui.reveal(release);
      await saveScreenshot(ui.page, 'release-5-key-card');
      const lines = await ui.cardLines(release);
      const pairs = [
        '1: ###### 2: ######',
        '3: ###### 4: ######',
        '5: ###### 6: ######',
        '7: ###### 8: ######',
      ];
      const actions = [en.release.worked, en.release.didNotWork, en.release.oneBlockAtATime];
      const facts = [
        en.release.deviceLabel,
        DEMO_DEVICE_NAMES.alexLaptop,
        en.keyIdLabel,
        formatKeyId(key.keyId),
      ];
      const end = [en.release.howToType, en.release.hidesIn(KEY_VISIBLE_MINUTES), ...actions];
      expect(masked(lines)).toEqual([en.release.title, ...facts, en.release.compareKeyId, ...pairs, ...end]);
      const shown = shownBlocks(lines);
      expect([...shown.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(wrongBlocks(shown, key), 'blocks that differ from the demo key').toEqual([]);
      // The Key ID to compare starts with what is on the screen.
      expect(formatKeyId(key.keyId).startsWith(key.typed)).toBe(true);
      expect(
        bot.demoTenant.graphRequests.entries.filter((request) => request.url.includes('$select=key')),
        'key reads',
      ).toHaveLength(1);
      for (const name of actions) {
        const button = release.getByRole('button', { name, exact: true });
        expect(await button.isEnabled(), name).toBe(true);
        await expectOnPhoneScreen(button);
      }

      // One block at a time happens on the device: the card swaps containers, the bot is not asked again.
      await ui.press(release, en.release.oneBlockAtATime);
      const single = release.getByText(en.release.blockOf(1, BLOCK_COUNT), { exact: true });
      await single.waitFor({ state: 'visible' });
      await ui.reveal(release);
      await saveScreenshot(ui.page, 'release-6-one-block');
      const oneBlock = await ui.cardLines(release);
      expect(masked(oneBlock)).toEqual([
        en.release.title,
        ...facts,
        en.release.compareKeyId,
        en.release.blockOf(1, BLOCK_COUNT),
        '######',
        en.release.nextBlock,
        ...end,
      ]);
      expect(oneBlock[oneBlock.indexOf(en.release.blockOf(1, BLOCK_COUNT)) + 1] === key.blocks[0]).toBe(true);
      await expectOnPhoneScreen(release.getByRole('button', { name: en.release.nextBlock, exact: true }));

      await ui.press(release, en.release.nextBlock);
      await release
        .getByText(en.release.blockOf(2, BLOCK_COUNT), { exact: true })
        .waitFor({ state: 'visible' });
      const second = await ui.cardLines(release);
      expect(second[second.indexOf(en.release.blockOf(2, BLOCK_COUNT)) + 1] === key.blocks[1]).toBe(true);
      expect(masked(second)).toContain(en.release.previousBlock);
      expect(
        bot.demoTenant.graphRequests.entries.filter((request) => request.url.includes('$select=key')),
        'key reads after browsing the blocks',
      ).toHaveLength(1);
    }, 90_000);
  },
);
