import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { AUDIT_DECISIONS, type AuditEvent } from '../../src/recovery/release-ports.js';
import type { StoredAuditEvent } from '../../src/store/audit-export.js';
import { openStore, type Store } from '../../src/store/store.js';
import { LEAKED_PASSWORD } from '../store/leaked-password.js';
import { anAuditEvent } from '../store/release-builders.js';
import { scanForRecoveryPasswords } from '../support/scan-for-recovery-passwords.js';
import { storeBackends, type TestDatabase } from '../support/store-backends.js';

const run = promisify(execFile);
const MINUTE = 60_000;

/** `npm run audit:export` as an admin runs it, from source: the same module `dist/export-audit.js` is built from. */
async function auditExport(databaseUrl: string, args: readonly string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/export-audit.ts', ...args],
      {
        env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, TEAMSFX_ENV: 'audit-export-test' },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function linesOf(text: string): StoredAuditEvent[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredAuditEvent);
}

/** One event of every kind, each with every optional field, stored a few minutes ago. */
function oneOfEveryKind(): AuditEvent[] {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();
  return AUDIT_DECISIONS.map((decision, index) =>
    anAuditEvent({
      at: at(30 - index),
      decision,
      reason: `reason-${decision}`,
      requestStartedAt: at(40),
      actor: 'Lee Gu',
      note: `what the agent wrote for ${decision}`,
      verification: { method: 'stepUpSignIn', at: at(41) },
    }),
  );
}

for (const backend of storeBackends().filter((candidate) => candidate.shared)) {
  describe.skipIf(!backend.enabled)(`npm run audit:export on ${backend.title}`, () => {
    let database: TestDatabase;
    let store: Store;
    let dir: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      store = await openStore(database.url, createLogger({ level: 'silent' }));
      dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    });
    afterAll(async () => {
      await store?.close();
      await database?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('round-trips every kind of event, goes on from its cursor, and never holds a key', async () => {
      const events = oneOfEveryKind();
      for (const event of events) await store.audit.append(event);
      await expect(store.audit.append(anAuditEvent({ note: LEAKED_PASSWORD }))).rejects.toThrow();

      const cursor = join(dir, 'state', 'cursor.json');
      const out = join(dir, 'audit.jsonl');
      const first = await auditExport(database.url, ['--cursor', cursor, '--out', out]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain(`wrote ${events.length} events`);
      const exported = linesOf(readFileSync(out, 'utf8'));
      expect(exported.map((line) => line.event)).toEqual(events);
      const sequences = exported.map((line) => line.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(new Set(sequences).size).toBe(sequences.length);
      expect(JSON.parse(readFileSync(cursor, 'utf8'))).toEqual({ afterSequence: sequences.at(-1) });

      const again = await auditExport(database.url, ['--cursor', cursor, '--out', out]);
      expect(again.stderr).toContain('wrote 0 events');

      const later = [anAuditEvent({ at: new Date(Date.now() - MINUTE).toISOString(), decision: 'denied' })];
      // Just stored: left for the next run, which then finds it after the cursor.
      const fresh = anAuditEvent({ at: new Date().toISOString(), decision: 'escalated' });
      for (const event of [...later, fresh]) await store.audit.append(event);
      const third = await auditExport(database.url, ['--cursor', cursor, '--out', out]);
      expect(third.stderr).toContain('wrote 1 event;');
      const afterThird = linesOf(readFileSync(out, 'utf8'));
      expect(afterThird.map((line) => line.event)).toEqual([...events, ...later]);
      const settled = await auditExport(database.url, ['--cursor', cursor, '--settle-seconds', '0']);
      expect(linesOf(settled.stdout).map((line) => line.event)).toEqual([fresh]);

      const text = readFileSync(out, 'utf8') + settled.stdout;
      expect(scanForRecoveryPasswords([{ source: 'export', text }], [LEAKED_PASSWORD])).toEqual([]);
    });

    it('--since an age or a time, to standard output, without a cursor', async () => {
      const all = await store.auditExport.read({ afterSequence: 0 }, new Date(), 1000);
      const recent = all.filter((stored) => Date.parse(stored.event.at) >= Date.now() - 10 * MINUTE);
      const byAge = await auditExport(database.url, ['--since', '10m', '--settle-seconds', '0']);
      expect(byAge.code, byAge.stderr).toBe(0);
      expect(linesOf(byAge.stdout).map((line) => line.sequence)).toEqual(
        recent.map((stored) => stored.sequence),
      );
      const since = new Date(Date.now() - 10 * MINUTE).toISOString();
      const byTime = await auditExport(database.url, ['--since', since, '--settle-seconds', '0']);
      expect(linesOf(byTime.stdout).length).toBeGreaterThanOrEqual(recent.length);
      expect(linesOf(byTime.stdout).length).toBeLessThan(all.length);
    });
  });
}

describe('npm run audit:export refuses what it cannot read', () => {
  it.each([
    [['--since', 'yesterday'], '--since "yesterday" is neither'],
    [['--settle-seconds', 'soon'], '--settle-seconds must be a whole number'],
    [['--sinse', '24h'], "Unknown option '--sinse'"],
  ])('%j: exit 2 and says why, with the usage', async (args, message) => {
    const result = await auditExport('sqlite::memory:', args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run audit:export');
    expect(result.stdout).toBe('');
  });
});
