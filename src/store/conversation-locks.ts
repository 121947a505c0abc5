/**
 * Leases on conversations, so that turns of one conversation run one at a time across instances (they share
 * its stored turn state). `acquire` is true for one holder at a time; a lease that ran out (its instance
 * died) is free again.
 */
export interface ConversationLocks {
  /** Takes the lease, or extends it when `holder` already has it (a heartbeat). */
  acquire(conversationId: string, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Frees the lease if `holder` still has it. */
  release(conversationId: string, holder: string): Promise<void>;
}
