/**
 * BitLocker recovery passwords: 8 blocks of 6 digits, each block 11 × k with 0 ≤ k < 65536. The sixth
 * digit of a block is in effect a check digit, which is why the pre-boot console rejects a mistyped block
 * as soon as it is entered, and why "check my typing" can tell a typo from a wrong key.
 */

/** How many blocks a recovery password has. */
export const RECOVERY_PASSWORD_BLOCK_COUNT = 8;

const BLOCK_DIGITS = 6;
const BLOCK_FACTOR = 11;
/** 11 × 65536: the first value no block may reach. */
const BLOCK_LIMIT = 720_896;
const REDACTED = '[recovery password]';

/** Mobile keyboards and copy-paste from documents turn `-` into typographic dashes. */
const DASH_VARIANTS = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const STRICT_SHAPE = /^[0-9]{6}(?:-[0-9]{6}){7}$/;
const SEPARATED_SHAPE = /^[0-9]{6}(?:[\s-]+[0-9]{6}){7}$/;
const COMPACT_SHAPE = /^[0-9]{48}$/;

/**
 * Two or more runs of exactly six digits separated by 1–3 non-alphanumeric characters: several blocks of a
 * recovery password, however they were separated. Any script's decimal digits count (`\p{Nd}`), because
 * this guards against disclosure rather than parsing.
 */
const SIX_DIGIT_GROUPS = /(?<!\p{Nd})\p{Nd}{6}(?:[^\p{L}\p{N}]{1,3}\p{Nd}{6})+(?!\p{Nd})/u;
/** A run of digits separated by 1–3 non-alphanumeric characters; see {@link containsRecoveryPasswordShape}. */
const DIGIT_RUN = /\p{Nd}+(?:[^\p{L}\p{N}]{1,3}\p{Nd}+)*/gu;
const DIGIT = /\p{Nd}/gu;
/** A Key ID has at most 32 digits, so a longer run of digits can only be (part of) a recovery password. */
const MAX_KEY_ID_DIGITS = 32;

/** Position of a block on the recovery card and in "check my typing": "block 3 of 8". */
export type BlockIndex = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** One numbered block for display, so a phone user can compare the pre-boot screen block by block. */
export interface RecoveryPasswordBlock {
  readonly index: BlockIndex;
  readonly digits: string;
}

/** The answer to "check my typing" for one block. */
export type TypedBlockCheck = 'match' | 'mismatch' | 'invalidBlock';

declare const recoveryPasswordBrand: unique symbol;

/**
 * A valid recovery password that cannot leak by accident: `String(p)`, template literals, `JSON.stringify`
 * and `util.inspect` all give `[recovery password]`. The digits come out only through {@link reveal} or
 * {@link blocks}, so every place that shows the key is a visible, greppable call. The brand stops a plain
 * string from being passed where a checked password is expected, and vice versa.
 */
export interface RecoveryPassword {
  readonly [recoveryPasswordBrand]: true;
  /** The 48 digits as 8 dash-separated blocks, exactly as the pre-boot console expects them. */
  reveal(): string;
  /** The 8 blocks of 6 digits, in order. */
  blocks(): readonly string[];
  /** Always `[recovery password]`. */
  toString(): string;
  /** Always `[recovery password]`. */
  toJSON(): string;
}

/**
 * The digits live in a private field: it is invisible to property enumeration, spreading,
 * `structuredClone` and `util.inspect` (even with `showHidden` and `customInspect: false`).
 */
class SealedRecoveryPassword implements RecoveryPassword {
  declare readonly [recoveryPasswordBrand]: true;
  readonly #blocks: readonly string[];

  constructor(blocks: readonly string[]) {
    this.#blocks = Object.freeze([...blocks]);
    Object.freeze(this);
  }

  reveal(): string {
    return this.#blocks.join('-');
  }

