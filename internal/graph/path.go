package graph

import "context"

// BuildPath turns a sequence of entity ids into a Path, loading each entity and the relations of each hop
// through the store's own lookups. Stores share it so that hops read the same everywhere.
func BuildPath(ctx context.Context, ids []string, types []RelType,
	entity func(context.Context, string) (Entity, error),
	between func(context.Context, string, string, []RelType) ([]Relation, error)) (*Path, error) {
	p := &Path{}
	for _, id := range ids {
		e, err := entity(ctx, id)
		if err != nil {
			return nil, err
		}
		p.Nodes = append(p.Nodes, e)
	}
	for i := 1; i < len(p.Nodes); i++ {
		rs, err := between(ctx, ids[i-1], ids[i], types)
		if err != nil {
			return nil, err
		}
		SortRelations(rs)
		p.Hops = append(p.Hops, Hop{From: p.Nodes[i-1], To: p.Nodes[i], Relations: rs})
	}
	return p, nil
}
