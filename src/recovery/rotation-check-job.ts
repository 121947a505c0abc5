import { z } from 'zod';
import type { Requester } from './case-requests.js';
import type { NewJob } from './release-ports.js';

/*
 * The rotation loop's job, as data: what is scheduled when a key is disclosed (with the claim, in the release
 * outbox) and what each look reads back. The loop itself runs at the edge (bot/rotation.ts).
 */

/** What the rotation loop needs to know about one release. Metadata only: never the key. */
export interface RotationCheckInput {
  readonly requestId: string;
  readonly requester: Requester;
  /** Entra `deviceId` (= Intune `azureADDeviceId`), not the device object's id. */
  readonly deviceId: string;
  readonly deviceName: string;
  /** The Key ID that was shown, as Graph returns it. */
  readonly releasedKeyId: string;
  /** Its `createdDateTime`: a rotated key shows up with a newer one. */
  readonly releasedKeyCreatedAt: string;
  /** Serialized conversation reference of the requester's 1:1 chat (for the case request). */
  readonly conversationReference: string;
  /** Ties the loop's audit events to the release; a fresh one when absent. */
  readonly correlationId?: string;
}

/** When to look and for how long. */
export interface RotationCheckOptions {
  /** The first look, e.g. 10 minutes: client-driven rotation happens soon after the device boots. */
  readonly firstCheckAfterMs: number;
  /** No newer key this long after scheduling → the helpdesk follows up (24 h in product.md §3.2). */
  readonly deadlineMs: number;
  /** The wait between looks doubles up to this. */
  readonly maxIntervalMs?: number;
}

/** Product defaults: first look after 10 minutes, then doubling up to 4 h, for 24 h. */
export const DEFAULT_ROTATION_CHECK_OPTIONS: Required<RotationCheckOptions> = {
  firstCheckAfterMs: 10 * 60_000,
  deadlineMs: 24 * 60 * 60_000,
  maxIntervalMs: 4 * 60 * 60_000,
};

/**
 * Where the Intune request stands: not asked yet, asked (once per release), no Intune record for the
 * device, or Intune refused (no permission, not a Windows device). The last two are not asked again.
 */
export const INTUNE_ROTATION_STATES = ['notAsked', 'requested', 'notManaged', 'refused'] as const;
export type IntuneRotationState = (typeof INTUNE_ROTATION_STATES)[number];

/** The `checkRotation` job's payload: the input plus where the loop stands. */
export interface RotationCheckPayload extends Omit<RotationCheckInput, 'correlationId'> {
  readonly correlationId: string;
  /** When the loop began (the user reported success). */
  readonly startedAt: string;
  /** Past this without a newer key, the check is overdue. */
  readonly deadlineAt: string;
  /** 1 for the first look; each follow-up is a new job with the next number. */
  readonly check: number;
  /** The wait before the next look. */
  readonly intervalMs: number;
  readonly maxIntervalMs: number;
  readonly intune: IntuneRotationState;
}

/** One key per look: a re-run of a look (after a crash) schedules the same follow-up, not a second one. */
export function rotationJobKey(requesterObjectId: string, requestId: string, check: number): string {
  return `rotation:${requesterObjectId}:${requestId}:${check}`;
}

/**
 * The loop's first look for a released key: a `checkRotation` job after `firstCheckAfterMs`. Its key is one
 * per (requester, request): "It worked" clicked twice, or on two instances, schedules once.
 */
export function firstRotationCheck(
  input: RotationCheckInput,
  now: Date,
  options: RotationCheckOptions = DEFAULT_ROTATION_CHECK_OPTIONS,
): NewJob {
  const maxIntervalMs = options.maxIntervalMs ?? DEFAULT_ROTATION_CHECK_OPTIONS.maxIntervalMs;
  const payload = rotationPayloadSchema.parse({
    requestId: input.requestId,
    requester: {
      objectId: input.requester.objectId,
      tenantId: input.requester.tenantId,
      teamsUserId: input.requester.teamsUserId,
      displayName: input.requester.displayName,
    },
    deviceId: input.deviceId,
    deviceName: input.deviceName,
    releasedKeyId: input.releasedKeyId,
    releasedKeyCreatedAt: input.releasedKeyCreatedAt,
    conversationReference: input.conversationReference,
    correlationId: input.correlationId ?? crypto.randomUUID(),
    startedAt: now.toISOString(),
    deadlineAt: new Date(now.getTime() + options.deadlineMs).toISOString(),
    check: 1,
    intervalMs: Math.min(options.firstCheckAfterMs * 2, maxIntervalMs),
    maxIntervalMs,
    intune: 'notAsked',
  } satisfies RotationCheckPayload);
  return {
    key: rotationJobKey(payload.requester.objectId, payload.requestId, 1),
    kind: 'checkRotation',
    payload: { ...payload },
    dueAt: new Date(
      Math.min(now.getTime() + options.firstCheckAfterMs, Date.parse(payload.deadlineAt)),
    ).toISOString(),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoInstant = z.string().refine((text) => Number.isFinite(Date.parse(text)), 'an ISO instant');
const nonEmpty = z.string().min(1);

/** The payload as stored; checked when a job comes back, since the row outlives this code's version. */
export const rotationPayloadSchema = z.object({
  requestId: nonEmpty,
  requester: z.object({
    objectId: nonEmpty,
    tenantId: nonEmpty,
    teamsUserId: z.string(),
    displayName: z.string(),
  }),
  deviceId: z.string().regex(GUID),
  deviceName: z.string(),
  releasedKeyId: z.string().regex(GUID),
  releasedKeyCreatedAt: isoInstant,
  conversationReference: nonEmpty,
  correlationId: nonEmpty,
  startedAt: isoInstant,
  deadlineAt: isoInstant,
  check: z.number().int().positive(),
  intervalMs: z.number().int().positive(),
  maxIntervalMs: z.number().int().positive(),
  intune: z.enum(INTUNE_ROTATION_STATES),
}) satisfies z.ZodType<RotationCheckPayload>;
