/** OAuth error codes Entra returns, as a closed set. */
export type EntraErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'login_required'
  | 'interaction_required'
  | 'consent_required'
  | 'temporarily_unavailable';

/**
 * An Entra failure with its AADSTS number. The token endpoint turns it into Entra's JSON error body, the
 * sign-in pages into a redirect with `error`/`error_description` or an error page.
 */
export class EntraError extends Error {
  constructor(
    readonly error: EntraErrorCode,
    readonly aadsts: number,
    readonly description: string,
    readonly status: number = error === 'invalid_client' ? 401 : 400,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
    this.name = 'EntraError';
  }
}

/** The body Entra's token endpoint sends with a 4xx/5xx. */
export interface EntraErrorBody {
  error: EntraErrorCode;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** Entra's format, down to the trace lines appended to `error_description`. */
export function entraErrorBody(
  failure: EntraError,
  ids: { traceId: string; correlationId: string },
  now: Date,
): EntraErrorBody {
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    error: failure.error,
    error_description: `${failure.message} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${timestamp}`,
    error_codes: [failure.aadsts],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.aadsts}`,
  };
}
