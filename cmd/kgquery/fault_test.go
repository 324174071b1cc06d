package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// TestMain lets the test binary stand in for kgquery in child processes, so that tests can signal it.
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_BE_KGQUERY") != "" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestMuteServerDoesNotHangKgquery: a Neo4j URI whose server accepts the connection and never answers
// makes kgquery fail after the connect timeout (it used to hang forever), and SIGINT or SIGTERM stop
// it before that.
func TestMuteServerDoesNotHangKgquery(t *testing.T) {
	uri := neo4jtest.MuteServer(t)
	start := time.Now()
	code, _, stderr := runCLI("--neo4j-uri", uri, "stats")
	if code != exitFailure || !strings.Contains(stderr, "no answer within") {
		t.Errorf("exit %d, stderr %q; want a failure saying the server did not answer", code, stderr)
	}
	if d := time.Since(start); d > 40*time.Second {
		t.Errorf("kgquery gave up after %s", d)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(os.Args[0], "--neo4j-uri", uri, "stats")
		cmd.Env = append(os.Environ(), "KG_TEST_BE_KGQUERY=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			if cmd.ProcessState.Success() {
				t.Errorf("%s: kgquery exited 0 after the signal", sig)
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Errorf("%s: kgquery still waits for the server 5 s after the signal", sig)
		}
	}
}

// loadSeeds loads the seeds into a new embedded database file at db with the real kgload code path
// (the store), and returns nothing: the file is there.
func loadSeeds(t *testing.T, db string) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(context.Background(), storetest.SeedBatch(t)); err != nil {
		t.Fatal(err)
	}
}

// TestMissingDatabaseIsRefused: a mistyped --db is an error naming the file, and no empty database
// appears (kgquery used to create one and print zeros).
func TestMissingDatabaseIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "no-such.db")
	code, out, stderr := runCLI("--db", db, "stats")
	if code != exitFailure || !strings.Contains(stderr, "no database file "+db) {
		t.Errorf("exit %d, stdout %q, stderr %q; want a failure naming the missing file", code, out, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("kgquery created %s", db)
	}
}

// TestDBIsAPlainPath: --db names a file, whatever characters it holds: 'a?b.db' is the file 'a?b.db',
// not 'a' (a URI query), and 'c#d.db' is not 'c' (a fragment).
func TestDBIsAPlainPath(t *testing.T) {
	for _, name := range []string{"a?b.db", "c#d.db", "e%41f.db"} {
		dir := t.TempDir()
		db := filepath.Join(dir, name)
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		entries, _ := os.ReadDir(dir)
		var files []string
		for _, e := range entries {
			files = append(files, e.Name())
		}
		if len(files) != 1 || files[0] != name {
			t.Errorf("--db %q made the files %q", name, files)
		}
		if code, _, stderr := runCLI("--db", db, "stats"); code != exitOK {
			t.Errorf("kgquery --db %q stats: exit %d: %s", name, code, stderr)
		}
	}
}

// TestReadOnlyDatabaseCanBeQueried: a kg.db the user may only read, in a folder the user may not
// write, answers queries. As root (who may write anything) the query runs as the user nobody.
func TestReadOnlyDatabaseCanBeQueried(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	loadSeeds(t, db)
	want := "articles\t5"
	var cred *syscall.Credential
	bin := os.Args[0]
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		// nobody must reach the binary and the folder
		binDir := t.TempDir()
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(binDir, "kgquery.test")
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{binDir, filepath.Dir(binDir), dir, filepath.Dir(dir)} {
			os.Chmod(d, 0o755)
		}
	}
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	cmd := exec.Command(bin, "--db", db, "stats")
	cmd.Env = append(os.Environ(), "KG_TEST_BE_KGQUERY=1", "HOME=/")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), want) {
		t.Errorf("kgquery stats on a read-only kg.db: %v\n%s", err, out)
	}
}

// TestTerminalOutputEscapesControls: escape sequences, carriage returns and bidirectional overrides in
// article text are shown escaped in terminal output, never sent to the terminal raw.
func TestTerminalOutputEscapesControls(t *testing.T) {
	evil := "Ana \x1b[2J\x1b]0;owned\x07Lopes\r\u202e met"
	b := &graph.Batch{
		Articles: []graph.Article{{ID: "a1", Title: "T\x1b[31m", Hash: "h"}},
		Entities: []graph.Entity{{ID: "person:ana-lopes", Name: "Ana Lopes", Type: graph.Person},
			{ID: "person:ivo-marek", Name: "Ivo Marek", Type: graph.Person}},
		Mentions: []graph.Mention{{Entity: "person:ana-lopes", Article: "a1", Count: 1}, {Entity: "person:ivo-marek", Article: "a1", Count: 1}},
		Relations: []graph.Relation{{Type: graph.Met, From: "person:ana-lopes", To: "person:ivo-marek",
			Facts: []graph.Fact{{Article: "a1", Evidence: evil + " Ivo Marek.", Confidence: 0.9}}}},
	}
	db, _ := seededDB(t, b)
	for _, args := range [][]string{{"path", "Ana Lopes", "Ivo Marek"}, {"neighbours", "Ana Lopes"}, {"entity", "Ana Lopes"}} {
		code, out, stderr := runTTY(true, append([]string{"--db", db}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
			t.Errorf("%v: raw control characters reach the terminal: %q", args, out)
		}
		if args[0] != "neighbours" && !strings.Contains(out, `\x1b[2J`) { // neighbours shows no evidence
			t.Errorf("%v: the escape sequence is not shown escaped: %q", args, out)
		}
	}
}
