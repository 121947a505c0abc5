import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AdaptiveCard,
  CARD_INPUTS,
  CASE_VERBS,
  type CardAction,
  type CardElement,
  type ExecuteAction,
} from '../../src/cards/adaptive-card.js';
import {
  advancedView,
  CASE_ACTIONS,
  CASE_EVENTS,
  CASE_STATUSES,
  type CaseView,
  cardTime,
  caseCard,
  caseReminderText,
  REQUESTER_UPDATE_KINDS,
  requesterUpdateCard,
  revealedKeyHiddenCard,
  revealedKeyView,
  VERIFICATION_METHODS,
} from '../../src/cards/case-card.js';
import { helpdeskRefusalText, queueCard } from '../../src/cards/helpdesk-cards.js';
import { en } from '../../src/cards/messages.js';
import type { HelpdeskRefusal } from '../../src/helpdesk/act-on-case.js';
import {
  CASE_HISTORY_ACTIONS,
  CASE_STATUSES as DOMAIN_CASE_STATUSES,
  VERIFICATION_METHODS as DOMAIN_VERIFICATION_METHODS,
} from '../../src/helpdesk/case.js';
import { containsRecoveryPasswordShape } from '../../src/recovery/recovery-password.js';
import { cardProblems } from './card-problems.js';
import {
  ALL_HELPDESK_CARDS as ALL_CARDS,
  aCase,
  aCaseIn,
  DIGITS,
  KEY_ID,
  NOW,
  password,
  sampleCard,
} from './sample-helpdesk-cards.js';

const RECOVERY_PASSWORD = /\d{6}(-\d{6}){7}/;

/** Every action of a card wherever it sits: card-level and in body action sets (nested). */
function allActions(card: AdaptiveCard): CardAction[] {
  const inBody = (element: CardElement): CardAction[] => {
    switch (element.type) {
      case 'ActionSet':
        return [...element.actions];
      case 'Container':
        return element.items.flatMap(inBody);
      default:
        return [];
    }
  };
  return [...(card.actions ?? []), ...card.body.flatMap(inBody)];
}

const executes = (card: AdaptiveCard) =>
  allActions(card).filter((action): action is ExecuteAction => action.type === 'Action.Execute');

const inputIds = (card: AdaptiveCard): string[] => {
  const ids = (element: CardElement): string[] =>
    element.type === 'Input.Text' || element.type === 'Input.ChoiceSet'
      ? [element.id]
      : element.type === 'Container'
        ? element.items.flatMap(ids)
        : [];
  return card.body.flatMap(ids);
};

