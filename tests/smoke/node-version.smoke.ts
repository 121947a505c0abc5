import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/cards/messages/en.js';
import { type BotProcessHarness, startBotProcessHarness } from '../support/bot-process.js';
import { demoPerson } from '../support/demo-people.js';
import { eventually } from '../support/eventually.js';
import { postgresSchemaDatabase, type TestDatabase } from '../support/store-backends.js';

/**
 * Run by `.ci/run` under Node 22 and 24 (SMOKE_NODE_MAJOR says which): the real bot as a child process of
 * that Node, started, ready, and one conversation turn answered. On PostgreSQL: better-sqlite3's native
 * module in node_modules is built for the Node that ran `npm ci`, and the bot loads it only for SQLite.
 */
const expectedMajor = process.env.SMOKE_NODE_MAJOR;
const postgresUrl = process.env.TEST_DATABASE_URL ?? '';

describe(`the bot on Node ${process.versions.node}`, () => {
  let database: TestDatabase;
  let bot: BotProcessHarness;
  beforeAll(async () => {
    database = await postgresSchemaDatabase(postgresUrl);
    bot = await startBotProcessHarness({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await bot?.stop();
    await database?.dispose();
  });

  it('starts, answers /readyz and a first message', async () => {
    expect(postgresUrl, 'the smoke needs TEST_DATABASE_URL').not.toBe('');
    if (expectedMajor) expect(process.versions.node.split('.')[0]).toBe(expectedMajor);
    await bot.start();
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    const mark = bot.connector.calls.length;
    expect(await bot.personalChat(demoPerson('Alex Wilber')).send('hi')).toBe(200);
    const reply = await eventually('the answer to "hi"', () =>
      bot.connector.since(mark).find((call) => call.operation === 'reply' || call.operation === 'send'),
    );
    expect(JSON.stringify(reply.activity)).toContain(en.welcomeTitle);
  });
});
