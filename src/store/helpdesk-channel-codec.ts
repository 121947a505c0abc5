import { findRecoveryPassword } from '../recovery/find-recovery-password.js';
import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';
import { RecoveryPasswordRefusedError } from '../recovery/recovery-password-refused-error.js';
import { requireKeyText } from './key-text.js';

/** A helpdesk channel as both backends write it. */
export interface HelpdeskChannelRow {
  readonly channelId: string;
  /** The serialized conversation reference, verbatim. */
  readonly reference: string;
}

/**
 * Checks a channel id and its conversation reference. Throws `RecoveryPasswordRefusedError`
 * (`SECRET_IN_CHANNEL`) for a recovery-password shape in either (the reference is also read parsed, so JSON
 * escapes hide nothing), and a `TypeError` naming the field, never the value, when the id cannot be a key or
 * the reference is not a serialized JSON object.
 */
export function encodeHelpdeskChannel(channelId: string, reference: string): HelpdeskChannelRow {
  const field =
    findRecoveryPassword({ channelId, reference }, 'channel') ??
    (typeof reference === 'string' && containsRecoveryPasswordShape(reference)
      ? 'channel.reference'
      : undefined);
  if (field !== undefined) throw new RecoveryPasswordRefusedError('SECRET_IN_CHANNEL', field);
  requireKeyText(channelId, 'helpdesk channel id');
  if (!isJsonObject(reference)) {
    throw new TypeError('helpdesk channel reference must be a serialized JSON object');
  }
  return { channelId, reference };
}

function isJsonObject(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    // Not JSON: the caller reports it as a TypeError.
    return false;
  }
}
