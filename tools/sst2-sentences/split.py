#!/usr/bin/env python3
"""Hold out whole SST-2 sentences, for measuring sentence-level accuracy without phrase leakage.

GLUE's SST-2 train file holds every phrase of each training sentence as its own row, so a random split (such as
the shared validation.tsv) scores phrases whose siblings were trained on. This script picks N long rows (whole
sentences, at least MIN_WORDS words) with a fixed seed, keeps only those that are not part of a longer row, and
writes the rest of train.tsv without any row that is a phrase of a held-out sentence.

usage: split.py TRAIN_TSV OUT_DIR [N=1000] [MIN_WORDS=15]
writes OUT_DIR/train.tsv and OUT_DIR/sentences.tsv (header sentence<TAB>label)
"""
import random
import sys

train_path, out_dir = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
min_words = int(sys.argv[4]) if len(sys.argv) > 4 else 15

rows = []
with open(train_path, encoding="utf-8") as f:
    next(f)
    for line in f:
        text, label = line.rstrip("\n").rsplit("\t", 1)
        rows.append((text.strip(), label))

long_rows = sorted({r for r in rows if len(r[0].split()) >= min_words})
random.Random(20241127).shuffle(long_rows)
texts = [r[0] for r in rows]
joined = "\n".join(texts)
held = []
for text, label in long_rows:
    # A whole sentence is no phrase of a longer row.
    if joined.count(text) == sum(1 for t in texts if t == text):
        held.append((text, label))
    if len(held) == count:
        break

held_texts = [h[0] for h in held]
blob = "\n".join(held_texts)
kept = [r for r in rows if r[0] not in blob]
with open(f"{out_dir}/train.tsv", "w", encoding="utf-8") as f:
    f.write("sentence\tlabel\n")
    f.writelines(f"{t}\t{l}\n" for t, l in kept)
with open(f"{out_dir}/sentences.tsv", "w", encoding="utf-8") as f:
    f.write("sentence\tlabel\n")
    f.writelines(f"{t}\t{l}\n" for t, l in held)
print(f"held out {len(held)} sentences; kept {len(kept)} of {len(rows)} training rows")
