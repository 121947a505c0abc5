import { containsRecoveryPasswordShape } from './recovery-password.js';

/** Nesting deeper than anything the bot stores legitimately has; beyond it the value is refused as unreadable. */
const MAX_DEPTH = 32;

/**
 * Walks every string and property name in `value` (a case, a case request, an audit event, a job, a
 * conversation reference) and returns the path of the first one holding something shaped like a recovery
 * password, or `undefined` when there is none. One check everywhere, the broad one of the triage
 * ({@link containsRecoveryPasswordShape}): refusing a shape too many costs a re-typed line, letting a key
 * through puts it in a database, a channel or an export. A string that is itself JSON (a serialized
 * conversation reference) is also walked parsed, because JSON escapes (`\n`, `\u002d`) hide separators.
 */
export function findRecoveryPassword(value: unknown, path = '$', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return path;
  if (typeof value === 'string') {
    if (containsRecoveryPasswordShape(value)) return path;
    const parsed = parseJsonContainer(value);
    return parsed === undefined ? undefined : findRecoveryPassword(parsed, path, depth + 1);
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    if (!Array.isArray(value) && containsRecoveryPasswordShape(key)) return `${path}.<property name>`;
    const innerPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    const found = findRecoveryPassword(inner, innerPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The parsed value when `text` is a JSON object or array; plain text stays plain text. */
function parseJsonContainer(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Text that merely starts with a brace is not JSON; the raw string was already scanned above.
    return undefined;
  }
}
