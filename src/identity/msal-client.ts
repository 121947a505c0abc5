import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { Logger } from '../observability/logger.js';

/** The bot's Entra app registration and where to sign in (AAD_APP_* settings). */
export interface EntraAppSettings {
  /** `https://login.microsoftonline.com` or a national cloud's login host; the demo tenant's HTTPS origin. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Login hosts MSAL already knows through Microsoft's instance discovery (msal-common's own list). Any
 * other host must be named in `knownAuthorities`, or MSAL calls Microsoft's discovery about it and fails.
 */
const MICROSOFT_LOGIN_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
]);

/** `${authorityHost}/${tenantId}`: a tenant-specific authority, so only this tenant's accounts sign in. */
export function authorityOf(settings: EntraAppSettings): string {
  return `${settings.authorityHost.replace(/\/+$/, '')}/${settings.tenantId}`;
}

/** Whether MSAL needs the host as a known authority (it is not a Microsoft cloud login host). */
export function needsKnownAuthority(authorityHost: string): boolean {
  return !MICROSOFT_LOGIN_HOSTS.has(new URL(authorityHost).hostname.toLowerCase());
}

/**
 * A confidential client for the bot's app registration. One per purpose and process: MSAL caches the
 * authority's metadata and app-only tokens in it. MSAL's own log lines go to `logger` without PII.
 */
export function createMsalClient(settings: EntraAppSettings, logger: Logger): ConfidentialClientApplication {
  const log = logger.child({ component: 'msal' });
  const host = new URL(settings.authorityHost).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority: authorityOf(settings),
      knownAuthorities: needsKnownAuthority(settings.authorityHost) ? [host] : [],
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          if (level === LogLevel.Error) log.error(message);
          else if (level === LogLevel.Warning) log.warn(message);
          else log.debug(message);
        },
      },
    },
  });
}
