package load_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/cputime"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/neo4j"
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
	storetest.Store
	writing time.Duration
}

func (t *timedStore) Write(ctx context.Context, b *graph.Batch) error {
	start := time.Now()
	err := t.Store.Write(ctx, b)
	t.writing += time.Since(start)
	return err
}

// bufferedTimedStore is a timedStore over a store that gathers writes: the load finds Buffer and
// Flush as on the store itself, and the time of Flush counts as writing.
type bufferedTimedStore struct {
	*timedStore
	bw graph.BufferedWriter
}

func (t bufferedTimedStore) Buffer(rows int) { t.bw.Buffer(rows) }

func (t bufferedTimedStore) Flush(ctx context.Context) error {
	start := time.Now()
	err := t.bw.Flush(ctx)
	t.writing += time.Since(start)
	return err
}

// timed wraps a store in a timedStore that keeps the store's buffering.
func timed(s storetest.Store) (*timedStore, graph.Store) {
	t := &timedStore{Store: s}
	if bw, ok := s.(graph.BufferedWriter); ok {
		return t, bufferedTimedStore{t, bw}
	}
	return t, t
}

// referenceLoad is the yardstick a kg load into Neo4j is measured against: a minimal loader of the
// same graph, as a user would write one with the official driver — plain UNWIND … MERGE statements of
// 10,000 rows, each in a managed write transaction — that writes articles, entities, mentions and
// relations (with their fact lists) once each. It returns the time spent writing.
func referenceLoad(b *testing.B, c graph.CypherRunner, g *graph.Batch) (time.Duration, []neo4j.StatementStat) {
	l := &refLoader{b: b, c: c, stats: map[string]*neo4j.StatementStat{}}
	start := time.Now()
	l.articles(g.Articles)
	l.entities(g.Entities)
	l.mentions(g.Mentions)
	l.relations(g.Relations)
	took := time.Since(start)
	var out []neo4j.StatementStat
	for _, st := range l.stats {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time > out[j].Time })
	return took, out
}

// refLoader is referenceLoad's writer, with the time each kind of statement took.
type refLoader struct {
	b     *testing.B
	c     graph.CypherRunner
	stats map[string]*neo4j.StatementStat
}

// send writes rows with q, 10,000 a statement, counted under kind.
func (l *refLoader) send(kind, q string, rows []any) {
	st := l.stats[kind]
	if st == nil {
		st = &neo4j.StatementStat{Kind: kind}
		l.stats[kind] = st
	}
	for len(rows) > 0 {
		n := min(10_000, len(rows))
		start := time.Now()
		if _, _, err := l.c.Cypher(context.Background(), q, map[string]any{"rows": rows[:n]}, true); err != nil {
			l.b.Fatal(err)
		}
		st.Statements++
		st.Rows += n
		st.Time += time.Since(start)
		rows = rows[n:]
	}
}

// anys is ss as a list of values, as the driver takes parameters.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (l *refLoader) articles(as []graph.Article) {
	var rows []any
	for _, a := range as {
		rows = append(rows, map[string]any{"id": a.ID, "title": a.Title, "url": a.URL, "published": a.Published, "source": a.Source, "hash": a.Hash})
	}
	l.send("articles", `UNWIND $rows AS row MERGE (a:Article {id: row.id})
SET a.title = row.title, a.url = row.url, a.published = row.published, a.source = row.source, a.hash = row.hash`, rows)
}

// entities writes the entities one statement a type, each with its label.
func (l *refLoader) entities(es []graph.Entity) {
	for _, t := range graph.EntityTypes {
		var rows []any
		for _, e := range es {
			if e.Type == t {
				keys := []string{names.Fold(e.Name)}
				for _, a := range e.Aliases {
					keys = append(keys, names.Fold(a))
				}
				rows = append(rows, map[string]any{"id": e.ID, "name": e.Name, "type": string(e.Type),
					"aliases": anys(e.Aliases), "keys": anys(keys), "merges": anys(e.Merges)})
			}
		}
		l.send("entities", `UNWIND $rows AS row MERGE (e:Entity {id: row.id})
SET e:`+string(t)+`, e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.keys = row.keys, e.merge_reasons = row.merges`, rows)
	}
}

