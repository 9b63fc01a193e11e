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
