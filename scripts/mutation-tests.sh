#!/usr/bin/env bash
# scripts/mutation-tests.sh: the tests each Stryker mutant runs, fastest killer first; it stops at the first
# failure (each uvu run bails at its first failing test, and `set -e` skips the later steps), with a small
# PROPERTY_RUNS. A mutant is killed by anything `npm test` would fail on:
#   1. the golden files without Go (`golden.ts --no-run`, about 1 s): every stage's dump and each main.go text;
#      most mutants of the passes and of to-goast change one of them;
#   2. the unit tests that need no go build: the passes' (outside to-goast), the Renamed/PatternCompiled/ANF IR
#      tests, and with MUTATION_GO=1 the GoAst and emitter tests;
#   3. MUTATION_GO=1 only: the to-goast unit tests (they build and run Go programs);
#   4. the pipeline property (every stage checked and evaluated against Core);
#   5. MUTATION_GO=1 only: the Go differential property (a go build): only Go can tell that the emitted code
#      means the right thing when no golden text or unit test pins it.
# Default mode is for passes up to ANF (and simplify-anf, pipeline); MUTATION_GO=1 for passes/to-goast and emit.
# The 30-second corpus test is left out of both. A failing step prints only the first 800 characters of its output
# (uncoloured): Stryker keeps that text for every killed mutant in the committed incremental file.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
export PROPERTY_RUNS="${PROPERTY_RUNS:-25}"
export NODE_DISABLE_COLORS=1
step() {
  local out
  if ! out=$("$@" 2>&1); then printf '%s\n' "${out:0:800}"; exit 1; fi
}
uvu() { step node --import tsx node_modules/uvu/bin.js . "$1" -i node_modules -i .stryker-tmp -i reports -i out -i coverage -b; }

step node --import tsx scripts/golden.ts --no-run
units='passes/([^/]*|compile-patterns/[^/]*)\.test|ir/(renamed|anf)/.*\.test|ir/pattern-compiled/pattern-compiled\.test'
if [ "${MUTATION_GO:-}" = 1 ]; then
  uvu "($units|ir/goast/.*\.test|emit/.*\.test)\.ts\$"
  uvu 'passes/to-goast/.*\.test\.ts$'
  uvu 'properties/pipeline\.prop\.ts$'
  uvu 'properties/go-diff\.prop\.ts$'
else
  uvu "($units)\.ts\$"
  uvu 'properties/pipeline\.prop\.ts$'
fi
