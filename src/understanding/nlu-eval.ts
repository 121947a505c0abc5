/**
 * `npm run nlu:eval [-- --verbose]`: trains the understanding from `corpus/train` (or loads the saved
 * model), runs every utterance of `corpus/heldout` through it, and prints accuracy per intent and per
 * language, the most confused pairs, how well the triage answers were found, and the held-out total.
 * `--verbose` lists every miss; reading them turns held-out utterances into training material, so a
 * batch studied that way belongs in training afterwards, and new held-out utterances must be written.
 */
import { readCorpus } from './corpus.js';
import { evaluateUnderstanding, type Rate } from './evaluate.js';
import { LANGUAGES } from './languages.js';
import { loadUnderstanding } from './load-understanding.js';
import { SURE_SCORE } from './understand.js';

const verbose = process.argv.includes('--verbose');
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
const heldOut = new Map(LANGUAGES.map((language) => [language, readCorpus('heldout', language)] as const));
const evaluation = await evaluateUnderstanding(understanding, heldOut);

const out = (line = '') => process.stdout.write(`${line}\n`);
out(
  `${trained ? 'Trained' : 'Loaded the saved model'} for ${LANGUAGES.length} languages in ${readyMs.toFixed(0)} ms ` +
    `(sure at score ≥ ${SURE_SCORE}).`,
);
out();
out('Accuracy per intent (heldout):');
for (const [intent, rate] of [...evaluation.byIntent].sort((a, b) => a[0].localeCompare(b[0])))
  out(`  ${intent.padEnd(16)} ${percent(rate)}`);
out();
out('Accuracy per language (heldout):');
for (const [language, rate] of evaluation.byLanguage) out(`  ${language.padEnd(16)} ${percent(rate)}`);
out();
out('Most confused (expected → what the bot did):');
for (const { expected, got, count } of evaluation.confusions.slice(0, 12))
  out(`  ${count}× ${expected} → ${got}`);
out();
out(`Answers found as labelled (cause, PC type, Key ID): ${percent(evaluation.answers)}`);
out(`Held-out total: ${percent(evaluation.overall)}`);
if (verbose) {
  out();
  out('Misses:');
  for (const item of evaluation.judged.filter((entry) => !entry.correct || entry.missedAnswers.length > 0)) {
    const intent = item.correct ? '' : `${item.expected.intent} → ${item.got}`;
    out(`  ${item.expected.source}  ${intent}  ${item.missedAnswers.join(', ')}  | ${item.expected.text}`);
  }
}
