package load

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/resolve"
)

// DefaultWriteRows is how many rows (articles, entities, mentions, relations) a store that can
// gather writes collects from successive batches before it sends them, by default.
const DefaultWriteRows = 200_000

// Writer is what a load needs of a store: what it holds, and writing to it.
type Writer interface {
	Holder
	// Write merges a batch into the graph (see graph.Store).
	Write(ctx context.Context, b *graph.Batch) error
	// RemoveArticles takes out everything the given articles said (see graph.Store).
	RemoveArticles(ctx context.Context, ids []string) error
	// Counts returns the sizes of the stored graph.
	Counts(ctx context.Context) (graph.Counts, error)
}

var _ Writer = graph.Store(nil)

// LoadOptions configure Load.
type LoadOptions struct {
	Options
	BatchSize int  // articles per write (0: DefaultBatchSize)
	DryRun    bool // read, extract and resolve, but write nothing
	// WriteRows is how many rows a store that gathers writes (Neo4j) collects across batches before
	// it sends them (0: DefaultWriteRows).
	WriteRows int
	// RetryFor is how long a write is retried when the store reports a passing failure (a restarting
	// server); 0 means two minutes.
	RetryFor time.Duration
	// OnProgress is called after each batch.
	OnProgress func(Progress)
	// Step, when set, is called at every point where a load can be cut short: before and after
	// each batch's writes. Tests use it to kill the process at chosen points.
	Step func()
}

// Load runs the pipeline into a store: it reads the inputs, extracts and resolves them against what
// the store holds, and writes them batch by batch. An article already stored with the same content
// is skipped, a changed one replaces its own facts, so running the same load again, or again after
// it was killed, ends with the graph one clean load gives. When ctx is cancelled (SIGINT) the batch
// under way is finished and written, and Load returns with Interrupted set.
func Load(ctx context.Context, s Writer, opts LoadOptions) (*Summary, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.RetryFor <= 0 {
		opts.RetryFor = 2 * time.Minute
	}
	if opts.WriteRows <= 0 {
		opts.WriteRows = DefaultWriteRows
	}
	w := Retrying(s, opts.RetryFor)
	before, err := w.Counts(ctx)
	if err != nil {
		return &Summary{DryRun: opts.DryRun}, err
	}
	in := opts.Options
	in.Batch = opts.BatchSize
	sink := newStoreSink(w, opts)
	sum, err := Run(ctx, in, sink)
	sum.DryRun, sum.Before, sum.Undone = opts.DryRun, before, sink.undone
	if err != nil {
		return sum, err
	}
	if sum.After, err = w.Counts(ctx); err != nil {
		return sum, err
	}
	return sum, nil
}

// storeSink writes each batch to a store. One goroutine writes the batches in order while the next
// batch is being extracted; a store that can gather writes (Neo4j) sends the rows of several batches
// together.
type storeSink struct {
	*retrying
	opts    LoadOptions
	jobs    chan *Batch
	written chan struct{}
	err     error // the first write error; later batches are not written
	res     *resolve.Resolver
	undone  []string // merges split off as doubtful, and why (unjoin)
}

func newStoreSink(w *retrying, opts LoadOptions) *storeSink {
	if opts.Step == nil {
		opts.Step = func() {}
	}
	return &storeSink{retrying: w, opts: opts}
}

func (s *storeSink) Take(ctx context.Context, b *Batch) error {
	if s.opts.DryRun {
		if s.opts.OnProgress != nil {
			s.opts.OnProgress(b.Progress)
		}
		return nil
	}
	if s.jobs == nil {
		s.Buffer(s.opts.WriteRows)
		s.jobs, s.written = make(chan *Batch, 1), make(chan struct{})
		go s.writeAll(ctx)
	}
	s.res = b.Resolver
	// only what outlives the resolver's next batch goes to the writer
	s.jobs <- &Batch{Graph: b.Graph, Replaced: b.Replaced, Progress: b.Progress, Merges: b.Merges}
	return nil
}

