import { containsRecoveryPasswordShape } from './recovery-password.js';

/** Fewest Key ID digits accepted: fewer would match too many keys to be worth a lookup. */
export const KEY_ID_MIN_DIGITS = 8;
/** Digits in a whole Key ID (a GUID). */
export const KEY_ID_DIGITS = 32;

/** Digit-bearing candidates this long are reported as "too short" rather than ignored as noise ("Windows 11"). */
const SHORT_CANDIDATE_MIN_DIGITS = 4;
/** Where the groups of a GUID (8-4-4-4-12) end, inside the 32 digits. */
const GROUP_ENDS = [8, 12, 16, 20] as const;
/** Longest run of separators that still joins two groups ("4290B6C0 - 1A2B"). */
const MAX_SPACED_SEPARATOR = 3;

/** Mobile keyboards and copy-paste from documents turn `-` into typographic dashes. */
const DASH_VARIANTS = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HEX_OR_LOOK_ALIKE = /^[0-9A-Fa-fOoIil]+$/;
const HEX_LETTERS = /^[A-Fa-f]+$/;
const DECIMAL_DIGIT = /[0-9]/;

/** Letters typed for a digit they look like on the recovery screen. */
export type LookAlike = 'O' | 'o' | 'I' | 'i' | 'l';

const LOOK_ALIKE_DIGITS: Readonly<Record<LookAlike, '0' | '1'>> = { O: '0', o: '0', I: '1', i: '1', l: '1' };

/** One look-alike letter read as the digit it resembles, so the bot can say so and ask for confirmation. */
export interface Correction {
  /** 0-based position of the corrected character in `prefix`. */
  readonly index: number;
  readonly typed: LookAlike;
  readonly became: '0' | '1';
}

/** Why a message holds no usable Key ID. */
export type KeyIdRejectionReason =
  | 'empty'
  | 'recoveryPassword'
  | 'noKeyId'
  | 'notHex'
  | 'tooShort'
  | 'tooLong'
  | 'ambiguous';

/**
 * The outcome of reading a Key ID from a chat message.
 * - `keyId`: `prefix` is 8–32 uppercase hex digits without separators; `complete` when all 32 are there.
 * - `rejected`:
 *   - `empty`: no letters or digits at all.
 *   - `recoveryPassword`: the message holds something shaped like a recovery password; nothing else was read.
 *   - `noKeyId`: nothing in the message looks like a Key ID (ordinary words, small numbers).
 *   - `notHex`: a code with digits and 8+ characters, but letters outside A–F that are not look-alikes
 *     ("4290G6C0", "KB5034441").
 *   - `tooShort`: hex digits, but fewer than 8; `prefix` is what was read, for "I got 4290B6, need 8".
 *   - `tooLong`: more than 32 hex digits in one candidate; `length` is how many.
 *   - `ambiguous`: `count` different Key IDs. They are not echoed back: the message may hold anything.
 */
export type KeyIdParse =
  | {
      readonly kind: 'keyId';
      readonly prefix: string;
      readonly corrected: readonly Correction[];
      readonly complete: boolean;
    }
  | { readonly kind: 'rejected'; readonly reason: 'empty' | 'recoveryPassword' | 'noKeyId' | 'notHex' }
  | { readonly kind: 'rejected'; readonly reason: 'tooShort'; readonly prefix: string }
  | { readonly kind: 'rejected'; readonly reason: 'tooLong'; readonly length: number }
  | { readonly kind: 'rejected'; readonly reason: 'ambiguous'; readonly count: number };

/** How a chunk of letters and digits is attached to the one before it. */
type Link = 'joined' | 'spaced' | 'break';

interface Chunk {
  readonly text: string;
  readonly link: Link;
}

interface Candidate {
  readonly prefix: string;
  readonly corrected: readonly Correction[];
}

