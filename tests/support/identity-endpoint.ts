import type { DemoTenant } from '../../src/demo-tenant/demo-tenant.js';

/**
 * Points MSAL's and @azure/identity's managed identity clients at the demo tenant's App Service identity
 * endpoint: they read IDENTITY_ENDPOINT and IDENTITY_HEADER from the process environment, as on App
 * Service. Returns what puts the environment back.
 */
export function useDemoIdentityEndpoint(tenant: DemoTenant): () => void {
  const before = {
    IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT,
    IDENTITY_HEADER: process.env.IDENTITY_HEADER,
  };
  process.env.IDENTITY_ENDPOINT = tenant.managedIdentity.endpoint;
  process.env.IDENTITY_HEADER = tenant.managedIdentity.header;
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
