package graph

import (
	"context"
	"sort"
)

// Adjacency returns the neighbours of each given entity over the given relation types, each list
// sorted. Stores implement it with one query per call, so a search costs one round trip per layer.
type Adjacency func(ctx context.Context, ids []string, types []RelType) (map[string][]string, error)

// LexShortestPath finds the shortest path between two entities and, among equally short ones, the one
// whose sequence of ids is lexicographically smallest. It searches from both ends at once, always
// widening the smaller frontier by a whole layer, so it reads only a small part of a large graph;
// then it walks from the source, taking at each step the smallest id that stays on a shortest path.
// It returns the ids, or nil when no path of at most maxHops exists.
func LexShortestPath(ctx context.Context, adj Adjacency, from, to string, types []RelType, maxHops int) ([]string, error) {
	if from == to {
		return []string{from}, nil
	}
	ls := &lexSearch{ctx: ctx, adj: adj, types: types, cache: map[string][]string{},
		distF: map[string]int{from: 0}, distB: map[string]int{to: 0}}
	length, err := ls.meet(from, to, maxHops)
	if err != nil || length < 0 || length > maxHops {
		return nil, err
	}
	on, meet := ls.onShortest(length)
	return ls.walk(from, length, meet, on)
}

// lexSearch is one LexShortestPath search: the neighbours read so far, and the distances from the
// source (distF) and to the target (distB) of the entities reached.
type lexSearch struct {
	ctx          context.Context
	adj          Adjacency
	types        []RelType
	cache        map[string][]string
	distF, distB map[string]int
}

// fetch reads the neighbours of the ids not read yet, in one call.
func (ls *lexSearch) fetch(ids []string) error {
	var need []string
	for _, id := range ids {
		if _, ok := ls.cache[id]; !ok {
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return nil
	}
	got, err := ls.adj(ls.ctx, need, ls.types)
	if err != nil {
		return err
	}
	for _, id := range need {
		ls.cache[id] = got[id]
	}
	return nil
}

// meet widens the smaller of the two frontiers a layer at a time until they meet, and returns the
// length of the shortest path, or -1 when none of at most maxHops exists.
func (ls *lexSearch) meet(from, to string, maxHops int) (int, error) {
	frontF, frontB := []string{from}, []string{to}
	depthF, depthB := 0, 0
	length := -1
	for length < 0 && depthF+depthB < maxHops && len(frontF) > 0 && len(frontB) > 0 {
		forward := len(frontF) <= len(frontB)
		front, dist, other, depth := frontF, ls.distF, ls.distB, depthF+1
		if !forward {
			front, dist, other, depth = frontB, ls.distB, ls.distF, depthB+1
		}
		if err := ls.fetch(front); err != nil {
			return -1, err
		}
		var next []string
		for _, id := range front {
			for _, n := range ls.cache[id] {
				if _, seen := dist[n]; seen {
					continue
				}
				dist[n] = depth
				next = append(next, n)
				if d, ok := other[n]; ok && (length < 0 || depth+d < length) {
					length = depth + d
				}
			}
		}
		if forward {
			frontF, depthF = next, depth
		} else {
			frontB, depthB = next, depth
		}
	}
	return length, nil
}

// onShortest tells which entities the source's side reached lie on a shortest path: those of the
// meeting layer (meet, its distance from the source) known from both sides, and, walking back from
// it, those with a neighbour one layer further on. Beyond the meeting layer the distance to the
// target says it.
func (ls *lexSearch) onShortest(length int) (on map[string]bool, meet int) {
	on = map[string]bool{}
	meet = -1
	for n, df := range ls.distF {
		if db, ok := ls.distB[n]; ok && df+db == length {
			if meet < 0 || df < meet {
				meet = df
			}
		}
	}
	for n, df := range ls.distF {
		if db, ok := ls.distB[n]; ok && df+db == length && df == meet {
			on[n] = true
		}
	}
	byDepth := map[int][]string{}
	for n, df := range ls.distF {
		if df < meet {
			byDepth[df] = append(byDepth[df], n)
		}
	}
	for k := meet - 1; k >= 0; k-- {
		for _, n := range byDepth[k] {
			for _, m := range ls.cache[n] {
				if on[m] && ls.distF[m] == k+1 {
					on[n] = true
					break
				}
			}
		}
	}
	return on, meet
}

// walk goes from the source, taking at each step the smallest id that stays on a shortest path.
func (ls *lexSearch) walk(from string, length, meet int, on map[string]bool) ([]string, error) {
	path := []string{from}
	cur := from
	for step := 1; step <= length; step++ {
		if err := ls.fetch([]string{cur}); err != nil {
			return nil, err
		}
		next := ""
		for _, n := range ls.cache[cur] { // sorted: the first that fits is the smallest
			var fits bool
			if step <= meet {
				fits = on[n] && ls.distF[n] == step
			} else {
				db, ok := ls.distB[n]
				fits = ok && db == length-step
			}
			if fits {
				next = n
				break
			}
		}
		if next == "" {
			return nil, nil // cannot happen on a consistent graph
		}
		path = append(path, next)
		cur = next
	}
	return path, nil
}

// SortedNeighbours turns edge pairs into sorted, duplicate-free neighbour lists.
func SortedNeighbours(pairs [][2]string) map[string][]string {
	out := map[string][]string{}
	seen := map[[2]string]bool{}
	for _, p := range pairs {
		if !seen[p] {
			seen[p] = true
			out[p[0]] = append(out[p[0]], p[1])
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

// ShortestPathOver is a store's ShortestPath built from its own look-ups: it checks that both
// entities exist, finds the path with LexShortestPath and fills in its hops.
func ShortestPathOver(ctx context.Context, adj Adjacency, lookup Lookup, between Between, from, to string, opts PathOptions) (*Path, error) {
	max := opts.MaxHops
	if max <= 0 {
		max = DefaultMaxHops
	}
	ends, err := lookup(ctx, []string{from, to})
	if err != nil {
		return nil, err
	}
	for _, id := range []string{from, to} {
		if _, ok := ends[id]; !ok {
			return nil, Errorf(ENotFound, "no entity with id %q", id)
		}
	}
	ids, err := LexShortestPath(ctx, adj, from, to, opts.Types, max)
	if err != nil {
		return nil, err
	}
	if ids == nil {
		return nil, Errorf(ENotFound, "no path of at most %d hops", max)
	}
	return BuildPath(ctx, ids, opts.Types, lookup, between)
}
