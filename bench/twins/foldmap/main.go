// type-class code: foldMap with a Monoid over 1,000,000 ints, and traverse with Maybe over 100,000.
package main

import "fmt"

type monoid[T any] interface {
	empty() T
	combine(a, b T) T
}

type sum struct{}

func (sum) empty() int64             { return 0 }
func (sum) combine(a, b int64) int64 { return a + b }

func foldMap[T any](m monoid[T], f func(int64) T, xs []int64) T {
	acc := m.empty()
	for i := len(xs) - 1; i >= 0; i-- {
		acc = m.combine(f(xs[i]), acc)
	}
	return acc
}

func traverse(f func(int64) (int64, bool), xs []int64) ([]int64, bool) {
	out := make([]int64, 0, len(xs))
	for _, x := range xs {
		y, ok := f(x)
		if !ok {
			return nil, false
		}
		out = append(out, y)
	}
	return out, true
}

func main() {
	xs := make([]int64, 1000000)
	for i := range xs {
		xs[i] = int64(i + 1)
	}
	total := foldMap[int64](sum{}, func(x int64) int64 { return x * 3 }, xs)
	ys, ok := traverse(func(x int64) (int64, bool) { return x + 1, x >= 0 }, xs[:100000])
	var s int64
	for _, y := range ys {
		s += y
	}
	fmt.Println(total, ok, s)
}
