import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import {
  type Case,
  type CaseAgent,
  type CaseHistoryAction,
  type CaseParty,
  type CaseStatus,
  type ClosedStatus,
  isClosed,
  type RecordedVerification,
  VERIFICATION_METHODS,
  type VerificationMethod,
} from './case.js';

/** The longest note, reason or verification note a case keeps; a card is no place for an essay. */
export const CASE_TEXT_MAX_CHARS = 1000;

/**
 * Who pressed the button. Identity and roles come from the authenticated activity and the directory
 * (group membership checked by the edge through Graph), never from card data.
 */
export interface CaseActor {
  /** Entra object id (`from.aadObjectId`). */
  readonly objectId: string;
  readonly name: string;
  /** Member of `HELPDESK_GROUP_ID`. */
  readonly inHelpdeskGroup: boolean;
  /**
   * Member of `HELPDESK_ADVANCED_GROUP_ID`. The advanced group is the more trusted one, so its members
   * act as agents too even when the helpdesk group does not list them.
   */
  readonly inAdvancedGroup: boolean;
}

/** May act as a helpdesk agent: a member of the helpdesk group or of the (more trusted) advanced group. */
export function isHelpdeskMember(actor: CaseActor): boolean {
  return actor.inHelpdeskGroup || actor.inAdvancedGroup;
}

/** What an agent or the requester asked to do to a case. */
export type CaseAction =
  | { readonly type: 'claim' }
  | { readonly type: 'releaseClaim' }
  /** `method` as the card sent it: undefined or not one of VERIFICATION_METHODS is refused as `unknownMethod`. */
  | {
      readonly type: 'recordVerification';
      readonly method: VerificationMethod | undefined;
      readonly note: string;
    }
  /** Decide it when the button is pressed (to refuse early) and again, to store, once the key was delivered. */
  | { readonly type: 'sendKeyToRequester' }
  | { readonly type: 'showKeyToMe'; readonly reason: string }
  | { readonly type: 'resolve' }
  | { readonly type: 'rejectAsSuspicious'; readonly note: string }
  | { readonly type: 'reopen' }
  /** Requester only. */
  | { readonly type: 'cancel' }
  /** Requester only. */
  | { readonly type: 'addNote'; readonly note: string };
export type CaseActionType = CaseAction['type'];

/** Actions only the requester takes; every other action is an agent's. */
export const REQUESTER_ACTIONS = ['cancel', 'addNote'] as const satisfies readonly CaseActionType[];

/** Which text field a text refusal is about. */
export type CaseTextField = 'note' | 'reason';

/** Why an action was refused; `bot/` turns each into words. Nothing about the case changes. */
export type CaseRefusal =
  | { readonly code: 'notHelpdeskMember' }
  | { readonly code: 'notRequester' }
  /** An agent may not work their own case: the helpdesk is where impersonation happens. */
  | { readonly code: 'ownCase' }
  | { readonly code: 'caseClosed'; readonly status: ClosedStatus }
  | { readonly code: 'claimedByOther'; readonly owner: CaseAgent }
  | { readonly code: 'alreadyOwner' }
  | { readonly code: 'notClaimed' }
  | { readonly code: 'verificationRequired' }
  | { readonly code: 'advancedRoleRequired' }
  | { readonly code: 'alreadyReleased' }
  | { readonly code: 'notClosed' }
  | { readonly code: 'unknownMethod' }
  | { readonly code: 'textRequired'; readonly field: CaseTextField }
  | { readonly code: 'textTooLong'; readonly field: CaseTextField; readonly max: number }
  | { readonly code: 'recoveryPasswordInText'; readonly field: CaseTextField };
export type CaseRefusalCode = CaseRefusal['code'];

/**
 * What the edge must do after storing the changed case (besides updating the channel card): deliver the
 * key, show it to one agent, tell the requester, alert security, write the audit event.
 */
export type CaseEvent =
  | { readonly type: 'claimed'; readonly caseNumber: number; readonly agent: CaseAgent }
  | { readonly type: 'claimReleased'; readonly caseNumber: number; readonly agent: CaseAgent }
  | {
      readonly type: 'verificationRecorded';
      readonly caseNumber: number;
      readonly verification: RecordedVerification;
    }
  | { readonly type: 'keySentToRequester'; readonly caseNumber: number; readonly agent: CaseAgent }
  | {
      readonly type: 'keyShownToAgent';
      readonly caseNumber: number;
      readonly agent: CaseAgent;
      readonly reason: string;
    }
  | { readonly type: 'resolved'; readonly caseNumber: number; readonly agent: CaseAgent }
  | {
      readonly type: 'rejectedAsSuspicious';
      readonly caseNumber: number;
      readonly agent: CaseAgent;
      readonly note: string;
    }
  | { readonly type: 'reopened'; readonly caseNumber: number; readonly agent: CaseAgent }
  | { readonly type: 'cancelled'; readonly caseNumber: number }
  | { readonly type: 'noteAdded'; readonly caseNumber: number; readonly note: string };

