import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
  jwtVerify,
  SignJWT,
} from 'jose';

/** The public half of a signing key as Entra publishes it at `/discovery/v2.0/keys`. */
export interface PublishedKey extends JWK {
  readonly kid: string;
  readonly use: 'sig';
  readonly issuer: string;
}

/** The tenant's RS256 signing key: signs every token, publishes the JWKS, verifies its own tokens. */
export interface TokenSigner {
  readonly kid: string;
  readonly keys: readonly PublishedKey[];
  /** Signs `claims` exactly as given (no defaults added), with `kid` in the header. */
  sign(claims: Record<string, unknown>, options?: { kid?: string }): Promise<string>;
  /** Verifies signature, `kid` and the standard time claims; throws jose's errors. */
  verify(token: string, options: JWTVerifyOptions): Promise<JWTPayload>;
}

/**
 * A fresh RSA key per tenant start: tokens from an earlier run stop validating, as they would after a key
 * roll-over. The `kid` is the JWK thumbprint shortened to Entra's 27-character look.
 */
export async function createTokenSigner(issuer: string): Promise<TokenSigner> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const jwk = await exportJWK(publicKey);
  const kid = (await calculateJwkThumbprint(jwk)).slice(0, 27);
  const published: PublishedKey = { kty: jwk.kty, use: 'sig', kid, n: jwk.n, e: jwk.e, issuer };
  const keySet = createLocalJWKSet({ keys: [published] });
  return {
    kid,
    keys: [published],
    sign: (claims, options) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options?.kid ?? kid })
        .sign(privateKey),
    verify: async (token, options) =>
      (await jwtVerify(token, keySet, { algorithms: ['RS256'], ...options })).payload,
  };
}
