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
func (s *Store) MergeEntities(ctx context.Context, into graph.Entity, from []string) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: merge: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	exec := func(q string, args ...any) {
		if err != nil {
			return
		}
		if _, e := tx.ExecContext(ctx, q, args...); e != nil {
			err = fmt.Errorf("sqlite: merge: %w", e)
		}
	}
	exec(`INSERT INTO entities(id, name, type) VALUES (?,?,?)
		ON CONFLICT(id) DO UPDATE SET name=excluded.name, type=excluded.type`, into.ID, into.Name, string(into.Type))
	for _, al := range append([]string{into.Name}, into.Aliases...) {
		exec(`INSERT OR IGNORE INTO aliases(entity, alias, folded) VALUES (?,?,?)`, into.ID, al, names.Fold(al))
	}
	for _, why := range into.Merges {
		exec(`INSERT OR IGNORE INTO merges(entity, reason) VALUES (?,?)`, into.ID, why)
	}
	for _, id := range from {
		if id == into.ID || err != nil {
			continue
		}
		var rels []graph.Relation
		rels, err = relationsOf(ctx, tx, id)
		if err != nil {
			return err
		}
		exec(`INSERT OR IGNORE INTO aliases(entity, alias, folded) SELECT ?, alias, folded FROM aliases WHERE entity = ?`, into.ID, id)
		exec(`INSERT OR IGNORE INTO merges(entity, reason) SELECT ?, reason FROM merges WHERE entity = ?`, into.ID, id)
		exec(`INSERT INTO mentions(entity, article, count) SELECT ?, article, count FROM mentions WHERE entity = ? AND true
			ON CONFLICT(entity, article) DO UPDATE SET count = count + excluded.count`, into.ID, id)
		exec(`UPDATE facts SET place = ? WHERE place = ?`, into.ID, id)
		for _, r := range rels {
			old := r.Key()
			exec(`DELETE FROM facts WHERE rel = ?`, old)
			exec(`DELETE FROM relations WHERE key = ?`, old)
		}
		exec(`DELETE FROM mentions WHERE entity = ?`, id)
		exec(`DELETE FROM aliases WHERE entity = ?`, id)
		exec(`DELETE FROM merges WHERE entity = ?`, id)
		exec(`DELETE FROM entities WHERE id = ?`, id)
		for _, r := range rels {
			if r.From == id {
				r.From = into.ID
			}
			if r.To == id {
				r.To = into.ID
			}
			if r.From == r.To {
				continue // a relation of the entity with itself: resolution never writes one
			}
			r.Normalize()
			key := r.Key()
			exec(`INSERT INTO relations(key, type, src, dst, title, status) VALUES (?,?,?,?,?,?)
				ON CONFLICT(key) DO UPDATE SET title = min(title, excluded.title)`,
				key, string(r.Type), r.From, r.To, r.Title, r.Status)
			for _, f := range r.Facts {
				if f.Place == id {
					f.Place = into.ID
				}
				exec(`INSERT OR IGNORE INTO facts(rel, fact, article, evidence, start, end, date, place, confidence, rule)
					VALUES (?,?,?,?,?,?,?,?,?,?)`, key, f.ID(), f.Article, f.Evidence, f.Start, f.End, f.Date, f.Place, f.Confidence, f.Rule)
			}
		}
	}
	if err != nil {
		return err
	}
	if e := tx.Commit(); e != nil {
		return fmt.Errorf("sqlite: merge: %w", e)
	}
	return nil
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

// Evidence returns every mention and every HOLDS_POST relation without facts.
func (s *Store) Evidence(ctx context.Context) ([]graph.Mention, []graph.Relation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entity, article, count FROM mentions`)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	var ms []graph.Mention
	for rows.Next() {
		var m graph.Mention
		if err := rows.Scan(&m.Entity, &m.Article, &m.Count); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT src, dst, title, status FROM relations WHERE type = ?`, string(graph.HoldsPost))
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	defer rows.Close()
	var rs []graph.Relation
	for rows.Next() {
		r := graph.Relation{Type: graph.HoldsPost}
		if err := rows.Scan(&r.From, &r.To, &r.Title, &r.Status); err != nil {
			return nil, nil, fmt.Errorf("sqlite: evidence: %w", err)
		}
		rs = append(rs, r)
	}
	return ms, rs, rows.Err()
}
