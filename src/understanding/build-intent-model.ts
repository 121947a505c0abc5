/**
 * Part of `npm run build`: trains the intent model from the corpus and writes it next to the compiled code
 * (`dist/understanding/`), so a deployed bot loads it at start instead of training. Skipped when the model
 * for the current training data is already there.
 */
import { fileURLToPath } from 'node:url';
import { buildIntentModel } from './load-understanding.js';

const file = await buildIntentModel(fileURLToPath(new URL('./', import.meta.url)));
process.stdout.write(`intent model: ${file}\n`);