// Revise gives the resolver the evidence the store holds, so that what earlier loads wrote counts as
// what earlier batches of this load would, and merges in the store what that evidence and the
// corrections now join (a partial node whose full name came in a batch whose merge was cut short, a
// researcher's forced merge). A store that cannot merge is left as it is.
func (s *storeSink) Revise(ctx context.Context, res *resolve.Resolver) error {
	if _, ok := s.w.(graph.EntityMerger); !ok {
		return nil
	}
	learned := false
	if !s.opts.DryRun {
		// merges a namesake or a third spelling stored since has made doubtful (a run cut short
		// before its end did not split them): split them, and start again from what the store
		// holds then. The spellings' evidence is read first: a variant merge is judged on it.
		if err := s.learn(ctx, res); err != nil {
			return err
		}
		learned = true
		// (a resolver that split something is seeded again with the store, and learns its evidence)
		undone, err := unjoinAll(ctx, s.retrying, res)
		if err != nil {
			return err
		}
		s.undone = append(s.undone, undone...)
	}
	if !learned {
		if err := s.learn(ctx, res); err != nil {
			return err
		}
	}
	_, err := reviseStored(ctx, s.retrying, res, s.opts.DryRun)
	return err
}

// learn gives the resolver the evidence the store holds.
func (s *storeSink) learn(ctx context.Context, res *resolve.Resolver) error {
	ms, posts, err := s.Evidence(ctx)
	if err != nil {
		return err
	}
	res.LearnStored(ms, posts)
	return nil
}

// unjoinAll undoes the merges resolution now finds doubtful (unjoin) until none is left: a split can
// make another merge doubtful (the spelling split off is a namesake of a surname joined to the
// entity it left, or a variant of a spelling that stayed), so after each round that split something
// the resolver is seeded again with what the store holds then, and its evidence, and judges again.
func unjoinAll(ctx context.Context, r *retrying, res *resolve.Resolver) ([]string, error) {
	var all []string
	for round := 0; round < 5; round++ {
		undone, err := unjoin(ctx, r, res)
		all = append(all, undone...)
		if err != nil || len(undone) == 0 {
			return all, err
		}
		known, err := r.Entities(ctx)
		if err != nil {
			return all, err
		}
		res.Reseed(known)
		ms, posts, err := r.Evidence(ctx)
		if err != nil {
			return all, err
		}
		res.LearnStored(ms, posts)
	}
	return all, nil
}

// unjoin splits off the stored entities the spellings that resolution now finds doubtful, as
// kgload split does: a surname joined as the one full name known with it before a namesake came
// (resolve.Resolver.Doubtful), and spellings joined as variants of one name before a third person
// with a variant of it came (resolve.Resolver.DoubtfulVariant, which reads the evidence the
// resolver has learned). It returns what it split, and why, one line per split.
func unjoin(ctx context.Context, r *retrying, res *resolve.Resolver) ([]string, error) {
	s, ok := r.w.(splitter)
	if !ok {
		return nil, nil
	}
	var undone []string
	split := func(id, spelling, why string) error {
		var e graph.Entity
		err := r.retry(ctx, func(work context.Context) (err error) { e, err = s.Entity(work, id); return err })
		if errors.Is(err, graph.ErrNotFound) {
			return nil // written under another id, or not yet
		}
		if err != nil {
			return err
		}
		sum, err := splitStored(ctx, r, res, spelling, []graph.Entity{e})
		if err == nil && sum.Entities > 0 {
			undone = append(undone, fmt.Sprintf("%s: split off %s: %s", spelling, e.Name, why))
		}
		return err
	}
	moved, err := moveTypes(ctx, r, s, res)
	undone = append(undone, moved...)
	if err != nil {
		return undone, err
	}
	for _, u := range res.Doubtful() {
		if err := split(u.Entity, u.Spelling, "another person known now has a full name ending in it"); err != nil {
			return undone, err
		}
	}
	for _, u := range res.DoubtfulShortForms() {
		if err := split(u.Entity, u.Spelling, "another organisation known now writes it beside its fuller name too"); err != nil {
			return undone, err
		}
	}
	// judged before any of them is split: the resolver's view is the store's before this pass
	type doubt struct {
		id, why   string
		spellings []string
	}
	var doubts []doubt
	for _, id := range res.VariantMerged() {
		var ms []graph.Mention
		if err := r.retry(ctx, func(work context.Context) (err error) { ms, err = s.Mentions(work, id); return err }); err != nil {
			return undone, err
		}
		if why, xs := res.DoubtfulVariant(id, ms); len(xs) > 0 {
			doubts = append(doubts, doubt{id, why, xs})
		}
	}
	for _, d := range doubts {
		for _, x := range d.spellings {
			if err := split(d.id, x, d.why); err != nil {
				return undone, err
			}
		}
	}
	return undone, nil
}

