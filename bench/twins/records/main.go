// record-heavy simulation: 1,000 particles (immutable records) moved for 1,000 steps; prints a checksum.
package main

import "fmt"

type particle struct{ x, y, vx, vy int64 }

func step(p particle) particle {
	np := particle{x: p.x + p.vx, y: p.y + p.vy, vx: p.vx, vy: p.vy}
	if np.x < 0 || np.x > 10000 {
		np.vx = -np.vx
	}
	if np.y < 0 || np.y > 10000 {
		np.vy = -np.vy
	}
	return np
}

func main() {
	ps := make([]particle, 1000)
	for i := range ps {
		j := int64(i)
		ps[i] = particle{x: j * 7 % 10000, y: j * 13 % 10000, vx: j%7 - 3, vy: j%5 - 2}
	}
	for s := 0; s < 1000; s++ {
		next := make([]particle, len(ps))
		for i, p := range ps {
			next[i] = step(p)
		}
		ps = next
	}
	var sum int64
	for _, p := range ps {
		sum += p.x + p.y
	}
	fmt.Println(sum)
}
