// build / map / filter / fold / reverse of a 1,000,000-element list (persistent cons lists, as Lune's).
package main

import "fmt"

type list struct {
	head int64
	tail *list
}

func build(n int64) *list {
	var l *list
	for i := n; i >= 1; i-- {
		l = &list{i, l}
	}
	return l
}

func mapL(f func(int64) int64, l *list) *list {
	var out []int64
	for ; l != nil; l = l.tail {
		out = append(out, f(l.head))
	}
	var r *list
	for i := len(out) - 1; i >= 0; i-- {
		r = &list{out[i], r}
	}
	return r
}

func filter(p func(int64) bool, l *list) *list {
	var out []int64
	for ; l != nil; l = l.tail {
		if p(l.head) {
			out = append(out, l.head)
		}
	}
	var r *list
	for i := len(out) - 1; i >= 0; i-- {
		r = &list{out[i], r}
	}
	return r
}

func reverse(l *list) *list {
	var r *list
	for ; l != nil; l = l.tail {
		r = &list{l.head, r}
	}
	return r
}

func sum(l *list) int64 {
	var s int64
	for ; l != nil; l = l.tail {
		s += l.head
	}
	return s
}

func main() {
	xs := build(1000000)
	ys := filter(func(x int64) bool { return x%3 == 0 }, mapL(func(x int64) int64 { return x * 2 }, xs))
	r := reverse(ys)
	fmt.Println(sum(ys), r.head)
}
