/**
 * A case changed since it was read: another agent (or another bot instance) wrote first. The caller
 * reloads the case and decides again, which turns the second of two simultaneous Claims into
 * "already claimed by …".
 */
export class CaseVersionConflictError extends Error {
  readonly code = 'CASE_VERSION_CONFLICT' as const;
  readonly caseNumber: number;
  readonly expectedVersion: number;

  constructor(caseNumber: number, expectedVersion: number) {
    super(`case ${caseNumber} is no longer at version ${expectedVersion}`);
    this.name = 'CaseVersionConflictError';
    this.caseNumber = caseNumber;
    this.expectedVersion = expectedVersion;
  }
}
