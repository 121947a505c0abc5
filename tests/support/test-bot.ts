import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { startConversationHarness } from './conversation.js';

export interface TestBot {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly messagesUrl: string;
  /**
   * The bot's own demo tenant: its people, devices and keys (so a test can pick a requester's real Key ID and
   * check what a card shows) and the Graph requests it received.
   */
  readonly demoTenant: DemoTenant;
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
    demoTenant: harness.demoTenant,
    stop: () => harness.stop(),
  };
}
