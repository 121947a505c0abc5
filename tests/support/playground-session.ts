import type { DemoPerson } from '../../src/demo-tenant/sample-people.js';
import { createLogger } from '../../src/observability/logger.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import { type ChromiumLookup, launchBrowser, type TestBrowser, type ViewportName } from './browser.js';
import { type PlaygroundPage, playgroundPage } from './playground.js';
import { startTestBot, type TestBot } from './test-bot.js';

export interface PlaygroundSessionOptions {
  /** The Chromium the suite found (`findChromium()`); the suite itself skips when it is missing. */
  readonly chromium: ChromiumLookup;
  /** How long a page waits for anything (`setDefaultTimeout`) in {@link PlaygroundSession.openPlayground}. */
  readonly uiTimeoutMs: number;
  /** The Playground's current user. Default: the Playground's default persona. */
  readonly currentUser?: DemoPerson;
  /** Extra environment for the bot. */
  readonly botEnv?: Record<string, string>;
}

export interface OpenPlaygroundOptions {
  /** Default desktop. */
  readonly viewport?: ViewportName;
  /** Hide the log panel once the composer is ready. Default true. */
  readonly hideLogPanel?: boolean;
}

/** The bot in demo mode, the Agents Playground talking to it, and a headless Chromium to use it with. */
export interface PlaygroundSession {
  readonly bot: TestBot;
  readonly playground: Playground;
  readonly browser: TestBrowser;
  /**
   * Opens the Playground in a fresh page, sets the page's default timeout and waits for the composer;
   * hides the log panel unless told not to.
   */
  openPlayground(options?: OpenPlaygroundOptions): Promise<PlaygroundPage>;
  /** Closes the browser, then stops the Playground, then the bot. */
  stop(): Promise<void>;
}

/** Stops everything in `stops`, in order, even if one fails; rethrows the first failure. */
async function stopAll(stops: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const stop of stops) {
    try {
      await stop();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/**
 * Starts the bot, the Playground (on an ephemeral port, logging warnings only) and Chromium. If a later
 * part fails to start, the parts already started are stopped before the error is thrown.
 */
export async function startPlaygroundSession(options: PlaygroundSessionOptions): Promise<PlaygroundSession> {
  const started: (() => Promise<void>)[] = [];
  try {
    const bot = await startTestBot(options.botEnv ? { env: options.botEnv } : {});
    started.unshift(() => bot.stop());
    const playground = await startPlayground({
      botEndpoint: bot.messagesUrl,
      port: 0,
      ...(options.currentUser ? { currentUser: options.currentUser } : {}),
      logger: createLogger({ level: 'warn' }),
    });
    started.unshift(() => playground.stop());
    const browser = await launchBrowser(options.chromium);
    started.unshift(() => browser.close());
    return {
      bot,
      playground,
      browser,
      async openPlayground({ viewport, hideLogPanel = true } = {}) {
        const ui = playgroundPage(await browser.openPage(playground.url, viewport ? { viewport } : {}));
        ui.page.setDefaultTimeout(options.uiTimeoutMs);
        await ui.ready();
        if (hideLogPanel) await ui.hideLogPanel();
        return ui;
      },
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started).catch(() => {});
    throw error;
  }
}
