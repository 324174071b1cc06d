package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kgnews/kg/internal/graph"
)

var _ graph.PathFinder = (*Store)(nil)

// relPattern is the relation types of package graph as a Cypher type alternation
// (MET|HOLDS_POST|VISITED): types cannot be parameters, so every query text that names them is built from it.
var relPattern = func() string {
	ts := make([]string, len(graph.RelTypes))
	for i, t := range graph.RelTypes {
		ts[i] = string(t)
	}
	return strings.Join(ts, "|")
}()

// relAllowed says whether a relationship r may be followed: its type is in $types and, when a date
// window is given, one of its facts is dated in it. The window test is query.InWindow's: the date
// and each bound compared on their common prefix, so "2024-03" is within a window that ends on
// "2024-03-31".
const relAllowed = `type(r) IN $types AND (($since = '' AND $until = '') OR any(d IN coalesce(r.dates, []) WHERE d <> ''
      AND ($since = '' OR left(d, size($since)) >= left($since, size(d)))
      AND ($until = '' OR left(d, size($until)) <= left($until, size(d)))))`

// shortestPathsQuery finds the shortest paths between two entities and reads them whole, in one round
// trip. allShortestPaths is Neo4j's own bidirectional breadth-first search. Filters, when the
// question has any, are written as predicates on every relationship and every node of the path,
// which Neo4j checks during the search; without filters the search has no predicate to check at all.
// A pattern's bound cannot be a parameter: within graph.DefaultMaxHops (the common case) the bound
// is that constant, so that a pair with no path that short is given up on early, and otherwise the
// search is unbounded; the maximum asked for is checked after it (a length predicate inside the MATCH
// would make Neo4j fall back to an exhaustive search). Ordering the id lists picks the embedded
// store's tie-break, the lexicographically smallest sequence of ids. Then it reads the paths'
// entities and every relation that joins two consecutive entities and passes the filters.
func shortestPathsQuery(filtered, bounded bool) string {
	where := ""
	if filtered {
		where = fmt.Sprintf(`
  WHERE all(r IN relationships(p) WHERE %s)
    AND all(n IN nodes(p) WHERE n = a OR n = b OR $through = [] OR n.type IN $through)`, relAllowed)
	}
	bound := ""
	if bounded {
		bound = fmt.Sprintf("..%d", graph.DefaultMaxHops)
	}
	return fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:%[1]s*%[4]s]-(b))%[3]s
  WITH p WHERE length(p) <= $maxHops
  WITH DISTINCT [n IN nodes(p) | n.id] AS ids
  ORDER BY ids LIMIT $limit
  RETURN collect(ids) AS paths
}
CALL (paths) {
  UNWIND paths AS ids
  UNWIND ids AS id
  WITH DISTINCT id
  MATCH (e:Entity {id: id})
  RETURN collect(%[5]s) AS entities
}
CALL (paths) {
  UNWIND paths AS ids
  UNWIND range(0, size(ids) - 2) AS i
  WITH DISTINCT ids[i] AS x, ids[i + 1] AS y
  MATCH (:Entity {id: x})-[r:%[1]s]-(:Entity {id: y})
  WHERE %[2]s
  WITH DISTINCT r
  RETURN collect(r {type: type(r), from: startNode(r).id, to: endNode(r).id, title: coalesce(r.title, ''),
    status: coalesce(r.status, ''), .articles, .evidence, .starts, .ends, .dates, .places, .confidences, .rules}) AS relations
}
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, paths, entities, relations`, relPattern, relAllowed, where, bound, entityProjection)
}

// qShortestPaths holds the four texts of shortestPathsQuery, by [filtered][bounded]: fixed texts, so
// that Neo4j plans each once.
var qShortestPaths = [2][2]string{
	{shortestPathsQuery(false, false), shortestPathsQuery(false, true)},
	{shortestPathsQuery(true, false), shortestPathsQuery(true, true)},
}

// filtered reports whether a path question restricts the search: relation types other than all of
// them, node types to pass through, or a date window.
func filtered(q graph.PathQuery) bool {
	if len(q.Through) > 0 || q.Since != "" || q.Until != "" {
		return true
	}
	for _, t := range graph.RelTypes {
		if len(q.Types) > 0 && !slices.Contains(q.Types, t) {
			return true
		}
	}
	return false
}

// ShortestPaths answers a path question with Neo4j's own shortest-path search (see qShortestPaths).
func (s *Store) ShortestPaths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	return readAgainIfChanged(func() ([]*graph.Path, error) { return s.shortestPaths(ctx, q) })
}

// shortestPaths is ShortestPaths, read once.
func (s *Store) shortestPaths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	if q.MaxHops <= 0 {
		q.MaxHops = graph.DefaultMaxHops
	}
	if q.Limit < 1 {
		q.Limit = 1
	}
	if q.From == q.To { // Neo4j's shortest-path search needs two different ends
		p, err := s.ShortestPath(ctx, q.From, q.To, graph.PathOptions{MaxHops: q.MaxHops, Types: q.Types})
		if err != nil {
			return nil, err
		}
		return []*graph.Path{p}, nil
	}
	through := make([]any, len(q.Through))
	for i, t := range q.Through {
		through[i] = string(t)
	}
	query := qShortestPaths[b2i(filtered(q))][b2i(q.MaxHops <= graph.DefaultMaxHops)]
	recs, err := s.read(ctx, query, map[string]any{"from": q.From, "to": q.To, "types": typeNames(q.Types),
		"through": through, "since": q.Since, "until": q.Until, "maxHops": q.MaxHops, "limit": q.Limit})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("neo4j: path query returned %d rows", len(recs))
	}
	m := recs[0].AsMap()
	for _, end := range []struct {
		id    string
		found bool
	}{{q.From, m["hasFrom"] == true}, {q.To, m["hasTo"] == true}} {
		if !end.found {
			return nil, graph.Errorf(graph.ENotFound, "no entity with id %q", end.id)
		}
	}
	paths, _ := m["paths"].([]any)
	if len(paths) == 0 {
		return nil, graph.Errorf(graph.ENotFound, "no path of at most %d hops", q.MaxHops)
	}
	ents := map[string]graph.Entity{}
	for _, v := range m["entities"].([]any) {
		e := entityOf(v)
		ents[e.ID] = e
	}
	between := map[[2]string][]graph.Relation{}
	for _, v := range m["relations"].([]any) {
		rm, _ := v.(map[string]any)
		r, err := relationOf(rm)
		if err != nil {
			return nil, err
		}
		between[[2]string{r.From, r.To}] = append(between[[2]string{r.From, r.To}], r)
		if r.From != r.To {
			between[[2]string{r.To, r.From}] = append(between[[2]string{r.To, r.From}], r)
		}
	}
	out := make([]*graph.Path, 0, len(paths))
	for _, v := range paths {
		ids := strList(v)
		p := &graph.Path{}
		for _, id := range ids {
			e, ok := ents[id]
			if !ok {
				return nil, graph.Errorf(graph.ENotFound, "no entity with id %q", id)
			}
			p.Nodes = append(p.Nodes, e)
		}
		for i := 1; i < len(ids); i++ {
			rs := append([]graph.Relation{}, between[[2]string{ids[i-1], ids[i]}]...)
			graph.SortRelations(rs)
			p.Hops = append(p.Hops, graph.Hop{From: p.Nodes[i-1], To: p.Nodes[i], Relations: rs})
		}
		out = append(out, p)
	}
	return out, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
