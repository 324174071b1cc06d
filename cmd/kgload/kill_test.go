package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// TestMain lets the test binary stand in for kgload in child processes (signal tests), and removes
// the kgload built with the test hooks (kgtestBinary) after the tests.
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_BE_KGLOAD") != "" {
		main()
		return
	}
	code := m.Run()
	if hooked.dir != "" {
		os.RemoveAll(hooked.dir)
	}
	os.Exit(code)
}

// hooked is kgload built with the test-only hooks, once per test binary.
var hooked struct {
	once      sync.Once
	dir, path string
	err       error
}

// kgtestBinary builds kgload with -tags kgtest, which adds the test-only hooks KG_TEST_KILL_AT and
// KG_TEST_STEP_DELAY (hooks_kgtest.go), and returns its path.
func kgtestBinary(t *testing.T) string {
	t.Helper()
	hooked.once.Do(func() {
		if hooked.dir, hooked.err = os.MkdirTemp("", "kgload-kgtest-"); hooked.err != nil {
			return
		}
		hooked.path = filepath.Join(hooked.dir, "kgload")
		out, err := exec.Command("go", "build", "-tags", "kgtest", "-o", hooked.path, ".").CombinedOutput()
		if err != nil {
			hooked.err = fmt.Errorf("go build -tags kgtest: %v\n%s", err, out)
		}
	})
	if hooked.err != nil {
		t.Fatal(hooked.err)
	}
	return hooked.path
}

// kgloadProcess runs kgload, built with the test hooks, in a child process and reports whether it
// was killed.
func kgloadProcess(t *testing.T, env []string, args ...string) (killed bool, out string) {
	t.Helper()
	cmd := exec.Command(kgtestBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	b, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, string(b)
		}
		t.Fatalf("kgload %v: %v\n%s", args, err, b)
	}
	if err != nil {
		t.Fatalf("kgload %v: %v\n%s", args, err, b)
	}
	return false, string(b)
}

// killCorpus is the seeds and generated articles, as files.
func killCorpus(t *testing.T) string {
	dir := copySeeds(t)
	for _, a := range storetest.GenerateArticles(18, 5) {
		os.WriteFile(filepath.Join(dir, a.ID+".txt"), []byte(a.Text), 0o644)
	}
	var b strings.Builder
	for _, a := range storetest.GenerateArticles(24, 6)[18:] {
		line, _ := json.Marshal(map[string]string{"id": "j-" + a.ID, "text": a.Text, "published": a.Published})
		b.Write(line)
		b.WriteByte('\n')
	}
	os.WriteFile(filepath.Join(dir, "more.jsonl"), []byte(b.String()), 0o644)
	return dir
}

func canonical(t *testing.T, d *graph.Batch) string {
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// killAndRerun kills a load at the given steps, reruns it each time with the same arguments, and
// compares the result with a clean load.
func killAndRerun(t *testing.T, storeArgs func(t *testing.T) ([]string, func() *graph.Batch), points []int) {
	in := killCorpus(t)
	// small batches, and Neo4j writes gathered over a few of them, so that a load has many points
	// to be killed at, some with gathered rows not yet sent
	args := []string{"--date", "2024-03-19", "--batch-size", "3", "--write-rows", "60", in}

	cleanArgs, cleanDump := storeArgs(t)
	if killed, out := kgloadProcess(t, nil, append(cleanArgs, args...)...); killed {
		t.Fatalf("the clean load was killed: %s", out)
	}
	wantDump := cleanDump()
	want := canonical(t, wantDump)

	kills := 0
	for _, at := range points {
		sArgs, sDump := storeArgs(t)
		killed, _ := kgloadProcess(t, []string{fmt.Sprintf("KG_TEST_KILL_AT=%d", at)}, append(sArgs, args...)...)
		if !killed {
			continue // the load has fewer points than this
		}
		kills++
		if again, out := kgloadProcess(t, nil, append(sArgs, args...)...); again {
			t.Fatalf("the rerun was killed: %s", out)
		}
		if got := sDump(); canonical(t, got) != want {
			t.Errorf("killed at point %d and run again: the graph differs from a clean load", at)
			storetest.CompareBatches(t, got, wantDump)
		}
	}
	if kills < 10 {
		t.Errorf("only %d loads were killed; the test needs at least 10 kill points", kills)
	}
}

func TestKillAndRerunEmbedded(t *testing.T) {
	killAndRerun(t, func(t *testing.T) ([]string, func() *graph.Batch) {
		db := filepath.Join(t.TempDir(), "kg.db")
		return []string{"--db", db}, func() *graph.Batch { return dumpFile(t, db) }
	}, []int{1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 16, 20})
}

func TestKillAndRerunNeo4j(t *testing.T) {
	cfg := neo4jtest.Config(t)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	killAndRerun(t, func(t *testing.T) ([]string, func() *graph.Batch) {
		s := neo4jtest.Open(t) // empties the server
		return []string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username}, func() *graph.Batch {
			d, err := s.Dump(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	}, []int{1, 2, 3, 5, 8, 13, 17, 23, 31, 40, 52, 65})
}

// TestNoHooksWithoutTag runs kgload as built without -tags kgtest (this test binary) with the kill
// hook's variable set: it must load to the end, since the hooks are not in kgload itself.
func TestNoHooksWithoutTag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	cmd := exec.Command(os.Args[0], "--db", db, "--date", "2024-03-19", storetest.SeedsDir())
	cmd.Env = append(os.Environ(), "KG_TEST_BE_KGLOAD=1", "KG_TEST_KILL_AT=1", "KG_TEST_STEP_DELAY=1ms")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("kgload with KG_TEST_KILL_AT=1 and no kgtest tag: %v\n%s", err, out)
	}
	if n := counts(t, db); n.Articles != 5 {
		t.Errorf("%d articles stored, want the 5 seeds", n.Articles)
	}
}
