import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer: a JSON body (or raw text when `raw`), a status and extra headers. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers for `"GET /v1.0/…"` (method, space, path without query); called once per request, in order. */
export type ScriptedRoute = (request: { readonly url: URL; readonly body: string }) => ScriptedAnswer;

/** A request the server saw, credentials included: the foreign-origin tests check that none arrived. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface ScriptedGraph {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: SeenRequest[];
  /** Adds or replaces the route for `"METHOD /path"`. */
  route(key: string, answer: ScriptedRoute): void;
  close(): Promise<void>;
}

/**
 * A loopback server answering with Graph's wire format, scripted per test, for the shapes the demo tenant
 * does not produce: the documented `"value": {…}` wrapper, `volumeType` spellings, mixed directoryObjects,
 * gateways' HTML errors, redirects and broken answers. Unscripted paths get Graph's 404 error body.
 */
export async function startScriptedGraph(): Promise<ScriptedGraph> {
  const routes = new Map<string, ScriptedRoute>();
  const requests: SeenRequest[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers });
      const url = new URL(request.url ?? '/', origin);
      const route = routes.get(`${request.method} ${url.pathname}`);
      const answer: ScriptedAnswer = route
        ? route({ url, body: Buffer.concat(chunks).toString('utf8') })
        : {
            status: 404,
            body: { error: { code: 'Request_ResourceNotFound', message: `No route ${url.pathname}.` } },
          };
      const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      response.writeHead(answer.status, {
        'request-id': crypto.randomUUID(),
        ...(answer.raw === undefined && text ? { 'content-type': 'application/json' } : {}),
        ...answer.headers,
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    route: (key, answer) => void routes.set(key, answer),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
