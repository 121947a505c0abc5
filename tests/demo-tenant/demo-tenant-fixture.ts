import { inject } from 'vitest';
import {
  type DemoTenant,
  type DemoTenantOptions,
  startDemoTenant,
} from '../../src/demo-tenant/demo-tenant.js';
import { createLogger } from '../../src/observability/logger.js';

/** A started demo tenant plus every log line it wrote, for the "no password in logs" checks. */
export interface DemoTenantFixture {
  readonly tenant: DemoTenant;
  readonly logLines: string[];
}

/** Starts a tenant with a capturing logger at debug level, so every log statement is exercised. */
export async function startTestTenant(options: Partial<DemoTenantOptions> = {}): Promise<DemoTenantFixture> {
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const tenant = await startDemoTenant({ logger, certDir: inject('demoTenantCertDir'), ...options });
  return { tenant, logLines };
}

/** Headers the BitLocker API documents as required. */
export const BITLOCKER_CLIENT_HEADERS = {
  'ocp-client-name': 'demo-tenant-tests',
  'ocp-client-version': '1.0',
} as const;

export const RECOVERY_PASSWORD_SHAPE = /\d{6}(-\d{6}){7}/;
