package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/export"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/storetest"
)

// TestExportBatchesEqualLoad exports a corpus a few articles at a time, so that entities and
// relations recur across batches, and requires the files to hold exactly the graph a load with the
// same batches stores: each entity and relation once, with the facts of every batch.
func TestExportBatchesEqualLoad(t *testing.T) {
	in := filepath.Join(storetest.SeedsDir(), "..", "testdata", "gold-news", "news-dev.jsonl")
	dir := filepath.Join(t.TempDir(), "csv")
	if r := runCLI(t, "", "export", "--format", "neo4j-admin", "--batch-size", "5", dir, in); r.code != exitOK {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if r := runCLI(t, "", "--db", db, "--batch-size", "5", in); r.code != exitOK {
		t.Fatalf("load: exit %d: %s", r.code, r.stderr)
	}
	want := dumpFile(t, db)
	if len(want.Articles) < 30 || len(want.Relations) < 50 {
		t.Fatalf("the corpus gave only %d articles and %d relations", len(want.Articles), len(want.Relations))
	}
	got := readAdminCSV(t, dir)
	graph.Canonicalize(got)
	storetest.CompareBatches(t, got, want)
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("scratch files left behind: %v", left)
	}
}

// readAdminCSV reads neo4j-admin import files back into a batch.
func readAdminCSV(t *testing.T, dir string) *graph.Batch {
	t.Helper()
	read := func(name string) ([]string, [][]string) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		return rows[0], rows[1:]
	}
	list := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, export.ArrayDelimiter)
	}
	b := &graph.Batch{}
	_, ents := read("entities.csv")
	for _, r := range ents {
		b.Entities = append(b.Entities, graph.Entity{ID: r[0], Name: r[1], Type: graph.EntityType(r[2]), Aliases: list(r[3]), Merges: list(r[5])})
	}
	head, arts := read("articles.csv")
	for _, r := range arts {
		a := graph.Article{ID: r[0], Title: r[1], URL: r[2], Published: r[3], Source: r[4], Hash: r[5]}
		for i := 7; i < len(head); i++ {
			if r[i] != "" {
				if a.Extra == nil {
					a.Extra = map[string]string{}
				}
				a.Extra[strings.TrimPrefix(head[i], "meta_")] = r[i]
			}
		}
		b.Articles = append(b.Articles, a)
	}
	_, ments := read("mentions.csv")
	for _, r := range ments {
		n, _ := strconv.Atoi(r[2])
		m := graph.Mention{Entity: r[0], Article: r[1], Count: n, Names: list(r[4])}
		if r[5] != "" {
			m.Signs = []graph.EntityType{}
			for _, x := range list(r[5]) {
				if t := graph.EntityType(x); t != graph.NoSigns {
					m.Signs = append(m.Signs, t)
				}
			}
		}
		b.Mentions = append(b.Mentions, m)
	}
	_, rels := read("relations.csv")
	for _, r := range rels {
		rel := graph.Relation{From: r[0], To: r[1], Type: graph.RelType(r[2]), Title: r[4], Status: r[5]}
		n := len(strings.Split(r[6], export.ArrayDelimiter))
		field := func(i int) []string { return strings.SplitN(r[i], export.ArrayDelimiter, n) }
		arts, ev, starts, ends, dates, places, confs, rules := field(7), field(8), field(9), field(10), field(11), field(12), field(13), field(14)
		for i := range n {
			f := graph.Fact{Article: arts[i], Evidence: ev[i], Date: dates[i], Place: places[i], Rule: rules[i]}
			f.Start, _ = strconv.Atoi(starts[i])
			f.End, _ = strconv.Atoi(ends[i])
			f.Confidence, _ = strconv.ParseFloat(confs[i], 64)
			rel.Facts = append(rel.Facts, f)
		}
		b.Relations = append(b.Relations, rel)
	}
	return b
}
