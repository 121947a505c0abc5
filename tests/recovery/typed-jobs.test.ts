import { describe, expect, it } from 'vitest';
import { disclosureFollowUps, signInWatchdog } from '../../src/recovery/after-disclosure.js';
import { JOB_KINDS, type Job, type NewJob } from '../../src/recovery/release-ports.js';
import { decodeJob, newJob } from '../../src/recovery/typed-jobs.js';
import { retentionJob } from '../../src/store/retention.js';
import { aDevice, aRequester, T0 } from '../support/release-builders.js';

const stored = (job: NewJob, id = '7'): Job => ({
  id,
  kind: job.kind,
  payload: job.payload,
  dueAt: job.dueAt,
  attempts: 2,
});

describe('the job codec', () => {
  const device = aDevice({ name: 'ALEX-LAPTOP' });
  const candidate = { device: device.device, key: device.keys[0]!.metadata };
  const followUps = disclosureFollowUps(
    {
      requestId: 'R-1',
      requester: aRequester(),
      holderObjectId: aRequester().objectId,
      audience: 'requester',
      candidate,
      requesterConversation: '{"conversation":{"id":"a:1"}}',
      tellConversation: '{"conversation":{"id":"a:1"}}',
      correlationId: 'c-1',
      keyVisibleMinutes: 10,
      recoverAfterMs: 180_000,
    },
    T0,
  );
  const everyKind: readonly NewJob[] = [
    ...followUps,
    signInWatchdog(
      { requestId: 'R-1', requesterObjectId: aRequester().objectId, conversationReference: '{}' },
      T0,
      1000,
    ),
    newJob('remind:1:1', 'caseReminder', { caseNumber: 1, round: 1 }, T0.toISOString()),
    retentionJob(T0),
  ];

  it('reads back every kind the bot schedules, typed, with its payload', () => {
    expect(new Set(everyKind.map((job) => job.kind))).toEqual(new Set(JOB_KINDS));
    for (const job of everyKind) {
      const typed = decodeJob(stored(job));
      expect(typed.kind, job.key).toBe(job.kind);
      if (typed.kind !== 'unreadable') expect(typed.payload).toMatchObject(job.payload);
    }
  });

  it.each([
    [
      'a hide job naming neither its release nor its card',
      { kind: 'hideKeyCard', payload: { deviceName: 'PC', keyId: 'K' } },
    ],
    ['a reminder for case "one"', { kind: 'caseReminder', payload: { caseNumber: 'one', round: 1 } }],
    ['a recovery job without follow-up keys', { kind: 'recoverRelease', payload: { requestId: 'R' } }],
    ['a retention job with data in it', { kind: 'purgeExpired', payload: { extra: true } }],
    [
      'a rotation check with a device id that is no GUID',
      { kind: 'checkRotation', payload: { deviceId: 'x' } },
    ],
  ] as const)('calls %s unreadable', (_what, job) => {
    expect(decodeJob({ id: '9', dueAt: T0.toISOString(), attempts: 0, ...job } as Job)).toEqual({
      id: '9',
      kind: 'unreadable',
      storedKind: job.kind,
    });
  });

  it('still reads a hide job from before the outbox, which named its card itself', () => {
    const legacy = { deviceName: 'PC', keyId: 'K', conversationReference: '{}', activityId: '1:2' };
    const typed = decodeJob({
      id: '3',
      kind: 'hideKeyCard',
      payload: legacy,
      dueAt: T0.toISOString(),
      attempts: 0,
    });
    expect(typed).toMatchObject({ kind: 'hideKeyCard', payload: { ...legacy, requestId: '' } });
  });
});
