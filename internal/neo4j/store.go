// Package neo4j is the graph store on a Neo4j 5 server, through the official Go driver. It is the only
// package that imports the driver. Every value reaches Cypher as a parameter; relationship types and
// labels, which Cypher cannot take as parameters, come only from the fixed lists in package graph.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/schema"
)

// Config says how to reach a Neo4j server. Password is never printed.
type Config struct {
	URI      string
	Username string
	Password string
	Database string
	// ConnectTimeout bounds connecting, the Bolt handshake and logging in (0: DefaultConnectTimeout),
	// so that a server that accepts connections and never answers cannot hang a tool.
	ConnectTimeout time.Duration
	// Timeout bounds each statement, retries inside the driver included (0: DefaultTimeout).
	Timeout time.Duration
	// RetryFor, when set, is how long the caller retries passing failures itself: the driver's own
	// retries of a transaction then stay within a quarter of it.
	RetryFor time.Duration
}

// Default timeouts.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 5 * time.Minute
)

// String describes the connection without the password, even one written inside the URI.
func (c Config) String() string {
	return fmt.Sprintf("%s (user %s, database %s)", RedactURI(c.URI), c.Username, c.Database)
}

// RedactURI drops the user and password a URI may carry (bolt://user:secret@host): they are never
// printed.
func RedactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil {
		if u.User == nil {
			return uri
		}
		u.User = nil
		return u.String()
	}
	// not a URI Go can read: cut whatever stands between "//" and the last "@" of the authority
	if i := strings.Index(uri, "//"); i >= 0 {
		rest := uri[i+2:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
			return uri[:i+2] + rest[at+1:]
		}
	}
	return uri
}

// credentials moves a user and password written in the URI into the config (the flags' own win),
// so the driver gets a URI without them; secrets lists what of the URI no message may show (the
// password itself is never put in a message).
func (c *Config) credentials() (secrets []string) {
	u, err := url.Parse(c.URI)
	if err != nil || u.User == nil {
		if c.URI != RedactURI(c.URI) {
			secrets = append(secrets, c.URI)
		}
		return secrets
	}
	if pw, ok := u.User.Password(); ok && pw != "" {
		secrets = append(secrets, pw, url.QueryEscape(pw), url.PathEscape(pw))
		if c.Password == "" {
			c.Password = pw
			if name := u.User.Username(); name != "" {
				c.Username = name
			}
		}
	}
	u.User = nil
	c.URI = u.String()
	return secrets
}

// scrub replaces every secret in err's message.
func scrub(err error, secrets []string) error {
	msg := err.Error()
	clean := msg
	for _, s := range secrets {
		if s != "" {
			clean = strings.ReplaceAll(clean, s, "***")
		}
	}
	if clean == msg {
		return err
	}
	return errors.New(clean)
}

// Store is a graph.Store on a Neo4j server.
type Store struct {
	drv     driver.DriverWithContext
	db      string
	timeout time.Duration // per statement (see Config.Timeout)
	// retryFor is how long ApplySchema rides out a restarting server (see Config.RetryFor)
	retryFor time.Duration
	// step, when set, is called after each write statement: tests kill the process there.
	step func()
	// written remembers, for each entity this store has written, what it wrote, so that a load
	// writes an entity again only when a batch adds to it (see Write).
	written map[string]*entityWritten
	// buffer is how many rows writes may gather before they are sent (see Buffer); pending holds them.
	buffer   int
	pending  graph.Batch
	inflight *flight // the gathered batch being written in the background, if any
	// held is the gathered batches whose relations and hashes are not written yet (see Buffer), of
	// heldRows rows before they were coalesced.
	held     graph.Batch
	heldRows int
	// stats is the time spent in each kind of write statement (see StatementStats).
	statsMu sync.Mutex
	stats   map[string]*StatementStat
}

// StatementStat is what one kind of write statement cost the store since it was opened: how many
// statements it sent, the rows they carried, and the time from sending each to its commit.
type StatementStat struct {
	Kind       string
	Statements int
	Rows       int
	Time       time.Duration
}

// StatementStats returns the cost of each kind of write statement so far, the most costly first. The
// load benchmark prints it: it is the profile that says where a load's time goes.
func (s *Store) StatementStats() []StatementStat {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	out := make([]StatementStat, 0, len(s.stats))
	for _, st := range s.stats {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time > out[j].Time })
	return out
}

// count adds one statement of a kind to the store's statistics.
func (s *Store) count(kind string, rows int, took time.Duration) {
	s.statsMu.Lock()
	defer s.statsMu.Unlock()
	if s.stats == nil {
		s.stats = map[string]*StatementStat{}
	}
	st := s.stats[kind]
	if st == nil {
		st = &StatementStat{Kind: kind}
		s.stats[kind] = st
	}
	st.Statements++
	st.Rows += rows
	st.Time += took
}

// SetStepHook makes the store call f after each write statement. Only tests use it.
func (s *Store) SetStepHook(f func()) { s.step = f }

// Retryable reports whether an error is passing: the server is restarting or unreachable for now,
// or the transaction met a transient failure. Such writes are worth trying again.
func (s *Store) Retryable(err error) bool {
	if err == nil {
		return false
	}
	return driverRetryable(err) || IsUnavailable(err)
}

var _ graph.Store = (*Store)(nil)

// writeChunk is how many rows one UNWIND statement carries.
const writeChunk = 10000

// Open connects to the server and checks that it answers. It writes nothing: the schema is applied by
// kgload (ApplySchema) and `kgload schema`, so a read-only tool such as kgquery never writes, and its
// connect costs no schema statements. Reads work without the schema, only slower.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	secrets := cfg.credentials()
	s, err := open(ctx, cfg)
	if err != nil {
		return nil, scrub(err, secrets)
	}
	return s, nil
}

