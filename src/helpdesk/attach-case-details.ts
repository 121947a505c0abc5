import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import type { CandidateDevice, Case, VerificationEvidence } from './case.js';

/** What the edge learns from the directory after a case was opened. Absent parts stay as they are. */
export interface CaseDetails {
  readonly devices?: readonly CandidateDevice[];
  readonly evidence?: VerificationEvidence;
  readonly userPrincipalName?: string;
}

/**
 * The case with directory details added: candidate devices, the requester's UPN, the bot's own
 * verification evidence. A system change like any other: one history entry, `version` one higher.
 * @throws RecoveryPasswordRefusedError (`RECOVERY_PASSWORD_IN_CASE`) when the details carry a
 *   recovery-password shape anywhere.
 */
export function attachCaseDetails(current: Case, details: CaseDetails, now: Date): Case {
  const field = findRecoveryPassword(details);
  if (field !== undefined) throw new RecoveryPasswordRefusedError('RECOVERY_PASSWORD_IN_CASE', field);
  const at = now.toISOString();
  const added = [
    details.devices === undefined ? undefined : 'devices',
    details.evidence === undefined ? undefined : 'evidence',
    details.userPrincipalName === undefined ? undefined : 'userPrincipalName',
  ].filter((part) => part !== undefined);
  return {
    ...current,
    requester:
      details.userPrincipalName === undefined
        ? current.requester
        : { ...current.requester, userPrincipalName: details.userPrincipalName },
    devices:
      details.devices === undefined ? current.devices : details.devices.map((device) => ({ ...device })),
    evidence: details.evidence ?? current.evidence,
    history: [
      ...current.history,
      {
        at,
        by: { kind: 'system' },
        action: 'detailsAdded',
        detail: added.join(', '),
        status: current.status,
      },
    ],
    version: current.version + 1,
    updatedAt: at,
  };
}
