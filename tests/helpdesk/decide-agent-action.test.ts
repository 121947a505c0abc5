import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type Case, type CaseStatus } from '../../src/helpdesk/case.js';
import {
  CASE_TEXT_MAX_CHARS,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseDecision,
  type CaseRefusalCode,
  decideAgentAction,
  showKeyRefusal,
} from '../../src/helpdesk/decide-agent-action.js';
import {
  A_VERIFICATION,
  ACTORS,
  aCaseIn,
  anOpenCase,
  applying,
  at,
  ROLES,
  type Role,
} from '../support/helpdesk-builders.js';
import { A_RECOVERY_PASSWORD } from '../support/triage-builders.js';

const ACTIONS: { readonly [type in CaseActionType]: CaseAction } = {
  claim: { type: 'claim' },
  releaseClaim: { type: 'releaseClaim' },
  recordVerification: A_VERIFICATION,
  sendKeyToRequester: { type: 'sendKeyToRequester' },
  showKeyToMe: { type: 'showKeyToMe', reason: 'Requester has no Teams access, reading it by phone' },
  resolve: { type: 'resolve' },
  rejectAsSuspicious: { type: 'rejectAsSuspicious', note: 'Voice did not match the manager’s description' },
  reopen: { type: 'reopen' },
  cancel: { type: 'cancel' },
  addNote: { type: 'addNote', note: 'I am at the front desk of building 4' },
};

/** `→status` for a change to that status, otherwise the refusal code. */
type Expected = `→${CaseStatus}` | CaseRefusalCode;
/** One expectation per state, in CASE_STATUSES order. */
type Row = readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

const CLOSED3 = ['caseClosed', 'caseClosed', 'caseClosed'] as const;
const NOT_MEMBER: Row = Array(8).fill('notHelpdeskMember') as unknown as Row;
const NOT_REQUESTER: Row = Array(8).fill('notRequester') as unknown as Row;
/** An agent who does not own the owned states (claimed, verified, released). */
const NOT_OWNER = ['claimedByOther', 'claimedByOther', 'claimedByOther'] as const;

