package rt

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTableMatchesPrimTable checks the runtime against ir/shared/prims.ts, the one table of primitives: every
// primitive of a capability group the go target claims is registered, as a *Func of the right arity (the
// constant itself for arity 0), and the runtime registers nothing the table does not list.
func TestTableMatchesPrimTable(t *testing.T) {
	src, err := os.ReadFile("../ir/shared/prims.ts")
	if err != nil {
		t.Skip("ir/shared/prims.ts not found (the runtime is tested inside the lune-go repository):", err)
	}
	claimedSrc := regexp.MustCompile(`(?s)const all: Capability\[\] = \[(.*?)\];`).FindStringSubmatch(string(src))
	if claimedSrc == nil {
		t.Fatal("cannot find the go target's capability list (`const all: Capability[]`) in prims.ts")
	}
	claimed := map[string]bool{}
	for _, g := range regexp.MustCompile(`'(\w+)'`).FindAllStringSubmatch(claimedSrc[1], -1) {
		claimed[g[1]] = true
	}
	listed := map[string]bool{}
	groups := regexp.MustCompile(`g\('(\w+)', \{([^}]*)\}\)`).FindAllStringSubmatch(string(src), -1)
	entry := regexp.MustCompile(`(\$?\w+): (\d)`)
	for _, g := range groups {
		for _, e := range entry.FindAllStringSubmatch(g[2], -1) {
			name, arity := e[1], e[2]
			listed[name] = true
			if !claimed[g[1]] {
				continue
			}
			v, ok := Table[name]
			if !ok {
				t.Errorf("%s (group %s, claimed by the go target) is not registered", name, g[1])
				continue
			}
			f, isFunc := v.(*Func)
			switch {
			case arity == "0" && isFunc:
				t.Errorf("%s has arity 0 but is registered as a function", name)
			case arity != "0" && (!isFunc || strconv.Itoa(f.Arity) != arity || f.Name != name):
				t.Errorf("%s: want a *Func named %s of arity %s, got %#v", name, name, arity, v)
			}
		}
	}
	if len(listed) < 119 {
		t.Fatalf("found only %d primitives in prims.ts: is the pattern out of date?", len(listed))
	}
	for name := range Table {
		if !listed[name] {
			t.Errorf("the runtime registers %s, which ir/shared/prims.ts does not list", name)
		}
	}
	if strings.Contains(claimedSrc[1], "'ffi'") {
		t.Errorf("the go target must not claim ffi: the binaries are pure Go")
	}
}
