package query

import (
	"context"
	"sort"

	"github.com/kgnews/kg/internal/graph"
)

// PathOptions choose which paths to find.
type PathOptions struct {
	MaxHops int                // longest path searched (0: graph.DefaultMaxHops)
	Types   []graph.RelType    // relation types followed (all when empty)
	Through []graph.EntityType // entity types a path may pass through (all when empty); the ends are free
	Since   string             // follow only relations with a fact dated on or after this (YYYY[-MM[-DD]])
	Until   string             // ... and on or before this
	K       int                // the K shortest paths, shortest first (0 or 1: the shortest)
	All     bool               // every shortest path
}

// maxEnumerated bounds how many paths are listed before sorting, so that a dense graph cannot make
// a question run away.
const maxEnumerated = 5000

// Paths returns the paths between two entities, shortest first; paths of equal length come in the
// order of their entity ids, compared id by id. A store that finds paths itself (graph.PathFinder:
// Neo4j) answers every question but --k; on other stores, without filters, --k or --all the store's
// own shortest-path search answers; otherwise the graph is walked here, layer by layer.
func (q *Engine) Paths(ctx context.Context, from, to string, o PathOptions) ([]*graph.Path, error) {
	if o.MaxHops <= 0 {
		o.MaxHops = graph.DefaultMaxHops
	}
	// A store that finds paths itself (Neo4j) answers everything but --k: Cypher's shortest-path
	// searches give the shortest paths, not the next longer ones, so the K shortest are walked here.
	if pf, ok := q.S.(graph.PathFinder); ok && o.K <= 1 && from != to {
		limit := 1
		if o.All {
			limit = maxEnumerated
		}
		return pf.ShortestPaths(ctx, graph.PathQuery{From: from, To: to, MaxHops: o.MaxHops, Types: o.Types,
			Through: o.Through, Since: o.Since, Until: o.Until, Limit: limit})
	}
	if len(o.Through) == 0 && o.Since == "" && o.Until == "" && o.K <= 1 && !o.All {
		p, err := q.S.ShortestPath(ctx, from, to, graph.PathOptions{MaxHops: o.MaxHops, Types: o.Types})
		if err != nil {
			return nil, err
		}
		return []*graph.Path{p}, nil
	}
	for _, id := range []string{from, to} {
		if _, err := q.S.Entity(ctx, id); err != nil {
			return nil, err
		}
	}
	w := &walker{q: q, o: o, adj: map[string][]string{}, rels: map[[2]string][]graph.Relation{}}
	// distances from the target, so that the enumeration from the source only takes steps that can
	// still arrive in time
	dist, err := w.distances(ctx, to, o.MaxHops)
	if err != nil {
		return nil, err
	}
	d, ok := dist[from]
	if !ok {
		return nil, graph.Errorf(graph.ENotFound, "no path of at most %d hops", o.MaxHops)
	}
	limit := d // every shortest path
	if o.K > 1 {
		limit = min(o.MaxHops, d+2) // K shortest: look a little beyond the shortest
	}
	found, err := w.enumerate(ctx, from, to, limit, dist)
	if err != nil {
		return nil, err
	}
	var out []*graph.Path
	for _, ids := range chosen(found, o) {
		p, err := graph.BuildPath(ctx, ids, o.Types, q.S.Lookup, graph.BetweenEach(w.between))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// enumerate lists the paths from from to to of at most limit hops (at most maxEnumerated of them),
// taking only the steps that can still arrive in time by dist, the distances from to.
func (w *walker) enumerate(ctx context.Context, from, to string, limit int, dist map[string]int) ([][]string, error) {
	var found [][]string
	path := []string{from}
	onPath := map[string]bool{from: true}
	var walk func(cur string) error
	walk = func(cur string) error {
		if len(found) >= maxEnumerated {
			return nil
		}
		if cur == to {
			found = append(found, append([]string{}, path...))
			return nil
		}
		left := limit - (len(path) - 1)
		ns, err := w.neighbours(ctx, cur)
		if err != nil {
			return err
		}
		for _, n := range ns {
			dn, ok := dist[n]
			if !ok || dn > left-1 || onPath[n] || (n != to && !w.passable(n)) {
				continue
			}
			path = append(path, n)
			onPath[n] = true
			if err := walk(n); err != nil {
				return err
			}
			onPath[n] = false
			path = path[:len(path)-1]
		}
		return nil
	}
	if err := walk(from); err != nil {
		return nil, err
	}
	return found, nil
}

// chosen sorts the paths found, shortest first and then by their id sequences, and keeps the ones
// asked for: the first, every shortest (--all) or the K first (--k).
func chosen(found [][]string, o PathOptions) [][]string {
	sort.Slice(found, func(i, j int) bool {
		if len(found[i]) != len(found[j]) {
			return len(found[i]) < len(found[j])
		}
		return graph.LessIDs(found[i], found[j])
	})
	n := 1
	switch {
	case o.All:
		n = 0
		for n < len(found) && len(found[n]) == len(found[0]) {
			n++
		}
	case o.K > 1:
		n = o.K
	}
	return found[:min(n, len(found))]
}

// walker fetches the graph around a search a layer at a time and remembers it.
type walker struct {
	q    *Engine
	o    PathOptions
	adj  map[string][]string            // id -> neighbours through relations that pass the filters
	rels map[[2]string][]graph.Relation // ordered pair -> relations that pass the filters
}

// allowed reports whether a relation may be followed: its type, and a fact in the date window.
func (w *walker) allowed(r graph.Relation) bool {
	if w.o.Since == "" && w.o.Until == "" {
		return true
	}
	for _, f := range r.Facts {
		if InWindow(f.Date, w.o.Since, w.o.Until) {
			return true
		}
	}
	return false
}

// passable reports whether a path may pass through an entity.
func (w *walker) passable(id string) bool {
	if len(w.o.Through) == 0 {
		return true
	}
	t := TypeOf(id)
	for _, x := range w.o.Through {
		if x == t {
			return true
		}
	}
	return false
}

// load fetches the relations of the given entities not fetched yet.
func (w *walker) load(ctx context.Context, ids []string) error {
	var need []string
	for _, id := range ids {
		if _, ok := w.adj[id]; !ok {
			need = append(need, id)
			w.adj[id] = nil
		}
	}
	if len(need) == 0 {
		return nil
	}
	rs, err := w.q.S.Relations(ctx, need, w.o.Types)
	if err != nil {
		return err
	}
	wanted := map[string]bool{}
	for _, id := range need {
		wanted[id] = true
	}
	seen := map[[2]string]bool{}
	for _, r := range rs {
		if !w.allowed(r) {
			continue
		}
		for _, e := range [][2]string{{r.From, r.To}, {r.To, r.From}} {
			if !wanted[e[0]] {
				continue
			}
			w.rels[e] = append(w.rels[e], r)
			if !seen[e] {
				seen[e] = true
				w.adj[e[0]] = append(w.adj[e[0]], e[1])
			}
		}
	}
	for _, id := range need {
		sort.Strings(w.adj[id])
	}
	return nil
}

func (w *walker) neighbours(ctx context.Context, id string) ([]string, error) {
	if err := w.load(ctx, []string{id}); err != nil {
		return nil, err
	}
	return w.adj[id], nil
}

// distances runs a breadth-first search from start up to max hops. Entities a path may not pass
// through are reached but not expanded.
func (w *walker) distances(ctx context.Context, start string, max int) (map[string]int, error) {
	dist := map[string]int{start: 0}
	frontier := []string{start}
	for d := 1; d <= max && len(frontier) > 0; d++ {
		var expand []string
		for _, id := range frontier {
			if id == start || w.passable(id) {
				expand = append(expand, id)
			}
		}
		if err := w.load(ctx, expand); err != nil {
			return nil, err
		}
		var next []string
		for _, id := range expand {
			for _, n := range w.adj[id] {
				if _, ok := dist[n]; !ok {
					dist[n] = d
					next = append(next, n)
				}
			}
		}
		frontier = next
	}
	return dist, nil
}

// between returns the relations that joined two entities in the walk.
func (w *walker) between(ctx context.Context, a, b string, _ []graph.RelType) ([]graph.Relation, error) {
	rs := append([]graph.Relation{}, w.rels[[2]string{a, b}]...)
	graph.SortRelations(rs)
	return rs, nil
}

// InWindow reports whether a date (YYYY, YYYY-MM or YYYY-MM-DD) can fall within [since, until], each
// bound optional and of any of those precisions. An empty date is in no window.
func InWindow(date, since, until string) bool {
	if date == "" {
		return false
	}
	if since != "" {
		n := min(len(date), len(since))
		if date[:n] < since[:n] {
			return false
		}
	}
	if until != "" {
		n := min(len(date), len(until))
		if date[:n] > until[:n] {
			return false
		}
	}
	return true
}
