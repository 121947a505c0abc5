import { randomUUID } from 'node:crypto';
import type { Case, CaseAgent, CaseStatus } from '../../src/helpdesk/case.js';
import type { CaseRequest } from '../../src/recovery/case-requests.js';
import { aNewCaseRequest, type CaseRequestOverrides } from './a-new-case-request.js';

let caseRequestNumbers = 0;

/** A recorded case request (fresh request id, its own number) as the case store receives it. */
export function aCaseRequest(
  overrides: CaseRequestOverrides & { readonly number?: number } = {},
): CaseRequest {
  caseRequestNumbers += 1;
  return { ...aNewCaseRequest(overrides), number: overrides.number ?? caseRequestNumbers };
}

/** An agent with a fresh object id. */
export function anAgent(name = 'Megan Bowen'): CaseAgent {
  return { objectId: randomUUID(), name };
}

/**
 * The case after `agent` claimed it, shaped as the domain's claim produces it: owner set, one history
 * line, version one higher. Written here rather than taken from the domain so the store suite tests the
 * store alone, and keeps working while the domain's rules evolve.
 */
export function claimedBy(current: Case, agent: CaseAgent, at: Date): Case {
  return changed(current, 'claimed', at, {
    owner: agent,
    waitingSince: undefined,
    history: [
      ...current.history,
      { at: at.toISOString(), by: { kind: 'agent', ...agent }, action: 'claimed', status: 'claimed' },
    ],
  });
}

/** The case moved to `status` at `at`, with `extra` fields, version one higher. */
export function changed(current: Case, status: CaseStatus, at: Date, extra: Partial<Case> = {}): Case {
  return {
    ...current,
    status,
    ...extra,
    version: current.version + 1,
    updatedAt: at.toISOString(),
  };
}

/** `base` plus `minutes`, as a Date. */
export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

/** The instant the case suite's cases are opened at. */
export const OPENED_AT = new Date('2025-06-20T09:20:00.000Z');
