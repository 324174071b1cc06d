package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// failingReads is a store whose name and article reads fail, as a server going away between the
// question and the drawing would.
type failingReads struct{ graph.Store }

var errGone = errors.New("the store went away")

func (failingReads) Lookup(context.Context, []string) (map[string]graph.Entity, error) {
	return nil, errGone
}
func (failingReads) Articles(context.Context, []string) ([]graph.Article, error) { return nil, errGone }
func (failingReads) Entity(context.Context, string) (graph.Entity, error) {
	return graph.Entity{}, errGone
}

// TestAnswersReadBeforeDrawing: the names and articles an answer cites are read before it is drawn,
// and a failed read is the command's error, not ids printed in place of names.
func TestAnswersReadBeforeDrawing(t *testing.T) {
	db, _ := seededDB(t, storetest.SeedBatchDated(t, "2024-03-19"))
	s, err := sqlite.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var out bytes.Buffer
	if err := answerNeighbours(ctx, &query.Engine{S: s}, &out, "tsv", "Wang Kejian", query.NeighbourOptions{Direction: query.Both}, "", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Ismail Haniyeh") || strings.Contains(out.String(), "person:") {
		t.Fatalf("neighbours on the working store:\n%s", out.String())
	}
	q := &query.Engine{S: failingReads{s}}
	for name, answer := range map[string]func() error{
		"neighbours": func() error {
			return answerNeighbours(ctx, q, &out, "tsv", "Wang Kejian", query.NeighbourOptions{Direction: query.Both}, "", "")
		},
		"path": func() error {
			return answerPath(ctx, q, &out, "tsv", "Cao Xiaolin", "Khalid Manzalawi", query.PathOptions{})
		},
		"common": func() error { return answerCommon(ctx, q, &out, "tsv", "Cao Xiaolin", "Wang Kejian", nil) },
		"entity": func() error { return answerEntity(ctx, q, &out, "tsv", "Wang Kejian") },
	} {
		out.Reset()
		if err := answer(); !errors.Is(err, errGone) {
			t.Errorf("%s with failing reads: err %v, output %q", name, err, out.String())
		}
	}
}
