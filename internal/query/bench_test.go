package query_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/query"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// Benchmark settings: KG_BENCH_RELS relationships (default 100,000, which loads into the test Neo4j
// in under a minute here; KG_BENCH_RELS=1000000 for the figures in the README) among KG_BENCH_RELS/5
// entities, generated with seed 1. The embedded database is built once and kept in the temporary folder; the
// Neo4j part runs when KG_TEST_NEO4J_URI is set (it loads the graph into that server, which takes a
// few minutes the first time; KG_BENCH_NEO4J_LOADED=1 skips reloading).
func benchOptions() storetest.GenOptions {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("KG_BENCH_RELS")); err == nil && v > 0 {
		n = v
	}
	return storetest.GenOptions{Entities: n / 5, Relations: n, Articles: n / 20, Seed: 1}
}

func embeddedBench(b *testing.B, o storetest.GenOptions, batch func() *graph.Batch) graph.Store {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("kg-bench-%d-%d-%d.db", o.Entities, o.Relations, o.Seed))
	_, err := os.Stat(path)
	fresh := err != nil
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	if fresh {
		start := time.Now()
		if err := s.Write(context.Background(), batch()); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
		b.Logf("built %s in %v", path, time.Since(start))
	}
	return s
}

func neo4jBench(b *testing.B, batch func() *graph.Batch) graph.Store {
	uri := os.Getenv("KG_TEST_NEO4J_URI")
	if uri == "" {
		return nil
	}
	ctx := context.Background()
	s, err := neo4j.Open(ctx, neo4j.Config{URI: uri, Username: "neo4j", Password: os.Getenv("KG_TEST_NEO4J_PASSWORD"), Database: "neo4j"})
	if err != nil {
		b.Fatal(err)
	}
	if os.Getenv("KG_BENCH_NEO4J_LOADED") == "" {
		if err := s.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		if err := s.ApplySchema(ctx); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := s.Write(ctx, batch()); err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded Neo4j in %v", time.Since(start))
	}
	return s
}

// BenchmarkQueries reports p50 and p95 latency of path, neighbours and entity questions over a
// generated graph, on the embedded store and (when the test Neo4j is up) on Neo4j, after a warm-up.
func BenchmarkQueries(b *testing.B) {
	o := benchOptions()
	var cached *graph.Batch
	batch := func() *graph.Batch {
		if cached == nil {
			cached = storetest.Generate(o)
		}
		return cached
	}
	stores := map[string]graph.Store{"embedded": embeddedBench(b, o, batch)}
	if n := neo4jBench(b, batch); n != nil {
		stores["neo4j"] = n
	}
	for _, name := range []string{"embedded", "neo4j"} {
		s := stores[name]
		if s == nil {
			continue
		}
		q := &query.Engine{S: s}
		people := o.Entities / 3
		r := rand.New(rand.NewSource(2))
		person := func() string { return fmt.Sprintf("person:p%07d", 3*r.Intn(people)) }
		ctx := context.Background()
		cases := map[string]func() error{
			"path": func() error {
				_, err := q.Paths(ctx, person(), person(), query.PathOptions{})
				if errors.Is(err, graph.ErrNotFound) {
					return nil
				}
				return err
			},
			"neighbours": func() error { _, err := q.Neighbours(ctx, person(), query.NeighbourOptions{}); return err },
			"entity":     func() error { _, err := q.Profile(ctx, person()); return err },
		}
		for _, c := range []string{"path", "neighbours", "entity"} {
			b.Run(name+"/"+c, func(b *testing.B) {
				for i := 0; i < 20; i++ { // warm up
					if err := cases[c](); err != nil {
						b.Fatal(err)
					}
				}
				var lat []time.Duration
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					start := time.Now()
					if err := cases[c](); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
				b.StopTimer()
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
			})
		}
		if name == "neo4j" {
			b.Run("neo4j/path-vs-cypher", func(b *testing.B) { pathVsCypher(b, q, s.(graph.CypherRunner), people) })
		}
		s.Close()
	}
}

