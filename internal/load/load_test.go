package load_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// corpus writes the seeds and generated articles into one folder and returns the files in order.
func corpus(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join(storetest.SeedsDir(), "*.txt"))
	var files []string
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, filepath.Base(p))
		os.WriteFile(f, data, 0o644)
		files = append(files, f)
	}
	arts := storetest.GenerateArticles(25, 11)
	for _, a := range arts[:15] {
		f := filepath.Join(dir, a.ID+".txt")
		os.WriteFile(f, []byte(a.Text), 0o644)
		files = append(files, f)
	}
	// the rest as JSON Lines with ids, in two files
	for i, part := range [][]graph.Article{arts[15:20], arts[20:]} {
		f := filepath.Join(dir, fmt.Sprintf("batch-%d.jsonl", i))
		writeJSONL(t, f, part)
		files = append(files, f)
	}
	return files
}

func writeJSONL(t *testing.T, path string, arts []graph.Article) {
	t.Helper()
	var b strings.Builder
	for _, a := range arts {
		line, _ := json.Marshal(map[string]any{"id": a.ID, "title": a.Title, "published": a.Published, "text": a.Text, "desk": "generated"})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func opts(paths []string, batch int) load.LoadOptions {
	return load.LoadOptions{Options: load.Options{Paths: paths, Ingest: ingest.Options{Published: "2024-03-19"}}, BatchSize: batch}
}

func mustLoad(t *testing.T, s graph.Store, o load.LoadOptions) *load.Summary {
	t.Helper()
	sum, err := load.Load(context.Background(), s, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Errors) > 0 {
		t.Fatalf("load errors: %v", sum.Errors)
	}
	return sum
}

func dump(t *testing.T, s graph.Store) *graph.Batch {
	t.Helper()
	d, err := s.(storetest.Dumper).Dump(context.Background()) // every store can dump
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func openSQLite(t *testing.T) graph.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// threeBatches loads the corpus in one go into one store and in three consecutive batches into
// another, and requires the same graph.
func threeBatches(t *testing.T, single, multi graph.Store) {
	files := corpus(t)
	mustLoad(t, single, opts(files, 1000))
	third := len(files) / 3
	for _, part := range [][]string{files[:third], files[third : 2*third], files[2*third:]} {
		mustLoad(t, multi, opts(part, 4))
	}
	want := dump(t, single)
	if len(want.Entities) < 50 || len(want.Relations) < 40 {
		t.Fatalf("the corpus gave only %d entities and %d relations: too little to compare", len(want.Entities), len(want.Relations))
	}
	storetest.CompareBatches(t, dump(t, multi), want)
}

func TestThreeBatchesEqualOne(t *testing.T) {
	t.Run("embedded", func(t *testing.T) { threeBatches(t, openSQLite(t), openSQLite(t)) })
	t.Run("neo4j", func(t *testing.T) {
		n := neo4jtest.Open(t)
		threeBatches(t, openSQLite(t), n) // the same graph as the embedded single batch
	})
}

// TestReloadAndChange loads twice (nothing changes), then changes one article: its facts are
// replaced and nobody else's.
func TestReloadAndChange(t *testing.T) {
	for name, open := range map[string]func(*testing.T) graph.Store{
		"embedded": openSQLite,
		"neo4j":    func(t *testing.T) graph.Store { return neo4jtest.Open(t) },
	} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			files := corpus(t)
			n := mustLoad(t, s, opts(files, 7)).Read
			first := dump(t, s)
			sum := mustLoad(t, s, opts(files, 7))
			if sum.Unchanged != n || sum.Stored != 0 {
				t.Errorf("second load: %d unchanged, %d stored; want all unchanged", sum.Unchanged, sum.Stored)
			}
			storetest.CompareBatches(t, dump(t, s), first)

			// change one article that has an id: its new text replaces its old facts
			last := files[len(files)-1]
			arts := storetest.GenerateArticles(25, 11)[20:]
			arts[2].Text = "Talks in Lima\n\nOn May 2, Zofia Wrobel met with Ulrich Brandt in Lima.\n"
			writeJSONL(t, last, arts)
			sum = mustLoad(t, s, opts(files, 7))
			if sum.Replaced != 1 {
				t.Errorf("%d articles replaced, want 1", sum.Replaced)
			}
			// the graph now equals a clean load of the changed corpus
			clean := openSQLite(t)
			mustLoad(t, clean, opts(files, 1000))
			storetest.CompareBatches(t, dump(t, s), dump(t, clean))
		})
	}
}