// reviseStored does Revise's work on a resolver that has learned the store's evidence, and returns
// how many stored entities it merged into others.
func reviseStored(ctx context.Context, r *retrying, res *resolve.Resolver, dryRun bool) (int, error) {
	res.ApplyCorrections()
	res.Revise()
	merges := res.Merges()
	n := 0
	for _, mg := range merges {
		for _, id := range mg.From {
			if id != mg.Into.ID {
				n++
			}
		}
	}
	if dryRun {
		return n, nil
	}
	return n, r.applyMerges(ctx, merges)
}

// Revise brings what a store holds in line with the corrections and the evidence it holds, reading
// no articles: the entities of two spellings a researcher merged become one, and so do entities
// the stored evidence joins (see resolve.Resolver.Revise). A load does the same before it reads.
// It returns how many stored entities were merged into others.
func Revise(ctx context.Context, s Writer, opts LoadOptions) (int, error) {
	if _, ok := s.(graph.EntityMerger); !ok {
		return 0, fmt.Errorf("this store cannot merge stored entities")
	}
	r, res, _, err := storedResolver(ctx, s, opts)
	if err != nil {
		return 0, err
	}
	ms, posts, err := r.Evidence(ctx)
	if err != nil {
		return 0, err
	}
	res.LearnStored(ms, posts)
	return reviseStored(ctx, r, res, opts.DryRun)
}

// SplitSummary says what Split did to a store.
type SplitSummary struct {
	Entities int // stored entities split
	Moved    int // articles moved to the spelling's own node (or, when it named the entity, off it)
	Unknown  int // articles of those entities stored before spellings were kept, left where they were
	// Mixed are the articles that used the spelling beside other full spellings of its entity (two
	// entities of the article resolved into one): they stay, as the store does not keep which of
	// its spellings each fact and mention was read from.
	Mixed int
}

// mixed counts the mentions that used the spelling s but do not move.
func mixed(ms []graph.Mention, moved []string, s string) int {
	n, f := 0, names.Fold(s)
	for _, m := range ms {
		if slices.Contains(moved, m.Article) {
			continue
		}
		for _, x := range m.Names {
			if names.Fold(x) == f {
				n++
				break
			}
		}
	}
	return n
}

// Split takes a spelling a researcher split off out of the stored entities that hold it with other
// spellings: the articles that named one of them only by that spelling go to a node of their own,
// with their mentions and facts (resolve.Resolver.PlanSplit), each entity in one transaction. Run
// again it changes nothing. Every later load follows the split through the corrections file.
func Split(ctx context.Context, s graph.Store, opts LoadOptions, spelling string) (SplitSummary, error) {
	var sum SplitSummary
	if _, ok := s.(graph.EntityMerger); !ok {
		return sum, fmt.Errorf("this store cannot split stored entities")
	}
	r, res, known, err := storedResolver(ctx, s, opts)
	if err != nil {
		return sum, err
	}
	return splitStored(ctx, r, res, spelling, known)
}

