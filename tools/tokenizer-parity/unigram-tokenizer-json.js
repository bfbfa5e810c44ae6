// Builds the SentencePiece Unigram test tokenizers: a vocabulary with log-probability scores derived from the
// substring frequencies of multilingual-corpus.txt (written for this project), the nmt_nfkc precompiled charsmap,
// and the variants the parity tests run (XLM-R-like, byte fallback, T5-like, mDeBERTa-like, ALBERT-like).
// Deterministic: the same inputs give the same files. `node unigram-tokenizer-json.js` writes
// tests/Orleans.Sentiment.Tokenization.Tests/Parity/unigram/tokenizer.json (the XLM-R-like base) and
// Parity/unigram-variants.json (each variant as replacements of top-level keys and model flags).
'use strict';
const fs = require('fs');
const path = require('path');
const { buildNmtNfkcCharsmap } = require('./precompiled-charsmap');

const MaxPieceChars = 8;
const PieceBudget = 3000;

/** Pieces and scores: every character of the corpus, then the most frequent multi-character substrings of
 *  ▁-prefixed words; score = ln(frequency / total), rounded to float32 as sentencepiece stores it. */
function buildPieces(corpus) {
  const words = corpus.normalize('NFKC').split(/\s+/u).filter((w) => w.length > 0).map((w) => `▁${w}`);
  const counts = new Map();
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      for (let n = 1; n <= MaxPieceChars && i + n <= chars.length; n++) {
        const piece = chars.slice(i, i + n).join('');
        counts.set(piece, (counts.get(piece) || 0) + 1);
      }
    }
  }
  const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const singles = [...counts.keys()].filter((p) => [...p].length === 1).sort(byKey);
  const multi = [...counts.entries()].filter(([p, c]) => [...p].length > 1 && (c >= 2 || [...p].length <= 3))
    .sort(([a, ca], [b, cb]) => cb * [...b].length - ca * [...a].length || byKey(a, b))
    .slice(0, PieceBudget).map(([p]) => p);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const score = (p) => Math.fround(Math.log(counts.get(p) / total) - ([...p].length === 1 ? 2 : 0));
  return [...multi, ...singles].map((p) => [p, score(p)]).sort(([, a], [, b]) => b - a);
}

function addedToken(id, content, o = {}) {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true, ...o };
}

