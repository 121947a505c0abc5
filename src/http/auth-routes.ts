import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, Response } from 'restify';
import { CATALOGUE, type Messages } from '../cards/messages.js';
import type {
  FailedStepUp,
  MismatchedStepUp,
  StepUp,
  StepUpFailure,
  VerifiedStepUp,
} from '../identity/step-up.js';
import type { Logger } from '../observability/logger.js';
import { DEFAULT_LANGUAGE, type Language, languageOfLocale } from '../understanding/languages.js';
import { escapeHtml } from './escape-html.js';

export interface AuthRoutesDependencies {
  readonly stepUp: Pick<StepUp, 'authorizeUrl' | 'complete'>;
  /**
   * The requester proved who they are: continue the conversation (proactively). The page waits for it at
   * most `pageBudgetMs`; the work must be durable on its own (the bot schedules a watchdog first).
   */
  readonly onVerified: (result: VerifiedStepUp) => Promise<void>;
  /** Someone else signed in, or the sign-in failed: audit it and, when the request is known, tell the requester. */
  readonly onRejected: (result: MismatchedStepUp | FailedStepUp) => Promise<void>;
  readonly logger: Logger;
  /** How long the page waits for the release before answering anyway; default VERIFIED_PAGE_BUDGET_MS. */
  readonly pageBudgetMs?: number;
}

/** The person's browser gets its page within this, whatever Graph does (product: under 1 s). */
export const VERIFIED_PAGE_BUDGET_MS = 700;

/** restify handlers for `GET /auth/start` and `GET /auth/callback` (register them at STEP_UP_PATHS). */
export interface AuthRoutes {
  readonly start: (req: Request, res: Response) => Promise<void>;
  readonly callback: (req: Request, res: Response) => Promise<void>;
}

/** What the person's browser is shown. Nothing from the query string ever reaches the page. */
type Page =
  | { readonly kind: 'verified' }
  | { readonly kind: 'mismatch'; readonly signedInName: string }
  | { readonly kind: 'failed'; readonly reason: StepUpFailure }
  | { readonly kind: 'linkExpired' }
  | { readonly kind: 'trouble' };

const STYLE =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f5f5;color:#242424}' +
  'main{max-width:28rem;margin:12vh auto 0;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}' +
  'h1{font-size:1.4rem;margin:0 0 .75rem}p{font-size:1.05rem;line-height:1.5;margin:.5rem 0}.small{color:#616161;font-size:.9rem}';

/**
 * The step-up routes. `/auth/start` redirects to Entra's sign-in (or explains that the link expired);
 * `/auth/callback` finishes the sign-in, hands the result to the bot and tells the person to go back to
 * Teams. Pages are not cached, send no referrer (the callback URL holds the authorization code) and allow
 * no script.
 */
export function authRoutes(deps: AuthRoutesDependencies): AuthRoutes {
  const log = deps.logger.child({ component: 'auth-routes' });
  return {
    async start(req, res) {
      const s = queryOf(req).getAll('s');
      let target: string | undefined;
      try {
        target = s.length === 1 && s[0] ? await deps.stepUp.authorizeUrl(s[0]) : undefined;
      } catch (error) {
        log.error({ err: error }, 'step-up start failed');
        return sendPage(req, res, 500, { kind: 'trouble' });
      }
      if (target === undefined) return sendPage(req, res, 410, { kind: 'linkExpired' });
      res.writeHead(302, { location: target, ...PRIVATE_HEADERS });
      res.end();
    },

    async callback(req, res) {
      try {
        const result = await deps.stepUp.complete(queryOf(req));
        if (result.kind === 'verified') {
          // The page answers within VERIFIED_PAGE_BUDGET_MS even when Graph is slow: the release goes on
          // (durably watched) and its result arrives in Teams.
          const work = deps.onVerified(result);
          const done = await Promise.race([
            work.then(() => true),
            sleep(deps.pageBudgetMs ?? VERIFIED_PAGE_BUDGET_MS).then(() => false),
          ]);
          if (!done) {
            log.info('release still running after the sign-in page was answered');
            work.catch((error: unknown) => log.error({ err: error }, 'release after the sign-in failed'));
          }
          return sendPage(req, res, 200, { kind: 'verified' });
        }
        await deps.onRejected(result);
        if (result.kind === 'mismatch') {
          return sendPage(req, res, 403, { kind: 'mismatch', signedInName: result.signedIn.displayName });
        }
        return sendPage(req, res, 400, { kind: 'failed', reason: result.reason });
      } catch (error) {
        log.error({ err: error }, 'step-up callback failed');
        return sendPage(req, res, 500, { kind: 'trouble' });
      }
    },
  };
}

/** Parsed from the raw URL: the server registers no query parser, and repeated keys must stay visible. */
function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

function sendPage(req: Request, res: Response, status: number, page: Page): void {
  const language = browserLanguage(req.headers['accept-language']);
  const words = CATALOGUE[language];
  const { title, paragraphs } = pageText(page, words);
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>` +
    paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('') +
    `<p class="small">${escapeHtml(words.signInPage.closeThisPage)}</p></main></body></html>`;
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    ...PRIVATE_HEADERS,
  });
  res.end(html);
}

/** The page's heading and paragraphs, as plain text (escaped when written). */
function pageText(page: Page, words: Messages): { title: string; paragraphs: readonly string[] } {
  const m = words.signInPage;
  const goBack = m.goBack(words.verifyButton);
  switch (page.kind) {
    case 'verified':
      // Honest whatever happens next: the key, a question for more digits, or IT taking over.
      return { title: m.verified.title, paragraphs: [m.verified.body] };
    case 'mismatch':
      return {
        title: m.mismatch.title,
        paragraphs: [m.mismatch.body(page.signedInName), goBack, m.mismatch.ownAccount],
      };
    case 'failed':
      return { title: m.failures[page.reason].title, paragraphs: [m.failures[page.reason].body, goBack] };
    case 'linkExpired':
      return { title: m.failures.stateExpired.title, paragraphs: [m.failures.stateExpired.body, goBack] };
    case 'trouble':
      return { title: m.trouble.title, paragraphs: [m.trouble.body, goBack] };
  }
}

/**
 * The first of the browser's languages (`Accept-Language`, in its order of preference) that the bot
 * speaks; English otherwise. The sign-in tab is the person's own browser, so its language is theirs.
 */
export function browserLanguage(header: string | string[] | undefined): Language {
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  const weighted = ranges
    .map((range, index) => {
      const [tag = '', ...parameters] = range.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: languageOfLocale(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.language !== undefined && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return weighted[0]?.language ?? DEFAULT_LANGUAGE;
}