func open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	drv, err := driver.NewDriverWithContext(cfg.URI, driver.BasicAuth(cfg.Username, cfg.Password, ""), func(c *config.Config) {
		c.MaxTransactionRetryTime = time.Minute // ride out a server restart inside one transaction
		if cfg.RetryFor > 0 {
			c.MaxTransactionRetryTime = min(c.MaxTransactionRetryTime, cfg.RetryFor/4)
		}
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: %s: %w", cfg, err)
	}
	vctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	err = drv.VerifyConnectivity(vctx)
	cancel()
	if err != nil {
		drv.Close(context.Background())
		if ctx.Err() == nil && vctx.Err() != nil {
			return nil, fmt.Errorf("neo4j: cannot reach %s: no answer within %s", cfg, cfg.ConnectTimeout)
		}
		return nil, fmt.Errorf("neo4j: cannot reach %s: %w", cfg, err)
	}
	return &Store{drv: drv, db: cfg.Database, timeout: cfg.Timeout, retryFor: cfg.RetryFor}, nil
}

// bounded gives ctx the store's statement timeout.
func (s *Store) bounded(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, s.timeout)
}

// Close waits for a write in flight (Flush reports its errors; a caller that closes without
// flushing drops them) and closes the driver.
func (s *Store) Close() error {
	s.land()
	return s.drv.Close(context.Background())
}

func (s *Store) read(ctx context.Context, q string, params map[string]any) ([]*driver.Record, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	res, err := driver.ExecuteQuery(ctx, s.drv, q, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(s.db), driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("neo4j: %w", err)
	}
	return res.Records, nil
}

