import type { Logger } from '../observability/logger.js';
import { createMsalClient, type EntraAppSettings } from './msal-client.js';

/** Returns an app-only access token, fresh or from MSAL's cache. */
export type AppTokenProvider = () => Promise<string>;

export interface AppTokenProviderOptions {
  readonly entra: EntraAppSettings;
  /** Default `https://graph.microsoft.com/.default` (the app roles granted for Graph). */
  readonly scope?: string;
  readonly logger: Logger;
}

/**
 * App-only tokens by client credentials (KEY_ACCESS=application, mail, Intune). MSAL keeps the token in
 * its in-memory cache and asks Entra again only when it is about to expire, so callers just call it.
 */
export function createAppTokenProvider(options: AppTokenProviderOptions): AppTokenProvider {
  const msal = createMsalClient(options.entra, options.logger);
  const scopes = [options.scope ?? 'https://graph.microsoft.com/.default'];
  return async () => {
    const result = await msal.acquireTokenByClientCredential({ scopes });
    if (!result?.accessToken) throw new Error(`Entra returned no app-only token for ${scopes[0]}`);
    return result.accessToken;
  };
}
