/**
 * Eight runs of six digits, each gap being nothing or up to three spaces or dashes: how people and
 * tools write a recovery password (`123456-…`, `123456 123456 …`, 48 digits in a row, copied with
 * an en dash or a line break). Wider than the logger's pattern on purpose: this guard refuses data,
 * so it should rather catch a shape too many than let a key through.
 */
const RECOVERY_PASSWORD_SHAPE = /\d{6}(?:[\s\-\u2010-\u2015\u2212]{0,3}\d{6}){7}/;

/** Nesting deeper than any case request legitimately has; beyond it the value is refused as unreadable. */
const MAX_DEPTH = 32;

/**
 * Walks every string and property name in `value` and returns the path of the first one holding a
 * recovery-password shape, or `undefined` when there is none. Strings are NFKC-normalized first, so
 * full-width digits count as digits; a string that is itself JSON (a serialized conversation reference)
 * is also walked parsed, because JSON escapes (`\n`, `\u002d`) would otherwise hide separators.
 */
export function findRecoveryPasswordShape(value: unknown, path = '$', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return path;
  if (typeof value === 'string') {
    if (RECOVERY_PASSWORD_SHAPE.test(value.normalize('NFKC'))) return path;
    const parsed = parseJsonContainer(value);
    return parsed === undefined ? undefined : findRecoveryPasswordShape(parsed, path, depth + 1);
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    const innerPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (RECOVERY_PASSWORD_SHAPE.test(key.normalize('NFKC'))) return `${path}.<property name>`;
    const found = findRecoveryPasswordShape(inner, innerPath, depth + 1);
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
