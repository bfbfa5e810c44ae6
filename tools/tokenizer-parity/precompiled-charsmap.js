// Builds a sentencepiece `precompiled_charsmap` with the nmt_nfkc rules, in the binary layout sentencepiece
// writes and Hugging Face's Precompiled normalizer (spm_precompiled) reads:
//   u32 little-endian trie size in bytes | darts-clone double-array units (u32 LE) | normalized strings, each ending in \0
// The trie maps UTF-8 keys to the byte offset of their replacement in the strings blob.
'use strict';

// sentencepiece's nmt rules on top of NFKC: control characters removed, various spaces made ' '.
const Controls = [[0x01, 0x08], [0x0b, 0x0b], [0x0e, 0x1f], [0x7f, 0x7f], [0x8f, 0x8f], [0x9f, 0x9f]];
const Spaces = [0x09, 0x0a, 0x0c, 0x0d, 0x1680, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x2581, 0xfeff, 0xfffd];

/** The nmt_nfkc rules as key → replacement: per code point its NFKC where it differs, and its decomposed (NFKD)
 *  sequence mapped to its NFKC composition; Hangul syllables are left alone (their jamo compose anyway). */
function nmtNfkcRules() {
  const rules = new Map();
  for (let cp = 1; cp <= 0x10ffff; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xac00 && cp <= 0xd7a3)) continue;
    const s = String.fromCodePoint(cp);
    const nfkc = s.normalize('NFKC');
    if (nfkc !== s) rules.set(s, nfkc);
    const nfkd = s.normalize('NFKD');
    if (nfkd !== nfkc && nfkd !== s && [...nfkd].length > 1) rules.set(nfkd, nfkc);
  }
  for (const [from, to] of Controls) for (let cp = from; cp <= to; cp++) rules.set(String.fromCodePoint(cp), '');
  for (const cp of Spaces) rules.set(String.fromCodePoint(cp), ' ');
  return rules;
}

/** Byte trie of the keys: { children: Map<byte, node>, value: number | undefined }. */
function byteTrie(entries) {
  const root = { children: new Map(), value: undefined };
  for (const [key, value] of entries) {
    let node = root;
    for (const b of Buffer.from(key, 'utf8')) {
      if (!node.children.has(b)) node.children.set(b, { children: new Map(), value: undefined });
      node = node.children.get(b);
    }
    node.value = value;
  }
  return root;
}

/**
 * Lays the trie out as a darts-clone double array. A node at position p with children base b stores
 * offset p ^ b; child c sits at b ^ c with label c; a value sits at b (label 0) with bit 31 set. Each base
 * is used by one node only, so a label check is enough to know a unit belongs to its parent.
 */
function doubleArray(root) {
  const units = [0];
  const used = [true];
  const usedBases = new Set();
  let searchFrom = 256;
  const isFree = (i) => !used[i];
  const findBase = (labels) => {
    for (let base = searchFrom; ; base++) {
      if (usedBases.has(base)) continue;
      if (labels.every((c) => isFree(base ^ c))) return base;
    }
  };
  const place = (node, position) => {
    const labels = [...node.children.keys()].sort((a, b) => a - b);
    if (node.value !== undefined) labels.unshift(0);
    if (labels.length === 0) return;
    const base = findBase(labels);
    usedBases.add(base);
    for (const c of labels) used[base ^ c] = true;
    while (!isFree(searchFrom) && searchFrom < used.length) searchFrom++;
    const offset = position ^ base;
    if (offset >= 1 << 21) throw new Error('double array too large for the short offset form');
    units[position] = (units[position] | (offset << 10) | (node.value !== undefined ? 1 << 8 : 0)) >>> 0;
    if (node.value !== undefined) units[base] = (node.value | 0x80000000) >>> 0;
    for (const [c, child] of node.children) {
      units[base ^ c] = c;
      place(child, base ^ c);
    }
  };
  place(root, 0);
  // Whole 256-unit blocks, as darts-clone writes them: a lookup of any label in a used block stays inside.
  const array = new Uint32Array(Math.ceil(units.length / 256) * 256);
  for (let i = 0; i < units.length; i++) array[i] = units[i] || 0;
  return array;
}

function buildNmtNfkcCharsmap() {
  const rules = nmtNfkcRules();
  const offsets = new Map();
  const blob = [];
  let blobLength = 0;
  const entries = [];
  for (const [key, value] of [...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!offsets.has(value)) {
      const bytes = Buffer.concat([Buffer.from(value, 'utf8'), Buffer.from([0])]);
      offsets.set(value, blobLength);
      blob.push(bytes);
      blobLength += bytes.length;
    }
    entries.push([key, offsets.get(value)]);
  }
  const array = doubleArray(byteTrie(entries));
  const header = Buffer.alloc(4);
  header.writeUInt32LE(array.length * 4);
  const trie = Buffer.alloc(array.length * 4);
  array.forEach((u, i) => trie.writeUInt32LE(u, i * 4));
  return { charsmap: Buffer.concat([header, trie, ...blob]), rules: rules.size };
}

module.exports = { buildNmtNfkcCharsmap };
