//go:build kgtest

package main

import (
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/kgnews/kg/internal/graph"
)

// testHooks (in a binary built with -tags kgtest, which only tests build) returns, when a test-only variable asks for it, the step function a load calls at every
// point where it can be cut short (between batches, and between a Neo4j load's statements):
// KG_TEST_KILL_AT=N kills the process with SIGKILL at the N-th point, KG_TEST_STEP_DELAY=D pauses D
// at each, so that tests can kill a load or restart its server while it runs. It returns nil when
// neither is set.
func testHooks(store graph.Store) func() {
	killAt, _ := strconv.Atoi(os.Getenv("KG_TEST_KILL_AT"))
	delay, _ := time.ParseDuration(os.Getenv("KG_TEST_STEP_DELAY"))
	if killAt <= 0 && delay <= 0 {
		return nil
	}
	var steps atomic.Int64 // a Neo4j store also steps from its background write
	step := func() {
		if steps.Add(1) == int64(killAt) {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
		time.Sleep(delay)
	}
	if h, ok := store.(interface{ SetStepHook(func()) }); ok {
		h.SetStepHook(step)
	}
	return step
}
