/**
 * What the daily retention job deletes: everything older than its cut-off. The audit trail has a cut-off of
 * its own (AUDIT_RETENTION_DAYS, longer): nothing else ever deletes from it.
 */
export interface RetentionCutoffs {
  /** Conversations nobody wrote to since (their triage and language). */
  readonly turnState: Date;
  /** Sign-ins that expired before (used or not). */
  readonly signInStates: Date;
  /** Finished jobs due before. */
  readonly finishedJobs: Date;
  /** Case requests recorded before. */
  readonly caseRequests: Date;
  /** Closed cases (resolved, cancelled, rejected) last changed before. */
  readonly closedCases: Date;
  readonly auditEvents: Date;
}

/** How many rows each cut-off removed. */
export type RetentionCounts = { readonly [table in keyof RetentionCutoffs]: number };

export interface Retention {
  /** Deletes what is past its cut-off, in one transaction per table. Safe on any instance, any number of times. */
  purge(cutoffs: RetentionCutoffs): Promise<RetentionCounts>;
}

const DAY_MS = 24 * 60 * 60_000;

/** RETENTION_DAYS and AUDIT_RETENTION_DAYS. */
export interface RetentionDays {
  readonly data: number;
  readonly audit: number;
}

/** The cut-offs at `now`. An expired sign-in is kept a day, for the "link already used" answer. */
export function retentionCutoffs(now: Date, days: RetentionDays): RetentionCutoffs {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    turnState: before(days.data * DAY_MS),
    signInStates: before(DAY_MS),
    finishedJobs: before(days.data * DAY_MS),
    caseRequests: before(days.data * DAY_MS),
    closedCases: before(days.data * DAY_MS),
    auditEvents: before(days.audit * DAY_MS),
  };
}

/**
 * The retention job for the day of `now` (UTC): one key per day, so every instance scheduling it at start,
 * and each run scheduling the next, add up to one run a day.
 */
export function retentionJob(now: Date): {
  readonly key: string;
  readonly kind: 'purgeExpired';
  readonly payload: Readonly<Record<string, unknown>>;
  readonly dueAt: string;
} {
  return {
    key: `purge:${now.toISOString().slice(0, 10)}`,
    kind: 'purgeExpired',
    payload: {},
    dueAt: now.toISOString(),
  };
}

/** The next day's run, a day after `now`. */
export function nextRetentionJob(now: Date): ReturnType<typeof retentionJob> {
  return retentionJob(new Date(now.getTime() + DAY_MS));
}
