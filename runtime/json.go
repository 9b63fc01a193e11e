// json.go: JSON values (PRIMITIVES.md §3.10). Contents: Json (ordered objects with duplicates, unbounded
// ints), ParseJson (the evaluator's hand-written parser, leniencies and error texts included — not
// encoding/json), StringifyJson, and every P_/F_ of the json group.
package rt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// JsonKind tells which of the seven JSON shapes a Json node is.
type JsonKind uint8

// The JSON shapes; their names are what prim_jsonType returns.
const (
	JNull JsonKind = iota
	JBool
	JInt
	JFloat
	JString
	JArray
	JObject
)

var jsonKindNames = [...]string{"null", "bool", "int", "float", "string", "array", "object"}

// Json is Lune's Json value (a *Json at runtime). Only the field of its Kind is meaningful.
type Json struct {
	Kind  JsonKind
	Bool  bool
	Int   Value // JInt: int64 or normalised *big.Int
	Float float64
	Str   string
	Arr   []*Json
	Obj   []JsonField // in order, duplicates kept
}

// JsonField is one key/value pair of a JSON object.
type JsonField struct {
	Key   string
	Value *Json
}

// LuneShow prints a Json value as the evaluator does.
func (*Json) LuneShow() string { return "<json>" }

var jsonNull = &Json{Kind: JNull}

// AsJson returns a Json value; otherwise fatal `ExpectedJson <v>`.
func AsJson(v Value) *Json {
	j, ok := v.(*Json)
	if !ok {
		Crash("ExpectedJson " + Show(v))
	}
	return j
}

// ---- parser ----

// jsonParseError carries a parse error text out of the recursive descent.
type jsonParseError struct{ msg string }

type jsonParser struct {
	s []rune
	i int
}

// ParseJson parses text as the evaluator does; on failure it returns the evaluator's error text
// (`unexpected character: ]`, `trailing garbage after JSON value`, …).
func ParseJson(text string) (j *Json, errMsg string) {
	p := &jsonParser{s: []rune(text)}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(jsonParseError)
			if !ok {
				panic(r)
			}
			j, errMsg = nil, e.msg
		}
	}()
	v := p.value()
	p.skipSpace()
	if p.i != len(p.s) {
		p.fail("trailing garbage after JSON value")
	}
	return v, ""
}

func (p *jsonParser) fail(msg string) { panic(jsonParseError{msg}) }

// isHaskellSpace is Data.Char.isSpace: \t \n \v \f \r, space, U+00A0, and the Unicode space separators.
func isHaskellSpace(r rune) bool {
	if r <= 0x377 {
		return r == ' ' || (r >= '\t' && r <= '\r') || r == 0xa0
	}
	return unicode.Is(unicode.Zs, r)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) && isHaskellSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *jsonParser) hasPrefix(lit string) bool {
	rs := []rune(lit)
	if len(p.s)-p.i < len(rs) {
		return false
	}
	for k, r := range rs {
		if p.s[p.i+k] != r {
			return false
		}
	}
	return true
}

func (p *jsonParser) value() *Json {
	p.skipSpace()
	if p.i == len(p.s) {
		p.fail("unexpected end of input")
	}
	c := p.s[p.i]
	switch {
	case c == 'n' && p.hasPrefix("null"):
		p.i += 4
		return jsonNull
	case c == 't' && p.hasPrefix("true"):
		p.i += 4
		return &Json{Kind: JBool, Bool: true}
	case c == 'f' && p.hasPrefix("false"):
		p.i += 5
		return &Json{Kind: JBool, Bool: false}
	case c == '"':
		return &Json{Kind: JString, Str: p.str()}
	case c == '[':
		return p.array()
	case c == '{':
		return p.object()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	p.fail("unexpected character: " + string(c))
	return nil
}

// str reads a string literal starting at its opening quote.
func (p *jsonParser) str() string {
	p.i++
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			p.fail("unterminated string")
		}
		c := p.s[p.i]
		p.i++
		switch c {
		case '"':
			return b.String()
		case '\\':
			b.WriteRune(p.escape())
		default:
			b.WriteRune(c) // raw control characters are accepted
		}
	}
}

