import { DEVICE_KINDS, ROOT_CAUSES } from '../recovery/triage-types.js';
import { type AdaptiveCard, CARD_INPUTS, CARD_VERBS, cardOf, submit, text, title } from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages, MissingAnswer } from './messages.js';

/** `E_FVE_` codes are short; the cap only stops a pasted essay. */
const ERROR_CODE_MAX_LENGTH = 60;

/**
 * Both triage questions on one card, so the happy path is one set of taps: what happened just before,
 * and which PC it is, plus the optional error code. When the person sent it half-filled, a line in the
 * attention color names what is still to pick.
 */
export function askAnswersCard(
  keyId: string,
  missing: readonly MissingAnswer[],
  messages: Messages,
): AdaptiveCard {
  return cardOf(
    [
      title(messages.answersTitle),
      { type: 'FactSet', facts: [{ title: messages.keyIdLabel, value: formatKeyId(keyId) }] },
      ...(missing.length > 0
        ? [text(messages.answersMissing(missing), { color: 'Attention', weight: 'Bolder' })]
        : []),
      {
        type: 'Input.ChoiceSet',
        id: CARD_INPUTS.rootCause,
        label: messages.rootCauseLabel,
        style: 'expanded',
        wrap: true,
        choices: ROOT_CAUSES.map((cause) => ({ title: messages.rootCauseChoices[cause], value: cause })),
        isRequired: true,
        errorMessage: messages.rootCauseRequired,
      },
      {
        type: 'Input.ChoiceSet',
        id: CARD_INPUTS.deviceKind,
        label: messages.deviceKindLabel,
        style: 'expanded',
        wrap: true,
        choices: DEVICE_KINDS.map((kind) => ({ title: messages.deviceKindChoices[kind], value: kind })),
        isRequired: true,
        errorMessage: messages.deviceKindRequired,
      },
      {
        type: 'Input.Text',
        id: CARD_INPUTS.errorCode,
        label: messages.errorCodeLabel,
        placeholder: messages.errorCodePlaceholder,
        maxLength: ERROR_CODE_MAX_LENGTH,
      },
    ],
    [
      submit(messages.continue, CARD_VERBS.answers, { style: 'positive' }),
      submit(messages.whyDidThisHappen, CARD_VERBS.guideWhyThisHappened, { associatedInputs: 'none' }),
    ],
  );
}
