package neo4j

import (
	"context"
	"fmt"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

var _ graph.EntityMerger = (*Store)(nil)

// qMergeMentions adds the mention counts of a merged entity to the survivor's, per article.
const qMergeMentions = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity}), (a:Article {id: row.article})
MERGE (e)-[m:MENTIONED_IN]->(a)
SET m.count = coalesce(m.count, 0) + row.count`

// MergeEntities makes the entities from part of into, in one write transaction (see
// graph.EntityMerger). What the buffer holds is written first.
func (s *Store) MergeEntities(ctx context.Context, into graph.Entity, from []string) error {
	if err := s.Flush(ctx); err != nil {
		return err
	}
	s.forget() // entities are deleted
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		run := func(q string, params map[string]any) ([]*driver.Record, error) {
			res, err := tx.Run(ctx, q, params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		}
		aliases := append([]string{}, into.Aliases...)
		merges := append([]string{}, into.Merges...)
		type moved struct {
			id       string
			place    bool
			rels     []graph.Relation
			mentions []any
		}
		var gone []moved
		merged := map[string]bool{}
		for _, id := range from {
			merged[id] = id != into.ID
		}
		for _, id := range from {
			if id == into.ID {
				continue
			}
			recs, err := run(`MATCH (e:Entity {id: $id}) RETURN `+entityProjection+` AS e`, map[string]any{"id": id})
			if err != nil {
				return nil, err
			}
			if len(recs) == 0 {
				continue // merged already
			}
			v, _ := recs[0].Get("e")
			old := entityOf(v)
			aliases = append(append(aliases, old.Name), old.Aliases...)
			merges = append(merges, old.Merges...)
			m := moved{id: id, place: old.Type == graph.Place}
			if recs, err = run(`MATCH (:Entity {id: $id})-[r:`+relPattern+`]-() RETURN DISTINCT `+relationProjection,
				map[string]any{"id": id}); err != nil {
				return nil, err
			}
			for _, rec := range recs {
				r, err := relationOf(rec.AsMap())
				if err != nil {
					return nil, err
				}
				m.rels = append(m.rels, r)
			}
			if recs, err = run(`MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->(a:Article) RETURN a.id AS article, m.count AS count`,
				map[string]any{"id": id}); err != nil {
				return nil, err
			}
			for _, rec := range recs {
				a, _ := rec.Get("article")
				n, _ := rec.Get("count")
				m.mentions = append(m.mentions, map[string]any{"entity": into.ID, "article": a, "count": n})
			}
			if _, err := run(`MATCH (e:Entity {id: $id}) DETACH DELETE e`, map[string]any{"id": id}); err != nil {
				return nil, err
			}
			gone = append(gone, m)
		}
		keys := []string{names.Fold(into.Name)}
		for _, a := range aliases {
			keys = append(keys, names.Fold(a))
		}
		row := map[string]any{"id": into.ID, "name": into.Name, "type": string(into.Type), "aliases": toAny(union(nil, aliases)),
			"keys": toAny(union(nil, keys)), "merges": toAny(union(nil, merges)), "partial": into.Partial()}
		if _, err := run(fmt.Sprintf(qEntities, string(into.Type)), map[string]any{"rows": []any{row}}); err != nil {
			return nil, err
		}
		for _, m := range gone {
			if len(m.mentions) > 0 {
				if _, err := run(qMergeMentions, map[string]any{"rows": m.mentions}); err != nil {
					return nil, err
				}
			}
			if m.place {
				if _, err := run(`MATCH ()-[r:`+relPattern+`]->() WHERE $id IN r.places
SET r.places = [p IN r.places | CASE WHEN p = $id THEN $into ELSE p END]`, map[string]any{"id": m.id, "into": into.ID}); err != nil {
					return nil, err
				}
			}
			for _, r := range m.rels {
				if merged[r.From] {
					r.From = into.ID
				}
				if merged[r.To] {
					r.To = into.ID
				}
				if r.From == r.To {
					continue // a relation of the entity with itself: resolution never writes one
				}
				r.Normalize()
				for i := range r.Facts {
					if merged[r.Facts[i].Place] {
						r.Facts[i].Place = into.ID
					}
				}
				rows := []any{relationRow(r)} // the rows Write sends, in the same layout
				if _, err := run(fmt.Sprintf(qRelations, string(r.Type)), map[string]any{"rows": rows}); err != nil {
					return nil, err
				}
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Errorf("neo4j: merge: %w", err)
	}
	return nil
}

// Evidence returns every mention and every HOLDS_POST relation without facts.
func (s *Store) Evidence(ctx context.Context) ([]graph.Mention, []graph.Relation, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article) RETURN e.id AS entity, a.id AS article, m.count AS count`, nil)
	if err != nil {
		return nil, nil, err
	}
	ms := make([]graph.Mention, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		ms = append(ms, graph.Mention{Entity: strOf(m, "entity"), Article: strOf(m, "article"), Count: intOf(r, "count")})
	}
	if recs, err = s.read(ctx, `MATCH (a:Entity)-[r:HOLDS_POST]->(b:Entity)
RETURN a.id AS from, b.id AS to, coalesce(r.title, '') AS title, coalesce(r.status, '') AS status`, nil); err != nil {
		return nil, nil, err
	}
	rs := make([]graph.Relation, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		rs = append(rs, graph.Relation{Type: graph.HoldsPost, From: strOf(m, "from"), To: strOf(m, "to"), Title: strOf(m, "title"), Status: strOf(m, "status")})
	}
	return ms, rs, nil
}
