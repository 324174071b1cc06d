package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

var _ graph.EntityMerger = (*Store)(nil)

// MergeEntities makes the entities from part of into, in one transaction (see graph.EntityMerger).
func (s *Store) MergeEntities(ctx context.Context, into graph.Entity, from []string) error {
	return s.inTx(ctx, "merge", func(t *txRun) error {
		t.putEntity(into, false)
		for _, id := range from {
			if id == into.ID {
				continue
			}
			if err := t.mergeOne(into.ID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// SplitEntity takes the articles of a spelling out of a stored entity, in one transaction (see
// graph.Split).
func (s *Store) SplitEntity(ctx context.Context, sp graph.Split) error {
	return s.inTx(ctx, "split", func(t *txRun) error {
		var n int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, sp.From).Scan(&n); err != nil || n == 0 {
			return err // split already
		}
		rels, err := relationsOf(ctx, t.tx, sp.From)
		if err != nil {
			return err
		}
		moved := map[string]bool{}
		for _, a := range sp.Articles {
			moved[a] = true
		}
		t.putEntity(sp.Part, false)
		t.putEntity(sp.Rest, true)
		for _, a := range sp.Articles {
			t.moveMentions(sp.From, sp.Part.ID, a)
			t.exec(`UPDATE facts SET place = ? WHERE place = ? AND article = ?`, sp.Part.ID, sp.From, a)
		}
		t.dropRelations(rels)
		if sp.Rest.ID != sp.From {
			t.moveMentions(sp.From, sp.Rest.ID, "")
			t.exec(`UPDATE facts SET place = ? WHERE place = ?`, sp.Rest.ID, sp.From)
		}
		t.putRelations(rels, sp.From, func(f graph.Fact) string {
			if moved[f.Article] {
				return sp.Part.ID
			}
			return sp.Rest.ID
		})
		if sp.Rest.ID != sp.From {
			t.removeEntity(sp.From)
		}
		return nil
	})
}

// txRun runs statements in one transaction, keeping the first error.
type txRun struct {
	ctx  context.Context
	tx   *sql.Tx
	what string
	err  error
}

// inTx runs f in one transaction, committed when neither f nor a statement failed.
func (s *Store) inTx(ctx context.Context, what string, f func(t *txRun) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	t := &txRun{ctx: ctx, tx: tx, what: what}
	if err := f(t); err != nil || t.err != nil {
		tx.Rollback()
		if err == nil {
			err = t.err
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return nil
}

func (t *txRun) exec(q string, args ...any) {
	if t.err != nil {
		return
	}
	if _, err := t.tx.ExecContext(t.ctx, q, args...); err != nil {
		t.err = fmt.Errorf("sqlite: %s: %w", t.what, err)
	}
}

// putEntity writes an entity with its spellings and merge reasons, added to what it holds, or
// replacing them when replace is set.
func (t *txRun) putEntity(e graph.Entity, replace bool) {
	t.exec(`INSERT INTO entities(id, name, type) VALUES (?,?,?)
		ON CONFLICT(id) DO UPDATE SET name=excluded.name, type=excluded.type`, e.ID, e.Name, string(e.Type))
	if replace {
		t.exec(`DELETE FROM aliases WHERE entity = ?`, e.ID)
		t.exec(`DELETE FROM merges WHERE entity = ?`, e.ID)
	}
	for _, al := range append([]string{e.Name}, e.Aliases...) {
		t.exec(`INSERT OR IGNORE INTO aliases(entity, alias, folded) VALUES (?,?,?)`, e.ID, al, names.Fold(al))
	}
	for _, why := range e.Merges {
		t.exec(`INSERT OR IGNORE INTO merges(entity, reason) VALUES (?,?)`, e.ID, why)
	}
}

// mergeOne moves everything entity id holds to into and removes it.
func (t *txRun) mergeOne(into, id string) error {
	rels, err := relationsOf(t.ctx, t.tx, id)
	if err != nil {
		return err
	}
	t.exec(`INSERT OR IGNORE INTO aliases(entity, alias, folded) SELECT ?, alias, folded FROM aliases WHERE entity = ?`, into, id)
	t.exec(`INSERT OR IGNORE INTO merges(entity, reason) SELECT ?, reason FROM merges WHERE entity = ?`, into, id)
	t.moveMentions(id, into, "")
	t.exec(`UPDATE facts SET place = ? WHERE place = ?`, into, id)
	t.dropRelations(rels)
	t.removeEntity(id)
	t.putRelations(rels, id, func(graph.Fact) string { return into })
	return nil
}

// unionNames is the spellings of a mention moved onto another of the same entity and article: both
// sets, sorted (” for none).
const unionNames = `coalesce((SELECT nullif(json_group_array(value), '[]') FROM (
	SELECT value FROM json_each(CASE mentions.names WHEN '' THEN '[]' ELSE mentions.names END)
	UNION SELECT value FROM json_each(CASE excluded.names WHEN '' THEN '[]' ELSE excluded.names END) ORDER BY value)), '')`

// unionSigns is the signs of a mention moved onto another of the same entity and article: both
// sets, sorted (NULL when either is not known).
const unionSigns = `CASE WHEN mentions.signs IS NULL OR excluded.signs IS NULL THEN NULL ELSE (SELECT json_group_array(value) FROM (
	SELECT value FROM json_each(mentions.signs) UNION SELECT value FROM json_each(excluded.signs) ORDER BY value)) END`

// moveMentions moves the mentions of entity from (of one article, or all when article is "") to
// entity to, adding counts and spellings to a mention it has of the same article.
func (t *txRun) moveMentions(from, to, article string) {
	t.exec(`INSERT INTO mentions(entity, article, count, names, signs)
		SELECT ?, article, count, names, signs FROM mentions WHERE entity = ? AND (? = '' OR article = ?)
		ON CONFLICT(entity, article) DO UPDATE SET count = count + excluded.count, names = `+unionNames+`, signs = `+unionSigns,
		to, from, article, article)
	t.exec(`DELETE FROM mentions WHERE entity = ? AND (? = '' OR article = ?)`, from, article, article)
}

// dropRelations deletes relations and their facts.
func (t *txRun) dropRelations(rels []graph.Relation) {
	for _, r := range rels {
		t.exec(`DELETE FROM facts WHERE rel = ?`, r.Key())
		t.exec(`DELETE FROM relations WHERE key = ?`, r.Key())
	}
}

// removeEntity deletes an entity with its spellings, merge reasons and mentions.
func (t *txRun) removeEntity(id string) {
	t.exec(`DELETE FROM mentions WHERE entity = ?`, id)
	t.exec(`DELETE FROM aliases WHERE entity = ?`, id)
	t.exec(`DELETE FROM merges WHERE entity = ?`, id)
	t.exec(`DELETE FROM entities WHERE id = ?`, id)
}

// putRelations writes again the relations of entity id, each fact on the relation whose end id is
// replaced by to(fact) (and its place, when id); a relation of an entity with itself is dropped, as
// resolution never writes one.
func (t *txRun) putRelations(rels []graph.Relation, id string, to func(graph.Fact) string) {
	for _, r := range rels {
		for _, f := range r.Facts {
			nr := r
			end := to(f)
			if nr.From == id {
				nr.From = end
			}
			if nr.To == id {
				nr.To = end
			}
			if nr.From == nr.To {
				continue
			}
			if f.Place == id {
				f.Place = end
			}
			nr.Normalize()
			key := nr.Key()
			t.exec(`INSERT INTO relations(key, type, src, dst, title, status) VALUES (?,?,?,?,?,?)
				ON CONFLICT(key) DO UPDATE SET title = min(title, excluded.title)`,
				key, string(nr.Type), nr.From, nr.To, nr.Title, nr.Status)
			t.exec(`INSERT OR IGNORE INTO facts(rel, fact, article, evidence, start, end, date, place, confidence, rule)
				VALUES (?,?,?,?,?,?,?,?,?,?)`, key, f.ID(), f.Article, f.Evidence, f.Start, f.End, f.Date, f.Place, f.Confidence, f.Rule)
		}
	}
}

// relationsOf reads the relations of one entity with their facts, inside a transaction.
func relationsOf(ctx context.Context, tx *sql.Tx, id string) ([]graph.Relation, error) {
	rows, err := tx.QueryContext(ctx, `SELECT r.key, r.type, r.src, r.dst, r.title, r.status,
		f.article, f.evidence, f.start, f.end, f.date, f.place, f.confidence, f.rule
		FROM relations r JOIN facts f ON f.rel = r.key WHERE r.src = ? OR r.dst = ? ORDER BY r.key, f.article, f.start`, id, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merge: %w", err)
	}
	defer rows.Close()
	var out []graph.Relation
	last := ""
	for rows.Next() {
		var key, t string
		var r graph.Relation
		var f graph.Fact
		if err := rows.Scan(&key, &t, &r.From, &r.To, &r.Title, &r.Status,
			&f.Article, &f.Evidence, &f.Start, &f.End, &f.Date, &f.Place, &f.Confidence, &f.Rule); err != nil {
			return nil, fmt.Errorf("sqlite: merge: %w", err)
		}
		if key != last {
			r.Type = graph.RelType(t)
			out = append(out, r)
			last = key
		}
		out[len(out)-1].Facts = append(out[len(out)-1].Facts, f)
	}
	return out, rows.Err()
}

// Evidence returns every mention, and every HOLDS_POST relation with one fact for each article that
// gives it, holding only the article.
func (s *Store) Evidence(ctx context.Context) ([]graph.Mention, []graph.Relation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entity, article, count, '', signs FROM mentions`)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	var ms []graph.Mention
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	rs, err := s.posts(ctx)
	return ms, rs, err
}

// posts reads every HOLDS_POST relation with one fact (its article alone) for each article that gives it.
func (s *Store) posts(ctx context.Context) ([]graph.Relation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.key, r.src, r.dst, r.title, r.status, f.article FROM relations r
		JOIN facts f ON f.rel = r.key WHERE r.type = ? GROUP BY r.key, f.article ORDER BY r.key, f.article`, string(graph.HoldsPost))
	if err != nil {
		return nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	defer rows.Close()
	var rs []graph.Relation
	last := ""
	for rows.Next() {
		var key, article string
		r := graph.Relation{Type: graph.HoldsPost}
		if err := rows.Scan(&key, &r.From, &r.To, &r.Title, &r.Status, &article); err != nil {
			return nil, fmt.Errorf("sqlite: evidence: %w", err)
		}
		if key != last {
			rs = append(rs, r)
			last = key
		}
		rs[len(rs)-1].Facts = append(rs[len(rs)-1].Facts, graph.Fact{Article: article})
	}
	return rs, rows.Err()
}
