#!/usr/bin/env bash
# scripts/gotest.sh (npm run gotest): the Go runtime's checks: gofmt, go vet, and the tests under the race detector.
set -euo pipefail
cd "$(dirname "$0")/../runtime"
export PATH="$PATH:/usr/local/go/bin"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then echo "gofmt: not formatted: $unformatted" >&2; exit 1; fi
go vet ./...
go test -race -count=1 ./...
