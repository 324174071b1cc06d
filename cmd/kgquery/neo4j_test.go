package main

import (
	"context"
	"testing"

	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// TestPathSameOnNeo4j runs `kgquery path` on the test Neo4j and on the embedded store, loaded with the
// same seeds, and requires identical output in every format. It reaches Neo4j only through the
// test-only KG_TEST_NEO4J_* variables (scripts/test.sh sets them).
func TestPathSameOnNeo4j(t *testing.T) {
	cfg := neo4jtest.Config(t)
	uri, user, password := cfg.URI, cfg.Username, cfg.Password
	ctx := context.Background()
	s := neo4jtest.Open(t)
	if err := s.Write(ctx, storetest.SeedBatch(t)); err != nil {
		t.Fatal(err)
	}
	db, _ := seededDB(t, storetest.SeedBatch(t))
	t.Setenv("NEO4J_PASSWORD", password) // the flag's variable, as a user would set it
	for _, pair := range storetest.PathPairs {
		for _, format := range []string{"table", "json"} {
			c1, embedded, e1 := runCLI("--db", db, "path", pair[0], pair[1], "--format", format)
			c2, onNeo4j, e2 := runCLI("--neo4j-uri", uri, "--neo4j-username", user, "path", pair[0], pair[1], "--format", format)
			if c1 != exitOK || c2 != exitOK {
				t.Fatalf("%v: exit %d (%s) and %d (%s)", pair, c1, e1, c2, e2)
			}
			if embedded != onNeo4j {
				t.Errorf("%v --format %s differs:\n--- embedded\n%s\n--- neo4j\n%s", pair, format, embedded, onNeo4j)
			}
		}
	}
}
