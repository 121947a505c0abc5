import { randomUUID } from 'node:crypto';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { AuditEvent, ReleaseRecord } from '../../src/recovery/release-ports.js';

const ALEX = DEMO_PEOPLE[0]!;

/** Where test clocks start: a Thursday morning in the demo tenant. */
export const T0 = Date.parse('2025-06-20T09:00:00.000Z');

/** The canonical ISO instant `minutes` after `T0` (negative for before), as the store returns times. */
export function minutesAfterT0(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

/** A fresh id with a readable label, so tests sharing one database never see each other's rows. */
export function uniqueId(label: string): string {
  return `${label}-${randomUUID()}`;
}

/** What a test may change in an audit event; `requester` merges over the default. */
export type AuditEventOverrides = Partial<Omit<AuditEvent, 'requester'>> & {
  readonly requester?: Partial<AuditEvent['requester']>;
};

/** A "released" decision for Alex at T0; nested `requester` merges over the default. */
export function anAuditEvent(overrides: AuditEventOverrides = {}): AuditEvent {
  const { requester, ...rest } = overrides;
  return {
    at: minutesAfterT0(0),
    correlationId: randomUUID(),
    decision: 'released',
    requester: { objectId: ALEX.id, tenantId: DEMO_TENANT_ID, displayName: ALEX.displayName, ...requester },
    deviceId: randomUUID(),
    deviceName: 'ALEX-LAPTOP',
    keyId: '4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
    requestId: randomUUID(),
    verification: { method: 'stepUpSignIn', at: minutesAfterT0(-2) },
    ...rest,
  };
}

/** A release of one of Alex's keys at T0, for a fresh request id. */
export function aReleaseRecord(overrides: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    requestId: randomUUID(),
    requesterObjectId: ALEX.id,
    deviceId: randomUUID(),
    keyId: '4290B6C0-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
    releasedAt: minutesAfterT0(0),
    ...overrides,
  };
}
