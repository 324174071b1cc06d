package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// longText is one article of at least n bytes with a recurring titled person (invented names).
func longText(n int) string {
	var b strings.Builder
	b.WriteString("Talks in Lima\n\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Foreign Minister Ana Lopes met Trade Minister Ivo Marek in Lima on Monday, round %d. ", i)
		b.WriteString("Lopes said the talks were useful, and the minister later visited Quito.\n\n")
	}
	return b.String()
}

// startChild starts the test binary as kgload (see TestMain) with its output gathered in out.
func startChild(t *testing.T, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "KG_TEST_BE_KGLOAD=1"), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// waitExit waits at most d for the process to end; it kills it and fails the test when it does not.
func waitExit(t *testing.T, cmd *exec.Cmd, d time.Duration, what string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s: still running %s after the signal", what, d)
		return nil
	}
}

// TestSignalStopsExtractionMidArticle: SIGINT or SIGTERM while kgload extracts one very long article
// stops it within seconds (it used to run to the end of the batch, minutes later), says it was
// interrupted, and exits 1 with nothing half-stored.
func TestSignalStopsExtractionMidArticle(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(in, []byte(longText(20<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			cmd, out := startChild(t, nil, "--db", db, in)
			time.Sleep(3 * time.Second) // reading, then well into extraction
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := waitExit(t, cmd, 15*time.Second, "kgload extracting 20 MB")
			if code := cmd.ProcessState.ExitCode(); code != exitFailure {
				t.Errorf("exit %d (%v), want %d\n%s", code, err, exitFailure, out)
			}
			if !strings.Contains(out.String(), "interrupted") {
				t.Errorf("output does not say the load was interrupted:\n%s", out)
			}
			if c := counts(t, db); c.Articles != 0 {
				t.Errorf("%d articles stored from an interrupted extraction, want 0", c.Articles)
			}
		})
	}
}

// TestMuteServerDoesNotHangKgload: a Neo4j URI whose server accepts the connection and never answers
// makes kgload fail after the connect timeout, and a signal stops it before that.
func TestMuteServerDoesNotHangKgload(t *testing.T) {
	uri := neo4jtest.MuteServer(t)
	start := time.Now()
	r := runCLI(t, "", "--neo4j-uri", uri, storetest.SeedsDir())
	if r.code != exitFailure || !strings.Contains(r.stderr, "no answer within") {
		t.Errorf("exit %d, stderr %q; want a failure saying the server did not answer", r.code, r.stderr)
	}
	if d := time.Since(start); d > 40*time.Second {
		t.Errorf("kgload gave up after %s", d)
	}
	cmd, out := startChild(t, nil, "--neo4j-uri", uri, storetest.SeedsDir())
	time.Sleep(time.Second)
	cmd.Process.Signal(syscall.SIGINT)
	waitExit(t, cmd, 5*time.Second, "kgload waiting for a server that never answers")
	if cmd.ProcessState.Success() {
		t.Errorf("kgload exited 0 after SIGINT:\n%s", out)
	}
}
