package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// seededDB writes a batch into a new embedded database file and returns the file.
func seededDB(t *testing.T, b *graph.Batch) (string, *graph.Batch) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return db, b
}

func runCLI(args ...string) (int, string, string) { return runTTY(false, args...) }

// runTTY runs kgquery as if its output went to a terminal (tty) or a pipe.
func runTTY(tty bool, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"kgquery"}, args...), strings.NewReader(""), &out, &errb, tty)
	return code, out.String(), errb.String()
}

func TestPathJSONMatchesReference(t *testing.T) {
	db, b := seededDB(t, storetest.SeedBatch(t))
	ref := storetest.NewReference(b)
	for _, pair := range storetest.PathPairs {
		code, out, errs := runCLI("--db", db, "path", pair[0], pair[1], "--format", "json")
		if code != exitOK {
			t.Fatalf("path %q %q: exit %d: %s", pair[0], pair[1], code, errs)
		}
		var v pathView
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		ids := []string{v.From.ID}
		for _, h := range v.Hops {
			ids = append(ids, h.To.ID)
			for _, r := range h.Relations {
				for _, f := range r.Facts {
					if f.Evidence == "" || f.Source == "" {
						t.Errorf("%v: a fact without evidence or source: %+v", pair, f)
					}
				}
			}
		}
		want := ref.ShortestPath(v.From.ID, v.To.ID, graph.DefaultMaxHops)
		if strings.Join(ids, " ") != strings.Join(want, " ") || v.Length != len(want)-1 {
			t.Errorf("%v: path %v (length %d), want %v", pair, ids, v.Length, want)
		}
	}
}

func TestPathTableShowsEvidence(t *testing.T) {
	db, _ := seededDB(t, storetest.SeedBatch(t))
	code, out, errs := runTTY(true, "--db", db, "path", "Cao Xiaolin", "Khalid Manzalawi")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "Cao Xiaolin → Khalid Manzalawi: ") {
		t.Errorf("table does not open with the question:\n%s", out)
	}
	if !strings.Contains(out, "“") || !strings.Contains(out, ".txt") {
		t.Errorf("table shows no evidence sentence with its article:\n%s", out)
	}
}

func TestUnknownAndBadArguments(t *testing.T) {
	db, _ := seededDB(t, storetest.SeedBatch(t))
	if code, _, errs := runCLI("--db", db, "path", "Nobody Known", "Cao Xiaolin"); code != exitFailure || !strings.Contains(errs, "no entity named") {
		t.Errorf("unknown name: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := runCLI("--db", db, "path", "Cao Xiaolin"); code != exitUsage {
		t.Errorf("one argument: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI("--db", db, "path", "--types", "LIKED", "A", "B"); code != exitUsage {
		t.Errorf("bad --types: exit %d, want %d", code, exitUsage)
	}
}
