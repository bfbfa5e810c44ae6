#!/usr/bin/env bash
# Runs on the GPU machine (no .NET SDK; CUDA 13 as the Python wheels torch cu130 brings). Each call gets one
# part folder from prepare.sh (carried as .gpu-bench/N) and keeps it under /tmp/gpu-bench, which lasts while
# the machine stays warm; the call that completes the set unpacks the bundle and runs the benchmark:
#   bash tools/gpu-bench/run.sh .gpu-bench/N
# Results go to $OUT (gpu-bench.json, gpu-bench.log) when OUT is set, else to /tmp/gpu-bench/results.
set -euo pipefail
part=${1:?usage: run.sh .gpu-bench/N}
root=$(cd "$(dirname "$0")/../.." && pwd)
stage=/tmp/gpu-bench
results=${OUT:-$stage/results}
mkdir -p "$stage/parts" "$results"
cp "$part"/bundle.part-* "$stage/parts/"
[ -f "$part/SHA256" ] && cp "$part/SHA256" "$stage/SHA256"
expected=$(cat "$part/PARTS")
have=$(ls "$stage/parts" | wc -l)
echo "gpu-bench: $have of $expected part(s) staged."
if [ "$have" -lt "$expected" ] || [ ! -f "$stage/SHA256" ]; then
  exit 0
fi

cat "$stage"/parts/bundle.part-* > "$stage/bundle.tar.xz"
echo "$(cat "$stage/SHA256")  $stage/bundle.tar.xz" | sha256sum -c -
rm -rf "$stage/app" "$stage/natives"
tar -C "$stage" -xJf "$stage/bundle.tar.xz"
cp "$stage"/natives/*.so "$stage/app/"

# CUDA 13 and cuDNN 9 from the Python wheels (nvidia-*), plus the driver's libcuda.
site=$(python3 -c 'import site; print(site.getsitepackages()[0])')
cuda_libs=$(find "$site/nvidia" -name 'lib*.so*' -printf '%h\n' 2>/dev/null | sort -u | paste -sd: -)
export LD_LIBRARY_PATH="$stage/app:${cuda_libs}:/usr/local/nvidia/lib64:${LD_LIBRARY_PATH:-}"
export DOTNET_gcServer=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$results/gpu-bench.log"

tokenizer=()
[ -d "$stage/app/tokenizer" ] && tokenizer=(-tokenizer "$stage/app/tokenizer")
cd "$root"
"$stage/app/gpu-bench" -device cuda:0 -count 100000 -batch-texts 256,1024,4096 -batch-tokens 131072 \
  -callers 128 -chunk 64 -workers 2 "${tokenizer[@]}" -work "$stage/model" -json "$results/gpu-bench.json" 2>&1 | tee -a "$results/gpu-bench.log"
# The same binary on the machine's CPUs, for the ratio (fewer texts: the CPU is far slower).
"$stage/app/gpu-bench" -device cpu -count 3000 -batch-texts 64 -batch-tokens 4096 -callers 16 -chunk 64 -workers 1 \
  "${tokenizer[@]}" -work "$stage/model" -json "$results/cpu-bench.json" 2>&1 | tee -a "$results/gpu-bench.log"
