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
	cache := map[string][]string{}
	fetch := func(ids []string) error {
		var need []string
		for _, id := range ids {
			if _, ok := cache[id]; !ok {
				need = append(need, id)
			}
		}
		if len(need) == 0 {
			return nil
		}
		got, err := adj(ctx, need, types)
		if err != nil {
			return err
		}
		for _, id := range need {
			cache[id] = got[id]
		}
		return nil
	}
	distF := map[string]int{from: 0} // distance from the source
	distB := map[string]int{to: 0}   // distance to the target
	frontF, frontB := []string{from}, []string{to}
	depthF, depthB := 0, 0
	length := -1
	for length < 0 && depthF+depthB < maxHops && len(frontF) > 0 && len(frontB) > 0 {
		forward := len(frontF) <= len(frontB)
		front, dist, other := frontF, distF, distB
		if !forward {
			front, dist, other = frontB, distB, distF
		}
		if err := fetch(front); err != nil {
			return nil, err
		}
		depth := depthF + 1
		if !forward {
			depth = depthB + 1
		}
		var next []string
		for _, id := range front {
			for _, n := range cache[id] {
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
	if length < 0 || length > maxHops {
		return nil, nil
	}
	// Which entities lie on a shortest path? Those reached from the target within the path's length
	// are known by their distance to it; those reached only from the source are found by walking back
	// from the meeting layer through the source's side.
	on := map[string]bool{}
	meet := -1 // distance from the source of the layer where the two searches met
	for n, df := range distF {
		if db, ok := distB[n]; ok && df+db == length {
			if meet < 0 || df < meet {
				meet = df
			}
		}
	}
	for n, df := range distF {
		if db, ok := distB[n]; ok && df+db == length && df == meet {
			on[n] = true
		}
	}
	byDepth := map[int][]string{}
	for n, df := range distF {
		if df < meet {
			byDepth[df] = append(byDepth[df], n)
		}
	}
	for k := meet - 1; k >= 0; k-- {
		for _, n := range byDepth[k] {
			for _, m := range cache[n] {
				if on[m] && distF[m] == k+1 {
					on[n] = true
					break
				}
			}
		}
	}
	path := []string{from}
	cur := from
	for step := 1; step <= length; step++ {
		if err := fetch([]string{cur}); err != nil {
			return nil, err
		}
		next := ""
		ns := cache[cur]
		for _, n := range ns { // sorted: the first that fits is the smallest
			var fits bool
			if step <= meet {
				fits = on[n] && distF[n] == step
			} else {
				db, ok := distB[n]
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
