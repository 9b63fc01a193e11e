#!/usr/bin/env bash
# scripts/setup-go.sh: fetch the runtime's pinned Go modules once (through the Go module proxy) and lay out
# vendor/ so compiled programs build offline. Idempotent; works offline once the module cache is filled.
#
# Pinned: github.com/anacrolix/stm v0.5.0 (+ its one build dependency github.com/alecthomas/atomic).
# v0.6.0 (go 1.25) is listed by the proxy but its zip is not available (403), so v0.5.0 (go 1.18) is used.
#
# Inputs (committed):   vendor/go.mod  vendor/go.sum      (module lunegen; the exact require lines)
# Outputs (gitignored): vendor/modules.txt  vendor/github.com/…  (what `go mod vendor` produces)
#
# What the emitter copies into a generated module OUT/ that uses an STM primitive (i.e. keeps rt/stm.go):
#   vendor/go.mod            -> OUT/go.mod    verbatim: `module lunegen`, `go 1.25`,
#                                             `require github.com/anacrolix/stm v0.5.0`,
#                                             `require github.com/alecthomas/atomic v0.1.0-alpha2 // indirect`
#                                             (modules.txt must agree with these lines, so copy, don't retype)
#   vendor/go.sum            -> OUT/go.sum    verbatim
#   vendor/modules.txt       -> OUT/vendor/modules.txt
#   vendor/github.com/**     -> OUT/vendor/github.com/**   (every file, tree as is)
# i.e. everything in vendor/ except go.mod/go.sum goes under OUT/vendor/. A module WITHOUT STM gets only
# OUT/go.mod = "module lunegen\n\ngo 1.25\n", no go.sum, no vendor/ (and no rt/stm.go).
# Either way it builds with: cd OUT && GOFLAGS=-mod=vendor GOPROXY=off go build
# (with no requirements, -mod=vendor needs no vendor directory).
#
# Also downloads the modules runtime/go.mod needs, so `cd runtime && go test ./...` works offline afterwards.
# `bash scripts/setup-go.sh --check` then lays out a module exactly as above around a hand-written main that
# uses STM, builds it offline with an empty module cache, and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "setup-go: Go is not installed (expected /usr/local/go/bin/go)" >&2; exit 2; }

if [ -f vendor/modules.txt ] && [ vendor/modules.txt -nt vendor/go.mod ] && [ vendor/modules.txt -nt vendor/go.sum ] \
  && [ -d vendor/github.com/anacrolix/stm ]; then
  echo "setup-go: vendor/ is up to date"
else
  # `go mod vendor` deletes and rewrites its output directory, so it runs in a scratch module and the result
  # is copied next to the committed go.mod/go.sum. The stub file makes the STM package (and only what it
  # imports, no tests) count as needed.
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  cp vendor/go.mod vendor/go.sum "$scratch/"
  printf 'package lunegen\n\nimport _ "github.com/anacrolix/stm"\n' >"$scratch/stub.go"
  (cd "$scratch" && GOFLAGS=-mod=mod go mod vendor)
  rm -rf vendor/modules.txt vendor/github.com vendor/golang.org
  cp -R "$scratch/vendor/." vendor/
  echo "setup-go: vendor/ filled ($(grep -c '^# ' vendor/modules.txt) modules)"
fi

(cd runtime && GOFLAGS=-mod=mod go mod download)

if [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  mkdir -p "$out/rt" "$out/vendor"
  for f in runtime/*.go; do case "$f" in *_test.go) ;; *) cp "$f" "$out/rt/" ;; esac; done
  cp vendor/go.mod vendor/go.sum "$out/"
  cp vendor/modules.txt "$out/vendor/"
  cp -R vendor/github.com "$out/vendor/"
  cat >"$out/main.go" <<'EOF_MAIN'
package main

import "lunegen/rt"

// atomically (newTVar 41) >>= \t -> atomically (read t >>= \n -> write t (n+1)) >> atomically (read t) >>= print
func main() {
	rt.RunMain(rt.F_prim_ioBind(rt.F_prim_atomically(rt.F_prim_newTVar(int64(41))), rt.MkFunc("k", 1, func(a []rt.Value) rt.Value {
		t := a[0]
		bump := rt.F__dollar_primSTMBind(rt.F_prim_readTVar(t), rt.MkFunc("inc", 1, func(n []rt.Value) rt.Value {
			return rt.F_prim_writeTVar(t, rt.F_prim_addInt(n[0], int64(1)))
		}))
		show := rt.MkFunc("show", 1, func(v []rt.Value) rt.Value { return rt.F_prim_putStrLn(rt.Show(v[0]) + " " + rt.Show(t)) })
		return rt.F_prim_ioThen(rt.F_prim_atomically(bump), rt.F_prim_ioBind(rt.F_prim_atomically(rt.F_prim_readTVar(t)), show))
	})))
}
EOF_MAIN
  got="$(cd "$out" && GOMODCACHE="$out/empty-cache" GOFLAGS=-mod=vendor GOPROXY=off go build -o prog . && ./prog)"
  if [ "$got" != "42 <tvar:0>" ]; then
    echo "setup-go --check: expected '42 <tvar:0>', got '$got'" >&2
    exit 1
  fi
  echo "setup-go --check: an STM program builds offline from vendor/ and runs"
fi
