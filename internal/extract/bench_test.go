package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// benchArticles returns the articles benchmarks run over: the real news corpus when it is at hand
// (KG_BENCH_CORPUS, or the workplace's shared corpus beside the repository), else the seeds.
// Tests never need the corpus.
func benchArticles(b *testing.B, maxBytes int) []graph.Article {
	b.Helper()
	path := os.Getenv("KG_BENCH_CORPUS")
	if path == "" {
		path = filepath.Join("..", "..", "..", "shared", "corpus", "news.jsonl")
	}
	var arts []graph.Article
	size := 0
	if f, err := os.Open(path); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() && size < maxBytes {
			var a struct {
				ID, Text, Published string
			}
			if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
				arts = append(arts, graph.Article{ID: a.ID, Text: a.Text, Published: a.Published})
				size += len(a.Text)
			}
		}
	}
	if len(arts) == 0 {
		files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
		for len(files) > 0 && size < maxBytes {
			for _, p := range files {
				t, _ := os.ReadFile(p)
				arts = append(arts, graph.Article{ID: p, Text: string(t)})
				size += len(t)
			}
		}
	}
	return arts
}

// BenchmarkExtract reports extraction throughput on one goroutine over 12 MB of article text: MB/s is
// MB of text per second per core.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b, 12<<20)
	x := New(lexicon.Default())
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}

// BenchmarkExtractMemory streams corpora of two sizes from disk and extracts them one article at a
// time, as the loader's workers do, keeping nothing, and reports the peak heap (sampled every 50
// articles): it should not grow with the corpus.
func BenchmarkExtractMemory(b *testing.B) {
	path := os.Getenv("KG_BENCH_CORPUS")
	if path == "" {
		path = filepath.Join("..", "..", "..", "shared", "corpus", "news.jsonl")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no corpus at %s (set KG_BENCH_CORPUS)", path)
	}
	for _, size := range []int{4 << 20, 16 << 20} {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			x := New(lexicon.Default())
			var ms runtime.MemStats
			peak := uint64(0)
			n := 0
			for i := 0; i < b.N; i++ {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				sc := bufio.NewScanner(f)
				sc.Buffer(make([]byte, 1<<20), 1<<26)
				read := 0
				for sc.Scan() && read < size {
					var a struct{ ID, Text, Published string }
					if json.Unmarshal(sc.Bytes(), &a) != nil || a.Text == "" {
						continue
					}
					read += len(a.Text)
					x.Extract(graph.Article{ID: a.ID, Text: a.Text, Published: a.Published})
					if n++; n%50 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
					}
				}
				f.Close()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
