// transformers.js side of `client bench`: runs the same model folder on the same texts with the same
// batch sizes, and prints one JSON line per measurement for the C# side to read.
// Usage: node bench.mjs --model DIR --texts FILE.json --batch-sizes 1,8,32 [--threads N] [--check K]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';

function parseArgs(argv) {
  const args = { batchSizes: [1, 8, 32], threads: 0, check: 8 };
  for (let i = 2; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    switch (name) {
      case '--model': args.model = value; break;
      case '--texts': args.texts = value; break;
      case '--batch-sizes': args.batchSizes = value.split(',').map(Number); break;
      case '--threads': args.threads = Number(value); break;
      case '--check': args.check = Number(value); break;
      default: throw new Error(`unknown argument ${name}`);
    }
  }
  if (!args.model || !args.texts) throw new Error('--model and --texts are required');
  return args;
}

const args = parseArgs(process.argv);
const texts = JSON.parse(readFileSync(args.texts, 'utf8'));
const folder = path.resolve(args.model);

// Local folder only: never reach for the hub.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(folder) + path.sep;

const sessionOptions = args.threads > 0 ? { intraOpNumThreads: args.threads, interOpNumThreads: 1 } : {};
const classify = await pipeline('text-classification', path.basename(folder), {
  dtype: 'fp32',
  device: 'cpu',
  session_options: sessionOptions,
});

// Scores of the first texts, one at a time, so the caller can confirm both runtimes compute the same model.
const check = [];
for (const text of texts.slice(0, args.check)) {
  const [best] = await classify(text);
  check.push({ label: best.label, score: best.score });
}
console.log(JSON.stringify({ check }));

for (const batchSize of args.batchSizes) {
  await classify(texts.slice(0, batchSize)); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i += batchSize) {
    await classify(texts.slice(i, i + batchSize));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ batchSize, texts: texts.length, seconds }));
}
