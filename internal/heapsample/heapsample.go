// Package heapsample measures the peak live heap of a stretch of work, for the memory benchmarks.
package heapsample

import (
	"runtime/metrics"
	"sync"
	"time"
)

// Peak samples the live heap every 10 ms until stop is called, and returns the highest sample in bytes.
func Peak() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait() // the sampler has stopped: peak is no longer written
		return peak
	}
}
