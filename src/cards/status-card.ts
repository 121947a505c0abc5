import type { Outcome, TriageState } from '../recovery/triage-types.js';
import { type AdaptiveCard, cardOf, title } from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/** Where the conversation stands, the Key ID it is about, and how the last request ended, in words. */
export function statusCard(state: TriageState, messages: Messages, caseNumber?: number): AdaptiveCard {
  const keyId = keyIdOf(state);
  const last = state.step === 'idle' ? outcomeWords(state.last, messages) : undefined;
  return cardOf([
    title(messages.statusTitle),
    {
      type: 'FactSet',
      facts: [
        { title: messages.statusNowFact, value: messages.statusSteps[state.step] },
        ...(keyId === undefined ? [] : [{ title: messages.keyIdLabel, value: formatKeyId(keyId) }]),
        ...(last === undefined ? [] : [{ title: messages.statusLastFact, value: last }]),
        ...(caseNumber === undefined || state.step !== 'idle' || state.last?.kind !== 'case'
          ? []
          : [{ title: messages.requestNumberLabel, value: String(caseNumber) }]),
      ],
    },
  ]);
}

function keyIdOf(state: TriageState): string | undefined {
  switch (state.step) {
    case 'idle':
      return state.last?.kind === 'verification' ||
        state.last?.kind === 'released' ||
        state.last?.kind === 'case'
        ? state.last.request.keyId
        : undefined;
    case 'awaitingKeyId':
      return undefined;
    case 'confirmingKeyId':
      return state.candidate;
    case 'awaitingAnswers':
      return state.keyId;
  }
}

function outcomeWords(outcome: Outcome | undefined, messages: Messages): string {
  switch (outcome?.kind) {
    case undefined:
      return messages.statusOutcomes.none;
    case 'verification':
      return messages.statusOutcomes.verification;
    case 'released':
      return messages.statusOutcomes.released;
    case 'case':
      return messages.statusOutcomes.case;
    case 'guided':
      return messages.statusOutcomes.guided(messages.guides[outcome.guide].title);
    case 'cancelled':
      return messages.statusOutcomes.cancelled;
  }
}
