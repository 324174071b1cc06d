package neo4j

import (
	"context"
	"fmt"
	"slices"
	"sort"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

var _ graph.EntityMerger = (*Store)(nil)

// qMergeMentions adds mention counts, spellings and signs to an entity's, per article (signs not
// known on either side leave them not known).
const qMergeMentions = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity}), (a:Article {id: row.article})
MERGE (e)-[m:MENTIONED_IN]->(a)
WITH m, row, m.count IS NULL AS fresh
SET m.count = coalesce(m.count, 0) + row.count,
    m.names = reduce(acc = coalesce(m.names, []), x IN row.names | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    m.signs = CASE WHEN row.signs IS NULL OR (NOT fresh AND m.signs IS NULL) THEN null
        ELSE reduce(acc = coalesce(m.signs, []), x IN row.signs | CASE WHEN x IN acc THEN acc ELSE acc + x END) END`

// runFunc runs one statement in the transaction under way and returns its records.
type runFunc func(q string, params map[string]any) ([]*driver.Record, error)

// inWrite runs f in one write transaction, after writing what the buffer holds.
func (s *Store) inWrite(ctx context.Context, what string, f func(run runFunc) error) error {
	if err := s.Flush(ctx); err != nil {
		return err
	}
	s.forget() // entities are deleted or rewritten
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		return nil, f(func(q string, params map[string]any) ([]*driver.Record, error) {
			res, err := tx.Run(ctx, q, params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		})
	})
	if err != nil {
		return fmt.Errorf("neo4j: %s: %w", what, err)
	}
	return nil
}

// MergeEntities makes the entities from part of into, in one write transaction (see
// graph.EntityMerger). What the buffer holds is written first.
func (s *Store) MergeEntities(ctx context.Context, into graph.Entity, from []string) error {
	return s.inWrite(ctx, "merge", func(run runFunc) error {
		aliases := append([]string{}, into.Aliases...)
		merges := append([]string{}, into.Merges...)
		merged := map[string]bool{}
		for _, id := range from {
			merged[id] = id != into.ID
		}
		var gone []*held
		for _, id := range from {
			if id == into.ID {
				continue
			}
			h, err := take(run, id)
			if err != nil {
				return err
			}
			if h == nil {
				continue // merged already
			}
			if _, err := run(`MATCH (e:Entity {id: $id}) DETACH DELETE e`, map[string]any{"id": id}); err != nil {
				return err
			}
			aliases = append(append(aliases, h.e.Name), h.e.Aliases...)
			merges = append(merges, h.e.Merges...)
			gone = append(gone, h)
		}
		into.Aliases, into.Merges = aliases, merges
		if err := putEntity(run, into, false); err != nil {
			return err
		}
		for _, h := range gone {
			if err := h.restore(run, dest{part: into.ID, rest: into.ID}, func(id string) bool { return merged[id] }); err != nil {
				return err
			}
		}
		return nil
	})
}

// SplitEntity takes the articles of a spelling out of a stored entity, in one write transaction (see
// graph.Split). What the buffer holds is written first.
func (s *Store) SplitEntity(ctx context.Context, sp graph.Split) error {
	return s.inWrite(ctx, "split", func(run runFunc) error {
		h, err := take(run, sp.From)
		if err != nil || h == nil {
			return err // split already
		}
		d := dest{part: sp.Part.ID, rest: sp.Rest.ID, moved: map[string]bool{}}
		for _, a := range sp.Articles {
			d.moved[a] = true
		}
		if _, err := run(`MATCH (:Entity {id: $id})-[r:`+relPattern+`]-() DELETE r`, map[string]any{"id": sp.From}); err != nil {
			return err
		}
		if _, err := run(`MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->() DELETE m`, map[string]any{"id": sp.From}); err != nil {
			return err
		}
		if sp.Rest.ID != sp.From {
			if _, err := run(`MATCH (e:Entity {id: $id}) DETACH DELETE e`, map[string]any{"id": sp.From}); err != nil {
				return err
			}
		}
		if err := putEntity(run, sp.Part, false); err != nil {
			return err
		}
		if err := putEntity(run, sp.Rest, true); err != nil {
			return err
		}
		return h.restore(run, d, func(id string) bool { return id == sp.From })
	})
}

// held is what one stored entity holds, read before it is merged or split: the entity, its
// relations with their facts and its mentions.
type held struct {
	e        graph.Entity
	rels     []graph.Relation
	mentions []graph.Mention
}

// take reads what a stored entity holds; nil when it is not stored.
func take(run runFunc, id string) (*held, error) {
	recs, err := run(`MATCH (e:Entity {id: $id}) RETURN `+entityProjection+` AS e`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	v, _ := recs[0].Get("e")
	h := &held{e: entityOf(v)}
	if recs, err = run(`MATCH (:Entity {id: $id})-[r:`+relPattern+`]-() RETURN DISTINCT `+relationProjection,
		map[string]any{"id": id}); err != nil {
		return nil, err
	}
	for _, rec := range recs {
		r, err := relationOf(rec.AsMap())
		if err != nil {
			return nil, err
		}
		h.rels = append(h.rels, r)
	}
	if recs, err = run(`MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->(a:Article) RETURN a.id AS article, m.count AS count, m.names AS names, m.signs AS signs`,
		map[string]any{"id": id}); err != nil {
		return nil, err
	}
	for _, rec := range recs {
		m := rec.AsMap()
		h.mentions = append(h.mentions, graph.Mention{Entity: id, Article: strOf(m, "article"), Count: intOf(rec, "count"), Names: namesOf(m["names"]),
			Signs: signsOf(m["signs"])})
	}
	return h, nil
}

// dest says which entity each article's share of a merged or split entity goes to: the part for
// the moved articles, the rest for the others (a merge: one entity for all).
type dest struct {
	part, rest string
	moved      map[string]bool
}

func (d dest) of(article string) string {
	if d.moved[article] {
		return d.part
	}
	return d.rest
}

// restore writes again what an entity held, now under the entity d gives each article's mentions
// and facts: a fact's relation takes that entity for each end that gone reports, and so does a
// fact's place (in every relation that names it); a relation of an entity with itself is dropped,
// as resolution never writes one.
func (h *held) restore(run runFunc, d dest, gone func(id string) bool) error {
	var rows []any
	for _, m := range h.mentions {
		rows = append(rows, map[string]any{"entity": d.of(m.Article), "article": m.Article, "count": m.Count, "names": toAny(m.Names),
			"signs": signsParam(m.Signs)})
	}
	if len(rows) > 0 {
		if _, err := run(qMergeMentions, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	if h.e.Type == graph.Place {
		// a fact of another relation whose place this was: the place its article's mention went to
		if _, err := run(`MATCH ()-[r:`+relPattern+`]->() WHERE $id IN r.places
SET r.places = [i IN range(0, size(r.places) - 1) | CASE WHEN r.places[i] <> $id THEN r.places[i]
    WHEN r.articles[i] IN $moved THEN $part ELSE $rest END]`, d.params(h.e.ID)); err != nil {
			return err
		}
	}
	for _, r := range h.rels {
		for _, nr := range regroup(r, d, gone) {
			if _, err := run(fmt.Sprintf(qRelations, string(nr.Type)), map[string]any{"rows": []any{relationRow(nr)}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// params are the parameters of the place rewrite of entity id.
func (d dest) params(id string) map[string]any {
	moved := []any{}
	for a := range d.moved {
		moved = append(moved, a)
	}
	return map[string]any{"id": id, "moved": moved, "part": d.part, "rest": d.rest}
}

// regroup is relation r with its facts on the relations whose ends that gone reports become the
// entity d gives the fact's article, and a fact whose place gone reports taking it too.
func regroup(r graph.Relation, d dest, gone func(string) bool) []graph.Relation {
	byKey := map[string]*graph.Relation{}
	var keys []string
	for _, f := range r.Facts {
		nr := r
		nr.Facts = nil
		end := d.of(f.Article)
		if gone(nr.From) {
			nr.From = end
		}
		if gone(nr.To) {
			nr.To = end
		}
		if nr.From == nr.To {
			continue
		}
		if gone(f.Place) {
			f.Place = end
		}
		nr.Normalize()
		k := nr.Key()
		if byKey[k] == nil {
			byKey[k] = &nr
			keys = append(keys, k)
		}
		byKey[k].Facts = append(byKey[k].Facts, f)
	}
	out := make([]graph.Relation, 0, len(keys))
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	return out
}

// putEntity writes an entity with its spellings and merge reasons, added to what it holds, or
// replacing them when replace is set.
func putEntity(run runFunc, e graph.Entity, replace bool) error {
	if replace {
		if _, err := run(`MATCH (e:Entity {id: $id}) SET e.aliases = [], e.keys = [], e.merge_reasons = []`, map[string]any{"id": e.ID}); err != nil {
			return err
		}
	}
	keys := []string{names.Fold(e.Name)}
	for _, a := range e.Aliases {
		keys = append(keys, names.Fold(a))
	}
	row := map[string]any{"id": e.ID, "name": e.Name, "type": string(e.Type), "aliases": toAny(union(nil, e.Aliases)),
		"keys": toAny(union(nil, keys)), "merges": toAny(union(nil, e.Merges)), "partial": e.Partial()}
	_, err := run(fmt.Sprintf(qEntities, string(e.Type)), map[string]any{"rows": []any{row}})
	return err
}

// signsOf reads a mention's signs, sorted: nil when none were stored (a mention stored before they
// were kept), empty when stored empty or as graph.NoSigns (by neo4j-admin).
func signsOf(v any) []graph.EntityType {
	if v == nil {
		return nil
	}
	ss := strList(v)
	out := make([]graph.EntityType, 0, len(ss))
	for _, s := range ss {
		if t := graph.EntityType(s); t != graph.NoSigns {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// signsParam is a mention's signs as a statement parameter: null when not known.
func signsParam(ts []graph.EntityType) any {
	if ts == nil {
		return nil
	}
	out := make([]any, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t))
	}
	return out
}

// namesOf reads a mention's spellings, sorted (nil when none were stored).
func namesOf(v any) []string {
	ns := strList(v)
	if len(ns) == 0 {
		return nil
	}
	sort.Strings(ns)
	return ns
}

// Evidence returns every mention, and every HOLDS_POST relation with one fact for each article that
// gives it, holding only the article.
func (s *Store) Evidence(ctx context.Context) ([]graph.Mention, []graph.Relation, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article) RETURN e.id AS entity, a.id AS article, m.count AS count, m.signs AS signs`, nil)
	if err != nil {
		return nil, nil, err
	}
	ms := make([]graph.Mention, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		ms = append(ms, graph.Mention{Entity: strOf(m, "entity"), Article: strOf(m, "article"), Count: intOf(r, "count"), Signs: signsOf(m["signs"])})
	}
	if recs, err = s.read(ctx, `MATCH (a:Entity)-[r:HOLDS_POST]->(b:Entity)
RETURN a.id AS from, b.id AS to, coalesce(r.title, '') AS title, coalesce(r.status, '') AS status, r.articles AS articles`, nil); err != nil {
		return nil, nil, err
	}
	rs := make([]graph.Relation, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		rel := graph.Relation{Type: graph.HoldsPost, From: strOf(m, "from"), To: strOf(m, "to"), Title: strOf(m, "title"), Status: strOf(m, "status")}
		seen := map[string]bool{}
		for _, a := range strList(m["articles"]) {
			if !seen[a] {
				seen[a] = true
				rel.Facts = append(rel.Facts, graph.Fact{Article: a})
			}
		}
		rs = append(rs, rel)
	}
	return ms, rs, nil
}
