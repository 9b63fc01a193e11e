#!/usr/bin/env bash
# scripts/setup.sh: everything a fresh clone needs: npm packages (pinned by package-lock.json) and the Go
# modules the runtime uses (fetched once through the Go module proxy into vendor/, never at compile time).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "setup: Go is not installed (expected /usr/local/go/bin/go)" >&2; exit 2; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/setup-go.sh
# Warm Go's build cache with the flags every compile uses (emit/build.ts: -trimpath): the standard library
# and the runtime package are compiled once here (about 30 s on 2 cores), so a first `npm run compile` is fast.
for example in hello stm-counter; do
  node scripts/lunec-run.mjs compile "examples/$example.lcore" -o "out/setup/$example" >/dev/null
done
rm -rf out/setup
echo "setup: Go build cache warmed"
