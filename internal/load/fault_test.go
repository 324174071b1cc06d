package load_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
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

// perArticle counts the mentions and facts of each article in a dump.
func perArticle(d *graph.Batch) map[string][2]int {
	out := map[string][2]int{}
	for _, a := range d.Articles {
		out[a.ID] = [2]int{}
	}
	for _, m := range d.Mentions {
		c := out[m.Article]
		c[0]++
		out[m.Article] = c
	}
	for _, r := range d.Relations {
		for _, f := range r.Facts {
			c := out[f.Article]
			c[1]++
			out[f.Article] = c
		}
	}
	return out
}

func idArticles(prefix string, n int, seed int64) []graph.Article {
	arts := storetest.GenerateArticles(n, seed)
	for i := range arts {
		arts[i].ID = fmt.Sprintf("%s-%d", prefix, i)
	}
	return arts
}

// TestSoakConcurrentLoadsOnNeo4j: one load, another that reloads changed articles again and again, and
// queries, all at once on one Neo4j. Afterwards nothing is lost: every article is stored with its hash
// (a rerun stores nothing) and holds the mentions and facts a clean load of the final inputs gives.
func TestSoakConcurrentLoadsOnNeo4j(t *testing.T) {
	neo4jtest.Open(t) // empties the test server
	dir := t.TempDir()
	fa, fb1, fb2 := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b1.jsonl"), filepath.Join(dir, "b2.jsonl")
	writeJSONL(t, fa, idArticles("a", 60, 101))
	writeJSONL(t, fb1, idArticles("b", 40, 202))
	writeJSONL(t, fb2, idArticles("b", 40, 303)) // the same ids, changed texts
	stores := make([]*neo4j.Store, 3)
	for i := range stores {
		s, err := neo4j.Open(context.Background(), neo4jtest.Config(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // bounded
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	loadFile := func(s graph.Store, f string) {
		sum, err := load.Load(ctx, s, opts([]string{f}, 5))
		if err == nil && len(sum.Errors) > 0 {
			err = sum.Errors[0]
		}
		if err != nil {
			errs <- fmt.Errorf("load %s: %w", filepath.Base(f), err)
		}
	}
	wg.Add(2)
	go func() { defer wg.Done(); loadFile(stores[0], fa) }()
	go func() {
		defer wg.Done()
		for _, f := range []string{fb1, fb2, fb1, fb2} {
			loadFile(stores[1], f)
		}
	}()
	loadsDone := make(chan struct{})
	go func() { wg.Wait(); close(loadsDone) }()
	queries := queryUntil(ctx, stores[2], loadsDone, errs)
	<-loadsDone
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	checkNothingLost(t, stores[0], fa, fb2)
	t.Logf("%d query rounds ran during the loads", queries)
}

// queryUntil queries s (counts, entities, a shortest path) round after round until done is closed
// or a query fails (its error sent to errs), and returns the rounds run.
func queryUntil(ctx context.Context, s graph.Store, done <-chan struct{}, errs chan<- error) int {
	queries := 0
	for stop := false; !stop; {
		select {
		case <-done:
			stop = true
		default:
		}
		if _, err := s.Counts(ctx); err != nil {
			errs <- fmt.Errorf("query: %w", err)
			break
		}
		es, err := s.Entities(ctx)
		if err != nil {
			errs <- fmt.Errorf("query: %w", err)
			break
		}
		if len(es) >= 2 {
			_, err := s.ShortestPath(ctx, es[0].ID, es[len(es)-1].ID, graph.PathOptions{MaxHops: 4})
			if err != nil && !errors.Is(err, graph.ErrNotFound) {
				errs <- fmt.Errorf("query: %w", err)
				break
			}
		}
		queries++
	}
	return queries
}

// checkNothingLost: after the soak, every article of the final inputs is stored with its hash (a
// rerun stores nothing) and holds the mentions and facts a clean load of them gives.
func checkNothingLost(t *testing.T, s *neo4j.Store, final ...string) {
	t.Helper()
	for _, f := range final {
		if sum := mustLoad(t, s, opts([]string{f}, 5)); sum.Stored != 0 {
			t.Errorf("rerun of %s stored %d articles: their hashes were missing", filepath.Base(f), sum.Stored)
		}
	}
	clean := openSQLite(t)
	mustLoad(t, clean, opts(final, 5))
	got, want := perArticle(dump(t, s)), perArticle(dump(t, clean))
	if len(got) != 100 || len(want) != 100 {
		t.Fatalf("%d articles after the soak, %d in a clean load; want 100", len(got), len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %d mentions and %d facts after the soak, %d and %d in a clean load", id, got[id][0], got[id][1], w[0], w[1])
		}
	}
}