// storedResolver is a resolver that knows every stored entity and follows the corrections, with the
// store behind the retry decorator: what Revise and Split start from. It also returns the entities.
func storedResolver(ctx context.Context, s Writer, opts LoadOptions) (*retrying, *resolve.Resolver, []graph.Entity, error) {
	if opts.RetryFor <= 0 {
		opts.RetryFor = 2 * time.Minute
	}
	lex := opts.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	r := Retrying(s, opts.RetryFor)
	known, err := r.Entities(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	res := resolve.New(lex)
	res.Correct(opts.Corrections)
	res.Seed(known)
	return r, res, known, nil
}

// splitter is a store that can split stored entities.
type splitter interface {
	graph.EntityMerger
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Mentions(ctx context.Context, id string) ([]graph.Mention, error)
}

// splitStored splits spelling off those of the given stored entities that hold it with others.
func splitStored(ctx context.Context, r *retrying, res *resolve.Resolver, spelling string, es []graph.Entity) (SplitSummary, error) {
	var sum SplitSummary
	s, ok := r.w.(splitter)
	if !ok {
		return sum, nil
	}
	for _, e := range es {
		if !holds(e, spelling) {
			continue
		}
		var ms []graph.Mention
		if err := r.retry(ctx, func(work context.Context) (err error) { ms, err = s.Mentions(work, e.ID); return err }); err != nil {
			return sum, err
		}
		sp, ok := res.PlanSplit(e, ms, spelling)
		sum.Mixed += mixed(ms, sp.Articles, spelling)
		if !ok {
			continue
		}
		if err := r.retry(ctx, func(work context.Context) error { return s.SplitEntity(work, sp) }); err != nil {
			return sum, err
		}
		sum.Entities++
		sum.Moved += len(sp.Articles)
		for _, mn := range ms {
			if len(mn.Names) == 0 {
				sum.Unknown++
			}
		}
	}
	return sum, nil
}

// moveTypes moves the articles of this run that named a name with no sign of any type to the node
// of it that the signs known at the end of the run give them (resolve.TypeMoves), out of the signed
// node of another type their batch filed them in.
func moveTypes(ctx context.Context, r *retrying, s splitter, res *resolve.Resolver) ([]string, error) {
	var done []string
	for _, m := range res.TypeMoves() {
		var from, to graph.Entity
		var ms []graph.Mention
		err := r.retry(ctx, func(work context.Context) (err error) {
			if from, err = s.Entity(work, m.From); err != nil {
				return err
			}
			if to, err = s.Entity(work, m.To); err != nil {
				return err
			}
			ms, err = s.Mentions(work, m.From)
			return err
		})
		if errors.Is(err, graph.ErrNotFound) {
			continue // merged or renamed since
		}
		if err != nil {
			return done, err
		}
		sp, ok := res.PlanTypeMove(from, to, ms, m)
		if !ok {
			continue
		}
		if err := r.retry(ctx, func(work context.Context) error { return s.SplitEntity(work, sp) }); err != nil {
			return done, err
		}
		done = append(done, fmt.Sprintf("%s: %d article(s) moved from %s to %s: they show no sign of a type, and %s is the %s of the name other articles sign",
			m.Name, len(sp.Articles), from.ID, to.ID, to.Name, strings.ToLower(string(to.Type))))
	}
	return done, nil
}

// holds reports whether an entity has a spelling that folds as s does, and others that do not.
func holds(e graph.Entity, s string) bool {
	f := names.Fold(s)
	has, other := false, false
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if names.Fold(n) == f {
			has = true
		} else {
			other = true
		}
	}
	return has && other
}

func (s *storeSink) writeAll(ctx context.Context) {
	defer close(s.written)
	for b := range s.jobs {
		if s.err != nil {
			continue
		}
		s.opts.Step()
		if len(b.Replaced) > 0 {
			if s.err = s.RemoveArticles(ctx, b.Replaced); s.err != nil {
				continue
			}
		}
		// the merges first: a node renamed (its id follows its name) or joined by this batch is one
		// node before the batch writes to it, so a load cut short between the two leaves the batch
		// unwritten, to be read again, and never a node under two ids
		if s.err = s.applyMerges(ctx, b.Merges); s.err != nil {
			continue
		}
		if s.err = s.Write(ctx, b.Graph); s.err != nil {
			continue
		}
		s.opts.Step()
		if s.opts.OnProgress != nil {
			s.opts.OnProgress(b.Progress)
		}
	}
	if s.err == nil {
		s.err = s.Flush(ctx)
	}
}

func (s *storeSink) Finish(ctx context.Context) error {
	if s.jobs == nil {
		return nil
	}
	close(s.jobs)
	<-s.written
	s.Buffer(0)
	if s.err == nil && s.res != nil {
		// a namesake or a third spelling this run brought makes a merge of an earlier batch or run doubtful
		var undone []string
		undone, s.err = unjoinAll(ctx, s.retrying, s.res)
		s.undone = append(s.undone, undone...)
	}
	return s.err
}

// retryable is what a store that can fail passingly (a server) tells about an error.
type retryable interface {
	Retryable(err error) bool
}

