import type { DemoRecoveryKey } from '../../src/demo-tenant/demo-directory.js';
import type { ChatSession, ConversationHarness, Turn } from './conversation.js';
import type { ConnectorCall } from './recording-connector.js';

/** The two triage answers a work PC after a Windows update gives: the plain self-service path. */
export const WORK_PC_AFTER_UPDATE = { rootCause: 'windowsUpdate', deviceKind: 'workPc' } as const;

/** Answers that always escalate (an on-premises domain PC): the way into the helpdesk without a release. */
export const ON_PREMISES_PC = { rootCause: 'firmwareUpdate', deviceKind: 'oldDomainPc' } as const;

/** What the requester typed and the bot answered on the way to the "Verify it's you" card. */
export interface KeyRequest {
  readonly keyIdTurn: Turn;
  /** The turn whose card holds the "Verify it's you" link (when the triage got that far). */
  readonly answersTurn: Turn;
}

/**
 * Types "my key id is …" and submits the two answers, as a person does on the triage cards. The bot decides
 * what comes back; callers assert on it (a verify card, a redirect, a risk stop).
 */
export async function askForKey(
  chat: ChatSession,
  keyIdText: string,
  answers: { readonly rootCause: string; readonly deviceKind: string } = WORK_PC_AFTER_UPDATE,
): Promise<KeyRequest> {
  const keyIdTurn = await chat.send(`my key id is ${keyIdText}`);
  const answersTurn = await chat.submit({ verb: 'answers', ...answers });
  return { keyIdTurn, answersTurn };
}

/** The demo tenant's `index`-th key (oldest first) of the device named `deviceName`. */
export function demoKey(
  harness: Pick<ConversationHarness, 'demoTenant'>,
  deviceName: string,
  index = 0,
): DemoRecoveryKey {
  const device = [...harness.demoTenant.data.devices.values()].find((d) => d.displayName === deviceName);
  if (!device) throw new Error(`no demo device named ${deviceName}`);
  const keys = [...harness.demoTenant.data.keysForDevice(device.deviceId)].sort((a, b) =>
    a.createdDateTime.localeCompare(b.createdDateTime),
  );
  const key = keys[index];
  if (!key) throw new Error(`${deviceName} has no key number ${index}`);
  return key;
}

/** A Key ID the way the blue screen shows it: 32 uppercase hex digits in the GUID layout. */
export function screenKeyId(key: DemoRecoveryKey): string {
  return key.id.toUpperCase();
}

/**
 * Connector calls that carry a release card: an Adaptive Card whose actions include the `keyWorked` submit.
 * The card is recognized by what it does, not by its digits, so a scan that skips it skips nothing else.
 */
export function releaseCardCalls(calls: readonly ConnectorCall[]): ConnectorCall[] {
  return calls.filter((call) => releaseRequestId(call) !== undefined);
}

/** The request id a release card's buttons act on, or `undefined` when `call` is not a release card. */
export function releaseRequestId(call: ConnectorCall): string | undefined {
  if (call.operation !== 'send' && call.operation !== 'reply') return undefined;
  for (const attachment of call.activity?.attachments ?? []) {
    const card = attachment.content as { actions?: { type?: string; data?: Record<string, unknown> }[] };
    const worked = card?.actions?.find(
      (action) => action.type === 'Action.Submit' && action.data?.verb === 'keyWorked',
    );
    if (typeof worked?.data?.requestId === 'string') return worked.data.requestId;
  }
  return undefined;
}

/** Calls that update (replace) a message the bot sent earlier: the hide job's work. */
export function updateCalls(calls: readonly ConnectorCall[]): ConnectorCall[] {
  return calls.filter((call) => call.operation === 'update');
}
