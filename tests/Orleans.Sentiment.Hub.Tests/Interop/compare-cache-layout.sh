#!/usr/bin/env bash
# Pulls one repository from a local fake hub with @huggingface/hub (npm) and with `model pull`, then
# compares the two caches: file names, symlink targets, blob names and contents, refs. Needs python3, node/npm.
# Usage: tests/Orleans.Sentiment.Hub.Tests/Interop/compare-cache-layout.sh   (from the repository root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$here/fake_hub.py" "$port" & server=$!
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/api/models/acme/demo/revision/main" >/dev/null && break; sleep 0.1; done

(cd "$work" && npm init -y >/dev/null && npm install --silent @huggingface/hub@2.17.5 >/dev/null)
cp "$here/snapshot_download.mjs" "$work/"
(cd "$work" && node snapshot_download.mjs "$work/js" "http://127.0.0.1:$port" 2>/dev/null)
HF_ENDPOINT="http://127.0.0.1:$port" dotnet run --project client -- model pull acme/demo --file '*' --cache-dir "$work/cs" 2>/dev/null

listing() { (cd "$1" && find . -not -path './.locks*' -printf '%p %y %l\n' | sort && find . -type f -not -path './.locks*' -exec sha256sum {} + | sort -k2); }
if diff <(listing "$work/js") <(listing "$work/cs"); then
  echo "cache layouts identical ($(listing "$work/cs" | wc -l) entries)"
else
  echo "cache layouts differ" >&2
  exit 1
fi
