import { type AuditEvent, auditedRequester } from '../recovery/release-ports.js';
import type { Case } from './case.js';
import type { CaseStore } from './case-store.js';
import { CaseVersionConflictError } from './case-version-conflict-error.js';
import {
  type CaseAction,
  type CaseActor,
  type CaseEvent,
  type CaseRefusal,
  decideAgentAction,
  isHelpdeskMember,
  REQUESTER_ACTIONS,
} from './decide-agent-action.js';

/** The person pressing a button, as the authenticated activity (or their verified sign-in) names them. */
export interface ActingPerson {
  /** Entra object id; empty when the activity carried none (such a person is nobody's agent). */
  readonly objectId: string;
  readonly name: string;
}

/** Group membership from the directory, never from card data. Rejects when the directory cannot answer. */
export type HelpdeskMembership = (
  objectId: string,
) => Promise<{ readonly inHelpdeskGroup: boolean; readonly inAdvancedGroup: boolean }>;

/** What a case action needs from outside. */
export interface CaseActionPorts {
  readonly cases: CaseStore;
  readonly membership: HelpdeskMembership;
  readonly now: () => Date;
}

/** Why nothing changed: the domain's refusals, plus what only loading the case can tell. */
export type HelpdeskRefusal =
  | CaseRefusal
  /** The card was out of date: its `expectedVersion` lost the optimistic-concurrency race. */
  | { readonly code: 'changed' }
  /** The same, said to the requester, who is not shown the case as agents see it. */
  | { readonly code: 'outOfDate' }
  | { readonly code: 'caseNotFound'; readonly caseNumber: number };

/**
 * Who may see what of a case: helpdesk members the whole case; its requester their own case in the
 * requester's view (no agent notes, no history); anyone else nothing at all, not even whether it exists.
 * An agent who is the requester sees their own case as a requester does.
 */
export type CaseAudience = 'agent' | 'requester' | 'nobody';

export function audienceOf(current: Case, actor: CaseActor): CaseAudience {
  if (sameObjectId(actor.objectId, current.requester.objectId)) return 'requester';
  return isHelpdeskMember(actor) ? 'agent' : 'nobody';
}

/**
 * A refusal, with exactly what its audience may see. `nobody` gets words that are the same whether the case
 * exists or not, so case numbers cannot be probed.
 */
export type CaseRefused =
  | {
      readonly kind: 'refused';
      readonly audience: 'agent';
      readonly refusal: HelpdeskRefusal;
      /** The case as it now is; absent when there is no such case. */
      readonly case: Case | undefined;
    }
  | {
      readonly kind: 'refused';
      readonly audience: 'requester';
      readonly refusal: HelpdeskRefusal;
      readonly case: Case;
    }
  | { readonly kind: 'refused'; readonly audience: 'nobody'; readonly refusal: HelpdeskRefusal };

/** The directory did not answer who the person is: nothing was decided, nothing changed. */
export interface MembershipUnknown {
  readonly kind: 'membershipUnknown';
}

/** The case a button is about, still at the version the person saw, and who they are: an agent or its requester. */
export interface CaseInHand {
  readonly kind: 'ready';
  readonly case: Case;
  readonly actor: CaseActor;
  readonly audience: Exclude<CaseAudience, 'nobody'>;
}

export interface CaseRequest {
  readonly person: ActingPerson;
  readonly caseNumber: number;
  /** The version on the card that was pressed. */
  readonly expectedVersion: number;
  /** A requester's own button (Cancel, Add a note): its refusal to others says "not yours", not "helpdesk only". */
  readonly requesterButton: boolean;
}

/**
 * Loads the case a button names and who pressed it. Membership is asked only when it matters: a case's own
 * requester is answered as its requester whatever their groups, so their Cancel works while Graph is down.
 */
export async function caseForPerson(
  request: CaseRequest,
  ports: CaseActionPorts,
): Promise<CaseInHand | CaseRefused | MembershipUnknown> {
  const current = await ports.cases.get(request.caseNumber);
  const ownCase = current !== undefined && sameObjectId(request.person.objectId, current.requester.objectId);
  let actor: CaseActor;
  try {
    actor = await actorFor(request.person, ownCase, ports.membership);
  } catch {
    // The directory is down, slow or refusing: without knowing who this is, nothing can be shown or done.
    return { kind: 'membershipUnknown' };
  }
  if (!current)
    return refused(undefined, { code: 'caseNotFound', caseNumber: request.caseNumber }, actor, request);
  const audience = audienceOf(current, actor);
  // Nobody outside the helpdesk learns anything of someone else's case, not even that its version moved.
  if (audience === 'nobody' || current.version !== request.expectedVersion)
    return refused(current, { code: 'changed' }, actor, request);
  return { kind: 'ready', case: current, actor, audience };
}

