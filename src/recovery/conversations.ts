/*
 * Where the bot writes outside the turn it is answering: a conversation it learnt earlier (a requester's 1:1
 * chat, a channel, a case's thread), a new thread in a channel, an agent's 1:1 chat. The domain names those
 * places by the reference the edge stored and never looks inside it; the Teams edge implements this once
 * (`bot/teams-conversations.ts`).
 */

/** What is sent: words, or a card the edge rendered (opaque here). */
export type OutgoingMessage = { readonly text: string } | { readonly card: object };

/** A person the bot can open a 1:1 chat with. */
export interface ChatPartner {
  readonly teamsUserId: string;
  readonly displayName: string;
  readonly tenantId: string;
}

/** A thread in a channel: the channel's id and the id of the thread's first message. */
export interface ChannelThread {
  readonly channelId: string;
  readonly activityId: string;
}

export interface Conversations {
  /** Sends `message` into the conversation `reference` names; answers the new message's id. */
  send(reference: string, message: OutgoingMessage): Promise<string>;
  /** Replaces message `activityId` of the conversation `reference` names. Safe to repeat. */
  update(reference: string, activityId: string, message: OutgoingMessage): Promise<void>;
  /**
   * Starts a new thread with `message` in channel `channelId`, given a reference the bot learnt in that
   * channel; answers the thread, or undefined when Teams named none.
   */
  startThread(
    channelReference: string,
    channelId: string,
    message: OutgoingMessage,
  ): Promise<ChannelThread | undefined>;
  /** The reference of a thread started in the channel `channelReference` names. */
  threadOf(channelReference: string, thread: ChannelThread): string;
  /**
   * The bot's 1:1 chat with `partner` (Teams hands back the existing one), reached from a conversation in
   * their tenant; answers its reference. Throws when Teams will not open it (e.g. the person never
   * installed the bot).
   */
  openChat(from: string, partner: ChatPartner): Promise<string>;
}
