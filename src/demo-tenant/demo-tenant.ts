import { randomBytes } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { ensureDemoCertificates } from './certificates.js';
import type { DemoDirectory } from './demo-directory.js';
import { type IssuedToken, redirectUriPolicy } from './entra-context.js';
import { createEntraHandler } from './entra-server.js';
import { FaultKnobs } from './fault-knobs.js';
import { createGraphHandler } from './graph-server.js';
import { type LoopbackServer, type RequestHandler, startLoopbackServer } from './loopback-server.js';
import { RequestRecorder } from './request-recorder.js';
import { createSampleDirectory } from './sample-data.js';
import { DEMO_BOT_APP_ID, DEMO_MANAGED_IDENTITY } from './sample-people.js';
import { createSignInPagesHandler } from './sign-in-pages.js';
import { TokenMinter } from './token-minter.js';
import { createTokenSigner } from './token-signer.js';

export type { FaultKnobs } from './fault-knobs.js';

/** How to start the demo tenant. Ports default to 0 (ephemeral), so parallel test files never collide. */
export interface DemoTenantOptions {
  logger: Logger;
  /** Where the CA and server certificate live (created if missing), e.g. '.data/demo-tenant'. */
  certDir: string;
  /** Default '127.0.0.1'. */
  host?: string;
  /** HTTPS: discovery, JWKS, token endpoint. */
  entraPort?: number;
  /** Plain HTTP: the browser-facing sign-in pages. */
  signInPort?: number;
  /** HTTPS: Microsoft Graph. */
  graphPort?: number;
  /** Allowed redirect URIs for the bot app; default: any http(s) localhost/127.0.0.1 URI. */
  redirectUris?: string[];
  /** Clock for tokens, codes, audit entries and sample dates; default the system clock. */
  now?: () => Date;
  /** Seed for the sample data's ids and recovery passwords; default the documented sample tenant. */
  seed?: number;
}

/** The audience of a managed identity's token used as a federated client assertion (as Entra names it). */
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** A running demo tenant: endpoints for the bot's configuration plus the live data and fault knobs. */
export interface DemoTenant {
  /** DEMO_TENANT_ID */
  readonly tenantId: string;
  /** 'https://127.0.0.1:<port>' (AAD_APP_OAUTH_AUTHORITY_HOST). */
  readonly authorityHost: string;
  /** `${authorityHost}/${tenantId}` */
  readonly authority: string;
  /** 'https://127.0.0.1:<port>' origin, no /v1.0 (GRAPH_ENDPOINT). */
  readonly graphEndpoint: string;
  /** 'http://127.0.0.1:<port>': where /authorize lives. */
  readonly signInOrigin: string;
  /** DEMO_BOT_APP_ID and a secret generated for this run. */
  readonly botApp: { clientId: string; clientSecret: string };
  /** Every token the demo Entra issued, with how the client authenticated (secret, certificate, federated). */
  readonly tokensIssued: readonly IssuedToken[];
  /**
   * The managed identity the bot app trusts (federated credential), and App Service's identity endpoint
   * serving its tokens: IDENTITY_ENDPOINT and IDENTITY_HEADER for MSAL's managed identity client.
   */
  readonly managedIdentity: {
    readonly clientId: string;
    readonly principalId: string;
    readonly endpoint: string;
    readonly header: string;
  };
  /** PEM file of the local CA (for NODE_EXTRA_CA_CERTS). */
  readonly caPath: string;
  /** The live, stateful data (people, devices, keys, groups, mail, audit). */
  readonly data: DemoDirectory;
  readonly faults: FaultKnobs;
  /** The last requests the Graph server received, so tests can check what a client really sent. */
  readonly graphRequests: RequestRecorder;
  /** Signs an arbitrary token with the tenant's key (tests use it to forge expired/wrong-aud tokens). */
  signToken(claims: Record<string, unknown>, options?: { kid?: string }): Promise<string>;
  /** `${authority}/discovery/v2.0/keys` */
  readonly jwksUri: string;
  stop(): Promise<void>;
}

/**
 * Starts the demo Entra ID (HTTPS + plain-HTTP sign-in pages) and the demo Graph (HTTPS) on loopback, with
 * the sample data. Every call is an independent tenant with its own keys, state and ports.
 */
