import { CARD_INPUTS, CARD_VERBS, submit, type TextInputElement } from './adaptive-card.js';
import type { Messages } from './messages.js';

/** Longest input worth sending: a full Key ID with dashes and braces is 38 characters. */
const KEY_ID_MAX_LENGTH = 40;

/**
 * The box for the Key ID, with its send button beside it. Whatever is typed goes through the same
 * understanding as a chat message ("where is it?" typed into the box gets the answer, not an error).
 */
export function keyIdInput(messages: Messages, label: string = messages.keyIdLabel): TextInputElement {
  return {
    type: 'Input.Text',
    id: CARD_INPUTS.keyId,
    label,
    placeholder: messages.keyIdPlaceholder,
    maxLength: KEY_ID_MAX_LENGTH,
    isRequired: true,
    errorMessage: messages.keyIdRequired,
    inlineAction: submit(messages.send, CARD_VERBS.submitKeyId),
  };
}