// ApplySchema runs the statements of the schema/ folder.
// A server restarting just after it answered: the schema is retried for the store's retry time (the
// driver's own retries are kept short when that is set), else for a minute.
func (s *Store) ApplySchema(ctx context.Context) error {
	budget := s.retryFor
	if budget <= 0 {
		budget = time.Minute
	}
	deadline := time.Now().Add(budget)
	for {
		err := s.applySchema(ctx)
		if err == nil {
			return nil
		}
		if !s.Retryable(err) || time.Now().Add(time.Second).After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) applySchema(ctx context.Context) error {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	for _, q := range schema.Statements() {
		if _, err := driver.ExecuteQuery(ctx, s.drv, q, nil, driver.EagerResultTransformer,
			driver.ExecuteQueryWithDatabase(s.db)); err != nil {
			return fmt.Errorf("neo4j: schema: %s: %w", q, err)
		}
	}
	return nil
}

// Wipe deletes every node and relationship. Only tests call it, on their own server. CALL ... IN
// TRANSACTIONS needs an auto-commit transaction, hence session.Run.
func (s *Store) Wipe(ctx context.Context) error {
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	s.land()
	s.pending, s.held, s.heldRows = graph.Batch{}, graph.Batch{}, 0
	s.forget()
	// relationships first, 10,000 to a transaction: deleting a node with all its relationships at
	// once holds every one of them in the transaction's memory, too much for an entity mentioned in
	// every article of a large load
	for _, q := range []string{
		`MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("neo4j: wipe: %w", err)
		}
	}
	return nil
}

const (
	qArticles = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.url = row.url, a.published = row.published, a.source = row.source
SET a += row.extra`

	// The hash is set only on an article that holds at least the mentions this write gave it: an
	// entity deleted by another load's clean-up before it was linked leaves the article without its
	// hash, and Write writes the batch again.
	qArticleHashes = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE COUNT { (a)<-[:MENTIONED_IN]-(:Entity) } >= row.mentions
SET a.hash = row.hash
RETURN a.id AS id`

	// Entity labels cannot be parameters: one statement per kind, each text fixed.
	qEntities = `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:%s, e.name = row.name, e.type = row.type, e.partial = row.partial,
    e.aliases = reduce(acc = coalesce(e.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    e.keys = reduce(acc = coalesce(e.keys, []), x IN row.keys | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    e.merge_reasons = reduce(acc = coalesce(e.merge_reasons, []), x IN row.merges | CASE WHEN x IN acc THEN acc ELSE acc + x END)`

	qMentions = `UNWIND $rows AS row
MATCH (e:Entity {id: row.entity}), (a:Article {id: row.article})
MERGE (e)-[m:MENTIONED_IN]->(a)
SET m.count = row.count, m.names = row.names, m.signs = row.signs`

	// One statement per relation type, with no clause after the MERGE: a relationship not stored yet
	// (every one, in a first load) takes its row's lists whole, and a stored one is appended the facts
	// it lacks (same article and sentence: writing a fact twice changes nothing). Reading the lists
	// back in a later clause after writing them made Neo4j put every row through Eager, twice, at 3.6
	// to 7 times the reference loader's database hits (BenchmarkRelationStatement). fact_ids is written
	// last, as the other lists' filters read its stored value, and dates, places and rules before
	// articles, which pads them when a bulk import left them out. Of the spellings of a post's title
	// (the key folds case) the smallest in byte order stays, as on the embedded store.
	qRelations = `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:%s {key: row.key}]->(b)
ON CREATE SET r.title = row.title, r.status = row.status, r.fact_ids = row.fact_ids, r.articles = row.articles,
    r.evidence = row.evidence, r.starts = row.starts, r.ends = row.ends, r.dates = row.dates, r.places = row.places,
    r.confidences = row.confidences, r.rules = row.rules, r.confidence = row.confidence, r.date = row.date
ON MATCH SET r.title = CASE WHEN r.title IS NULL OR row.title < r.title THEN row.title ELSE r.title END, r.status = row.status,
    r.dates = coalesce(r.dates, [x IN coalesce(r.articles, []) | '']) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.dates[i]],
    r.places = coalesce(r.places, [x IN coalesce(r.articles, []) | '']) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.places[i]],
    r.rules = coalesce(r.rules, [x IN coalesce(r.articles, []) | '']) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.rules[i]],
    r.evidence = coalesce(r.evidence, []) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.evidence[i]],
    r.starts = coalesce(r.starts, []) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.starts[i]],
    r.ends = coalesce(r.ends, []) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.ends[i]],
    r.confidences = coalesce(r.confidences, []) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.confidences[i]],
    r.articles = coalesce(r.articles, []) + [i IN range(0, size(row.fact_ids) - 1) WHERE NOT row.fact_ids[i] IN coalesce(r.fact_ids, []) | row.articles[i]],
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.date = CASE WHEN row.date <> '' AND (coalesce(r.date, '') = '' OR row.date < r.date) THEN row.date ELSE coalesce(r.date, '') END,
    r.fact_ids = coalesce(r.fact_ids, []) + [x IN row.fact_ids WHERE NOT x IN coalesce(r.fact_ids, [])]`
)

// writeTries is how often Write writes a batch whose articles did not all land (another load's
// clean-up took an entity between its writing and its linking) before it gives up.
const writeTries = 5

// Write merges a batch: articles and entities first, then mentions and relations, each in chunks of
// UNWIND rows inside managed (retried) write transactions, and last the articles' hashes. An entity
// this store has written before is left out unless the batch gives it something new (a name, an
// alias, a merge reason). After Buffer, batches gather until they hold enough rows; then they are
// written in the background while the next ones gather (see Buffer). Write, Flush and
// RemoveArticles are called by one goroutine at a time.
func (s *Store) Write(ctx context.Context, b *graph.Batch) error {
	if s.buffer <= 0 {
		if err := s.Flush(ctx); err != nil {
			return err
		}
		return s.writeAll(ctx, b)
	}
	// one gathered batch in flight at a time: wait for it before gathering more than a buffer
	// (when it failed, its rows are back in the buffer and b is not taken: the caller writes b again)
	if rowsOf(&s.pending)+rowsOf(b) >= s.buffer {
		if err := s.land(); err != nil {
			return err
		}
	}
	p := &s.pending
	for _, a := range b.Articles {
		a.Text = "" // not stored, and the largest part of an article
		p.Articles = append(p.Articles, a)
	}
	p.Entities = append(p.Entities, b.Entities...)
	p.Mentions = append(p.Mentions, b.Mentions...)
	p.Relations = append(p.Relations, b.Relations...)
	if rowsOf(p) >= s.buffer {
		s.launch(ctx, coalesce(*p))
		s.pending = graph.Batch{}
	}
	return nil
}

func rowsOf(b *graph.Batch) int {
	return len(b.Articles) + len(b.Entities) + len(b.Mentions) + len(b.Relations)
}

// Buffer lets up to rows rows of writes gather before they are sent, so that a load made of many
// small batches sends fewer and larger statements; 0 sends each batch as it comes. A full buffer is
// written in the background while the next one gathers, so that a load extracts while Neo4j writes.
// Its articles, entities and mentions are written at once; its relations and hashes are held back
// and written together with those of the next buffers, up to sealRows rows, or by Flush: a
// relation named across a large load is then written a few times, not once per buffer. What has not
// landed is not stored: a load calls Flush before it reads what it wrote, and an article's hash,
// written last, is only stored once its facts are.
func (s *Store) Buffer(rows int) { s.buffer = rows }

// sealRows is how many rows the store holds back the relations and hashes of before it writes them
// (see Buffer), or three buffers' when that is more: small buffers then start the writes of articles
// and mentions early, beside the extraction, while relations are still written few times.
const sealRows = 600_000

// flight is a gathered batch being written in the background.
type flight struct {
	b    *graph.Batch
	done chan struct{}
	err  error
	// back says the batch was not written and goes back to the buffer when the write failed; a
	// batch whose nodes were written is held (see Buffer) and not written again.
	back bool
}

// launch writes b in the background. The write is not cut short when ctx is (a load writes what it
// has extracted before it stops); each statement is still bounded by the store's timeout.
func (s *Store) launch(ctx context.Context, b *graph.Batch) {
	f := &flight{b: b, done: make(chan struct{})}
	s.inflight = f
	work := context.WithoutCancel(ctx)
	go func() {
		defer close(f.done)
		if err := s.writeNodes(work, b); err != nil {
			f.err, f.back = err, true
			return
		}
		s.hold(b)
		if s.heldRows >= max(sealRows, 3*s.buffer) {
			f.err = s.seal(work)
		}
	}()
}

// hold keeps a batch whose articles, entities and mentions are written, for its relations and
// hashes to be written later (by seal), with those of the batches held before it.
func (s *Store) hold(b *graph.Batch) {
	h := s.held
	s.heldRows += rowsOf(b)
	h.Articles = append(h.Articles, b.Articles...)
	h.Entities = append(h.Entities, b.Entities...)
	h.Mentions = append(h.Mentions, b.Mentions...)
	h.Relations = append(h.Relations, b.Relations...)
	s.held = *coalesce(h)
}

// seal writes the relations and then the hashes of the held batches. Articles whose hash could not
// be set (another load's clean-up took an entity before it was linked) are written again with
// everything held, from scratch. When it fails the batches stay held, for the next seal.
func (s *Store) seal(ctx context.Context) error {
	h := s.held
	if rowsOf(&h) == 0 {
		return nil
	}
	missing, err := s.writeEdges(ctx, &h)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		s.forget() // the entities taken must be written again, whatever this store remembers writing
		if err := s.writeAll(ctx, &h); err != nil {
			return err
		}
	}
	s.held, s.heldRows = graph.Batch{}, 0
	return nil
}

// land waits for the batch in flight, if any. When its write failed, the error is returned and a
// batch that was not written goes back to the front of the buffer, to be written again (writing
// twice changes nothing).
func (s *Store) land() error {
	f := s.inflight
	if f == nil {
		return nil
	}
	<-f.done
	s.inflight = nil
	if f.err != nil && f.back {
		p := s.pending
		s.pending = graph.Batch{
			Articles:  append(append([]graph.Article{}, f.b.Articles...), p.Articles...),
			Entities:  append(append([]graph.Entity{}, f.b.Entities...), p.Entities...),
			Mentions:  append(append([]graph.Mention{}, f.b.Mentions...), p.Mentions...),
			Relations: append(append([]graph.Relation{}, f.b.Relations...), p.Relations...),
		}
	}
	return f.err
}

// Flush writes what the buffer holds and what is held back, once the batch in flight has landed.
// When it fails the rows are kept, so that calling it again writes them all (writing twice changes
// nothing).
func (s *Store) Flush(ctx context.Context) error {
	if err := s.land(); err != nil {
		return err
	}
	if p := s.pending; rowsOf(&p) > 0 {
		b := coalesce(p)
		if err := s.writeNodes(ctx, b); err != nil {
			return err
		}
		s.hold(b)
		s.pending = graph.Batch{}
	}
	return s.seal(ctx)
}

// coalesce makes one row of each entity and each relation that several gathered batches name: an
// entity with the union of its aliases and merge reasons (and the last name given, as writing them
// in turn would leave), a relation with all its facts. A relation named by many batches is then
// written once per Flush, not rewritten, with its growing fact lists, once per batch.
func coalesce(b graph.Batch) *graph.Batch {
	out := &graph.Batch{Articles: b.Articles, Mentions: b.Mentions}
	ents := map[string]int{}
	for _, e := range b.Entities {
		i, ok := ents[e.ID]
		if !ok {
			ents[e.ID] = len(out.Entities)
			e.Aliases = append([]string{}, e.Aliases...)
			e.Merges = append([]string{}, e.Merges...)
			out.Entities = append(out.Entities, e)
			continue
		}
		o := &out.Entities[i]
		o.Name = e.Name
		o.Aliases = union(o.Aliases, e.Aliases)
		o.Merges = union(o.Merges, e.Merges)
	}
	rels := map[string]int{}
	for _, r := range b.Relations {
		r.Normalize()
		k := r.Key()
		i, ok := rels[k]
		if !ok {
			rels[k] = len(out.Relations)
			r.Facts = append([]graph.Fact{}, r.Facts...)
			out.Relations = append(out.Relations, r)
			continue
		}
		out.Relations[i].Facts = append(out.Relations[i].Facts, r.Facts...)
	}
	return out
}

// union appends to xs the items of ys it lacks.
func union(xs, ys []string) []string {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}

var _ graph.BufferedWriter = (*Store)(nil)

// entityWritten is what the store wrote of one entity.
type entityWritten struct {
	name  string
	typ   graph.EntityType
	items map[string]bool // "a:" alias, "k:" key, "m:" merge reason
}

// fresh reports whether writing e (with its folded keys) would add to what was written of it.
func (s *Store) fresh(e graph.Entity, keys []string) bool {
	w := s.written[e.ID]
	if w == nil || w.name != e.Name || w.typ != e.Type {
		return true
	}
	for _, a := range e.Aliases {
		if !w.items["a:"+a] {
			return true
		}
	}
	for _, k := range keys {
		if !w.items["k:"+k] {
			return true
		}
	}
	for _, m := range e.Merges {
		if !w.items["m:"+m] {
			return true
		}
	}
	return false
}

// remember records entities as written.
func (s *Store) remember(es []graph.Entity, keys [][]string) {
	if s.written == nil {
		s.written = map[string]*entityWritten{}
	}
	for i, e := range es {
		w := &entityWritten{name: e.Name, typ: e.Type, items: map[string]bool{}}
		if old := s.written[e.ID]; old != nil && old.typ == e.Type {
			w.items = old.items // the store keeps the union of aliases, keys and merge reasons
		}
		for _, a := range e.Aliases {
			w.items["a:"+a] = true
		}
		for _, k := range keys[i] {
			w.items["k:"+k] = true
		}
		for _, m := range e.Merges {
			w.items["m:"+m] = true
		}
		s.written[e.ID] = w
	}
}

// forget drops what the store remembers having written: entities may have been deleted.
func (s *Store) forget() { s.written = nil }

// writeAll writes a batch and writes it again, from scratch, while some of its articles did not land
// whole (another load's clean-up took an entity between its writing and its linking).
func (s *Store) writeAll(ctx context.Context, b *graph.Batch) error {
	for try := 1; ; try++ {
		missing, err := s.write(ctx, b)
		if err != nil || len(missing) == 0 {
			return err
		}
		s.forget() // the entities taken must be written again, whatever this store remembers writing
		if try == writeTries {
			return fmt.Errorf("neo4j: write: articles %s still incomplete after %d tries (entities deleted by a concurrent load)",
				strings.Join(missing, ", "), writeTries)
		}
	}
}

// write writes the batch once, and last the hashes, only on articles that hold all their mentions; it
// returns the ids of the articles whose hash it could not set.
func (s *Store) write(ctx context.Context, b *graph.Batch) ([]string, error) {
	if err := s.writeNodes(ctx, b); err != nil {
		return nil, err
	}
	return s.writeEdges(ctx, b)
}

// writeNodes writes a batch's articles (without their hashes), entities and mentions.
func (s *Store) writeNodes(ctx context.Context, b *graph.Batch) error {
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	var articles []any
	for _, a := range b.Articles {
		extra := map[string]any{}
		for k, v := range a.Extra {
			extra[extraPrefix+k] = v
		}
		articles = append(articles, map[string]any{"id": a.ID, "title": a.Title, "url": a.URL, "published": a.Published,
			"source": a.Source, "extra": extra})
	}
	if err := s.unwind(ctx, sess, "articles", qArticles, articles); err != nil {
		return err
	}
	for _, t := range graph.EntityTypes {
		var rows []any
		var done []graph.Entity
		var doneKeys [][]string
		for _, e := range b.Entities {
			if e.Type != t {
				continue
			}
			aliases := append([]string{}, e.Aliases...)
			keys := []string{names.Fold(e.Name)}
			for _, a := range aliases {
				keys = append(keys, names.Fold(a))
			}
			if !s.fresh(e, keys) {
				continue
			}
			done, doneKeys = append(done, e), append(doneKeys, keys)
			rows = append(rows, map[string]any{"id": e.ID, "name": e.Name, "type": string(e.Type),
				"aliases": toAny(aliases), "keys": toAny(keys), "merges": toAny(e.Merges), "partial": e.Partial()})
		}
		if err := s.unwind(ctx, sess, "entities", fmt.Sprintf(qEntities, string(t)), rows); err != nil {
			return err
		}
		s.remember(done, doneKeys)
	}
	var mentions []any
	for _, m := range b.Mentions {
		mentions = append(mentions, map[string]any{"entity": m.Entity, "article": m.Article, "count": m.Count, "names": toAny(m.Names),
			"signs": signsParam(m.Signs)})
	}
	return s.unwind(ctx, sess, "mentions", qMentions, mentions)
}

// writeEdges writes a batch's relations and then, last, the hashes that say each article is stored
// completely, only on articles that hold all their mentions; it returns the ids of the articles whose
// hash it could not set.
func (s *Store) writeEdges(ctx context.Context, b *graph.Batch) ([]string, error) {
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	linked := map[string]map[string]bool{} // article -> entities it mentions
	for _, m := range b.Mentions {
		if linked[m.Article] == nil {
			linked[m.Article] = map[string]bool{}
		}
		linked[m.Article][m.Entity] = true
	}
	var hashes []any
	for _, a := range b.Articles {
		hashes = append(hashes, map[string]any{"id": a.ID, "hash": a.Hash, "mentions": len(linked[a.ID])})
	}
	for _, t := range graph.RelTypes {
		var rows []any
		for _, r := range b.Relations {
			if r.Type == t {
				rows = append(rows, relationRow(r))
			}
		}
		if err := s.unwind(ctx, sess, "relations", fmt.Sprintf(qRelations, string(t)), rows); err != nil {
			return nil, err
		}
	}
	done := map[string]bool{}
	if err := s.unwindCollect(ctx, sess, "hashes", qArticleHashes, hashes, func(id string) { done[id] = true }); err != nil {
		return nil, err
	}
	var missing []string
	for _, a := range b.Articles {
		if !done[a.ID] {
			missing = append(missing, a.ID)
		}
	}
	return missing, nil
}

// relationRow is the parameter row of qRelations for one relation: its facts as parallel lists
// (graph.Relation.Columns, the layout the neo4j-admin export writes too), and their highest confidence
// and earliest date.
func relationRow(r graph.Relation) map[string]any {
	r.Normalize()
	c := r.Columns()
	return map[string]any{"key": r.Key(), "from": r.From, "to": r.To, "title": r.Title, "status": r.Status,
		"fact_ids": toAny(c.IDs), "articles": toAny(c.Articles), "evidence": toAny(c.Evidence),
		"starts": intsAny(c.Starts), "ends": intsAny(c.Ends), "dates": toAny(c.Dates), "places": toAny(c.Places),
		"confidences": floatsAny(c.Confidences), "rules": toAny(c.Rules), "confidence": c.Confidence, "date": c.Date}
}

func intsAny(xs []int) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func floatsAny(xs []float64) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// extraPrefix marks the article properties that keep unknown JSON Lines fields.
const extraPrefix = graph.ExtraPrefix

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// unwind sends q with rows, in chunks of writeChunk rows, each in a managed write transaction; kind
// names the statement in the store's statistics.
func (s *Store) unwind(ctx context.Context, sess driver.SessionWithContext, kind, q string, rows []any) error {
	return s.unwindCollect(ctx, sess, kind, q, rows, nil)
}

// unwindCollect is unwind for a statement that returns ids: each is passed to got.
func (s *Store) unwindCollect(ctx context.Context, sess driver.SessionWithContext, kind, q string, rows []any, got func(string)) error {
	for len(rows) > 0 {
		n := min(writeChunk, len(rows))
		chunk := rows[:n]
		rows = rows[n:]
		start := time.Now()
		ctx, cancel := s.bounded(ctx)
		out, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q, map[string]any{"rows": chunk})
			if err != nil {
				return nil, err
			}
			if got == nil {
				return res.Consume(ctx)
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			ids := make([]string, len(recs))
			for i, r := range recs {
				ids[i], _ = r.Values[0].(string)
			}
			return ids, nil
		})
		cancel()
		if err != nil {
			return fmt.Errorf("neo4j: write: %w", err)
		}
		s.count(kind, n, time.Since(start))
		if ids, ok := out.([]string); ok {
			for _, id := range ids {
				got(id)
			}
		}
		if s.step != nil {
			s.step()
		}
	}
	return nil
}

// Counts returns the sizes of the stored graph.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	recs, err := s.read(ctx, `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r:`+relPattern+`]->() RETURN count(r) AS relations, sum(size(r.fact_ids)) AS facts }
CALL () { MATCH (:Entity)-[m:MENTIONED_IN]->(:Article) RETURN count(m) AS mentions }
RETURN articles, entities, relations, facts, mentions`, nil)
	if err != nil {
		return graph.Counts{}, err
	}
	r := recs[0]
	return graph.Counts{
		Articles: intOf(r, "articles"), Entities: intOf(r, "entities"), Relations: intOf(r, "relations"),
		Facts: intOf(r, "facts"), Mentions: intOf(r, "mentions"),
	}, nil
}

func intOf(r *driver.Record, key string) int {
	v, _ := r.Get(key)
	if n, ok := v.(int64); ok {
		return int(n)
	}
	return 0
}

func strOf(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// pad returns xs, or as many empty strings as n when xs is empty.
func pad(xs []string, n int) []string {
	if len(xs) == 0 && n > 0 {
		return make([]string, n)
	}
	return xs
}

func strList(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

const entityProjection = `e {.id, .name, .type, .aliases, .merge_reasons}`

func entityOf(v any) graph.Entity {
	m, _ := v.(map[string]any)
	e := graph.Entity{ID: strOf(m, "id"), Name: strOf(m, "name"), Type: graph.EntityType(strOf(m, "type"))}
	for _, a := range strList(m["aliases"]) {
		if a != e.Name {
			e.Aliases = append(e.Aliases, a)
		}
	}
	sort.Strings(e.Aliases)
	e.Merges = strList(m["merge_reasons"])
	sort.Strings(e.Merges)
	if len(e.Merges) == 0 {
		e.Merges = nil
	}
	return e
}

func (s *Store) entityList(ctx context.Context, q string, params map[string]any) ([]graph.Entity, error) {
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Entity, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("e")
		out = append(out, entityOf(v))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Entity returns one entity by id.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	es, err := s.entityList(ctx, `MATCH (e:Entity {id: $id}) RETURN `+entityProjection+` AS e`, map[string]any{"id": id})
	if err != nil {
		return graph.Entity{}, err
	}
	if len(es) == 0 {
		return graph.Entity{}, graph.Errorf(graph.ENotFound, "no entity with id %q", id)
	}
	return es[0], nil
}

// Lookup returns the entities with the given ids, in one query.
func (s *Store) Lookup(ctx context.Context, ids []string) (map[string]graph.Entity, error) {
	es, err := s.entityList(ctx, `MATCH (e:Entity) WHERE e.id IN $ids RETURN `+entityProjection+` AS e`, map[string]any{"ids": toAny(ids)})
	if err != nil {
		return nil, err
	}
	out := make(map[string]graph.Entity, len(es))
	for _, e := range es {
		out[e.ID] = e
	}
	return out, nil
}

// relationsAmong returns the relations joining each pair, in one query.
func (s *Store) relationsAmong(ctx context.Context, pairs [][2]string, types []graph.RelType) (map[[2]string][]graph.Relation, error) {
	var ps []any
	for _, p := range pairs {
		ps = append(ps, []any{p[0], p[1]})
	}
	rs, err := s.relationList(ctx, `UNWIND $pairs AS p
