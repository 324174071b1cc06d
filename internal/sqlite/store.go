// Package sqlite is the embedded graph store: one SQLite database file through a pure-Go driver, no
// server and no cgo. It is the default store and gives the same answers as the Neo4j store.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a graph.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
}

var _ graph.Store = (*Store)(nil)

// Open opens (creating when missing) the database file at path and applies the schema.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	// a 64 MB page cache and memory-mapped reads keep path searches off the disk
	dsn := fileURI(path) + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(ON)&_pragma=cache_size(-65536)&_pragma=mmap_size(1073741824)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	s := &Store{db: db, path: path}
	if err := s.ApplySchema(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// fileURI is the SQLite URI of a file: the path is a plain path, so the characters a URI gives a
// meaning ('?' starts the query, '#' the fragment, '%' an escape) are escaped: "a?b.db" is the file
// "a?b.db", not "a" with a query.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// OpenReadOnly opens an existing database file for queries only: a missing file is an error (no
// empty database is created), and a file the user may only read can be queried.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, graph.Errorf(graph.ENotFound, "no database file %s (load one with kgload, or give --db)", path)
		}
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("sqlite: %s is a folder, not a database file", path)
	}
	open := func(mode string) (*Store, error) {
		db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro"+mode+"&_pragma=busy_timeout(10000)&_pragma=query_only(1)"+
			"&_pragma=cache_size(-65536)&_pragma=mmap_size(1073741824)")
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'entities', 'relations', 'facts')`).Scan(&n); err != nil {
			db.Close()
			return nil, err
		}
		if n != 4 {
			db.Close()
			return nil, fmt.Errorf("%s is not a kg database", path)
		}
		return &Store{db: db, path: path}, nil
	}
	s, err := open("")
	if err != nil {
		// a WAL file in a folder the user cannot write: read it as it stands
		if s2, err2 := open("&immutable=1"); err2 == nil {
			return s2, nil
		}
		return nil, fmt.Errorf("sqlite: open %s read-only: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

var ddl = []string{
	`CREATE TABLE IF NOT EXISTS articles (
		id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL DEFAULT '',
		extra TEXT NOT NULL DEFAULT '')`,
	`CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS aliases (
		entity TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, folded TEXT NOT NULL,
		PRIMARY KEY (entity, alias))`,
	`CREATE INDEX IF NOT EXISTS aliases_folded ON aliases(folded)`,
	`CREATE TABLE IF NOT EXISTS merges (
		entity TEXT NOT NULL REFERENCES entities(id), reason TEXT NOT NULL, PRIMARY KEY (entity, reason))`,
	`CREATE TABLE IF NOT EXISTS mentions (
		entity TEXT NOT NULL REFERENCES entities(id), article TEXT NOT NULL REFERENCES articles(id),
		count INTEGER NOT NULL, names TEXT NOT NULL DEFAULT '', signs TEXT, PRIMARY KEY (entity, article))`,
	`CREATE TABLE IF NOT EXISTS relations (
		key TEXT PRIMARY KEY, type TEXT NOT NULL, src TEXT NOT NULL REFERENCES entities(id),
		dst TEXT NOT NULL REFERENCES entities(id), title TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '')`,
	// covering indexes: a path search reads neighbours from the index alone
	`CREATE INDEX IF NOT EXISTS relations_src_dst ON relations(src, type, dst)`,
	`CREATE INDEX IF NOT EXISTS relations_dst_src ON relations(dst, type, src)`,
	`DROP INDEX IF EXISTS relations_src`,
	`DROP INDEX IF EXISTS relations_dst`,
	`CREATE TABLE IF NOT EXISTS facts (
		rel TEXT NOT NULL REFERENCES relations(key), fact TEXT NOT NULL, article TEXT NOT NULL,
		evidence TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, date TEXT NOT NULL DEFAULT '',
		place TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL, rule TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (rel, fact))`,
	`CREATE INDEX IF NOT EXISTS facts_article ON facts(article)`,
	`CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article)`,
}

// columns added since the first release, added to older files when they open
var addedColumns = []struct{ table, column, def string }{
	{"articles", "hash", "TEXT NOT NULL DEFAULT ''"},
	{"articles", "extra", "TEXT NOT NULL DEFAULT ''"},
	// the spellings an article used for an entity (graph.Mention.Names), a JSON array; '' in a
	// mention stored before they were kept
	{"mentions", "names", "TEXT NOT NULL DEFAULT ''"},
	// the types the article showed signs of (graph.Mention.Signs), a JSON array; NULL in a mention
	// stored before they were kept
	{"mentions", "signs", "TEXT"},
}

// ApplySchema creates the tables and indexes when missing.
func (s *Store) ApplySchema(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, ddl[0]); err != nil {
		return fmt.Errorf("sqlite: schema: %w", err)
	}
	for _, c := range addedColumns {
		cols, err := s.strings(ctx, `SELECT name FROM pragma_table_info(?)`, c.table)
		if err != nil {
			return err
		}
		has := len(cols) == 0 // a new table, created with it below
		for _, n := range cols {
			has = has || n == c.column
		}
		if !has {
			if _, err := s.db.ExecContext(ctx, `ALTER TABLE `+c.table+` ADD COLUMN `+c.column+` `+c.def); err != nil {
				return fmt.Errorf("sqlite: schema: %w", err)
			}
		}
	}
	for _, q := range ddl {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: schema: %w", err)
		}
	}
	return nil
}

// Write merges a batch in one transaction.
func (s *Store) Write(ctx context.Context, b *graph.Batch) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: write: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	// each statement is prepared once per batch: a load runs the same few statements many times
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	exec := func(q string, args ...any) {
		if err != nil {
			return
		}
		st, ok := stmts[q]
		if !ok {
			var e error
			if st, e = tx.PrepareContext(ctx, q); e != nil {
				err = fmt.Errorf("sqlite: write: %w", e)
				return
			}
			stmts[q] = st
		}
		if _, e := st.ExecContext(ctx, args...); e != nil {
			err = fmt.Errorf("sqlite: write: %w", e)
		}
	}
	for _, a := range b.Articles {
		exec(`INSERT INTO articles(id, title, url, published, source, extra) VALUES (?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET title=excluded.title, url=excluded.url, published=excluded.published,
			source=excluded.source, extra=excluded.extra`,
			a.ID, a.Title, a.URL, a.Published, a.Source, encodeExtra(a.Extra))
	}
	for _, e := range b.Entities {
		exec(`INSERT INTO entities(id, name, type) VALUES (?,?,?)
			ON CONFLICT(id) DO UPDATE SET name=excluded.name, type=excluded.type`, e.ID, e.Name, string(e.Type))
		for _, al := range append([]string{e.Name}, e.Aliases...) {
			exec(`INSERT OR IGNORE INTO aliases(entity, alias, folded) VALUES (?,?,?)`, e.ID, al, names.Fold(al))
		}
		for _, why := range e.Merges {
			exec(`INSERT OR IGNORE INTO merges(entity, reason) VALUES (?,?)`, e.ID, why)
		}
	}
	for _, m := range b.Mentions {
		exec(`INSERT INTO mentions(entity, article, count, names, signs) VALUES (?,?,?,?,?)
			ON CONFLICT(entity, article) DO UPDATE SET count=excluded.count, names=excluded.names, signs=excluded.signs`,
			m.Entity, m.Article, m.Count, encodeNames(m.Names), encodeSigns(m.Signs))
	}
	for _, r := range b.Relations {
		r.Normalize()
		key := r.Key()
		// one title rule on both stores: of the spellings of one post (the key folds case), the
		// smallest in byte order, whatever order the articles come in
		exec(`INSERT INTO relations(key, type, src, dst, title, status) VALUES (?,?,?,?,?,?)
			ON CONFLICT(key) DO UPDATE SET title = min(title, excluded.title)`,
			key, string(r.Type), r.From, r.To, r.Title, r.Status)
		for _, f := range r.Facts {
			exec(`INSERT OR IGNORE INTO facts(rel, fact, article, evidence, start, end, date, place, confidence, rule)
				VALUES (?,?,?,?,?,?,?,?,?,?)`, key, f.ID(), f.Article, f.Evidence, f.Start, f.End, f.Date, f.Place, f.Confidence, f.Rule)
		}
	}
	for _, a := range b.Articles {
		exec(`UPDATE articles SET hash = ? WHERE id = ?`, a.Hash, a.ID)
	}
	if err != nil {
		return err
	}
	if e := tx.Commit(); e != nil {
		return fmt.Errorf("sqlite: commit: %w", e)
	}
	return nil
}

// Counts returns the sizes of the stored graph.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	var c graph.Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM entities), (SELECT count(*) FROM relations),
		(SELECT count(*) FROM facts), (SELECT count(*) FROM mentions)`).
		Scan(&c.Articles, &c.Entities, &c.Relations, &c.Facts, &c.Mentions)
	if err != nil {
		return c, fmt.Errorf("sqlite: counts: %w", err)
	}
	return c, nil
}

