import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CONVERSATIONS } from '../../src/playground/playground-config.js';
import { type ConversationHarness, startConversationHarness } from '../support/conversation.js';
import { demoPerson } from '../support/demo-people.js';
import { postgresSchemaDatabase, type TestDatabase } from '../support/store-backends.js';

const lee = demoPerson('Lee Gu');
const isaiah = demoPerson('Isaiah Langer');
const TEAM = PLAYGROUND_CONVERSATIONS.teamId;
const CHANNEL = PLAYGROUND_CONVERSATIONS.helpdeskChannelId;
const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)(
  postgresUrl
    ? 'two bot instances on one PostgreSQL database'
    : 'two bot instances on one PostgreSQL database (skipped: set TEST_DATABASE_URL)',
  () => {
    let database: TestDatabase;
    let left: ConversationHarness;
    let right: ConversationHarness;
    beforeAll(async () => {
      database = await postgresSchemaDatabase(postgresUrl ?? '');
      left = await startConversationHarness({ env: { DATABASE_URL: database.url } });
      right = await startConversationHarness({ env: { DATABASE_URL: database.url } });
      await left.teamChannel(lee, TEAM, CHANNEL).install();
    });
    afterAll(async () => {
      await left?.stop();
      await right?.stop();
      await database?.dispose();
    });

    it('two agents pressing Claim at once on different instances: exactly one owner, every round', async () => {
      for (const requester of [
        demoPerson('Alex Wilber'),
        demoPerson('Megan Bowen'),
        demoPerson('Adele Vance'),
        demoPerson('Nestor Wilke'),
      ]) {
        await left.personalChat(requester).send('talk to IT');
        const [opened] = await left.app.store.cases.byRequester(requester.id);
        const data = { caseNumber: opened!.number, expectedVersion: opened!.version };
        const [a, b] = await Promise.all([
          left.teamChannel(lee, TEAM, CHANNEL).execute('caseClaim', data),
          right.teamChannel(isaiah, TEAM, CHANNEL).execute('caseClaim', data),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const claimed = await right.app.store.cases.get(opened!.number);
        expect(claimed?.status).toBe('claimed');
        expect(claimed?.history.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
        const winner = claimed?.owner?.objectId === lee.id ? a : b;
        const loser = winner === a ? b : a;
        expect(JSON.stringify(winner.body)).not.toContain('changed');
        // The other agent is told who has it (or that the card changed under them), on their own card.
        expect(JSON.stringify(loser.body)).toContain(claimed!.owner!.name);
      }
    });

    it('one person’s messages arriving at both instances at once run one at a time: no conflict, no apology', async () => {
      const megan = demoPerson('Megan Bowen');
      const texts = ['hi', 'help', 'my key id is 4290B6C0', 'status', 'what is a key id?', 'restart'];
      const marks = [left.logs.length, right.logs.length];
      const turns = await Promise.all(
        texts.map((text, n) => (n % 2 === 0 ? left : right).personalChat(megan).send(text)),
      );
      expect(turns.map((turn) => turn.status)).toEqual(texts.map(() => 200));
      const logs = [...left.logs.slice(marks[0]), ...right.logs.slice(marks[1])];
      expect(logs.filter((line) => line.includes('changed by another instance'))).toEqual([]);
      expect(logs.filter((line) => line.includes('turn failed'))).toEqual([]);
    });
  },
);
