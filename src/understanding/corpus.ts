import { readFileSync } from 'node:fs';
import {
  DEVICE_KINDS,
  type DeviceKind,
  INTENTS,
  type Intent,
  type PendingQuestion,
  ROOT_CAUSES,
  type RootCause,
} from '../recovery/triage-types.js';
import type { Language } from './languages.js';

/** One line of the corpus: what someone typed and what they meant (`corpus/README.md`). */
export interface LabelledUtterance {
  readonly intent: Intent;
  readonly text: string;
  readonly rootCause?: RootCause;
  readonly deviceKind?: DeviceKind;
  /** The text holds a Key ID. */
  readonly keyId: boolean;
  /** What the bot was waiting for when it was typed. */
  readonly pending?: PendingQuestion;
  /** `file:line`, for messages about this utterance. */
  readonly source: string;
}

/** The words for each triage answer in one language, as `entities/<language>.txt` lists them. */
export interface EntityWords {
  readonly rootCause: ReadonlyMap<RootCause, readonly string[]>;
  readonly deviceKind: ReadonlyMap<DeviceKind, readonly string[]>;
  /** Words that make a message about the BitLocker recovery screen ("bitlocker", "recovery key"). */
  readonly recoveryScreen: readonly string[];
}

/** `train` is learnt from; `heldout` is only ever measured. */
export type CorpusSplit = 'train' | 'heldout';

const PENDING: { readonly [label: string]: PendingQuestion } = {
  '@keyId': 'keyId',
  '@rootCause': 'rootCause',
  '@confirm': 'confirmKeyId',
};

/**
 * The corpus folder. Resolved from this module so it is the same for `src/` (tsx) and `dist/` (the
 * deployed build): both sit one level below the project root, and the corpus ships in `src/`.
 */
export const CORPUS_DIR = new URL('../../src/understanding/corpus/', import.meta.url);

export function readCorpus(split: CorpusSplit, language: Language): readonly LabelledUtterance[] {
  const file = new URL(`${split}/${language}.txt`, CORPUS_DIR);
  return parseCorpus(readFileSync(file, 'utf8'), `${split}/${language}.txt`);
}

export function readEntityWords(language: Language): EntityWords {
  const file = new URL(`entities/${language}.txt`, CORPUS_DIR);
  return parseEntityWords(readFileSync(file, 'utf8'), `entities/${language}.txt`);
}

/** Parses a corpus file. Throws on anything it does not know, naming the file and line. */
export function parseCorpus(source: string, file: string): readonly LabelledUtterance[] {
  const utterances: LabelledUtterance[] = [];
  let header: Omit<LabelledUtterance, 'text' | 'source'> | undefined;
  for (const { line, number } of lines(source)) {
    const where = `${file}:${number}`;
    if (line.startsWith('[')) {
      header = parseHeader(line, where);
      continue;
    }
    if (!header) throw new Error(`${where}: an utterance before any [intent] header`);
    utterances.push({ ...header, text: line, source: where });
  }
  return utterances;
}

export function parseEntityWords(source: string, file: string): EntityWords {
  const rootCause = new Map<RootCause, string[]>();
  const deviceKind = new Map<DeviceKind, string[]>();
  const recoveryScreen: string[] = [];
  let words: string[] | undefined;
  for (const { line, number } of lines(source)) {
    const where = `${file}:${number}`;
    if (line === '[topic recoveryScreen]') {
      words = recoveryScreen;
      continue;
    }
    const section = /^\[(rootCause|deviceKind) (\w+)\]$/.exec(line);
    if (section) {
      const [, entity, value] = section as unknown as [string, string, string];
      if (entity === 'rootCause' && isOneOf(ROOT_CAUSES, value)) {
        words = rootCause.get(value) ?? [];
        rootCause.set(value, words);
      } else if (entity === 'deviceKind' && isOneOf(DEVICE_KINDS, value)) {
        words = deviceKind.get(value) ?? [];
        deviceKind.set(value, words);
      } else throw new Error(`${where}: unknown ${entity} value "${value}"`);
      continue;
    }
    if (line.startsWith('[')) throw new Error(`${where}: unknown section ${line}`);
    if (!words) throw new Error(`${where}: a word before any [rootCause …] or [deviceKind …] section`);
    words.push(line);
  }
  return { rootCause, deviceKind, recoveryScreen };
}

function parseHeader(line: string, where: string): Omit<LabelledUtterance, 'text' | 'source'> {
  const match = /^\[([^\]]+)\]$/.exec(line);
  if (!match) throw new Error(`${where}: a header is [intent label …]`);
  const [intent, ...labels] = match[1]!.trim().split(/\s+/);
  if (!isOneOf(INTENTS, intent)) throw new Error(`${where}: unknown intent "${intent}"`);
  let header: Omit<LabelledUtterance, 'text' | 'source'> = { intent, keyId: false };
  for (const label of labels) {
    const [name, value] = label.split('=');
    if (label === 'keyId') header = { ...header, keyId: true };
    else if (label in PENDING) header = { ...header, pending: PENDING[label] };
    else if (name === 'rootCause' && isOneOf(ROOT_CAUSES, value)) header = { ...header, rootCause: value };
    else if (name === 'deviceKind' && isOneOf(DEVICE_KINDS, value)) header = { ...header, deviceKind: value };
    else throw new Error(`${where}: unknown label "${label}"`);
  }
  return header;
}

function* lines(source: string): Generator<{ line: string; number: number }> {
  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) yield { line, number: index + 1 };
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}
