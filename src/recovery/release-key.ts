import type { Requester } from './case-requests.js';
import { type DeviceDirectory, DirectoryError, type KeyMetadata, type KeyReader } from './directory-ports.js';
import type { RecoveryPassword } from './recovery-password.js';
import {
  type Candidate,
  type DenialReason,
  decideRelease,
  matchCandidates,
  type ReleaseLimits,
} from './release-policy.js';
import { type AuditLog, auditedRequester, type NewJob, type ReleaseLedger } from './release-ports.js';
import type { RecoveryRequest } from './triage-types.js';

/** Everything the release needs from outside, passed in by the edge. */
export interface ReleaseDependencies {
  readonly directory: DeviceDirectory;
  readonly keys: KeyReader;
  readonly ledger: ReleaseLedger;
  readonly audit: AuditLog;
  readonly limits: ReleaseLimits;
  /** SELF_SERVICE_GROUP_ID, when self-service is limited to a group. */
  readonly selfServiceGroupId: string | undefined;
  readonly now: () => Date;
}

export interface ReleaseInput {
  readonly requester: Requester;
  readonly request: RecoveryRequest;
  /** How and when the requester proved who they are (the step-up sign-in). */
  readonly verification: { readonly method: string; readonly at: string };
  readonly correlationId: string;
  /** The agent releasing the key for the requester (helpdesk), as the audit names them; absent for self-service. */
  readonly actor?: string;
  /** The agent's stated reason, audited with the release ("Show key to me"). */
  readonly note?: string;
  /**
   * What must follow a disclosure of the candidate's key (hide the card, check the rotation, recover after a
   * crash), scheduled with the claim in one transaction, before the key is read.
   */
  readonly followUps: (candidate: Candidate, claimedAt: Date) => readonly NewJob[];
}

/** How a release attempt ended. Only `released` carries the key, and only to be shown in the 1:1 chat. */
export type ReleaseOutcome =
  | {
      readonly kind: 'released';
      readonly device: Candidate['device'];
      readonly key: KeyMetadata;
      readonly password: RecoveryPassword;
    }
  | { readonly kind: 'needMoreDigits'; readonly matches: number }
  | {
      readonly kind: 'denied';
      readonly reason: DenialReason;
      readonly candidate: Candidate | undefined;
      /** When the candidate's key was last released, for `alreadyReleased` and `repeatRecovery`. */
      readonly lastReleasedAt?: string;
    };

/**
 * Finds the one key that matches the request among the requester's own devices, applies the release
 * policy, and reads the key exactly once, only after every check passed. Every decision is audited.
 */
export async function releaseKey(input: ReleaseInput, deps: ReleaseDependencies): Promise<ReleaseOutcome> {
  const { requester, request } = input;
  const prefix = request.keyId ?? '';
  // Digits, not characters: a Key ID typed with dashes or braces is no longer than its digits.
  const prefixDigits = prefix.replace(/[\s{}-]/g, '').length;
  const now = deps.now();
  // Known once the key is found, so a failure of the key read itself is audited with its device.
  let found: Candidate | undefined;
  try {
    // A risk stop needs nothing from the directory; asking first would let an outage hide it.
    const inSelfServiceGroup =
      deps.selfServiceGroupId && !request.riskStop
        ? await deps.directory.isMember(requester.objectId, deps.selfServiceGroupId)
        : undefined;
    const since = new Date(now.getTime() - deps.limits.windowMs).toISOString();
    const releasesByRequester = await deps.ledger.countByRequester(requester.objectId, since);
    const early = decideRelease(
      {
        riskStop: request.riskStop,
        inSelfServiceGroup,
        releasesByRequester,
        candidates: [],
        releasesOfDevice: 0,
        lastReleaseOfDeviceAt: undefined,
        prefixDigits,
      },
      deps.limits,
      now,
    );
    if (early.kind === 'deny' && early.reason !== 'noMatch')
      return await denied(early.reason, undefined, input, deps);

    const candidates = await findCandidates(prefix, requester.objectId, deps.directory);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const latest = only ? await deps.ledger.latestForDevice(only.device.deviceId) : undefined;
    // This very request released the device's key (a double click, a replayed callback): not a repeat recovery.
    if (only && latest?.requestId === request.id)
      return await denied('alreadyReleased', only, input, deps, latest.releasedAt);
    const decision = decideRelease(
      {
        riskStop: request.riskStop,
        inSelfServiceGroup,
        releasesByRequester,
        candidates,
        releasesOfDevice: only ? await deps.ledger.countByDevice(only.device.deviceId, since) : 0,
        lastReleaseOfDeviceAt: latest?.releasedAt,
        prefixDigits,
      },
      deps.limits,
      now,
    );
    if (decision.kind === 'needMoreDigits') return decision;
    if (decision.kind === 'deny') {
      const releasedAt = decision.reason === 'repeatRecovery' ? latest?.releasedAt : undefined;
      return await denied(decision.reason, only, input, deps, releasedAt);
    }

    const { candidate } = decision;
    found = candidate;
    const followUps = input.followUps(candidate, now);
    const claimed = await deps.ledger.claim(
      {
        requestId: request.id,
        requesterObjectId: requester.objectId,
        deviceId: candidate.device.deviceId,
        keyId: candidate.key.id,
        releasedAt: now.toISOString(),
      },
      followUps,
    );
    if (!claimed) return await denied('alreadyReleased', candidate, input, deps);
    let password: RecoveryPassword;
    try {
      password = await deps.keys.readKey(candidate.key.id);
    } catch (error) {
      // Nothing was released: give the request back so a retry is possible and no limit is spent.
      await deps.ledger.withdraw(
        request.id,
        followUps.map((job) => job.key),
      );
      throw error;
    }
    await deps.audit.append({ ...auditBase(input, deps, candidate), decision: 'released' });
    return { kind: 'released', device: candidate.device, key: candidate.key, password };
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    const reason: DenialReason =
      error.failure === 'notAllowed' || error.failure === 'notFound'
        ? 'notAllowedByTenant'
        : 'directoryUnavailable';
    return await denied(reason, found, input, deps);
  }
}

async function findCandidates(prefix: string, requesterObjectId: string, directory: DeviceDirectory) {
  const devices = await directory.ownedDevices(requesterObjectId);
  const keysByDevice = new Map<string, readonly KeyMetadata[]>();
  for (const device of devices)
    keysByDevice.set(device.deviceId, await directory.recoveryKeys(device.deviceId));
  return matchCandidates(prefix, devices, keysByDevice);
}

async function denied(
  reason: DenialReason,
  candidate: Candidate | undefined,
  input: ReleaseInput,
  deps: ReleaseDependencies,
  lastReleasedAt?: string,
): Promise<ReleaseOutcome> {
  await deps.audit.append({
    ...auditBase(input, deps, candidate),
    decision: reason === 'rateLimited' || reason === 'deviceRateLimited' ? 'rateLimited' : 'denied',
    reason,
  });
  return { kind: 'denied', reason, candidate, ...(lastReleasedAt ? { lastReleasedAt } : {}) };
}

function auditBase(input: ReleaseInput, deps: ReleaseDependencies, candidate: Candidate | undefined) {
  return {
    at: deps.now().toISOString(),
    correlationId: input.correlationId,
    requester: auditedRequester(input.requester),
    requestId: input.request.id,
    requestStartedAt: input.request.startedAt,
    keyId: candidate?.key.id ?? input.request.keyId,
    verification: input.verification,
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(candidate ? { deviceId: candidate.device.deviceId, deviceName: candidate.device.displayName } : {}),
  };
}