export type CaseDecision =
  | { readonly kind: 'changed'; readonly case: Case; readonly events: readonly CaseEvent[] }
  | { readonly kind: 'refused'; readonly reason: CaseRefusal };

/**
 * The helpdesk rules in one pure function. Checks run from the least revealing to the most: who may act
 * at all, whose case it is, whether it is closed, who owns it, then what this action needs. A change
 * comes back as a new case with `version` one higher and one more history entry; store it with
 * `CaseStore.update(case, previous.version)` and decide again on a conflict.
 */
export function decideAgentAction(
  current: Case,
  action: CaseAction,
  actor: CaseActor,
  now: Date,
): CaseDecision {
  if (action.type === 'cancel' || action.type === 'addNote')
    return decideRequesterAction(current, action, actor, now);
  if (!isHelpdeskMember(actor)) return refuse({ code: 'notHelpdeskMember' });
  if (actor.objectId === current.requester.objectId) return refuse({ code: 'ownCase' });
  const agent: CaseAgent = { objectId: actor.objectId, name: actor.name };
  if (action.type === 'reopen') return reopen(current, agent, now);
  if (isClosed(current.status)) return refuse({ code: 'caseClosed', status: current.status });
  const owner = current.owner;
  if (owner !== undefined && owner.objectId !== agent.objectId)
    return refuse({ code: 'claimedByOther', owner });

  switch (action.type) {
    case 'claim':
      if (owner !== undefined) return refuse({ code: 'alreadyOwner' });
      return change(current, agent, now, {
        status: 'claimed',
        action: 'claimed',
        patch: { owner: agent, waitingSince: undefined },
        events: [{ type: 'claimed', caseNumber: current.number, agent }],
      });
    case 'rejectAsSuspicious': {
      // Anyone on the helpdesk may stop a suspicious case before it is claimed; afterwards only its owner.
      const note = checkText(action.note, 'note');
      if (typeof note !== 'string') return refuse(note);
      return change(current, agent, now, {
        status: 'rejected',
        action: 'rejectedAsSuspicious',
        detail: note,
        patch: { owner: agent, waitingSince: undefined, closedAt: now.toISOString() },
        events: [{ type: 'rejectedAsSuspicious', caseNumber: current.number, agent, note }],
      });
    }
    default:
      if (owner === undefined) return refuse({ code: 'notClaimed' });
      return decideOwnerAction(current, action, agent, actor, now);
  }
}

/**
 * Why `actor` may not show the key now, asked when they press "Show key to me" and before they have typed
 * their reason (the answer to that press is the form that asks for it); `undefined` when they may go on.
 */
export function showKeyRefusal(current: Case, actor: CaseActor, now: Date): CaseRefusal | undefined {
  const decision = decideAgentAction(current, { type: 'showKeyToMe', reason: REASON_TO_FOLLOW }, actor, now);
  return decision.kind === 'refused' ? decision.reason : undefined;
}
const REASON_TO_FOLLOW = 'the reason is asked next';

type OwnerAction = Extract<
  CaseAction,
  { readonly type: 'releaseClaim' | 'recordVerification' | 'sendKeyToRequester' | 'showKeyToMe' | 'resolve' }
>;

function decideOwnerAction(
  current: Case,
  action: OwnerAction,
  agent: CaseAgent,
  actor: CaseActor,
  now: Date,
): CaseDecision {
  const caseNumber = current.number;
  switch (action.type) {
    case 'releaseClaim':
      // Once a key is out the owner stays accountable until the case is resolved.
      if (current.status === 'released') return refuse({ code: 'alreadyReleased' });
      return change(current, agent, now, {
        status: 'open',
        action: 'claimReleased',
        // The next agent verifies for themselves: a check is only as good as the person who made it.
        patch: { owner: undefined, verification: undefined, waitingSince: now.toISOString() },
        events: [{ type: 'claimReleased', caseNumber, agent }],
      });
    case 'recordVerification': {
      if (current.status === 'released') return refuse({ code: 'alreadyReleased' });
      const method = action.method;
      if (method === undefined || !(VERIFICATION_METHODS as readonly string[]).includes(method)) {
        return refuse({ code: 'unknownMethod' });
      }
      // The note is optional (the card says so): how the agent checked is in `method` already.
      const note = isBlank(action.note) ? '' : checkText(action.note, 'note');
      if (typeof note !== 'string') return refuse(note);
      const verification: RecordedVerification = {
        method,
        note,
        by: agent,
        at: now.toISOString(),
      };
      return change(current, agent, now, {
        status: 'verified',
        action: 'verificationRecorded',
        ...(note === '' ? {} : { detail: note }),
        method,
        patch: { verification },
        events: [{ type: 'verificationRecorded', caseNumber, verification }],
      });
    }
    case 'sendKeyToRequester':
      if (current.status === 'released') return refuse({ code: 'alreadyReleased' });
      if (current.verification === undefined) return refuse({ code: 'verificationRequired' });
      return change(current, agent, now, {
        status: 'released',
        action: 'keySentToRequester',
        patch: { releasedAt: current.releasedAt ?? now.toISOString() },
        events: [{ type: 'keySentToRequester', caseNumber, agent }],
      });
    case 'showKeyToMe': {
      if (!actor.inAdvancedGroup) return refuse({ code: 'advancedRoleRequired' });
      const reason = checkText(action.reason, 'reason');
      if (typeof reason !== 'string') return refuse(reason);
      // The agent reads the key to someone: that someone must have been verified first, as for Send key.
      if (current.verification === undefined) return refuse({ code: 'verificationRequired' });
      return change(current, agent, now, {
        status: 'released',
        action: 'keyShownToAgent',
        detail: reason,
        patch: { releasedAt: current.releasedAt ?? now.toISOString() },
        events: [{ type: 'keyShownToAgent', caseNumber, agent, reason }],
      });
    }
    case 'resolve':
      return change(current, agent, now, {
        status: 'resolved',
        action: 'resolved',
        patch: { closedAt: now.toISOString() },
        events: [{ type: 'resolved', caseNumber, agent }],
      });
  }
}

