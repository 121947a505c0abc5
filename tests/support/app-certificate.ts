import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { issueCertificate } from '../../src/demo-tenant/x509-certificate.js';

/** An app registration's certificate as an admin makes one: an RSA key (MSAL signs RS256/PS256) and its certificate. */
export interface AppCertificate {
  /** Private key and certificate in one PEM, as Key Vault exports a certificate (application/x-pem-file). */
  readonly pem: string;
  readonly certificatePem: string;
  /** SHA-256 thumbprint, uppercase hex, as Entra shows it. */
  readonly thumbprintSha256: string;
}

export function anAppCertificate(commonName = 'BitLocker Recovery sign-in'): AppCertificate {
  const subject = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const certificatePem = issueCertificate({
    subjectCommonName: commonName,
    subjectPublicKey: subject.publicKey,
    issuerCommonName: `${commonName} issuer`,
    issuerPrivateKey: issuer.privateKey,
    issuerPublicKey: issuer.publicKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 24 * 3_600_000),
    kind: 'server',
    altNames: ['sign-in.contoso.example'],
  });
  const key = subject.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    pem: `${key}${certificatePem}`,
    certificatePem,
    thumbprintSha256: new X509Certificate(certificatePem).fingerprint256.replaceAll(':', ''),
  };
}
