package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/storetest"
)

// testServer is a Neo4j of this test's own, started from the launcher scripts/test.sh builds, so that
// the test can stop and restart it.
type testServer struct {
	t        *testing.T
	dir      string
	port     int
	password string
	cmd      *exec.Cmd
	exited   chan struct{}
}

func launcherClasspath(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "testenv", "neo4j", "target")
	if _, err := os.Stat(filepath.Join(root, "classes", "kgtest", "TestServer.class")); err != nil {
		if os.Getenv("KG_TEST_NEO4J_REQUIRED") != "" {
			t.Fatalf("the Neo4j test launcher is not built (%v); scripts/test.sh builds it", err)
		}
		t.Skip("the Neo4j test launcher is not built: run scripts/test.sh")
	}
	return filepath.Join(root, "classes") + string(os.PathListSeparator) + filepath.Join(root, "lib", "*")
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (s *testServer) start() {
	s.t.Helper()
	portFile := filepath.Join(s.dir, "port")
	os.Remove(portFile)
	s.cmd = exec.Command("java", "-Xmx1g", "-cp", launcherClasspath(s.t), "kgtest.TestServer",
		filepath.Join(s.dir, "data"), portFile, fmt.Sprint(s.port))
	s.cmd.Env = append(os.Environ(), "KG_TEST_NEO4J_PASSWORD="+s.password)
	log, _ := os.Create(filepath.Join(s.dir, "server.log"))
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	exited := make(chan struct{})
	go func(c *exec.Cmd) { c.Wait(); close(exited) }(s.cmd)
	s.exited = exited
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(portFile); err == nil {
			return
		}
		select {
		case <-exited:
			deadline = time.Now()
		case <-time.After(200 * time.Millisecond):
		}
	}
	b, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
	s.t.Fatalf("the test Neo4j did not start:\n%s", b)
}

func (s *testServer) stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.exited
	}
	s.cmd = nil
}

// TestNeo4jRestartDuringLoad restarts the server while kgload writes to it: the load waits, retries,
// completes, and the graph equals a clean load's.
func TestNeo4jRestartDuringLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts its own Neo4j twice")
	}
	b := make([]byte, 12)
	rand.Read(b)
	srv := &testServer{t: t, dir: t.TempDir(), port: freePort(t), password: hex.EncodeToString(b)}
	srv.start()
	defer srv.stop()
	uri := fmt.Sprintf("bolt://127.0.0.1:%d", srv.port)

	in := killCorpus(t)
	args := []string{"--date", "2024-03-19", "--batch-size", "2", in}
	done := make(chan string, 1)
	bin := kgtestBinary(t)
	go func() {
		cmd := exec.Command(bin, append([]string{"--neo4j-uri", uri}, args...)...)
		cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+srv.password, "KG_TEST_STEP_DELAY=150ms")
		out, err := cmd.CombinedOutput()
		if err != nil {
			done <- fmt.Sprintf("kgload failed: %v\n%s", err, out)
			return
		}
		done <- ""
	}()
	// the load is under way once its first articles are stored (on a busy machine starting kgload and
	// applying the schema may take longer than any fixed wait)
	watch, err := neo4j.Open(context.Background(), neo4j.Config{URI: uri, Username: "neo4j", Password: srv.password, Database: "neo4j"})
	if err != nil {
		t.Fatal(err)
	}
	for started := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		select {
		case msg := <-done:
			t.Fatalf("the load ended before the restart, so the restart tested nothing: %s", msg)
		default:
		}
		if c, err := watch.Counts(context.Background()); err == nil && c.Articles > 0 {
			break
		}
		if time.Since(started) > 3*time.Minute {
			t.Fatal("the load stored nothing within 3 minutes")
		}
	}
	watch.Close()
	srv.stop()
	time.Sleep(time.Second)
	srv.start()
	select {
	case msg := <-done:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(5 * time.Minute):
		t.Fatal("kgload did not finish")
	}

	ctx := context.Background()
	n, err := neo4j.Open(ctx, neo4j.Config{URI: uri, Username: "neo4j", Password: srv.password, Database: "neo4j"})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	got, err := n.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "clean.db")
	if killed, out := kgloadProcess(t, nil, append([]string{"--db", db}, args...)...); killed {
		t.Fatal(out)
	}
	want := dumpFile(t, db)
	if canonical(t, got) != canonical(t, want) {
		t.Error("after the restart the graph differs from a clean load")
		storetest.CompareBatches(t, got, want)
	}
}
