import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import type { ConversationHarness, Turn } from './conversation.js';
import type { ConnectorCall } from './recording-connector.js';

/** What the person's browser saw at the end of the step-up sign-in, and what the bot then sent. */
export interface SignInResult {
  readonly callbackStatus: number;
  readonly callbackPage: string;
  /** Where the sign-in sent the browser (code and state included), so a test can replay it. */
  readonly callbackUrl: string;
  /** How long the bot took to answer the callback, in milliseconds. */
  readonly callbackMs: number;
  /** Everything the bot sent to the connector because of the sign-in (the proactive turn), once it finished. */
  readonly after: Turn['calls'];
}

/** The "Verify it's you" link on the verification card in `turn`. */
export function verifyLink(turn: Turn): string {
  return verifyLinkIn(
    turn.replies.map((reply) => reply.card),
    turn.transcript,
  );
}

/** The same, in what the bot sent proactively (after a sign-in, say). */
export function verifyLinkAfter(calls: readonly ConnectorCall[]): string {
  const cards = calls.flatMap((call) =>
    (call.activity?.attachments ?? []).map((attachment) => attachment.content as Record<string, unknown>),
  );
  return verifyLinkIn(cards, JSON.stringify(cards));
}

function verifyLinkIn(cards: readonly (Record<string, unknown> | undefined)[], shown: string): string {
  for (const card of cards) {
    const actions = (card?.actions as { type: string; url?: string }[] | undefined) ?? [];
    const open = actions.find(
      (action) => action.type === 'Action.OpenUrl' && action.url?.includes('/auth/start'),
    );
    if (open?.url) return open.url;
  }
  throw new Error(`no "Verify it's you" link in:\n${shown}`);
}

/**
 * Follows the link like a browser: `/auth/start` redirects to the demo tenant's `/authorize`, the person
 * (`userId`) signs in and approves the MFA step, and the browser lands on the bot's `/auth/callback`.
 */
export async function signIn(
  harness: ConversationHarness,
  link: string,
  userId: string,
  options: {
    readonly mfa?: 'approve' | 'deny';
    /** Runs after the sign-in pages and before the browser reaches the callback (e.g. time passes). */
    readonly beforeCallback?: () => void | Promise<void>;
  } = {},
): Promise<SignInResult> {
  const start = await fetch(link, { redirect: 'manual' });
  const location = start.headers.get('location');
  if (start.status !== 302 || !location) throw new Error(`/auth/start answered ${start.status}`);
  const mark = harness.connector.calls.length;
  const outcome = await completeDemoSignIn(location, {
    userId,
    ...(options.mfa ? { mfa: options.mfa } : {}),
  });
  await options.beforeCallback?.();
  const startedAt = performance.now();
  const callback = await fetch(outcome.redirectUrl, { redirect: 'manual' });
  const page = await callback.text();
  const callbackMs = performance.now() - startedAt;
  // The page may answer before the release finished (slow Graph): `after` is everything it then sent.
  await harness.app.settle();
  return {
    callbackStatus: callback.status,
    callbackPage: page,
    callbackUrl: outcome.redirectUrl.href,
    callbackMs,
    after: harness.connector.since(mark),
  };
}

/** `$select=key` requests the demo Graph received (each is a key read). */
export function keyReads(harness: ConversationHarness): number {
  return harness.demoTenant.graphRequests.entries.filter((request) => request.url.includes('$select=key'))
    .length;
}
