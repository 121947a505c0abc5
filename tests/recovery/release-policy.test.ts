import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyMetadata, OwnedDevice } from '../../src/recovery/directory-ports.js';
import {
  type Candidate,
  DEFAULT_RELEASE_LIMITS,
  decideRelease,
  matchCandidates,
  type ReleaseDecision,
  type ReleaseFacts,
  type ReleaseLimits,
} from '../../src/recovery/release-policy.js';
import { aDevice, MINUTE_MS, T0 } from '../support/release-builders.js';
import type { DeviceWithKeys } from '../support/release-fakes.js';

const KEY_ID = '4290b6c0-1a2b-3c4d-5e6f-7a8b9c0d1e2f';
/** Shares the first 8 digits with KEY_ID and differs from the 9th on. */
const SAME_START_KEY_ID = '4290b6c0-9f8e-4d7c-8b6a-5f4e3d2c1b0a';

const laptop = aDevice({ name: 'ALEX-LAPTOP', keyIds: [KEY_ID, 'a1b2c3d4-0000-4000-8000-000000000001'] });
const desktop = aDevice({ name: 'ALEX-DESKTOP', keyIds: [SAME_START_KEY_ID] });
const someoneElses = aDevice({ name: 'MEGAN-LAPTOP', keyIds: ['7e57ab1e-0000-4000-8000-000000000002'] });

function keysOf(...built: readonly DeviceWithKeys[]): Map<string, readonly KeyMetadata[]> {
  return new Map(built.map(({ device, keys }) => [device.deviceId, keys.map((key) => key.metadata)]));
}

function keyIdsOf(candidates: readonly Candidate[]): string[] {
  return candidates.map((candidate) => candidate.key.id);
}

describe('matchCandidates: the typed prefix against the requester’s own keys', () => {
  it.each([
    ['8 digits, upper case', '4290B6C0', [KEY_ID, SAME_START_KEY_ID]],
    ['8 digits, lower case', '4290b6c0', [KEY_ID, SAME_START_KEY_ID]],
    ['12 digits, mixed case, a dash', '4290b6C0-1A2b', [KEY_ID]],
    ['12 digits from the other key', '4290B6C09F8E', [SAME_START_KEY_ID]],
    ['the whole Key ID in braces with dashes', '{4290B6C0-1A2B-3C4D-5E6F-7A8B9C0D1E2F}', [KEY_ID]],
    ['32 digits without separators', '4290B6C01A2B3C4D5E6F7A8B9C0D1E2F', [KEY_ID]],
    ['groups separated by spaces', ' 4290 B6C0 1A2B ', [KEY_ID]],
    ['a different 8th digit', '4290B6C1', []],
    ['digits from the middle of the Key ID', '1A2B3C4D', []],
    ['32 digits, the last one wrong', '4290B6C01A2B3C4D5E6F7A8B9C0D1E2E', []],
    ['33 digits', '4290B6C01A2B3C4D5E6F7A8B9C0D1E2F0', []],
    ['nothing', '', []],
    ['separators only', '{ - }', []],
  ])('%s', (_label, typed, expected) => {
    const candidates = matchCandidates(typed, [laptop.device, desktop.device], keysOf(laptop, desktop));
    expect(keyIdsOf(candidates).sort()).toEqual([...expected].sort());
  });

  it('pairs each key with the device it belongs to', () => {
    const candidates = matchCandidates('4290B6C0', [laptop.device, desktop.device], keysOf(laptop, desktop));
    expect(candidates.map((c) => [c.key.id, c.device.displayName]).sort()).toEqual([
      [KEY_ID, 'ALEX-LAPTOP'],
      [SAME_START_KEY_ID, 'ALEX-DESKTOP'],
    ]);
  });

  const theirKeyId = someoneElses.keys[0]!.metadata.id;
  const upperCased = (device: OwnedDevice): OwnedDevice => ({
    ...device,
    deviceId: device.deviceId.toUpperCase(),
  });
  it.each<[string, readonly OwnedDevice[], Map<string, readonly KeyMetadata[]>, string, readonly string[]]>([
    [
      'keys listed for a device the requester does not own',
      [laptop.device],
      keysOf(laptop, someoneElses),
      theirKeyId,
      [],
    ],
    [
      'another device’s key inside an owned device’s list (a filter ignored upstream)',
      [laptop.device],
      new Map([[laptop.device.deviceId, [...laptop.keys, ...someoneElses.keys].map((key) => key.metadata)]]),
      theirKeyId,
      [],
    ],
    [
      'an admin’s wide view: every device’s keys, but only one owned device',
      [laptop.device],
      keysOf(laptop, desktop, someoneElses),
      '4290B6C0',
      [KEY_ID],
    ],
    [
      'the owned device’s own key, device ids in different case',
      [upperCased(laptop.device)],
      keysOf(laptop),
      KEY_ID,
      [KEY_ID],
    ],
    ['no owned devices at all', [], keysOf(laptop, someoneElses), '4290B6C0', []],
  ])('%s', (_label, devices, keysByDevice, typed, expected) => {
    expect(keyIdsOf(matchCandidates(typed, devices, keysByDevice))).toEqual(expected);
  });
});

