import { describe, expect, it } from 'vitest';
import type { CaseStore } from '../../src/helpdesk/case-store.js';
import { CaseVersionConflictError } from '../../src/helpdesk/case-version-conflict-error.js';
import type { ChannelStore } from '../../src/helpdesk/channel-store.js';
import { decideAgentAction } from '../../src/helpdesk/decide-agent-action.js';
import { ACTORS, aCaseRequest, at, T0 } from '../support/helpdesk-builders.js';
import { A_RECOVERY_PASSWORD } from '../support/triage-builders.js';

const MEGAN = { objectId: '7e3b9d2a-1c5f-4a6e-b8d4-0f2a9c6e3b45', displayName: 'Megan Bowen' };
const MEGAN_ACTOR = {
  objectId: MEGAN.objectId,
  name: MEGAN.displayName,
  inHelpdeskGroup: false,
  inAdvancedGroup: false,
};

/**
 * What every `CaseStore` must do, for the in-memory fake here and for the SQLite and PostgreSQL stores:
 * `describeCaseStoreContract('sqlite', () => openSqliteCaseStore(...))`. `makeStore` gives an empty store.
 */
export function describeCaseStoreContract(name: string, makeStore: () => Promise<CaseStore>): void {
  describe(`CaseStore contract: ${name}`, () => {
    it('opens one case per (requester, request id), numbered from 1, and answers retries with it', async () => {
      const store = await makeStore();
      const first = await store.create(aCaseRequest(), T0);
      const retry = await store.create(aCaseRequest({ number: 99 }), at(1));
      const other = await store.create(aCaseRequest({ request: { id: 'R-HELPDESK-2' } }), at(2));
      const sameIdOtherPerson = await store.create(aCaseRequest({ requester: MEGAN }), at(3));

      expect([first.created, retry.created, other.created, sameIdOtherPerson.created]).toEqual([
        true,
        false,
        true,
        true,
      ]);
      expect(retry.case).toEqual(first.case);
      expect([first.case.number, other.case.number, sameIdOtherPerson.case.number]).toEqual([1, 2, 3]);
      expect(first.case).toMatchObject({ status: 'open', version: 1, caseRequestNumber: 7 });
      expect(await store.get(1)).toEqual(first.case);
    });

    it('a double click creating the same case at once opens it once', async () => {
      const store = await makeStore();
      const results = await Promise.all(Array.from({ length: 5 }, () => store.create(aCaseRequest(), T0)));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.case.number))).toEqual(new Set([1]));
      expect(await store.openCases()).toHaveLength(1);
    });

    it('get of an unknown number is undefined', async () => {
      const store = await makeStore();
      expect(await store.get(42)).toBeUndefined();
    });

    it('update writes over the version it was decided on, and refuses a stale one', async () => {
      const store = await makeStore();
      const { case: opened } = await store.create(aCaseRequest(), T0);
      const claim = decideAgentAction(opened, { type: 'claim' }, ACTORS.agent, at(1));
      if (claim.kind !== 'changed') throw new Error('claim refused');
      await store.update(claim.case, opened.version);
      expect(await store.get(opened.number)).toEqual(claim.case);

      await expect(store.update(claim.case, opened.version)).rejects.toBeInstanceOf(CaseVersionConflictError);
      await expect(store.update({ ...claim.case, number: 77 }, 1)).rejects.toBeInstanceOf(
        CaseVersionConflictError,
      );
    });

    it('two agents claiming at once: one owner, and the other learns who', async () => {
      const store = await makeStore();
      const { case: opened } = await store.create(aCaseRequest(), T0);
      const claimBy = async (actor: typeof ACTORS.agent) => {
        const current = (await store.get(opened.number))!;
        const decision = decideAgentAction(current, { type: 'claim' }, actor, at(1));
        if (decision.kind === 'refused') return decision.reason;
        try {
          await store.update(decision.case, current.version);
          return 'claimed' as const;
        } catch (error) {
          if (!(error instanceof CaseVersionConflictError)) throw error;
          // The loser reloads and decides again, as the edge does.
          const fresh = (await store.get(opened.number))!;
          const again = decideAgentAction(fresh, { type: 'claim' }, actor, at(1));
          return again.kind === 'refused' ? again.reason : 'claimedTwice';
        }
      };
      const [lee, diego] = await Promise.all([claimBy(ACTORS.agent), claimBy(ACTORS.otherAgent)]);
      const outcomes = [lee, diego];
      expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
      const stored = (await store.get(opened.number))!;
      expect(stored.version).toBe(2);
      expect(outcomes).toContainEqual({ code: 'claimedByOther', owner: stored.owner });
    });

    it('openCases: not closed, oldest first; byRequester: newest first', async () => {
      const store = await makeStore();
      const { case: second } = await store.create(aCaseRequest({ request: { id: 'R-B' } }), at(5));
      const { case: first } = await store.create(
        aCaseRequest({ request: { id: 'R-A' }, requester: MEGAN }),
        at(1),
      );
      const { case: third } = await store.create(aCaseRequest({ request: { id: 'R-C' } }), at(9));
      const cancel = decideAgentAction(third, { type: 'cancel' }, ACTORS.requester, at(10));
      if (cancel.kind !== 'changed') throw new Error('cancel refused');
      await store.update(cancel.case, third.version);

      expect((await store.openCases()).map((item) => item.number)).toEqual([first.number, second.number]);
      expect((await store.byRequester(ACTORS.requester.objectId)).map((item) => item.number)).toEqual([
        third.number,
        second.number,
      ]);
      expect(await store.byRequester('00000000-0000-4000-8000-000000000000')).toEqual([]);
    });

    it('openedSince: every status, newest first, from that instant on, at most the limit', async () => {
      const store = await makeStore();
      const { case: before } = await store.create(aCaseRequest({ request: { id: 'R-0' } }), at(1));
      const { case: onTheDot } = await store.create(aCaseRequest({ request: { id: 'R-1' } }), at(5));
      const { case: later } = await store.create(
        aCaseRequest({ request: { id: 'R-2' }, requester: MEGAN }),
        at(9),
      );
      const cancel = decideAgentAction(later, { type: 'cancel' }, MEGAN_ACTOR, at(10));
      if (cancel.kind !== 'changed') throw new Error('cancel refused');
      await store.update(cancel.case, later.version);

      const numbers = async (since: Date, limit: number) =>
        (await store.openedSince(since, limit)).map((item) => item.number);
      expect(await numbers(at(5), 10)).toEqual([later.number, onTheDot.number]);
      expect((await store.openedSince(at(5), 10))[0]?.status).toBe('cancelled');
      expect(await numbers(at(0), 2)).toEqual([later.number, onTheDot.number]);
      expect(await numbers(at(0), 10)).toEqual([later.number, onTheDot.number, before.number]);
      expect(await numbers(at(11), 10)).toEqual([]);
      await expect(store.openedSince(at(0), 0)).rejects.toThrow(RangeError);
    });

    it('what a caller does to a case it got does not change the stored one', async () => {
      const store = await makeStore();
      const { case: opened } = await store.create(aCaseRequest(), T0);
      (opened.history as unknown as unknown[]).push('tampered');
      const fetched = (await store.get(opened.number))!;
      (fetched as { status: string }).status = 'resolved';
      expect(await store.get(opened.number)).toMatchObject({
        status: 'open',
        history: [{ action: 'opened' }],
      });
    });

    it('refuses a recovery password anywhere, and names the field, not the value', async () => {
      const store = await makeStore();
      await expect(
        store.create(aCaseRequest({ request: { errorCode: A_RECOVERY_PASSWORD } }), T0),
      ).rejects.toThrow(/errorCode/);
      const { case: opened } = await store.create(aCaseRequest(), T0);
      const smuggled = {
        ...opened,
        version: 2,
        history: [...opened.history, { ...opened.history[0]!, detail: A_RECOVERY_PASSWORD }],
      };
      const error = await store.update(smuggled, 1).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).message)).not.toMatch(/\d{6}(-\d{6}){7}/);
      expect(await store.get(opened.number)).toEqual(opened);
    });
  });
}

/** What every `ChannelStore` must do. */
export function describeChannelStoreContract(name: string, makeStore: () => Promise<ChannelStore>): void {
  describe(`ChannelStore contract: ${name}`, () => {
    it('keeps the last reference saved per channel', async () => {
      const store = await makeStore();
      const channel = '19:helpdesk@thread.tacv2';
      expect(await store.get(channel)).toBeUndefined();
      await store.save(channel, '{"conversation":{"id":"19:helpdesk@thread.tacv2"},"v":1}');
      await store.save('19:security@thread.tacv2', '{"conversation":{"id":"19:security@thread.tacv2"}}');
      await store.save(channel, '{"conversation":{"id":"19:helpdesk@thread.tacv2"},"v":2}');
      expect(await store.get(channel)).toBe('{"conversation":{"id":"19:helpdesk@thread.tacv2"},"v":2}');
      expect(await store.get('19:security@thread.tacv2')).toBe(
        '{"conversation":{"id":"19:security@thread.tacv2"}}',
      );
    });
  });
}
