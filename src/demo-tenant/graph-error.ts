/** Graph error codes the demo tenant answers with, as a closed set. */
export type GraphErrorCode =
  | 'InvalidAuthenticationToken'
  | 'Authorization_RequestDenied'
  | 'Request_ResourceNotFound'
  | 'Request_UnsupportedQuery'
  | 'Request_BadRequest'
  | 'BadRequest'
  | 'ErrorInvalidRecipients'
  | 'ErrorAccessDenied'
  | 'ResourceNotFound'
  | 'TooManyRequests'
  | 'generalException'
  | 'BadGateway'
  | 'serviceNotAvailable'
  | 'GatewayTimeout'
  | 'UnknownError';

/** An expected Graph failure; the server writes it in Graph's error format. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: GraphErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph's error body: `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`. */
export function graphErrorBody(
  failure: Pick<GraphError, 'code' | 'message'>,
  ids: { requestId: string; clientRequestId: string },
  now: Date,
): Record<string, unknown> {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      innerError: {
        date: `${now.toISOString().slice(0, 19)}`,
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** 403 with Graph's usual wording. */
export function insufficientPrivileges(): GraphError {
  return new GraphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}

export function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}
