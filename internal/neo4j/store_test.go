package neo4j_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

func open(t *testing.T) storetest.Store { return neo4jtest.Open(t) }

func config(t *testing.T) neo4j.Config { return neo4jtest.Config(t) }

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestSameAsEmbedded loads the seeds into Neo4j and into the embedded store and checks that both hold
// the same graph and give the same paths.
func TestSameAsEmbedded(t *testing.T) {
	ctx := context.Background()
	n := open(t)
	e, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	b := storetest.SeedBatch(t)
	for _, s := range []graph.Store{n, e} {
		if err := s.Write(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	dn, err := n.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	de, err := e.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	storetest.CompareBatches(t, dn, de)
	for _, pair := range storetest.PathPairs {
		var got [2]*graph.Path
		for i, s := range []graph.Store{n, e} {
			from, err := s.FindEntities(ctx, pair[0])
			if err != nil || len(from) != 1 {
				t.Fatalf("FindEntities(%q) = %v, %v", pair[0], from, err)
			}
			to, err := s.FindEntities(ctx, pair[1])
			if err != nil || len(to) != 1 {
				t.Fatalf("FindEntities(%q) = %v, %v", pair[1], to, err)
			}
			if got[i], err = s.ShortestPath(ctx, from[0].ID, to[0].ID, graph.PathOptions{}); err != nil {
				t.Fatalf("ShortestPath(%s, %s): %v", pair[0], pair[1], err)
			}
		}
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("%s → %s differs:\n neo4j    %v\n embedded %v", pair[0], pair[1], storetest.NodeIDs(got[0]), storetest.NodeIDs(got[1]))
		}
	}
}

func TestWrongPassword(t *testing.T) {
	cfg := config(t)
	cfg.Password = "not-the-password"
	_, err := neo4j.Open(context.Background(), cfg)
	if err == nil {
		t.Fatal("Open with a wrong password succeeded")
	}
	if got := err.Error(); cfg.Password != "" && contains(got, cfg.Password) {
		t.Errorf("error message shows the password: %s", got)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
