import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCaseDetails } from '../../src/helpdesk/attach-case-details.js';
import { type Case, isClosed } from '../../src/helpdesk/case.js';
import { type CaseAction, decideAgentAction } from '../../src/helpdesk/decide-agent-action.js';
import { recordAnnouncement } from '../../src/helpdesk/record-announcement.js';
import { ACTORS, anOpenCase, ROLES, T0 } from '../support/helpdesk-builders.js';
import { A_RECOVERY_PASSWORD } from '../support/triage-builders.js';

/** The shape every secret scan in this project looks for. */
const PASSWORD_SHAPE = /\d{6}(-\d{6}){7}/;

const texts = fc.oneof(
  fc.constantFrom(
    'checked badge',
    'called their manager Megan',
    '',
    '   ',
    A_RECOVERY_PASSWORD,
    `key ${A_RECOVERY_PASSWORD}`,
  ),
  fc.string({ maxLength: 40 }),
);

const actions: fc.Arbitrary<CaseAction> = fc.oneof(
  fc.constant<CaseAction>({ type: 'claim' }),
  fc.constant<CaseAction>({ type: 'releaseClaim' }),
  fc
    .tuple(fc.constantFrom('videoCallPhotoId', 'inPerson', 'managerConfirmation' as const), texts)
    .map(([method, note]): CaseAction => ({ type: 'recordVerification', method, note })),
  fc.constant<CaseAction>({ type: 'sendKeyToRequester' }),
  texts.map((reason): CaseAction => ({ type: 'showKeyToMe', reason })),
  fc.constant<CaseAction>({ type: 'resolve' }),
  texts.map((note): CaseAction => ({ type: 'rejectAsSuspicious', note })),
  fc.constant<CaseAction>({ type: 'reopen' }),
  fc.constant<CaseAction>({ type: 'cancel' }),
  texts.map((note): CaseAction => ({ type: 'addNote', note })),
);

const steps = fc.array(fc.tuple(actions, fc.constantFrom(...ROLES)), { maxLength: 30 });

describe('case invariants over any sequence of actions', () => {
  it('version counts the history, a key never enters, owners and verifications stay consistent', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        let current: Case = recordAnnouncement(
          attachCaseDetails(anOpenCase(), { devices: [{ name: 'ALEX-LAPTOP', deviceId: 'd-1' }] }, T0),
          { kind: 'posted', post: { channelId: '19:hd@thread.tacv2', activityId: '1' } },
          T0,
        );
        let minute = 0;
        for (const [action, role] of sequence) {
          minute += 1;
          const decision = decideAgentAction(
            current,
            action,
            ACTORS[role],
            new Date(T0.getTime() + minute * 60_000),
          );
          if (decision.kind === 'refused') continue;
          const next = decision.case;
          expect(next.version).toBe(current.version + 1);
          current = next;

          expect(current.history).toHaveLength(current.version);
          expect(JSON.stringify(current)).not.toMatch(PASSWORD_SHAPE);
          expect(JSON.stringify(decision.events)).not.toMatch(PASSWORD_SHAPE);
          if (current.status === 'open' || current.status === 'reopened') {
            expect(current.owner).toBeUndefined();
            expect(current.waitingSince).toBeDefined();
          } else if (current.status !== 'cancelled') {
            expect(current.owner).toBeDefined();
          }
          if (current.status === 'released') expect(current.verification).toBeDefined();
          if (current.releasedAt !== undefined) {
            expect(current.history.some((entry) => /^key/.test(entry.action))).toBe(true);
          }
          expect(current.closedAt !== undefined).toBe(isClosed(current.status));
          expect(current.owner?.objectId).not.toBe(current.requester.objectId);
        }
      }),
      { numRuns: 300, seed: 20250620 },
    );
  });
});
