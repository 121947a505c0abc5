import type { IncomingMessage } from 'node:http';

/** Bodies the demo endpoints accept are small forms and JSON; anything larger is a client bug. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown when a body exceeds the limit; servers answer 413. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body larger than ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole request body as UTF-8. */
export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
