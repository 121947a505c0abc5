import { containsRecoveryPasswordShape } from '../recovery/recovery-password.js';

/** Nesting deeper than a case legitimately has; beyond it the value is refused as unreadable. */
const MAX_DEPTH = 32;

/**
 * Walks every string and property name in `value` (a case, a case request, a note) and returns the path
 * of the first one holding something shaped like a recovery password, or `undefined` when there is none.
 * Uses the broad shape check of the triage on purpose: refusing a note costs an agent one re-typed line,
 * letting a key into a case puts it in a channel every agent reads.
 */
export function findRecoveryPasswordInCase(value: unknown, path = '$', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return path;
  if (typeof value === 'string') return containsRecoveryPasswordShape(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    if (!Array.isArray(value) && containsRecoveryPasswordShape(key)) return `${path}.<property name>`;
    const innerPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    const found = findRecoveryPasswordInCase(inner, innerPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
