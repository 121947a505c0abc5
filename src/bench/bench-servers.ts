import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port nothing listens on right now, for a bot that must know its port before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A Bot Connector that accepts every activity the bot sends, as the real one does. */
export interface StubConnector {
  readonly server: Server;
  readonly url: string;
  /** How many requests it has answered. */
  received(): number;
  /** Their bodies, when asked to keep them (to find a link the bot sent). */
  readonly bodies: readonly string[];
}

export async function startStubConnector(
  options: { readonly keepBodies?: boolean } = {},
): Promise<StubConnector> {
  let received = 0;
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    // Always read the body: an unread request never ends, and the bot would wait for its answer.
    request.on('data', (chunk: Buffer) => {
      if (options.keepBodies) body += chunk.toString();
    });
    request.on('end', () => {
      received += 1;
      if (options.keepBodies) bodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received: () => received, bodies };
}
