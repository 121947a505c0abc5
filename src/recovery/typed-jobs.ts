import { z } from 'zod';
import type { HideKeyCardPayload, RecoverReleasePayload } from './after-disclosure.js';
import type { Job, JobKind, NewJob } from './release-ports.js';
import { type RotationCheckPayload, rotationPayloadSchema } from './rotation-check-job.js';

/*
 * The durable jobs as a union of kinds with their payloads, and the one codec that turns a stored job back
 * into it. The queue stores payloads as plain JSON (any instance, any version of this code may read a row), so
 * every payload is checked here once, and a job whose payload does not fit is `unreadable`, not guessed.
 */

/** Where a hide job scheduled before the release outbox said its card was (newer ones ask the ledger). */
export interface LegacyCardLocation {
  readonly conversationReference?: string;
  readonly activityId?: string;
}

export interface CaseReminderPayload {
  readonly caseNumber: number;
  /** 1 for the first reminder; each reminder schedules the next round. */
  readonly round: number;
}

/** Each job kind's payload. */
export interface JobPayloads {
  readonly hideKeyCard: HideKeyCardPayload & LegacyCardLocation;
  readonly checkRotation: RotationCheckPayload;
  readonly caseReminder: CaseReminderPayload;
  readonly recoverRelease: RecoverReleasePayload;
  readonly purgeExpired: Readonly<Record<string, never>>;
}

/** A due job with its payload checked: what the dispatcher switches on. */
export type TypedJob = {
  readonly [K in JobKind]: {
    readonly id: string;
    readonly kind: K;
    readonly payload: JobPayloads[K];
    readonly attempts: number;
  };
}[JobKind];

/** A stored job whose payload fits no known shape (a bug, or a row from a newer version). */
export interface UnreadableJob {
  readonly id: string;
  readonly kind: 'unreadable';
  readonly storedKind: string;
}

const nonEmpty = z.string().min(1);

const SCHEMAS = {
  hideKeyCard: z
    .object({
      requestId: nonEmpty.optional(),
      deviceName: z.string(),
      keyId: z.string(),
      caseNumber: z.number().int().positive().optional(),
      conversationReference: nonEmpty.optional(),
      activityId: z.string().optional(),
    })
    .refine((p) => p.requestId !== undefined || (p.conversationReference && p.activityId !== undefined), {
      message: 'a hide job names its release or its card',
    })
    .transform((p) => ({ ...p, requestId: p.requestId ?? '' })),
  checkRotation: rotationPayloadSchema,
  caseReminder: z.object({ caseNumber: z.number().int().positive(), round: z.number().int().positive() }),
  recoverRelease: z.object({
    requestId: nonEmpty,
    requesterObjectId: nonEmpty,
    audience: z.enum(['requester', 'agent']),
    conversationReference: nonEmpty,
    caseNumber: z.number().int().positive().optional(),
    followUpKeys: z.array(nonEmpty),
  }),
  purgeExpired: z.object({}).strict(),
} satisfies { readonly [K in JobKind]: z.ZodType<JobPayloads[K], z.ZodTypeDef, unknown> };

/** The one codec: a stored job as its typed kind, or `unreadable`. */
export function decodeJob(job: Job): TypedJob | UnreadableJob {
  const parsed = SCHEMAS[job.kind].safeParse(job.payload);
  if (!parsed.success) return { id: job.id, kind: 'unreadable', storedKind: job.kind };
  // TypeScript cannot tie `SCHEMAS[job.kind]`'s output to `job.kind`; the `satisfies` above does, per kind.
  return { id: job.id, kind: job.kind, payload: parsed.data, attempts: job.attempts } as TypedJob;
}

/** A job to schedule, its payload checked against its kind by the compiler. */
export function newJob<K extends JobKind>(
  key: string,
  kind: K,
  payload: JobPayloads[K],
  dueAt: string,
): NewJob {
  return { key, kind, payload: { ...payload }, dueAt };
}
