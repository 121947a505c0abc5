import { type Case, isWaiting } from './case.js';

const MINUTE_MS = 60_000;

/**
 * True when an unclaimed case has waited `remindMinutes` (`CASE_REMIND_MINUTES`) since it was last
 * announced or started waiting again (claim given back, reopened), whichever is later. A case not yet
 * posted (the channel is still unknown) is due for its first post, not for a reminder. Zero or less
 * turns reminders off.
 */
export function dueForReminder(current: Case, now: Date, remindMinutes: number): boolean {
  if (!(remindMinutes > 0)) return false;
  if (!isWaiting(current.status) || current.announcedAt === undefined) return false;
  const since = Math.max(
    Date.parse(current.announcedAt),
    Date.parse(current.waitingSince ?? current.announcedAt),
  );
  return now.getTime() - since >= remindMinutes * MINUTE_MS;
}
