package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/storetest"
)

// TestExportImportsIntoNeo4j writes the seeds as neo4j-admin files, imports them with the real
// `neo4j-admin database import` (the launcher's Neo4j jars), starts Neo4j on the result and requires
// the graph a load through the driver gives.
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
	imp := exec.Command("java", "-cp", cp, "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
		`--array-delimiter=U+001F`, "--multiline-fields=true",
		"--nodes="+filepath.Join(out, "entities.csv"), "--nodes="+filepath.Join(out, "articles.csv"),
		"--relationships="+filepath.Join(out, "mentions.csv"), "--relationships="+filepath.Join(out, "relations.csv"))
	imp.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	if b, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-admin database import: %v\n%s", err, b)
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
