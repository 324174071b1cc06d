package graph

import "context"

// Store is a graph backend. Every implementation gives the same answers for the same data: the shared
// store test suite (internal/storetest) runs against each of them.
type Store interface {
	// ApplySchema creates the constraints and indexes the store needs; it is safe to call again.
	ApplySchema(ctx context.Context) error
	// Write merges a batch into the graph. Writing the same batch twice changes nothing.
	Write(ctx context.Context, b *Batch) error
	// Counts returns the sizes of the stored graph.
	Counts(ctx context.Context) (Counts, error)
	// Entity returns one entity by id, or an ENotFound error.
	Entity(ctx context.Context, id string) (Entity, error)
	// FindEntities returns the entities whose name or an alias folds (see names.Fold) to the same key as
	// name, sorted by id.
	FindEntities(ctx context.Context, name string) ([]Entity, error)
	// ShortestPath returns the shortest path between two entities over the relation types in opts. Among
	// equally short paths it returns the one whose sequence of node ids is lexicographically smallest.
	// It returns an ENotFound error when no path of at most opts.MaxHops exists.
	ShortestPath(ctx context.Context, from, to string, opts PathOptions) (*Path, error)
	// Articles returns the stored articles with the given ids (unknown ids are left out), sorted by id.
	Articles(ctx context.Context, ids []string) ([]Article, error)
	// Dump returns the whole graph in canonical order (see Canonicalize), for export and comparison.
	Dump(ctx context.Context) (*Batch, error)
	// Close releases the store's resources.
	Close() error
}
