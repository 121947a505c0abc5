import { describe, expect, it } from 'vitest';
import { showKeyCard } from '../../src/recovery/after-disclosure.js';
import type {
  ChannelThread,
  ChatPartner,
  Conversations,
  OutgoingMessage,
} from '../../src/recovery/conversations.js';
import type { ReleaseNotice, ReleaseNotifier } from '../../src/recovery/release-notifier.js';
import { FakeReleaseLedger } from '../support/release-fakes.js';

/** Conversations that keep what was sent where, and refuse the next send when told to. */
class RecordingConversations implements Conversations {
  readonly sent: { readonly to: string; readonly message: OutgoingMessage; readonly id: string }[] = [];
  #refuseNext = false;

  refuseNextSend(): void {
    this.#refuseNext = true;
  }

  async send(reference: string, message: OutgoingMessage): Promise<string> {
    if (this.#refuseNext) {
      this.#refuseNext = false;
      throw new Error('403 ConversationBlockedByUser');
    }
    const id = `activity-${this.sent.length + 1}`;
    this.sent.push({ to: reference, message, id });
    return id;
  }

  async update(): Promise<void> {}

  async startThread(): Promise<ChannelThread | undefined> {
    return undefined;
  }

  threadOf(channelReference: string): string {
    return channelReference;
  }

  async openChat(_from: string, partner: ChatPartner): Promise<string> {
    return `chat:${partner.teamsUserId}`;
  }
}

class RecordingNotifier implements ReleaseNotifier {
  readonly notices: ReleaseNotice[] = [];
  async notify(notice: ReleaseNotice): Promise<void> {
    this.notices.push(notice);
  }
}

const NOW = new Date('2026-12-02T09:00:00Z');
const words = { subject: () => 'Your key was shown', lines: () => ['It was shown.'] };

async function claimed(ledger: FakeReleaseLedger, requestId: string): Promise<void> {
  await ledger.claim(
    {
      requestId,
      requesterObjectId: 'alex',
      deviceId: 'device-1',
      keyId: 'key-1',
      releasedAt: NOW.toISOString(),
    },
    [],
  );
}

const aCard = (requestId: string) => ({
  requestId,
  to: 'chat:alex',
  holderObjectId: 'alex',
  card: { card: { type: 'AdaptiveCard', body: [] } },
  notice: { requesterObjectId: 'alex', deviceName: 'ALEX-LAPTOP', keyId: 'key-1', words },
});

describe('showing a released key card', () => {
  it('is recorded as shown with where the card is, and then the requester is mailed', async () => {
    const ledger = new FakeReleaseLedger();
    const conversations = new RecordingConversations();
    const notice = new RecordingNotifier();
    await claimed(ledger, 'R-1');

    const shown = await showKeyCard(aCard('R-1'), { ledger, conversations, notice, now: () => NOW });

    expect(shown).toEqual({ conversationReference: 'chat:alex', activityId: 'activity-1' });
    expect(conversations.sent.map((sent) => sent.to)).toEqual(['chat:alex']);
    expect(await ledger.progress('R-1')).toMatchObject({ stage: 'shown', card: shown });
    expect(notice.notices).toEqual([
      expect.objectContaining({ requesterObjectId: 'alex', at: NOW.toISOString() }),
    ]);
  });

  it('refused by Teams: nobody saw it, so the claim is taken back, nobody is mailed, and the error goes on', async () => {
    const ledger = new FakeReleaseLedger();
    const conversations = new RecordingConversations();
    const notice = new RecordingNotifier();
    await claimed(ledger, 'R-2');
    conversations.refuseNextSend();

    await expect(
      showKeyCard(aCard('R-2'), { ledger, conversations, notice, now: () => NOW }),
    ).rejects.toThrow('ConversationBlockedByUser');

    expect(await ledger.progress('R-2')).toBeUndefined();
    expect(ledger.records).toEqual([]);
    expect(notice.notices).toEqual([]);
  });
});
