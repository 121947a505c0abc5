/**
 * `npm run nlu:eval [-- --verbose] [--split dev]`: trains the understanding from `corpus/train`, runs every
 * utterance of `corpus/heldout` through it, and prints accuracy per intent and per language, the most
 * confused pairs, how well the triage answers were found, and the held-out total. `--verbose` lists every
 * miss. `--split dev` measures the development set instead, the one to study misses on while improving
 * the training data, so the held-out set stays a fair test.
 */
import { type CorpusSplit, readCorpus } from './corpus.js';
import { evaluateUnderstanding, type Rate } from './evaluate.js';
import { LANGUAGES } from './languages.js';
import { loadUnderstanding } from './load-understanding.js';
import { SURE_SCORE } from './understand.js';

const verbose = process.argv.includes('--verbose');
const split: CorpusSplit = process.argv.includes('dev') ? 'dev' : 'heldout';
const percent = ({ correct, total }: Rate) =>
  `${total === 0 ? '  n/a' : `${((100 * correct) / total).toFixed(1).padStart(5)} %`}  (${correct}/${total})`;

let trained = false;
let readyMs = 0;
const understanding = await loadUnderstanding({
  onReady: (ready) => {
    trained = ready.trained;
    readyMs = ready.ms;
  },
});
const heldOut = new Map(LANGUAGES.map((language) => [language, readCorpus(split, language)] as const));
const evaluation = await evaluateUnderstanding(understanding, heldOut);

const out = (line = '') => process.stdout.write(`${line}\n`);
out(
  `${trained ? 'Trained' : 'Loaded the saved model'} for ${LANGUAGES.length} languages in ${readyMs.toFixed(0)} ms ` +
    `(sure at score ≥ ${SURE_SCORE}).`,
);
out();
out(`Accuracy per intent (${split}):`);
for (const [intent, rate] of [...evaluation.byIntent].sort((a, b) => a[0].localeCompare(b[0])))
  out(`  ${intent.padEnd(16)} ${percent(rate)}`);
out();
out(`Accuracy per language (${split}):`);
for (const [language, rate] of evaluation.byLanguage) out(`  ${language.padEnd(16)} ${percent(rate)}`);
out();
out('Most confused (expected → what the bot did):');
for (const { expected, got, count } of evaluation.confusions.slice(0, 12))
  out(`  ${count}× ${expected} → ${got}`);
out();
out(`Answers found as labelled (cause, PC type, Key ID): ${percent(evaluation.answers)}`);
out(
  `${split === 'dev' ? 'Development set' : 'Held-out'} total: ${percent({ correct: Math.round(evaluation.accuracy * evaluation.judged.length), total: evaluation.judged.length })}`,
);
if (verbose) {
  out();
  out('Misses:');
  for (const item of evaluation.judged.filter((entry) => !entry.correct || entry.missedAnswers.length > 0)) {
    const intent = item.correct ? '' : `${item.expected.intent} → ${item.got}`;
    out(`  ${item.expected.source}  ${intent}  ${item.missedAnswers.join(', ')}  | ${item.expected.text}`);
  }
}