export async function startDemoTenant(options: DemoTenantOptions): Promise<DemoTenant> {
  const logger = options.logger.child({ component: 'demo-tenant' });
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const certificates = ensureDemoCertificates(options.certDir);
  const tls = { key: certificates.keyPem, cert: certificates.certPem };
  const clientSecret = `demo~${randomBytes(27).toString('base64url')}`;
  const directory = createSampleDirectory({
    now: now(),
    botAppSecrets: [clientSecret],
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const faults = new FaultKnobs(() => now().getTime());
  const graphRequests = new RequestRecorder();

  // Handlers need every origin (discovery names all three), so servers listen first and get handlers after.
  const handlers: { entra?: RequestHandler; signIn?: RequestHandler; graph?: RequestHandler } = {};
  const late =
    (name: keyof typeof handlers): RequestHandler =>
    async (request, response) => {
      const handler = handlers[name];
      if (handler) return handler(request, response);
      response.writeHead(503);
      response.end();
    };
  const servers: LoopbackServer[] = [];
  try {
    const entra = await startLoopbackServer({
      host,
      port: options.entraPort ?? 0,
      tls,
      handler: late('entra'),
      logger,
    });
    servers.push(entra);
    const signIn = await startLoopbackServer({
      host,
      port: options.signInPort ?? 0,
      handler: late('signIn'),
      logger,
    });
    servers.push(signIn);
    const graph = await startLoopbackServer({
      host,
      port: options.graphPort ?? 0,
      tls,
      handler: late('graph'),
      logger,
    });
    servers.push(graph);

    const authority = `${entra.origin}/${directory.tenantId}`;
    const issuer = `${authority}/v2.0`;
    const managedIdentityHeader = randomBytes(24).toString('base64url');
    const tokensIssued: IssuedToken[] = [];
    directory.managedIdentities.set(DEMO_MANAGED_IDENTITY.clientId, { ...DEMO_MANAGED_IDENTITY });
    directory.apps.get(DEMO_BOT_APP_ID)?.federatedCredentials.push({
      issuer,
      subject: DEMO_MANAGED_IDENTITY.principalId,
      audience: TOKEN_EXCHANGE_AUDIENCE,
    });
    const signer = await createTokenSigner(issuer);
    const minter = new TokenMinter(signer, issuer, directory.tenantId, now);
    const entraContext = {
      directory,
      signer,
      minter,
      codes: new AuthorizationCodes(now),
      faults,
      logger,
      now,
      authorityHost: entra.origin,
      signInOrigin: signIn.origin,
      graphEndpoint: graph.origin,
      issuer,
      managedIdentityHeader,
      tokensIssued,
      isAllowedRedirectUri: redirectUriPolicy(options.redirectUris),
    };
    handlers.entra = createEntraHandler(entraContext);
    handlers.signIn = createSignInPagesHandler(entraContext);
    handlers.graph = createGraphHandler({
      directory,
      graphEndpoint: graph.origin,
      now,
      logger,
      signer,
      issuer,
      faults,
      recorder: graphRequests,
    });

    logger.info(
      { authorityHost: entra.origin, signInOrigin: signIn.origin, graphEndpoint: graph.origin },
      'demo tenant started',
    );
    let stopped = false;
    return {
      tenantId: directory.tenantId,
      authorityHost: entra.origin,
      authority,
      graphEndpoint: graph.origin,
      signInOrigin: signIn.origin,
      botApp: { clientId: DEMO_BOT_APP_ID, clientSecret },
      tokensIssued,
      managedIdentity: {
        clientId: DEMO_MANAGED_IDENTITY.clientId,
        principalId: DEMO_MANAGED_IDENTITY.principalId,
        endpoint: `${entra.origin}/msi/token`,
        header: managedIdentityHeader,
      },
      caPath: certificates.caPath,
      data: directory,
      faults,
      graphRequests,
      signToken: (claims, signOptions) => signer.sign(claims, signOptions),
      jwksUri: `${authority}/discovery/v2.0/keys`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await Promise.all(servers.map((server) => server.close()));
        logger.info('demo tenant stopped');
      },
    };
  } catch (error) {
    await Promise.allSettled(servers.map((server) => server.close()));
    throw error;
  }
}
