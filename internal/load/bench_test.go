package load_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// benchCorpus is the real news corpus named by KG_BENCH_CORPUS; benchmarks skip without it, tests never
// need it.
func benchCorpus(b *testing.B) string {
	p := os.Getenv("KG_BENCH_CORPUS")
	if p == "" {
		b.Skip("set KG_BENCH_CORPUS to a JSON Lines news corpus")
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
		if _, err := load.Extract(context.Background(), load.Options{Paths: []string{path}}); err != nil {
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
	opts := load.Options{Paths: []string{path}, Progress: func(done, total int) {
		if done%200 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}}
	for i := 0; i < b.N; i++ {
		if _, err := load.Extract(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapAlloc)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// loadCorpora are the inputs the load benchmark runs on: a generated corpus of KG_BENCH_ARTICLES
// articles (default 100,000) and the real news corpus named by KG_BENCH_CORPUS, when set.
func loadCorpora(b *testing.B) map[string]string {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("KG_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	gen := filepath.Join(os.TempDir(), fmt.Sprintf("kg-bench-articles-%d.jsonl", n))
	if _, err := os.Stat(gen); err != nil {
		var sb strings.Builder
		for _, a := range storetest.GenerateArticles(n, 42) {
			line, _ := json.Marshal(map[string]string{"id": a.ID, "title": a.Title, "published": a.Published, "text": a.Text})
			sb.Write(line)
			sb.WriteByte('\n')
		}
		if err := os.WriteFile(gen, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	out := map[string]string{"generated": gen}
	if real := os.Getenv("KG_BENCH_CORPUS"); real != "" {
		if _, err := os.Stat(real); err == nil {
			out["news"] = real
		}
	}
	return out
}

// timedStore counts the time spent writing.
type timedStore struct {
	graph.Store
	writing time.Duration
}

func (t *timedStore) Write(ctx context.Context, b *graph.Batch) error {
	start := time.Now()
	err := t.Store.Write(ctx, b)
	t.writing += time.Since(start)
	return err
}

// naiveRate writes up to n relations of a batch one row per transaction, as a naive loader would, and
// returns relations per second.
func naiveRate(b *testing.B, s graph.Store, batch *graph.Batch, n int) float64 {
	ents := map[string]graph.Entity{}
	for _, e := range batch.Entities {
		ents[e.ID] = e
	}
	rels := batch.Relations
	if len(rels) > n {
		rels = rels[:n]
	}
	start := time.Now()
	for _, r := range rels {
		one := &graph.Batch{Entities: []graph.Entity{ents[r.From], ents[r.To]}, Relations: []graph.Relation{r}}
		if err := s.Write(context.Background(), one); err != nil {
			b.Fatal(err)
		}
	}
	return float64(len(rels)) / time.Since(start).Seconds()
}

// BenchmarkLoad loads the corpora into the embedded store and, when the test Neo4j is up, into Neo4j,
// and reports relationships written per second of writing, beside a naive one-row-per-transaction
// load of the same relations measured in the same run.
func BenchmarkLoad(b *testing.B) {
	for name, path := range loadCorpora(b) {
		stores := map[string]func() graph.Store{
			"embedded": func() graph.Store {
				s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "kg.db"))
				if err != nil {
					b.Fatal(err)
				}
				return s
			},
		}
		if os.Getenv("KG_TEST_NEO4J_URI") != "" {
			stores["neo4j"] = func() graph.Store { return neo4jtest.Open(b) }
		}
		for sname, open := range stores {
			b.Run(name+"/"+sname, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					s := &timedStore{Store: open()}
					start := time.Now()
					sum, err := load.Load(context.Background(), s, load.LoadOptions{Options: load.Options{Paths: []string{path}}, BatchSize: 2000})
					if err != nil {
						b.Fatal(err)
					}
					total := time.Since(start)
					b.ReportMetric(float64(sum.Relations)/s.writing.Seconds(), "rels/s-written")
					rows := sum.Stored + sum.Entities + sum.Mentions + sum.Relations + sum.Facts
					b.ReportMetric(float64(rows)/s.writing.Seconds(), "rows/s-written")
					b.ReportMetric(float64(sum.Stored)/total.Seconds(), "articles/s")
					b.ReportMetric(float64(sum.Relations), "relations")
					// the naive load, on a fresh store, of the relations of the first articles
					res, err := load.Extract(context.Background(), load.Options{Paths: []string{path}})
					if err != nil {
						b.Fatal(err)
					}
					naive := naiveRate(b, open(), res.Batch, 3000)
					b.ReportMetric(naive, "naive-rels/s")
					b.ReportMetric(float64(sum.Relations)/s.writing.Seconds()/naive, "speedup")
					s.Close()
				}
			})
		}
	}
}
