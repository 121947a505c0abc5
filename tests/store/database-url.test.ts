import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/store/database-url.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:.data/bot.db', { kind: 'sqlite', path: '.data/bot.db' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['sqlite:/var/lib/bot/bot.db', { kind: 'sqlite', path: '/var/lib/bot/bot.db' }],
    ['  sqlite:bot.db  ', { kind: 'sqlite', path: 'bot.db' }],
    [
      'postgres://bot:pw@db.internal:5432/bot',
      { kind: 'postgres', connectionString: 'postgres://bot:pw@db.internal:5432/bot' },
    ],
    [
      'postgresql://bot@db/bot?sslmode=require',
      { kind: 'postgres', connectionString: 'postgresql://bot@db/bot?sslmode=require' },
    ],
  ])('parses %s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['sqlite:', /no path/],
    ['mysql://root:hunter2@db/bot', /scheme "mysql:" is not supported/],
    ['.data/bot.db', /scheme \(none\)/],
    ['postgres://bot:hunter2@[bad/bot', /not a valid postgres:\/\/ URL/],
  ])('rejects %s with a hint and without echoing credentials', (url, message) => {
    const attempt = () => parseDatabaseUrl(url);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
