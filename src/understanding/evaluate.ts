import type { Intent } from '../recovery/triage-types.js';
import type { LabelledUtterance } from './corpus.js';
import type { Language } from './languages.js';
import type { Understanding } from './understand.js';

/** What the bot did with one held-out utterance. `unsure` is the "Did you mean …?" path. */
export type Verdict = Intent | 'unsure' | 'recoveryPassword';

export interface Judged {
  readonly language: Language;
  readonly expected: LabelledUtterance;
  readonly got: Verdict;
  readonly correct: boolean;
  /** Labelled answers (cause, PC type, Key ID) that were not found as labelled; empty when all were. */
  readonly missedAnswers: readonly string[];
}

export interface Evaluation {
  readonly judged: readonly Judged[];
  /** Utterances judged right, of all. */
  readonly overall: Rate;
  readonly accuracy: number;
  readonly byLanguage: ReadonlyMap<Language, Rate>;
  readonly byIntent: ReadonlyMap<Intent, Rate>;
  /** expected → got pairs that went wrong, most frequent first. */
  readonly confusions: readonly {
    readonly expected: Intent;
    readonly got: Verdict;
    readonly count: number;
  }[];
  /** Share of labelled answers found exactly as labelled. */
  readonly answers: Rate;
}

export interface Rate {
  readonly correct: number;
  readonly total: number;
}

/**
 * Runs every held-out utterance through the understanding as the bot would (in the conversation's
 * language, with what the bot was waiting for) and judges it. Out-of-scope text is right when it lands
 * on the unsure path or is recognized as out of scope: either way the bot offers help instead of acting.
 */
export async function evaluateUnderstanding(
  understanding: Understanding,
  heldOut: ReadonlyMap<Language, readonly LabelledUtterance[]>,
): Promise<Evaluation> {
  const judged: Judged[] = [];
  for (const [language, utterances] of heldOut) {
    for (const expected of utterances) {
      const result = await understanding.understand(expected.text, { language, pending: expected.pending });
      const got: Verdict =
        result.kind === 'recoveryPassword'
          ? 'recoveryPassword'
          : result.utterance.sure
            ? result.utterance.intent
            : 'unsure';
      const correct =
        got === expected.intent ||
        (expected.intent === 'outOfScope' && (got === 'unsure' || got === 'outOfScope'));
      const missedAnswers: string[] = [];
      if (result.kind === 'utterance') {
        const { utterance } = result;
        if (expected.rootCause && utterance.rootCause !== expected.rootCause)
          missedAnswers.push(`rootCause=${expected.rootCause} (got ${utterance.rootCause ?? 'none'})`);
        if (expected.deviceKind && utterance.deviceKind !== expected.deviceKind)
          missedAnswers.push(`deviceKind=${expected.deviceKind} (got ${utterance.deviceKind ?? 'none'})`);
        if (expected.keyId && utterance.keyId.kind !== 'keyId')
          missedAnswers.push(`keyId (got ${utterance.keyId.kind})`);
      }
      judged.push({ language, expected, got, correct, missedAnswers });
    }
  }
  const rate = (items: readonly Judged[]): Rate => ({
    correct: items.filter((item) => item.correct).length,
    total: items.length,
  });
  const groupBy = <K>(key: (item: Judged) => K) => {
    const groups = new Map<K, Judged[]>();
    for (const item of judged) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return new Map([...groups].map(([group, items]) => [group, rate(items)]));
  };
  const confusionCounts = new Map<string, { expected: Intent; got: Verdict; count: number }>();
  for (const item of judged.filter((entry) => !entry.correct)) {
    const id = `${item.expected.intent}→${item.got}`;
    const entry = confusionCounts.get(id) ?? { expected: item.expected.intent, got: item.got, count: 0 };
    confusionCounts.set(id, { ...entry, count: entry.count + 1 });
  }
  const labelled = judged.filter(
    (item) => item.expected.rootCause || item.expected.deviceKind || item.expected.keyId,
  );
  const all = rate(judged);
  return {
    judged,
    overall: all,
    accuracy: all.total === 0 ? 0 : all.correct / all.total,
    byLanguage: groupBy((item) => item.language),
    byIntent: groupBy((item) => item.expected.intent),
    confusions: [...confusionCounts.values()].sort((a, b) => b.count - a.count),
    answers: {
      correct: labelled.filter((item) => item.missedAnswers.length === 0).length,
      total: labelled.length,
    },
  };
}
