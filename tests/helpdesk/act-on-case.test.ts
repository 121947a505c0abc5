import { describe, expect, it } from 'vitest';
import { actOnCase, audienceOf, type CaseActionPorts } from '../../src/helpdesk/act-on-case.js';
import type { CaseActor } from '../../src/helpdesk/decide-agent-action.js';
import { ACTORS, aCaseIn, aCaseRequest, at, ROLES, type Role, T0 } from '../support/helpdesk-builders.js';
import { FakeAuditLog } from '../support/release-fakes.js';
import { MemoryCaseStore } from './memory-case-store.js';

/** Ports over an in-memory store; membership answers from the actor table, or fails like a Graph outage. */
async function portsWith(options: { readonly directoryDown?: boolean } = {}) {
  const audit = new FakeAuditLog();
  const cases = new MemoryCaseStore(audit);
  const { case: opened } = await cases.create(aCaseRequest(), T0);
  const asked: string[] = [];
  const ports: CaseActionPorts = {
    cases,
    now: () => at(5),
    async membership(objectId) {
      asked.push(objectId);
      if (options.directoryDown) throw new Error('Graph is down');
      const actor = Object.values(ACTORS).find((candidate) => candidate.objectId === objectId);
      return {
        inHelpdeskGroup: actor?.inHelpdeskGroup ?? false,
        inAdvancedGroup: actor?.inAdvancedGroup ?? false,
      };
    },
  };
  return { ports, opened, audit, asked };
}

const person = (actor: CaseActor) => ({ objectId: actor.objectId, name: actor.name });

describe('who sees what of a case', () => {
  const expected: { readonly [role in Role]: string } = {
    agent: 'agent',
    otherAgent: 'agent',
    advancedAgent: 'agent',
    nonMember: 'nobody',
    requester: 'requester',
  };
  it.each(ROLES)('%s', (role) => {
    expect(audienceOf(aCaseIn('verified'), ACTORS[role])).toBe(expected[role]);
  });

  it('an agent who is the requester sees their own case as a requester', () => {
    const own = aCaseIn('open');
    expect(audienceOf(own, { ...ACTORS.agent, objectId: own.requester.objectId.toUpperCase() })).toBe(
      'requester',
    );
  });
});

describe('actOnCase', () => {
  it('a change is stored, audited once, and says who did it', async () => {
    const { ports, opened, audit } = await portsWith();
    const result = await actOnCase(
      {
        person: person(ACTORS.agent),
        caseNumber: opened.number,
        expectedVersion: opened.version,
        action: { type: 'claim' },
      },
      ports,
    );
    expect(result).toMatchObject({ kind: 'changed', audience: 'agent', case: { status: 'claimed' } });
    expect((await ports.cases.get(opened.number))?.status).toBe('claimed');
    expect(audit.events).toHaveLength(1);
  });

  it.each([
    ['an existing case', 0, 0],
    ['an out-of-date version', 0, 3],
    ['a case that does not exist', 1000, 0],
  ])(
    'a non-member naming %s gets the same refusal and no case',
    async (_what, numberOffset, versionOffset) => {
      const { ports, opened, audit } = await portsWith();
      const result = await actOnCase(
        {
          person: person(ACTORS.nonMember),
          caseNumber: opened.number + numberOffset,
          expectedVersion: opened.version + versionOffset,
          action: { type: 'claim' },
        },
        ports,
      );
      expect(result).toEqual({ kind: 'refused', audience: 'nobody', refusal: { code: 'notHelpdeskMember' } });
      expect(audit.events).toHaveLength(0);
    },
  );

  it('someone else’s Cancel is refused as not theirs, whether or not the case exists', async () => {
    const { ports, opened } = await portsWith();
    for (const caseNumber of [opened.number, opened.number + 1]) {
      const result = await actOnCase(
        { person: person(ACTORS.nonMember), caseNumber, expectedVersion: 1, action: { type: 'cancel' } },
        ports,
      );
      expect(result).toEqual({ kind: 'refused', audience: 'nobody', refusal: { code: 'notRequester' } });
    }
  });

  it('the requester pressing an agent button gets their own view back, and an old card is “out of date”', async () => {
    const { ports, opened } = await portsWith();
    const claim = await actOnCase(
      {
        person: person(ACTORS.requester),
        caseNumber: opened.number,
        expectedVersion: opened.version,
        action: { type: 'claim' },
      },
      ports,
    );
    expect(claim).toMatchObject({
      kind: 'refused',
      audience: 'requester',
      refusal: { code: 'notHelpdeskMember' },
    });
    const stale = await actOnCase(
      {
        person: person(ACTORS.requester),
        caseNumber: opened.number,
        expectedVersion: 9,
        action: { type: 'cancel' },
      },
      ports,
    );
    expect(stale).toMatchObject({ kind: 'refused', audience: 'requester', refusal: { code: 'outOfDate' } });
  });

  it('with the directory down an agent is told so, and the requester can still cancel', async () => {
    const { ports, opened, asked } = await portsWith({ directoryDown: true });
    const claim = await actOnCase(
      {
        person: person(ACTORS.agent),
        caseNumber: opened.number,
        expectedVersion: opened.version,
        action: { type: 'claim' },
      },
      ports,
    );
    expect(claim).toEqual({ kind: 'membershipUnknown' });
    const cancel = await actOnCase(
      {
        person: person(ACTORS.requester),
        caseNumber: opened.number,
        expectedVersion: opened.version,
        action: { type: 'cancel' },
      },
      ports,
    );
    expect(cancel).toMatchObject({ kind: 'changed', audience: 'requester', case: { status: 'cancelled' } });
    expect(asked).toEqual([ACTORS.agent.objectId]);
  });

  it('the agent who loses a Claim race hears who owns the case now, with the case as it is', async () => {
    const { ports, opened } = await portsWith();
    const [first, second] = await Promise.all(
      [ACTORS.agent, ACTORS.otherAgent].map((actor) =>
        actOnCase(
          {
            person: person(actor),
            caseNumber: opened.number,
            expectedVersion: opened.version,
            action: { type: 'claim' },
          },
          ports,
        ),
      ),
    );
    const outcomes = [first, second].map((result) =>
      result?.kind === 'refused' ? result.refusal.code : 'won',
    );
    expect(outcomes.sort()).toEqual(['claimedByOther', 'won']);
    const lost = [first, second].find((result) => result?.kind === 'refused');
    expect(lost).toMatchObject({ audience: 'agent', case: { status: 'claimed' } });
  });
});
