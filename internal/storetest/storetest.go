// Package storetest is the one test suite every graph.Store must pass. Each store's tests call Run with
// a function that opens a fresh, empty store; the expected answers are computed here, independently of
// any store, from the batch the seed articles give.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
)

// Store is what the suite needs of a store: all of graph.Store, and Dump for comparing graphs.
type Store interface {
	graph.Store
	Dumper
}

// Dumper is a store the tests can read whole: every store has it, only tests use it.
type Dumper interface {
	// Dump returns the whole graph in canonical order (see graph.Canonicalize).
	Dump(ctx context.Context) (*graph.Batch, error)
}

// Open returns a fresh, empty store for one test.
type Open func(t *testing.T) Store

// SeedsDir is the repository's seeds/ folder.
func SeedsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "seeds")
}

var (
	seedOnce  sync.Once
	seedBatch *graph.Batch
	seedErr   error
)

// SeedBatch extracts the seed articles once per test binary and returns a fresh copy of the batch.
func SeedBatch(t testing.TB) *graph.Batch {
	t.Helper()
	seedOnce.Do(func() {
		res, err := load.Extract(context.Background(), load.Options{Paths: []string{SeedsDir()}})
		if err != nil {
			seedErr = err
			return
		}
		if len(res.Errors) > 0 {
			seedErr = res.Errors[0]
			return
		}
		seedBatch = res.Batch
	})
	if seedErr != nil {
		t.Fatalf("extracting the seeds: %v", seedErr)
	}
	return clone(seedBatch)
}

func clone(b *graph.Batch) *graph.Batch {
	c := &graph.Batch{
		Articles: append([]graph.Article{}, b.Articles...),
		Mentions: append([]graph.Mention{}, b.Mentions...),
	}
	for _, e := range b.Entities {
		e.Aliases = append([]string{}, e.Aliases...)
		e.Merges = append([]string{}, e.Merges...)
		c.Entities = append(c.Entities, e)
	}
	for _, r := range b.Relations {
		r.Facts = append([]graph.Fact{}, r.Facts...)
		c.Relations = append(c.Relations, r)
	}
	return c
}

// SeedBatchDated extracts the seed articles read against a publication date, as `kgload --date` does.
func SeedBatchDated(t testing.TB, date string) *graph.Batch {
	t.Helper()
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{SeedsDir()}, Ingest: ingest.Options{Published: date}})
	if err != nil {
		t.Fatalf("extracting the seeds: %v", err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("extracting the seeds: %v", res.Errors[0])
	}
	return res.Batch
}

// PathPairs are the questions the walking skeleton must answer the same way on every store. The
// second name of the last pair is looked up by a variant spelling on purpose.
var PathPairs = [][2]string{
	{"Cao Xiaolin", "Khalid Manzalawi"},
	{"Ismail Haniyeh", "Hagai Shagrir"},
	{"Zhai Jun", "Wang Kejian"},
	{"Isma’il Haniya", "Rachel Feinmesser"},
}

