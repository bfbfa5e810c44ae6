// Writes the expected token ids of every hard string for the shared tokenizers, computed by Hugging Face
// `tokenizers` (the Rust library through its Node binding), with no truncation and with truncation to 8.
// transformers.js (@huggingface/tokenizers) is run on the same tokenizer.json as a second, independent
// opinion; where the two disagree the Rust library is taken as the truth and the disagreement is listed.
// Usage: node gen-expected.js [shared-data-dir]   (default: ../shared/data beside the repository)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const tk = require('tokenizers');
const { buildRobertaTokenizerJson } = require('./roberta-tokenizer-json');

const repo = path.join(__dirname, '..', '..');
const shared = process.argv[2] || process.env.SENTIMENT_SHARED_DATA || path.join(repo, '..', 'shared', 'data');
const parityDir = path.join(repo, 'tests', 'Orleans.Sentiment.Tokenization.Tests', 'Parity');
const TruncateTo = 8;

const hard = JSON.parse(fs.readFileSync(path.join(parityDir, 'hard-strings.json'), 'utf8'));
const texts = hard.map((c) => (c.text !== undefined ? c.text : String.fromCharCode(...c.utf16)));

const distilbertDir = path.join(shared, 'hf', 'distilbert-base-uncased-finetuned-sst-2-english');
const robertaDir = path.join(shared, 'hf', 'twitter-roberta-base-sentiment-latest');
const distilbertJson = JSON.parse(fs.readFileSync(path.join(distilbertDir, 'tokenizer.json'), 'utf8'));
const casedJson = JSON.parse(JSON.stringify(distilbertJson));
casedJson.normalizer.lowercase = false; // strip_accents stays null, so it follows lowercase (off)
const robertaJson = buildRobertaTokenizerJson(robertaDir);
// Added tokens of every kind (normalized or not, single_word, lstrip/rstrip), as fine-tuned models carry them.
const added = (id, content, o) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: false, ...o });
const distilbertAddedJson = JSON.parse(JSON.stringify(distilbertJson));
distilbertAddedJson.added_tokens.push(
  added(30522, 'Covid19', {}), added(30523, '<URL>', { normalized: false, rstrip: true }),
  added(30524, 'ok', { single_word: true }), added(30525, 'Ünï', {}), added(30526, 'New York', {}));
const robertaAddedJson = JSON.parse(JSON.stringify(robertaJson));
robertaAddedJson.added_tokens.push(
  added(50265, '@user', {}), added(50266, 'http', { normalized: false, single_word: true }), added(50267, '<URL>', { lstrip: true, rstrip: true }));

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenizer-parity-'));
fs.writeFileSync(path.join(temp, 'roberta-tokenizer.json'), JSON.stringify(robertaJson));

const configs = [
  { name: 'distilbert-base-uncased', json: distilbertJson, source: 'hf/distilbert-base-uncased-finetuned-sst-2-english/tokenizer.json', config: { model_max_length: 512, do_lower_case: true } },
  { name: 'bert-cased-config', json: casedJson, source: 'the distilbert tokenizer.json with normalizer.lowercase=false (cased code path, uncased vocabulary)', config: { model_max_length: 512, do_lower_case: false } },
  { name: 'distilbert-added-tokens', json: distilbertAddedJson, source: 'the distilbert tokenizer.json plus added tokens Covid19 (normalized), <URL> (raw, rstrip), ok (single_word), Ünï and New York (normalized)', config: { model_max_length: 512, do_lower_case: true } },
  { name: 'roberta-added-tokens', json: robertaAddedJson, source: 'the built RoBERTa tokenizer.json plus added tokens @user (normalized), http (raw, single_word), <URL> (lstrip, rstrip)', config: {} },
  { name: 'twitter-roberta-base', json: robertaJson, source: 'tokenizer.json built from hf/twitter-roberta-base-sentiment-latest vocab.json + merges.txt + special_tokens_map.json (roberta-tokenizer-json.js)', config: {} },
];

async function encodeAll(tokenizer) {
  const out = [];
  for (const t of texts) out.push((await tokenizer.encode(t)).getIds());
  return out;
}

async function main() {
  const version = require('tokenizers/package.json').version;
  const { Tokenizer: JsTokenizer } = await import('@huggingface/tokenizers');
  const jsVersion = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@huggingface', 'tokenizers', 'package.json'), 'utf8')).version;
  const summary = [];
  fs.writeFileSync(path.join(parityDir, 'added-tokens.json'), JSON.stringify({
    'distilbert-added-tokens': distilbertAddedJson.added_tokens.filter((t) => t.id >= 30522),
    'roberta-added-tokens': robertaAddedJson.added_tokens.filter((t) => t.id >= 50265),
  }, null, 1) + '\n');
  for (const c of configs) {
    const full = tk.Tokenizer.fromString(JSON.stringify(c.json));
    const truncated = tk.Tokenizer.fromString(JSON.stringify(c.json));
    truncated.setTruncation(TruncateTo);
    const ids = await encodeAll(full);
    const idsTruncated = await encodeAll(truncated);
    const js = new JsTokenizer(c.json, c.config);
    const disagreements = [];
    texts.forEach((t, i) => {
      let jsIds;
      try { jsIds = js.encode(t).ids; } catch (e) { jsIds = `error: ${e.message}`; }
      if (JSON.stringify(jsIds) !== JSON.stringify(ids[i])) disagreements.push(hard[i].name);
    });
    const file = path.join(parityDir, `expected-${c.name}.json`);
    fs.writeFileSync(file, JSON.stringify({
      tokenizer: c.name,
      source: c.source,
      reference: `Hugging Face tokenizers ${version} (Rust, Node binding), encode(text) with special tokens`,
      truncatedTo: TruncateTo,
      transformersJsDisagreements: { reference: `@huggingface/tokenizers ${jsVersion}`, names: disagreements },
      cases: hard.map((h, i) => ({ name: h.name, ids: ids[i], idsTruncated: idsTruncated[i] })),
    }) + '\n');
    summary.push(`${c.name}: ${texts.length} strings, ${ids.reduce((n, x) => n + x.length, 0)} ids; transformers.js disagrees on ${disagreements.length}: ${disagreements.join(', ')}`);
  }
  fs.rmSync(temp, { recursive: true, force: true });
  console.log(summary.join('\n'));
}

main().catch((e) => { console.error(e); process.exit(1); });
