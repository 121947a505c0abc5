import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { capturingLogger } from '../support/store-backends.js';

describe('PostgreSQL store', () => {
  it('fails to open against an unreachable server without echoing the password', async () => {
    const { logger, lines } = capturingLogger();
    // Port 1 on loopback refuses at once; nothing listens there.
    const error = await openStore('postgres://bot:hunter2@127.0.0.1:1/bot', logger).then(
      () => new Error('opened unexpectedly'),
      (failure: Error) => failure,
    );
    expect(error.message).toMatch(/ECONNREFUSED|connect/);
    expect(error.message).not.toContain('hunter2');
    expect(lines.join('')).not.toContain('hunter2');
  });
});
