import {
  type Activity,
  CardFactory,
  type ConversationParameters,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import type {
  ChannelThread,
  ChatPartner,
  Conversations,
  OutgoingMessage,
} from '../recovery/conversations.js';
import type { BotAdapter } from './bot-adapter.js';

/**
 * The conversations port over the Bot Framework: every message the bot sends outside the turn it answers
 * goes through here (the proactive sends, updates, new channel threads and 1:1 chats), and `turnIn` runs a
 * whole turn in a stored conversation.
 */
export class TeamsConversations implements Conversations {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly botAppId: string,
  ) {}

  /** Runs `logic` as a turn of the conversation `reference` names (a sign-in's result, a job). */
  turnIn(reference: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.adapter.continueConversationAsync(this.botAppId, parseReference(reference), logic);
  }

  async send(reference: string, message: OutgoingMessage): Promise<string> {
    return await this.within(
      reference,
      async (context) => (await context.sendActivity(activityOf(message)))?.id ?? '',
    );
  }

  async update(reference: string, activityId: string, message: OutgoingMessage): Promise<void> {
    await this.within(reference, async (context) => {
      await context.updateActivity({ ...activityOf(message), id: activityId });
    });
  }

  /**
   * Runs `work` in a proactive turn and hands back its result or its error. botbuilder passes an error
   * thrown in a proactive turn to the adapter's `onTurnError`, which logs it and returns: the caller would
   * never learn that Teams refused the message (and a key card would count as shown).
   */
  private async within<T>(reference: string, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { readonly value: T } | { readonly error: unknown } | undefined;
    await this.turnIn(reference, async (context) => {
      try {
        outcome = { value: await work(context) };
      } catch (error) {
        outcome = { error };
      }
    });
    if (!outcome) throw new Error('the proactive turn did not run');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  async startThread(
    channelReference: string,
    channelId: string,
    message: OutgoingMessage,
  ): Promise<ChannelThread | undefined> {
    const channel = parseReference(channelReference);
    // A new thread in the channel (TeamsInfo.sendMessageToTeamsChannel needs the legacy adapter). Teams names
    // a channel thread `<channel id>;messageid=<id of its first message>`: that id is the first message's id.
    const created = await this.create(channel.serviceUrl, {
      isGroup: true,
      bot: channel.bot ?? { id: `28:${this.botAppId}`, name: '' },
      channelData: { channel: { id: channelId }, tenant: { id: channel.conversation?.tenantId } },
      tenantId: channel.conversation?.tenantId ?? '',
      activity: activityOf(message),
    } as ConversationParameters);
    const activityId = created.conversation.id.split(';messageid=')[1];
    return activityId ? { channelId, activityId } : undefined;
  }

  threadOf(channelReference: string, thread: ChannelThread): string {
    const channel = JSON.parse(channelReference) as Partial<ConversationReference>;
    return JSON.stringify({
      ...channel,
      conversation: {
        ...(channel.conversation ?? { isGroup: true, conversationType: 'channel', name: '' }),
        id: `${thread.channelId};messageid=${thread.activityId}`,
      },
      activityId: thread.activityId,
    });
  }

  async openChat(from: string, partner: ChatPartner): Promise<string> {
    const origin = parseReference(from);
    const created = await this.create(origin.serviceUrl, {
      isGroup: false,
      bot: origin.bot,
      members: [{ id: partner.teamsUserId, name: partner.displayName }],
      tenantId: partner.tenantId,
      channelData: { tenant: { id: partner.tenantId } },
    } as ConversationParameters);
    return JSON.stringify(TurnContext.getConversationReference(created));
  }

  /** Asks Teams for a new conversation (a channel thread, a 1:1 chat); answers the activity that names it. */
  private async create(serviceUrl: string, parameters: ConversationParameters): Promise<Activity> {
    let created: Activity | undefined;
    await this.adapter.createConversationAsync(
      this.botAppId,
      'msteams',
      serviceUrl,
      // botbuilder types `audience` as string but falls back to the configured OAuth scope only for
      // undefined; '' would ask for a token for "/.default".
      undefined as unknown as string,
      parameters,
      async (context) => {
        created = context.activity;
      },
    );
    if (!created) throw new Error('Teams created no conversation');
    return created;
  }
}

/** The Teams locale the edge put on a stored conversation reference, if any. */
export function localeOf(reference: string): string | undefined {
  const { locale } = JSON.parse(reference) as Partial<ConversationReference>;
  return typeof locale === 'string' ? locale : undefined;
}

function activityOf(message: OutgoingMessage): Partial<Activity> {
  return 'text' in message
    ? MessageFactory.text(message.text)
    : MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
}

function parseReference(reference: string): ConversationReference {
  const parsed = JSON.parse(reference) as Partial<ConversationReference>;
  if (!parsed.serviceUrl) throw new Error('a stored conversation reference has no serviceUrl');
  return parsed as ConversationReference;
}
