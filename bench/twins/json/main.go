// JSON: build a ~5 MB document (35,000 objects), stringify, parse it back, stringify again; prints the
// length and the number of objects, and whether both serialisations agree.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

func main() {
	docs := make([]any, 0, 35000)
	for i := 0; i < 35000; i++ {
		docs = append(docs, map[string]any{
			"id":          i,
			"name":        "user" + strconv.Itoa(i),
			"tags":        []any{"alpha", "beta", "gamma"},
			"active":      i%2 == 0,
			"description": "a moderately long description string for padding",
		})
	}
	text, _ := json.Marshal(docs)
	var back []any
	if err := json.Unmarshal(text, &back); err != nil {
		panic(err)
	}
	again, _ := json.Marshal(back)
	fmt.Println(len(text), len(back), bytes.Equal(text, again))
}
