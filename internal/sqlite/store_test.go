package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

func open(t *testing.T) storetest.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestReopen checks that the file keeps the graph across processes' worth of open and close.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "kg.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	b := storetest.SeedBatch(t)
	if err := s.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	storetest.CompareBatches(t, d, storetest.Expected(b))
}

// TestOlderFileGainsMentionNames opens a file written before mentions kept their spellings and
// signs (no names or signs column): it opens, its mentions read with no spellings and signs not
// known (nil), and new mentions keep theirs, none (empty) included.
func TestOlderFileGainsMentionNames(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
			published TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '')`,
		`CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL)`,
		`CREATE TABLE mentions (entity TEXT NOT NULL REFERENCES entities(id), article TEXT NOT NULL REFERENCES articles(id),
			count INTEGER NOT NULL, PRIMARY KEY (entity, article))`,
		`INSERT INTO articles(id) VALUES ('a1'), ('a2')`,
		`INSERT INTO entities VALUES ('person:ada-okafor', 'Ada Okafor', 'Person')`,
		`INSERT INTO mentions VALUES ('person:ada-okafor', 'a1', 2)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(ctx, &graph.Batch{Mentions: []graph.Mention{{Entity: "person:ada-okafor", Article: "a2", Count: 1, Names: []string{"Ada Okafor", "Okafor"},
		Signs: []graph.EntityType{graph.Person}}}}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Mentions(ctx, "person:ada-okafor")
	if err != nil || len(ms) != 2 || ms[0].Names != nil || !slices.Equal(ms[1].Names, []string{"Ada Okafor", "Okafor"}) {
		t.Fatalf("mentions: %+v, %v; want a1 with no spellings, a2 with its two", ms, err)
	}
	if ms[0].Signs != nil || !slices.Equal(ms[1].Signs, []graph.EntityType{graph.Person}) {
		t.Fatalf("signs: %q, %q; want a1's not known, a2's Person", ms[0].Signs, ms[1].Signs)
	}
	if err := s.Write(ctx, &graph.Batch{Mentions: []graph.Mention{{Entity: "person:ada-okafor", Article: "a1", Count: 2, Signs: []graph.EntityType{}}}}); err != nil {
		t.Fatal(err)
	}
	if ms, err = s.Mentions(ctx, "person:ada-okafor"); err != nil || ms[0].Signs == nil || len(ms[0].Signs) != 0 {
		t.Fatalf("a1 written again with no signs: %+v, %v; want its signs known and empty", ms, err)
	}
}
