import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import type { Store } from '../../src/store/store.js';
import { type ChatSession, startConversationHarness } from './conversation.js';
import type { RecordingConnector } from './recording-connector.js';

export interface TestBot {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly messagesUrl: string;
  /**
   * The bot's own demo tenant: its people, devices and keys (so a test can pick a requester's real Key ID and
   * check what a card shows) and the Graph requests it received.
   */
  readonly demoTenant: DemoTenant;
  /**
   * The 1:1 chat of someone who is not the Playground's current user (the Playground shows one person only):
   * their activities are posted to `messagesUrl` as Teams posts them, with {@link connector} as `serviceUrl`,
   * so the bot's replies and proactive messages to them land there, not in the Playground.
   */
  personalChat(person: DemoPerson): ChatSession;
  /** The connector of {@link personalChat}: everything the bot sent to people outside the Playground. */
  readonly connector: RecordingConnector;
  /** The bot's store, to check what a press in the browser changed on the server. */
  readonly store: Store;
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
    personalChat: (person) => harness.personalChat(person),
    connector: harness.connector,
    store: harness.app.store,
    stop: () => harness.stop(),
  };
}
