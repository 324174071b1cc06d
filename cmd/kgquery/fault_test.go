package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
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