// Retrying decorates a store: every call is run again, with growing pauses, while the store calls
// its error passing (a server restarting), for at most d per call. Each call's first try runs to its
// end under a context an interrupt does not cancel (a batch under way is not cut short); the
// interrupt ends the waiting between tries. A store that gathers writes keeps doing so through it.
func Retrying(w Writer, d time.Duration) *retrying {
	r := &retrying{w: w, d: d}
	r.rs, _ = w.(retryable)
	r.bw, _ = w.(graph.BufferedWriter)
	return r
}

type retrying struct {
	w  Writer
	d  time.Duration
	rs retryable            // nil: no error is passing
	bw graph.BufferedWriter // nil: writes are sent as they come
}

var (
	_ Writer               = (*retrying)(nil)
	_ graph.BufferedWriter = (*retrying)(nil)
)

func (r *retrying) Write(ctx context.Context, b *graph.Batch) error {
	return r.retry(ctx, func(work context.Context) error { return r.w.Write(work, b) })
}

func (r *retrying) RemoveArticles(ctx context.Context, ids []string) error {
	return r.retry(ctx, func(work context.Context) error { return r.w.RemoveArticles(work, ids) })
}

func (r *retrying) Counts(ctx context.Context) (n graph.Counts, err error) {
	err = r.retry(ctx, func(work context.Context) (err error) { n, err = r.w.Counts(work); return err })
	return n, err
}

func (r *retrying) Entities(ctx context.Context) (es []graph.Entity, err error) {
	err = r.retry(ctx, func(work context.Context) (err error) { es, err = r.w.Entities(work); return err })
	return es, err
}

func (r *retrying) ArticleHashes(ctx context.Context, ids []string) (h map[string]string, err error) {
	err = r.retry(ctx, func(work context.Context) (err error) { h, err = r.w.ArticleHashes(work, ids); return err })
	return h, err
}

// Evidence reads what resolution reads of a store that can merge entities (graph.EntityMerger);
// nothing of one that cannot.
func (r *retrying) Evidence(ctx context.Context) (ms []graph.Mention, posts []graph.Relation, err error) {
	m, ok := r.w.(graph.EntityMerger)
	if !ok {
		return nil, nil, nil
	}
	err = r.retry(ctx, func(work context.Context) (err error) { ms, posts, err = m.Evidence(work); return err })
	return ms, posts, err
}

// applyMerges merges stored entities as resolution decided, each merge in one transaction, in a
// store that can (graph.EntityMerger).
func (r *retrying) applyMerges(ctx context.Context, merges []resolve.Merge) error {
	m, ok := r.w.(graph.EntityMerger)
	if !ok {
		return nil
	}
	for _, mg := range merges {
		if err := r.retry(ctx, func(work context.Context) error { return m.MergeEntities(work, mg.Into, mg.From) }); err != nil {
			return err
		}
	}
	return nil
}

// Buffer passes on to a store that gathers writes; it does nothing for one that does not.
func (r *retrying) Buffer(rows int) {
	if r.bw != nil {
		r.bw.Buffer(rows)
	}
}

// Flush sends what a store that gathers writes holds back.
func (r *retrying) Flush(ctx context.Context) error {
	if r.bw == nil {
		return nil
	}
	return r.retry(ctx, r.bw.Flush)
}

// retry runs op, and runs it again with growing pauses while the store calls its error passing,
// for at most r.d in all: the first try runs to its end, the retries are cut off at the deadline, so
// a server that went away is given up on after r.d. op runs under a context an interrupt (ctx) does
// not cancel; the interrupt ends the waiting between tries.
func (r *retrying) retry(ctx context.Context, op func(context.Context) error) error {
	deadline := time.Now().Add(r.d)
	work := context.WithoutCancel(ctx)
	pause := 200 * time.Millisecond
	for try := 0; ; try++ {
		var err error
		if try == 0 {
			err = op(work)
		} else {
			tctx, cancel := context.WithDeadline(work, deadline)
			err = op(tctx)
			cancel()
			if err != nil && time.Now().After(deadline) {
				return fmt.Errorf("gave up after %s (--retry-for): %w", r.d, err)
			}
		}
		if err == nil || r.rs == nil || !r.rs.Retryable(err) {
			return err
		}
		if time.Now().Add(pause).After(deadline) {
			return fmt.Errorf("gave up after %s (--retry-for): %w", r.d, err)
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}
