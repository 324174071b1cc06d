package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/export"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// TestExportImportsIntoNeo4j writes the seeds as neo4j-admin files, imports them with `kgload --bulk`,
// which runs the real `neo4j-admin database import` (the launcher's Neo4j jars) on files equal to
// those `kgload export` writes, starts Neo4j on the result and requires the graph a load through the
// driver gives.
func TestExportImportsIntoNeo4j(t *testing.T) {
	if testing.Short() {
		t.Skip("starts its own Neo4j")
	}
	cp := launcherClasspath(t)
	out := filepath.Join(t.TempDir(), "csv")
	if r := runCLI(t, "", "export", "--format", "neo4j-admin", "--date", "2024-03-19", out, storetest.SeedsDir()); r.code != exitOK {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	b := make([]byte, 12)
	rand.Read(b)
	srv := &testServer{t: t, dir: t.TempDir(), port: freePort(t), password: hex.EncodeToString(b)}
	home := filepath.Join(srv.dir, "data")
	os.MkdirAll(filepath.Join(home, "conf"), 0o755)
	os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), nil, 0o644)
	t.Setenv("NEO4J_HOME", home)
	t.Setenv("NEO4J_CONF", filepath.Join(home, "conf"))
	kept := filepath.Join(t.TempDir(), "bulk")
	// neo4j-admin writes its import.report into the working folder: a scratch one, not the source tree
	t.Chdir(t.TempDir())
	r := runCLI(t, "", "--bulk", "--neo4j-admin", "java -cp "+cp+" org.neo4j.cli.AdminTool", "--bulk-dir", kept,
		"--neo4j-database", "neo4j", "--date", "2024-03-19", storetest.SeedsDir())
	if r.code != exitOK || !strings.Contains(r.stderr, "database import") || !strings.Contains(r.stdout, "kgload schema") {
		t.Fatalf("kgload --bulk: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, f := range export.Files {
		a, _ := os.ReadFile(filepath.Join(out, f))
		b, _ := os.ReadFile(filepath.Join(kept, f))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s: --bulk imported other files than kgload export writes", f)
		}
	}
	srv.start()
	defer srv.stop()
	ctx := context.Background()
	n, err := neo4j.Open(ctx, neo4j.Config{URI: fmt.Sprintf("bolt://127.0.0.1:%d", srv.port), Username: "neo4j", Password: srv.password, Database: "neo4j"})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	got, err := n.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if r := runCLI(t, "", "--db", db, "--date", "2024-03-19", storetest.SeedsDir()); r.code != exitOK {
		t.Fatalf("load: exit %d: %s", r.code, r.stderr)
	}
	want := dumpFile(t, db)
	if len(want.Relations) < 10 {
		t.Fatalf("the seeds gave only %d relations", len(want.Relations))
	}
	storetest.CompareBatches(t, got, want)
}

// TestBulkWithoutAdminTool asks for --bulk where the admin tool is missing: kgload says so and loads
// through the driver.
func TestBulkWithoutAdminTool(t *testing.T) {
	cfg := neo4jtest.Config(t)
	s := neo4jtest.Open(t) // empties the server
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	r := runCLI(t, "", "--bulk", "--neo4j-admin", filepath.Join(t.TempDir(), "no-neo4j-admin"),
		"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--date", "2024-03-19", storetest.SeedsDir())
	if r.code != exitOK || !strings.Contains(r.stderr, "not available") || !strings.Contains(r.stderr, "through the driver") {
		t.Fatalf("--bulk without the admin tool: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	n, err := s.Counts(context.Background())
	if err != nil || n.Articles != 5 || n.Relations == 0 {
		t.Errorf("after the driver load: %+v, %v", n, err)
	}
	// a second --bulk finds the database full and refuses, even with the tool at hand
	r = runCLI(t, "", "--bulk", "--neo4j-admin", os.Args[0], "--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, storetest.SeedsDir())
	if r.code == exitOK || !strings.Contains(r.stderr, "empty database") {
		t.Errorf("--bulk into a full database: exit %d: %s", r.code, r.stderr)
	}
}