// Entity returns one entity by id.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	es, err := s.entitiesWhere(ctx, `id = ?`, []any{id})
	if err != nil {
		return graph.Entity{}, err
	}
	if len(es) == 0 {
		return graph.Entity{}, graph.Errorf(graph.ENotFound, "no entity with id %q", id)
	}
	return es[0], nil
}

// Lookup returns the entities with the given ids, three queries for each 400 of them.
func (s *Store) Lookup(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	out := map[string]graph.Entity{}
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		es, err := s.entitiesWhere(ctx, `id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`)`, args)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out[e.ID] = e
		}
	}
	return out, nil
}

// entitiesWhere reads the entities a condition on the entities table selects, with their aliases and
// merge reasons, in three queries, sorted by id.
func (s *Store) entitiesWhere(ctx context.Context, cond string, args []any) ([]graph.Entity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, type FROM entities WHERE `+cond+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	var out []graph.Entity
	idx := map[string]int{}
	for rows.Next() {
		var e graph.Entity
		var t string
		if err := rows.Scan(&e.ID, &e.Name, &t); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
		e.Type = graph.EntityType(t)
		idx[e.ID] = len(out)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	sub := `SELECT id FROM entities WHERE ` + cond
	for _, q := range []struct {
		sql   string
		alias bool
	}{
		{`SELECT entity, alias FROM aliases WHERE entity IN (` + sub + `) ORDER BY entity, alias`, true},
		{`SELECT entity, reason FROM merges WHERE entity IN (` + sub + `) ORDER BY entity, reason`, false},
	} {
		rows, err := s.db.QueryContext(ctx, q.sql, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
		for rows.Next() {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: entities: %w", err)
			}
			i, ok := idx[id]
			switch {
			case !ok:
			case q.alias && v != out[i].Name:
				out[i].Aliases = append(out[i].Aliases, v)
			case !q.alias:
				out[i].Merges = append(out[i].Merges, v)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
	}
	return out, nil
}

// FindEntities returns the entities a name or alias folds to, sorted by id.
func (s *Store) FindEntities(ctx context.Context, name string) ([]graph.Entity, error) {
	return s.entitiesWhere(ctx, `id IN (SELECT entity FROM aliases WHERE folded = ?)`, []any{names.Fold(name)})
}

// strings runs a query that returns one text column.
func (s *Store) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// typeFilter returns an SQL condition and its arguments restricting relations to the given types.
func typeFilter(types []graph.RelType) (string, []any) {
	if len(types) == 0 {
		types = graph.RelTypes
	}
	marks := make([]string, len(types))
	args := make([]any, len(types))
	for i, t := range types {
		marks[i] = "?"
		args[i] = string(t)
	}
	return "type IN (" + strings.Join(marks, ",") + ")", args
}

// adjacency returns the neighbours of each entity over the given types, sorted.
func (s *Store) adjacency(ctx context.Context, ids []string, types []graph.RelType) (map[string][]string, error) {
	cond, targs := typeFilter(types)
	var pairs [][2]string
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		marks := strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")
		var args []any
		for _, id := range chunk {
			args = append(args, id)
		}
		args = append(args, targs...)
		all := append(append([]any{}, args...), args...)
		rows, err := s.db.QueryContext(ctx, `SELECT src, dst FROM relations WHERE src IN (`+marks+`) AND `+cond+
			` UNION ALL SELECT dst, src FROM relations WHERE dst IN (`+marks+`) AND `+cond, all...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: neighbours: %w", err)
		}
		for rows.Next() {
			var p [2]string
			if err := rows.Scan(&p[0], &p[1]); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: neighbours: %w", err)
			}
			pairs = append(pairs, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: neighbours: %w", err)
		}
	}
	return graph.SortedNeighbours(pairs), nil
}

// ShortestPath finds the lexicographically smallest of the shortest paths (graph.LexShortestPath),
// a layer of the search per query.
func (s *Store) ShortestPath(ctx context.Context, from, to string, opts graph.PathOptions) (*graph.Path, error) {
	return graph.ShortestPathOver(ctx, s.adjacency, s.Lookup, graph.BetweenEach(s.relationsBetween), from, to, opts)
}

// relationsBetween returns every relation joining a and b, in either direction, with its facts.
func (s *Store) relationsBetween(ctx context.Context, a, b string, types []graph.RelType) ([]graph.Relation, error) {
	cond, targs := typeFilter(types)
	args := append([]any{a, b, b, a}, targs...)
	return s.relations(ctx, `SELECT key, type, src, dst, title, status FROM relations
		WHERE ((src = ? AND dst = ?) OR (src = ? AND dst = ?)) AND `+cond, args...)
}

func (s *Store) relations(ctx context.Context, q string, args ...any) ([]graph.Relation, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: relations: %w", err)
	}
	var out []graph.Relation
	var keys []string
	for rows.Next() {
		var r graph.Relation
		var key, t string
		if err := rows.Scan(&key, &t, &r.From, &r.To, &r.Title, &r.Status); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: relations: %w", err)
		}
		r.Type = graph.RelType(t)
		out = append(out, r)
		keys = append(keys, key)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: relations: %w", err)
	}
	facts, err := s.factsOf(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Facts = facts[keys[i]]
	}
	graph.SortRelations(out)
	return out, nil
}

