import { randomUUID } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import type { Job, JobQueue } from '../recovery/release-ports.js';

export interface JobRunnerOptions {
  readonly jobs: JobQueue;
  readonly run: (job: Job) => Promise<void>;
  readonly logger: Logger;
  readonly now: () => Date;
  /** How often to look for due jobs. */
  readonly intervalMs: number;
  /** How long a claimed job stays ours before another instance may take it over. */
  readonly leaseMs?: number;
  /** Attempts before a failing job is given up (and logged as an error). */
  readonly maxAttempts?: number;
  /** Told how late each job starts after it was due (metrics). */
  readonly onStart?: (job: Job, lagMs: number) => void;
}

export interface JobRunner {
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

/**
 * Polls the durable job queue. Every instance runs one; the queue's leases make sure a job runs on one
 * instance at a time, and a job whose instance died is picked up again when its lease ends.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const worker = `worker-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const log = options.logger.child({ component: 'jobs', worker });
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = async (): Promise<void> => {
    const due = await options.jobs.claimDue(options.now().toISOString(), worker, leaseMs, 10);
    for (const job of due) {
      options.onStart?.(job, Math.max(0, options.now().getTime() - Date.parse(job.dueAt)));
      try {
        await options.run(job);
        await options.jobs.complete(job.id, worker);
      } catch (error) {
        if (leaseLost(error)) {
          // Our lease ran out while the job ran and another instance took it over: it is theirs now.
          log.warn({ jobId: job.id, kind: job.kind }, 'job lease lost to another instance');
          continue;
        }
        const attempts = job.attempts + 1;
        if (attempts >= maxAttempts) {
          log.error({ err: error, jobId: job.id, kind: job.kind, attempts }, 'job failed for good');
          await options.jobs.complete(job.id, worker);
        } else {
          const delayMs = Math.min(15 * 60_000, 2 ** attempts * 1000);
          log.warn(
            { err: error, jobId: job.id, kind: job.kind, attempts, delayMs },
            'job failed; will retry',
          );
          await options.jobs.retry(job.id, worker, new Date(options.now().getTime() + delayMs).toISOString());
        }
      }
    }
  };

  const loop = (): void => {
    if (stopped) return;
    current = tick()
      .catch((error: unknown) => log.error({ err: error }, 'job polling failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  timer = setTimeout(loop, options.intervalMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

/** The queue's "you no longer hold this job" error (store code `JOB_LEASE_LOST`). */
function leaseLost(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'JOB_LEASE_LOST';
}