func (l *refLoader) mentions(ms []graph.Mention) {
	var rows []any
	for _, m := range ms {
		rows = append(rows, map[string]any{"entity": m.Entity, "article": m.Article, "count": m.Count})
	}
	l.send("mentions", `UNWIND $rows AS row MATCH (e:Entity {id: row.entity}), (a:Article {id: row.article})
MERGE (e)-[m:MENTIONED_IN]->(a) SET m.count = row.count`, rows)
}

// relations writes the relations one statement a type, each with its facts as parallel lists.
func (l *refLoader) relations(rs []graph.Relation) {
	for _, t := range graph.RelTypes {
		var rows []any
		for _, r := range rs {
			if r.Type == t {
				rows = append(rows, refRelationRow(r))
			}
		}
		l.send("relations", `UNWIND $rows AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:`+string(t)+` {key: row.key}]->(b)
SET r.title = row.title, r.status = row.status, r.fact_ids = row.fact_ids, r.articles = row.articles,
    r.evidence = row.evidence, r.starts = row.starts, r.ends = row.ends, r.dates = row.dates, r.places = row.places,
    r.confidences = row.confidences, r.rules = row.rules, r.confidence = row.confidence, r.date = row.date`, rows)
	}
}

// refRelationRow is a relation as the reference writes it: its facts as parallel lists, its best
// confidence and its earliest date.
func refRelationRow(r graph.Relation) map[string]any {
	r.Normalize()
	row := map[string]any{"key": r.Key(), "from": r.From, "to": r.To, "title": r.Title, "status": r.Status}
	var ids, arts, ev, dates, places, rules []string
	var starts, ends []any
	var confs []any
	conf, date := 0.0, ""
	for _, f := range r.Facts {
		ids, arts, ev = append(ids, f.ID()), append(arts, f.Article), append(ev, f.Evidence)
		dates, places, rules = append(dates, f.Date), append(places, f.Place), append(rules, f.Rule)
		starts, ends, confs = append(starts, f.Start), append(ends, f.End), append(confs, f.Confidence)
		conf = max(conf, f.Confidence)
		if f.Date != "" && (date == "" || f.Date < date) {
			date = f.Date
		}
	}
	row["fact_ids"], row["articles"], row["evidence"] = anys(ids), anys(arts), anys(ev)
	row["dates"], row["places"], row["rules"] = anys(dates), anys(places), anys(rules)
	row["starts"], row["ends"], row["confidences"], row["confidence"], row["date"] = starts, ends, confs, conf, date
	return row
}

// profile writes the time each kind of write statement took, as a table the performance notes quote.
func profile(b *testing.B, who string, total time.Duration, stats []neo4j.StatementStat) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %.1f s in all\n%-10s %10s %10s %9s %7s %12s\n", who, total.Seconds(), "statement", "statements", "rows", "time s", "share", "rows/s")
	for _, st := range stats {
		fmt.Fprintf(&sb, "%-10s %10d %10d %9.2f %6.0f%% %12.0f\n", st.Kind, st.Statements, st.Rows, st.Time.Seconds(),
			100*st.Time.Seconds()/total.Seconds(), float64(st.Rows)/st.Time.Seconds())
	}
	b.Log(sb.String())
}

// median returns the middle of xs (the mean of the two middle ones for an even count).
func median(xs []float64) float64 {
	ys := append([]float64{}, xs...)
	sort.Float64s(ys)
	n := len(ys)
	if n%2 == 1 {
		return ys[n/2]
	}
	return (ys[n/2-1] + ys[n/2]) / 2
}

// rowsOf counts every row a graph takes to write: articles, entities, mentions and relations.
func rowsOf(c graph.Counts) int { return c.Articles + c.Entities + c.Mentions + c.Relations }

