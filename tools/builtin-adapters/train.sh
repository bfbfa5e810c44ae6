#!/usr/bin/env bash
# Retrains the LoRA adapters the built-in models are merged from (data/builtin/adapters/), from the project's own
# corpus only: data/builtin/feedback.csv, plus data/builtin/sentiment-lexicon.csv (twice) for sentiment.
# Run it after changing the corpus or the lexicon, then commit data/builtin/adapters/. About 4 minutes per model
# on 2 cores. libtorch is held at 2 threads, so a rerun on the same kind of machine writes the same bytes (a
# different thread count or CPU may change the last digits of the weights).
# usage: tools/builtin-adapters/train.sh [sentiment|category]...   (default: both)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(sentiment category)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/client" -v q -nologo >/dev/null
cli=(dotnet "$root/client/bin/Release/net10.0/linux-x64/orleans-sentiment.dll")
for model in "${models[@]}"; do
  case "$model" in
    sentiment) sources=(feedback.csv sentiment-lexicon.csv) ;;
    category) sources=(feedback.csv) ;;
    *) echo "unknown built-in model '$model' (expected sentiment or category)" >&2; exit 2 ;;
  esac
  python3 "$root/tools/builtin-adapters/training_rows.py" "$root/data/builtin" "$model" "$work/rows.csv"
  "${cli[@]}" train --method lora --base builtin:minilm --data "$work/rows.csv" --text-column text --label-column label \
    --epochs 2 --max-length 64 --seed 1 --threads 2 --out "$work/$model"
  target="$root/data/builtin/adapters/$model"
  rm -rf "$target"
  mkdir -p "$target/adapter"
  cp "$work/$model/config.json" "$target/config.json"
  cp "$work/$model/adapter/adapter_config.json" "$work/$model/adapter/adapter_model.safetensors" "$target/adapter/"
  # The files the adapter was trained from, so a test notices a corpus edit that was not followed by retraining.
  (cd "$root/data/builtin" && sha256sum "${sources[@]}") > "$target/sources.sha256"
  echo "wrote $target"
done
