// database.go: the 'database' primitives (prim_dbNull, prim_dbInt, prim_dbFloat, prim_dbString, prim_dbBool).
// PRIMITIVES.md does not list them, but Lune's evaluator runs them (corpus 21–24): each builds the
// Lune.Database constructor of the same kind, whose patterns the prelude's decoders match.
package rt

// P_prim_dbNull is the SQL NULL parameter value.
var P_prim_dbNull Value = MkCon("Lune.Database.DbNull")

// Database parameter constructors, as functions and as values.
var (
	P_prim_dbInt    = MkFunc("prim_dbInt", 1, func(a []Value) Value { return F_prim_dbInt(a[0]) })
	P_prim_dbFloat  = MkFunc("prim_dbFloat", 1, func(a []Value) Value { return F_prim_dbFloat(a[0]) })
	P_prim_dbString = MkFunc("prim_dbString", 1, func(a []Value) Value { return F_prim_dbString(a[0]) })
	P_prim_dbBool   = MkFunc("prim_dbBool", 1, func(a []Value) Value { return F_prim_dbBool(a[0]) })
)

// F_prim_dbInt builds Lune.Database.DbInt n.
func F_prim_dbInt(n Value) Value { return MkCon("Lune.Database.DbInt", n) }

// F_prim_dbFloat builds Lune.Database.DbFloat x.
func F_prim_dbFloat(x Value) Value { return MkCon("Lune.Database.DbFloat", x) }

// F_prim_dbString builds Lune.Database.DbString s.
func F_prim_dbString(s Value) Value { return MkCon("Lune.Database.DbString", s) }

// F_prim_dbBool builds Lune.Database.DbBool b.
func F_prim_dbBool(b Value) Value { return MkCon("Lune.Database.DbBool", b) }

func init() {
	register("prim_dbNull", P_prim_dbNull)
	register("prim_dbInt", P_prim_dbInt)
	register("prim_dbFloat", P_prim_dbFloat)
	register("prim_dbString", P_prim_dbString)
	register("prim_dbBool", P_prim_dbBool)
}
