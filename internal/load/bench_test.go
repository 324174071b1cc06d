package load

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// benchCorpus is the real news corpus when it is at hand (KG_BENCH_CORPUS, or the workplace's shared
// corpus beside the repository); benchmarks skip without it, tests never need it.
func benchCorpus(b *testing.B) string {
	p := os.Getenv("KG_BENCH_CORPUS")
	if p == "" {
		p = filepath.Join("..", "..", "..", "shared", "corpus", "news.jsonl")
	}
	if _, err := os.Stat(p); err != nil {
		b.Skipf("no corpus at %s (set KG_BENCH_CORPUS)", p)
	}
	return p
}

// BenchmarkExtractBatch reads, extracts and resolves a whole corpus file, as `kgload extract` does.
func BenchmarkExtractBatch(b *testing.B) {
	path := benchCorpus(b)
	info, _ := os.Stat(path)
	b.SetBytes(info.Size())
	for i := 0; i < b.N; i++ {
		if _, err := Extract(context.Background(), Options{Paths: []string{path}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractBatchMemory reports the peak heap of a whole batch (read, extract, resolve) of the
// corpus: the batch keeps every article's entities and relations for resolution, so this grows with
// the batch, far slower than the text.
func BenchmarkExtractBatchMemory(b *testing.B) {
	path := benchCorpus(b)
	var ms runtime.MemStats
	peak := uint64(0)
	opts := Options{Paths: []string{path}, Progress: func(done, total int) {
		if done%200 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}}
	for i := 0; i < b.N; i++ {
		if _, err := Extract(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapAlloc)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
