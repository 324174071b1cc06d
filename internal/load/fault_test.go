package load_test

import (
	"context"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/storetest"
)

// TestRetryForGivesUpOnTime: when Neo4j stops answering during a load, the load gives up near
// --retry-for (here 8 s), not minutes later (15 s used to take 185 s).
func TestRetryForGivesUpOnTime(t *testing.T) {
	neo4jtest.Open(t) // empties the test server
	cfg := neo4jtest.Config(t)
	p := neo4jtest.NewProxy(t, cfg.URI)
	const retryFor = 8 * time.Second
	cfg.URI, cfg.ConnectTimeout, cfg.RetryFor = p.URI(), 2*time.Second, retryFor
	s, err := neo4j.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p.Mute() // the server hangs from now on
	start := time.Now()
	_, err = load.Load(context.Background(), s, load.LoadOptions{Options: load.Options{Paths: []string{storetest.SeedsDir()}}, RetryFor: retryFor})
	took := time.Since(start)
	if err == nil {
		t.Fatal("a load into a server that never answers succeeded")
	}
	if took < retryFor-time.Second || took > retryFor+10*time.Second {
		t.Errorf("gave up after %s with a retry time of %s: %v", took.Round(time.Second), retryFor, err)
	}
	t.Logf("gave up after %s: %v", took.Round(100*time.Millisecond), err)
}