const ONE: Candidate = { device: laptop.device, key: laptop.keys[0]!.metadata };
const OTHER: Candidate = { device: desktop.device, key: desktop.keys[0]!.metadata };
const ON_A_DISABLED_DEVICE: Candidate = { ...ONE, device: { ...ONE.device, accountEnabled: false } };
const NOW = T0;
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE_MS).toISOString();

/** Every check passes. */
const PASSING: ReleaseFacts = {
  riskStop: false,
  inSelfServiceGroup: true,
  releasesByRequester: 0,
  candidates: [ONE],
  releasesOfDevice: 0,
  lastReleaseOfDeviceAt: undefined,
  prefixDigits: 8,
};

const release: ReleaseDecision = { kind: 'release', candidate: ONE };
const deny = (reason: Extract<ReleaseDecision, { kind: 'deny' }>['reason']): ReleaseDecision => ({
  kind: 'deny',
  reason,
});

/** The checks in the order they must apply: each row's facts break that check and no earlier one. */
const CHECKS_IN_ORDER: readonly [string, Partial<ReleaseFacts>, ReleaseDecision][] = [
  ['risk stop (tampering / lost answer)', { riskStop: true }, deny('riskStop')],
  ['outside the self-service group', { inSelfServiceGroup: false }, deny('notInSelfServiceGroup')],
  ['requester over the release limit', { releasesByRequester: 3 }, deny('rateLimited')],
  ['no key matches', { candidates: [] }, deny('noMatch')],
  ['all 32 digits and still two keys', { candidates: [ONE, OTHER], prefixDigits: 32 }, deny('noMatch')],
  [
    'two keys for a short prefix',
    { candidates: [ONE, OTHER], prefixDigits: 8 },
    { kind: 'needMoreDigits', matches: 2 },
  ],
  ['the device is disabled', { candidates: [ON_A_DISABLED_DEVICE] }, deny('deviceDisabled')],
  ['device over the release limit', { releasesOfDevice: 3 }, deny('deviceRateLimited')],
  ['recovered 30 minutes ago', { lastReleaseOfDeviceAt: minutesAgo(30) }, deny('repeatRecovery')],
];

