import type { CaseRequest } from '../recovery/case-requests.js';
import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import type { Case } from './case.js';

/**
 * The new case for a case request: status `open`, version 1, one history entry. Devices, UPN and the
 * bot's own verification evidence are added later with {@link attachCaseDetails}, because they need the
 * directory and must not hold up the hand-off.
 * @throws RecoveryPasswordRefusedError (`RECOVERY_PASSWORD_IN_CASE`) when the case request carries a
 *   recovery-password shape anywhere.
 * @throws RangeError when `number` is not a positive integer.
 */
export function openCaseFrom(caseRequest: CaseRequest, number: number, now: Date): Case {
  if (!Number.isSafeInteger(number) || number < 1)
    throw new RangeError('a case number is a positive integer');
  const field = findRecoveryPassword(caseRequest);
  if (field !== undefined) throw new RecoveryPasswordRefusedError('RECOVERY_PASSWORD_IN_CASE', field);
  const at = now.toISOString();
  const { request, requester } = caseRequest;
  return {
    number,
    caseRequestNumber: caseRequest.number,
    requestId: request.id,
    requester: { ...requester },
    requesterConversation: caseRequest.conversationReference,
    keyId: request.keyId,
    devices: [],
    triage: {
      rootCause: request.rootCause,
      reasonCode: request.reasonCode,
      errorCode: request.errorCode,
      deviceKind: request.deviceKind,
      riskStop: request.riskStop,
    },
    evidence: undefined,
    escalation: caseRequest.reason,
    status: 'open',
    owner: undefined,
    verification: undefined,
    history: [{ at, by: { kind: 'system' }, action: 'opened', detail: caseRequest.reason, status: 'open' }],
    version: 1,
    requestStartedAt: request.startedAt,
    requestedAt: caseRequest.createdAt,
    createdAt: at,
    updatedAt: at,
    waitingSince: at,
    post: undefined,
    announcedAt: undefined,
    releasedAt: undefined,
    closedAt: undefined,
  };
}