// BenchmarkLoad loads the corpora into the embedded store and, when the test Neo4j is up, into Neo4j,
// and reports rows (articles, entities, mentions, relations of the stored graph) per second of the
// whole load, extraction included. On Neo4j the same run also writes the same graph with
// referenceLoad into the emptied server and reports kg-vs-ref: the whole kg load's time over the
// reference's writing time (below 1: kg, extraction included, is faster than the reference's
// writes alone), with the time of each kind of statement of both (the profile, in the log: -v).
// With -benchtime Nx the figures are medians of N iterations, each ratio taken within one iteration,
// the reference run before kg in every other one. Defaults: KG_BENCH_ARTICLES=100000 generated
// articles.
func BenchmarkLoad(b *testing.B) {
	for name, path := range loadCorpora(b) {
		stores := map[string]func() storetest.Store{
			"embedded": func() storetest.Store {
				s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "kg.db"))
				if err != nil {
					b.Fatal(err)
				}
				return s
			},
		}
		if os.Getenv("KG_TEST_NEO4J_URI") != "" {
			stores["neo4j"] = func() storetest.Store { return neo4jtest.Open(b) }
		}
		for sname, open := range stores {
			b.Run(name+"/"+sname, func(b *testing.B) {
				r := &loadRuns{b: b, open: open}
				for i := 0; i < b.N; i++ {
					// on Neo4j the reference runs before kg in odd iterations, after it in even
					// ones, so that neither always meets the server warmer
					refFirst := 0.0
					if r.g != nil && i%2 == 1 {
						refFirst = r.reference()
					}
					total, compare := r.kg(path)
					if !compare {
						continue
					}
					took := refFirst
					if took == 0 {
						took = r.reference()
					}
					r.ratios = append(r.ratios, total/took)
				}
				r.report()
			})
		}
	}
}

// loadRuns are the figures of BenchmarkLoad's iterations on one store.
type loadRuns struct {
	b                                *testing.B
	open                             func() storetest.Store
	kgS, kgCPU, writeS, refS, ratios []float64
	g                                *graph.Batch // the graph kg stored, for the reference to write
	want                             graph.Counts
	rows                             int
}

// kg loads path into a new store and returns the seconds it took, and whether the store runs Cypher
// (Neo4j), which the reference is then compared on.
func (r *loadRuns) kg(path string) (float64, bool) {
	b := r.b
	s, ls := timed(r.open())
	start, cpu := time.Now(), cputime.Process()
	sum, err := load.Load(context.Background(), ls, load.LoadOptions{Options: load.Options{Paths: []string{path}}})
	if err != nil {
		b.Fatal(err)
	}
	total, cpuS := time.Since(start), (cputime.Process() - cpu).Seconds()
	if p, ok := s.Store.(interface{ StatementStats() []neo4j.StatementStat }); ok {
		profile(b, "kg", total, p.StatementStats())
		b.Logf("kg's own process used %.1f s of CPU (extraction, resolution, the driver), which Neo4j's writes share the machine's cores with", cpuS)
	}
	r.kgCPU = append(r.kgCPU, cpuS)
	r.rows = rowsOf(sum.After)
	r.kgS, r.writeS = append(r.kgS, total.Seconds()), append(r.writeS, s.writing.Seconds())
	if _, ok := s.Store.(graph.CypherRunner); !ok {
		s.Close()
		return total.Seconds(), false
	}
	if r.g == nil {
		if r.g, err = s.Store.Dump(context.Background()); err != nil {
			b.Fatal(err)
		}
		r.want = sum.After
	}
	s.Close()
	return total.Seconds(), true
}

// reference writes the graph kg stored with referenceLoad into a new store and returns the seconds
// it took.
func (r *loadRuns) reference() float64 {
	ref := r.open()
	defer ref.Close()
	took, refStats := referenceLoad(r.b, ref.(graph.CypherRunner), r.g)
	profile(r.b, "reference", took, refStats)
	after, err := ref.Counts(context.Background())
	if err != nil {
		r.b.Fatal(err)
	}
	if after != r.want {
		r.b.Fatalf("the reference wrote %+v, kg %+v", after, r.want)
	}
	r.refS = append(r.refS, took.Seconds())
	return took.Seconds()
}

// report gives the medians over the iterations (-benchtime Nx), each ratio taken within one iteration.
func (r *loadRuns) report() {
	b := r.b
	b.ReportMetric(float64(r.rows)/median(r.kgS), "rows/s")
	b.ReportMetric(float64(r.rows)/median(r.writeS), "rows/s-written")
	b.ReportMetric(median(r.kgS), "kg-s")
	b.ReportMetric(median(r.kgCPU), "kg-cpu-s")
	if len(r.ratios) > 0 {
		b.ReportMetric(median(r.refS), "ref-s")
		b.ReportMetric(float64(r.rows)/median(r.refS), "ref-rows/s")
		b.ReportMetric(median(r.ratios), "kg-vs-ref")
		b.ReportMetric(slices.Min(r.ratios), "kg-vs-ref-min")
		b.ReportMetric(slices.Max(r.ratios), "kg-vs-ref-max")
	}
}
