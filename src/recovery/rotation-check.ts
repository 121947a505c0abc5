import type { Logger } from '../observability/logger.js';
import type { CaseRequestStore } from './case-requests.js';
import {
  DirectoryError,
  type DirectoryFailure,
  type KeyMetadata,
  type RotationDirectory,
} from './directory-ports.js';
import { type AuditDecision, type AuditLog, auditedRequester, type JobQueue } from './release-ports.js';
import { type IntuneRotationState, type RotationCheckPayload, rotationJobKey } from './rotation-check-job.js';
import type { RecoveryRequest } from './triage-types.js';

/** ROTATE_AFTER_RELEASE: only watch for client-driven rotation, or also ask Intune to rotate. */
export type RotateAfterRelease = 'none' | 'intune';

export interface RotationCheckDependencies {
  /** With the app's own token: the loop runs long after the requester's token expired. */
  readonly directory: RotationDirectory;
  readonly caseRequests: CaseRequestStore;
  readonly audit: AuditLog;
  readonly jobs: JobQueue;
  readonly rotateAfterRelease: RotateAfterRelease;
  readonly now: () => Date;
  readonly logger: Logger;
  /**
   * Failed attempts of one check after which a Graph failure no longer throws: the loop moves on to its
   * next look instead, so an outage longer than the job runner's retries cannot end it silently. Keep it
   * below the runner's `maxAttempts` (default 8). Default 4.
   */
  readonly attemptsBeforeMovingOn?: number;
}

/** How one look ended. */
export type RotationCheckResult =
  | { readonly outcome: 'confirmed'; readonly newKeyId: string }
  | { readonly outcome: 'requestedIntune'; readonly nextCheckAt: string }
  | { readonly outcome: 'waiting'; readonly nextCheckAt: string }
  | { readonly outcome: 'overdue'; readonly caseNumber: number };

const SYSTEM_ACTOR = 'system:rotationCheck';
const DEFAULT_ATTEMPTS_BEFORE_MOVING_ON = 4;
/** Graph answers that another attempt will not change: Intune is not asked again. */
const FINAL_INTUNE_FAILURES: ReadonlySet<DirectoryFailure> = new Set(['notAllowed', 'notFound', 'invalid']);

/**
 * One look of the rotation loop. A newer key on the released key's volume → confirmed. Past the deadline →
 * a `rotationOverdue` case request for the helpdesk. Otherwise, with `ROTATE_AFTER_RELEASE=intune`, asks
 * Intune once to rotate, and schedules the next look (a new job: this one completes). Every step is safe
 * to repeat, because the job runner re-runs a look that threw. Graph failures throw so it retries.
 */
export async function runRotationCheck(
  job: { readonly id: string; readonly payload: RotationCheckPayload; readonly attempts: number },
  deps: RotationCheckDependencies,
): Promise<RotationCheckResult> {
  const log = deps.logger.child({ component: 'rotation', jobId: job.id });
  const { payload } = job;
  const context = log.child({
    requestId: payload.requestId,
    deviceId: payload.deviceId,
    keyId: payload.releasedKeyId,
    check: payload.check,
  });
  const now = deps.now();
  const pastDeadline = now.getTime() >= Date.parse(payload.deadlineAt);
  const movingOn = job.attempts + 1 >= (deps.attemptsBeforeMovingOn ?? DEFAULT_ATTEMPTS_BEFORE_MOVING_ON);

  let keys: readonly KeyMetadata[];
  try {
    keys = await deps.directory.recoveryKeys(payload.deviceId);
  } catch (error) {
    if (!(error instanceof DirectoryError) || !movingOn) throw error;
    // Graph has been failing for this look through every retry: carry on with the loop rather than die.
    context.warn(
      { err: error, attempts: job.attempts + 1 },
      'rotation check could not reach Graph; moving on',
    );
    return pastDeadline ? overdue(payload, deps, now, context) : waitMore(payload, payload.intune, deps, now);
  }

  const newer = newerKey(keys, payload);
  if (newer) {
    // A re-run of the look that asked Intune still has `notAsked` in its payload: the trail knows better.
    const askedIntune = payload.intune === 'requested' || (await audited(payload, deps, 'rotationRequested'));
    await auditOnce(payload, deps, now, 'rotationConfirmed', {
      reason: askedIntune ? 'intuneRotation' : 'newerKey',
    });
    context.info({ newKeyId: newer.id }, 'rotation confirmed: a newer key is escrowed');
    return { outcome: 'confirmed', newKeyId: newer.id };
  }
  if (pastDeadline) return overdue(payload, deps, now, context);

  let intune = payload.intune;
  if (deps.rotateAfterRelease === 'intune' && intune === 'notAsked') {
    try {
      intune = await requestIntuneRotation(payload, deps, now, context);
    } catch (error) {
      if (!(error instanceof DirectoryError) || !movingOn) throw error;
      // Intune has been failing for this look: ask again at the next one rather than end the loop.
      context.warn({ err: error, attempts: job.attempts + 1 }, 'could not ask Intune to rotate; moving on');
    }
  }
  const next = await waitMore(payload, intune, deps, now);
  if (intune === 'requested' && payload.intune !== 'requested') {
    return { outcome: 'requestedIntune', nextCheckAt: next.nextCheckAt };
  }
  context.info({ nextCheckAt: next.nextCheckAt }, 'no newer key yet');
  return next;
}

/**
 * The newest key created after the released one, on the same volume when both are known: a new key on a
 * data drive says nothing about the operating-system volume's password that was disclosed.
 */
