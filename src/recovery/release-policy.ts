import type { KeyMetadata, OwnedDevice } from './directory-ports.js';
import { keyIdMatches } from './key-id.js';

/** Limits of self-service, from configuration. */
export interface ReleaseLimits {
  /** Releases one requester may get in `windowMs` (default 3 per 24 h). */
  readonly perRequester: number;
  /** Releases of one device's keys in `windowMs`. */
  readonly perDevice: number;
  readonly windowMs: number;
  /** A second recovery of the same device this soon after the last one is a risk stop. */
  readonly repeatWindowMs: number;
}

export const DEFAULT_RELEASE_LIMITS: ReleaseLimits = {
  perRequester: 3,
  perDevice: 3,
  windowMs: 24 * 60 * 60 * 1000,
  repeatWindowMs: 60 * 60 * 1000,
};

/** Why a key is not released by self-service. The requester sees the same words for the first three. */
export const DENIAL_REASONS = [
  'noMatch',
  'notAllowedByTenant',
  'notInSelfServiceGroup',
  'rateLimited',
  'deviceRateLimited',
  'riskStop',
  'deviceDisabled',
  'repeatRecovery',
  'directoryUnavailable',
  'alreadyReleased',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

/** A key that matches the prefix, with the device it belongs to (one of the requester's own). */
export interface Candidate {
  readonly device: OwnedDevice;
  readonly key: KeyMetadata;
}

/**
 * Matches the typed prefix against the keys of the requester's own devices only. Keys of other devices
 * never enter the result, whatever the caller's directory roles are.
 */
export function matchCandidates(
  prefix: string,
  devices: readonly OwnedDevice[],
  keysByDevice: ReadonlyMap<string, readonly KeyMetadata[]>,
): readonly Candidate[] {
  const owned = new Map(devices.map((device) => [device.deviceId.toLowerCase(), device]));
  const candidates: Candidate[] = [];
  for (const [deviceId, keys] of keysByDevice) {
    const device = owned.get(deviceId.toLowerCase());
    if (!device) continue;
    for (const key of keys) {
      if (key.deviceId.toLowerCase() === device.deviceId.toLowerCase() && keyIdMatches(prefix, key.id)) {
        candidates.push({ device, key });
      }
    }
  }
  return candidates;
}

/** Facts the decision needs, gathered by the use case before any key is read. */
export interface ReleaseFacts {
  readonly riskStop: boolean;
  /** `undefined` when no self-service group is configured (everyone may self-serve). */
  readonly inSelfServiceGroup: boolean | undefined;
  readonly releasesByRequester: number;
  readonly candidates: readonly Candidate[];
  /** For the single candidate's device, when there is exactly one. */
  readonly releasesOfDevice: number;
  readonly lastReleaseOfDeviceAt: string | undefined;
  /** Digits the requester typed: more digits can narrow several candidates down. */
  readonly prefixDigits: number;
}

export type ReleaseDecision =
  | { readonly kind: 'release'; readonly candidate: Candidate }
  | { readonly kind: 'needMoreDigits'; readonly matches: number }
  | { readonly kind: 'deny'; readonly reason: DenialReason };

/** The release policy, in one pure function. Order matters: cheaper and safer checks first. */
export function decideRelease(facts: ReleaseFacts, limits: ReleaseLimits, now: Date): ReleaseDecision {
  if (facts.riskStop) return deny('riskStop');
  if (facts.inSelfServiceGroup === false) return deny('notInSelfServiceGroup');
  if (facts.releasesByRequester >= limits.perRequester) return deny('rateLimited');
  if (facts.candidates.length === 0) return deny('noMatch');
  if (facts.candidates.length > 1) {
    // Every digit of a GUID typed and still several: the same Key ID on two of their devices. IT decides.
    return facts.prefixDigits >= 32
      ? deny('noMatch')
      : { kind: 'needMoreDigits', matches: facts.candidates.length };
  }
  const candidate = facts.candidates[0]!;
  if (!candidate.device.accountEnabled) return deny('deviceDisabled');
  if (facts.releasesOfDevice >= limits.perDevice) return deny('deviceRateLimited');
  if (
    facts.lastReleaseOfDeviceAt !== undefined &&
    now.getTime() - Date.parse(facts.lastReleaseOfDeviceAt) < limits.repeatWindowMs
  ) {
    return deny('repeatRecovery');
  }
  return { kind: 'release', candidate };
}

function deny(reason: DenialReason): ReleaseDecision {
  return { kind: 'deny', reason };
}