MATCH (a:Entity {id: p[0]})-[r:`+relPattern+`]-(b:Entity {id: p[1]})
WHERE type(r) IN $types
RETURN DISTINCT `+relationProjection, map[string]any{"pairs": ps, "types": typeNames(types)})
	if err != nil {
		return nil, err
	}
	out := map[[2]string][]graph.Relation{}
	for _, r := range rs {
		for _, p := range pairs {
			if (r.From == p[0] && r.To == p[1]) || (r.From == p[1] && r.To == p[0]) {
				out[p] = append(out[p], r)
			}
		}
	}
	return out, nil
}

// FindEntities returns the entities a name or alias folds to, sorted by id.
func (s *Store) FindEntities(ctx context.Context, name string) ([]graph.Entity, error) {
	return s.entityList(ctx, `MATCH (e:Entity) WHERE $key IN e.keys RETURN `+entityProjection+` AS e`,
		map[string]any{"key": names.Fold(name)})
}

func typeNames(types []graph.RelType) []any {
	if len(types) == 0 {
		types = graph.RelTypes
	}
	out := make([]any, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	return out
}

// adjacency returns the neighbours of each entity over the given types, in one query.
func (s *Store) adjacency(ctx context.Context, ids []string, types []graph.RelType) (map[string][]string, error) {
	recs, err := s.read(ctx, `MATCH (a:Entity) WHERE a.id IN $ids