  blocks(): readonly string[] {
    return this.#blocks;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  // Node's well-known symbol for util.inspect (console, pino-pretty, the REPL); Symbol.for keeps node:util out.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}

/** True when `block` is exactly 6 ASCII digits, divisible by 11 and below 720896. */
export function isValidBlock(block: string): boolean {
  if (block.length !== BLOCK_DIGITS || !/^[0-9]+$/.test(block)) return false;
  const value = Number(block);
  return value % BLOCK_FACTOR === 0 && value < BLOCK_LIMIT;
}

/**
 * True when `text` is a recovery password in the canonical form: 8 blocks of 6 digits joined by `-`,
 * nothing around it, every block valid. Use {@link parseRecoveryPassword} for text a person typed.
 */
export function isValidRecoveryPassword(text: string): boolean {
  return STRICT_SHAPE.test(text) && text.split('-').every(isValidBlock);
}

/**
 * Reads a recovery password written as 8 blocks separated by dashes or whitespace (any mix, typographic
 * dashes and full-width digits included) or as 48 digits in a row, with surrounding whitespace ignored.
 * Returns undefined unless every block is valid.
 */
export function parseRecoveryPassword(text: string): RecoveryPassword | undefined {
  const normalized = text.normalize('NFKC').replace(DASH_VARIANTS, '-').trim();
  let blocks: string[];
  if (COMPACT_SHAPE.test(normalized)) {
    blocks = Array.from({ length: RECOVERY_PASSWORD_BLOCK_COUNT }, (_, index) =>
      normalized.slice(index * BLOCK_DIGITS, (index + 1) * BLOCK_DIGITS),
    );
  } else if (SEPARATED_SHAPE.test(normalized)) {
    blocks = normalized.split(/[\s-]+/);
  } else {
    return undefined;
  }
  return blocks.every(isValidBlock) ? new SealedRecoveryPassword(blocks) : undefined;
}

/** The password as 8 numbered blocks for the release card ("block 3 of 8"). */
export function formatBlocks(password: RecoveryPassword): readonly RecoveryPasswordBlock[] {
  return password.blocks().map((digits, position) => ({ index: (position + 1) as BlockIndex, digits }));
}

/**
 * "Check my typing": compares what the person typed for block `index` with the real block. A typed block
 * that fails the ×11 rule is `invalidBlock` whatever the real block is, because the pre-boot console
 * rejects it too — the hint the person needs is "this block has a typo", not "wrong key".
 * Whitespace inside the typed block is ignored; full-width digits count.
 */
export function checkTypedBlock(
  password: RecoveryPassword,
  index: BlockIndex,
  typed: string,
): TypedBlockCheck {
  if (!Number.isInteger(index) || index < 1 || index > RECOVERY_PASSWORD_BLOCK_COUNT) {
    throw new RangeError(`block index must be 1 to ${RECOVERY_PASSWORD_BLOCK_COUNT}`);
  }
  const block = typed.normalize('NFKC').replace(/\s+/g, '');
  if (!isValidBlock(block)) return 'invalidBlock';
  return password.blocks()[index - 1] === block ? 'match' : 'mismatch';
}

/**
 * True when `text` holds anything shaped like a recovery password, valid or not, anywhere: two or more
 * 6-digit groups separated by dashes, spaces or other punctuation (several blocks pasted), or a run of
 * more than 32 digits with at most short punctuation between them (48 digits in a row, or blocks grouped
 * differently). Broad on purpose: a false alarm costs the person one re-typed message, a miss puts the
 * key in chat history. Checked on the text as given and after NFKC (full-width digits and dashes).
 */
export function containsRecoveryPasswordShape(text: string): boolean {
  return hasPasswordShape(text) || hasPasswordShape(text.normalize('NFKC').replace(DASH_VARIANTS, '-'));
}

function hasPasswordShape(text: string): boolean {
  if (SIX_DIGIT_GROUPS.test(text)) return true;
  for (const run of text.matchAll(DIGIT_RUN)) {
    if ((run[0].match(DIGIT) ?? []).length > MAX_KEY_ID_DIGITS) return true;
  }
  return false;
}
