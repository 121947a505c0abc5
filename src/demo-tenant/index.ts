export { type DemoCertificates, ensureDemoCertificates } from './certificates.js';
export {
  completeDemoSignIn,
  type DemoSignInChoices,
  type DemoSignInOutcome,
} from './complete-demo-sign-in.js';
export type {
  DemoActor,
  DemoAppRegistration,
  DemoAuditEntry,
  DemoAuthorizationPolicy,
  DemoDevice,
  DemoDirectory,
  DemoGroup,
  DemoMailMessage,
  DemoManagedDevice,
  DemoRecoveryKey,
  DemoTrustType,
  DemoUser,
} from './demo-directory.js';
export { type DemoTenant, type DemoTenantOptions, startDemoTenant } from './demo-tenant.js';
export { DIRECTORY_ROLES } from './directory-roles.js';
export type {
  FaultDecision,
  FaultKnobs,
  FaultRate,
  FaultSettings,
  FaultStats,
  FaultTarget,
} from './fault-knobs.js';
export { RECOVERY_KEYS_PAGE_SIZE } from './graph-bitlocker-routes.js';
export type { RecordedRequest, RequestRecorder } from './request-recorder.js';
export {
  BOT_APP_SCOPE,
  BOT_FRAMEWORK_RESOURCE,
  DEMO_DEVICE_NAMES,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  isValidRecoveryPassword,
  validRecoveryPassword,
} from './sample-data.js';
export * from './sample-people.js';
