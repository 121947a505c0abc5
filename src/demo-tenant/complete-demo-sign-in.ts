/** How a scripted person answers the demo sign-in pages. */
export interface DemoSignInChoices {
  /** Object id of the demo person to sign in as (the `<button name="user" value="…">`). */
  readonly userId: string;
  /** Default 'approve'. */
  readonly mfa?: 'approve' | 'deny';
  /** A session cookie from an earlier sign-in (`name=value`), to exercise single sign-on. */
  readonly cookie?: string;
}

/** Where the pages sent the browser in the end, plus the session cookie they set. */
export interface DemoSignInOutcome {
  /** The redirect URI with `code` and `state` (or `error`, `error_description`). */
  readonly redirectUrl: URL;
  /** Which steps were shown: both for a fresh sign-in, fewer when a session was reused. */
  readonly steps: readonly ('person' | 'mfa')[];
  readonly cookie: string | undefined;
}

const MAX_STEPS = 6;

/**
 * Follows the demo tenant's sign-in pages with plain HTTP requests, the way a person clicks through them:
 * pick the person, approve the MFA number match, land on the redirect URI. Tests, benchmarks and scripted
 * demos use it; it only reads the pages' stable form names and ids.
 */
export async function completeDemoSignIn(
  authorizeUrl: string,
  choices: DemoSignInChoices,
): Promise<DemoSignInOutcome> {
  let cookie = choices.cookie;
  const steps: ('person' | 'mfa')[] = [];
  let response = await fetch(authorizeUrl, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  let pageUrl = new URL(authorizeUrl);
  for (let step = 0; step < MAX_STEPS; step += 1) {
    cookie = sessionCookie(response) ?? cookie;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const target = new URL(location, pageUrl);
      // The HTTPS authority forwards /authorize to the plain-HTTP pages; anything else is the app's redirect URI.
      if (!/\/oauth2\/v2\.0\/authorize$/.test(target.pathname)) return { redirectUrl: target, steps, cookie };
      pageUrl = target;
      response = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`demo sign-in page answered ${response.status}: ${pageText(html)}`);
    const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(html);
    const flow = /name="flow" value="([^"]+)"/.exec(html);
    if (!form?.[1] || !flow?.[1]) throw new Error(`unexpected demo sign-in page: ${pageText(html)}`);
    const body = new URLSearchParams({ flow: flow[1] });
    const challenge = /id="approve" name="approve" value="(\d+)"/.exec(html);
    if (challenge?.[1]) {
      steps.push('mfa');
      if ((choices.mfa ?? 'approve') === 'approve') body.set('approve', challenge[1]);
      else body.set('deny', 'deny');
    } else {
      steps.push('person');
      body.set('user', choices.userId);
    }
    pageUrl = new URL(decodeEntities(form[1]), pageUrl);
    response = await fetch(pageUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body,
    });
  }
  throw new Error('demo sign-in did not finish within the expected number of pages');
}

function sessionCookie(response: Response): string | undefined {
  const header = response.headers.get('set-cookie');
  const pair = header?.split(';')[0];
  return pair && !pair.endsWith('=') ? pair : undefined;
}

function pageText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
