#!/usr/bin/env bash
# scripts/mutation-tests.sh: the tests each Stryker mutant runs: the passes' and IRs' unit tests and the
# pass-preservation properties (a modest number of runs), without the Go builds, so a mutant takes seconds.
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
export PROPERTY_RUNS="${PROPERTY_RUNS:-40}"
node --import tsx node_modules/uvu/bin.js passes '\.test\.ts$'
node --import tsx node_modules/uvu/bin.js ir '\.test\.ts$' -i core -i shared
node --import tsx node_modules/uvu/bin.js properties '(rename|compile-patterns|anf|pipeline)\.prop\.ts$'
