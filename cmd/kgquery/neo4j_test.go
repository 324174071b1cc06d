package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/neo4j"
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
	// also through a routing URI and a named database, as a cluster or Aura deployment is reached:
	// kgquery's reads go in read transactions, which a cluster routes to its readers
	routing := "neo4j" + uri[strings.Index(uri, "://"):]
	for _, conn := range [][]string{{"--neo4j-uri", uri}, {"--neo4j-uri", routing, "--neo4j-database", "neo4j"}} {
		for _, pair := range storetest.PathPairs {
			for _, format := range []string{"table", "json"} {
				c1, embedded, e1 := runCLI("--db", db, "path", pair[0], pair[1], "--format", format)
				c2, onNeo4j, e2 := runCLI(append(conn, "--neo4j-username", user, "path", pair[0], pair[1], "--format", format)...)
				if c1 != exitOK || c2 != exitOK {
					t.Fatalf("%v %v: exit %d (%s) and %d (%s)", conn, pair, c1, e1, c2, e2)
				}
				if embedded != onNeo4j {
					t.Errorf("%v %v --format %s differs:\n--- embedded\n%s\n--- neo4j\n%s", conn, pair, format, embedded, onNeo4j)
				}
			}
		}
	}
}

// schemaNames lists the constraints and indexes of the test Neo4j (the lookup indexes Neo4j keeps
// on its own left out).
func schemaNames(t *testing.T, s *neo4j.Store) []string {
	t.Helper()
	_, rows, err := s.Cypher(context.Background(), `SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name`, nil, true) // SHOW is refused without write rights
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r[0].(string))
	}
	return out
}

// TestQueryWithoutSchemaWritesNothing drops the schema, and checks that kgquery still answers as the
// embedded store does and leaves the schema absent: kgquery never writes, only kgload applies it.
func TestQueryWithoutSchemaWritesNothing(t *testing.T) {
	cfg := neo4jtest.Config(t)
	ctx := context.Background()
	s := neo4jtest.Open(t)
	t.Cleanup(func() { s.ApplySchema(ctx) }) // leave the server as the other tests expect it
	_, rows, err := s.Cypher(ctx, `SHOW CONSTRAINTS YIELD name RETURN name`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if _, _, err := s.Cypher(ctx, `DROP CONSTRAINT $name`, map[string]any{"name": r[0]}, true); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range schemaNames(t, s) {
		if _, _, err := s.Cypher(ctx, `DROP INDEX $name`, map[string]any{"name": name}, true); err != nil {
			t.Fatal(err)
		}
	}
	if got := schemaNames(t, s); len(got) != 0 {
		t.Fatalf("schema left after dropping it: %v", got)
	}
	if err := s.Write(ctx, storetest.SeedBatch(t)); err != nil {
		t.Fatal(err)
	}
	db, _ := seededDB(t, storetest.SeedBatch(t))
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	for _, q := range [][]string{{"path", storetest.PathPairs[0][0], storetest.PathPairs[0][1]}, {"search", storetest.PathPairs[0][0]}} {
		c1, embedded, e1 := runCLI(append([]string{"--db", db, "--format", "json"}, q...)...)
		c2, onNeo4j, e2 := runCLI(append([]string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--format", "json"}, q...)...)
		if c1 != exitOK || c2 != exitOK || embedded != onNeo4j {
			t.Errorf("%v without the schema: exit %d (%s) and %d (%s):\n%s\n%s", q, c1, e1, c2, e2, embedded, onNeo4j)
		}
	}
	if got := schemaNames(t, s); len(got) != 0 {
		t.Errorf("kgquery created schema: %v", got)
	}
}