/**
 * Reads the BitLocker Key ID (or the first 8+ digits of it) from a chat message. Never throws.
 *
 * 1. A message without letters or digits is `empty`. A message holding anything shaped like a recovery
 *    password ({@link containsRecoveryPasswordShape}) is `recoveryPassword` before anything else is read,
 *    so a pasted key can never come back as a Key ID.
 * 2. The text (NFKC, so full-width characters count; typographic dashes read as `-`) is cut into chunks
 *    of letters and digits. Chunks joined only by `-`, `{` or `}` form a token ("{4290B6C0-1A2B}",
 *    "well-known"). A token with any letter other than A–F and the look-alikes is not a Key ID; if it
 *    has a digit and 8+ characters it is remembered as `notHex`.
 * 3. Chunks join into one candidate only along the GUID layout: every join falls on a multiple of 4
 *    digits and no joined chunk crosses a group end (8, 12, 16, 20). That accepts 8-4-4-4-12 and groups
 *    of four ("4290 B6C0") but not dates ("2024-07-19") or phone numbers. Where a join is refused a new
 *    candidate starts, so a misplaced dash still leaves a true prefix ("4290B6C01-A2B" → 4290B6C01) and a
 *    date leaves only a short candidate. Joins across a dash or brace need nothing more: the writer
 *    tied the chunks together. Joins across whitespace (up to 3
 *    characters, like " - ") also need both sides to look like code: the left side has a digit or
 *    starts with 8+ hex letters; the right chunk ends a group of four, lies within the 32 digits, and
 *    has a digit — or, having none ("ABCD", 2% of real groups), is followed by a chunk with a digit that
 *    joins too. So "4290B6C0 bad", "4290B6C0 face" and "4290B6C0 3 times" stay "4290B6C0", while
 *    "4290B6C0 ABCD 3C4D" is one Key ID. A digit-free chunk never starts a spaced candidate, so
 *    "cafe 4290 B6C0" is "4290B6C0" (the price: groups of four typed with spaces whose first group has no
 *    digit lose that group).
 * 4. English words made of hex letters ("bad", "cafe", "added", "be") are not Key IDs: a candidate needs
 *    a decimal digit the person typed, unless its first chunk is 8+ hex letters with no look-alikes
 *    ("DEADBEEF" — no common English word is that long in A–F alone).
 * 5. Look-alikes (O, o → 0; I, i, l → 1) are read as digits inside a candidate that qualifies by rule 4,
 *    and each is reported in `corrected`. They are unambiguous: no hex letter looks like them. Other
 *    guesses (S→5, G→6, Z→2) are not made, because they are not safe; such tokens are `notHex`.
 * 6. Of the candidates with 8+ digits, those that are prefixes of a longer one count as the same Key ID
 *    (the short form then the full one). One left → `keyId`, or `tooLong` beyond 32 digits; more →
 *    `ambiguous`. Without any: `notHex` if seen, else `tooShort` for a 4–7 digit candidate, else `noKeyId`.
 */
export function parseKeyId(input: string): KeyIdParse {
  const text = input.normalize('NFKC').replace(DASH_VARIANTS, '-');
  if (!/[\p{L}\p{N}]/u.test(text)) return { kind: 'rejected', reason: 'empty' };
  if (containsRecoveryPasswordShape(input)) return { kind: 'rejected', reason: 'recoveryPassword' };

  const { candidates, sawNotHex } = findCandidates(chunksOf(text));
  const full = distinctByPrefix(candidates.filter((found) => found.prefix.length >= KEY_ID_MIN_DIGITS));
  const [only] = full;
  if (only && full.length === 1) {
    if (only.prefix.length > KEY_ID_DIGITS) {
      return { kind: 'rejected', reason: 'tooLong', length: only.prefix.length };
    }
    const complete = only.prefix.length === KEY_ID_DIGITS;
    return { kind: 'keyId', prefix: only.prefix, corrected: only.corrected, complete };
  }
  if (full.length > 1) return { kind: 'rejected', reason: 'ambiguous', count: full.length };
  if (sawNotHex) return { kind: 'rejected', reason: 'notHex' };
  const short = candidates
    .filter((found) => found.prefix.length >= SHORT_CANDIDATE_MIN_DIGITS)
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (short) return { kind: 'rejected', reason: 'tooShort', prefix: short.prefix };
  return { kind: 'rejected', reason: 'noKeyId' };
}

/**
 * A Key ID prefix as the recovery screen groups it: uppercase, dashes after digits 8, 12, 16 and 20
 * ("4290B6C0-1A2B"). Separators and case in the input are normalized first.
 * @throws RangeError when the input is not 1–32 hex digits (a programming error: parse first).
 */
export function formatKeyIdForDisplay(prefix: string): string {
  const digits = stripSeparators(prefix).toUpperCase();
  if (!/^[0-9A-F]{1,32}$/.test(digits))
    throw new RangeError(`a Key ID prefix is 1 to ${KEY_ID_DIGITS} hex digits`);
  const groups: string[] = [];
  let start = 0;
  for (const end of [...GROUP_ENDS, KEY_ID_DIGITS]) {
    if (start >= digits.length) break;
    groups.push(digits.slice(start, end));
    start = end;
  }
  return groups.join('-');
}

/**
 * True when `keyProtectorId` (a Graph `bitlockerRecoveryKey` id, a GUID) starts with `prefix`, ignoring
 * case, `-`, `{`, `}` and whitespace on both sides. An empty prefix matches nothing, so a caller's
 * mistake cannot turn into "every key matches".
 */
export function keyIdMatches(prefix: string, keyProtectorId: string): boolean {
  const wanted = stripSeparators(prefix).toUpperCase();
  return wanted.length > 0 && stripSeparators(keyProtectorId).toUpperCase().startsWith(wanted);
}

