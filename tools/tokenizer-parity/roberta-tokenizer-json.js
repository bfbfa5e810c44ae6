// Builds the tokenizer.json that transformers' RobertaConverter makes from vocab.json + merges.txt +
// special_tokens_map.json (slow → fast conversion): byte-level BPE, ByteLevel pre-tokenizer without prefix
// space, RobertaProcessing <s> … </s>, and the special tokens as added tokens (<mask> strips on the left).
'use strict';
const fs = require('fs');
const path = require('path');

function tokenContent(value, fallback) {
  if (value === undefined || value === null) return { content: fallback };
  return typeof value === 'string' ? { content: value } : value;
}

function buildRobertaTokenizerJson(folder, addPrefixSpace = false) {
  const vocab = JSON.parse(fs.readFileSync(path.join(folder, 'vocab.json'), 'utf8'));
  const merges = fs.readFileSync(path.join(folder, 'merges.txt'), 'utf8').split('\n')
    .filter((line, i) => !(i === 0 && line.startsWith('#version')) && line.trim() !== '');
  const mapPath = path.join(folder, 'special_tokens_map.json');
  const map = fs.existsSync(mapPath) ? JSON.parse(fs.readFileSync(mapPath, 'utf8')) : {};
  const specials = [
    tokenContent(map.bos_token, '<s>'), tokenContent(map.pad_token, '<pad>'), tokenContent(map.eos_token, '</s>'),
    tokenContent(map.unk_token, '<unk>'), { lstrip: true, ...tokenContent(map.mask_token, '<mask>') },
  ];
  const added = specials.map((t) => ({
    id: vocab[t.content], content: t.content, single_word: !!t.single_word, lstrip: !!t.lstrip,
    rstrip: !!t.rstrip, normalized: false, special: true,
  })).sort((a, b) => a.id - b.id);
  const cls = tokenContent(map.cls_token, '<s>').content;
  const sep = tokenContent(map.sep_token, '</s>').content;
  return {
    version: '1.0', truncation: null, padding: null, added_tokens: added, normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: addPrefixSpace, trim_offsets: true, use_regex: true },
    post_processor: { type: 'RobertaProcessing', sep: [sep, vocab[sep]], cls: [cls, vocab[cls]], trim_offsets: true, add_prefix_space: addPrefixSpace },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
      fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges,
    },
  };
}

module.exports = { buildRobertaTokenizerJson };
