import type { BlockIndex, RecoveryPassword } from '../recovery/recovery-password.js';
import { formatBlocks } from '../recovery/recovery-password.js';
import {
  type AdaptiveCard,
  adaptiveCard,
  CARD_VERBS,
  type CardElement,
  type ContainerElement,
  cardOf,
  type SubmitAction,
  type ToggleVisibilityAction,
  text,
  title,
} from './adaptive-card.js';
import { formatKeyId } from './format-key-id.js';
import type { Messages } from './messages.js';

/** What the release card shows besides the key. */
export interface ReleaseView {
  readonly requestId: string;
  readonly deviceName: string;
  /** The full Key ID of the released key, to compare with the recovery screen. */
  readonly keyId: string;
  readonly visibleMinutes: number;
}

const ALL_BLOCKS = 'all-blocks';
const blockId = (index: number) => `block-${index}`;

/**
 * The key, for the requester's 1:1 chat only: device, Key ID to compare, the 48 digits as 8 numbered
 * blocks, how to type them. "Show one block at a time" works on the person's device (toggle visibility),
 * so the bot never needs the key again after this card is built. The fallback text carries no key.
 */
export function releaseCard(view: ReleaseView, password: RecoveryPassword, messages: Messages): AdaptiveCard {
  const m = messages.release;
  const blocks = formatBlocks(password);
  const pairs: CardElement[] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const line = blocks
      .slice(i, i + 2)
      .map((block) => `${block.index}: ${block.digits}`)
      // Non-breaking: renderers collapse ordinary spaces, and "509036 2: 574618" invites misreading.
      .join('\u00a0\u00a0\u00a0\u00a0');
    pairs.push(text(line, { fontType: 'Monospace', size: 'Large', spacing: 'Small' }));
  }
  const single = blocks.map((block) => singleBlock(block.index, block.digits, blocks.length, messages));
  const body: CardElement[] = [
    title(m.title),
    {
      type: 'FactSet',
      facts: [
        { title: m.deviceLabel, value: view.deviceName },
        { title: messages.keyIdLabel, value: formatKeyId(view.keyId) },
      ],
    },
    text(m.compareKeyId, { isSubtle: true, spacing: 'Small' }),
    { type: 'Container', id: ALL_BLOCKS, style: 'emphasis', items: pairs },
    ...single,
    text(m.howToType),
    text(m.hidesIn(view.visibleMinutes), { isSubtle: true, size: 'Small' }),
  ];
  const actions: (SubmitAction | ToggleVisibilityAction)[] = [
    {
      type: 'Action.Submit',
      title: m.worked,
      style: 'positive',
      data: { verb: CARD_VERBS.keyWorked, requestId: view.requestId },
    },
    {
      type: 'Action.Submit',
      title: m.didNotWork,
      data: { verb: CARD_VERBS.keyDidNotWork, requestId: view.requestId },
    },
    toggle(m.oneBlockAtATime, ALL_BLOCKS, blockId(1)),
  ];
  return adaptiveCard(m.fallback, body, actions);
}

/** The card that replaces the release card: device and Key ID, no key. */
export function keyHiddenCard(
  view: Pick<ReleaseView, 'deviceName' | 'keyId'>,
  messages: Messages,
): AdaptiveCard {
  return cardOf([
    title(messages.keyHidden.title),
    {
      type: 'FactSet',
      facts: [
        { title: messages.release.deviceLabel, value: view.deviceName },
        { title: messages.keyIdLabel, value: formatKeyId(view.keyId) },
      ],
    },
    text(messages.keyHidden.body),
    text(messages.keyHidden.askAgain, { isSubtle: true }),
  ]);
}

function singleBlock(index: BlockIndex, digits: string, count: number, messages: Messages): ContainerElement {
  const m = messages.release;
  const navigation: ToggleVisibilityAction[] = [
    ...(index > 1 ? [toggle(m.previousBlock, blockId(index), blockId(index - 1))] : []),
    index < count
      ? toggle(m.nextBlock, blockId(index), blockId(index + 1))
      : toggle(m.allBlocks, blockId(index), ALL_BLOCKS),
  ];
  return {
    type: 'Container',
    id: blockId(index),
    isVisible: false,
    style: 'emphasis',
    items: [
      text(m.blockOf(index, count), { isSubtle: true }),
      text(digits, { fontType: 'Monospace', size: 'Large', weight: 'Bolder' }),
      { type: 'ActionSet', actions: navigation },
    ],
  };
}

function toggle(label: string, hide: string, show: string): ToggleVisibilityAction {
  return {
    type: 'Action.ToggleVisibility',
    title: label,
    targetElements: [
      { elementId: hide, isVisible: false },
      { elementId: show, isVisible: true },
    ],
  };
}