function newerKey(
  keys: readonly KeyMetadata[],
  payload: RotationCheckPayload,
): { readonly id: string } | undefined {
  const releasedId = payload.releasedKeyId.toLowerCase();
  const releasedAt = Date.parse(payload.releasedKeyCreatedAt);
  const volume = keys.find((key) => key.id.toLowerCase() === releasedId)?.volumeType;
  return keys
    .filter(
      (key) =>
        key.id.toLowerCase() !== releasedId &&
        Date.parse(key.createdDateTime) > releasedAt &&
        (volume === undefined || key.volumeType === undefined || key.volumeType === volume),
    )
    .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime))[0];
}

/** Asks Intune to rotate, at most once per release, even when this look is re-run after a crash. */
async function requestIntuneRotation(
  payload: RotationCheckPayload,
  deps: RotationCheckDependencies,
  now: Date,
  log: Logger,
): Promise<IntuneRotationState> {
  // The audit event is written right after the request: finding it means a previous run got that far.
  if (await audited(payload, deps, 'rotationRequested')) return 'requested';
  let managedDeviceId: string;
  try {
    const managed = await deps.directory.managedDeviceByAzureAdDeviceId(payload.deviceId);
    if (!managed) {
      log.info('device has no Intune record; waiting for client-driven rotation');
      return 'notManaged';
    }
    managedDeviceId = managed.id;
    await deps.directory.rotateBitLockerKeys(managedDeviceId);
  } catch (error) {
    if (error instanceof DirectoryError && FINAL_INTUNE_FAILURES.has(error.failure)) {
      log.warn({ err: error }, 'Intune refused the rotation request; waiting for client-driven rotation');
      return 'refused';
    }
    throw error;
  }
  await auditOnce(payload, deps, now, 'rotationRequested', { reason: `intune:${managedDeviceId}` });
  log.info({ managedDeviceId }, 'Intune asked to rotate the BitLocker keys');
  return 'requested';
}

/** Schedules the next look: the wait doubles up to the cap, and the last look falls on the deadline. */
async function waitMore(
  payload: RotationCheckPayload,
  intune: IntuneRotationState,
  deps: RotationCheckDependencies,
  now: Date,
): Promise<{ readonly outcome: 'waiting'; readonly nextCheckAt: string }> {
  const deadline = Date.parse(payload.deadlineAt);
  const nextCheckAt = new Date(Math.min(now.getTime() + payload.intervalMs, deadline)).toISOString();
  const next: RotationCheckPayload = {
    ...payload,
    check: payload.check + 1,
    intervalMs: Math.min(payload.intervalMs * 2, payload.maxIntervalMs),
    intune,
  };
  await deps.jobs.schedule({
    key: rotationJobKey(payload.requester.objectId, payload.requestId, next.check),
    kind: 'checkRotation',
    payload: { ...next },
    dueAt: nextCheckAt,
  });
  return { outcome: 'waiting', nextCheckAt };
}

/**
 * No newer key by the deadline: the disclosed key is still valid, so the helpdesk must follow up. Recorded
 * as a case request of its own (request id `<id>:rotation`), so it is not swallowed by a case the same
 * request may already have ("It didn't work"), and recorded once however often this runs.
 */
async function overdue(
  payload: RotationCheckPayload,
  deps: RotationCheckDependencies,
  now: Date,
  log: Logger,
): Promise<RotationCheckResult> {
  const request: RecoveryRequest = {
    id: `${payload.requestId}:rotation`,
    keyId: payload.releasedKeyId.replace(/[\s{}-]/g, '').toUpperCase(),
    rootCause: undefined,
    reasonCode: undefined,
    errorCode: undefined,
    deviceKind: undefined,
    riskStop: false,
    startedAt: payload.startedAt,
  };
  const { caseRequest, created } = await deps.caseRequests.record({
    requester: payload.requester,
    request,
    reason: 'rotationOverdue',
    conversationReference: payload.conversationReference,
    createdAt: now.toISOString(),
  });
  await auditOnce(payload, deps, now, 'rotationOverdue', {
    reason: payload.intune === 'requested' ? 'noNewerKeyAfterIntune' : 'noNewerKey',
  });
  log.warn(
    { caseNumber: caseRequest.number, created, intune: payload.intune },
    'no newer key by the deadline; case request for the helpdesk',
  );
  return { outcome: 'overdue', caseNumber: caseRequest.number };
}

async function audited(
  payload: RotationCheckPayload,
  deps: RotationCheckDependencies,
  decision: AuditDecision,
): Promise<boolean> {
  const events = await deps.audit.query({
    deviceId: payload.deviceId,
    keyId: payload.releasedKeyId,
    limit: 200,
  });
  return events.some((event) => event.decision === decision && event.requestId === payload.requestId);
}

/** The loop's steps can run twice (a retried look); the trail should still say each thing once. */
async function auditOnce(
  payload: RotationCheckPayload,
  deps: RotationCheckDependencies,
  now: Date,
  decision: AuditDecision,
  extra: { readonly reason: string },
): Promise<void> {
  if (await audited(payload, deps, decision)) return;
  await deps.audit.append({
    at: now.toISOString(),
    correlationId: payload.correlationId,
    decision,
    reason: extra.reason,
    requester: auditedRequester(payload.requester),
    deviceId: payload.deviceId,
    deviceName: payload.deviceName,
    keyId: payload.releasedKeyId,
    requestId: payload.requestId,
    actor: SYSTEM_ACTOR,
  });
}
