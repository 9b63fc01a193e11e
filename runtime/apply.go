// apply.go: functions and application. Contents: Func, MkFunc, Apply, Apply2..Apply4, ApplyN.
// Closures, primitives and partial applications are all *Func; constructors are applied by appending.
package rt

// Func is a curried function of Arity ≥ 1 arguments. Fn is called with exactly Arity arguments
// (Args, the ones collected by partial application, first). Fn must not keep or modify the slice.
type Func struct {
	Arity int
	Fn    func(args []Value) Value
	Args  []Value
	// Name is the Lune name (a primitive's, a top-level function's) used in error messages; may be "".
	Name string
	// Fn1, when set (arity 1 only, by MkFunc1), is called with the argument itself, and Fn is nil: applying it
	// then allocates no argument slice.
	Fn1 func(x Value) Value
}

// MkFunc1 builds a function value of arity 1 that is called without an argument slice.
func MkFunc1(name string, fn func(x Value) Value) *Func {
	return &Func{Arity: 1, Fn1: fn, Name: name}
}

// MkFunc builds a function value.
func MkFunc(name string, arity int, fn func(args []Value) Value) *Func {
	return &Func{Arity: arity, Fn: fn, Name: name}
}

// Apply applies f to one argument (PRIMITIVES.md §1.5): a function collects it and runs once saturated,
// a constructor appends it, anything else is NotAFunction.
func Apply(f Value, x Value) Value {
	switch g := f.(type) {
	case *Func:
		n := len(g.Args)
		if n+1 == g.Arity {
			if n == 0 {
				if g.Fn1 != nil {
					return g.Fn1(x)
				}
				return g.Fn([]Value{x})
			}
			args := make([]Value, n+1)
			copy(args, g.Args)
			args[n] = x
			return g.Fn(args)
		}
		args := make([]Value, n+1)
		copy(args, g.Args)
		args[n] = x
		return &Func{Arity: g.Arity, Fn: g.Fn, Args: args, Name: g.Name}
	case *Con:
		if g.K == KCons && len(g.Args) == 1 {
			return &Cell{Head: g.Args[0], Tail: x} // a saturated Cons is always a Cell
		}
		args := make([]Value, len(g.Args)+1)
		copy(args, g.Args)
		args[len(g.Args)] = x
		return &Con{K: g.K, Args: args}
	default:
		Crash("NotAFunction " + Show(f))
		return nil
	}
}

// ApplyN applies f to each argument in turn (left to right, as nested CApp would).
func ApplyN(f Value, xs ...Value) Value {
	if g, ok := f.(*Func); ok && len(g.Args) == 0 && g.Arity == len(xs) {
		if g.Fn1 != nil {
			return g.Fn1(xs[0])
		}
		return g.Fn(xs) // saturated call of an unapplied function: no intermediate partial applications
	}
	for _, x := range xs {
		f = Apply(f, x)
	}
	return f
}
