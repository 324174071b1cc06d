// Package neo4jtest connects tests to the test Neo4j that scripts/test.sh starts, through the
// test-only KG_TEST_NEO4J_* variables, never through a user's NEO4J_* settings.
package neo4jtest

import (
	"context"
	"os"
	"testing"

	"github.com/kgnews/kg/internal/neo4j"
)

// Config returns the test Neo4j's settings. Without KG_TEST_NEO4J_URI the test is skipped, or fails
// when KG_TEST_NEO4J_REQUIRED says the server should be there.
func Config(t testing.TB) neo4j.Config {
	t.Helper()
	uri := os.Getenv("KG_TEST_NEO4J_URI")
	if uri == "" {
		if os.Getenv("KG_TEST_NEO4J_REQUIRED") != "" {
			t.Fatal("KG_TEST_NEO4J_URI is not set but KG_TEST_NEO4J_REQUIRED is: the test Neo4j did not start")
		}
		t.Skip("Neo4j tests skipped: KG_TEST_NEO4J_URI is not set (scripts/test.sh starts a test Neo4j and sets it)")
	}
	user := os.Getenv("KG_TEST_NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	return neo4j.Config{URI: uri, Username: user, Password: os.Getenv("KG_TEST_NEO4J_PASSWORD"), Database: "neo4j"}
}

// Open connects to the test Neo4j, empties it and applies the schema.
func Open(t testing.TB) *neo4j.Store {
	t.Helper()
	ctx := context.Background()
	s, err := neo4j.Open(ctx, Config(t))
	if err != nil {
		t.Fatalf("opening the test Neo4j: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