// inChunks runs f on the ids 500 at a time (SQLite bounds a statement's parameters), with the
// placeholders and arguments of an IN list.
func inChunks(ids []string, f func(marks string, args []any) error) error {
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := f(strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ","), args); err != nil {
			return err
		}
	}
	return nil
}

// factsOf reads the facts of the given relations, by relation key, each relation's in the order of
// article and offset, 500 relations a query.
func (s *Store) factsOf(ctx context.Context, keys []string) (map[string][]graph.Fact, error) {
	out := map[string][]graph.Fact{}
	err := inChunks(keys, func(marks string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT rel, article, evidence, start, end, date, place, confidence, rule
			FROM facts WHERE rel IN (`+marks+`) ORDER BY rel, article, start`, args...)
		if err != nil {
			return fmt.Errorf("sqlite: facts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var key string
			var f graph.Fact
			if err := rows.Scan(&key, &f.Article, &f.Evidence, &f.Start, &f.End, &f.Date, &f.Place, &f.Confidence, &f.Rule); err != nil {
				return fmt.Errorf("sqlite: facts: %w", err)
			}
			out[key] = append(out[key], f)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: facts: %w", err)
		}
		return nil
	})
	return out, err
}

// Relations returns every relation touching any of ids, over the given types.
func (s *Store) Relations(ctx context.Context, ids []string, types []graph.RelType) ([]graph.Relation, error) {
	var out []graph.Relation
	seen := map[string]bool{}
	cond, targs := typeFilter(types)
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		marks := strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")
		args := []any{}
		for _, id := range chunk {
			args = append(args, id)
		}
		all := append(append(append([]any{}, args...), args...), targs...)
		rs, err := s.relations(ctx, `SELECT key, type, src, dst, title, status FROM relations
			WHERE (src IN (`+marks+`) OR dst IN (`+marks+`)) AND `+cond, all...)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if k := r.Key(); !seen[k] {
				seen[k] = true
				out = append(out, r)
			}
		}
	}
	graph.SortRelations(out)
	return out, nil
}

// Mentions returns the articles that name an entity.
func (s *Store) Mentions(ctx context.Context, id string) ([]graph.Mention, error) {
	return mentionsOf(ctx, s.db, id)
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// mentionsOf reads the mentions of one entity with their spellings.
func mentionsOf(ctx context.Context, q querier, id string) ([]graph.Mention, error) {
	rows, err := q.QueryContext(ctx, `SELECT entity, article, count, names, signs FROM mentions WHERE entity = ? ORDER BY article`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: mentions: %w", err)
	}
	defer rows.Close()
	var out []graph.Mention
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanMention reads a row of entity, article, count, names and signs.
func scanMention(rows *sql.Rows) (graph.Mention, error) {
	var m graph.Mention
	var ns string
	var signs sql.NullString
	err := rows.Scan(&m.Entity, &m.Article, &m.Count, &ns, &signs)
	if err == nil {
		m.Names, err = decodeNames(ns)
	}
	if err == nil && signs.Valid {
		err = json.Unmarshal([]byte(signs.String), &m.Signs)
		if m.Signs == nil {
			m.Signs = []graph.EntityType{}
		}
	}
	return m, err
}

// encodeSigns stores a mention's signs as a JSON array, sorted; NULL when not known.
func encodeSigns(ts []graph.EntityType) any {
	if ts == nil {
		return nil
	}
	ss := make([]string, 0, len(ts))
	for _, t := range ts {
		ss = append(ss, string(t))
	}
	b, _ := json.Marshal(sortedStrings(ss))
	return string(b)
}

// sortedStrings returns the distinct strings of xs, sorted, never nil.
func sortedStrings(xs []string) []string {
	out := append([]string{}, xs...)
	sort.Strings(out)
	return slices.Compact(out)
}

// encodeNames stores a mention's spellings as a JSON array (” for none).
func encodeNames(ns []string) string {
	if len(ns) == 0 {
		return ""
	}
	b, _ := json.Marshal(ns)
	return string(b)
}

// decodeNames reads what encodeNames stored.
func decodeNames(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var ns []string
	err := json.Unmarshal([]byte(s), &ns)
	return ns, err
}

// Names returns every spelling of every entity.
func (s *Store) Names(ctx context.Context) ([]graph.Name, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entity, alias FROM aliases ORDER BY entity, alias`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: names: %w", err)
	}
	defer rows.Close()
	var out []graph.Name
	for rows.Next() {
		var n graph.Name
		if err := rows.Scan(&n.Entity, &n.Name); err != nil {
			return nil, fmt.Errorf("sqlite: names: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func encodeExtra(m map[string]string) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}

func decodeExtra(s string) map[string]string {
	if s == "" {
		return nil
	}
	var m map[string]string
	if json.Unmarshal([]byte(s), &m) != nil || len(m) == 0 {
		return nil
	}
	return m
}

// ArticleHashes returns the stored hash of each given article that is stored completely.
func (s *Store) ArticleHashes(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		marks := strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")
		var args []any
		for _, id := range chunk {
			args = append(args, id)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id, hash FROM articles WHERE hash <> '' AND id IN (`+marks+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: hashes: %w", err)
		}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: hashes: %w", err)
			}
			out[id] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: hashes: %w", err)
		}
	}
	return out, nil
}

// RemoveArticles takes out everything the given articles said, in one transaction.
func (s *Store) RemoveArticles(ctx context.Context, ids []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: remove: %w", err)
	}
	defer tx.Rollback()
	for _, id := range ids {
		for _, q := range []string{
			`DELETE FROM facts WHERE article = ?`,
			`DELETE FROM mentions WHERE article = ?`,
			`DELETE FROM articles WHERE id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("sqlite: remove: %w", err)
			}
		}
	}
	for _, q := range []string{
		`DELETE FROM relations WHERE NOT EXISTS (SELECT 1 FROM facts WHERE facts.rel = relations.key)`,
		`DELETE FROM aliases WHERE entity IN (SELECT id FROM entities e WHERE
			NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = e.id) AND
			NOT EXISTS (SELECT 1 FROM relations r WHERE r.src = e.id OR r.dst = e.id))`,
		`DELETE FROM merges WHERE entity NOT IN (SELECT entity FROM aliases)`,
		`DELETE FROM entities WHERE id NOT IN (SELECT entity FROM aliases)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: remove: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: remove: %w", err)
	}
	return nil
}

// Entities returns every entity, sorted by id, in three queries.
func (s *Store) Entities(ctx context.Context) ([]graph.Entity, error) {
	return s.entitiesWhere(ctx, `1 = 1`, nil)
}

// Articles returns the stored articles with the given ids, sorted by id, 500 a query.
func (s *Store) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	var out []graph.Article
	seen := map[string]bool{}
	err := inChunks(ids, func(marks string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT id, title, url, published, source, hash, extra FROM articles WHERE id IN (`+marks+`)`, args...)
		if err != nil {
			return fmt.Errorf("sqlite: articles: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var a graph.Article
			var extra string
			if err := rows.Scan(&a.ID, &a.Title, &a.URL, &a.Published, &a.Source, &a.Hash, &extra); err != nil {
				return fmt.Errorf("sqlite: articles: %w", err)
			}
			if seen[a.ID] { // an id asked for twice
				continue
			}
			seen[a.ID] = true
			a.Extra = decodeExtra(extra)
			out = append(out, a)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: articles: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Dump returns the whole graph in canonical order.
func (s *Store) Dump(ctx context.Context) (*graph.Batch, error) {
	b := &graph.Batch{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, url, published, source, hash, extra FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: dump: %w", err)
	}
	for rows.Next() {
		var a graph.Article
		var extra string
		if err := rows.Scan(&a.ID, &a.Title, &a.URL, &a.Published, &a.Source, &a.Hash, &extra); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: dump: %w", err)
		}
		a.Extra = decodeExtra(extra)
		b.Articles = append(b.Articles, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: dump: %w", err)
	}
	if b.Entities, err = s.Entities(ctx); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT entity, article, count, names, signs FROM mentions`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: dump: %w", err)
	}
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: dump: %w", err)
		}
		b.Mentions = append(b.Mentions, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: dump: %w", err)
	}
	if b.Relations, err = s.relations(ctx, `SELECT key, type, src, dst, title, status FROM relations`); err != nil {
		return nil, err
	}
	graph.Canonicalize(b)
	return b, nil
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }
