import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { issueCertificate } from './x509-certificate.js';

/** The demo tenant's TLS material: a local CA (trusted through NODE_EXTRA_CA_CERTS) and a loopback server cert. */
export interface DemoCertificates {
  /** PEM file holding only the CA certificate; point NODE_EXTRA_CA_CERTS at it. */
  readonly caPath: string;
  readonly caPem: string;
  /** Server certificate for 127.0.0.1, ::1 and localhost, signed by the CA. */
  readonly certPem: string;
  readonly keyPem: string;
}

interface PemPair {
  readonly certPem: string;
  readonly keyPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_LIFETIME_DAYS = 3650;
const SERVER_LIFETIME_DAYS = 397;
/** Renew before expiry so a long-running demo never meets an expired certificate mid-session. */
const RENEW_MARGIN_DAYS = 30;
const LOOPBACK_NAMES = ['127.0.0.1', '::1', 'localhost'] as const;

/**
 * Creates (or reuses) the CA and server certificate under `dir`. Safe to call from several processes at
 * once (vitest workers): the CA is published with an exclusive hard link, so every process ends up
 * trusting the same CA, and any server certificate one of them writes is signed by that CA.
 */
export function ensureDemoCertificates(dir: string): DemoCertificates {
  mkdirSync(dir, { recursive: true });
  const ca = ensureCa(dir);
  const caPath = join(dir, 'ca.pem');
  if (!existsSync(caPath) || readFileSync(caPath, 'utf8') !== ca.certPem) writeAtomically(caPath, ca.certPem);
  const server = ensureServerCertificate(dir, ca);
  return { caPath, caPem: ca.certPem, certPem: server.certPem, keyPem: server.keyPem };
}

function ensureCa(dir: string): PemPair {
  const bundlePath = join(dir, 'ca-bundle.json');
  const existing = readPair(bundlePath);
  if (existing && remainingDays(existing.certPem) > RENEW_MARGIN_DAYS) return existing;
  const fresh = createCa();
  const tempPath = `${bundlePath}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tempPath, JSON.stringify(fresh), { mode: 0o600 });
  try {
    // An expired or unreadable bundle is replaced; only a missing one is raced for.
    if (existsSync(bundlePath)) {
      renameSync(tempPath, bundlePath);
      return fresh;
    }
    linkSync(tempPath, bundlePath);
    return fresh;
  } catch (error) {
    // EEXIST: another process published its CA first; use theirs so all processes agree.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readPair(bundlePath) ?? fresh;
  } finally {
    if (existsSync(tempPath)) unlinkSync(tempPath);
  }
}

function ensureServerCertificate(dir: string, ca: PemPair): PemPair {
  const path = join(dir, 'server-bundle.json');
  const existing = readPair(path);
  if (existing && isUsableServerCertificate(existing.certPem, ca.certPem)) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caCert = new X509Certificate(ca.certPem);
  const now = Date.now();
  const certPem = issueCertificate({
    kind: 'server',
    subjectCommonName: '127.0.0.1',
    subjectPublicKey: publicKey,
    issuerCommonName: 'Demo tenant local CA',
    issuerPrivateKey: createPrivateKey(ca.keyPem),
    issuerPublicKey: caCert.publicKey,
    // Backdated a little so a slightly skewed clock in a container does not reject a fresh cert.
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + SERVER_LIFETIME_DAYS * DAY_MS),
    altNames: LOOPBACK_NAMES,
  });
  const pair = { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  writeAtomically(path, JSON.stringify(pair));
  return pair;
}

function createCa(): PemPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const certPem = issueCertificate({
    kind: 'ca',
    subjectCommonName: 'Demo tenant local CA',
    subjectPublicKey: publicKey,
    issuerCommonName: 'Demo tenant local CA',
    issuerPrivateKey: privateKey,
    issuerPublicKey: publicKey,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + CA_LIFETIME_DAYS * DAY_MS),
  });
  return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function isUsableServerCertificate(certPem: string, caPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const caCert = new X509Certificate(caPem);
    return (
      cert.verify(caCert.publicKey) &&
      cert.checkIP('127.0.0.1') !== undefined &&
      remainingDays(certPem) > RENEW_MARGIN_DAYS
    );
  } catch {
    // A truncated or hand-edited file: treat as absent and issue a new one.
    return false;
  }
}

function remainingDays(certPem: string): number {
  return (new Date(new X509Certificate(certPem).validTo).getTime() - Date.now()) / DAY_MS;
}

function readPair(path: string): PemPair | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PemPair>;
    if (typeof parsed.certPem !== 'string' || typeof parsed.keyPem !== 'string') return undefined;
    new X509Certificate(parsed.certPem);
    return { certPem: parsed.certPem, keyPem: parsed.keyPem };
  } catch {
    // Unparseable bundle (interrupted write from an older version): regenerate.
    return undefined;
  }
}

function writeAtomically(path: string, content: string): void {
  const tempPath = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tempPath, content, { mode: 0o600 });
  renameSync(tempPath, path);
}