MATCH (a)-[r:`+relPattern+`]-(b)
WHERE type(r) IN $types
RETURN a.id AS id, b.id AS other`, map[string]any{"ids": toAny(ids), "types": typeNames(types)})
	if err != nil {
		return nil, err
	}
	pairs := make([][2]string, 0, len(recs))
	for _, r := range recs {
		a, _ := r.Values[0].(string)
		b, _ := r.Values[1].(string)
		pairs = append(pairs, [2]string{a, b})
	}
	return graph.SortedNeighbours(pairs), nil
}

// ShortestPath finds the lexicographically smallest of the shortest paths with Neo4j's own search
// (ShortestPaths); a path from an entity to itself, which that search refuses, with
// graph.LexShortestPath, a layer of the search per query.
func (s *Store) ShortestPath(ctx context.Context, from, to string, opts graph.PathOptions) (*graph.Path, error) {
	if from == to {
		return graph.ShortestPathOver(ctx, s.adjacency, s.Lookup, s.relationsAmong, from, to, opts)
	}
	ps, err := s.ShortestPaths(ctx, graph.PathQuery{From: from, To: to, MaxHops: opts.MaxHops, Types: opts.Types})
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

const relationProjection = `type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,
 coalesce(r.title, '') AS title, coalesce(r.status, '') AS status, r.articles AS articles, r.evidence AS evidence,
 r.starts AS starts, r.ends AS ends, r.dates AS dates, r.places AS places, r.confidences AS confidences, r.rules AS rules`

func (s *Store) relationList(ctx context.Context, q string, params map[string]any) ([]graph.Relation, error) {
	return readAgainIfChanged(func() ([]graph.Relation, error) { return s.relationListOnce(ctx, q, params) })
}

// errChangedWhileRead is a relation a concurrent write deleted or rewrote while a read transaction
// read its properties (Neo4j reads committed data property by property): read again.
var errChangedWhileRead = errors.New("neo4j: a relation changed while it was read")

// readAgainIfChanged runs read, and runs it again (up to three times in all) while a relation it
// read changed under it.
func readAgainIfChanged[T any](read func() (T, error)) (T, error) {
	v, err := read()
	for try := 1; try < 3 && errors.Is(err, errChangedWhileRead); try++ {
		v, err = read()
	}
	return v, err
}

func (s *Store) relationListOnce(ctx context.Context, q string, params map[string]any) ([]graph.Relation, error) {
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Relation, 0, len(recs))
	for _, rec := range recs {
		r, err := relationOf(rec.AsMap())
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	graph.SortRelations(out)
	return out, nil
}

// relationOf reads a relation from the columns (or map keys) of relationProjection.
func relationOf(m map[string]any) (graph.Relation, error) {
	r := graph.Relation{Type: graph.RelType(strOf(m, "type")), From: strOf(m, "from"), To: strOf(m, "to"),
		Title: strOf(m, "title"), Status: strOf(m, "status")}
	articles, evidence := strList(m["articles"]), strList(m["evidence"])
	// a bulk import leaves out lists whose items are all empty
	dates, places, rules := pad(strList(m["dates"]), len(articles)), pad(strList(m["places"]), len(articles)), pad(strList(m["rules"]), len(articles))
	starts, _ := m["starts"].([]any)
	ends, _ := m["ends"].([]any)
	confs, _ := m["confidences"].([]any)
	if r.Type == "" || r.From == "" || r.To == "" {
		return r, errChangedWhileRead // deleted by a merge or a reload while the read went on
	}
	if len(evidence) != len(articles) || len(starts) != len(articles) || len(ends) != len(articles) ||
		len(dates) != len(articles) || len(places) != len(articles) || len(confs) != len(articles) || len(rules) != len(articles) {
		return r, fmt.Errorf("%w: relation %s %s-%s: fact lists of unequal length", errChangedWhileRead, r.Type, r.From, r.To)
	}
	for i := range articles {
		st, _ := starts[i].(int64)
		en, _ := ends[i].(int64)
		c, _ := confs[i].(float64)
		r.Facts = append(r.Facts, graph.Fact{Article: articles[i], Evidence: evidence[i], Start: int(st), End: int(en),
			Date: dates[i], Place: places[i], Confidence: c, Rule: rules[i]})
	}
	return r, nil
}

// Articles returns the stored articles with the given ids, sorted by id.
func (s *Store) Articles(ctx context.Context, ids []string) ([]graph.Article, error) {
	return s.articles(ctx, `MATCH (a:Article) WHERE a.id IN $ids RETURN properties(a) AS a ORDER BY a.id`, map[string]any{"ids": toAny(ids)})
}

func (s *Store) articles(ctx context.Context, q string, params map[string]any) ([]graph.Article, error) {
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return nil, err
	}
	var out []graph.Article
	for _, r := range recs {
		v, _ := r.Get("a")
		m, _ := v.(map[string]any)
		a := graph.Article{ID: strOf(m, "id"), Title: strOf(m, "title"), URL: strOf(m, "url"),
			Published: strOf(m, "published"), Source: strOf(m, "source"), Hash: strOf(m, "hash")}
		for k, x := range m {
			if strings.HasPrefix(k, extraPrefix) {
				if a.Extra == nil {
					a.Extra = map[string]string{}
				}
				a.Extra[strings.TrimPrefix(k, extraPrefix)], _ = x.(string)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// Relations returns every relation touching any of ids, over the given types.
func (s *Store) Relations(ctx context.Context, ids []string, types []graph.RelType) ([]graph.Relation, error) {
	rs, err := s.relationList(ctx, `MATCH (a:Entity)-[r:`+relPattern+`]-()
