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
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
)

func repoDir(parts ...string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(file), "..", ".."}, parts...)...)
}

// Quality floors over the labelled seed articles. They are the level reached so far and only go up.
const (
	floorEntityF1   = 0.95
	floorRelationF1 = 0.94
	floorTypeF1     = 0.91
	floorDates      = 0.92
	floorBCubedF1   = 0.99
)

// seedDate is the date the seed batch is read against, as a user gives it with --date: the seed files
// carry no publication date, and their gold dates are resolved against the statement of Tuesday
// 19 March 2024 that the articles report (see testdata/gold/README.md).
const seedDate = "2024-03-19"

// floorDatesUndated holds the date score when no date is given: relative dates must stay empty
// rather than be guessed, so it can only be as high as the absolute dates with a year allow.
const (
	floorDatesUndated = 0.07
)

func TestQualityOnSeeds(t *testing.T) {
	gold, err := eval.LoadGold(repoDir("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{repoDir("seeds")}, Ingest: ingest.Options{Published: seedDate}})
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

	undated, err := load.Extract(context.Background(), load.Options{Paths: []string{repoDir("seeds")}})
	if err != nil {
		t.Fatal(err)
	}
	check("date accuracy without --date", eval.Score(undated.Docs, undated.Resolver, gold).DateAccuracy(), floorDatesUndated)
}
