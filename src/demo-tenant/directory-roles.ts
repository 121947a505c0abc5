/**
 * Entra built-in role template ids, as they appear in the `wids` claim. Only the roles the demo tenant
 * reasons about are listed.
 */
export const DIRECTORY_ROLES = {
  /** Every member user carries this one in `wids`. */
  user: 'b79fbf4d-3ef9-4689-8143-76b194e85509',
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  cloudDeviceAdministrator: '7698a772-787b-4ac8-901f-60d6b08affd2',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
} as const;

/** Roles that may read any device's BitLocker keys with a delegated token (platform-facts.md). */
export const BITLOCKER_KEY_READER_ROLES: readonly string[] = [
  DIRECTORY_ROLES.globalAdministrator,
  DIRECTORY_ROLES.cloudDeviceAdministrator,
  DIRECTORY_ROLES.helpdeskAdministrator,
  DIRECTORY_ROLES.intuneAdministrator,
  DIRECTORY_ROLES.securityAdministrator,
  DIRECTORY_ROLES.securityReader,
  DIRECTORY_ROLES.globalReader,
];

/** Roles that may change the tenant's authorization policy with a delegated token. */
export const POLICY_WRITER_ROLES: readonly string[] = [
  DIRECTORY_ROLES.globalAdministrator,
  DIRECTORY_ROLES.privilegedRoleAdministrator,
];

/** Roles that may trigger Intune device actions such as BitLocker key rotation with a delegated token. */
export const INTUNE_OPERATOR_ROLES: readonly string[] = [
  DIRECTORY_ROLES.globalAdministrator,
  DIRECTORY_ROLES.intuneAdministrator,
  DIRECTORY_ROLES.cloudDeviceAdministrator,
];
