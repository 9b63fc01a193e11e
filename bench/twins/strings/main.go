// string building and splitting: 100,000 words joined with ',' then split again; prints count and total length.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 100000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("w")
		b.WriteString(strconv.Itoa(i))
	}
	parts := strings.Split(b.String(), ",")
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	fmt.Println(len(parts), total)
}
