package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// routingConfig is the test Neo4j reached through a routing URI (neo4j://), as a cluster or Aura
// is, with the database named: the driver asks the server for its routing table and sends writes
// to the leader, reads to the readers (on the single test server, both are that server).
func routingConfig(t *testing.T) neo4j.Config {
	cfg := neo4jtest.Config(t)
	if i := strings.Index(cfg.URI, "://"); i >= 0 {
		cfg.URI = "neo4j" + cfg.URI[i:]
	}
	cfg.Database = "neo4j"
	return cfg
}

// TestLoadThroughRoutingURI loads the seeds through a neo4j:// URI and a named database, schema
// included, and checks that the graph is the one the embedded store holds after the same load.
func TestLoadThroughRoutingURI(t *testing.T) {
	cfg := routingConfig(t)
	neo4jtest.Open(t) // empties the server
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	in := copySeeds(t)
	conn := []string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--neo4j-database", cfg.Database}
	if r := runCLI(t, "", append(append(conn, "--date", "2024-03-19"), in)...); r.code != exitOK {
		t.Fatalf("load through %s: exit %d: %s", cfg.URI, r.code, r.stderr)
	}
	if r := runCLI(t, "", append([]string{"schema"}, conn...)...); r.code != exitOK || !strings.Contains(r.stdout, "neo4j://") {
		t.Fatalf("kgload schema through %s: exit %d: %s%s", cfg.URI, r.code, r.stdout, r.stderr)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if r := runCLI(t, "", "--db", db, "--date", "2024-03-19", in); r.code != exitOK {
		t.Fatalf("embedded load: exit %d: %s", r.code, r.stderr)
	}
	ctx := context.Background()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Relations) == 0 {
		t.Fatal("nothing loaded through the routing URI")
	}
	storetest.CompareBatches(t, got, dumpFile(t, db))
	// a read goes in a read transaction, which refuses to write: a cluster may send it to a reader
	if _, _, err := s.Cypher(ctx, "CREATE (:Scratch)", nil, false); err == nil {
		t.Error("a write in a read transaction through the routing URI succeeded")
	}
}

// TestUnknownDatabase names a database the server does not have: one line that names it.
func TestUnknownDatabase(t *testing.T) {
	cfg := routingConfig(t)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	r := runCLI(t, "", "--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--neo4j-database", "nosuchdb", copySeeds(t))
	if r.code == exitOK || !strings.Contains(r.stderr, "nosuchdb") {
		t.Errorf("load into a missing database: exit %d, %q", r.code, r.stderr)
	}
}
