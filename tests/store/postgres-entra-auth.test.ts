import { connect, createServer, type Server, type Socket } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoTenant, startDemoTenant } from '../../src/demo-tenant/demo-tenant.js';
import { managedIdentityToken, msalSystem } from '../../src/identity/msal-client.js';
import { createLogger } from '../../src/observability/logger.js';
import { openStore } from '../../src/store/store.js';
import { useDemoIdentityEndpoint } from '../support/identity-endpoint.js';
import { postgresSchemaDatabase, type TestDatabase } from '../support/store-backends.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? '';
const SSL_REQUEST = 80877103;

/**
 * Azure Database for PostgreSQL with Entra authentication as the client sees it: the server asks for a
 * cleartext password (over TLS there) and takes an Entra access token as that password. This stand-in asks
 * the same question, keeps the answer, then hands the connection to the local server (which trusts it) by
 * replaying the startup message: from there on, bytes pass through unchanged.
 */
async function passwordAskingProxy(
  upstream: URL,
): Promise<{ url: (base: string) => string; passwords: string[]; close: () => Promise<void> }> {
  const passwords: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    let buffered = Buffer.alloc(0);
    let startup: Buffer | undefined;
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!startup) {
        if (buffered.length < 8 || buffered.length < buffered.readInt32BE(0)) return;
        const length = buffered.readInt32BE(0);
        if (buffered.readInt32BE(4) === SSL_REQUEST) {
          buffered = buffered.subarray(8);
          client.write('N');
          return;
        }
        startup = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        const askForPassword = Buffer.alloc(9);
        askForPassword.write('R', 0);
        askForPassword.writeInt32BE(8, 1);
        askForPassword.writeInt32BE(3, 5);
        client.write(askForPassword);
      }
      if (buffered.length < 5 || buffered.length < buffered.readInt32BE(1) + 1) return;
      const length = buffered.readInt32BE(1);
      if (buffered[0] !== 'p'.charCodeAt(0)) return void client.destroy();
      passwords.push(buffered.subarray(5, length).toString('utf8'));
      const rest = buffered.subarray(length + 1);
      client.off('data', onData);
      client.pause();
      const server = connect(Number(upstream.port || 5432), upstream.hostname, () => {
        server.write(startup!);
        if (rest.length > 0) server.write(rest);
        client.pipe(server);
        server.pipe(client);
        client.resume();
      });
      sockets.add(server);
      server.on('error', () => client.destroy());
      client.on('error', () => server.destroy());
      client.on('close', () => server.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    passwords,
    url: (base) => {
      const url = new URL(base);
      url.host = `127.0.0.1:${port}`;
      url.password = '';
      return url.toString();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}

describe.skipIf(!POSTGRES_URL)(
  'PostgreSQL with Entra token authentication (DATABASE_ENTRA_CLIENT_ID)',
  () => {
    let tenant: DemoTenant;
    let database: TestDatabase;
    let proxy: Awaited<ReturnType<typeof passwordAskingProxy>>;
    let restoreIdentityEndpoint = () => {};
    beforeAll(async () => {
      tenant = await startDemoTenant({
        logger: createLogger({ level: 'silent' }),
        certDir: '.data/demo-tenant',
      });
      restoreIdentityEndpoint = useDemoIdentityEndpoint(tenant);
      database = await postgresSchemaDatabase(POSTGRES_URL);
      proxy = await passwordAskingProxy(new URL(POSTGRES_URL));
    });
    afterAll(async () => {
      restoreIdentityEndpoint();
      await proxy?.close();
      await database?.dispose();
      await tenant?.stop();
    });

    it("signs in with the managed identity's token for Azure Database for PostgreSQL, on every new connection", async () => {
      const logger = createLogger({ level: 'silent' });
      const token = managedIdentityToken(tenant.managedIdentity.clientId, msalSystem(logger));
      const store = await openStore(proxy.url(database.url), logger, {
        password: () => token('https://ossrdbms-aad.database.windows.net'),
      });
      try {
        await Promise.all([store.ping(), store.ping(), store.audit.query({ limit: 1 })]);
      } finally {
        await store.close();
      }
      expect(proxy.passwords.length).toBeGreaterThan(0);
      for (const password of proxy.passwords) {
        expect(password.split('.').length, password.slice(0, 20)).toBe(3);
        expect(decodeJwt(password)).toMatchObject({
          aud: 'https://ossrdbms-aad.database.windows.net',
          sub: tenant.managedIdentity.principalId,
          tid: tenant.tenantId,
        });
      }
    });
  },
);