function stripSeparators(value: string): string {
  return value.replace(/[\s{}-]/g, '');
}

function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    chunks.push({ text: match[0], link: linkOf(text.slice(previousEnd, match.index)) });
    previousEnd = match.index + match[0].length;
  }
  return chunks;
}

function linkOf(separator: string): Link {
  if (/^[-{}]+$/.test(separator)) return 'joined';
  if (separator.length <= MAX_SPACED_SEPARATOR && /^[\s{}-]+$/.test(separator) && /\s/.test(separator)) {
    return 'spaced';
  }
  return 'break';
}

function findCandidates(chunks: readonly Chunk[]): { candidates: Candidate[]; sawNotHex: boolean } {
  const candidates: Candidate[] = [];
  let sawNotHex = false;
  let current: string[] = [];
  const flush = () => {
    const candidate = qualify(current);
    if (candidate) candidates.push(candidate);
    current = [];
  };
  // A chunk of a token with a non-hex letter never joins, so it is no lookahead for rule 3 either.
  const usable = chunks.map(() => true);
  let position = 0;
  for (const token of tokensOf(chunks)) {
    if (!token.every((chunk) => HEX_OR_LOOK_ALIKE.test(chunk.text))) {
      const characters = token.map((chunk) => chunk.text).join('');
      if (DECIMAL_DIGIT.test(characters) && characters.length >= KEY_ID_MIN_DIGITS) sawNotHex = true;
      for (let index = position; index < position + token.length; index += 1) usable[index] = false;
    }
    position += token.length;
  }
  for (const [index, chunk] of chunks.entries()) {
    if (!usable[index]) {
      flush();
      continue;
    }
    const following = chunks[index + 1];
    const next = following && usable[index + 1] ? following : undefined;
    if (current.length > 0 && !canJoin(current, chunk, next)) flush();
    current.push(chunk.text);
  }
  flush();
  return { candidates, sawNotHex };
}

/** Groups chunks tied by `-`, `{`, `}` (no whitespace) into tokens. */
function tokensOf(chunks: readonly Chunk[]): Chunk[][] {
  const tokens: Chunk[][] = [];
  for (const chunk of chunks) {
    const last = tokens[tokens.length - 1];
    if (last && chunk.link === 'joined') last.push(chunk);
    else tokens.push([chunk]);
  }
  return tokens;
}

/** Rule 3; `next` is the following chunk, which lets a digit-free group join when a digit group follows. */
function canJoin(current: readonly string[], chunk: Chunk, next: Chunk | undefined): boolean {
  if (chunk.link === 'break') return false;
  const start = current.reduce((length, part) => length + part.length, 0);
  const end = start + chunk.text.length;
  if (start % 4 !== 0 || GROUP_ENDS.some((groupEnd) => start < groupEnd && groupEnd < end)) return false;
  if (chunk.link === 'joined') return true;
  if (start >= KEY_ID_DIGITS || !looksLikeCode(current) || !(end % 4 === 0 || end > KEY_ID_DIGITS))
    return false;
  if (DECIMAL_DIGIT.test(chunk.text)) return true;
  return (
    next !== undefined && DECIMAL_DIGIT.test(next.text) && canJoin([...current, chunk.text], next, undefined)
  );
}

function looksLikeCode(chunks: readonly string[]): boolean {
  const first = chunks[0] ?? '';
  return chunks.some((chunk) => DECIMAL_DIGIT.test(chunk)) || (first.length >= 8 && HEX_LETTERS.test(first));
}

/** Applies rule 4 (a typed digit, or 8+ plain hex letters first) and rule 5 (look-alikes). */
function qualify(chunks: readonly string[]): Candidate | undefined {
  const typed = chunks.join('');
  const first = chunks[0] ?? '';
  const plainLetters = HEX_LETTERS.test(typed) && first.length >= KEY_ID_MIN_DIGITS;
  if (typed.length === 0 || !(DECIMAL_DIGIT.test(typed) || plainLetters)) return undefined;
  const corrected: Correction[] = [];
  let prefix = '';
  for (const character of typed) {
    const digit = lookAlikeDigit(character);
    if (digit) corrected.push({ index: prefix.length, typed: character as LookAlike, became: digit });
    prefix += digit ?? character.toUpperCase();
  }
  return { prefix, corrected };
}

function lookAlikeDigit(character: string): '0' | '1' | undefined {
  return Object.hasOwn(LOOK_ALIKE_DIGITS, character) ? LOOK_ALIKE_DIGITS[character as LookAlike] : undefined;
}

/** Longest first; a candidate that is a prefix of one already kept is the same Key ID typed twice. */
function distinctByPrefix(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.prefix.length - a.prefix.length)) {
    if (!kept.some((longer) => longer.prefix.startsWith(candidate.prefix))) kept.push(candidate);
  }
  return kept;
}