// Run runs the suite.
func Run(t *testing.T, open Open) {
	t.Run("SchemaTwice", func(t *testing.T) { testSchemaTwice(t, open(t)) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("FactsAccumulate", func(t *testing.T) { testFactsAccumulate(t, open(t)) })
	t.Run("Lookup", func(t *testing.T) { testLookup(t, open(t)) })
	t.Run("Paths", func(t *testing.T) { testPaths(t, open(t)) })
	t.Run("NoPath", func(t *testing.T) { testNoPath(t, open(t)) })
	t.Run("GeneratedPaths", func(t *testing.T) { testGeneratedPaths(t, open(t)) })
	t.Run("ArticlesAndRelations", func(t *testing.T) { testArticlesAndRelations(t, open(t)) })
	t.Run("UnknownAndCancelled", func(t *testing.T) { testUnknownAndCancelled(t, open(t)) })
	t.Run("MergeEntities", func(t *testing.T) { testMergeEntities(t, open(t)) })
	t.Run("SplitEntity", func(t *testing.T) { testSplitEntity(t, open(t)) })
}

// testUnknownAndCancelled asks every read for what the store does not hold (an empty answer, or a
// not-found error where one thing is asked for), and calls every method with a cancelled context
// (an error, and nothing written).
func testUnknownAndCancelled(t *testing.T, s Store) {
	ctx := context.Background()
	write(t, s, SeedBatch(t))
	before := dump(t, s)
	unknown := []string{"person:nobody"}
	if es, err := s.Lookup(ctx, unknown); err != nil || len(es) != 0 {
		t.Errorf("Lookup(unknown) = %v, %v; want none", es, err)
	}
	if ms, err := s.Mentions(ctx, "person:nobody"); err != nil || len(ms) != 0 {
		t.Errorf("Mentions(unknown) = %v, %v; want none", ms, err)
	}
	if rs, err := s.Relations(ctx, unknown, nil); err != nil || len(rs) != 0 {
		t.Errorf("Relations(unknown) = %v, %v; want none", rs, err)
	}
	if as, err := s.Articles(ctx, []string{"no-such-article"}); err != nil || len(as) != 0 {
		t.Errorf("Articles(unknown) = %v, %v; want none", as, err)
	}
	if hs, err := s.ArticleHashes(ctx, []string{"no-such-article"}); err != nil || len(hs) != 0 {
		t.Errorf("ArticleHashes(unknown) = %v, %v; want none", hs, err)
	}
	if err := s.RemoveArticles(ctx, []string{"no-such-article"}); err != nil {
		t.Errorf("RemoveArticles(unknown): %v", err)
	}
	if _, err := s.ShortestPath(ctx, "person:nobody", before.Entities[0].ID, graph.PathOptions{MaxHops: 3}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("ShortestPath(unknown) error = %v, want a not-found error", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	id := before.Entities[0].ID
	calls := map[string]func() error{
		"Write":          func() error { return s.Write(cancelled, Generate(GenOptions{Entities: 20, Relations: 30, Seed: 5})) },
		"RemoveArticles": func() error { return s.RemoveArticles(cancelled, []string{before.Articles[0].ID}) },
		"ArticleHashes":  func() error { _, err := s.ArticleHashes(cancelled, []string{before.Articles[0].ID}); return err },
		"Entities":       func() error { _, err := s.Entities(cancelled); return err },
		"Counts":         func() error { _, err := s.Counts(cancelled); return err },
		"Entity":         func() error { _, err := s.Entity(cancelled, id); return err },
		"Lookup":         func() error { _, err := s.Lookup(cancelled, []string{id}); return err },
		"FindEntities":   func() error { _, err := s.FindEntities(cancelled, before.Entities[0].Name); return err },
		"Relations":      func() error { _, err := s.Relations(cancelled, []string{id}, nil); return err },
		"Mentions":       func() error { _, err := s.Mentions(cancelled, id); return err },
		"Names":          func() error { _, err := s.Names(cancelled); return err },
		"Articles":       func() error { _, err := s.Articles(cancelled, []string{before.Articles[0].ID}); return err },
		"ShortestPath": func() error {
			_, err := s.ShortestPath(cancelled, id, before.Entities[1].ID, graph.PathOptions{MaxHops: 3})
			return err
		},
	}
	for name, call := range calls {
		if err := call(); err == nil {
			t.Errorf("%s with a cancelled context: no error", name)
		}
	}
	if after := dump(t, s); !reflect.DeepEqual(after, before) {
		t.Error("calls with a cancelled context changed the graph")
	}
}

// testArticlesAndRelations reads many articles and relations at once (more than one query's worth
// on a store that reads them in chunks), asks for unknown ids, and calls with a cancelled context.
func testArticlesAndRelations(t *testing.T, s Store) {
	ctx := context.Background()
	b := Generate(GenOptions{Entities: 700, Relations: 1200, Seed: 11})
	for i := range 1100 {
		b.Articles = append(b.Articles, graph.Article{ID: fmt.Sprintf("gen-%04d", i), Title: fmt.Sprintf("Title %d", i), Hash: "h"})
	}
	write(t, s, b)
	want := Expected(b)
	ids := []string{"no-such-article"}
	for _, a := range b.Articles {
		ids = append(ids, a.ID)
	}
	got, err := s.Articles(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want.Articles) {
		t.Errorf("Articles: %d articles, want %d (the unknown id left out, sorted by id)", len(got), len(want.Articles))
	}
	var ents []string
	for _, e := range b.Entities {
		ents = append(ents, e.ID)
	}
	rels, err := s.Relations(ctx, append(ents, "person:nobody"), nil)
	if err != nil {
		t.Fatal(err)
	}
	graph.SortRelations(want.Relations) // the order Relations gives
	if !reflect.DeepEqual(rels, want.Relations) {
		t.Errorf("Relations: %d relations, want %d with every fact", len(rels), len(want.Relations))
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Articles(cancelled, ids); err == nil {
		t.Error("Articles with a cancelled context: no error")
	}
	if _, err := s.Relations(cancelled, ents, nil); err == nil {
		t.Error("Relations with a cancelled context: no error")
	}
}

// testGeneratedPaths checks the store's shortest paths against the reference on a generated graph.
func testGeneratedPaths(t *testing.T, s Store) {
	b := Generate(GenOptions{Entities: 300, Relations: 520, Seed: 3})
	write(t, s, b)
	ref := NewReference(b)
	found := 0
	for i := 0; i < 40; i++ {
		from, to := b.Entities[(i*37)%len(b.Entities)].ID, b.Entities[(i*91+11)%len(b.Entities)].ID
		want := ref.ShortestPath(from, to, graph.DefaultMaxHops)
		p, err := s.ShortestPath(context.Background(), from, to, graph.PathOptions{})
		if want == nil {
			if !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("%s → %s: no path in the reference, store says %v", from, to, err)
			}
			continue
		}
		found++
		if err != nil {
			t.Errorf("%s → %s: %v", from, to, err)
			continue
		}
		if got := NodeIDs(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s → %s: path %v, want %v", from, to, got, want)
		}
	}
	if found < 10 {
		t.Errorf("only %d of 40 generated pairs are connected: the test graph is too sparse to test anything", found)
	}
}

func write(t *testing.T, s Store, b *graph.Batch) {
	t.Helper()
	if err := s.Write(context.Background(), b); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

func dump(t *testing.T, s Store) *graph.Batch {
	t.Helper()
	d, err := s.Dump(context.Background())
	if err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return d
}

// Expected is what a store holding b must dump: b in canonical order, without article texts.
func Expected(b *graph.Batch) *graph.Batch {
	e := clone(b)
	for i := range e.Articles {
		e.Articles[i].Text = ""
	}
	graph.Canonicalize(e)
	return e
}

func testSchemaTwice(t *testing.T, s Store) {
	for i := 0; i < 2; i++ {
		if err := s.ApplySchema(context.Background()); err != nil {
			t.Fatalf("ApplySchema #%d: %v", i+1, err)
		}
	}
}

func testRoundTrip(t *testing.T, s Store) {
	b := SeedBatch(t)
	write(t, s, b)
	got, want := dump(t, s), Expected(b)
	CompareBatches(t, got, want)
	n, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	facts := 0
	for _, r := range want.Relations {
		facts += len(r.Facts)
	}
	wantN := graph.Counts{Articles: len(want.Articles), Entities: len(want.Entities), Relations: len(want.Relations), Facts: facts, Mentions: len(want.Mentions)}
	if n != wantN {
		t.Errorf("Counts = %+v, want %+v", n, wantN)
	}
}

// CompareBatches reports the first differences between two canonical batches.
func CompareBatches(t *testing.T, got, want *graph.Batch) {
	t.Helper()
	if !reflect.DeepEqual(got.Articles, want.Articles) {
		t.Errorf("articles differ:\n got %+v\nwant %+v", got.Articles, want.Articles)
	}
	if len(got.Entities) != len(want.Entities) {
		t.Errorf("%d entities, want %d", len(got.Entities), len(want.Entities))
	}
	for i := 0; i < len(got.Entities) && i < len(want.Entities); i++ {
		if !reflect.DeepEqual(got.Entities[i], want.Entities[i]) {
			t.Errorf("entity %d: got %+v, want %+v", i, got.Entities[i], want.Entities[i])
			break
		}
	}
	if !reflect.DeepEqual(got.Mentions, want.Mentions) {
		t.Errorf("mentions differ: got %d, want %d", len(got.Mentions), len(want.Mentions))
	}
	if len(got.Relations) != len(want.Relations) {
		t.Errorf("%d relations, want %d", len(got.Relations), len(want.Relations))
	}
	for i := 0; i < len(got.Relations) && i < len(want.Relations); i++ {
		if !reflect.DeepEqual(got.Relations[i], want.Relations[i]) {
			t.Errorf("relation %d:\n got %+v\nwant %+v", i, got.Relations[i], want.Relations[i])
			break
		}
	}
}

func testIdempotent(t *testing.T, s Store) {
	ctx := context.Background()
	write(t, s, SeedBatch(t))
	n1, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d1 := dump(t, s)
	write(t, s, SeedBatch(t))
	n2, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n1 != n2 {
		t.Errorf("counts changed on the second load: %+v then %+v", n1, n2)
	}
	CompareBatches(t, dump(t, s), d1)
}

// testFactsAccumulate writes a relation, then the same relation read in another article: one edge
// with both facts, and a repeated fact is not stored twice.
func testFactsAccumulate(t *testing.T, s Store) {
	ents := []graph.Entity{{ID: "person:a-b", Name: "A B", Type: graph.Person}, {ID: "person:c-d", Name: "C D", Type: graph.Person}}
	arts := []graph.Article{{ID: "art-1", Title: "one"}, {ID: "art-2", Title: "two"}}
	f1 := graph.Fact{Article: "art-1", Evidence: "A B met C D.", Start: 0, End: 12, Date: "2024-03-17", Confidence: 0.9, Rule: "r"}
	f2 := graph.Fact{Article: "art-2", Evidence: "C D met A B.", Start: 5, End: 17, Date: "2024-03-18", Confidence: 0.8, Rule: "r"}
	write(t, s, &graph.Batch{Articles: arts[:1], Entities: ents, Relations: []graph.Relation{{Type: graph.Met, From: "person:a-b", To: "person:c-d", Facts: []graph.Fact{f1}}}})
	write(t, s, &graph.Batch{Articles: arts[1:], Entities: ents, Relations: []graph.Relation{{Type: graph.Met, From: "person:c-d", To: "person:a-b", Facts: []graph.Fact{f2}}}})
	write(t, s, &graph.Batch{Articles: arts[:1], Entities: ents, Relations: []graph.Relation{{Type: graph.Met, From: "person:a-b", To: "person:c-d", Facts: []graph.Fact{f1}}}})
	d := dump(t, s)
	if len(d.Relations) != 1 {
		t.Fatalf("%d relations, want 1 (MET is symmetric)", len(d.Relations))
	}
	r := d.Relations[0]
	if len(r.Facts) != 2 {
		t.Fatalf("%d facts, want 2: %+v", len(r.Facts), r.Facts)
	}
	if !r.Disputed() || !reflect.DeepEqual(r.Dates(), []string{"2024-03-17", "2024-03-18"}) {
		t.Errorf("dates %v disputed=%v, want both dates kept and marked as disagreeing", r.Dates(), r.Disputed())
	}
}

func find(t *testing.T, s Store, name string) graph.Entity {
	t.Helper()
	es, err := s.FindEntities(context.Background(), name)
	if err != nil {
		t.Fatalf("FindEntities(%q): %v", name, err)
	}
	if len(es) != 1 {
		t.Fatalf("FindEntities(%q) = %d entities (%+v), want 1", name, len(es), es)
	}
	return es[0]
}

func testLookup(t *testing.T, s Store) {
	write(t, s, SeedBatch(t))
	h := find(t, s, "Ismail Haniyeh")
	for _, variant := range []string{"Isma’il Haniya", "isma'il haniya", "Haniye", "ISMAIL HANIYEH"} {
		if got := find(t, s, variant); got.ID != h.ID {
			t.Errorf("%q found %s, want %s (one man, many spellings)", variant, got.ID, h.ID)
		}
	}
	why := strings.Join(h.Merges, "\n")
	if !strings.Contains(why, "Isma’il Haniya") || !strings.Contains(why, "Haniye") {
		t.Errorf("the store does not say why the spellings of %s merged: %q", h.Name, h.Merges)
	}
	if k, y := find(t, s, "Wang Kejian"), find(t, s, "Wang Yi"); k.ID == y.ID {
		t.Errorf("Wang Kejian and Wang Yi are one entity %s; they are two people", k.ID)
	}
	got, err := s.Entity(context.Background(), h.ID)
	if err != nil || !reflect.DeepEqual(got, h) {
		t.Errorf("Entity(%s) = %+v, %v; want %+v", h.ID, got, err, h)
	}
	if _, err := s.Entity(context.Background(), "person:nobody"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Entity(unknown) error = %v, want a not-found error", err)
	}
	if es, err := s.FindEntities(context.Background(), "Nobody At All"); err != nil || len(es) != 0 {
		t.Errorf("FindEntities(unknown) = %v, %v; want none", es, err)
	}
}

func testPaths(t *testing.T, s Store) {
	b := SeedBatch(t)
	write(t, s, b)
	ref := NewReference(b)
	for _, pair := range PathPairs {
		from, to := find(t, s, pair[0]), find(t, s, pair[1])
		p, err := s.ShortestPath(context.Background(), from.ID, to.ID, graph.PathOptions{})
		if err != nil {
			t.Errorf("ShortestPath(%s, %s): %v", pair[0], pair[1], err)
			continue
		}
		want := ref.ShortestPath(from.ID, to.ID, graph.DefaultMaxHops)
		if want == nil {
			t.Errorf("%s → %s: the reference finds no path, the store found %v", pair[0], pair[1], NodeIDs(p))
			continue
		}
		if got := NodeIDs(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s → %s: path %v, want %v", pair[0], pair[1], got, want)
		}
		for i, h := range p.Hops {
			if len(h.Relations) == 0 {
				t.Errorf("%s → %s: hop %d has no relation", pair[0], pair[1], i+1)
			}
			for _, r := range h.Relations {
				if len(r.Facts) == 0 || r.Facts[0].Evidence == "" {
					t.Errorf("%s → %s: hop %d relation %s has no evidence", pair[0], pair[1], i+1, r.Type)
				}
			}
		}
	}
}

func testNoPath(t *testing.T, s Store) {
	ents := []graph.Entity{{ID: "person:x", Name: "X", Type: graph.Person}, {ID: "person:y", Name: "Y", Type: graph.Person}}
	write(t, s, &graph.Batch{Entities: ents})
	_, err := s.ShortestPath(context.Background(), "person:x", "person:y", graph.PathOptions{})
	if !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("ShortestPath between unconnected entities: error %v, want not found", err)
	}
}

// NodeIDs lists a path's entity ids.
func NodeIDs(p *graph.Path) []string {
	var ids []string
	for _, n := range p.Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

// Reference answers path questions over an in-memory batch by enumerating every shortest path and
// keeping the one whose id sequence sorts first: the contract both stores implement.
type Reference struct {
	adj map[string][]string
}

// NewReference indexes a batch.
func NewReference(b *graph.Batch) *Reference {
	r := &Reference{adj: map[string][]string{}}
	seen := map[[2]string]bool{}
	for _, rel := range b.Relations {
		for _, e := range [][2]string{{rel.From, rel.To}, {rel.To, rel.From}} {
			if !seen[e] {
				seen[e] = true
				r.adj[e[0]] = append(r.adj[e[0]], e[1])
			}
		}
	}
	return r
}

// ShortestPath returns the chosen shortest path's ids, or nil.
func (r *Reference) ShortestPath(from, to string, maxHops int) []string {
	var best []string
	frontier := [][]string{{from}}
	for depth := 0; depth <= maxHops && len(frontier) > 0 && best == nil; depth++ {
		var next [][]string
		for _, p := range frontier {
			last := p[len(p)-1]
			if last == to {
				if best == nil || graph.LessIDs(p, best) {
					best = p
				}
				continue
			}
			for _, n := range r.adj[last] {
				if contains(p, n) {
					continue
				}
				q := append(append([]string{}, p...), n)
				next = append(next, q)
			}
		}
		if best == nil {
			frontier = next
		}
	}
	return best
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
