/**
 * A helpdesk channel's conversation reference carried something shaped like a BitLocker recovery
 * password. The store refuses it, because every bot instance reads that reference to post into a channel
 * every agent sees. The message names where the shape was found, never the value, so it is safe to log.
 */
export class SecretInChannelError extends Error {
  readonly code = 'SECRET_IN_CHANNEL' as const;
  /** Path of the offending field, e.g. `reference.conversation.name`. */
  readonly field: string;

  constructor(field: string) {
    super(`helpdesk channel refused: ${field} holds something shaped like a recovery password`);
    this.name = 'SecretInChannelError';
    this.field = field;
  }
}
