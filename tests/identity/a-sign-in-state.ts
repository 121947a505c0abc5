import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo-tenant/sample-people.js';
import type { SignInState } from '../../src/identity/sign-in-states.js';
import type { Requester } from '../../src/recovery/case-requests.js';
import { aConversationReference } from '../store/a-new-case-request.js';

/** A demo person as the Teams activity names them (the requester of a step-up sign-in). */
export function aRequester(index = 0): Requester {
  const person = DEMO_PEOPLE[index];
  if (!person) throw new Error(`no demo person ${index}`);
  return {
    objectId: person.id,
    tenantId: DEMO_TENANT_ID,
    teamsUserId: `29:1${person.id.replaceAll('-', '')}`,
    displayName: person.displayName,
  };
}

/** A sign-in state for Alex created at `createdAt`, living ten minutes unless told otherwise. */
export function aSignInState(
  overrides: Partial<SignInState> & { createdAt?: string; lifetimeMs?: number } = {},
): SignInState {
  const { lifetimeMs = 10 * 60_000, ...rest } = overrides;
  const createdAt = rest.createdAt ?? new Date().toISOString();
  const requester = rest.requester ?? aRequester();
  return {
    state: randomBytes(32).toString('base64url'),
    requester,
    purpose: { kind: 'selfService', requestId: randomUUID() },
    conversationReference: aConversationReference(requester),
    codeVerifier: randomBytes(32).toString('base64url'),
    nonce: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.parse(createdAt) + lifetimeMs).toISOString(),
    ...rest,
    createdAt,
  };
}
