import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { authRoutes } from '../../src/http/auth-routes.js';
import {
  createStepUp,
  type FailedStepUp,
  type MismatchedStepUp,
  STEP_UP_PATHS,
  type StepUp,
  type VerifiedStepUp,
} from '../../src/identity/step-up.js';
import type { Logger } from '../../src/observability/logger.js';
import { openStore, type Store } from '../../src/store/store.js';

/** A test clock: real time plus an offset the test moves forward. */
export interface TestClock {
  readonly now: () => Date;
  advance(ms: number): void;
  /** Back to real time. */
  reset(): void;
}

export function aTestClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
    reset: () => {
      offsetMs = 0;
    },
  };
}

/** One bot instance as far as sign-in goes: its own restify server, store connection and step-up. */
export interface StepUpInstance {
  /** `http://127.0.0.1:<port>`: where this instance itself listens. */
  readonly baseUrl: string;
  readonly stepUp: StepUp;
  readonly store: Store;
  /** What the routes handed to the bot, in order. */
  readonly verified: VerifiedStepUp[];
  readonly rejected: (MismatchedStepUp | FailedStepUp)[];
  close(): Promise<void>;
}

export interface StepUpInstanceOptions {
  readonly tenant: DemoTenant;
  readonly databaseUrl: string;
  readonly logger: Logger;
  readonly clock: TestClock;
  readonly authContext?: string;
  readonly maxAgeMinutes?: number;
  /**
   * PUBLIC_BASE_URL when the instance sits behind a load balancer with others (the redirect URI must be
   * the same for every instance); default the instance's own address.
   */
  readonly publicBaseUrl?: string;
}

/**
 * Starts a restify server with only the step-up routes, bound to the demo tenant. The server listens
 * before the step-up is built because the redirect URI needs the port.
 */
export async function startStepUpInstance(options: StepUpInstanceOptions): Promise<StepUpInstance> {
  const store = await openStore(options.databaseUrl, options.logger);
  const server = restify.createServer({ name: 'step-up-test', handleUncaughtExceptions: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stepUp = createStepUp({
    config: {
      authorityHost: options.tenant.authorityHost,
      tenantId: options.tenant.tenantId,
      clientId: options.tenant.botApp.clientId,
      credential: { kind: 'secret', secret: options.tenant.botApp.clientSecret },
      publicBaseUrl: options.publicBaseUrl ?? baseUrl,
      stepUp: { maxAgeMinutes: options.maxAgeMinutes ?? 5, authContext: options.authContext },
    },
    store: store.signInStates,
    now: options.clock.now,
    logger: options.logger,
  });
  const verified: VerifiedStepUp[] = [];
  const rejected: (MismatchedStepUp | FailedStepUp)[] = [];
  const routes = authRoutes({
    stepUp,
    onVerified: async (result) => void verified.push(result),
    onRejected: async (result) => void rejected.push(result),
    logger: options.logger,
  });
  server.get(STEP_UP_PATHS.start, routes.start);
  server.get(STEP_UP_PATHS.callback, routes.callback);
  return {
    baseUrl,
    stepUp,
    store,
    verified,
    rejected,
    async close() {
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** A page the routes served: status, headers and its visible text (tags stripped). */
export interface ServedPage {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
  readonly text: string;
}

export async function getPage(url: string | URL, headers: Record<string, string> = {}): Promise<ServedPage> {
  const response = await fetch(url, { redirect: 'manual', headers });
  const html = await response.text();
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<\/?b>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return { status: response.status, headers: response.headers, html, text };
}

/** Follows the card's link to `/auth/start` and returns where it redirects (Entra's authorize URL). */
export async function followStartLink(startUrl: string): Promise<URL> {
  const response = await fetch(startUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) {
    throw new Error(`/auth/start answered ${response.status} without a redirect`);
  }
  await response.body?.cancel();
  return new URL(location);
}
