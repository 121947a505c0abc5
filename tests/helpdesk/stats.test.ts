import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/helpdesk/case.js';
import { decideAgentAction } from '../../src/helpdesk/decide-agent-action.js';
import { openCaseFrom } from '../../src/helpdesk/open-case-from.js';
import { stats } from '../../src/helpdesk/stats.js';
import type { EscalationReason } from '../../src/recovery/triage-types.js';
import { A_VERIFICATION, ACTORS, aCaseRequest, MINUTE_MS } from '../support/helpdesk-builders.js';

const DAY = '2025-06-20';
const NO_SELF_SERVICE = { requests: 0, selfServed: 0, timesToKeyMs: [] };

/** A case opened at `openedAt` for a request started `waitedMinutes` earlier, released `releaseAfter` minutes later. */
function aCase(
  number: number,
  reason: EscalationReason,
  openedAt: string,
  releaseAfterMinutes?: number,
  startedMinutesBefore = 4,
): Case {
  const opened = Date.parse(openedAt);
  let current = openCaseFrom(
    aCaseRequest({
      reason,
      request: {
        id: `R-${number}`,
        startedAt: new Date(opened - startedMinutesBefore * MINUTE_MS).toISOString(),
      },
    }),
    number,
    new Date(opened),
  );
  if (releaseAfterMinutes === undefined) return current;
  const agent = ACTORS.agent;
  for (const [action, offset] of [
    [{ type: 'claim' }, 1],
    [A_VERIFICATION, 2],
    [{ type: 'sendKeyToRequester' }, releaseAfterMinutes],
  ] as const) {
    const decision = decideAgentAction(current, action, agent, new Date(opened + offset * MINUTE_MS));
    if (decision.kind === 'refused') throw new Error(decision.reason.code);
    current = decision.case;
  }
  return current;
}

describe('stats', () => {
  const cases = [
    aCase(1, 'notReleasable', '2025-06-19T23:50:00.000Z', 20), // opened yesterday, released today: 24 min
    aCase(2, 'notReleasable', '2025-06-20T08:00:00.000Z', 11), // 15 min
    aCase(3, 'riskStop', '2025-06-20T09:00:00.000Z', 36), // 40 min
    aCase(4, 'notReleasable', '2025-06-20T10:00:00.000Z'),
    aCase(5, 'requesterAsked', '2025-06-20T11:00:00.000Z'),
    aCase(6, 'riskStop', '2025-06-20T12:00:00.000Z'),
    aCase(7, 'keyDidNotWork', '2025-06-20T23:59:59.999Z'),
    aCase(8, 'rotationOverdue', '2025-06-21T00:00:00.000Z', 5), // tomorrow: not counted
  ];

  it('counts the day’s cases, releases and block reasons, and the median time to key over both paths', () => {
    const result = stats(cases, DAY, {
      requests: 30,
      selfServed: 21,
      timesToKeyMs: [3, 5, 7].map((m) => m * MINUTE_MS),
    });
    expect(result).toEqual({
      day: DAY,
      requests: 30,
      selfServed: 21,
      escalated: 6,
      releasedByHelpdesk: 3,
      // 3, 5, 7, 15, 24, 40 minutes → (7 + 15) / 2
      medianTimeToKeyMs: 11 * MINUTE_MS,
      topBlockReasons: [
        { reason: 'notReleasable', count: 2 },
        { reason: 'riskStop', count: 2 },
        { reason: 'keyDidNotWork', count: 1 },
      ],
    });
  });

  it('an odd number of releases takes the middle one', () => {
    expect(stats(cases, DAY, NO_SELF_SERVICE).medianTimeToKeyMs).toBe(24 * MINUTE_MS);
  });

  it('a quiet day has no median and no reasons', () => {
    expect(stats(cases, '2025-06-18', NO_SELF_SERVICE)).toEqual({
      day: '2025-06-18',
      requests: 0,
      selfServed: 0,
      escalated: 0,
      releasedByHelpdesk: 0,
      medianTimeToKeyMs: undefined,
      topBlockReasons: [],
    });
  });

  it('the next day sees only its own case', () => {
    expect(stats(cases, '2025-06-21', NO_SELF_SERVICE)).toMatchObject({
      escalated: 1,
      releasedByHelpdesk: 1,
      medianTimeToKeyMs: 9 * MINUTE_MS,
      topBlockReasons: [{ reason: 'rotationOverdue', count: 1 }],
    });
  });

  it.each(['2025-6-20', '2025-02-30', 'today', ''])('refuses the day %j', (day) => {
    expect(() => stats(cases, day, NO_SELF_SERVICE)).toThrow(RangeError);
  });
});
