import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { ensureDemoCertificates } from '../../src/demo-tenant/certificates.js';

/**
 * A stand-in for the Bot Framework channel's token service: OpenID metadata and a JWKS over HTTPS, and
 * tokens signed the way the channel signs them (RS256, `kid`, `serviceurl` claim). The bot validates them
 * with botbuilder's real code through `ToBotFromChannelOpenIdMetadataUrl` / `ToBotFromChannelTokenIssuer`.
 */
export interface ChannelIssuer {
  readonly issuer: string;
  readonly openIdMetadataUrl: string;
  /** A token the channel would send: `aud` = bot app id, `serviceurl` = where replies go. */
  channelToken(options: ChannelTokenOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface ChannelTokenOptions {
  readonly audience: string;
  readonly serviceUrl: string;
  readonly issuer?: string;
  /** Seconds relative to now. */
  readonly expiresIn?: number;
  readonly notBefore?: number;
  /** Sign with a key the JWKS does not publish, under the published `kid` (a forged signature). */
  readonly forgeSignature?: boolean;
  readonly kid?: string;
}

const KID = 'channel-signing-key';

export async function startChannelIssuer(certDir = '.data/demo-tenant'): Promise<ChannelIssuer> {
  const signing = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(signing.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  const { certPem, keyPem } = ensureDemoCertificates(certDir);

  let origin = '';
  const server: Server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: `${origin}/`,
          authorization_endpoint: `${origin}/authorize`,
          jwks_uri: `${origin}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/`;

  return {
    issuer,
    openIdMetadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    async channelToken(options) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload & { serviceurl: string } = { serviceurl: options.serviceUrl };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID, typ: 'JWT' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience)
        .setIssuedAt(now + Math.min(0, options.notBefore ?? 0))
        .setNotBefore(now + (options.notBefore ?? -60))
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(options.forgeSignature ? rogue.privateKey : signing.privateKey);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
