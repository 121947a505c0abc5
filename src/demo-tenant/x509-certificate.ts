import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isIPv4 } from 'node:net';

/**
 * What to put in one X.509 v3 certificate. Node can parse certificates but not create them, and the
 * `selfsigned` package is async-only; a small DER writer keeps `ensureDemoCertificates` synchronous
 * (vitest's globalSetup and `npm start` both want the files before anything else runs).
 */
export interface CertificateRequest {
  readonly subjectCommonName: string;
  readonly subjectPublicKey: KeyObject;
  /** The issuer's EC P-256 private key (the subject's own key for a self-signed CA). */
  readonly issuerPrivateKey: KeyObject;
  /** The issuer's common name; equal to the subject's for a self-signed certificate. */
  readonly issuerCommonName: string;
  readonly issuerPublicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly kind: 'ca' | 'server';
  /** DNS names and IP addresses (server certificates). */
  readonly altNames?: readonly string[];
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  nameConstraints: '2.5.29.30',
} as const;

const ORGANIZATION = 'BitLocker Recovery Bot demo tenant';

/** Issues a certificate signed with ECDSA P-256/SHA-256 and returns it as PEM. */
export function issueCertificate(request: CertificateRequest): string {
  const signatureAlgorithm = sequence(oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  // Positive and non-zero, as RFC 5280 asks.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    signatureAlgorithm,
    distinguishedName(request.issuerCommonName),
    sequence(time(request.notBefore), time(request.notAfter)),
    distinguishedName(request.subjectCommonName),
    request.subjectPublicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, sequence(...extensions(request))),
  );
  const signature = sign('sha256', tbs, request.issuerPrivateKey);
  const der = sequence(tbs, signatureAlgorithm, bitString(signature));
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

function extensions(request: CertificateRequest): Buffer[] {
  const subjectKeyId = keyIdentifier(request.subjectPublicKey);
  const common = [
    extension(OID.subjectKeyIdentifier, false, octetString(subjectKeyId)),
    extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyIdentifier(request.issuerPublicKey)))),
  ];
  if (request.kind === 'ca') {
    return [
      extension(
        OID.basicConstraints,
        true,
        sequence(tlv(0x01, Buffer.from([0xff])), integer(Buffer.from([0]))),
      ),
      // digitalSignature + keyCertSign + cRLSign.
      extension(OID.keyUsage, true, tlv(0x03, Buffer.from([0x01, 0x86]))),
      // Even if someone adds this CA to a system trust store, it can only vouch for loopback names.
      extension(
        OID.nameConstraints,
        true,
        sequence(
          tlv(
            0xa0,
            Buffer.concat([
              sequence(tlv(0x82, Buffer.from('localhost', 'ascii'))),
              sequence(tlv(0x87, Buffer.from([127, 0, 0, 0, 255, 0, 0, 0]))),
              sequence(tlv(0x87, Buffer.concat([ipv6Loopback(), Buffer.alloc(16, 0xff)]))),
            ]),
          ),
        ),
      ),
      ...common,
    ];
  }
  const altNames = (request.altNames ?? []).map((name) =>
    isIPv4(name)
      ? tlv(0x87, Buffer.from(name.split('.').map(Number)))
      : name === '::1'
        ? tlv(0x87, ipv6Loopback())
        : tlv(0x82, Buffer.from(name, 'ascii')),
  );
  return [
    extension(OID.basicConstraints, true, sequence()),
    // digitalSignature only: ECDHE key exchange signs, it never encrypts to the certificate key.
    extension(OID.keyUsage, true, tlv(0x03, Buffer.from([0x07, 0x80]))),
    extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))),
    extension(OID.subjectAltName, false, sequence(...altNames)),
    ...common,
  ];
}

function ipv6Loopback(): Buffer {
  const bytes = Buffer.alloc(16);
  bytes[15] = 1;
  return bytes;
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(spki).digest();
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? sequence(oid(id), tlv(0x01, Buffer.from([0xff])), octetString(value))
    : sequence(oid(id), octetString(value));
}

function distinguishedName(commonName: string): Buffer {
  return sequence(
    set(sequence(oid(OID.organization), tlv(0x0c, Buffer.from(ORGANIZATION, 'utf8')))),
    set(sequence(oid(OID.commonName), tlv(0x0c, Buffer.from(commonName, 'utf8')))),
  );
}

function time(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(digits, 'ascii'));
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128))
      chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function bitString(bytes: Buffer): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}

function octetString(bytes: Buffer): Buffer {
  return tlv(0x04, bytes);
}

function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | lengthBytes.length, ...lengthBytes]), content]);
}
