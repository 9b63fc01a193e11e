// an IO loop of 10,000,000 iterations.
package main

import "fmt"

func main() {
	n := 0
	for i := 0; i < 10000000; i++ {
		n++
	}
	fmt.Println(n)
}
