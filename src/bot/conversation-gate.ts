import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What comes before a turn runs: turns of one conversation one at a time (they share its stored state, so
 * two at once would conflict on its eTag), a double tap dropped (the same words or button again within a
 * moment: the first answer serves both), and a per-person rate limit. Serializing also holds across
 * instances through the store's conversation leases; double taps and the rate limit are per instance.
 *
 * Hand-written: a promise chain per key and a token bucket are a few lines; the queue and rate-limit
 * libraries on npm are built for job throughput, not for "this person, this conversation, right now".
 */
export interface GateOptions {
  /** The same message from the same person in the same conversation within this long is a double tap. */
  readonly doubleTapMs: number;
  /** Messages a person may send in a burst… */
  readonly burst: number;
  /** …and how many more per minute after it. */
  readonly perMinute: number;
  /** Dropped messages in one limited spell that count as abuse (the helpdesk is alerted once). */
  readonly abuseAfter: number;
  readonly now: () => number;
  /** Leases shared by every instance (the store's), so turns of a conversation also wait for other instances. */
  readonly lock?: TurnLock;
}

/** A lease on a conversation across instances; see the store's `ConversationLocks`. */
export interface TurnLock {
  acquire(conversationId: string, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  release(conversationId: string, holder: string): Promise<void>;
}

/**
 * A turn's lease, renewed every LEASE_RENEW_MS while it runs (a release with a slow Graph takes 30 s and
 * more): a lease whose instance died frees itself within this, so the next turn waits at most that long.
 */
const LEASE_MS = 8_000;
const LEASE_RENEW_MS = 2_500;
/** How long a turn waits for another instance's turn of the same conversation before going ahead anyway. */
const LOCK_WAIT_MS = 10_000;

/** `burst` and `perMinute` come from MESSAGES_PER_MINUTE in the bot; these are the rest. */
export const DEFAULT_GATE_OPTIONS: Omit<GateOptions, 'now'> = {
  doubleTapMs: 2000,
  burst: 30,
  perMinute: 30,
  abuseAfter: 100,
};

/** What to do with an incoming message. */
export type Admission =
  | { readonly kind: 'run' }
  /** A double tap: say nothing, the first one's answer stands. */
  | { readonly kind: 'doubleTap' }
  /** Over the rate limit: `tell` for the first message past it (a friendly "slow down"), then silence. */
  | { readonly kind: 'limited'; readonly tell: boolean; readonly abuse: boolean };

interface Bucket {
  tokens: number;
  at: number;
  /** Messages dropped since the person went over the limit. */
  dropped: number;
  told: boolean;
  alerted: boolean;
}

export class ConversationGate {
  readonly #holder = `gate-${crypto.randomUUID()}`;
  readonly #chains = new Map<string, Promise<void>>();
  readonly #lastMessage = new Map<string, { readonly fingerprint: string; readonly at: number }>();
  readonly #buckets = new Map<string, Bucket>();
  readonly #options: GateOptions;

  constructor(options: Partial<GateOptions> & Pick<GateOptions, 'now'>) {
    this.#options = { ...DEFAULT_GATE_OPTIONS, ...options };
  }

  /**
   * Runs `work` after every earlier turn of `conversationId` on this instance has finished and, with a
   * `lock`, once no other instance is in a turn of it either.
   */
  async serialize(conversationId: string, work: () => Promise<void>): Promise<void> {
    const before = this.#chains.get(conversationId) ?? Promise.resolve();
    let done: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const chain = before.then(() => mine);
    this.#chains.set(conversationId, chain);
    try {
      await before;
      const locked = await this.#lock(conversationId);
      const renewing = locked ? this.#renew(conversationId) : undefined;
      try {
        await work();
      } finally {
        if (renewing) clearInterval(renewing);
        if (locked) await this.#options.lock?.release(conversationId, this.#holder);
      }
    } finally {
      done();
      // The last turn in line removes the chain, so idle conversations hold no memory.
      if (this.#chains.get(conversationId) === chain) this.#chains.delete(conversationId);
    }
  }

  /** Takes the shared lease, waiting for another instance's turn; false when there is no lock or it waited out. */
  async #lock(conversationId: string): Promise<boolean> {
    const lock = this.#options.lock;
    if (!lock) return false;
    const deadline = this.#options.now() + LOCK_WAIT_MS;
    for (;;) {
      const now = this.#options.now();
      if (await lock.acquire(conversationId, this.#holder, new Date(now), LEASE_MS)) return true;
      // The other turn is taking long (slow Graph); going ahead is better than a person waiting in vain.
      if (now >= deadline) return false;
      await sleep(25);
    }
  }

  /** Extends the lease while the turn runs; a failed renewal only shortens it (the store is the judge). */
  #renew(conversationId: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.#options.lock
        ?.acquire(conversationId, this.#holder, new Date(this.#options.now()), LEASE_MS)
        .catch(() => {
          // The store is unreachable: the turn goes on, and its own store calls will say so.
        });
    }, LEASE_RENEW_MS);
    timer.unref();
    return timer;
  }

  /**
   * Admits one message. `content` is what the person sent (text and card data); only a hash of it is kept,
   * for the double-tap window, and never stored.
   */
  admit(personId: string, conversationId: string, content: unknown): Admission {
    const now = this.#options.now();
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([personId, content ?? null]))
      .digest('base64url');
    const last = this.#lastMessage.get(conversationId);
    this.#lastMessage.set(conversationId, { fingerprint, at: now });
    this.#forgetOld(now);
    if (last && last.fingerprint === fingerprint && now - last.at < this.#options.doubleTapMs) {
      return { kind: 'doubleTap' };
    }
    return this.#take(personId, now);
  }

  #take(personId: string, now: number): Admission {
    const { burst, perMinute, abuseAfter } = this.#options;
    const bucket = this.#buckets.get(personId) ?? {
      tokens: burst,
      at: now,
      dropped: 0,
      told: false,
      alerted: false,
    };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    this.#buckets.set(personId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      // Back under the limit with a full burst: a later spell is told and counted afresh.
      if (bucket.tokens >= burst - 1) Object.assign(bucket, { dropped: 0, told: false, alerted: false });
      return { kind: 'run' };
    }
    bucket.dropped += 1;
    const tell = !bucket.told;
    bucket.told = true;
    const abuse = !bucket.alerted && bucket.dropped >= abuseAfter;
    if (abuse) bucket.alerted = true;
    return { kind: 'limited', tell, abuse };
  }

  /** Drops double-tap fingerprints that can no longer match, and full buckets nobody is using. */
  #forgetOld(now: number): void {
    if (this.#lastMessage.size < 1000 && this.#buckets.size < 1000) return;
    for (const [key, last] of this.#lastMessage) {
      if (now - last.at >= this.#options.doubleTapMs) this.#lastMessage.delete(key);
    }
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.at > 10 * 60_000) this.#buckets.delete(key);
    }
  }
}
