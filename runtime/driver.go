// driver.go: compiler-internal primitives: $primUnbound (an undefined name, fails when evaluated) and
// $primShowValue, the value printer of
// PRIMITIVES.md §1.11 as a Lune function (used by the synthesised `demo` entry point, ir/core/entry.ts).
package rt

// P__dollar_primShowValue renders any value as `lune --eval` prints it.
var P__dollar_primShowValue = MkFunc("$primShowValue", 1, func(a []Value) Value { return F__dollar_primShowValue(a[0]) })

// F__dollar_primShowValue is Show as a Lune String.
func F__dollar_primShowValue(v Value) Value { return Show(v) }

func init() { register("$primShowValue", P__dollar_primShowValue) }

// P__dollar_primUnbound stands for a name nobody defines: evaluating it is UnboundVariable.
var P__dollar_primUnbound = MkFunc("$primUnbound", 1, func(a []Value) Value { return F__dollar_primUnbound(a[0]) })

// F__dollar_primUnbound crashes with the evaluator's UnboundVariable error for the given name.
func F__dollar_primUnbound(name Value) Value {
	Crash("UnboundVariable " + Show(name))
	return nil
}

func init() { register("$primUnbound", P__dollar_primUnbound) }
