/**
 * What went wrong with a Graph call, in the words callers branch on.
 *
 * - `notFound`: 404, or the resource does not exist.
 * - `notAllowed`: 403 — the caller lacks a permission or a role, or the tenant forbids it.
 * - `throttled`: 429 and still throttled when the retries or the deadline ran out; see `retryAfterMs`.
 * - `unavailable`: 5xx, dropped connections, timeouts, the circuit breaker being open, the deadline passing.
 * - `unauthorized`: 401, or no access token could be had; a fresh sign-in or token is needed.
 * - `badResponse`: Graph refused the request as malformed (other 4xx) or answered something this client
 *   cannot use (not JSON, missing fields, a malformed recovery password, a foreign `@odata.nextLink`).
 *
 * On a key read (`readRecoveryKey`), 403 and 404 both mean "not retrievable by this caller" (the tenant's
 * owner switch, a missing role, another person's device or no such key): Graph's answer when the tenant
 * switch is off is undocumented. They arrive as `notAllowed` and `notFound` respectively, and callers must
 * treat the two alike so the bot cannot be used to probe whether a Key ID exists.
 */
export type GraphErrorKind =
  | 'notFound'
  | 'notAllowed'
  | 'throttled'
  | 'unavailable'
  | 'unauthorized'
  | 'badResponse';

/** The client's own codes, for failures that have no Graph error code. */
export const CLIENT_ERROR_CODES = {
  timeout: 'timeout',
  connectionFailed: 'connectionFailed',
  circuitOpen: 'circuitOpen',
  deadlineExceeded: 'deadlineExceeded',
  tokenUnavailable: 'tokenUnavailable',
  invalidJson: 'invalidJson',
  unexpectedShape: 'unexpectedShape',
  unexpectedStatus: 'unexpectedStatus',
  keyMissing: 'keyMissing',
  malformedKey: 'malformedKey',
  foreignNextLink: 'foreignNextLink',
  tooManyPages: 'tooManyPages',
} as const;

/** Names of the client's calls, used in logs and errors. */
export type GraphOperation =
  | 'me'
  | 'user'
  | 'ownedDevices'
  | 'device'
  | 'deviceByDeviceId'
  | 'recoveryKeys'
  | 'recoveryKey'
  | 'readRecoveryKey'
  | 'checkMemberGroups'
  | 'sendMail'
  | 'managedDeviceByAzureAdDeviceId'
  | 'rotateBitLockerKeys'
  | 'authorizationPolicy';

/** Everything a {@link GraphError} carries. */
export interface GraphErrorDetails {
  readonly kind: GraphErrorKind;
  readonly operation: GraphOperation;
  /** Graph's `error.code` (e.g. `Authorization_RequestDenied`), or one of {@link CLIENT_ERROR_CODES}. */
  readonly code: string;
  /** The HTTP status of the last attempt; undefined when no response came back. */
  readonly status: number | undefined;
  /** Graph's `request-id` of the last response, for a support ticket with Microsoft. */
  readonly requestId: string | undefined;
  /** The `client-request-id` this client sent (the same on every attempt of one request). */
  readonly clientRequestId: string | undefined;
  /** How many attempts were made. */
  readonly attempts: number;
  /** For `throttled`: how long Graph asked to wait (from `Retry-After`), when it said. */
  readonly retryAfterMs?: number | undefined;
  /** Human-readable detail, already free of tokens and recovery passwords. */
  readonly detail?: string | undefined;
}

/**
 * An expected Graph failure. It never holds a token, a request or response body of a key read, or anything
 * shaped like a recovery password: only the kind, codes, ids and a scrubbed one-line detail.
 */
export class GraphError extends Error {
  readonly kind: GraphErrorKind;
  readonly operation: GraphOperation;
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;

  constructor(details: GraphErrorDetails) {
    const status = details.status === undefined ? 'no response' : String(details.status);
    super(
      `Graph ${details.operation} failed: ${details.kind} (${status}, ${details.code})` +
        (details.detail ? `: ${details.detail}` : ''),
    );
    this.name = 'GraphError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.code = details.code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The kind for an HTTP status that is not a success. */
export function kindForStatus(status: number): GraphErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'notAllowed';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  return 'badResponse';
}
