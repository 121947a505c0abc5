/**
 * `complete` or `retry` came from a worker that does not hold the job's lease: its lease expired and
 * another worker claimed the job, the job was already given back or finished, or it never existed. The
 * caller's work may now run twice, so it is told rather than silently ignored.
 */
export class JobLeaseLostError extends Error {
  readonly code = 'JOB_LEASE_LOST' as const;
  readonly jobId: string;
  readonly worker: string;

  constructor(jobId: string, worker: string) {
    super(`job ${jobId} is not leased to worker "${worker}" (lease expired and taken over, or job finished)`);
    this.name = 'JobLeaseLostError';
    this.jobId = jobId;
    this.worker = worker;
  }
}
