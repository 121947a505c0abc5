import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/helpdesk/case.js';
import { dueForReminder } from '../../src/helpdesk/due-for-reminder.js';
import { recordAnnouncement } from '../../src/helpdesk/record-announcement.js';
import { ACTORS, aCaseIn, anOpenCase, applying, at } from '../support/helpdesk-builders.js';

const POST = { channelId: '19:helpdesk@thread.tacv2', activityId: '1718901234567' };
const REMIND = 15;

function postedAt(current: Case, minute: number): Case {
  return recordAnnouncement(current, { kind: 'posted', post: POST }, at(minute));
}

describe('recordAnnouncement', () => {
  it('remembers where the card is and when it was announced, as a versioned system change', () => {
    const posted = postedAt(anOpenCase(), 2);
    expect(posted).toMatchObject({
      post: POST,
      announcedAt: at(2).toISOString(),
      version: 2,
      status: 'open',
    });
    expect(posted.history.at(-1)).toEqual({
      at: at(2).toISOString(),
      by: { kind: 'system' },
      action: 'posted',
      status: 'open',
    });

    const reminded = recordAnnouncement(posted, { kind: 'reminded' }, at(20));
    expect(reminded).toMatchObject({ post: POST, announcedAt: at(20).toISOString(), version: 3 });
    expect(reminded.history.map((entry) => entry.action)).toEqual(['opened', 'posted', 'reminded']);
  });
});

describe('dueForReminder', () => {
  const posted = postedAt(anOpenCase(), 0);

  it.each([
    ['not posted yet (the channel is unknown)', anOpenCase(), 60, false],
    ['posted 14 minutes ago', posted, 14, false],
    ['posted exactly 15 minutes ago', posted, 15, true],
    ['posted an hour ago', posted, 60, true],
    ['reminded 10 minutes ago', recordAnnouncement(posted, { kind: 'reminded' }, at(20)), 30, false],
    ['reminded 15 minutes ago', recordAnnouncement(posted, { kind: 'reminded' }, at(20)), 35, true],
  ] as const)('%s → %s', (_label, current, minute, expected) => {
    expect(dueForReminder(current, at(minute), REMIND)).toBe(expected);
  });

  it.each(['claimed', 'verified', 'released', 'resolved', 'cancelled', 'rejected'] as const)(
    'a %s case is never re-announced',
    (status) => {
      const current = postedAt(aCaseIn(status), 0);
      expect(dueForReminder(current, at(24 * 60), REMIND)).toBe(false);
    },
  );

  it('counts from when the claim was given back, not from the first post', () => {
    // Claimed at 1, given back at 2 (the builder spaces steps one minute apart).
    const givenBack = applying(posted, [
      [{ type: 'claim' }, ACTORS.agent],
      [{ type: 'releaseClaim' }, ACTORS.agent],
    ]);
    expect(givenBack.status).toBe('open');
    expect(dueForReminder(givenBack, at(16), REMIND)).toBe(false);
    expect(dueForReminder(givenBack, at(17), REMIND)).toBe(true);
  });

  it('a reopened case waits again and is re-announced', () => {
    const reopened = postedAt(aCaseIn('reopened'), 0);
    const since = Date.parse(reopened.waitingSince!);
    expect(dueForReminder(reopened, new Date(since + 14 * 60_000), REMIND)).toBe(false);
    expect(dueForReminder(reopened, new Date(since + 15 * 60_000), REMIND)).toBe(true);
  });

  it.each([0, -5, Number.NaN])('reminders off with %s minutes', (minutes) => {
    expect(dueForReminder(posted, at(600), minutes)).toBe(false);
  });
});