WHERE a.id IN $ids AND type(r) IN $types
WITH DISTINCT r
RETURN `+relationProjection, map[string]any{"ids": toAny(ids), "types": typeNames(types)})
	if err != nil {
		return nil, err
	}
	graph.SortRelations(rs)
	return rs, nil
}

// Mentions returns the articles that name an entity.
func (s *Store) Mentions(ctx context.Context, id string) ([]graph.Mention, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(a:Article)
RETURN e.id AS entity, a.id AS article, m.count AS count, m.names AS names, m.signs AS signs ORDER BY article`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	var out []graph.Mention
	for _, r := range recs {
		m := r.AsMap()
		out = append(out, graph.Mention{Entity: strOf(m, "entity"), Article: strOf(m, "article"), Count: intOf(r, "count"), Names: namesOf(m["names"]),
			Signs: signsOf(m["signs"])})
	}
	return out, nil
}

// Names returns every spelling of every entity.
func (s *Store) Names(ctx context.Context) ([]graph.Name, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity) UNWIND [e.name] + coalesce(e.aliases, []) AS n
RETURN DISTINCT e.id AS entity, n AS name ORDER BY entity, name`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Name, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		out = append(out, graph.Name{Entity: strOf(m, "entity"), Name: strOf(m, "name")})
	}
	return out, nil
}

// Cypher runs a query with parameters and returns its columns and rows. Reads run in a read
// transaction, which the server refuses to write in, and pass CheckReadOnly first (no LOAD CSV, no
// administration command, only read procedures); writes only when write is set.
func (s *Store) Cypher(ctx context.Context, query string, params map[string]any, write bool) ([]string, [][]any, error) {
	if !write {
		if err := CheckReadOnly(query); err != nil {
			return nil, nil, err
		}
	}
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	mode := driver.AccessModeRead
	if write {
		mode = driver.AccessModeWrite
	}
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer sess.Close(ctx)
	work := func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		keys, _ := res.Keys()
		rows := make([][]any, len(recs))
		for i, r := range recs {
			rows[i] = r.Values
		}
		return [2]any{keys, rows}, nil
	}
	var out any
	var err error
	if write {
		out, err = sess.ExecuteWrite(ctx, work)
	} else {
		out, err = sess.ExecuteRead(ctx, work)
	}
	if err != nil {
		if !write && accessModeRefused(err) {
			return nil, nil, graph.Errorf(graph.EInvalid, "the query writes, and queries run read-only; add --write to allow it")
		}
		return nil, nil, fmt.Errorf("neo4j: %w", err)
	}
	pair := out.([2]any)
	return pair[0].([]string), pair[1].([][]any), nil
}

var _ graph.CypherRunner = (*Store)(nil)

// ArticleHashes returns the stored hash of each given article that is stored completely.
func (s *Store) ArticleHashes(ctx context.Context, ids []string) (map[string]string, error) {
	recs, err := s.read(ctx, `MATCH (a:Article) WHERE a.id IN $ids AND coalesce(a.hash, '') <> '' RETURN a.id AS id, a.hash AS hash`,
		map[string]any{"ids": toAny(ids)})
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range recs {
		m := r.AsMap()
		out[strOf(m, "id")] = strOf(m, "hash")
	}
	return out, nil
}

// The facts of an article sit on the relationships between entities the article mentions; they are
// filtered out of the parallel fact lists, and relationships left with none are deleted.
var qRemoveFacts = `UNWIND $ids AS aid
MATCH (:Article {id: aid})<-[:MENTIONED_IN]-(:Entity)-[r:` + relPattern + `]-()
WHERE aid IN r.articles
WITH DISTINCT r
WITH r, [i IN range(0, size(r.articles) - 1) WHERE NOT r.articles[i] IN $ids] AS keep
SET r.fact_ids = [i IN keep | r.fact_ids[i]], r.evidence = [i IN keep | r.evidence[i]],
    r.starts = [i IN keep | r.starts[i]], r.ends = [i IN keep | r.ends[i]], r.dates = [i IN keep | r.dates[i]],
    r.places = [i IN keep | r.places[i]], r.confidences = [i IN keep | r.confidences[i]],
    r.rules = [i IN keep | r.rules[i]], r.articles = [i IN keep | r.articles[i]]