describe('helpdesk cards', () => {
  it.each(ALL_CARDS)('$name parses clean as Adaptive Card 1.5', ({ card }) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(ALL_CARDS)('$name has fallback text without card markup, and no Warning color', ({ card }) => {
    expect(card.fallbackText.trim()).not.toBe('');
    expect(card.fallbackText).not.toMatch(/\{\{/);
    expect(JSON.stringify(card)).not.toContain('"Warning"');
  });

  it.each(ALL_CARDS)(
    '$name only uses the typed case verbs, each with the case number and version',
    ({ card }) => {
      const verbs = new Set<string>(Object.values(CASE_VERBS));
      for (const action of executes(card)) {
        expect(verbs).toContain(action.verb);
        expect(Object.keys(action.data).sort()).toEqual(['caseNumber', 'expectedVersion']);
        expect(action.data.caseNumber).toBe(12);
      }
    },
  );

  it('uses the helpdesk domain vocabulary, so the edge maps statuses, methods and history one to one', () => {
    expect(CASE_STATUSES).toEqual(DOMAIN_CASE_STATUSES);
    expect(VERIFICATION_METHODS).toEqual(DOMAIN_VERIFICATION_METHODS);
    expect(CASE_EVENTS).toEqual(CASE_HISTORY_ACTIONS);
  });
});

describe('the base case card everyone in the channel sees', () => {
  it.each(CASE_STATUSES)(
    'in status %s offers exactly the allowed actions, carrying the version',
    (status) => {
      const card = caseCard(aCaseIn(status), en);
      const verbs = executes(card).map((action) => action.verb);
      expect([...new Set(verbs)].sort()).toEqual([...CASE_ACTIONS[status]].sort());
      for (const action of executes(card))
        expect(action.data).toEqual({ caseNumber: 12, expectedVersion: 3 });
      // No `refresh`: in a channel of fewer than 60 people every member's client would invoke it.
      expect('refresh' in card).toBe(false);
    },
  );

  it('shows status, requester with UPN, Key ID as on the screen, reason, answers, devices, owner, verification', () => {
    const json = JSON.stringify(caseCard(aCaseIn('verified'), en));
    for (const expected of [
      'Case 12',
      en.helpdesk.statuses.verified,
      'Alex Wilber (AlexW@contoso.example)',
      '4290B6C0-1A2B',
      en.helpdesk.reasons.notReleasable,
      en.rootCauseChoices.firmwareUpdate,
      en.deviceKindChoices.workPc,
      'E_FVE_BAD_CODE_ID',
      'ALEX-LAPTOP · Entra joined',
      'ALEX-OLD-DESKTOP · Hybrid or domain joined',
      '6a0a2c8e-8f4f-4f7e-9d0a-3f1c2b4d5e6f',
      'Video call with photo ID, by Megan Bowen',
      'Note from Alex Wilber: \\"Call me after 10\\"',
      // The method in words, never its code.
      `Verified by Megan Bowen (${en.helpdesk.verificationMethods.managerConfirmation}): \\"Manager on Teams\\"`,
    ]) {
      expect(json).toContain(expected);
    }
  });

  it('writes times as card markup the renderer accepts (whole seconds), local to each reader', () => {
    const json = JSON.stringify(caseCard(aCase(), en));
    expect(json).toContain('{{DATE(2025-03-02T08:15:00Z, SHORT)}} {{TIME(2025-03-02T08:15:00Z)}}');
    expect(cardTime('2025-03-02T09:15:00+01:00')).toBe(
      '{{DATE(2025-03-02T08:15:00Z, SHORT)}} {{TIME(2025-03-02T08:15:00Z)}}',
    );
    expect(cardTime('not a time')).toBe('');
    expect(caseCard(aCase(), en).fallbackText).toBe('Case 12, Alex Wilber: Open: waiting for an agent');
  });

  it('while claimed, asks for the verification method (required) and a note inline, saved by its own button', () => {
    const card = caseCard(aCaseIn('claimed'), en);
    expect(inputIds(card)).toEqual([CARD_INPUTS.verificationMethod, CARD_INPUTS.verificationNote]);
    const save = executes(card).find((action) => action.verb === CASE_VERBS.recordVerification);
    expect(save?.associatedInputs).toBeUndefined();
    // Every other button must work without a method picked.
    for (const action of executes(card).filter((other) => other !== save))
      expect(action.associatedInputs).toBe('none');
    expect(JSON.stringify(card)).toContain('"value":"managerConfirmation"');
  });

  it('rejects only after a second, confirming tap', () => {
    const card = caseCard(aCaseIn('open'), en);
    expect(card.actions?.map((action) => action.title)).toEqual(['Claim', 'Reject as suspicious…']);
    expect(card.actions?.[1]).toMatchObject({
      type: 'Action.ToggleVisibility',
      targetElements: [{ elementId: 'reject-confirm', isVisible: true }],
    });
    const confirm = executes(card).find((action) => action.verb === CASE_VERBS.reject);
    expect(confirm).toMatchObject({ style: 'destructive', title: 'Yes, reject as suspicious' });
  });

  it('shows the latest history lines and counts the earlier ones; at most five devices', () => {
    const card = sampleCard('case card, many devices and a long history');
    const json = JSON.stringify(card);
    expect(json).toContain('6 earlier entries');
    expect(json).toContain('Note from Megan Bowen');
    expect(json).not.toContain('Posted to this channel');
    expect(json).toContain('PC-4');
    expect(json).not.toContain('PC-5');
    expect(json).toContain('and 4 more');
  });

  it('never carries a recovery password, wherever someone typed or pasted one', () => {
    const pasted = fc.constantFrom(
      DIGITS,
      DIGITS.replaceAll('-', ''),
      DIGITS.replaceAll('-', ' '),
      `my key is ${DIGITS} thanks`,
    );
    fc.assert(
      fc.property(pasted, fc.constantFrom(...CASE_STATUSES), fc.nat(4), (secret, status, field) => {
        const base = aCaseIn(status);
        const view: CaseView = {
          ...base,
          requester: field === 0 ? { name: secret, upn: `${secret}@x` } : base.requester,
          answers: field === 1 ? { ...base.answers, errorCode: secret } : base.answers,
          devices: field === 2 ? [{ name: secret, deviceId: secret, trustType: 'unknown' }] : base.devices,
          history: [
            ...base.history,
            { at: base.createdAt, event: 'noteAdded', by: field === 3 ? secret : 'A', note: secret },
          ],
          owner: field === 4 ? { name: secret } : base.owner,
        };
        const json = JSON.stringify(caseCard(view, en));
        expect(json).not.toMatch(RECOVERY_PASSWORD);
        expect(containsRecoveryPasswordShape(json)).toBe(false);
        expect(json).toContain(en.helpdesk.textWithheld);
      }),
    );
  });
});

describe('the advanced agent views', () => {
  it('the advanced view asks for a reason before the key, and makes no client fetch anything', () => {
    const card = advancedView(aCaseIn('verified'), en);
    expect('refresh' in card).toBe(false);
    expect(inputIds(card)).toEqual([CARD_INPUTS.showKeyReason]);
    expect(JSON.stringify(card)).toContain('"isRequired":true');
    expect(executes(card).map((action) => action.verb)).toEqual([CASE_VERBS.revealKey, CASE_VERBS.refresh]);
    for (const action of executes(card)) expect(action.data).toEqual({ caseNumber: 12, expectedVersion: 3 });
    expect(JSON.stringify(card)).not.toMatch(/\d{6}-\d{6}/);
  });

  it('the advanced view shows why the last press did not go through', () => {
    const card = advancedView(aCaseIn('verified'), en, { notice: 'Type why you need the key.' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Type why you need the key.' });
  });

  it('the revealed view carries the key in the release card blocks, not in its fallback', () => {
    const card = revealedKeyView(
      {
        caseNumber: 12,
        caseVersion: 4,
        requesterName: 'Alex Wilber',
        deviceName: 'ALEX-LAPTOP',
        keyId: KEY_ID,
        visibleMinutes: 5,
      },
      password,
      en,
    );
    const json = JSON.stringify(card);
    DIGITS.split('-').forEach((block, index) => {
      expect(json).toContain(`${index + 1}: ${block}`);
    });
    expect(json).toContain('Block 8 of 8');
    expect(json).toContain('4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F');
    expect(json).toContain('Alex Wilber');
    for (const block of DIGITS.split('-')) expect(card.fallbackText).not.toContain(block);
    // The requester's "It worked" buttons stay on the requester's card.
    expect(allActions(card).some((action) => action.type === 'Action.Submit')).toBe(false);
    expect(executes(card).map((action) => action.verb)).toEqual([CASE_VERBS.hideKey]);
    expect(executes(card)[0]?.data).toEqual({ caseNumber: 12, expectedVersion: 4 });
  });

  it('the hidden card names the case and carries nothing of the key', () => {
    const card = revealedKeyHiddenCard(12, en);
    expect(card.fallbackText).toContain('12');
    expect(JSON.stringify(card)).not.toMatch(/\d{6}/);
  });
});

describe("the requester's updates", () => {
  it.each(REQUESTER_UPDATE_KINDS)('%s: case number, what happened, what happens next', (kind) => {
    const card = requesterUpdateCard({ kind, caseNumber: 12, caseVersion: 4, agentName: 'Megan Bowen' }, en);
    expect(card.fallbackText.split('\n')).toEqual([
      'Your IT request 12',
      en.helpdesk.requester.updates[kind]('Megan Bowen'),
      'Request number: 12',
      en.helpdesk.requester.next[kind],
    ]);
  });

  it('names the agent who claimed, so the requester knows who will contact them', () => {
    const card = requesterUpdateCard(
      { kind: 'claimed', caseNumber: 12, caseVersion: 4, agentName: 'Megan Bowen' },
      en,
    );
    expect(card.fallbackText).toContain('Megan Bowen is now looking after your request.');
    expect(card.fallbackText).toContain('IT never asks for your password or an MFA code.');
  });

  it.each([
    ['opened', true],
    ['claimed', true],
    ['claimReleased', true],
    ['verified', true],
    ['noteAdded', true],
    ['keySent', false],
    ['resolved', false],
    ['rejected', false],
    ['cancelled', false],
  ] as const)('%s: note and cancel offered while still open: %s', (kind, open) => {
    const card = requesterUpdateCard({ kind, caseNumber: 12, caseVersion: 4 }, en);
    const verbs = executes(card).map((action) => action.verb);
    expect(verbs.sort()).toEqual(open ? [CASE_VERBS.addNote, CASE_VERBS.cancel] : []);
    for (const action of executes(card)) expect(action.data).toEqual({ caseNumber: 12, expectedVersion: 4 });
    expect(inputIds(card)).toEqual(open ? [CARD_INPUTS.requesterNote] : []);
  });

  it('the reminder says which case, for whom and how long it has waited', () => {
    expect(caseReminderText(aCase(), NOW, en)).toBe(
      'Case 12 for Alex Wilber has waited 47 minutes and nobody has claimed it yet.',
    );
    expect(caseReminderText(aCase({ requester: { name: DIGITS, upn: 'x' } }), NOW, en)).not.toMatch(
      RECOVERY_PASSWORD,
    );
  });
});

describe('helpdesk command cards', () => {
  it('queue lists the oldest case first, with how long it has waited and its owner', () => {
    const card = sampleCard('queue');
    const lines = card.fallbackText.split('\n');
    expect(lines[0]).toBe('Open cases (2)');
    expect(lines[1]).toBe('Case 12 · Alex Wilber · Claimed: verify the requester (Megan Bowen)');
    expect(lines[2]).toContain('waiting 47 min · Key ID 4290B6C0');
    expect(lines[3]).toBe('Case 14 · Adele Vance · Open: waiting for an agent');
    expect(queueCard([], NOW, en).fallbackText).toContain('No open cases');
  });

  it('stats shows the day, the counts, the median and the top reasons, most frequent first', () => {
    const card = sampleCard('stats');
    expect(card.fallbackText).toBe(
      [
        'Today (2025-03-03)',
        'Requests: 40',
        'Self-served: 31',
        'Escalated to IT: 9',
        'Median time to key: 4 min',
        'Top block reasons',
        'BIOS or firmware update: 21',
        'Windows update: 4',
      ].join('\n'),
    );
  });

  it('audit keeps the log order (newest first) and names decision, who and what', () => {
    const card = sampleCard('audit');
    const lines = card.fallbackText.split('\n');
    expect(lines[0]).toBe('Latest audit events for alexw');
    expect(lines[1]).toBe('2025-03-03 09:30 UTC · Key released');
    expect(lines[2]).toBe(
      'Alex Wilber · by Megan Bowen · ALEX-LAPTOP · Key ID 4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
    );
    expect(lines[3]).toBe('2025-03-03 09:00 UTC · Escalated to IT');
    expect(lines[4]).toBe('notReleasable');
  });

  const refusals: HelpdeskRefusal[] = [
    { code: 'notHelpdeskMember' },
    { code: 'notRequester' },
    { code: 'ownCase' },
    { code: 'caseClosed', status: 'rejected' },
    { code: 'claimedByOther', owner: { objectId: 'o', name: 'Megan Bowen' } },
    { code: 'alreadyOwner' },
    { code: 'notClaimed' },
    { code: 'verificationRequired' },
    { code: 'advancedRoleRequired' },
    { code: 'alreadyReleased' },
    { code: 'notClosed' },
    { code: 'unknownMethod' },
    { code: 'textRequired', field: 'note' },
    { code: 'textRequired', field: 'reason' },
    { code: 'textTooLong', field: 'reason', max: 1000 },
    { code: 'recoveryPasswordInText', field: 'note' },
    { code: 'changed' },
    { code: 'caseNotFound', caseNumber: 99 },
  ];

  it('every refusal has its own polite words', () => {
    const texts = refusals.map((refusal) => helpdeskRefusalText(refusal, en));
    expect(new Set(texts).size).toBe(texts.length);
    expect(helpdeskRefusalText(refusals[3]!, en)).toContain('Rejected as suspicious');
    expect(helpdeskRefusalText(refusals[4]!, en)).toContain('Megan Bowen owns this case');
    expect(helpdeskRefusalText(refusals[14]!, en)).toContain('1000');
    expect(helpdeskRefusalText(refusals[17]!, en)).toContain('99');
  });
});
