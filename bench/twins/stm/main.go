// STM counter: 8 goroutines x 100,000 increments of one anacrolix/stm Var.
package main

import (
	"fmt"
	"sync"

	"github.com/anacrolix/stm"
)

func main() {
	v := stm.NewVar[int64](0)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				stm.Atomically(stm.VoidOperation(func(tx *stm.Tx) { v.Set(tx, v.Get(tx)+1) }))
			}
		}()
	}
	wg.Wait()
	fmt.Println(stm.AtomicGet(v))
}
