package load_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// writeJSONL writes n generated articles as one JSON Lines file, a thousand at a time so that the
// benchmark's own memory stays small.
func writeGeneratedJSONL(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for done := 0; done < n; done += 1000 {
		for i, a := range storetest.GenerateArticles(min(1000, n-done), int64(done)) {
			line, _ := json.Marshal(map[string]string{"id": "g" + itoa(done+i), "text": a.Text, "published": a.Published})
			w.Write(line)
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

func itoa(n int) string { return jsonInt(n) }

func jsonInt(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// peakHeap samples the live heap every 10 ms until stop is called, and returns the highest sample.
func peakHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkLoadPeakHeap loads one JSON Lines file of 1,000, 20,000 and 200,000 generated articles into
// a fresh embedded store and reports the peak live heap (MB): it should stay flat as the file grows
// (it grew with the number of articles: 310 MB at 21k, 641 MB at 200k).
// Run: go test -run XXX -bench LoadPeakHeap -benchtime 1x ./internal/load/
func BenchmarkLoadPeakHeap(b *testing.B) {
	for _, n := range []int{1000, 20000, 200000} {
		b.Run(itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "in.jsonl")
			writeGeneratedJSONL(b, in, n)
			for i := 0; i < b.N; i++ {
				s, err := sqlite.Open(context.Background(), filepath.Join(dir, "kg"+itoa(i)+".db"))
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				stop := peakHeap()
				sum, err := load.Load(context.Background(), s, load.LoadOptions{Options: load.Options{Paths: []string{in}, Ingest: ingest.Options{MaxBytes: 1 << 40}}})
				peak := stop()
				s.Close()
				if err != nil || sum.Stored != n {
					b.Fatalf("load: %v (%d stored)", err, sum.Stored)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			}
		})
	}
}