//                 open               claimed / verified / released                      resolved cancelled rejected  reopened
const TABLE: { readonly [type in CaseActionType]: { readonly [role in Role]: Row } } = {
  claim: {
    agent: ['→claimed', 'alreadyOwner', 'alreadyOwner', 'alreadyOwner', ...CLOSED3, '→claimed'],
    otherAgent: ['→claimed', ...NOT_OWNER, ...CLOSED3, '→claimed'],
    advancedAgent: ['→claimed', ...NOT_OWNER, ...CLOSED3, '→claimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  releaseClaim: {
    agent: ['notClaimed', '→open', '→open', 'alreadyReleased', ...CLOSED3, 'notClaimed'],
    otherAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    advancedAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  recordVerification: {
    agent: ['notClaimed', '→verified', '→verified', 'alreadyReleased', ...CLOSED3, 'notClaimed'],
    otherAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    advancedAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  sendKeyToRequester: {
    agent: ['notClaimed', 'verificationRequired', '→released', 'alreadyReleased', ...CLOSED3, 'notClaimed'],
    otherAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    advancedAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  showKeyToMe: {
    agent: [
      'notClaimed',
      'advancedRoleRequired',
      'advancedRoleRequired',
      'advancedRoleRequired',
      ...CLOSED3,
      'notClaimed',
    ],
    otherAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    advancedAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  resolve: {
    agent: ['notClaimed', '→resolved', '→resolved', '→resolved', ...CLOSED3, 'notClaimed'],
    otherAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    advancedAgent: ['notClaimed', ...NOT_OWNER, ...CLOSED3, 'notClaimed'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  rejectAsSuspicious: {
    agent: ['→rejected', '→rejected', '→rejected', '→rejected', ...CLOSED3, '→rejected'],
    otherAgent: ['→rejected', ...NOT_OWNER, ...CLOSED3, '→rejected'],
    advancedAgent: ['→rejected', ...NOT_OWNER, ...CLOSED3, '→rejected'],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  reopen: {
    agent: [
      'notClosed',
      'notClosed',
      'notClosed',
      'notClosed',
      '→reopened',
      'caseClosed',
      '→reopened',
      'notClosed',
    ],
    otherAgent: [
      'notClosed',
      'notClosed',
      'notClosed',
      'notClosed',
      '→reopened',
      'caseClosed',
      '→reopened',
      'notClosed',
    ],
    advancedAgent: [
      'notClosed',
      'notClosed',
      'notClosed',
      'notClosed',
      '→reopened',
      'caseClosed',
      '→reopened',
      'notClosed',
    ],
    nonMember: NOT_MEMBER,
    requester: NOT_MEMBER,
  },
  cancel: {
    agent: NOT_REQUESTER,
    otherAgent: NOT_REQUESTER,
    advancedAgent: NOT_REQUESTER,
    nonMember: NOT_REQUESTER,
    requester: ['→cancelled', '→cancelled', '→cancelled', 'alreadyReleased', ...CLOSED3, '→cancelled'],
  },
  addNote: {
    agent: NOT_REQUESTER,
    otherAgent: NOT_REQUESTER,
    advancedAgent: NOT_REQUESTER,
    nonMember: NOT_REQUESTER,
    requester: ['→open', '→claimed', '→verified', '→released', ...CLOSED3, '→reopened'],
  },
};

function outcome(decision: CaseDecision): Expected {
  return decision.kind === 'changed' ? `→${decision.case.status}` : decision.reason.code;
}

/** Every state × action × role, with the case each state is built as (owned by `agent` where owned). */
const CELLS = CASE_STATUSES.flatMap((status, column) =>
  (Object.keys(TABLE) as CaseActionType[]).flatMap((type) =>
    ROLES.map((role) => ({ status, type, role, expected: TABLE[type][role][column]! })),
  ),
);

describe('decideAgentAction: every state × action × role', () => {
  const built = new Map(CASE_STATUSES.map((status) => [status, aCaseIn(status)]));

  it.each(CELLS)('$status + $type by $role → $expected', ({ status, type, role, expected }) => {
    const before = built.get(status)!;
    const snapshot = structuredClone(before);
    const now = at(60);
    const decision = decideAgentAction(before, ACTIONS[type], ACTORS[role], now);

    expect(outcome(decision)).toBe(expected);
    expect(before).toEqual(snapshot);
    if (decision.kind === 'refused') return;
    const after = decision.case;
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.slice(0, -1)).toEqual(before.history);
    expect(after.history.at(-1)).toMatchObject({
      at: now.toISOString(),
      by: { objectId: ACTORS[role].objectId, name: ACTORS[role].name },
      status: after.status,
    });
    expect(after.updatedAt).toBe(now.toISOString());
    expect(decision.events).toHaveLength(1);
    expect(decision.events[0]).toMatchObject({ caseNumber: before.number });
  });

  it('covers 8 states × 10 actions × 5 roles', () => {
    expect(CELLS).toHaveLength(400);
  });
});

describe('Show key to me: the advanced agent who owns the case', () => {
  const isaiah = ACTORS.advancedAgent;
  const reason = ACTIONS.showKeyToMe;

  it.each([
    ['claimed', 'verificationRequired'],
    ['verified', '→released'],
    ['released', '→released'],
  ] as const)('%s → %s', (status, expected) => {
    expect(outcome(decideAgentAction(aCaseIn(status, isaiah), reason, isaiah, at(60)))).toBe(expected);
  });

  it('asks the edge to show the key to that agent alone, with the reason, and keeps the first release time', () => {
    const released = aCaseIn('released', isaiah);
    const decision = decideAgentAction(released, reason, isaiah, at(60));
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.events).toEqual([
      {
        type: 'keyShownToAgent',
        caseNumber: 1,
        agent: { objectId: isaiah.objectId, name: isaiah.name },
        reason: 'Requester has no Teams access, reading it by phone',
      },
    ]);
    expect(decision.case.releasedAt).toBe(released.releasedAt);
    expect(decision.case.history.at(-1)).toMatchObject({
      action: 'keyShownToAgent',
      detail: expect.any(String),
    });
  });

  it.each([
    ['empty', '', 'textRequired'],
    ['blank', '   \n ', 'textRequired'],
    ['a recovery password', `reading ${A_RECOVERY_PASSWORD} to them`, 'recoveryPasswordInText'],
  ])('a reason that is %s is refused', (_label, text, code) => {
    const decision = decideAgentAction(
      aCaseIn('verified', isaiah),
      { type: 'showKeyToMe', reason: text },
      isaiah,
      at(60),
    );
    expect(outcome(decision)).toBe(code);
  });

  it('a member of the advanced group alone acts as an agent', () => {
    const advancedOnly: CaseActor = { ...isaiah, inHelpdeskGroup: false };
    const decision = decideAgentAction(aCaseIn('verified', advancedOnly), reason, advancedOnly, at(60));
    expect(outcome(decision)).toBe('→released');
  });

  it('before the reason is typed, says whether the form may be shown: the same checks, reason aside', () => {
    for (const [status, actor] of [
      ['verified', ACTORS.agent],
      ['claimed', isaiah],
      ['open', isaiah],
      ['resolved', isaiah],
    ] as const) {
      const current = aCaseIn(status, actor);
      const full = decideAgentAction(current, reason, actor, at(60));
      expect(showKeyRefusal(current, actor, at(60))).toEqual(
        full.kind === 'refused' ? full.reason : undefined,
      );
    }
    expect(showKeyRefusal(aCaseIn('verified', ACTORS.agent), ACTORS.agent, at(60))).toEqual({
      code: 'advancedRoleRequired',
    });
    expect(showKeyRefusal(aCaseIn('verified', isaiah), isaiah, at(60))).toBeUndefined();
    expect(showKeyRefusal(aCaseIn('verified', isaiah), ACTORS.nonMember, at(60))).toEqual({
      code: 'notHelpdeskMember',
    });
  });
});

describe('who owns the case', () => {
  it('claiming a claimed case is refused with the owner’s name', () => {
    const decision = decideAgentAction(aCaseIn('claimed'), ACTIONS.claim, ACTORS.otherAgent, at(60));
    expect(decision).toEqual({
      kind: 'refused',
      reason: { code: 'claimedByOther', owner: { objectId: ACTORS.agent.objectId, name: 'Lee Gu' } },
    });
  });

  it('an agent never works their own case, even a helpdesk member who is locked out', () => {
    const leeLockedOut = anOpenCase({
      requester: { objectId: ACTORS.agent.objectId, displayName: 'Lee Gu' },
    });
    for (const action of [ACTIONS.claim, ACTIONS.rejectAsSuspicious, ACTIONS.reopen]) {
      expect(outcome(decideAgentAction(leeLockedOut, action, ACTORS.agent, at(1)))).toBe('ownCase');
    }
    expect(outcome(decideAgentAction(leeLockedOut, ACTIONS.cancel, ACTORS.agent, at(1)))).toBe('→cancelled');
  });

  it('a requester’s card data cannot make them an agent: roles are inputs, the group flags decide', () => {
    const requesterAsAgent: CaseActor = { ...ACTORS.requester, name: 'Lee Gu' };
    expect(outcome(decideAgentAction(anOpenCase(), ACTIONS.claim, requesterAsAgent, at(1)))).toBe(
      'notHelpdeskMember',
    );
  });

  it('giving the claim back clears the owner and the verification, and the case waits again', () => {
    const verified = aCaseIn('verified');
    const decision = decideAgentAction(verified, ACTIONS.releaseClaim, ACTORS.agent, at(60));
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.case).toMatchObject({ status: 'open', owner: undefined, verification: undefined });
    expect(decision.case.waitingSince).toBe(at(60).toISOString());
    const next = decideAgentAction(decision.case, ACTIONS.sendKeyToRequester, ACTORS.otherAgent, at(61));
    expect(outcome(next)).toBe('notClaimed');
    const claimedByDiego = applying(decision.case, [[ACTIONS.claim, ACTORS.otherAgent]]);
    expect(
      outcome(decideAgentAction(claimedByDiego, ACTIONS.sendKeyToRequester, ACTORS.otherAgent, at(70))),
    ).toBe('verificationRequired');
  });

  it('reopening clears the owner and the verification, so the key goes out only after a new check', () => {
    const reopened = aCaseIn('reopened');
    expect(reopened).toMatchObject({ owner: undefined, verification: undefined, closedAt: undefined });
    const claimed = applying(reopened, [[ACTIONS.claim, ACTORS.otherAgent]]);
    expect(outcome(decideAgentAction(claimed, ACTIONS.sendKeyToRequester, ACTORS.otherAgent, at(90)))).toBe(
      'verificationRequired',
    );
  });
});

describe('the full escalation path', () => {
  it('open → claimed → verified → released → resolved, with history, versions, events and times', () => {
    const open = anOpenCase();
    const agent = ACTORS.agent;
    const steps: readonly [CaseAction, CaseActor, number][] = [
      [ACTIONS.addNote, ACTORS.requester, 2],
      [ACTIONS.claim, agent, 5],
      [A_VERIFICATION, agent, 9],
      [ACTIONS.sendKeyToRequester, agent, 12],
      [ACTIONS.resolve, agent, 30],
    ];
    let current: Case = open;
    const events: string[] = [];
    for (const [action, actor, minute] of steps) {
      const decision = decideAgentAction(current, action, actor, at(minute));
      if (decision.kind !== 'changed') throw new Error(`${action.type} refused: ${decision.reason.code}`);
      events.push(...decision.events.map((event) => event.type));
      current = decision.case;
    }
    expect(events).toEqual([
      'noteAdded',
      'claimed',
      'verificationRecorded',
      'keySentToRequester',
      'resolved',
    ]);
    expect(current.version).toBe(6);
    expect(current.history.map((entry) => [entry.action, entry.by.kind, entry.status, entry.at])).toEqual([
      ['opened', 'system', 'open', at(0).toISOString()],
      ['noteAdded', 'requester', 'open', at(2).toISOString()],
      ['claimed', 'agent', 'claimed', at(5).toISOString()],
      ['verificationRecorded', 'agent', 'verified', at(9).toISOString()],
      ['keySentToRequester', 'agent', 'released', at(12).toISOString()],
      ['resolved', 'agent', 'resolved', at(30).toISOString()],
    ]);
    expect(current.history[1]!.detail).toBe('I am at the front desk of building 4');
    expect(current.history[3]).toMatchObject({
      detail: 'Video call, badge photo matches, asked about the team offsite',
      method: 'videoCallPhotoId',
    });
    expect(current).toMatchObject({
      status: 'resolved',
      owner: { objectId: agent.objectId, name: 'Lee Gu' },
      verification: {
        method: 'videoCallPhotoId',
        by: { objectId: agent.objectId, name: 'Lee Gu' },
        at: at(9).toISOString(),
      },
      releasedAt: at(12).toISOString(),
      closedAt: at(30).toISOString(),
      waitingSince: undefined,
    });
  });

  it('rejecting as suspicious tells the edge the note, for the security channel', () => {
    const decision = decideAgentAction(aCaseIn('claimed'), ACTIONS.rejectAsSuspicious, ACTORS.agent, at(60));
    if (decision.kind !== 'changed') throw new Error('expected a change');
    expect(decision.events).toEqual([
      {
        type: 'rejectedAsSuspicious',
        caseNumber: 1,
        agent: { objectId: ACTORS.agent.objectId, name: 'Lee Gu' },
        note: 'Voice did not match the manager’s description',
      },
    ]);
    expect(decision.case.closedAt).toBe(at(60).toISOString());
  });
});

describe('text that enters a case', () => {
  const passwordLayouts = [
    ['dashed', A_RECOVERY_PASSWORD],
    ['spaced', A_RECOVERY_PASSWORD.replaceAll('-', ' ')],
    ['48 digits in a row', A_RECOVERY_PASSWORD.replaceAll('-', '')],
    ['two blocks', '496298-461032'],
    ['full-width digits', '４９６２９８－４６１０３２'],
    ['inside a sentence', `the key is ${A_RECOVERY_PASSWORD}, please check`],
  ] as const;

  const withText = (text: string) =>
    [
      ['addNote', aCaseIn('claimed'), { type: 'addNote', note: text }, ACTORS.requester, 'note'],
      [
        'recordVerification',
        aCaseIn('claimed'),
        { type: 'recordVerification', method: 'inPerson', note: text },
        ACTORS.agent,
        'note',
      ],
      [
        'rejectAsSuspicious',
        aCaseIn('claimed'),
        { type: 'rejectAsSuspicious', note: text },
        ACTORS.agent,
        'note',
      ],
      [
        'showKeyToMe',
        aCaseIn('verified', ACTORS.advancedAgent),
        { type: 'showKeyToMe', reason: text },
        ACTORS.advancedAgent,
        'reason',
      ],
    ] as const;

  describe.each(passwordLayouts)('a recovery password (%s) is refused', (_layout, password) => {
    it.each(withText(password))('in %s', (_type, current, action, actor, field) => {
      expect(decideAgentAction(current, action, actor, at(60))).toEqual({
        kind: 'refused',
        reason: { code: 'recoveryPasswordInText', field },
      });
    });
  });

  it.each(withText('').filter(([type]) => type !== 'recordVerification'))(
    'an empty %s text is refused',
    (_type, current, action, actor, field) => {
      expect(decideAgentAction(current, action, actor, at(60))).toEqual({
        kind: 'refused',
        reason: { code: 'textRequired', field },
      });
    },
  );

  it.each(['', '  \n '])(
    'a verification without a note (%j) is recorded: the card says the note is optional',
    (note) => {
      const decision = decideAgentAction(
        aCaseIn('claimed'),
        { type: 'recordVerification', method: 'inPerson', note },
        ACTORS.agent,
        at(60),
      );
      expect(outcome(decision)).toBe('→verified');
      if (decision.kind !== 'changed') return;
      expect(decision.case.verification).toMatchObject({ method: 'inPerson', note: '' });
      expect(decision.case.history.at(-1)?.detail).toBeUndefined();
    },
  );

  it.each(withText('x'.repeat(CASE_TEXT_MAX_CHARS + 1)))(
    'an over-long %s text is refused',
    (_type, current, action, actor, field) => {
      expect(decideAgentAction(current, action, actor, at(60))).toEqual({
        kind: 'refused',
        reason: { code: 'textTooLong', field, max: CASE_TEXT_MAX_CHARS },
      });
    },
  );

  it.each(withText(`  ${'y'.repeat(CASE_TEXT_MAX_CHARS)}  `))(
    '%s keeps text up to the limit, trimmed',
    (_type, current, action, actor) => {
      const decision = decideAgentAction(current, action, actor, at(60));
      if (decision.kind !== 'changed') throw new Error(`refused: ${decision.reason.code}`);
      expect(decision.case.history.at(-1)!.detail).toMatch(/(^|: )y{1000}$/);
    },
  );

  it('Key IDs, phone numbers and badge numbers are fine in a note', () => {
    const note = 'Key ID 4290B6C0-1A2B, called +1 425 555 0100, badge 123456';
    expect(
      outcome(decideAgentAction(aCaseIn('claimed'), { type: 'addNote', note }, ACTORS.requester, at(60))),
    ).toBe('→claimed');
  });

  it('a verification method the card made up, or none, is refused', () => {
    const forged = { type: 'recordVerification', method: 'trustMe', note: 'ok' } as unknown as CaseAction;
    expect(outcome(decideAgentAction(aCaseIn('claimed'), forged, ACTORS.agent, at(60)))).toBe(
      'unknownMethod',
    );
    const none: CaseAction = { type: 'recordVerification', method: undefined, note: 'ok' };
    expect(outcome(decideAgentAction(aCaseIn('claimed'), none, ACTORS.agent, at(60)))).toBe('unknownMethod');
    // Who may act is asked first: someone outside the helpdesk learns nothing about the method rule.
    expect(outcome(decideAgentAction(aCaseIn('claimed'), none, ACTORS.nonMember, at(60)))).toBe(
      'notHelpdeskMember',
    );
  });
});
