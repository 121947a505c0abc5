import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { DemoDirectory } from './demo-directory.js';
import type { GraphCaller } from './graph-caller.js';

export type GraphVersion = 'v1.0' | 'beta';

/** One authenticated Graph request as route handlers see it. */
export interface GraphRequest {
  readonly method: string;
  readonly version: GraphVersion;
  /** Path after the version, without leading slash, percent-decoded per segment (e.g. `users/AlexW@…`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly caller: GraphCaller;
  /** The JSON body; a malformed one is a 400. */
  json(): Promise<unknown>;
}

/** What a handler answers; the server adds Graph's headers. */
export interface GraphResult {
  readonly status: number;
  readonly body?: unknown;
}

/** What route handlers may use. */
export interface GraphContext {
  readonly directory: DemoDirectory;
  /** Origin the `@odata.context` and `@odata.nextLink` URLs start with. */
  readonly graphEndpoint: string;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** One entry of the route table: method, path pattern (groups are the path parameters), versions served. */
export interface GraphRoute {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly pattern: RegExp;
  readonly versions: readonly GraphVersion[];
  handle(
    request: GraphRequest,
    params: readonly string[],
    ctx: GraphContext,
  ): Promise<GraphResult> | GraphResult;
}

/** `@odata.context` for a given version and metadata fragment. */
export function odataContext(ctx: GraphContext, version: GraphVersion, fragment: string): string {
  return `${ctx.graphEndpoint}/${version}/$metadata#${fragment}`;
}

/** Parses `$select=a,b` into a set; undefined when absent. */
export function selectedFields(query: URLSearchParams): Set<string> | undefined {
  const select = query.get('$select');
  if (select === null) return undefined;
  return new Set(
    select
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean),
  );
}

/** Keeps only `$select`ed properties (plus `@odata.*` annotations), as Graph does for directory objects. */
export function applySelect(
  resource: Record<string, unknown>,
  select: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  if (!select) return resource;
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => key.startsWith('@odata.') || select.has(key)),
  );
}
