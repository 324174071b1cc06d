package export

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
)

func TestAdminCSV(t *testing.T) {
	dir := t.TempDir()
	b := &graph.Batch{
		Articles: []graph.Article{{ID: "a1", Title: "T", Hash: "h", Extra: map[string]string{"desk": "world"}}, {ID: "a2"}},
		Entities: []graph.Entity{{ID: "person:x-y", Name: "X Y", Type: graph.Person, Aliases: []string{"Y"}}, {ID: "place:z", Name: "Z", Type: graph.Place}},
		Mentions: []graph.Mention{{Entity: "person:x-y", Article: "a1", Count: 2}},
		Relations: []graph.Relation{{Type: graph.Visited, From: "person:x-y", To: "place:z", Facts: []graph.Fact{
			{Article: "a1", Evidence: "X Y visited Z; then, \"home\".\nNext line.", Start: 0, End: 40, Date: "2024-03-01", Confidence: 0.8, Rule: "r"},
			{Article: "a2", Evidence: "Y went to Z.", Start: 5, End: 17, Confidence: 0.9, Rule: "r"}}}},
	}
	if err := AdminCSV(dir, b); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	arts := read("articles.csv")
	if arts[0][len(arts[0])-1] != "meta_desk" || arts[1][len(arts[1])-1] != "world" {
		t.Errorf("articles.csv does not carry the extra field: %v", arts)
	}
	ents := read("entities.csv")
	if ents[1][6] != "Entity"+ArrayDelimiter+"Person" {
		t.Errorf("labels %q", ents[1][6])
	}
	rels := read("relations.csv")
	if len(rels) != 2 {
		t.Fatalf("%d relation rows, want 1 and a header", len(rels)-1)
	}
	r := rels[1]
	if ev := strings.Split(r[8], ArrayDelimiter); len(ev) != 2 || !strings.Contains(ev[0], "\nNext line.") {
		t.Errorf("evidence list %q", r[8])
	}
	if r[15] != "0.9" || r[16] != "2024-03-01" {
		t.Errorf("summary confidence %q and date %q", r[15], r[16])
	}
	if !strings.Contains(Command(dir, "neo4j"), "--multiline-fields=true") {
		t.Error("the import command must allow multi-line fields")
	}
}

// AdminCSV writes b into dir as neo4j-admin import files.
func AdminCSV(dir string, b *graph.Batch) error {
	w, err := NewWriter(dir)
	if err != nil {
		return err
	}
	if err := w.Write(b); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
