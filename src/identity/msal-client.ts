import { createPrivateKey, X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  type Configuration,
  LogLevel,
  ManagedIdentityApplication,
} from '@azure/msal-node';
import type { Logger } from '../observability/logger.js';

/**
 * How the app proves itself to Entra. `secret`: a client secret (trials). `certificate`: a private key whose
 * certificate is registered on the app (MSAL signs a client assertion with it). `federated`: the token of a
 * user-assigned managed identity that the app trusts through a federated identity credential, used as the
 * client assertion: nothing long-lived to store or rotate.
 */
export type ClientCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'certificate'; readonly privateKeyPem: string; readonly certificatePem: string }
  | { readonly kind: 'federated'; readonly managedIdentityClientId: string };

/** The audience Entra expects of a managed identity's token used as a federated client assertion. */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** The bot's Entra app registration and where to sign in (AAD_APP_* settings). */
export interface EntraAppSettings {
  /** `https://login.microsoftonline.com` or a national cloud's login host; the demo tenant's HTTPS origin. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
}

/**
 * A PEM bundle (private key and certificate, as Key Vault exports a certificate with content type
 * application/x-pem-file) checked and split. Throws with a message naming what is wrong, never the key.
 */
export function certificateCredential(pem: string): ClientCredential {
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
    pem,
  )?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key) throw new Error('holds no private key (-----BEGIN PRIVATE KEY-----)');
  if (!certificate) throw new Error('holds no certificate (-----BEGIN CERTIFICATE-----)');
  let privateKey: ReturnType<typeof createPrivateKey>;
  let x509: X509Certificate;
  try {
    privateKey = createPrivateKey(key);
    x509 = new X509Certificate(certificate);
  } catch {
    throw new Error('holds a private key or certificate that cannot be read');
  }
  if (!x509.checkPrivateKey(privateKey)) throw new Error("holds a private key that is not the certificate's");
  return {
    kind: 'certificate',
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificate,
  };
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
  const system = msalSystem(log);
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      ...credentialOptions(settings.credential, system),
      authority: authorityOf(settings),
      knownAuthorities: needsKnownAuthority(settings.authorityHost) ? [host] : [],
    },
    system,
  });
}

function credentialOptions(
  credential: ClientCredential,
  system: NonNullable<Configuration['system']>,
): Pick<Configuration['auth'], 'clientSecret' | 'clientCertificate' | 'clientAssertion'> {
  switch (credential.kind) {
    case 'secret':
      return { clientSecret: credential.secret };
    case 'certificate': {
      const certificate = new X509Certificate(credential.certificatePem);
      return {
        clientCertificate: {
          thumbprintSha256: certificate.fingerprint256.replaceAll(':', ''),
          privateKey: credential.privateKeyPem,
          // The certificate rides along (x5c), so subject name + issuer trust works as well as a thumbprint.
          x5c: credential.certificatePem,
        },
      };
    }
    case 'federated': {
      const identity = managedIdentityToken(credential.managedIdentityClientId, system);
      return { clientAssertion: () => identity(TOKEN_EXCHANGE_AUDIENCE) };
    }
  }
}

/**
 * A user-assigned managed identity's token for `resource`, from the platform's endpoint (App Service:
 * IDENTITY_ENDPOINT and IDENTITY_HEADER). MSAL caches it until shortly before it expires.
 */
export function managedIdentityToken(
  clientId: string,
  system: NonNullable<Configuration['system']>,
): (resource: string) => Promise<string> {
  const identity = new ManagedIdentityApplication({
    managedIdentityIdParams: { userAssignedClientId: clientId },
    system: { loggerOptions: system.loggerOptions },
  });
  return async (resource) => (await identity.acquireToken({ resource })).accessToken;
}

/** MSAL's own log lines go to `log`, warnings and errors only, never with PII. */
export function msalSystem(log: Logger): NonNullable<Configuration['system']> {
  return {
    loggerOptions: {
      piiLoggingEnabled: false,
      logLevel: LogLevel.Warning,
      loggerCallback: (level, message) => {
        if (level === LogLevel.Error) log.error(message);
        // MSAL warns of this for every app-only token, which never carries client_info: not a problem.
        else if (level === LogLevel.Warning && !message.includes('No client info in response'))
          log.warn(message);
        else log.debug(message);
      },
    },
  };
}
