import { randomUUID } from 'node:crypto';
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { completeDemoSignIn } from '../../src/demo-tenant/complete-demo-sign-in.js';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';

const REDIRECT_URI = 'http://localhost:3978/auth/callback';
/** What the bot asks for in delegated mode; the demo Entra, like Entra, puts every consented permission in `scp`. */
const DELEGATED_SCOPES = [
  'https://graph.microsoft.com/BitlockerKey.Read.All',
  'https://graph.microsoft.com/Device.Read.All',
];

function msalClient(tenant: DemoTenant): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: tenant.botApp.clientId,
      clientSecret: tenant.botApp.clientSecret,
      authority: tenant.authority,
      knownAuthorities: [new URL(tenant.authorityHost).host],
    },
  });
}

/** A delegated Graph access token for a demo person, through MSAL's code flow and the demo sign-in pages. */
export async function signInForGraph(tenant: DemoTenant, userId: string): Promise<string> {
  const client = msalClient(tenant);
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const nonce = randomUUID();
  const authorizeUrl = await client.getAuthCodeUrl({
    scopes: DELEGATED_SCOPES,
    redirectUri: REDIRECT_URI,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state,
    nonce,
    prompt: 'login',
  });
  const outcome = await completeDemoSignIn(authorizeUrl, { userId });
  const code = outcome.redirectUrl.searchParams.get('code');
  if (!code) throw new Error(`demo sign-in gave no code: ${outcome.redirectUrl.searchParams.get('error')}`);
  const result = await client.acquireTokenByCode(
    { code, scopes: DELEGATED_SCOPES, redirectUri: REDIRECT_URI, codeVerifier: verifier, state },
    { code, state, nonce },
  );
  return result.accessToken;
}

/** App-only Graph tokens by client credentials; MSAL caches them, as the bot's provider will. */
export function appTokenProvider(tenant: DemoTenant): () => Promise<string> {
  const client = msalClient(tenant);
  return async () => {
    const result = await client.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    if (!result) throw new Error('no app token');
    return result.accessToken;
  };
}