/** The refusal as `actor` may hear it (see {@link CaseAudience}). */
export function refused(
  current: Case | undefined,
  refusal: HelpdeskRefusal,
  actor: CaseActor,
  request: Pick<CaseRequest, 'requesterButton'>,
): CaseRefused {
  const audience = current ? audienceOf(current, actor) : isHelpdeskMember(actor) ? 'agent' : 'nobody';
  switch (audience) {
    case 'agent':
      return { kind: 'refused', audience, refusal, case: current };
    case 'requester':
      return {
        kind: 'refused',
        audience,
        refusal: refusal.code === 'changed' ? { code: 'outOfDate' } : refusal,
        case: current as Case,
      };
    case 'nobody':
      return {
        kind: 'refused',
        audience,
        refusal: request.requesterButton ? { code: 'notRequester' } : { code: 'notHelpdeskMember' },
      };
  }
}

/** The case changed: the stored case, what happened, and who did it. */
export interface CaseChanged {
  readonly kind: 'changed';
  readonly previous: Case;
  readonly case: Case;
  readonly events: readonly CaseEvent[];
  readonly actor: CaseActor;
  readonly audience: Exclude<CaseAudience, 'nobody'>;
}

/**
 * An agent's or the requester's button on a case card: load, authorize (from the activity's identity and
 * Graph membership only), decide, store with compare-and-swap together with its audit event. The edge renders the result for its
 * audience and carries out the events.
 */
export async function actOnCase(
  request: Omit<CaseRequest, 'requesterButton'> & { readonly action: CaseAction },
  ports: CaseActionPorts,
): Promise<CaseChanged | CaseRefused | MembershipUnknown> {
  const requesterButton = (REQUESTER_ACTIONS as readonly string[]).includes(request.action.type);
  const found = await caseForPerson({ ...request, requesterButton }, ports);
  if (found.kind !== 'ready') return found;
  const { case: current, actor, audience } = found;
  const decision = decideAgentAction(current, request.action, actor, ports.now());
  if (decision.kind === 'refused') return refused(current, decision.reason, actor, { requesterButton });
  const { action } = request;
  // One audit event per decision, for helpdesk actions too (never a key: cases cannot hold one), stored
  // with the change in one transaction.
  const audit: AuditEvent = {
    at: ports.now().toISOString(),
    correlationId: crypto.randomUUID(),
    decision: 'caseChanged',
    reason: `${action.type}:${decision.case.status}`,
    requester: auditedRequester(current.requester),
    ...(current.keyId ? { keyId: current.keyId } : {}),
    requestId: current.requestId,
    requestStartedAt: current.requestStartedAt,
    actor: `${actor.name} (${actor.objectId})`,
    ...(action.type === 'rejectAsSuspicious' ? { note: action.note } : {}),
    ...(decision.case.verification
      ? { verification: { method: decision.case.verification.method, at: decision.case.verification.at } }
      : {}),
  };
  try {
    await ports.cases.update(decision.case, current.version, audit);
  } catch (error) {
    if (!(error instanceof CaseVersionConflictError)) throw error;
    // Someone got there first. Said as what it means now ("Lee owns this case") when the action is no
    // longer allowed; otherwise as a change the person has not seen yet, so they look before acting.
    const latest = (await ports.cases.get(current.number)) ?? current;
    const again = decideAgentAction(latest, request.action, actor, ports.now());
    return refused(latest, again.kind === 'refused' ? again.reason : { code: 'changed' }, actor, {
      requesterButton,
    });
  }
  return {
    kind: 'changed',
    previous: current,
    case: decision.case,
    events: decision.events,
    actor,
    audience,
  };
}

/** Who acts: identity from the activity or the sign-in, groups from the directory (skipped for a requester). */
async function actorFor(
  person: ActingPerson,
  ownCase: boolean,
  membership: HelpdeskMembership,
): Promise<CaseActor> {
  const groups =
    person.objectId && !ownCase
      ? await membership(person.objectId)
      : { inHelpdeskGroup: false, inAdvancedGroup: false };
  return { objectId: person.objectId, name: person.name, ...groups };
}

function sameObjectId(a: string, b: string): boolean {
  return a !== '' && a.toLowerCase() === b.toLowerCase();
}
