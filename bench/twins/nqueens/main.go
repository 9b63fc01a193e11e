// nqueens 10 over immutable lists (the twin of a list/ADT program): counts the solutions.
package main

import "fmt"

type list struct {
	head int64
	tail *list
}

func safe(q int64, d int64, qs *list) bool {
	for ; qs != nil; qs, d = qs.tail, d+1 {
		if qs.head == q || qs.head+d == q || qs.head-d == q {
			return false
		}
	}
	return true
}

func solve(n, row int64, qs *list) int64 {
	if row == n {
		return 1
	}
	var count int64
	for q := int64(1); q <= n; q++ {
		if safe(q, 1, qs) {
			count += solve(n, row+1, &list{q, qs})
		}
	}
	return count
}

func main() { fmt.Println(solve(10, 0, nil)) }
