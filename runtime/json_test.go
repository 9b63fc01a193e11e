// json_test.go: the JSON parser's leniencies and exact error texts, stringify, and the accessors
// (PRIMITIVES.md §3.10, every example there).
package rt

import (
	"math"
	"testing"
)

// parseShow parses and stringifies, or returns "Err <msg>".
func parseShow(s string) string {
	j, msg := ParseJson(s)
	if j == nil {
		return "Err " + msg
	}
	return StringifyJson(j)
}

func TestJsonParse(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a":1,"b":[true,false,null],"c":1.5e2,"d":"x\u00e9\n"}`, `{"a":1,"b":[true,false,null],"c":150.0,"d":"xé\n"}`},
		{` [ 1 , 2 ] `, `[1,2]`},
		{"\t\n\r\v\f[1]\u00a0", `[1]`},
		{"\u2003{\u3000\"a\"\u1680:\u202f1}\u205f", `{"a":1}`},
		{"[]", "[]"}, {"{}", "{}"}, {"[ ]", "[]"}, {"{ }", "{}"},
		{`{"a":1,"a":2}`, `{"a":1,"a":2}`},
		{"null", "null"}, {"true", "true"}, {"false", "false"},
		{"01", "1"}, {"00.5", "0.5"}, {"-0", "0"}, {"-0.0", "-0.0"}, {"1e400", "Infinity"}, {"-1e400", "-Infinity"},
		{"1E2", "100.0"}, {"1e+2", "100.0"}, {"1.5e-3", "1.5e-3"}, {"12345678.9", "1.23456789e7"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"-9223372036854775809", "-9223372036854775809"},
		{`"\ud83d\ude00"`, "\"\uFFFD\uFFFD\""},
		{`"\u00E9\u00e9"`, `"éé"`},
		{`"\"\\\/\n\r\t\b\f"`, `"\"\\/\n\r\t\b\f"`},
		{"\"raw\ttab\x01\"", `"raw\ttab\u0001"`},
		{`"λ/"`, `"λ/"`},
		// errors
		{"", "Err unexpected end of input"},
		{"   ", "Err unexpected end of input"},
		{"[", "Err unexpected end of input"},
		{"[1", "Err expected ',' or ']' in array"},
		{"[1,]", "Err unexpected character: ]"},
		{"[1 2]", "Err expected ',' or ']' in array"},
		{`{"a":1,}`, "Err expected string key in object"},
		{"{1:2}", "Err expected string key in object"},
		{"{", "Err expected string key in object"},
		{`{"a" 1}`, "Err expected ':' after key in object"},
		{`{"a"`, "Err expected ':' after key in object"},
		{`{"a":1 "b":2}`, "Err expected ',' or '}' in object"},
		{`{"a":1`, "Err expected ',' or '}' in object"},
		{`{"a":}`, "Err unexpected character: }"},
		{"nullx", "Err trailing garbage after JSON value"},
		{"truex", "Err trailing garbage after JSON value"},
		{"nul", "Err unexpected character: n"},
		{"[1] x", "Err trailing garbage after JSON value"},
		{"1 2", "Err trailing garbage after JSON value"},
		{"\u200b1", "Err unexpected character: \u200b"},
		{"\ufeff1", "Err unexpected character: \ufeff"},
		{"\u00851", "Err unexpected character: \u0085"},
		{"1.", "Err invalid number"},
		{"-", "Err invalid number"},
		{".5", "Err unexpected character: ."},
		{"+1", "Err unexpected character: +"},
		{"1-2", "Err invalid number"},
		{"1e", "Err invalid number"},
		{"1e+", "Err invalid number"},
		{"1.2.3", "Err invalid number"},
		{"--1", "Err invalid number"},
		{"1a", "Err trailing garbage after JSON value"},
		{`"abc`, "Err unterminated string"},
		{`"abc\`, "Err unterminated string"},
		{`"\x"`, `Err invalid escape: \x`},
		{`"\U0041"`, `Err invalid escape: \U`},
		{`"\u12"`, "Err truncated unicode escape"},
		{`"\u12`, "Err truncated unicode escape"},
		{`"\u12"   `, "Err invalid unicode escape"},
		{`"\u12zz"`, "Err invalid unicode escape"},
		{`"\u+123"`, "Err invalid unicode escape"},
		{"x", "Err unexpected character: x"},
	}
	for _, c := range cases {
		if got := parseShow(c.in); got != c.want {
			t.Errorf("parse %q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// The parse table of the TypeScript evaluator (ir/shared/prim-impl/json.test.ts), so both implementations
// are held to the same answers.
func TestJsonParseSameAsEvaluator(t *testing.T) {
	cases := []struct{ in, want string }{
		{"{\"a\":1,\"b\":[true,false,null],\"c\":1.5e2,\"d\":\"x\\u00e9\\n\"}", "ok {\"a\":1,\"b\":[true,false,null],\"c\":150.0,\"d\":\"x\u00e9\\n\"}"},
		{"  null  ", "ok null"},
		{"\u00a0 1 \u2003", "ok 1"},
		{"\u000b\f\t\r\n[\u3000]\u1680", "ok []"},
		{"\u200b1", "err unexpected character: \u200b"},
		{"\ufeff1", "err unexpected character: \ufeff"},
		{"\u20281", "err unexpected character: \u2028"},
		{"nullx", "err trailing garbage after JSON value"},
		{"[truex]", "err expected ',' or ']' in array"},
		{"nul", "err unexpected character: n"},
		{"fals", "err unexpected character: f"},
		{"True", "err unexpected character: T"},
		{"", "err unexpected end of input"},
		{"   ", "err unexpected end of input"},
		{"@", "err unexpected character: @"},
		{"\U0001f600", "err unexpected character: \U0001f600"},
		{"1 2", "err trailing garbage after JSON value"},
		{"[1,2]x", "err trailing garbage after JSON value"},
		{"\"abc", "err unterminated string"},
		{"\"a\\", "err unterminated string"},
		{"\"\\x\"", "err invalid escape: \\x"},
		{"\"\\U0041\"", "err invalid escape: \\U"},
		{"\"\\u12G4\"", "err invalid unicode escape"},
		{"\"\\u12\"", "err truncated unicode escape"},
		{"\"\\u123\"", "err invalid unicode escape"},
		{"\"\\u0041\\u00E9\\u00e9\"", "ok \"A\u00e9\u00e9\""},
		{"\"\\ud83d\\ude00\"", "ok \"\ufffd\ufffd\""},
		{"\"\\\"\\\\\\/\\n\\r\\t\\b\\f\"", "ok \"\\\"\\\\/\\n\\r\\t\\b\\f\""},
		{"\"a\tb\u0001\"", "ok \"a\\tb\\u0001\""},
		{"\"\u00e9\U0001f600\u007f\"", "ok \"\u00e9\U0001f600\u007f\""},
		{"\"\\u0000\"", "ok \"\\u0000\""},
		{"01", "ok 1"},
		{"00.5", "ok 0.5"},
		{"-0", "ok 0"},
		{"-0.0", "ok -0.0"},
		{"-12", "ok -12"},
		{"12345678901234567890123", "ok 12345678901234567890123"},
		{"1.", "err invalid number"},
		{"-", "err invalid number"},
		{"--1", "err invalid number"},
		{".5", "err unexpected character: ."},
		{"+1", "err unexpected character: +"},
		{"1-2", "err invalid number"},
		{"1+2", "err invalid number"},
		{"1.5.3", "err invalid number"},
		{"2.5e", "err invalid number"},
		{"1e5", "ok 100000.0"},
		{"1E2", "ok 100.0"},
		{"1e+2", "ok 100.0"},
		{"1.5e-3", "ok 1.5e-3"},
		{"12345678.9", "ok 1.23456789e7"},
		{"1e400", "ok Infinity"},
		{"-1e400", "ok -Infinity"},
		{"1e-400", "ok 0.0"},
		{"0e5", "ok 0.0"},
		{"1e99999999999999999999", "ok Infinity"},
		{"1e-99999999999999999999", "ok Infinity"},
		{"-1e-99999999999999999999", "ok -Infinity"},
		{"[1e2,2]", "ok [100.0,2]"},
		{"1x", "err trailing garbage after JSON value"},
		{"[]", "ok []"},
		{" [ ] ", "ok []"},
		{"{}", "ok {}"},
		{"{ }", "ok {}"},
		{"[ 1 , [ 2 ] , { } ]", "ok [1,[2],{}]"},
		{"{ \"a\" : 1 , \"a\" : 2 }", "ok {\"a\":1,\"a\":2}"},
		{"[1,]", "err unexpected character: ]"},
		{"[,1]", "err unexpected character: ,"},
		{"[1 2]", "err expected ',' or ']' in array"},
		{"[1", "err expected ',' or ']' in array"},
		{"[", "err unexpected end of input"},
		{"{\"a\":1,}", "err expected string key in object"},
		{"{1:2}", "err expected string key in object"},
		{"{", "err expected string key in object"},
		{"{\"a", "err unterminated string"},
		{"{\"a\" 1}", "err expected ':' after key in object"},
		{"{\"a\"", "err expected ':' after key in object"},
		{"{\"a\":}", "err unexpected character: }"},
		{"{\"a\":1 \"b\":2}", "err expected ',' or '}' in object"},
		{"{\"a\":1", "err expected ',' or '}' in object"},
		{"{\"\\ud800\":1}", "ok {\"\ufffd\":1}"},
	}
	for _, c := range cases {
		got := "ok " + parseShow(c.in)
		if j, _ := ParseJson(c.in); j == nil {
			got = "err " + parseShow(c.in)[len("Err "):]
		}
		if got != c.want {
			t.Errorf("parse %q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJsonParsePrim(t *testing.T) {
	if got := Show(F_prim_jsonParse("[1,]")); got != `Err "unexpected character: ]"` {
		t.Error(got)
	}
	if got := Show(F_prim_jsonParse("1")); got != "Ok <json>" {
		t.Error(got)
	}
	j, _ := ParseJson("-0")
	if j.Kind != JInt || j.Int != int64(0) {
		t.Errorf("-0 is %#v", j)
	}
}

func TestJsonStringify(t *testing.T) {
	cases := []struct {
		j    Value
		want string
	}{
		{P_prim_jsonNull, "null"},
		{F_prim_jsonBool(True), "true"},
		{F_prim_jsonInt(bigPow2(70, true)), "-1180591620717411303424"},
		{F_prim_jsonFloat(150.0), "150.0"},
		{F_prim_jsonFloat(0.01), "1.0e-2"},
		{F_prim_jsonFloat(1.2345678e7), "1.2345678e7"},
		{F_prim_jsonFloat(math.NaN()), "NaN"},
		{F_prim_jsonFloat(math.Inf(1)), "Infinity"},
		{F_prim_jsonFloat(math.Inf(-1)), "-Infinity"},
		{F_prim_jsonString("a\"b\\c\nd\re\tf\bg\fh\x01\x1f\x7f/é"), `"a\"b\\c\nd\re\tf\bg\fh\u0001\u001f` + "\x7f" + `/é"`},
		{F_prim_jsonArray(MkList([]Value{F_prim_jsonInt(int64(1)), P_prim_jsonNull})), "[1,null]"},
		{F_prim_jsonArray(Nil), "[]"},
		{F_prim_jsonObject(MkList([]Value{
			MkRecord([]string{"key", "value"}, "k", F_prim_jsonInt(int64(1))),
			MkRecord([]string{"key", "value", "extra"}, "k", F_prim_jsonString("v"), int64(9)),
		})), `{"k":1,"k":"v"}`},
		{F_prim_jsonObject(Nil), "{}"},
	}
	for i, c := range cases {
		if got := F_prim_jsonStringify(c.j); got != c.want {
			t.Errorf("case %d: got %q, want %q", i, got, c.want)
		}
	}
}

func TestJsonAccessors(t *testing.T) {
	obj, _ := ParseJson(`{"a":1,"b":2,"a":3,"f":2.5,"s":"x","n":null,"t":true,"arr":[10,20,30]}`)
	field := func(k string) Value { return F_prim_jsonGetField(k, obj).(*Con).Args[0] }
	arr := field("arr")
	cases := []struct {
		got  Value
		want string
	}{
		{F_prim_jsonStringify(field("a")), `"3"`}, // last duplicate wins
		{F_prim_jsonGetField("zz", obj), `Err "missing field: zz"`},
		{F_prim_jsonGetField("a", arr), `Err "expected object"`},
		{F_prim_jsonStringify(F_prim_jsonGetIndex(int64(1), arr).(*Con).Args[0]), `"20"`},
		{F_prim_jsonGetIndex(int64(-1), arr), `Err "index out of bounds: -1"`},
		{F_prim_jsonGetIndex(int64(3), arr), `Err "index out of bounds: 3"`},
		{F_prim_jsonStringify(F_prim_jsonGetIndex(bigPow2(64, false), arr).(*Con).Args[0]), `"10"`},                   // wraps to 0
		{F_prim_jsonGetIndex(IntLit("18446744073709551615"), arr), `Err "index out of bounds: 18446744073709551615"`}, // wraps to -1
		{F_prim_jsonGetIndex(int64(0), obj), `Err "expected array"`},
		{F_prim_jsonToArray(arr), "Ok (Cons <json> (Cons <json> (Cons <json> Nil)))"},
		{F_prim_jsonToArray(obj), `Err "expected array"`},
		{F_prim_jsonToBool(field("t")), "Ok True"},
		{F_prim_jsonToBool(field("n")), `Err "expected bool"`},
		{F_prim_jsonToInt(field("b")), "Ok 2"},
		{F_prim_jsonToInt(field("f")), `Err "expected int"`},
		{F_prim_jsonToInt(F_prim_jsonFloat(3.0)), `Err "expected int"`},
		{F_prim_jsonToFloat(field("f")), "Ok 2.5"},
		{F_prim_jsonToFloat(field("b")), "Ok 2.0"},
		{F_prim_jsonToFloat(F_prim_jsonInt(bigPow2(1100, false))), "Ok Infinity"},
		{F_prim_jsonToFloat(field("s")), `Err "expected number"`},
		{F_prim_jsonToString(field("s")), `Ok "x"`},
		{F_prim_jsonToString(field("b")), `Err "expected string"`},
		{F_prim_jsonIsNull(field("n")), "True"},
		{F_prim_jsonIsNull(field("s")), "False"},
		{F_prim_jsonType(field("n")), `"null"`}, {F_prim_jsonType(field("t")), `"bool"`},
		{F_prim_jsonType(field("b")), `"int"`}, {F_prim_jsonType(field("f")), `"float"`},
		{F_prim_jsonType(field("s")), `"string"`}, {F_prim_jsonType(arr), `"array"`},
		{F_prim_jsonType(obj), `"object"`},
	}
	for i, c := range cases {
		if got := Show(c.got); got != c.want {
			t.Errorf("case %d: got %s, want %s", i, got, c.want)
		}
	}
}

func TestJsonErrors(t *testing.T) {
	expectCrash(t, "array non-json", "ExpectedJson 1", func() { F_prim_jsonArray(ints(1)) })
	expectCrash(t, "array non-list", "NotAFunction <prim>", func() { F_prim_jsonArray(int64(1)) })
	expectCrash(t, "object malformed", "NotAFunction <prim>", func() {
		F_prim_jsonObject(MkList([]Value{MkRecord([]string{"key"}, "k")}))
	})
	expectCrash(t, "object non-record", "NotAFunction <prim>", func() { F_prim_jsonObject(ints(1)) })
	expectCrash(t, "object bad key", "NotAFunction <prim>", func() {
		F_prim_jsonObject(MkList([]Value{MkRecord([]string{"key", "value"}, int64(1), jsonNull)}))
	})
	expectCrash(t, "bool", "NotAFunction <prim>", func() { F_prim_jsonBool(Just(True)) })
	expectCrash(t, "int", "NotAFunction <prim>", func() { F_prim_jsonInt(1.5) })
	expectCrash(t, "stringify", `ExpectedJson "x"`, func() { F_prim_jsonStringify("x") })
	expectCrash(t, "getField", "ExpectedJson 1", func() { F_prim_jsonGetField("a", int64(1)) })
	expectCrash(t, "parse", "ExpectedString 1", func() { F_prim_jsonParse(int64(1)) })
	expectCrash(t, "getIndex non-int", "ExpectedJson <json>", func() { F_prim_jsonGetIndex("0", jsonNull) })
	expectCrash(t, "getIndex non-json", "ExpectedJson 1", func() { F_prim_jsonGetIndex(int64(0), int64(1)) })
}
