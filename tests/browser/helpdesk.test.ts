import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages/en.js';
import {
  PLAYGROUND_HELPDESK_CHANNEL_NAME,
  PLAYGROUND_TEAM_NAME,
} from '../../src/playground/playground-config.js';
import { announceSkip, findChromium, saveScreenshot } from '../support/browser.js';
import { demoPerson } from '../support/demo-people.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import type { TestBot } from '../support/test-bot.js';

const chromium = findChromium();
announceSkip(chromium);
const UI_TIMEOUT_MS = 20_000;

/** The Playground's current user: a helpdesk agent (the Playground cannot switch person in its UI). */
const LEE = demoPerson('Lee Gu');
/** The requester, who is not in the Playground: their chat is posted to the bot over HTTP, as Teams does. */
const NESTOR = demoPerson('Nestor Wilke');
const h = en.helpdesk;

/** What Nestor reads off his blue screen: the first 8 hex digits of a real key of one of his PCs. */
function nestorKeyId(bot: TestBot): string {
  const data = bot.demoTenant.data;
  const key = data
    .ownedDevices(NESTOR.id)
    .flatMap((device) => data.keysForDevice(device.deviceId))
    .at(0);
  if (!key) throw new Error('Nestor has no PC with a recovery key in the demo tenant');
  return key.id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** History lines read "<when> · <what happened>"; the newest is last. */
function lastHistoryLine(lines: readonly string[]): string | undefined {
  return lines.filter((line) => line.includes(' · ')).at(-1);
}

/** The value printed right after `label` in the card's lines (a fact's title, then its value). */
function valueAfter(lines: readonly string[], label: string): string | undefined {
  const at = lines.indexOf(label);
  return at < 0 ? undefined : lines[at + 1];
}

describe.skipIf(!chromium.available)(
  `Agents Playground: a case card in the team's Helpdesk channel, claimed by an agent${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let session: PlaygroundSession | undefined;
    beforeAll(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS, currentUser: LEE });
    });
    afterAll(() => session?.stop());

    it('"talk to IT" in the requester\'s chat → the case card in Helpdesk → Claim → claimed by Lee Gu for everyone', async () => {
      // The requester asks for IT before anyone opened the channel: the case waits until the bot learns
      // the channel, which in the Playground happens when the agent opens it (the install event).
      const { bot } = session!;
      const typed = nestorKeyId(bot);
      const requester = bot.personalChat(NESTOR);
      expect((await requester.send(`my key id is ${typed}`)).status).toBe(200);
      const handOff = await requester.send('talk to IT');
      expect(handOff.status).toBe(200);
      const [opened] = await bot.store.cases.byRequester(NESTOR.id);
      expect(opened, 'the case opened for "talk to IT"').toBeDefined();
      const caseNumber = opened!.number;
      expect(opened!.post, 'no channel known yet').toBeUndefined();

      const ui = await session!.openPlayground();
      await ui.openChannel(PLAYGROUND_TEAM_NAME, PLAYGROUND_HELPDESK_CHANNEL_NAME);

      const card = ui.cardWithHeading(h.caseTitle(caseNumber));
      await card.waitFor({ state: 'visible' });
      // The bot posts the card, records where it is (a new case version) and brings the card up to that
      // version; an agent acting on the first rendering would only be told the case changed.
      await expect
        .poll(async () => lastHistoryLine(await ui.cardLines(card)), {
          timeout: UI_TIMEOUT_MS,
          message: 'the posted card shows the case as it is (its last history line)',
        })
        .toMatch(new RegExp(`· ${h.events.posted(undefined)}$`));
      await ui.reveal(card);
      await saveScreenshot(ui.page, 'helpdesk-1-case-card');
      const before = await ui.cardLines(card);
      expect(before[0]).toBe(h.caseTitle(caseNumber));
      expect(before[1]).toBe(h.statuses.open);
      expect(valueAfter(before, h.ownerLabel)).toBe(h.nobodyYet);
      expect(before.some((line) => line.startsWith(NESTOR.displayName))).toBe(true);
      expect(before).toContain(typed);
      const claim = card.getByRole('button', { name: h.claim, exact: true });
      expect(await claim.isEnabled()).toBe(true);

      const told = bot.connector.calls.length;
      await ui.press(card, h.claim);
      // The card answers the press either way (claimed, or a refusal notice above the case): wait for any
      // change, so a refusal fails below with its words rather than as a timeout.
      await expect
        .poll(async () => (await ui.cardLines(card)).slice(0, 2), { timeout: UI_TIMEOUT_MS })
        .not.toEqual(before.slice(0, 2));
      await ui.reveal(card);
      // Off the buttons, so the picture shows no hover state where Claim was.
      await ui.page.mouse.move(0, 0);
      await saveScreenshot(ui.page, 'helpdesk-2-claimed');
      const after = await ui.cardLines(card);
      // The first press acts: the card the channel shows carries the case's current version.
      expect(after[0], 'no "changed while you were looking" notice').toBe(h.caseTitle(caseNumber));
      expect(after[1]).toBe(h.statuses.claimed);
      expect(valueAfter(after, h.ownerLabel)).toBe(LEE.displayName);
      expect(lastHistoryLine(after)).toMatch(new RegExp(`· ${h.events.claimed(LEE.displayName)}$`));
      expect(await card.getByRole('button', { name: h.claim, exact: true }).count()).toBe(0);
      expect(await card.getByRole('button', { name: h.releaseClaim, exact: true }).isEnabled()).toBe(true);
      // Updated in place: still one card for the case in the channel, not a second post.
      expect(await ui.cardWithHeading(h.caseTitle(caseNumber)).count()).toBe(1);

      // The server agrees, with the owner taken from the Playground's identity of the person who pressed.
      const claimed = await bot.store.cases.get(caseNumber);
      expect(claimed).toMatchObject({ status: 'claimed', owner: { objectId: LEE.id } });
      // The requester heard who has the case, in their own chat (proactively, not in the channel).
      const { scope } = requester.context;
      const requesterChat = scope.kind === 'personal' ? scope.conversationId : undefined;
      const toRequester = bot.connector
        .since(told)
        .filter((call) => call.conversationId === requesterChat)
        .map((call) => JSON.stringify(call.activity ?? {}));
      expect(toRequester.some((text) => text.includes(h.requester.updates.claimed(LEE.displayName)))).toBe(
        true,
      );

      const shown = [
        { source: 'case card before Claim', text: before.join('\n') },
        { source: 'case card after Claim', text: after.join('\n') },
      ];
      const keys = [...bot.demoTenant.data.devices.values()].flatMap((device) =>
        bot.demoTenant.data.keysForDevice(device.deviceId).map((key) => key.key),
      );
      expect(scanForRecoveryPasswords(shown, keys)).toEqual([]);
    }, 90_000);
  },
);
