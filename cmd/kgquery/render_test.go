package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
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

// citationTitle is longer than a terminal citation shows.
const citationTitle = "Talks in Lima end without a deal after a long night of argument over tariffs"

// citationBatch holds one meeting said by two copies of a story (JSON Lines records with the same
// title and date), by another story in the same words whose id sorts between them, and by a file
// that has neither title nor date.
func citationBatch() (*graph.Batch, string) {
	ev := "Ana Lopes met Ivo Marek in Lima on Monday."
	return &graph.Batch{
		Articles: []graph.Article{
			{ID: "wire-17", Title: citationTitle, Published: "2024-03-11", Source: "/data/news.jsonl:3", Hash: "h1"},
			{ID: "wire-17-copy", Title: citationTitle, Published: "2024-03-11", Source: "/data/news.jsonl:9", Hash: "h2"},
			{ID: "notes-3", Source: "/data/x-notes.txt", Hash: "h3"},
			{ID: "wire-17-b", Title: "Lima talks", Published: "2024-03-12", Source: "/data/news.jsonl:12", Hash: "h4"},
		},
		Entities: []graph.Entity{{ID: "person:ana-lopes", Name: "Ana Lopes", Type: graph.Person},
			{ID: "person:ivo-marek", Name: "Ivo Marek", Type: graph.Person}},
		Mentions: []graph.Mention{{Entity: "person:ana-lopes", Article: "wire-17", Count: 1}, {Entity: "person:ivo-marek", Article: "wire-17", Count: 1},
			{Entity: "person:ana-lopes", Article: "notes-3", Count: 2}},
		Relations: []graph.Relation{{Type: graph.Met, From: "person:ana-lopes", To: "person:ivo-marek", Facts: []graph.Fact{
			{Article: "wire-17", Evidence: ev, Date: "2024-03-10", Start: 10, End: 52, Confidence: 0.9, Rule: "r"},
			{Article: "wire-17-copy", Evidence: ev, Date: "2024-03-10", Start: 10, End: 52, Confidence: 0.9, Rule: "r"},
			{Article: "wire-17-b", Evidence: ev, Date: "2024-03-10", Start: 10, End: 52, Confidence: 0.9, Rule: "r"},
			{Article: "notes-3", Evidence: "Lopes and Marek talked.", Start: 0, End: 23, Confidence: 0.8, Rule: "r"}}}},
	}, ev
}

// TestCitations: evidence cites its article by id (not "file.jsonl:line"), title and date, on the
// embedded store (TestCitationsOnNeo4j: on Neo4j).
func TestCitations(t *testing.T) {
	b, ev := citationBatch()
	db, _ := seededDB(t, b)
	checkCitations(t, []string{"--db", db}, ev)
	// a known entity with no facts of the kind asked is told apart from an unknown name
	code, out, errs := runTTY(true, "--db", db, "neighbours", "Ana Lopes", "--types", "VISITED")
	if code != exitOK || !strings.Contains(out, "Ana Lopes is in the graph, but has no relations of the kinds asked") {
		t.Errorf("a known name without visits: exit %d:\n%s%s", code, out, errs)
	}
	code, _, errs = runTTY(true, "--db", db, "neighbours", "Nobody Known", "--types", "VISITED")
	if code != exitFailure || !strings.Contains(errs, "no entity named") {
		t.Errorf("an unknown name: exit %d: %s", code, errs)
	}
}

func TestCitationsOnNeo4j(t *testing.T) {
	cfg := neo4jConfig(t)
	b, ev := citationBatch()
	loadNeo4j(t, cfg, b)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	checkCitations(t, []string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username}, ev)
}

// checkCitations: on a terminal, the title is shortened and the date shown, the sentence of two
// copies is shown once citing both together (and the other story with it apart), an article without title or date is cited by name alone; JSON
// and CSV give the whole title and the date.
func checkCitations(t *testing.T, conn []string, ev string) {
	t.Helper()
	run := func(tty bool, args ...string) string {
		t.Helper()
		code, out, errs := runTTY(tty, append(append([]string{}, conn...), args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return out
	}
	short := "“Talks in Lima end without a deal after a long night of…” (2024-03-11)"
	for _, q := range [][]string{{"path", "Ana Lopes", "Ivo Marek"}, {"entity", "Ana Lopes"}, {"neighbours", "Ana Lopes", "--format", "table"}} {
		out := run(true, q...)
		if q[0] == "neighbours" {
			if strings.Contains(out, "jsonl") {
				t.Errorf("%v cites a file and line:\n%s", q, out)
			}
			continue // the terminal table leaves sources to the other formats
		}
		if strings.Count(out, ev) != 1 || !strings.Contains(out, "— wire-17, wire-17-copy "+short+" · dates it 2024-03-10; wire-17-b “Lima talks” (2024-03-12) · dates it 2024-03-10\n") ||
			!strings.Contains(out, "— x-notes.txt\n") || strings.Contains(out, citationTitle) || strings.Contains(out, "jsonl") {
			t.Errorf("%v: the sentence of two copies should be shown once, citing both ids with the shortened title and date, and x-notes.txt by name alone:\n%s", q, out)
		}
	}
	out := run(true, "timeline", "Ana Lopes") // (the undated sentence of a dated meeting is left out of a timeline)
	if strings.Count(out, ev) != 1 || !strings.Contains(out, "” — wire-17, wire-17-copy "+short+"; wire-17-b “Lima talks” (2024-03-12)\n") {
		t.Errorf("timeline: the sentence of two copies should be shown once, citing both:\n%s", out)
	}
	var p pathView
	if err := json.Unmarshal([]byte(run(false, "path", "Ana Lopes", "Ivo Marek", "--format", "json")), &p); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range p.Hops[0].Relations[0].Facts {
		got[f.Source] = f.Title + "|" + f.Published
	}
	want := map[string]string{"wire-17": citationTitle + "|2024-03-11", "wire-17-copy": citationTitle + "|2024-03-11", "x-notes.txt": "|", "wire-17-b": "Lima talks|2024-03-12"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("JSON facts cite %v, want %v", got, want)
	}
	rows, err := csv.NewReader(strings.NewReader(run(false, "neighbours", "Ana Lopes", "--format", "csv"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v %q", err, rows)
	}
	n := len(rows[0])
	if n < 3 || strings.Join(rows[0][n-3:], ",") != "source,source title,source date" ||
		strings.Join(rows[1][n-3:], "|") != "wire-17|"+citationTitle+"|2024-03-11" {
		t.Errorf("csv should cite the first article in full:\n%q", rows)
	}
}
