import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureDemoCertificates } from '../../src/demo-tenant/certificates.js';

/** Where every test's demo tenant keeps its CA and server certificate. */
export const DEMO_TENANT_CERT_DIR = fileURLToPath(new URL('../../.data/demo-tenant', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** Pass as `certDir` to `startDemoTenant` in tests. */
    demoTenantCertDir: string;
  }
}

/**
 * Runs once in the main vitest process before any worker is forked. Node reads NODE_EXTRA_CA_CERTS only at
 * process start, so it must be in the environment the forks inherit: then fetch, node:https, MSAL and
 * botbuilder in every test process trust the demo tenant's HTTPS endpoints.
 */
export default function setup(project: TestProject): void {
  const { caPath, caPem } = ensureDemoCertificates(DEMO_TENANT_CERT_DIR);
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  if (existing && existing !== caPath && existsSync(existing)) {
    // Node accepts one file: keep whatever the developer already trusts and add the demo CA to it.
    const bundlePath = join(DEMO_TENANT_CERT_DIR, 'extra-ca-bundle.pem');
    writeFileSync(bundlePath, `${readFileSync(existing, 'utf8').trimEnd()}\n${caPem}`);
    process.env.NODE_EXTRA_CA_CERTS = bundlePath;
  } else if (existing !== join(DEMO_TENANT_CERT_DIR, 'extra-ca-bundle.pem')) {
    process.env.NODE_EXTRA_CA_CERTS = caPath;
  }
  project.provide('demoTenantCertDir', DEMO_TENANT_CERT_DIR);
  if (!process.env.TEST_DATABASE_URL) {
    // Said once, where everyone reads it, like the browser tests' skip; the suites' titles say it too.
    process.stderr.write(
      '\n[PostgreSQL tests] SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.\n',
    );
  }
}
