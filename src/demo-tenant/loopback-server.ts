import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../observability/logger.js';

/** Handles one request; a thrown error becomes a bare 500 (each server formats its own expected errors). */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface LoopbackServerOptions {
  readonly host: string;
  readonly port: number;
  /** PEM key and certificate; plain HTTP without them. */
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly handler: RequestHandler;
  readonly logger: Logger;
}

/** A listening server and how to reach and stop it. */
export interface LoopbackServer {
  /** `https://127.0.0.1:<port>` (IPv6 hosts in brackets). */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts an HTTP(S) server on a loopback address; `close` also ends keep-alive connections. */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    options.handler(request, response).catch((error: unknown) => {
      options.logger.error({ err: error, method: request.method }, 'demo tenant request failed');
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('Internal error in the demo tenant');
      } else {
        response.destroy();
      }
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    origin: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
