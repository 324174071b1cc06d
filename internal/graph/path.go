package graph

import "context"

// Lookup returns the entities with the given ids, by id; unknown ids are left out.
type Lookup func(ctx context.Context, ids []string) (map[string]Entity, error)

// Between returns, for each pair of entities, the relations joining them in either direction.
type Between func(ctx context.Context, pairs [][2]string, types []RelType) (map[[2]string][]Relation, error)

// BuildPath turns a sequence of entity ids into a Path with one look-up for the entities and one for
// the relations of all hops. Stores share it so that hops read the same everywhere.
func BuildPath(ctx context.Context, ids []string, types []RelType, lookup Lookup, between Between) (*Path, error) {
	ents, err := lookup(ctx, ids)
	if err != nil {
		return nil, err
	}
	p := &Path{}
	for _, id := range ids {
		e, ok := ents[id]
		if !ok {
			return nil, Errorf(ENotFound, "no entity with id %q", id)
		}
		p.Nodes = append(p.Nodes, e)
	}
	var pairs [][2]string
	for i := 1; i < len(ids); i++ {
		pairs = append(pairs, [2]string{ids[i-1], ids[i]})
	}
	rels, err := between(ctx, pairs, types)
	if err != nil {
		return nil, err
	}
	for i, pr := range pairs {
		rs := rels[pr]
		SortRelations(rs)
		p.Hops = append(p.Hops, Hop{From: p.Nodes[i], To: p.Nodes[i+1], Relations: rs})
	}
	return p, nil
}

// BetweenEach builds a Between from a one-pair look-up.
func BetweenEach(between func(context.Context, string, string, []RelType) ([]Relation, error)) Between {
	return func(ctx context.Context, pairs [][2]string, types []RelType) (map[[2]string][]Relation, error) {
		out := map[[2]string][]Relation{}
		for _, p := range pairs {
			rs, err := between(ctx, p[0], p[1], types)
			if err != nil {
				return nil, err
			}
			out[p] = rs
		}
		return out, nil
	}
}
