import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { PostgresOptions } from '../store/postgres/postgres-store.js';
import { managedIdentityToken, msalSystem } from './msal-client.js';

/** The Entra audience of Azure Database for PostgreSQL tokens. */
const POSTGRES_ENTRA_RESOURCE = 'https://ossrdbms-aad.database.windows.net';

/**
 * How the store signs in to PostgreSQL: with DATABASE_ENTRA_CLIENT_ID, the password is that managed
 * identity's Entra token; otherwise whatever DATABASE_URL says. Every process that opens the store (the bot,
 * `npm run audit:export`) takes it from here.
 */
export function databaseCredentials(config: Config, logger: Logger): PostgresOptions {
  if (!config.databaseEntraClientId) return {};
  const token = managedIdentityToken(
    config.databaseEntraClientId,
    msalSystem(logger.child({ component: 'msal' })),
  );
  return { password: () => token(POSTGRES_ENTRA_RESOURCE) };
}
