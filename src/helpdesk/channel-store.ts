/**
 * The helpdesk channel's conversation reference, learnt when the bot is installed in the team. Cases
 * opened before it is known wait, and are posted once it is saved.
 */
export interface ChannelStore {
  /** Saves (or replaces) the serialized conversation reference for the channel. */
  save(channelId: string, reference: string): Promise<void>;
  get(channelId: string): Promise<string | undefined>;
}
