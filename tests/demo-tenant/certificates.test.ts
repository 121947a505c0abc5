import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureDemoCertificates } from '../../src/demo-tenant/certificates.js';

const scratch = mkdtempSync(join(tmpdir(), 'demo-certs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ensureDemoCertificates', () => {
  it('issues a CA and a loopback server certificate signed by it, and reuses them on the next call', () => {
    const first = ensureDemoCertificates(scratch);
    const ca = new X509Certificate(first.caPem);
    const server = new X509Certificate(first.certPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(readFileSync(first.caPath, 'utf8')).toBe(first.caPem);
    expect(first.caPem).not.toContain('PRIVATE KEY');
    expect(ensureDemoCertificates(scratch)).toEqual(first);
  });

  it('is trusted by plain fetch in this forked test process through NODE_EXTRA_CA_CERTS from global setup', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeTruthy();
    const certs = ensureDemoCertificates(inject('demoTenantCertDir'));
    const server = createServer({ key: certs.keyPem, cert: certs.certPem }, (_req, res) =>
      res.end('trusted'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`https://127.0.0.1:${port}/`);
      expect(await response.text()).toBe('trusted');
      const untrusted = ensureDemoCertificates(scratch);
      const stranger = createServer({ key: untrusted.keyPem, cert: untrusted.certPem }, (_req, res) =>
        res.end('x'),
      );
      await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
      try {
        const strangerPort = (stranger.address() as AddressInfo).port;
        await expect(fetch(`https://127.0.0.1:${strangerPort}/`)).rejects.toThrow();
      } finally {
        stranger.closeAllConnections();
        stranger.close();
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