WITH r
SET r.confidence = reduce(m = 0.0, c IN r.confidences | CASE WHEN c > m THEN c ELSE m END),
    r.date = reduce(m = '', d IN r.dates | CASE WHEN d <> '' AND (m = '' OR d < m) THEN d ELSE m END)
WITH r WHERE size(r.articles) = 0
DELETE r`

// RemoveArticles takes out everything the given articles said.
func (s *Store) RemoveArticles(ctx context.Context, ids []string) error {
	if err := s.Flush(ctx); err != nil {
		return err
	}
	s.forget() // entities left with nothing are deleted
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	sess := s.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	// Only entities these articles mentioned, and only once nothing links them any more: an entity
	// another load has written but not yet linked is none of this clean-up's business.
	_, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		params := map[string]any{"ids": toAny(ids)}
		res, err := tx.Run(ctx, `UNWIND $ids AS aid MATCH (:Article {id: aid})<-[:MENTIONED_IN]-(e:Entity)
RETURN collect(DISTINCT e.id) AS entities`, params)
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		params["entities"], _ = rec.Get("entities")
		for _, q := range []string{
			qRemoveFacts,
			`UNWIND $ids AS aid MATCH (a:Article {id: aid}) DETACH DELETE a`,
			`UNWIND $entities AS eid MATCH (e:Entity {id: eid}) WHERE NOT (e)--() DELETE e`,
		} {
			res, err := tx.Run(ctx, q, params)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Errorf("neo4j: remove: %w", err)
	}
	return nil
}

// Entities returns every entity, sorted by id.
func (s *Store) Entities(ctx context.Context) ([]graph.Entity, error) {
	return s.entityList(ctx, `MATCH (e:Entity) RETURN `+entityProjection+` AS e`, nil)
}

// Dump returns the whole graph in canonical order.
func (s *Store) Dump(ctx context.Context) (*graph.Batch, error) {
	b := &graph.Batch{}
	var err error
	if b.Articles, err = s.articles(ctx, `MATCH (a:Article) RETURN properties(a) AS a`, nil); err != nil {
		return nil, err
	}
	if b.Entities, err = s.entityList(ctx, `MATCH (e:Entity) RETURN `+entityProjection+` AS e`, nil); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `MATCH (e:Entity)-[m:MENTIONED_IN]->(a:Article)
