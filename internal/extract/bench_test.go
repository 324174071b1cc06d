package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
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

// BenchmarkExtract reports extraction throughput on one goroutine: MB/s is MB of article text per
// second per core.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b, 4<<20)
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
