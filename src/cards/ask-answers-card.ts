import type { RootCause } from '../recovery/triage-types.js';
import { ROOT_CAUSES } from '../recovery/triage-types.js';
import {
  type AdaptiveCard,
  CARD_VERBS,
  type CardAction,
  cardOf,
  submit,
  text,
  title,
} from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/** Teams renders at most five buttons in a row of actions; the causes come as two rows. */
const CAUSE_ROWS: readonly (readonly RootCause[])[] = [ROOT_CAUSES.slice(0, 4), ROOT_CAUSES.slice(4)];
/** The kinds of PC that change the path; "work PC" is what the card assumes. */
const OTHER_DEVICE_KINDS = ['personalPc', 'secondHand', 'oldDomainPc'] as const;
const OTHER_DEVICE_KINDS_ID = 'otherDeviceKinds';

/**
 * What happened just before the recovery screen, as one tap: each cause is its own button, so there is
 * nothing to fill in and no Continue. When the person has not said which PC it is, the card assumes their
 * work PC and says so; "Not a work PC?" opens the other kinds on the device, without a round trip.
 * Words work as well as taps ("after the bios update", "it's my own laptop").
 */
export function askAnswersCard(keyId: string, askDeviceKind: boolean, messages: Messages): AdaptiveCard {
  const causeButton = (cause: RootCause): CardAction =>
    submit(messages.rootCauseButtons[cause], CARD_VERBS.answers, {}, { rootCause: cause });
  return cardOf(
    [
      title(messages.answersTitle),
      { type: 'FactSet', facts: [{ title: messages.keyIdLabel, value: formatKeyId(keyId) }] },
      ...CAUSE_ROWS.map((row) => ({ type: 'ActionSet' as const, actions: row.map(causeButton) })),
      ...(askDeviceKind
        ? [
            text(messages.assumedWorkPc, { isSubtle: true, size: 'Small' }),
            {
              type: 'Container' as const,
              id: OTHER_DEVICE_KINDS_ID,
              isVisible: false as const,
              items: [
                {
                  type: 'ActionSet' as const,
                  actions: OTHER_DEVICE_KINDS.map((kind) =>
                    submit(messages.deviceKindButtons[kind], CARD_VERBS.answers, {}, { deviceKind: kind }),
                  ),
                },
              ],
            },
          ]
        : []),
      text(messages.errorCodeHint, { isSubtle: true, size: 'Small' }),
    ],
    [
      ...(askDeviceKind
        ? [
            {
              type: 'Action.ToggleVisibility' as const,
              title: messages.notWorkPc,
              targetElements: [{ elementId: OTHER_DEVICE_KINDS_ID, isVisible: true }],
            },
          ]
        : []),
      submit(messages.whyDidThisHappen, CARD_VERBS.guideWhyThisHappened),
    ],
  );
}
