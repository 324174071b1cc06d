package neo4j_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// refRelations is the relation statement of the load benchmark's reference loader: every list
// written whole, once.
const refRelations = `UNWIND $rows AS row MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:MET {key: row.key}]->(b)
SET r.title = row.title, r.status = row.status, r.fact_ids = row.fact_ids, r.articles = row.articles,
    r.evidence = row.evidence, r.starts = row.starts, r.ends = row.ends, r.dates = row.dates, r.places = row.places,
    r.confidences = row.confidences, r.rules = row.rules, r.confidence = row.confidence, r.date = row.date`

func refRow(r graph.Relation) map[string]any {
	r.Normalize()
	var ids, arts, ev, dates, places, rules, starts, ends, confs []any
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
	return map[string]any{"key": r.Key(), "from": r.From, "to": r.To, "title": r.Title, "status": r.Status,
		"fact_ids": ids, "articles": arts, "evidence": ev, "starts": starts, "ends": ends, "dates": dates,
		"places": places, "confidences": confs, "rules": rules, "confidence": conf, "date": date}
}

// planStats sums a profiled plan's database hits and lists its operators.
func planStats(p driver.ProfiledPlan) (hits int64, ops []string) {
	hits = p.DbHits()
	ops = append(ops, p.Operator())
	for _, c := range p.Children() {
		h, o := planStats(c)
		hits += h
		ops = append(ops, o...)
	}
	return hits, ops
}

// BenchmarkRelationStatement profiles kg's relation statement against the reference loader's on
// the same 5,000 MET rows over a graph of 100,000 generated relations: rows for relationships not yet
// stored (a first load) and for stored ones given one more fact (a later batch naming them again).
// Each statement runs with PROFILE in a transaction that is rolled back; the log lists its
// operators, and it reports ms per statement and database hits per row.
func BenchmarkRelationStatement(b *testing.B) {
	ctx := context.Background()
	cases := relationCases(b, neo4jtest.Open(b))
	cfg := neo4jtest.Config(b)
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer drv.Close(ctx)
	statements := map[string]struct {
		q   string
		row func(graph.Relation) map[string]any
	}{
		"kg":        {neo4j.RelationStatement(graph.Met), neo4j.RelationRow},
		"reference": {refRelations, refRow},
	}
	for _, c := range []string{"new", "known"} {
		for _, name := range []string{"kg", "reference"} {
			st := statements[name]
			var rows []any
			for _, r := range cases[c] {
				rows = append(rows, st.row(r))
			}
			b.Run(c+"/"+name, func(b *testing.B) {
				var took time.Duration
				var hits int64
				var ops []string
				for i := 0; i < b.N; i++ {
					var t time.Duration
					t, hits, ops = profileStatement(b, drv, cfg.Database, st.q, rows)
					took += t
				}
				b.Logf("%s %s: %d db hits for %d rows; operators %s", c, name, hits, len(rows), strings.Join(ops, " < "))
				b.ReportMetric(float64(took.Microseconds())/1000/float64(b.N), "ms/statement")
				b.ReportMetric(float64(hits)/float64(len(rows)), "dbhits/row")
			})
		}
	}
}

// relationCases writes a graph of 100,000 generated relations to s and returns 5,000 MET rows of
// each case: "known", stored relations given one more fact, and "new", pairs the graph does not
// hold (or rarely).
func relationCases(b *testing.B, s *neo4j.Store) map[string][]graph.Relation {
	g := storetest.Generate(storetest.GenOptions{Entities: 20_000, Relations: 100_000, Articles: 5_000, Seed: 1})
	if err := s.Write(context.Background(), g); err != nil {
		b.Fatal(err)
	}
	var mets []graph.Relation
	for _, r := range g.Relations {
		if r.Type == graph.Met && r.From != r.To {
			mets = append(mets, r)
		}
	}
	const n = 5000
	if len(mets) < 2*n {
		b.Fatalf("only %d MET relations generated", len(mets))
	}
	fresh := func(r graph.Relation, article string) graph.Relation {
		r.Facts = append([]graph.Fact{}, r.Facts...)
		for i := range r.Facts {
			r.Facts[i].Article = article
		}
		return r
	}
	cases := map[string][]graph.Relation{}
	for i := 0; i < n; i++ {
		r := fresh(mets[i], fmt.Sprintf("bench-known-%d", i))
		cases["known"] = append(cases["known"], r)
		r = fresh(mets[i], fmt.Sprintf("bench-new-%d", i))
		r.To = mets[n+i].To // a pair the graph does not hold (or rarely)
		cases["new"] = append(cases["new"], r)
	}
	return cases
}

// profileStatement runs q with rows under PROFILE in a write transaction it rolls back, and returns
// the time it took, its database hits and its operators.
func profileStatement(b *testing.B, drv driver.DriverWithContext, db, q string, rows []any) (time.Duration, int64, []string) {
	ctx := context.Background()
	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback(ctx)
	start := time.Now()
	res, err := tx.Run(ctx, "PROFILE "+q, map[string]any{"rows": rows})
	if err != nil {
		b.Fatal(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	hits, ops := planStats(sum.Profile())
	return took, hits, ops
}
