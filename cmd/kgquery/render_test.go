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

// TestCitations: a JSON Lines article is cited by its id, not "file.jsonl:line"; the same sentence
// from two copies of a story is shown once, citing both; a known entity with no facts of the kind
// asked is told apart from an unknown name.
func TestCitations(t *testing.T) {
	ev := "Ana Lopes met Ivo Marek in Lima on Monday."
	b := &graph.Batch{
		Articles: []graph.Article{
			{ID: "wire-17", Title: "Talks", Source: "/data/news.jsonl:3", Hash: "h1"},
			{ID: "wire-17-copy", Title: "Talks", Source: "/data/news.jsonl:9", Hash: "h2"},
		},
		Entities: []graph.Entity{{ID: "person:ana-lopes", Name: "Ana Lopes", Type: graph.Person},
			{ID: "person:ivo-marek", Name: "Ivo Marek", Type: graph.Person}},
		Mentions: []graph.Mention{{Entity: "person:ana-lopes", Article: "wire-17", Count: 1}, {Entity: "person:ivo-marek", Article: "wire-17", Count: 1}},
		Relations: []graph.Relation{{Type: graph.Met, From: "person:ana-lopes", To: "person:ivo-marek", Facts: []graph.Fact{
			{Article: "wire-17", Evidence: ev, Start: 10, End: 52, Confidence: 0.9, Rule: "r"},
			{Article: "wire-17-copy", Evidence: ev, Start: 10, End: 52, Confidence: 0.9, Rule: "r"}}}},
	}
	db, _ := seededDB(t, b)
	code, out, errs := runTTY(true, "--db", db, "path", "Ana Lopes", "Ivo Marek")
	if code != exitOK {
		t.Fatalf("path: exit %d: %s", code, errs)
	}
	if strings.Count(out, ev) != 1 || !strings.Contains(out, "— wire-17; wire-17-copy") || strings.Contains(out, "jsonl") {
		t.Errorf("the sentence of two copies should be shown once, citing both ids:\n%s", out)
	}
	code, out, errs = runTTY(true, "--db", db, "neighbours", "Ana Lopes", "--types", "VISITED")
	if code != exitOK || !strings.Contains(out, "Ana Lopes is in the graph, but has no relations of the kinds asked") {
		t.Errorf("a known name without visits: exit %d:\n%s%s", code, out, errs)
	}
	code, _, errs = runTTY(true, "--db", db, "neighbours", "Nobody Known", "--types", "VISITED")
	if code != exitFailure || !strings.Contains(errs, "no entity named") {
		t.Errorf("an unknown name: exit %d: %s", code, errs)
	}
}
