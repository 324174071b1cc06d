package load

import (
	"context"
	"os"
	"path/filepath"
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
