// Writes the expected ids of the SentencePiece Unigram test tokenizers (unigram-tokenizer-json.js) for every hard
// string and multilingual string, from Hugging Face `tokenizers` (the Rust library through its Node binding),
// without truncation and truncated to 8. transformers.js (@huggingface/tokenizers) runs the same files as a second
// opinion; the strings where it disagrees with the Rust library are listed in each file.
// Usage: node gen-expected-unigram.js   (needs no shared data)
'use strict';
const fs = require('fs');
const path = require('path');
const tk = require('tokenizers');
const { applyVariant, loadBase, variants } = require('./unigram-tokenizer-json');

const parityDir = path.join(__dirname, '..', '..', 'tests', 'Orleans.Sentiment.Tokenization.Tests', 'Parity');
const TruncateTo = 8;
const read = (file) => JSON.parse(fs.readFileSync(path.join(parityDir, file), 'utf8'));
const strings = [...read('hard-strings.json'), ...read('multilingual-strings.json')];
const texts = strings.map((c) => (c.text !== undefined ? c.text : String.fromCharCode(...c.utf16)));

async function encodeAll(tokenizer) {
  const out = [];
  for (const t of texts) out.push((await tokenizer.encode(t)).getIds());
  return out;
}

async function main() {
  const version = require('tokenizers/package.json').version;
  const { Tokenizer: JsTokenizer } = await import('@huggingface/tokenizers');
  const jsVersion = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@huggingface', 'tokenizers', 'package.json'), 'utf8')).version;
  const base = loadBase();
  const summary = [];
  for (const [name, variant] of Object.entries(variants)) {
    const json = applyVariant(base, variant);
    const full = tk.Tokenizer.fromString(JSON.stringify(json));
    const truncated = tk.Tokenizer.fromString(JSON.stringify(json));
    truncated.setTruncation(TruncateTo);
    const ids = await encodeAll(full);
    const idsTruncated = await encodeAll(truncated);
    const js = new JsTokenizer(json, {});
    const disagreements = [];
    texts.forEach((t, i) => {
      let jsIds;
      try { jsIds = js.encode(t).ids; } catch (e) { jsIds = `error: ${e.message}`; }
      if (JSON.stringify(jsIds) !== JSON.stringify(ids[i])) disagreements.push(strings[i].name);
    });
    fs.writeFileSync(path.join(parityDir, `expected-${name}.json`), JSON.stringify({
      tokenizer: name,
      source: `Parity/unigram/tokenizer.json with the "${name}" changes of Parity/unigram-variants.json: ${variant.description}`,
      reference: `Hugging Face tokenizers ${version} (Rust, Node binding), encode(text) with special tokens`,
      truncatedTo: TruncateTo,
      transformersJsDisagreements: { reference: `@huggingface/tokenizers ${jsVersion}`, agree: texts.length - disagreements.length, of: texts.length, names: disagreements },
      cases: strings.map((h, i) => ({ name: h.name, ids: ids[i], idsTruncated: idsTruncated[i] })),
    }) + '\n');
    summary.push(`${name}: ${texts.length} strings, ${ids.reduce((n, x) => n + x.length, 0)} ids; transformers.js agrees on ${texts.length - disagreements.length}/${texts.length}`);
  }
  console.log(summary.join('\n'));
}

main().catch((e) => { console.error(e); process.exit(1); });