RETURN e.id AS entity, a.id AS article, m.count AS count, m.names AS names, m.signs AS signs`, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		m := r.AsMap()
		b.Mentions = append(b.Mentions, graph.Mention{Entity: strOf(m, "entity"), Article: strOf(m, "article"), Count: intOf(r, "count"), Names: namesOf(m["names"]),
			Signs: signsOf(m["signs"])})
	}
	if b.Relations, err = s.relationList(ctx, `MATCH ()-[r:`+relPattern+`]->() RETURN `+relationProjection, nil); err != nil {
		return nil, err
	}
	graph.Canonicalize(b)
	return b, nil
}

// IsUnavailable reports whether err means the server could not be reached or went away: the
// driver's connectivity error, its retry budget spent on such errors, a connection refused, reset
// or closed, or a network time-out; read from the error types, not their wording.
func IsUnavailable(err error) bool {
	var ce *driver.ConnectivityError
	var limit *driver.TransactionExecutionLimit
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &limit) || (errors.As(err, &ne) && ne.Timeout()) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// driverRetryable reports whether the driver calls any error of err's chain retryable (a transient
// server error, a lost connection, a full pool): driver.IsRetryable looks at one error, not a chain.
func driverRetryable(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if driver.IsRetryable(e) {
			return true
		}
	}
	return false
}

// accessModeRefused reports whether the server refused a write in a read transaction.
func accessModeRefused(err error) bool {
	var ne *driver.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Statement.AccessMode"
}
