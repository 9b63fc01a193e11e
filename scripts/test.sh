#!/usr/bin/env bash
# scripts/test.sh (npm test): type check, unit and property tests under c8 (coverage summary), the Go
# runtime's tests with -race, the golden files, and the conformance corpus on both targets with ratchets.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
corpus="${LUNE_CORPUS:-../shared/lune-corpus}"

echo "== type check"
npx tsc --noEmit -p .

echo "== unit and property tests (c8)"
npx c8 --check-coverage --lines 90 --reporter=text-summary --reporter=json-summary --reports-dir=coverage \
  --include 'ir/**' --include 'passes/**' --include 'emit/**' --exclude '**/*.test.ts' \
  bash -c "node --import tsx node_modules/uvu/bin.js . '\\.test\\.ts\$' -i node_modules -i out -i .stryker-tmp -i reports -i coverage && \
           node --import tsx node_modules/uvu/bin.js properties '\\.prop\\.ts\$'"

echo "== Go runtime: gofmt, vet and tests (-race)"
bash scripts/gotest.sh

echo "== golden files"
npm run --silent golden

echo "== conformance: evaluator"
npm run --silent conformance -- --evaluator --ratchet conformance/passing-evaluator.txt "$corpus"

echo "== conformance: Go target"
npm run --silent conformance -- --ratchet conformance/passing-go.txt "$corpus"
