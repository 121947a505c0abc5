export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export {
  createGraphClient,
  createGraphClientFactory,
  DEFAULT_GRAPH_LIMITS,
  type GraphAccess,
  type GraphClient,
  type GraphClientOptions,
  type GraphLimits,
  type UserReference,
} from './graph-client.js';
export {
  CLIENT_ERROR_CODES,
  GraphError,
  type GraphErrorDetails,
  type GraphErrorKind,
  type GraphOperation,
} from './graph-error.js';
export type {
  AuthorizationPolicy,
  DeviceTrustType,
  GraphDevice,
  GraphUser,
  MailMessage,
  ManagedDevice,
  RecoveryKeyMetadata,
  VolumeType,
} from './graph-resources.js';
export { decideRetry, parseRetryAfter, type RetryDecision } from './retry-policy.js';
