package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/kgnews/kg/internal/cputime"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// benchArticles returns the articles benchmarks run over: up to maxBytes of the real news corpus named by
// KG_BENCH_CORPUS (JSON Lines with id, text and published) when it is set, else the committed articles:
// the real BBC and Reuters news of testdata/gold-news and the seeds. Tests never need the corpus.
func benchArticles(b *testing.B, maxBytes int) []graph.Article {
	b.Helper()
	var arts []graph.Article
	if path := os.Getenv("KG_BENCH_CORPUS"); path != "" {
		arts = readJSONL(b, path, maxBytes)
	} else {
		arts = readJSONL(b, filepath.Join("..", "..", "testdata", "gold-news", "news-dev.jsonl"), maxBytes)
		files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
		for _, p := range files {
			t, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			arts = append(arts, graph.Article{ID: p, Text: string(t)})
		}
	}
	if len(arts) == 0 {
		b.Fatal("no articles to run over")
	}
	return arts
}

// readJSONL reads up to maxBytes of article text from a JSON Lines file.
func readJSONL(b *testing.B, path string, maxBytes int) []graph.Article {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var arts []graph.Article
	size := 0
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
	return arts
}

// BenchmarkExtract reports extraction throughput on one goroutine: MB/s is MB of article text per
// second (up to 12 MB of the corpus with KG_BENCH_CORPUS, else the committed articles), and MB/cpu-s
// the same per second of the process's CPU time, which a busy machine disturbs less.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b, 12<<20)
	x := New(lexicon.Default())
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	x.Extract(arts[0]) // load the tagger's model and the lexicons outside the timing
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractMemory streams corpora of two sizes from disk and extracts them one article at a
// time, as the loader's workers do, keeping nothing, and reports the peak heap (sampled every 50
// articles): it should not grow with the corpus.
func BenchmarkExtractMemory(b *testing.B) {
	path := os.Getenv("KG_BENCH_CORPUS")
	if path == "" {
		b.Skip("set KG_BENCH_CORPUS to a JSON Lines news corpus of 16 MB or more")
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
