#!/usr/bin/env bash
# scripts/mutation-tests.sh: the tests each Stryker mutant runs, in ONE node process that stops at the first
# failure (a killed mutant usually fails within a second), with a small PROPERTY_RUNS:
#   default (passes up to ANF): the Renamed/PatternCompiled/ANF IR tests, the passes' unit tests outside
#     to-goast, and the pipeline property (every stage checked and evaluated against Core);
#   MUTATION_GO=1 (passes/to-goast, emit): also the GoAst, to-goast and emitter tests and the Go differential
#     property (a go build per mutant): only Go itself can tell that their output means the right thing.
# The 30-second corpus test is left out of both.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
export PROPERTY_RUNS="${PROPERTY_RUNS:-25}"
if [ "${MUTATION_GO:-}" = 1 ]; then
  tests='(passes/.*\.test|ir/(renamed|anf|goast)/.*\.test|ir/pattern-compiled/pattern-compiled\.test|emit/.*\.test|properties/(pipeline|go-diff)\.prop)\.ts$'
else
  tests='(passes/[^/]*\.test|ir/(renamed|anf)/.*\.test|ir/pattern-compiled/pattern-compiled\.test|properties/pipeline\.prop)\.ts$'
fi
exec node --import tsx node_modules/uvu/bin.js . "$tests" -i node_modules -i .stryker-tmp -i reports -b
