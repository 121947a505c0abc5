import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages/en.js';
import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import { DEMO_DEVICE_NAMES } from '../../src/demo-tenant/sample-data.js';
import {
  PLAYGROUND_HELPDESK_CHANNEL_NAME,
  PLAYGROUND_TEAM_NAME,
} from '../../src/playground/playground-config.js';
import { askForKey, demoKey, ON_PREMISES_PC } from '../support/ask-for-key.js';
import { announceSkip, findChromium, saveScreenshot } from '../support/browser.js';
import { demoPerson } from '../support/demo-people.js';
import { type PlaygroundSession, startPlaygroundSession } from '../support/playground-session.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';

const chromium = findChromium();
announceSkip(chromium);
const UI_TIMEOUT_MS = 20_000;

/** The Playground's current user: the advanced agent (Helpdesk Administrator). */
const ISAIAH = demoPerson('Isaiah Langer');
/** The requester, outside the Playground: her chat is posted to the bot over HTTP, as Teams does. */
const ADELE = demoPerson('Adele Vance');
const REASON = 'Adele is on a kiosk PC without Teams; I read it to her on the phone';
const h = en.helpdesk;

describe.skipIf(!chromium.available)(
  `Agents Playground: Show key to me puts the key in the advanced agent's own chat${chromium.available ? '' : ` (${chromium.skipReason})`}`,
  () => {
    let session: PlaygroundSession | undefined;
    beforeAll(async () => {
      session = await startPlaygroundSession({ chromium, uiTimeoutMs: UI_TIMEOUT_MS, currentUser: ISAIAH });
    });
    afterAll(() => session?.stop());

    it('claim → verify → Show key to me → reason → sign in → the key in the personal chat → Hide key', async () => {
      const { bot } = session!;
      const data = bot.demoTenant.data;
      const key = demoKey(bot, DEMO_DEVICE_NAMES.adeleLaptop);
      await askForKey(bot.personalChat(ADELE), key.id.slice(0, 8), ON_PREMISES_PC);
      const [opened] = await bot.store.cases.byRequester(ADELE.id);
      expect(opened, 'the case for the on-premises PC').toBeDefined();
      const caseNumber = opened!.number;

      const ui = await session!.openPlayground();
      await ui.openChannel(PLAYGROUND_TEAM_NAME, PLAYGROUND_HELPDESK_CHANNEL_NAME);
      const card = ui.cardWithHeading(h.caseTitle(caseNumber));
      const statusIs = async (status: string) =>
        expect.poll(async () => (await ui.cardLines(card))[1], { timeout: UI_TIMEOUT_MS }).toBe(status);
      // The posted card is brought up to the version the bot recorded after posting it.
      await expect
        .poll(async () => (await ui.cardLines(card)).join('\n'), { timeout: UI_TIMEOUT_MS })
        .toContain(h.events.posted(undefined));

      await ui.press(card, h.claim);
      await statusIs(h.statuses.claimed);
      await ui.choose(card, h.verificationMethodLabel, h.verificationMethods.videoCallPhotoId);
      await card.getByLabel(h.verificationNoteLabel).fill('video call, badge matched');
      await ui.press(card, h.saveVerification);
      await statusIs(h.statuses.verified);

      // The form asks for the reason; it is the answer to Isaiah's own press.
      await ui.press(card, h.showKeyToMe);
      const form = ui.cardWithHeading(h.advanced.title(caseNumber));
      await form.waitFor({ state: 'visible' });
      await form.getByLabel(h.advanced.reasonLabel).fill(REASON);
      await ui.reveal(form);
      await saveScreenshot(ui.page, 'show-key-1-reason');
      await ui.press(form, h.advanced.reveal);

      // A fresh sign-in of Isaiah's own: the link opens Entra (the demo tenant) in a new tab.
      const signInButton = ui.page.getByText(h.showKeyFlow.signInButton, { exact: true });
      await signInButton.waitFor({ state: 'visible' });
      const tab = ui.page.context().waitForEvent('page');
      await signInButton.click();
      const entra = await tab;
      await entra.waitForURL(/\/authorize\?/);
      const authorizeUrl = entra.url();
      await entra.close();
      const keyReads = () =>
        bot.demoTenant.graphRequests.entries.filter((request) => request.url.includes('$select=key')).length;
      const reads = keyReads();
      const signedIn = await completeDemoSignIn(authorizeUrl, { userId: ISAIAH.id });
      expect((await fetch(signedIn.redirectUrl, { redirect: 'manual' })).status).toBe(200);
      expect(keyReads()).toBe(reads + 1);

      // The channel: released, with who saw it and why, and the thread told where the key went.
      await statusIs(h.statuses.released);
      await expect
        .poll(async () => (await ui.cardLines(card)).join('\n'), { timeout: UI_TIMEOUT_MS })
        .toContain(REASON);
      await ui.page.getByText(h.showKeyFlow.shown(ISAIAH.displayName)).waitFor({ state: 'visible' });
      // All text, hidden elements too: a key in a collapsed block would still be in the page.
      const channelText = (await ui.page.locator('body').textContent()) ?? '';

      // The personal chat: the key, in numbered blocks, for Isaiah.
      await ui.page.getByRole('treeitem', { name: /Personal Chat/ }).click();
      const shown = ui.cardWithHeading(h.revealed.title(caseNumber));
      await shown.waitFor({ state: 'visible' });
      await ui.reveal(shown);
      await ui.page.mouse.move(0, 0);
      await saveScreenshot(ui.page, 'show-key-2-private-chat');
      const blocks = key.key.split('-');
      const shownText = (await ui.cardLines(shown)).join('\n');
      blocks.forEach((block, index) => {
        expect(shownText).toContain(`${index + 1}: ${block}`);
      });

      await ui.press(shown, h.revealed.hide);
      const hidden = ui.cardWithHeading(h.revealed.hiddenTitle(caseNumber));
      await hidden.waitFor({ state: 'visible' });
      await ui.reveal(hidden);
      await saveScreenshot(ui.page, 'show-key-3-hidden');
      expect(await shown.count()).toBe(0);

      const keys = [...data.devices.values()].flatMap((device) =>
        data.keysForDevice(device.deviceId).map((each) => each.key),
      );
      expect(scanForRecoveryPasswords([{ source: 'Helpdesk channel', text: channelText }], keys)).toEqual([]);
      const chatText = (await ui.page.locator('body').textContent()) ?? '';
      expect(
        scanForRecoveryPasswords([{ source: 'personal chat after Hide', text: chatText }], keys),
      ).toEqual([]);
    }, 120_000);
  },
);