// escape reads what follows a backslash.
func (p *jsonParser) escape() rune {
	if p.i >= len(p.s) {
		p.fail("unterminated string")
	}
	e := p.s[p.i]
	p.i++
	switch e {
	case '"', '\\', '/':
		return e
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'u':
		if len(p.s)-p.i < 4 {
			p.fail("truncated unicode escape")
		}
		code, err := strconv.ParseUint(string(p.s[p.i:p.i+4]), 16, 32)
		if err != nil {
			p.fail("invalid unicode escape")
		}
		p.i += 4
		if code >= 0xd800 && code <= 0xdfff {
			return 0xfffd // surrogates are replaced one by one; pairs are not combined
		}
		return rune(code)
	}
	p.fail(`invalid escape: \` + string(e))
	return 0
}

func (p *jsonParser) array() *Json {
	p.i++
	arr := []*Json{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return &Json{Kind: JArray, Arr: arr}
	}
	for {
		arr = append(arr, p.value())
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return &Json{Kind: JArray, Arr: arr}
		}
		p.fail("expected ',' or ']' in array")
	}
}

func (p *jsonParser) object() *Json {
	p.i++
	obj := []JsonField{}
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return &Json{Kind: JObject, Obj: obj}
	}
	for {
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			p.fail("expected string key in object")
		}
		key := p.str()
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			p.fail("expected ':' after key in object")
		}
		p.i++
		obj = append(obj, JsonField{key, p.value()})
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return &Json{Kind: JObject, Obj: obj}
		}
		p.fail("expected ',' or '}' in object")
	}
}

// number takes the maximal run of `0-9 + - . e E`; with `.`/`e`/`E` it must be a whole decimal float
// literal, otherwise `-`? digits (any size); anything else is `invalid number`.
func (p *jsonParser) number() *Json {
	start := p.i
	for p.i < len(p.s) && strings.ContainsRune("0123456789+-.eE", p.s[p.i]) {
		p.i++
	}
	run := string(p.s[start:p.i])
	if strings.ContainsAny(run, ".eE") {
		if !isFloatLiteral(run) {
			p.fail("invalid number")
		}
		return &Json{Kind: JFloat, Float: readDouble(run)}
	}
	digits := strings.TrimPrefix(run, "-")
	if !allDigits(digits) {
		p.fail("invalid number")
	}
	n, _ := new(big.Int).SetString(run, 10)
	return &Json{Kind: JInt, Int: NormInt(n)}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// readDouble is GHC's `read :: String -> Double` on a checked literal: correctly rounded (1e400 →
// Infinity, 1e-400 → 0), except that an exponent outside the Int range gives ±Infinity even for tiny
// values (GHC's quirk).
func readDouble(lit string) float64 {
	if k := strings.IndexAny(lit, "eE"); k >= 0 {
		if _, err := strconv.ParseInt(lit[k+1:], 10, 64); err != nil {
			if strings.HasPrefix(lit, "-") {
				return math.Inf(-1)
			}
			return math.Inf(1)
		}
	}
	f, _ := strconv.ParseFloat(lit, 64) // a range error still gives the right ±Inf or 0
	return f
}

// isFloatLiteral checks `-? digits (. digits)? ([eE] [+-]? digits)?`.
func isFloatLiteral(s string) bool {
	s = strings.TrimPrefix(s, "-")
	mant, exp := s, ""
	if k := strings.IndexAny(s, "eE"); k >= 0 {
		mant, exp = s[:k], s[k+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if !allDigits(exp) {
			return false
		}
	}
	whole, frac, hasDot := strings.Cut(mant, ".")
	return allDigits(whole) && (!hasDot || allDigits(frac))
}

// ---- stringify ----

// StringifyJson serialises compactly, as the evaluator does: floats in Haskell format (`150.0`, `NaN`),
// control characters as `\u00xx`, everything else (`/`, DEL, non-ASCII) raw.
func StringifyJson(j *Json) string {
	var b strings.Builder
	writeJson(&b, j)
	return b.String()
}

func writeJson(b *strings.Builder, j *Json) {
	switch j.Kind {
	case JNull:
		b.WriteString("null")
	case JBool:
		b.WriteString(strconv.FormatBool(j.Bool))
	case JInt:
		b.WriteString(ShowInt(j.Int))
	case JFloat:
		b.WriteString(ShowFloat(j.Float))
	case JString:
		writeJsonString(b, j.Str)
	case JArray:
		b.WriteByte('[')
		for i, x := range j.Arr {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJson(b, x)
		}
		b.WriteByte(']')
	case JObject:
		b.WriteByte('{')
		for i, f := range j.Obj {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJsonString(b, f.Key)
			b.WriteByte(':')
			writeJson(b, f.Value)
		}
		b.WriteByte('}')
	}
}

func writeJsonString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hex[r>>4])
				b.WriteByte(hex[r&0xf])
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// ---- primitives ----

// F_prim_jsonParse is `Ok json` or `Err "<parse error>"`.
func F_prim_jsonParse(s Value) Value {
	j, msg := ParseJson(AsString(s))
	if j == nil {
		return Err(msg)
	}
	return Ok(j)
}

// F_prim_jsonStringify is the compact serialisation.
func F_prim_jsonStringify(j Value) Value { return StringifyJson(AsJson(j)) }

// F_prim_jsonBool makes a bool node (the argument must be exactly True/False).
func F_prim_jsonBool(b Value) Value { return &Json{Kind: JBool, Bool: AsBool(b)} }

// F_prim_jsonInt makes an int node (unbounded).
func F_prim_jsonInt(n Value) Value {
	if !IsInt(n) {
		WrongShape()
	}
	return &Json{Kind: JInt, Int: n}
}

// F_prim_jsonFloat makes a float node (NaN and ±Infinity allowed).
func F_prim_jsonFloat(f Value) Value { return &Json{Kind: JFloat, Float: AsFloat(f)} }

// F_prim_jsonString makes a string node.
func F_prim_jsonString(s Value) Value { return &Json{Kind: JString, Str: AsString(s)} }

// F_prim_jsonArray makes an array node; a non-Json element is fatal `ExpectedJson <elem>`, a non-list
// `NotAFunction <prim>`.
func F_prim_jsonArray(list Value) Value {
	xs, ok := ListElems(list)
	if !ok {
		WrongShape()
	}
	arr := make([]*Json, len(xs))
	for i, x := range xs {
		arr[i] = AsJson(x)
	}
	return &Json{Kind: JArray, Arr: arr}
}

// F_prim_jsonObject makes an object from a list of `{ key : String, value : Json }` records, in order,
// duplicates kept, extra fields ignored; a malformed element or a non-list is fatal `NotAFunction <prim>`.
func F_prim_jsonObject(list Value) Value {
	xs, ok := ListElems(list)
	if !ok {
		WrongShape()
	}
	obj := make([]JsonField, len(xs))
	for i, x := range xs {
		r, ok := x.(Record)
		var key, val Value
		if ok {
			key, _ = GetField(r, "key")
			val, _ = GetField(r, "value")
		}
		k, kOk := key.(string)
		j, jOk := val.(*Json)
		if !kOk || !jOk {
			WrongShape()
		}
		obj[i] = JsonField{k, j}
	}
	return &Json{Kind: JObject, Obj: obj}
}

// F_prim_jsonType names the node's shape: "null", "bool", "int", "float", "string", "array", "object".
func F_prim_jsonType(j Value) Value { return jsonKindNames[AsJson(j).Kind] }

// F_prim_jsonGetField is the value of the last pair with the key: `Err "expected object"`,
// `Err "missing field: <key>"`.
func F_prim_jsonGetField(key, j Value) Value {
	k := AsString(key)
	o := AsJson(j)
	if o.Kind != JObject {
		return Err("expected object")
	}
	for i := len(o.Obj) - 1; i >= 0; i-- {
		if o.Obj[i].Key == k {
			return Ok(o.Obj[i].Value)
		}
	}
	return Err("missing field: " + k)
}

// F_prim_jsonGetIndex is the element at a 0-based index: `Err "expected array"`,
// `Err "index out of bounds: <i>"`. As in the evaluator, an index past the 64-bit range wraps (two's
// complement) before the check while the message shows the original index, and a non-Int index is
// reported as `ExpectedJson <json argument>`.
func F_prim_jsonGetIndex(idx, j Value) Value {
	a, ok := j.(*Json)
	if !IsInt(idx) || !ok {
		Crash("ExpectedJson " + Show(j))
	}
	if a.Kind != JArray {
		return Err("expected array")
	}
	if i := WrapInt64(idx); i >= 0 && i < int64(len(a.Arr)) {
		return Ok(a.Arr[i])
	}
	return Err("index out of bounds: " + ShowInt(idx))
}

// F_prim_jsonToArray is `Ok [elements]` or `Err "expected array"`.
func F_prim_jsonToArray(j Value) Value {
	a := AsJson(j)
	if a.Kind != JArray {
		return Err("expected array")
	}
	xs := make([]Value, len(a.Arr))
	for i, x := range a.Arr {
		xs[i] = x
	}
	return Ok(MkList(xs))
}

// F_prim_jsonToBool is `Ok True/False` or `Err "expected bool"`.
func F_prim_jsonToBool(j Value) Value {
	if b := AsJson(j); b.Kind == JBool {
		return Ok(Bool(b.Bool))
	}
	return Err("expected bool")
}

// F_prim_jsonToInt accepts int nodes only (a float node, even 3.0, is `Err "expected int"`).
func F_prim_jsonToInt(j Value) Value {
	if n := AsJson(j); n.Kind == JInt {
		return Ok(n.Int)
	}
	return Err("expected int")
}

// F_prim_jsonToFloat accepts float nodes and int nodes (as the nearest double); else
// `Err "expected number"`.
func F_prim_jsonToFloat(j Value) Value {
	switch n := AsJson(j); n.Kind {
	case JFloat:
		return Ok(n.Float)
	case JInt:
		return Ok(IntToFloat(n.Int))
	}
	return Err("expected number")
}

// F_prim_jsonToString is `Ok s` or `Err "expected string"`.
func F_prim_jsonToString(j Value) Value {
	if s := AsJson(j); s.Kind == JString {
		return Ok(s.Str)
	}
	return Err("expected string")
}

// F_prim_jsonIsNull tells whether the node is null.
func F_prim_jsonIsNull(j Value) Value { return Bool(AsJson(j).Kind == JNull) }

// The primitive values (PRIMITIVES.md §3.10); prim_jsonNull is the constant itself.
var (
	P_prim_jsonParse           = MkFunc("prim_jsonParse", 1, func(a []Value) Value { return F_prim_jsonParse(a[0]) })
	P_prim_jsonStringify       = MkFunc("prim_jsonStringify", 1, func(a []Value) Value { return F_prim_jsonStringify(a[0]) })
	P_prim_jsonNull      Value = jsonNull
	P_prim_jsonBool            = MkFunc("prim_jsonBool", 1, func(a []Value) Value { return F_prim_jsonBool(a[0]) })
	P_prim_jsonInt             = MkFunc("prim_jsonInt", 1, func(a []Value) Value { return F_prim_jsonInt(a[0]) })
	P_prim_jsonFloat           = MkFunc("prim_jsonFloat", 1, func(a []Value) Value { return F_prim_jsonFloat(a[0]) })
	P_prim_jsonString          = MkFunc("prim_jsonString", 1, func(a []Value) Value { return F_prim_jsonString(a[0]) })
	P_prim_jsonArray           = MkFunc("prim_jsonArray", 1, func(a []Value) Value { return F_prim_jsonArray(a[0]) })
	P_prim_jsonObject          = MkFunc("prim_jsonObject", 1, func(a []Value) Value { return F_prim_jsonObject(a[0]) })
	P_prim_jsonType            = MkFunc("prim_jsonType", 1, func(a []Value) Value { return F_prim_jsonType(a[0]) })
	P_prim_jsonGetField        = MkFunc("prim_jsonGetField", 2, func(a []Value) Value { return F_prim_jsonGetField(a[0], a[1]) })
	P_prim_jsonGetIndex        = MkFunc("prim_jsonGetIndex", 2, func(a []Value) Value { return F_prim_jsonGetIndex(a[0], a[1]) })
	P_prim_jsonToArray         = MkFunc("prim_jsonToArray", 1, func(a []Value) Value { return F_prim_jsonToArray(a[0]) })
	P_prim_jsonToBool          = MkFunc("prim_jsonToBool", 1, func(a []Value) Value { return F_prim_jsonToBool(a[0]) })
	P_prim_jsonToInt           = MkFunc("prim_jsonToInt", 1, func(a []Value) Value { return F_prim_jsonToInt(a[0]) })
	P_prim_jsonToFloat         = MkFunc("prim_jsonToFloat", 1, func(a []Value) Value { return F_prim_jsonToFloat(a[0]) })
	P_prim_jsonToString        = MkFunc("prim_jsonToString", 1, func(a []Value) Value { return F_prim_jsonToString(a[0]) })
	P_prim_jsonIsNull          = MkFunc("prim_jsonIsNull", 1, func(a []Value) Value { return F_prim_jsonIsNull(a[0]) })
)

func init() {
	register("prim_jsonParse", P_prim_jsonParse)
	register("prim_jsonStringify", P_prim_jsonStringify)
	register("prim_jsonNull", P_prim_jsonNull)
	register("prim_jsonBool", P_prim_jsonBool)
	register("prim_jsonInt", P_prim_jsonInt)
	register("prim_jsonFloat", P_prim_jsonFloat)
	register("prim_jsonString", P_prim_jsonString)
	register("prim_jsonArray", P_prim_jsonArray)
	register("prim_jsonObject", P_prim_jsonObject)
	register("prim_jsonType", P_prim_jsonType)
	register("prim_jsonGetField", P_prim_jsonGetField)
	register("prim_jsonGetIndex", P_prim_jsonGetIndex)
	register("prim_jsonToArray", P_prim_jsonToArray)
	register("prim_jsonToBool", P_prim_jsonToBool)
	register("prim_jsonToInt", P_prim_jsonToInt)
	register("prim_jsonToFloat", P_prim_jsonToFloat)
	register("prim_jsonToString", P_prim_jsonToString)
	register("prim_jsonIsNull", P_prim_jsonIsNull)
}
