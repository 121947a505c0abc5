import type { Case } from '../../src/helpdesk/case.js';
import type { CaseRequest } from '../../src/recovery/case-requests.js';
import type { Store } from '../../src/store/store.js';
import { claimedBy, minutesAfter, OPENED_AT } from './case-builders.js';

/** What one racer (thread or process) does: create each case, then try to claim it as `agent`. */
export interface CaseRaceTask {
  readonly caseRequests: readonly CaseRequest[];
  readonly agent: { readonly objectId: string; readonly name: string };
}

/** One racer's view of one case request. */
export interface CaseRaceOutcome {
  readonly requestId: string;
  readonly number: number;
  readonly created: boolean;
  /** `won`: this racer's claim was stored; `conflict`: its update lost the version race; `taken`: it read the case already claimed. */
  readonly claim: 'won' | 'conflict' | 'taken';
}

/**
 * Creates then claims every case, as two agents pressing Create and Claim on two bot instances would:
 * read the case, refuse if someone owns it already, else write the claim over the version read.
 */
export async function runCaseRace(store: Store, task: CaseRaceTask): Promise<CaseRaceOutcome[]> {
  const outcomes: CaseRaceOutcome[] = [];
  for (const caseRequest of task.caseRequests) {
    const { case: opened, created } = await store.cases.create(caseRequest, OPENED_AT);
    const current = (await store.cases.get(opened.number)) as Case;
    let claim: CaseRaceOutcome['claim'] = 'taken';
    if (current.status === 'open') {
      try {
        await store.cases.update(claimedBy(current, task.agent, minutesAfter(OPENED_AT, 1)), current.version);
        claim = 'won';
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'CASE_VERSION_CONFLICT') throw error;
        claim = 'conflict';
      }
    }
    outcomes.push({ requestId: caseRequest.request.id, number: opened.number, created, claim });
  }
  return outcomes;
}
