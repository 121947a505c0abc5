import type { DeviceKind, RootCause } from '../recovery/triage-types.js';
import type { FactSetElement } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** What the person told: what happened, which PC, the error code (each when known), as card facts. */
export function answerFacts(
  answers: {
    readonly rootCause?: RootCause | undefined;
    readonly deviceKind?: DeviceKind | undefined;
    readonly errorCode?: string | undefined;
  },
  messages: Messages,
): FactSetElement['facts'] {
  const { rootCause, deviceKind, errorCode } = answers;
  return [
    ...(rootCause === undefined
      ? []
      : [{ title: messages.rootCauseFact, value: messages.rootCauseChoices[rootCause] }]),
    ...(deviceKind === undefined
      ? []
      : [{ title: messages.deviceKindFact, value: messages.deviceKindChoices[deviceKind] }]),
    ...(errorCode === undefined ? [] : [{ title: messages.errorCodeFact, value: errorCode }]),
  ];
}
