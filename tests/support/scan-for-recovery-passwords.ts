/** The acceptance criterion's pattern: a recovery password as Graph returns it. */
export const RECOVERY_PASSWORD_PATTERN = /\d{6}(-\d{6}){7}/g;

/** Something the bot wrote, by where it was found. */
export interface ScannedText {
  readonly source: string;
  readonly text: string;
}

/** Where a recovery password was found. Never the password itself: a failing test must not print it. */
export interface PasswordHit {
  readonly source: string;
  readonly offset: number;
  /** `pattern`: the dashed shape; `knownKey`: one of the given passwords, in any layout. */
  readonly kind: 'pattern' | 'knownKey';
  /** The text around the hit with every digit masked as `#`. */
  readonly context: string;
}

/** Longest stretch between two blocks of a known key still counted as one layout (a card's JSON between lines). */
const MAX_GAP = 240;

/**
 * Finds recovery passwords in what the bot wrote: the dashed shape of the acceptance criterion, and each
 * known password (the demo tenant's keys) however it is laid out — blocks on separate card lines, spaces,
 * JSON between them — as its 8 blocks in order, each standing alone as six digits.
 */
export function scanForRecoveryPasswords(
  texts: readonly ScannedText[],
  knownPasswords: readonly string[],
): PasswordHit[] {
  const knownLayouts = knownPasswords.map(anyLayoutOf);
  const hits: PasswordHit[] = [];
  for (const { source, text } of texts) {
    for (const match of text.matchAll(RECOVERY_PASSWORD_PATTERN)) {
      hits.push({ source, offset: match.index, kind: 'pattern', context: masked(text, match.index) });
    }
    for (const layout of knownLayouts) {
      const match = layout.exec(text);
      if (match)
        hits.push({ source, offset: match.index, kind: 'knownKey', context: masked(text, match.index) });
    }
  }
  return hits;
}

/**
 * Every string a stored value holds: the value itself and, where it is JSON, each string inside it decoded,
 * so that a JSON escape (`\u002d` for `-`) cannot hide a separator from the pattern.
 */
export function stringsIn(value: unknown, depth = 0): string[] {
  if (depth > 16) return [];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return [value];
    try {
      return [value, ...stringsIn(JSON.parse(trimmed) as unknown, depth + 1)];
    } catch {
      // Text that merely starts like JSON: the raw string is all there is to scan.
      return [value];
    }
  }
  if (Buffer.isBuffer(value)) return [value.toString('latin1')];
  if (value === null || typeof value !== 'object') return value === undefined ? [] : [String(value)];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner, depth + 1)]);
}

function anyLayoutOf(password: string): RegExp {
  const blocks = password.split('-');
  if (blocks.length !== 8 || blocks.some((block) => !/^\d{6}$/.test(block))) {
    throw new Error('a known password must be 8 blocks of 6 digits');
  }
  return new RegExp(blocks.map((block) => `(?<!\\d)${block}(?!\\d)`).join(`[\\s\\S]{1,${MAX_GAP}}?`));
}

function masked(text: string, offset: number): string {
  return text
    .slice(Math.max(0, offset - 60), offset + 120)
    .replace(/\d/g, '#')
    .replace(/\s+/g, ' ');
}
