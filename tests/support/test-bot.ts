import { startConversationHarness } from './conversation.js';

export interface TestBot {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly messagesUrl: string;
  stop(): Promise<void>;
}

/**
 * The bot in demo mode (no Bot Framework authentication, its own demo tenant and SQLite file) on an
 * ephemeral port: what the Agents Playground talks to in browser tests.
 */
export async function startTestBot(options: { env?: Record<string, string> } = {}): Promise<TestBot> {
  const harness = await startConversationHarness({
    mode: 'demo',
    ...(options.env ? { env: options.env } : {}),
  });
  return {
    baseUrl: harness.app.url,
    messagesUrl: `${harness.app.url}/api/messages`,
    stop: () => harness.stop(),
  };
}