function reopen(current: Case, agent: CaseAgent, now: Date): CaseDecision {
  if (!isClosed(current.status)) return refuse({ code: 'notClosed' });
  // The requester withdrew it; if they still need help, their new request makes a new case.
  if (current.status === 'cancelled') return refuse({ code: 'caseClosed', status: 'cancelled' });
  return change(current, agent, now, {
    status: 'reopened',
    action: 'reopened',
    patch: {
      owner: undefined,
      verification: undefined,
      waitingSince: now.toISOString(),
      closedAt: undefined,
    },
    events: [{ type: 'reopened', caseNumber: current.number, agent }],
  });
}

function decideRequesterAction(
  current: Case,
  action: Extract<CaseAction, { readonly type: 'cancel' | 'addNote' }>,
  actor: CaseActor,
  now: Date,
): CaseDecision {
  if (actor.objectId !== current.requester.objectId) return refuse({ code: 'notRequester' });
  if (isClosed(current.status)) return refuse({ code: 'caseClosed', status: current.status });
  const by: CaseParty = { kind: 'requester', objectId: actor.objectId, name: actor.name };
  if (action.type === 'cancel') {
    // The key is already with the requester; what remains (rotation, resolving) is the owner's to finish.
    if (current.status === 'released') return refuse({ code: 'alreadyReleased' });
    return record(current, by, now, {
      status: 'cancelled',
      action: 'cancelled',
      patch: { waitingSince: undefined, closedAt: now.toISOString() },
      events: [{ type: 'cancelled', caseNumber: current.number }],
    });
  }
  const note = checkText(action.note, 'note');
  if (typeof note !== 'string') return refuse(note);
  return record(current, by, now, {
    status: current.status,
    action: 'noteAdded',
    detail: note,
    patch: {},
    events: [{ type: 'noteAdded', caseNumber: current.number, note }],
  });
}

interface Change {
  readonly status: CaseStatus;
  readonly action: CaseHistoryAction;
  readonly detail?: string;
  /** How the agent verified the requester, for a recorded verification. */
  readonly method?: VerificationMethod;
  readonly patch: Partial<Case>;
  readonly events: readonly CaseEvent[];
}

function change(current: Case, agent: CaseAgent, now: Date, what: Change): CaseDecision {
  return record(current, { kind: 'agent', objectId: agent.objectId, name: agent.name }, now, what);
}

function record(current: Case, by: CaseParty, now: Date, what: Change): CaseDecision {
  const at = now.toISOString();
  const entry = {
    at,
    by,
    action: what.action,
    status: what.status,
    ...(what.detail === undefined ? {} : { detail: what.detail }),
    ...(what.method === undefined ? {} : { method: what.method }),
  };
  const next: Case = {
    ...current,
    ...what.patch,
    status: what.status,
    history: [...current.history, entry],
    version: current.version + 1,
    updatedAt: at,
  };
  return { kind: 'changed', case: next, events: what.events };
}

function refuse(reason: CaseRefusal): CaseDecision {
  return { kind: 'refused', reason };
}

function isBlank(text: string): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/** The trimmed text, or why it cannot enter the case. */
function checkText(text: string, field: CaseTextField): string | CaseRefusal {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed.length === 0) return { code: 'textRequired', field };
  // Checked before the length so an over-long paste of a key is reported as what it is.
  if (containsRecoveryPasswordShape(trimmed)) return { code: 'recoveryPasswordInText', field };
  if (trimmed.length > CASE_TEXT_MAX_CHARS) return { code: 'textTooLong', field, max: CASE_TEXT_MAX_CHARS };
  return trimmed;
}
