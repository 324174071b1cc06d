package graph

import "context"

// Store is a graph backend. Every implementation gives the same answers for the same data: the shared
// store test suite (internal/storetest) runs against each of them.
type Store interface {
	// ApplySchema creates the constraints and indexes the store needs; it is safe to call again.
	ApplySchema(ctx context.Context) error
	// Write merges a batch into the graph. Writing the same batch twice changes nothing. Each
	// article's hash is stored last, so a stored hash means the article's facts are all stored.
	Write(ctx context.Context, b *Batch) error
	// ArticleHashes returns the stored content hash of each given article that is stored completely.
	ArticleHashes(ctx context.Context, ids []string) (map[string]string, error)
	// RemoveArticles takes out everything the given articles said: their facts (and relations left
	// with none), their mentions, the articles, and entities left with neither relations nor mentions.
	RemoveArticles(ctx context.Context, ids []string) error
	// Entities returns every entity with its aliases and merge reasons, sorted by id.
	Entities(ctx context.Context) ([]Entity, error)
	// Counts returns the sizes of the stored graph.
	Counts(ctx context.Context) (Counts, error)
	// Entity returns one entity by id, or an ENotFound error.
	Entity(ctx context.Context, id string) (Entity, error)
	// Lookup returns the entities with the given ids, by id, in one call; unknown ids are left out.
	Lookup(ctx context.Context, ids []string) (map[string]Entity, error)
	// FindEntities returns the entities whose name or an alias folds (see names.Fold) to the same key as
	// name, sorted by id.
	FindEntities(ctx context.Context, name string) ([]Entity, error)
	// ShortestPath returns the shortest path between two entities over the relation types in opts. Among
	// equally short paths it returns the one whose sequence of node ids is lexicographically smallest.
	// It returns an ENotFound error when no path of at most opts.MaxHops exists.
	ShortestPath(ctx context.Context, from, to string, opts PathOptions) (*Path, error)
	// Relations returns every relation touching any of the given entities, over the given relation
	// types (all when empty), with their facts, in SortRelations order.
	Relations(ctx context.Context, ids []string, types []RelType) ([]Relation, error)
	// Mentions returns the articles that name an entity and how often, by article id.
	Mentions(ctx context.Context, id string) ([]Mention, error)
	// Names returns every name and alias of every entity, for search.
	Names(ctx context.Context) ([]Name, error)
	// Articles returns the stored articles with the given ids (unknown ids are left out), sorted by id.
	Articles(ctx context.Context, ids []string) ([]Article, error)
	// Close releases the store's resources.
	Close() error
}

// Name is one spelling of an entity, for search.
type Name struct {
	Entity string
	Name   string
}

// CypherRunner is a store that runs Cypher: Neo4j.
type CypherRunner interface {
	// Cypher runs a query with parameters, in a read transaction unless write is set, and returns
	// the column names and rows.
	Cypher(ctx context.Context, query string, params map[string]any, write bool) ([]string, [][]any, error)
}

// PathQuery asks for the shortest paths between two entities under filters.
type PathQuery struct {
	From, To string
	MaxHops  int          // 0 means DefaultMaxHops
	Types    []RelType    // relation types followed (all when empty)
	Through  []EntityType // entity types a path may pass through (all when empty); the ends are free
	Since    string       // follow only relations with a fact dated in [Since, Until] (see query.InWindow)
	Until    string
	Limit    int // how many of the shortest paths, in the order of their id sequences (0 or 1: the first)
}

// PathFinder is a store that finds shortest paths itself, in its own query language, rather than
// being walked a layer at a time from outside: Neo4j. Its answers are those of the walk: the
// shortest paths whose relations pass the filters and whose inner entities are of the Through types,
// in the order of their id sequences (LessIDs), each hop with every relation between its two
// entities that passes the filters. It returns ENotFound errors as ShortestPath does.
type PathFinder interface {
	ShortestPaths(ctx context.Context, q PathQuery) ([]*Path, error)
}

// BufferedWriter is a store that can gather the rows of several Writes and send them together
// (Neo4j): a load calls Buffer before it writes and Flush when it is done.
type BufferedWriter interface {
	Buffer(rows int)
	Flush(ctx context.Context) error
}

// EntityMerger is a store whose stored entities resolution can revise: a partial node a later batch
// names in full, two stored spellings a researcher joins (both stores).
type EntityMerger interface {
	// MergeEntities makes the entities with the ids in from part of into, in one transaction: their
	// spellings, merge reasons, mentions (counts added up per article) and relations (facts joined
	// with into's own relation of the same key; a relation between into and one of them is dropped,
	// as resolution drops a relation of an entity with itself) move to into, facts that name one of
	// them as their place name into, and they are removed. into is written (created when missing)
	// with its name, type, aliases and merge reasons added to what it holds. Ids that are not stored
	// are skipped, so merging again changes nothing.
	MergeEntities(ctx context.Context, into Entity, from []string) error
	// Evidence returns what resolution reads of the stored graph besides the entities: every mention,
	// and every HOLDS_POST relation with one fact for each article that gives it, holding only the
	// article (the post words of a person's posts are read by article, see resolve.DoubtfulVariant).
	Evidence(ctx context.Context) ([]Mention, []Relation, error)
	// SplitEntity takes the articles of a spelling out of a stored entity, in one transaction (see
	// Split). An entity that is not stored is skipped, so splitting again changes nothing.
	SplitEntity(ctx context.Context, sp Split) error
}

// Split is a stored entity cut in two (kgload split): the articles that named it only by a spelling
// a researcher split off, and the rest.
type Split struct {
	From string // the stored entity
	// Part is the entity the articles move to: written (created when missing) with its name, type,
	// aliases and merge reasons.
	Part Entity
	// Articles are the articles that move: their mentions, and the facts they give of From's
	// relations (and facts of theirs that give From as their place).
	Articles []string
	// Rest is From as it stays: its name, aliases and merge reasons replace the stored ones. When
	// its id is not From, everything else From holds moves to it and From is removed.
	Rest Entity
}
