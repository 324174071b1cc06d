package eval_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
)

// Quality floors over testdata/gold-news: 36 real BBC (2004-05) and Reuters (1987) articles annotated by
// hand (testdata/gold-news/CONVENTIONS.md). The set is for measuring only: nothing is trained or tuned
// on single sentences of it. The floors are the level reached so far and only go up.
var newsFloors = struct {
	entity, relation, bcubed float64
	byType                   map[graph.EntityType]float64
}{
	entity:   0.88,
	relation: 0.74,
	bcubed:   0.98,
	byType:   map[graph.EntityType]float64{graph.Person: 0.915, graph.Organisation: 0.805, graph.Place: 0.91},
}

func TestQualityOnGoldNews(t *testing.T) {
	gold, err := eval.LoadGold(repoDir("testdata", "gold-news"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{repoDir("testdata", "gold-news", "news-dev.jsonl")}})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(res.Docs, res.Resolver, gold)
	var buf bytes.Buffer
	rep.Write(&buf)
	t.Log("\n" + buf.String())
	if rep.Docs != len(gold) || rep.Docs != 36 {
		t.Fatalf("scored %d articles, gold has %d (want 36)", rep.Docs, len(gold))
	}
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s = %.3f, below the floor %.3f", name, got, floor)
		}
	}
	check("entity F1", rep.Entities.F1(), newsFloors.entity)
	for typ, floor := range newsFloors.byType {
		check(string(typ)+" F1", rep.EntitiesBy[typ].F1(), floor)
	}
	check("relation F1", rep.Relations.F1(), newsFloors.relation)
	check("B-cubed F1", rep.BCubedF1(), newsFloors.bcubed)
}
