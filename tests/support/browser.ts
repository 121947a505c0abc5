import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Desktop and phone (iPhone 12–15 class, the employee's usual device) viewports. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** Headless Debian Chromium as a sandbox-less, offline test browser (see platform-facts.md). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go: `test-results/` at the repository root (git-ignored, kept by CI as artifacts). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Whether the browser tests can run, and if not, the message the skipped suite shows. */
export interface ChromiumLookup {
  readonly executablePath: string;
  readonly available: boolean;
  readonly skipReason: string;
}

/** `CHROMIUM_PATH` or Debian's `/usr/bin/chromium`; checked without launching anything. */
export function findChromium(): ChromiumLookup {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  const available = existsSync(executablePath);
  return {
    executablePath,
    available,
    skipReason: available
      ? ''
      : `SKIPPED: no Chromium at ${executablePath}. Install it with \`apt-get install chromium\` ` +
        '(or set CHROMIUM_PATH) to run the browser tests.',
  };
}

/**
 * Prints why the browser tests are skipped. Vitest's reporter shows a skipped suite as a grey arrow and
 * nothing else; a missing browser must not pass for a green run unnoticed.
 */
export function announceSkip(lookup: ChromiumLookup): void {
  if (!lookup.available) process.stderr.write(`\n[browser tests] ${lookup.skipReason}\n`);
}

/** One headless Chromium; every page gets its own context, so pages share no cookies or storage. */
export interface TestBrowser {
  /** Opens `url` in a fresh context sized for `viewport` (default desktop). */
  openPage(url: string, options?: { viewport?: ViewportName }): Promise<Page>;
  close(): Promise<void>;
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/**
 * Launches Chromium headless. Playwright gives every launch a fresh temporary user-data-dir and deletes
 * it on close, so no profile, cache or service worker survives between runs.
 */
export async function launchBrowser(lookup: ChromiumLookup = findChromium()): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: lookup.executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  return {
    async openPage(url, options = {}) {
      const phone = options.viewport === 'phone';
      const context = await browser.newContext({
        viewport: VIEWPORTS[options.viewport ?? 'desktop'],
        // No `isMobile`: with it Chromium lays a non-responsive page (the Playground is ~800 px wide) out at
        // that width and zooms, which no phone shows; a 390 px viewport with touch shows what fits.
        ...(phone ? { hasTouch: true, deviceScaleFactor: 2 } : {}),
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      // Tests run offline: anything that is not loopback (the Playground fetches fonts from a CDN) fails
      // at once instead of waiting on DNS, and no test can depend on the internet by accident.
      await context.route(
        (requestUrl) => !isLoopback(requestUrl),
        (route) => route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Saves a full-viewport screenshot as `test-results/<name>.png` and returns its path. Anything showing six
 * digits in a row (a block of a recovery password, even the demo tenant's) is painted over: screenshots
 * are test output like any other and never carry a key.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, mask: [page.getByText(/\d{6}/)], maskColor: '#444' });
  return path;
}
