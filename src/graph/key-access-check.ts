import type { Logger } from '../observability/logger.js';
import type { GraphClient } from './graph-client.js';
import { GraphError } from './graph-error.js';

/** What the start-up check found about `KEY_ACCESS` and the tenant's owner key-read switch. */
export type KeyAccessCheck =
  | { readonly kind: 'fits' }
  /** Delegated reads while the tenant restricts owners from reading their keys: every read is refused. */
  | { readonly kind: 'cannotWork' }
  /** The policy could not be read (no Policy.Read.All, Graph down): nothing is known. */
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * Reads the tenant's authorization policy once at start and says whether `keyAccess` can work there:
 * "Restrict non-admin users from recovering the BitLocker key(s) for their owned devices" refuses delegated
 * reads by owners, so KEY_ACCESS=delegated would release nothing. A warning, not a refusal to start: the
 * helpdesk still works, and an admin may be about to change the setting.
 */
export async function checkKeyAccessMode(
  graph: GraphClient,
  keyAccess: 'delegated' | 'application',
  logger: Logger,
): Promise<KeyAccessCheck> {
  const log = logger.child({ component: 'key-access-check' });
  let ownersMayRead: boolean | undefined;
  try {
    ownersMayRead = (await graph.authorizationPolicy()).allowedToReadBitlockerKeysForOwnedDevice;
  } catch (error) {
    const why =
      error instanceof GraphError && error.kind === 'notAllowed'
        ? 'the app may not read the tenant policy (grant Policy.Read.All to check it at start)'
        : `the tenant policy could not be read (${error instanceof Error ? error.message : String(error)})`;
    log.info({ keyAccess, why }, 'key access mode not checked against the tenant setting');
    return { kind: 'unknown', why };
  }
  if (keyAccess === 'delegated' && ownersMayRead === false) {
    log.warn(
      { keyAccess, allowedToReadBitlockerKeysForOwnedDevice: false },
      'KEY_ACCESS=delegated cannot work in this tenant: it restricts owners from recovering their BitLocker keys, so every self-service read will be refused. Set KEY_ACCESS=application (BitlockerKey.Read.All, application) or lift the restriction (docs/admin.md, section 4)',
    );
    return { kind: 'cannotWork' };
  }
  log.info(
    { keyAccess, allowedToReadBitlockerKeysForOwnedDevice: ownersMayRead },
    'key access mode fits the tenant setting',
  );
  return { kind: 'fits' };
}
