#!/usr/bin/env python3
"""Writes the training rows of one built-in model as text,label CSV.

sentiment: every corpus row's sentiment, then the sentiment lexicon twice (polar words are rare in
long comments, so the lexicon teaches them directly);
category: every corpus row's category.
usage: training_rows.py DATA_BUILTIN_DIR sentiment|category OUT_CSV
"""
import csv
import sys

folder, model, out = sys.argv[1], sys.argv[2], sys.argv[3]
LEXICON_REPEATS = 2

with open(f"{folder}/feedback.csv", encoding="utf-8", newline="") as f:
    corpus = list(csv.DictReader(f))
rows = [(r["text"], r[model]) for r in corpus]
if model == "sentiment":
    with open(f"{folder}/sentiment-lexicon.csv", encoding="utf-8", newline="") as f:
        lexicon = [(r["text"], r["sentiment"]) for r in csv.DictReader(f)]
    rows += lexicon * LEXICON_REPEATS

with open(out, "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["text", "label"])
    writer.writerows(rows)
