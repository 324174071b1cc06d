package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

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
