package eval_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
)

func repoDir(parts ...string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(file), "..", ".."}, parts...)...)
}

// Quality floors over the labelled seed articles. They are the level reached so far and only go up.
const (
	floorEntityF1   = 0.86
	floorRelationF1 = 0.87
	floorTypeF1     = 0.83
	floorDates      = 0.07 // the seeds carry no publication date: relative dates stay unresolved
	floorBCubedF1   = 0.98
)

func TestQualityOnSeeds(t *testing.T) {
	gold, err := eval.LoadGold(repoDir("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{repoDir("seeds")}})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(res.Docs, res.Resolver, gold)
	var buf bytes.Buffer
	rep.Write(&buf)
	t.Log("\n" + buf.String())
	if os.Getenv("KG_EVAL_VERBOSE") != "" {
		for _, s := range rep.FalseNegative {
			t.Log("missed: " + s)
		}
		for _, s := range rep.FalsePositive {
			t.Log("wrong:  " + s)
		}
	}
	if rep.Docs != len(gold) {
		t.Fatalf("scored %d articles, gold has %d", rep.Docs, len(gold))
	}
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s = %.3f, below the floor %.3f", name, got, floor)
		}
	}
	check("entity F1", rep.Entities.F1(), floorEntityF1)
	check("relation F1", rep.Relations.F1(), floorRelationF1)
	for _, rt := range graph.RelTypes {
		check(string(rt)+" F1", rep.RelationsBy[rt].F1(), floorTypeF1)
	}
	check("date accuracy", rep.DateAccuracy(), floorDates)
	check("B-cubed F1", rep.BCubedF1(), floorBCubedF1)
}
