// prims.go: the table of every primitive the runtime implements, keyed by its Lune name. Each group file
// registers its primitives from an init function; scripts/check-prims.ts compares this table (printed by
// `go test -run TestPrintPrimTable -v`) with ir/shared/prims.ts.
package rt

import "sort"

// Table maps a primitive's Lune name (`prim_addInt`, `$primIOBind`) to its value: a *Func for arity ≥ 1,
// the constant itself for arity 0.
var Table = map[string]Value{}

func register(name string, v Value) {
	if _, dup := Table[name]; dup {
		panic("rt: primitive registered twice: " + name)
	}
	Table[name] = v
}

// PrimNames lists the registered primitives in sorted order.
func PrimNames() []string {
	names := make([]string, 0, len(Table))
	for n := range Table {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
