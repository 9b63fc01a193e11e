// A persistent red-black tree (Okasaki insert): 200,000 inserts then 200,000 lookups; prints hits and a checksum.
package main

import "fmt"

type color bool

const (
	red   color = true
	black color = false
)

type node struct {
	c    color
	l, r *node
	k    int64
}

func balance(c color, l *node, k int64, r *node) *node {
	if c == black {
		if l != nil && l.c == red {
			if l.l != nil && l.l.c == red {
				return &node{red, &node{black, l.l.l, l.l.r, l.l.k}, &node{black, l.r, r, k}, l.k}
			}
			if l.r != nil && l.r.c == red {
				return &node{red, &node{black, l.l, l.r.l, l.k}, &node{black, l.r.r, r, k}, l.r.k}
			}
		}
		if r != nil && r.c == red {
			if r.l != nil && r.l.c == red {
				return &node{red, &node{black, l, r.l.l, k}, &node{black, r.l.r, r.r, r.k}, r.l.k}
			}
			if r.r != nil && r.r.c == red {
				return &node{red, &node{black, l, r.l, k}, &node{black, r.r.l, r.r.r, r.r.k}, r.k}
			}
		}
	}
	return &node{c, l, r, k}
}

func ins(t *node, k int64) *node {
	if t == nil {
		return &node{red, nil, nil, k}
	}
	switch {
	case k < t.k:
		return balance(t.c, ins(t.l, k), t.k, t.r)
	case k > t.k:
		return balance(t.c, t.l, t.k, ins(t.r, k))
	}
	return t
}

func insert(t *node, k int64) *node {
	n := ins(t, k)
	return &node{black, n.l, n.r, n.k}
}

func member(t *node, k int64) bool {
	for t != nil {
		switch {
		case k < t.k:
			t = t.l
		case k > t.k:
			t = t.r
		default:
			return true
		}
	}
	return false
}

func main() {
	const n = 200000
	var t *node
	for i := int64(0); i < n; i++ {
		t = insert(t, (i*7919)%n)
	}
	hits, sum := 0, int64(0)
	for i := int64(0); i < n; i++ {
		k := (i * 31) % (2 * n)
		if member(t, k) {
			hits++
			sum += k
		}
	}
	fmt.Println(hits, sum)
}
