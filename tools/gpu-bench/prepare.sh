#!/usr/bin/env bash
# Prepares the GPU benchmark for a machine that has an NVIDIA GPU and CUDA 13 as Python wheels but no .NET SDK,
# and takes at most 64 MiB of files per run (README.md beside this file). Run here, from the repository:
#   bash tools/gpu-bench/prepare.sh
# It writes .gpu-bench/ (git-excluded): a self-contained, trimmed publish of tools/gpu-bench with the GPU build
# of ONNX Runtime, whose natives (~317 MB) are xz-compressed and split so that each run carries under 60 MiB:
# .gpu-bench/1, .gpu-bench/2, ... Each run carries one of them; the last one runs the benchmark.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
out=.gpu-bench
part_bytes=$((58 * 1024 * 1024))
rm -rf "$out"
mkdir -p "$out/build"
grep -qx '/.gpu-bench/' .git/info/exclude 2>/dev/null || echo '/.gpu-bench/' >> "$(git rev-parse --git-path info/exclude)"

# Build from a copy of the tree, so the GPU flavor's restore and natives never mix into this tree's bin/ and obj/.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./.models --exclude=./.gpu-bench --exclude='*/node_modules' -cf - . | tar -C "$copy" -xf -
echo "Publishing tools/gpu-bench (self-contained, trimmed, GPU flavor of ONNX Runtime) ..."
dotnet publish "$copy/tools/gpu-bench" -c Release -r linux-x64 --self-contained \
  -p:OnnxRuntimeFlavor=gpu -p:PublishTrimmed=true -p:TrimMode=partial -p:SuppressTrimAnalysisWarnings=true \
  -p:TreatWarningsAsErrors=false -o "$root/$out/build/app" >/dev/null

# Smoke test here on the CPU (the GPU build of ONNX Runtime runs the CPU provider too): trimming kept what it needs.
"$out/build/app/gpu-bench" -device cpu -count 64 -batch-texts 32 -batch-tokens 2048 -callers 4 -chunk 16 -workers 1 \
  -work "$out/build/smoke" >/dev/null
rm -rf "$out/build/smoke"

# ONNX Runtime's natives travel separately (TensorRT's provider is not used).
mkdir -p "$out/build/natives"
mv "$out/build/app"/libonnxruntime.so "$out/build/app"/libonnxruntime_providers_shared.so \
   "$out/build/app"/libonnxruntime_providers_cuda.so "$out/build/natives/"
rm -f "$out/build/app"/libonnxruntime_providers_tensorrt.so

# The real uncased tokenizer when the shared data has it (else the benchmark generates a vocabulary).
tokenizer=../shared/data/hf/distilbert-base-uncased-finetuned-sst-2-english
if [ -d "$tokenizer" ]; then
  mkdir -p "$out/build/app/tokenizer"
  cp "$tokenizer"/{vocab.txt,tokenizer.json,tokenizer_config.json,special_tokens_map.json} "$out/build/app/tokenizer/" 2>/dev/null || true
fi

echo "Compressing ..."
tar -C "$out/build" -cf - app natives | xz -T0 -6 > "$out/build/bundle.tar.xz"
(cd "$out/build" && split -b "$part_bytes" -d -a 2 bundle.tar.xz bundle.part-)
parts=("$out"/build/bundle.part-*)
count=${#parts[@]}
for i in $(seq 1 "$count"); do
  mkdir -p "$out/$i"
  mv "${parts[$((i - 1))]}" "$out/$i/"
  echo "$count" > "$out/$i/PARTS"
done
(cd "$out/build" && sha256sum bundle.tar.xz | cut -d' ' -f1) > "$out/$count/SHA256"
rm -rf "$out/build"
du -sh "$out"/*
echo "Ready: $count run(s). Each run: carry [\".gpu-bench/N\"], command \"bash tools/gpu-bench/run.sh .gpu-bench/N\", N = 1..$count, back to back (the machine stays warm only briefly)."
