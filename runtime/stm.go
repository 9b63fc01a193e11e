// stm.go: STM on github.com/anacrolix/stm (PRIMITIVES.md §2.4, §3.11): STM, TVar, and $primSTMPure,
// $primSTMBind, prim_newTVar, prim_readTVar, prim_writeTVar, prim_retry, prim_orElse, prim_atomically.
// The only file that imports anacrolix/stm, and nothing else refers to its symbols: the emitter leaves it out
// of programs that use no STM primitive (so it registers its own primitives from init).
//
// Semantics chosen (differs from the evaluator, which has no concurrency to wait for):
//   - an unhandled retry BLOCKS until another transaction commits a write to a TVar the transaction read
//     (the evaluator dies with `UnboundVariable "STM retry: no concurrent processes to unblock"`); a retry
//     that read no TVar at all can never wake, so it does die with that error; when every fiber is stuck in
//     retry or await, Go's runtime reports the deadlock itself (the fiber census in task.go cannot see retries);
//   - orElse = stm.Select: the left branch's writes are discarded when it retries, and if the right branch
//     retries too the transaction waits on the union of both branches' reads;
//   - a crash in a continuation ends the program (the evaluator turns it into a retry);
//   - a continuation result that is not an STM action is taken as the result, like the evaluator;
//   - TVar ids (shown as <tvar:N>) come from one global counter starting at 0; an allocation inside an attempt
//     that is later retried still uses up its id.
package rt

import (
	"strconv"
	"sync/atomic"

	"github.com/anacrolix/stm"
)

// STM is a transaction description: running op inside a transaction gives the result.
type STM struct{ op stm.Operation[Value] }

// LuneShow prints an STM action the way the evaluator does.
func (*STM) LuneShow() string { return "<stm>" }

// TVar is Lune's `Shared a`: an anacrolix Var plus the id it is printed with.
type TVar struct {
	id   int64
	cell *stm.Var[Value]
}

// LuneShow prints a TVar as <tvar:N>.
func (t *TVar) LuneShow() string { return "<tvar:" + strconv.FormatInt(t.id, 10) + ">" }

var nextTVarID atomic.Int64

// asSTM checks an STM argument; the evaluator reuses NotAnIO for wrong arguments to STM primitives.
func asSTM(v Value) *STM {
	s, ok := v.(*STM)
	if !ok {
		Crash("NotAnIO " + Show(v))
	}
	return s
}

// asTVar checks a TVar argument; a wrong one is the evaluator's generic `NotAFunction <prim>`.
func asTVar(v Value) *TVar {
	t, ok := v.(*TVar)
	if !ok {
		WrongShape()
	}
	return t
}

// F__dollar_primSTMPure is `$primSTMPure x`: a transaction giving x.
func F__dollar_primSTMPure(x Value) Value {
	return &STM{op: func(*stm.Tx) Value { return x }}
}

// F__dollar_primSTMBind is `$primSTMBind m k`: run m, apply k to its result, run what k gives (a non-STM
// result is the result itself).
func F__dollar_primSTMBind(m, k Value) Value {
	first := asSTM(m)
	return &STM{op: func(tx *stm.Tx) Value {
		next := Apply(k, first.op(tx))
		if s, ok := next.(*STM); ok {
			return s.op(tx)
		}
		return next
	}}
}

// F_prim_newTVar is `prim_newTVar x`: a transaction allocating a TVar holding x.
func F_prim_newTVar(x Value) Value {
	return &STM{op: func(*stm.Tx) Value {
		return &TVar{id: nextTVarID.Add(1) - 1, cell: stm.NewVar[Value](x)}
	}}
}

// F_prim_readTVar is `prim_readTVar t`: the transaction's view of t (its own writes first).
func F_prim_readTVar(t Value) Value {
	tv := asTVar(t)
	return &STM{op: func(tx *stm.Tx) Value { return tv.cell.Get(tx) }}
}

// F_prim_writeTVar is `prim_writeTVar t x`: a buffered write, committed with the transaction.
func F_prim_writeTVar(t, x Value) Value {
	tv := asTVar(t)
	return &STM{op: func(tx *stm.Tx) Value {
		tv.cell.Set(tx, x)
		return Unit
	}}
}

// P_prim_retry abandons the attempt; it runs again once a TVar it read changes.
var P_prim_retry Value = &STM{op: func(tx *stm.Tx) Value {
	tx.Retry()
	return nil // not reached: Retry unwinds the attempt
}}

// F_prim_orElse is `prim_orElse a b`: a, or b (from a's starting state) if a retries. Like the evaluator, a
// wrong argument is reported as `NotAnIO <first argument>` whichever of the two is wrong.
func F_prim_orElse(a, b Value) Value {
	left := asSTM(a)
	right, ok := b.(*STM)
	if !ok {
		Crash("NotAnIO " + Show(a))
	}
	return &STM{op: stm.Select(left.op, right.op)}
}

// F_prim_atomically is `prim_atomically s`: an action running s as one transaction and committing it.
func F_prim_atomically(s Value) Value {
	tr := asSTM(s)
	return IOEffect(func() Value { return runAtomically(tr) })
}

// runAtomically is stm.Atomically, except that a retry with nothing read (which anacrolix reports by panicking
// "not waiting on anything", outside any lock) is the evaluator's fatal error: no write can ever wake it.
func runAtomically(tr *STM) (result Value) {
	defer func() {
		if r := recover(); r != nil {
			if r == "not waiting on anything" {
				Crash(`UnboundVariable "STM retry: no concurrent processes to unblock"`)
			}
			panic(r)
		}
	}()
	return stm.Atomically(tr.op)
}

// Primitive values of the stm group.
var (
	P__dollar_primSTMPure = MkFunc("$primSTMPure", 1, func(a []Value) Value { return F__dollar_primSTMPure(a[0]) })
	P__dollar_primSTMBind = MkFunc("$primSTMBind", 2, func(a []Value) Value { return F__dollar_primSTMBind(a[0], a[1]) })
	P_prim_newTVar        = MkFunc("prim_newTVar", 1, func(a []Value) Value { return F_prim_newTVar(a[0]) })
	P_prim_readTVar       = MkFunc("prim_readTVar", 1, func(a []Value) Value { return F_prim_readTVar(a[0]) })
	P_prim_writeTVar      = MkFunc("prim_writeTVar", 2, func(a []Value) Value { return F_prim_writeTVar(a[0], a[1]) })
	P_prim_orElse         = MkFunc("prim_orElse", 2, func(a []Value) Value { return F_prim_orElse(a[0], a[1]) })
	P_prim_atomically     = MkFunc("prim_atomically", 1, func(a []Value) Value { return F_prim_atomically(a[0]) })
)

func init() {
	register("$primSTMPure", P__dollar_primSTMPure)
	register("$primSTMBind", P__dollar_primSTMBind)
	register("prim_newTVar", P_prim_newTVar)
	register("prim_readTVar", P_prim_readTVar)
	register("prim_writeTVar", P_prim_writeTVar)
	register("prim_retry", P_prim_retry)
	register("prim_orElse", P_prim_orElse)
	register("prim_atomically", P_prim_atomically)
}