// The direct Cypher queries kg's path question is measured against, between two entities over the
// relation types, each returning ids only: cypherShortest is Neo4j's plain shortestPath (one shortest
// path, whichever the search meets first); cypherSame gives kg's answer (all shortest paths, the
// smallest id sequence), and cypherGQL the same with the GQL ALL SHORTEST form of Neo4j 5.
var (
	cypherShortest = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:` + strings.Join(relTypeNames(), "|") + `*..` + strconv.Itoa(graph.DefaultMaxHops) + `]-(b))
RETURN [n IN nodes(p) | n.id] AS ids`
	cypherSame = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:` + strings.Join(relTypeNames(), "|") + `*..` + strconv.Itoa(graph.DefaultMaxHops) + `]-(b))
WITH [n IN nodes(p) | n.id] AS ids ORDER BY ids LIMIT 1
RETURN ids`
	cypherGQL = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[:` + strings.Join(relTypeNames(), "|") + `]-{1,` + strconv.Itoa(graph.DefaultMaxHops) + `}(b)
WITH [n IN nodes(p) | n.id] AS ids ORDER BY ids LIMIT 1
RETURN ids`
)

func relTypeNames() []string {
	var out []string
	for _, t := range graph.RelTypes {
		out = append(out, string(t))
	}
	return out
}

// pathVsCypher asks kg's path question and the direct Cypher queries for the same pairs, in turn in
// one run, and reports their latencies and kg's ratio to each: p50-ratio-same against the query that
// gives the same answer, p50-ratio against plain shortestPath. It fails when a direct query that
// gives kg's answer gives another.
func pathVsCypher(b *testing.B, q *query.Engine, c graph.CypherRunner, people int) {
	ctx := context.Background()
	r := rand.New(rand.NewSource(3))
	person := func() string { return fmt.Sprintf("person:p%07d", 3*r.Intn(people)) }
	forms := []struct {
		name, q string
		same    bool // gives kg's answer
	}{{"cypher", cypherShortest, false}, {"same", cypherSame, true}, {"gql", cypherGQL, true}}
	kg := []time.Duration{}
	lat := make([][]time.Duration, len(forms))
	run := func(keep bool) {
		from, to := person(), person()
		start := time.Now()
		ps, err := q.Paths(ctx, from, to, query.PathOptions{})
		took := time.Since(start)
		if err != nil && !errors.Is(err, graph.ErrNotFound) {
			b.Fatal(err)
		}
		var want []string
		if err == nil {
			for _, n := range ps[0].Nodes {
				want = append(want, n.ID)
			}
		}
		if keep {
			kg = append(kg, took)
		}
		for i, f := range forms {
			start := time.Now()
			_, rows, err := c.Cypher(ctx, f.q, map[string]any{"from": from, "to": to}, false)
			if err != nil {
				b.Fatal(err)
			}
			if keep {
				lat[i] = append(lat[i], time.Since(start))
			}
			if f.same && from != to {
				var got []string
				if len(rows) > 0 {
					for _, id := range rows[0][0].([]any) {
						got = append(got, id.(string))
					}
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					b.Fatalf("%s -> %s: %s gives %v, kg %v", from, to, f.name, got, want)
				}
			}
		}
	}
	for i := 0; i < 20; i++ {
		run(false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run(true)
	}
	b.StopTimer()
	p := func(lat []time.Duration, q int) float64 {
		sorted := append([]time.Duration{}, lat...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		return float64(sorted[len(sorted)*q/100].Microseconds()) / 1000
	}
	b.ReportMetric(p(kg, 50), "kg-p50-ms")
	b.ReportMetric(p(kg, 95), "kg-p95-ms")
	for i, f := range forms {
		b.ReportMetric(p(lat[i], 50), f.name+"-p50-ms")
		b.ReportMetric(p(lat[i], 95), f.name+"-p95-ms")
	}
	b.ReportMetric(p(kg, 50)/p(lat[0], 50), "p50-ratio")
	b.ReportMetric(p(kg, 50)/p(lat[1], 50), "p50-ratio-same")
	b.ReportMetric(p(kg, 95)/p(lat[1], 95), "p95-ratio-same")
}