describe('decideRelease: the release policy', () => {
  it.each(CHECKS_IN_ORDER)('%s, alone', (_label, broken, expected) => {
    expect(decideRelease({ ...PASSING, ...broken }, DEFAULT_RELEASE_LIMITS, NOW)).toEqual(expected);
  });

  it.each(CHECKS_IN_ORDER.map((row, index) => [row[0], index, row[2]] as const))(
    '%s wins over every later check that fails too',
    (_label, index, expected) => {
      // Later rows first, so where two rows set the same fact this row's value is the one that stays.
      const facts: ReleaseFacts = Object.assign(
        {},
        PASSING,
        ...CHECKS_IN_ORDER.slice(index)
          .reverse()
          .map(([, broken]) => broken),
      );
      expect(decideRelease(facts, DEFAULT_RELEASE_LIMITS, NOW)).toEqual(expected);
    },
  );

  it('releases the one candidate when every check passes', () => {
    expect(decideRelease(PASSING, DEFAULT_RELEASE_LIMITS, NOW)).toEqual(release);
  });

  it.each<[string, Partial<ReleaseFacts>, ReleaseLimits, ReleaseDecision]>([
    ['no self-service group configured', { inSelfServiceGroup: undefined }, DEFAULT_RELEASE_LIMITS, release],
    ['2 releases of 3 in the window', { releasesByRequester: 2 }, DEFAULT_RELEASE_LIMITS, release],
    [
      '3 releases of 3: the 4th is denied',
      { releasesByRequester: 3 },
      DEFAULT_RELEASE_LIMITS,
      deny('rateLimited'),
    ],
    ['far over the limit', { releasesByRequester: 40 }, DEFAULT_RELEASE_LIMITS, deny('rateLimited')],
    [
      'a tenant limit of 1 per requester, one used',
      { releasesByRequester: 1 },
      { ...DEFAULT_RELEASE_LIMITS, perRequester: 1 },
      deny('rateLimited'),
    ],
    ['device released twice in the window', { releasesOfDevice: 2 }, DEFAULT_RELEASE_LIMITS, release],
    [
      'device released 3 times in the window',
      { releasesOfDevice: 3 },
      DEFAULT_RELEASE_LIMITS,
      deny('deviceRateLimited'),
    ],
    [
      'last recovery 59 minutes ago',
      { lastReleaseOfDeviceAt: minutesAgo(59) },
      DEFAULT_RELEASE_LIMITS,
      deny('repeatRecovery'),
    ],
    [
      'last recovery exactly an hour ago',
      { lastReleaseOfDeviceAt: minutesAgo(60) },
      DEFAULT_RELEASE_LIMITS,
      release,
    ],
    [
      'last recovery 61 minutes ago',
      { lastReleaseOfDeviceAt: minutesAgo(61) },
      DEFAULT_RELEASE_LIMITS,
      release,
    ],
    [
      'a repeat window of 10 minutes, last recovery 11 minutes ago',
      { lastReleaseOfDeviceAt: minutesAgo(11) },
      { ...DEFAULT_RELEASE_LIMITS, repeatWindowMs: 10 * MINUTE_MS },
      release,
    ],
    ['all 32 digits, one key', { prefixDigits: 32 }, DEFAULT_RELEASE_LIMITS, release],
    [
      '31 digits and two keys: one more digit can tell them apart',
      { candidates: [ONE, OTHER], prefixDigits: 31 },
      DEFAULT_RELEASE_LIMITS,
      { kind: 'needMoreDigits', matches: 2 },
    ],
    [
      'three keys for a short prefix',
      { candidates: [ONE, OTHER, ON_A_DISABLED_DEVICE], prefixDigits: 8 },
      DEFAULT_RELEASE_LIMITS,
      { kind: 'needMoreDigits', matches: 3 },
    ],
  ])('%s', (_label, facts, limits, expected) => {
    expect(decideRelease({ ...PASSING, ...facts }, limits, NOW)).toEqual(expected);
  });

  it('releases only when every check passes, and only the single candidate', () => {
    const facts = fc.record({
      riskStop: fc.boolean(),
      inSelfServiceGroup: fc.constantFrom(true, false, undefined),
      releasesByRequester: fc.nat(6),
      candidates: fc.constantFrom<readonly Candidate[]>([], [ONE], [ON_A_DISABLED_DEVICE], [ONE, OTHER]),
      releasesOfDevice: fc.nat(6),
      lastReleaseOfDeviceAt: fc.option(fc.nat(180).map(minutesAgo), { nil: undefined }),
      prefixDigits: fc.integer({ min: 8, max: 32 }),
    });
    fc.assert(
      fc.property(facts, (drawn) => {
        const decision = decideRelease(drawn, DEFAULT_RELEASE_LIMITS, NOW);
        const everyCheckPasses =
          !drawn.riskStop &&
          drawn.inSelfServiceGroup !== false &&
          drawn.releasesByRequester < DEFAULT_RELEASE_LIMITS.perRequester &&
          drawn.candidates.length === 1 &&
          drawn.candidates[0]!.device.accountEnabled &&
          drawn.releasesOfDevice < DEFAULT_RELEASE_LIMITS.perDevice &&
          (drawn.lastReleaseOfDeviceAt === undefined ||
            NOW.getTime() - Date.parse(drawn.lastReleaseOfDeviceAt) >= DEFAULT_RELEASE_LIMITS.repeatWindowMs);
        expect(decision.kind === 'release').toBe(everyCheckPasses);
        if (decision.kind === 'release') expect(decision.candidate).toBe(drawn.candidates[0]);
      }),
    );
  });
});
