// num.go: Int (unbounded), Float and Bool primitives (PRIMITIVES.md §3.1–3.3). Contents: the int64 fast
// paths with overflow promotion to *big.Int, floor div/mod, ShowFloat (Haskell `show` for doubles),
// FloatToInt / IntToFloat, and every P_/F_ of the ints, bools and floats groups.
package rt

import (
	"math"
	"strconv"
	"strings"
)

// ShowFloat formats a double exactly as GHC's `show`: shortest round-trip digits, fixed notation for
// 0.1 ≤ |x| < 10^7 and zero (`42.0`, `0.5`), otherwise `1.0e-2`, `1.23456789e7`; `NaN`, `Infinity`,
// `-Infinity`, `-0.0`.
func ShowFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x < 0 || (x == 0 && math.Signbit(x)):
		return "-" + ShowFloat(-x)
	case x == 0:
		return "0.0"
	}
	// FormatFloat 'e' gives d.ddde±XX with the shortest digits; value = 0.dddd × 10^E with E = XX + 1.
	s := strconv.FormatFloat(x, 'e', -1, 64)
	ePos := strings.IndexByte(s, 'e')
	digits := strings.Replace(s[:ePos], ".", "", 1)
	exp, _ := strconv.Atoi(s[ePos+1:])
	e := exp + 1
	if e >= 0 && e <= 7 {
		whole := digits
		frac := ""
		if len(digits) > e {
			whole, frac = digits[:e], digits[e:]
		} else {
			whole += strings.Repeat("0", e-len(digits))
		}
		if whole == "" {
			whole = "0"
		}
		if frac == "" {
			frac = "0"
		}
		return whole + "." + frac
	}
	rest := digits[1:]
	if rest == "" {
		rest = "0"
	}
	return digits[:1] + "." + rest + "e" + strconv.Itoa(e-1)
}
