import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { Case, CaseStatus } from '../../src/helpdesk/case.js';
import {
  type CaseAction,
  type CaseActor,
  decideAgentAction,
} from '../../src/helpdesk/decide-agent-action.js';
import { openCaseFrom } from '../../src/helpdesk/open-case-from.js';
import type { CaseRequest, Requester } from '../../src/recovery/case-requests.js';
import type { EscalationReason, RecoveryRequest } from '../../src/recovery/triage-types.js';
import { aConversationReference } from '../store/a-new-case-request.js';

/** The instant every helpdesk test starts from, unless it says otherwise. */
export const T0 = new Date('2025-06-20T09:20:00.000Z');
export const MINUTE_MS = 60 * 1000;

/** `T0` plus `minutes`. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * MINUTE_MS);
}

function demoPerson(displayName: string) {
  const person = DEMO_PEOPLE.find((candidate) => candidate.displayName === displayName);
  if (!person) throw new Error(`${displayName} is not in the demo tenant`);
  return person;
}

const ALEX = demoPerson('Alex Wilber');
const LEE = demoPerson('Lee Gu');
const ISAIAH = demoPerson('Isaiah Langer');
const NESTOR = demoPerson('Nestor Wilke');

/** The roles the state-machine tables cover. */
export const ROLES = ['agent', 'otherAgent', 'advancedAgent', 'nonMember', 'requester'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One actor per role. `agent` (Lee Gu, helpdesk) owns every built case that has an owner; `otherAgent`
 * (Diego Siciliani, a Playground persona the demo tenant does not list) is on the helpdesk too;
 * `advancedAgent` (Isaiah Langer) is in both groups; `nonMember` (Nestor Wilke) is in neither;
 * `requester` (Alex Wilber) asked for help.
 */
export const ACTORS: { readonly [role in Role]: CaseActor } = {
  agent: { objectId: LEE.id, name: LEE.displayName, inHelpdeskGroup: true, inAdvancedGroup: false },
  otherAgent: {
    objectId: 'd1e9c3a5-7f2b-4c8d-a6e0-3b5f9d1c7e42',
    name: 'Diego Siciliani',
    inHelpdeskGroup: true,
    inAdvancedGroup: false,
  },
  advancedAgent: {
    objectId: ISAIAH.id,
    name: ISAIAH.displayName,
    inHelpdeskGroup: true,
    inAdvancedGroup: true,
  },
  nonMember: {
    objectId: NESTOR.id,
    name: NESTOR.displayName,
    inHelpdeskGroup: false,
    inAdvancedGroup: false,
  },
  requester: { objectId: ALEX.id, name: ALEX.displayName, inHelpdeskGroup: false, inAdvancedGroup: false },
};

/** What a test may change in a case request; nested parts merge over the defaults. */
export interface CaseRequestOverrides {
  readonly number?: number;
  readonly requester?: Partial<Requester>;
  readonly request?: Partial<RecoveryRequest>;
  readonly reason?: EscalationReason;
  readonly conversationReference?: string;
  readonly createdAt?: string;
}

/** A recorded case request from Alex Wilber, escalated because self-service found nothing releasable. */
export function aCaseRequest(overrides: CaseRequestOverrides = {}): CaseRequest {
  const requester: Requester = {
    objectId: ALEX.id,
    tenantId: DEMO_TENANT_ID,
    teamsUserId: `29:1${ALEX.id.replaceAll('-', '')}`,
    displayName: ALEX.displayName,
    ...overrides.requester,
  };
  return {
    number: overrides.number ?? 7,
    requester,
    request: {
      id: 'R-HELPDESK-1',
      keyId: '4290B6C0',
      rootCause: 'firmwareUpdate',
      reasonCode: 'FIRMWARE_UPDATE',
      errorCode: undefined,
      deviceKind: 'workPc',
      riskStop: false,
      startedAt: new Date(T0.getTime() - 5 * MINUTE_MS).toISOString(),
      ...overrides.request,
    },
    reason: overrides.reason ?? 'notReleasable',
    conversationReference: overrides.conversationReference ?? aConversationReference(requester),
    createdAt: overrides.createdAt ?? new Date(T0.getTime() - MINUTE_MS).toISOString(),
  };
}

/** Case 1, just opened at `T0` from {@link aCaseRequest}. */
export function anOpenCase(overrides: CaseRequestOverrides = {}, number = 1): Case {
  return openCaseFrom(aCaseRequest(overrides), number, T0);
}

/** A step of a built history: who did what. */
export type Step = readonly [CaseAction, CaseActor];

/**
 * Applies the steps through the real machine, one minute apart from the case's last update, and fails
 * loudly when one is refused: built cases only ever reach states the rules allow.
 */
export function applying(start: Case, steps: readonly Step[]): Case {
  let current = start;
  for (const [action, actor] of steps) {
    const decision = decideAgentAction(
      current,
      action,
      actor,
      new Date(Date.parse(current.updatedAt) + MINUTE_MS),
    );
    if (decision.kind === 'refused') {
      throw new Error(`building a case: ${action.type} by ${actor.name} refused (${decision.reason.code})`);
    }
    current = decision.case;
  }
  return current;
}

/** A verification note that proves nothing secret. */
export const A_VERIFICATION: CaseAction = {
  type: 'recordVerification',
  method: 'videoCallPhotoId',
  note: 'Video call, badge photo matches, asked about the team offsite',
};

/** The steps that bring an open case to `status`, with `owner` as the agent wherever there is one. */
export function stepsTo(status: CaseStatus, owner: CaseActor = ACTORS.agent): readonly Step[] {
  const requester = ACTORS.requester;
  switch (status) {
    case 'open':
      return [];
    case 'claimed':
      return [[{ type: 'claim' }, owner]];
    case 'verified':
      return [...stepsTo('claimed', owner), [A_VERIFICATION, owner]];
    case 'released':
      return [...stepsTo('verified', owner), [{ type: 'sendKeyToRequester' }, owner]];
    case 'resolved':
      return [...stepsTo('released', owner), [{ type: 'resolve' }, owner]];
    case 'cancelled':
      return [[{ type: 'cancel' }, requester]];
    case 'rejected':
      return [[{ type: 'rejectAsSuspicious', note: 'Caller could not name their manager' }, owner]];
    case 'reopened':
      return [...stepsTo('resolved', owner), [{ type: 'reopen' }, owner]];
  }
}

/** Case 1 in `status`, reached through the real machine. */
export function aCaseIn(status: CaseStatus, owner: CaseActor = ACTORS.agent): Case {
  return applying(anOpenCase(), stepsTo(status, owner));
}
