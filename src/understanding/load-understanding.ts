import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnswerFinder } from './answer-finder.js';
import { CORPUS_DIR, readCorpus, readEntityWords } from './corpus.js';
import {
  type IntentClassifier,
  type IntentModel,
  loadIntentClassifier,
  MODEL_FORMAT,
  trainIntentClassifier,
} from './intent-classifier.js';
import { createLanguageDetector, wordsOf } from './language-detector.js';
import { LANGUAGES } from './languages.js';
import { indexSimilarUtterances, withSimilarUtterances } from './similar-utterances.js';
import { createUnderstanding, type Understanding } from './understand.js';

export interface LoadUnderstandingOptions {
  /**
   * Where a trained model is kept between starts (`.data/understanding` by default). A model built with
   * the code (`npm run build` puts one next to it in `dist/`) is looked for first.
   */
  readonly modelDir?: string;
  /** Told whether the model was loaded or trained, and how long that took. */
  readonly onReady?: (how: { readonly trained: boolean; readonly ms: number; readonly file: string }) => void;
}

/** Next to this module: `dist/understanding/` in a build, where `npm run build` writes the model. */
const BUILT_MODEL_DIR = fileURLToPath(new URL('./', import.meta.url));
const DEFAULT_MODEL_DIR = '.data/understanding';

/**
 * The understanding, from the corpus in the repository: the training utterances and the answer words of
 * every language. Training takes a few seconds, so the trained model is saved under a name derived from
 * the training data, and loaded on the next start (or by another instance) while the data is unchanged.
 * Nothing is downloaded and nothing leaves the process.
 */
export async function loadUnderstanding(options: LoadUnderstandingOptions = {}): Promise<Understanding> {
  const started = performance.now();
  const corpora = new Map(LANGUAGES.map((language) => [language, readCorpus('train', language)] as const));
  const name = modelFileName();
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  const saved = readModel(join(BUILT_MODEL_DIR, name)) ?? readModel(join(modelDir, name));
  let model: IntentModel;
  if (saved) {
    model = saved.model;
  } else {
    // Through JSON, as a saved model is: the network trains in 32-bit floats and is saved as JSON numbers,
    // so only the loaded form answers the same on the first start as on every later one.
    model = JSON.parse(JSON.stringify((await trainIntentClassifier(corpora)).model())) as IntentModel;
    writeModel(join(modelDir, name), model);
  }
  const classifier: IntentClassifier = withSimilarUtterances(
    await loadIntentClassifier(model),
    indexSimilarUtterances(corpora),
  );
  const answers = await createAnswerFinder(
    new Map(LANGUAGES.map((language) => [language, readEntityWords(language)] as const)),
  );
  const vocabularies = new Map(
    [...corpora].map(([language, utterances]) => [
      language,
      new Set(utterances.flatMap((utterance) => wordsOf(utterance.text))),
    ]),
  );
  const detectLanguage = createLanguageDetector(vocabularies, (text) => classifier.guessLanguages(text));
  options.onReady?.({
    trained: !saved,
    ms: performance.now() - started,
    file: saved?.file ?? join(modelDir, name),
  });
  return createUnderstanding({ classifier, answers, detectLanguage });
}

/** Writes the model for the current training data into `dir` unless it is there (`npm run build`). */
export async function buildIntentModel(dir: string): Promise<string> {
  const file = join(dir, modelFileName());
  if (readModel(file)) return file;
  const corpora = new Map(LANGUAGES.map((language) => [language, readCorpus('train', language)] as const));
  writeModel(file, (await trainIntentClassifier(corpora)).model());
  return file;
}

/** The model's file name, after everything that shapes it (older models are recognized by its pattern). */
function modelFileName(): string {
  return `intent-model-${trainingDataHash()}.json`;
}

/** A hash of everything that shapes the model: the training files and how text is turned into features. */
function trainingDataHash(): string {
  const hash = createHash('sha256').update(MODEL_FORMAT);
  for (const language of LANGUAGES) {
    hash.update(`\n${language}\n`).update(readFileSync(new URL(`train/${language}.txt`, CORPUS_DIR)));
  }
  return hash.digest('hex').slice(0, 16);
}

function readModel(file: string): { model: IntentModel; file: string } | undefined {
  try {
    return { model: JSON.parse(readFileSync(file, 'utf8')) as IntentModel, file };
  } catch {
    // Not there (the first start after a change of the training data), or unreadable: train instead.
    return undefined;
  }
}

/**
 * Atomic, so two instances starting at once never read half a model; models of older training data in the
 * same folder are removed (they are never loaded again). Failing to save only costs time.
 */
function writeModel(file: string, model: IntentModel): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${randomUUID()}.partial`;
    writeFileSync(partial, JSON.stringify(model));
    renameSync(partial, file);
    for (const old of readdirSync(dir)) {
      if (/^intent-model-[0-9a-f]+\.json$/.test(old) && old !== basename(file))
        rmSync(join(dir, old), { force: true });
    }
  } catch {
    // A read-only disk: the next start trains again, which is slower but correct.
  }
}