/** The XLM-R-like base: <s>=0, <pad>=1, </s>=2, <unk>=3, the 256 byte pieces, the learnt pieces, <mask> last. */
function buildBaseTokenizerJson(corpus) {
  const { charsmap } = buildNmtNfkcCharsmap();
  const bytes = Array.from({ length: 256 }, (_, b) => [`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, 0]);
  const vocab = [['<s>', 0], ['<pad>', 0], ['</s>', 0], ['<unk>', 0], ...bytes, ...buildPieces(corpus)];
  vocab.push(['<mask>', 0]);
  const maskId = vocab.length - 1;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [addedToken(0, '<s>'), addedToken(1, '<pad>'), addedToken(2, '</s>'), addedToken(3, '<unk>'), addedToken(maskId, '<mask>', { lstrip: true })],
    normalizer: { type: 'Precompiled', precompiled_charsmap: charsmap.toString('base64') },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    post_processor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: true },
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: false },
  };
}

const Charsmap = '$charsmap'; // stands for the base file's precompiled_charsmap in the variants
const precompiled = { type: 'Precompiled', precompiled_charsmap: Charsmap };
const template = (single) => ({
  type: 'TemplateProcessing',
  single: single.map((s) => (s === '$A' ? { Sequence: { id: 'A', type_id: 0 } } : { SpecialToken: { id: s, type_id: 0 } })),
  pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
  special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } },
});

/** Each variant: top-level keys replaced, and model flags. The base itself is "unigram-xlmr". */
const variants = {
  'unigram-xlmr': { description: 'XLM-R-like: Precompiled, Metaspace (always, split), RobertaProcessing, no byte fallback' },
  'unigram-byte-fallback': {
    description: 'the XLM-R-like file with byte_fallback: unknown characters become <0xXX> byte pieces',
    model: { byte_fallback: true },
  },
  'unigram-t5': {
    description: 'T5-like (newer converters): Sequence[Precompiled, Strip right, Replace / {2,}/ → ▁], Metaspace (first, no split), $A </s>',
    normalizer: { type: 'Sequence', normalizers: [precompiled, { type: 'Strip', strip_left: false, strip_right: true }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: '▁' }] },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: false },
    post_processor: template(['$A', '</s>']),
  },
  'unigram-deberta': {
    description: 'mDeBERTa-v3-like: Sequence[Strip both, Precompiled, Replace / {2,}/ → " "], Sequence[WhitespaceSplit, Metaspace (old add_prefix_space)], <s> $A </s>, byte fallback',
    normalizer: { type: 'Sequence', normalizers: [{ type: 'Strip', strip_left: true, strip_right: true }, precompiled, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }] },
    pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁', add_prefix_space: true }] },
    post_processor: template(['<s>', '$A', '</s>']),
    model: { byte_fallback: true },
  },
  'unigram-albert': {
    description: 'ALBERT-like: Sequence[Replace `` and \'\' → ", NFKD, StripAccents, Lowercase, Precompiled, Replace / {2,}/ → " "], Metaspace (always, split), <s> $A </s>',
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'Replace', pattern: { String: '``' }, content: '"' }, { type: 'Replace', pattern: { String: "''" }, content: '"' },
        { type: 'NFKD' }, { type: 'StripAccents' }, { type: 'Lowercase' }, precompiled, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }],
    },
    post_processor: template(['<s>', '$A', '</s>']),
  },
  'unigram-strip-first': {
    description: 'Sequence[Strip both, Precompiled], Metaspace (first, split): text that loses leading spaces to Strip no longer starts at 0, so gets no ▁',
    normalizer: { type: 'Sequence', normalizers: [{ type: 'Strip', strip_left: true, strip_right: true }, precompiled] },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: true },
  },
  'unigram-nfkc-never': {
    description: 'Sequence[NFKC, Precompiled], Metaspace (never, split): no ▁ is added before the first word',
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, precompiled] },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'never', split: true },
  },
};

/** The tokenizer.json of a variant: the base with the variant's replacements. */
function applyVariant(base, variant) {
  const json = JSON.parse(JSON.stringify(base));
  for (const key of ['normalizer', 'pre_tokenizer', 'post_processor']) {
    if (variant[key] !== undefined) {
      json[key] = JSON.parse(JSON.stringify(variant[key]).replaceAll(`"${Charsmap}"`, JSON.stringify(base.normalizer.precompiled_charsmap)));
    }
  }
  Object.assign(json.model, variant.model || {});
  return json;
}

const parityDir = path.join(__dirname, '..', '..', 'tests', 'Orleans.Sentiment.Tokenization.Tests', 'Parity');
const basePath = path.join(parityDir, 'unigram', 'tokenizer.json');

function loadBase() {
  return JSON.parse(fs.readFileSync(basePath, 'utf8'));
}

if (require.main === module) {
  const base = buildBaseTokenizerJson(fs.readFileSync(path.join(__dirname, 'multilingual-corpus.txt'), 'utf8'));
  fs.mkdirSync(path.dirname(basePath), { recursive: true });
  fs.writeFileSync(basePath, JSON.stringify(base) + '\n');
  fs.writeFileSync(path.join(parityDir, 'unigram-variants.json'), JSON.stringify({ charsmapPlaceholder: Charsmap, variants }, null, 1) + '\n');
  console.log(`${basePath}: ${base.model.vocab.length} pieces, charsmap ${Buffer.from(base.normalizer.precompiled_charsmap, 'base64').length} bytes`);
}

module.exports = { applyVariant, loadBase, variants };
