// The STM counter with a sync.Mutex, for reference.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var n int64
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
