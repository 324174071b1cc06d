package load

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// DefaultBatchSize is how many articles are extracted and written together by default.
const DefaultBatchSize = 500

// Batch is one extracted, resolved batch of articles, as a run hands it to its sink.
type Batch struct {
	// Docs are the batch's extracted articles (compacted: no text), in input order.
	Docs []*extract.Doc
	// Resolver says which entity each of Docs' entities is (Resolver.Of). In a run of several batches
	// it answers for Docs only until Sink.Take returns.
	Resolver *resolve.Resolver
	// Graph is what a store writes for the batch; it does not change after Take returns.
	Graph *graph.Batch
	// Replaced are the ids of stored articles (see Holder) whose content changed: their old facts go.
	Replaced []string
	// Progress is how far the run is once this batch is taken.
	Progress Progress
	// Merges are the stored entities the batch's evidence joins (a partial node the batch names in
	// full) and the stored nodes it renames (a fuller name gives a new id): a store that holds them
	// merges them before the batch is written.
	Merges []resolve.Merge
}

// Reviser is a holder that can revise what it holds before a run reads: it gives the resolver the
// evidence it stores and merges the stored entities that evidence and the corrections join.
type Reviser interface {
	Revise(ctx context.Context, res *resolve.Resolver) error
}

// Sink takes the batches of a run, in input order: the store writer, the neo4j-admin files, the JSON
// Lines printer, the scorer.
type Sink interface {
	// Take receives one batch. An error ends the run.
	Take(ctx context.Context, b *Batch) error
	// Finish is called once after the last batch, also when the run failed; it ends what Take left
	// under way and returns the first error of it.
	Finish(ctx context.Context) error
}

// Holder is a sink that already holds a graph (a store). A run resolves the new articles against
// the entities it holds, skips the articles it holds unchanged and marks the changed ones Replaced.
type Holder interface {
	// Entities returns every stored entity with its aliases and merge reasons.
	Entities(ctx context.Context) ([]graph.Entity, error)
	// ArticleHashes returns the stored content hash of each given article that is stored completely.
	ArticleHashes(ctx context.Context, ids []string) (map[string]string, error)
}

// Progress says how far a run is.
type Progress struct {
	Articles  int       // articles read so far
	Bytes     int64     // input bytes read so far
	Total     int64     // input bytes in all (0 when unknown, as for standard input)
	Started   time.Time //
	Stored    int       // articles handed to the sink so far
	Unchanged int       // articles already stored as they are
}

// Summary reports what a run (and a load) did.
type Summary struct {
	Read      int          `json:"read"`      // articles read
	Stored    int          `json:"stored"`    // articles written (new or changed)
	Replaced  int          `json:"replaced"`  // changed articles whose old facts were replaced
	Unchanged int          `json:"unchanged"` // articles already stored as they are: skipped
	Failed    int          `json:"failed"`    // inputs that could not be read
	Entities  int          `json:"entities"`  // entities written (new or updated)
	Relations int          `json:"relations"` // relations written
	Facts     int          `json:"facts"`     // sentences backing them
	Mentions  int          `json:"mentions"`  // entity-article links written
	Before    graph.Counts `json:"before"`
	After     graph.Counts `json:"after"`
	// Undone are the merges of earlier batches or runs split off as doubtful, and why (a namesake
	// or a third spelling of the name came since), one line each.
	Undone      []string `json:"undone,omitempty"`
	Errors      []error  `json:"-"`
	Interrupted bool     `json:"interrupted"`
	DryRun      bool     `json:"dry_run"`
}

// Run is the one pipeline every command runs: read the inputs, drop repeated article ids, extract
// (in parallel), resolve entities, and hand the result to sink batch by batch (in.Batch articles at
// a time, or all at once when it is 0), so that memory does not grow with the input. Bad inputs are
// collected in the summary, one error each, and the rest goes on. When ctx is cancelled (SIGINT) the
// batch under way is not taken, and Run returns with Interrupted set.
func Run(ctx context.Context, in Options, sink Sink) (*Summary, error) {
	p := &pipeline{in: in, sink: sink, sum: &Summary{}, seen: map[ingest.IDKey]origin{}}
	err := p.start(ctx)
	if err == nil {
		err = p.readAll(ctx)
	}
	if ferr := sink.Finish(ctx); err == nil {
		err = ferr
	}
	p.sum.Interrupted = ctx.Err() != nil
	p.sum.Failed = len(p.sum.Errors)
	return p.sum, err
}

// origin is where an article id was first read, as the index of its file and its line: small
// whatever the paths.
type origin struct{ file, line int32 }

type pipeline struct {
	in     Options
	sink   Sink
	holder Holder // nil when the sink holds nothing
	x      *extract.Extractor
	res    *resolve.Resolver
	rd     *ingest.Reader
	files  []string
	seen   map[ingest.IDKey]origin
	chunk  []*graph.Article
	sum    *Summary
	prog   Progress
}

// start sets up the extractor and the resolver (seeded with what the sink holds) and lists the inputs.
func (p *pipeline) start(ctx context.Context) error {
	lex := p.in.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	p.res = resolve.New(lex)
	p.res.Correct(p.in.Corrections)
	if h, ok := p.sink.(Holder); ok {
		p.holder = h
		known, err := h.Entities(ctx)
		if err != nil {
			return err
		}
		p.res.Seed(known)
		if r, ok := p.sink.(Reviser); ok && len(known) > 0 {
			if err := r.Revise(ctx, p.res); err != nil {
				return err
			}
		}
	}
	p.x = extract.New(lex)
	p.x.AddStage(resolve.SignsStage(lex)) // the signs of each entity's type, read before the text goes
	var errs []error
	p.files, errs = ingest.Files(p.in.Paths)
	p.sum.Errors = append(p.sum.Errors, errs...)
	p.prog.Started = time.Now()
	for _, f := range p.files {
		if info, err := os.Stat(f); err == nil && f != ingest.StdinName {
			p.prog.Total += info.Size()
		}
	}
	in := p.in.Ingest
	in.PassDuplicates = true // one set of ids, p.seen, finds them within and across files
	p.rd = ingest.NewReader(in, p.in.Stdin)
	return nil
}

// readAll reads every input, handing a batch on each time one is full, and the rest at the end.
func (p *pipeline) readAll(ctx context.Context) error {
	for fi, f := range p.files {
		if ctx.Err() != nil {
			break
		}
		var err error
		p.rd.Read(f, func(a *graph.Article, rerr error) {
			if ctx.Err() != nil {
				return // interrupted: what is read so far is taken, the rest waits for the next run
			}
			if rerr != nil {
				p.sum.Errors = append(p.sum.Errors, rerr)
				return
			}
			if p.repeatedLine(fi, f, a) {
				return
			}
			p.prog.Articles++
			p.prog.Bytes += int64(len(a.Text))
			p.sum.Read++
			if p.repeated(fi, f, a) {
				return
			}
			p.chunk = append(p.chunk, a)
			if p.in.Batch > 0 && len(p.chunk) >= p.in.Batch && err == nil && ctx.Err() == nil {
				err = p.flush(ctx)
			}
		})
		if err != nil {
			return err
		}
	}
	return p.flush(ctx)
}

// repeatedLine reports (as a bad line of its file, as the reader would) an article whose id an
// earlier line of the same file gave.
func (p *pipeline) repeatedLine(fi int, f string, a *graph.Article) bool {
	prev, dup := p.seen[ingest.KeyOf(a.ID)]
	if !dup || prev.file != int32(fi) || prev.line <= 0 {
		return false
	}
	rest, ok := strings.CutPrefix(a.Source, f+":")
	if !ok {
		return false
	}
	line, err := strconv.Atoi(rest)
	if err != nil {
		return false
	}
	p.sum.Errors = append(p.sum.Errors, ingest.DuplicateError(f, line, a.ID, int(prev.line)))
	return true
}

// repeated reports (as an error of the batch) an article whose id was read before, and remembers
// where each id was first read.
func (p *pipeline) repeated(fi int, f string, a *graph.Article) bool {
	key := ingest.KeyOf(a.ID)
	if prev, dup := p.seen[key]; dup {
		first := p.files[prev.file]
		if prev.line > 0 {
			first = fmt.Sprintf("%s:%d", first, prev.line)
		}
		p.sum.Errors = append(p.sum.Errors, &ingest.Error{Path: a.Source, Reason: fmt.Sprintf("same article id %q as %s: skipped", a.ID, first)})
		return true
	}
	o := origin{file: int32(fi)}
	if rest, ok := strings.CutPrefix(a.Source, f+":"); ok {
		if n, err := strconv.Atoi(rest); err == nil {
			o.line = int32(n)
		}
	}
	p.seen[key] = o
	return false
}

// flush extracts and resolves the articles read since the last batch and hands them to the sink.
func (p *pipeline) flush(ctx context.Context) error {
	if len(p.chunk) == 0 {
		return nil
	}
	todo, replaced, err := p.changed(ctx, p.chunk)
	p.chunk = nil
	if err != nil {
		return err
	}
	// an interrupt stops extraction at once and the batch is not taken: the next run extracts and
	// resolves it whole, as a run never interrupted would (resolution reads a batch as one unit)
	// a store needs the number of each entity's mentions, not the mentions (long texts: less memory)
	docs, failed := extractAll(ctx, p.x, todo, p.holder == nil, p.in.Workers, p.in.Progress)
	p.sum.Errors = append(p.sum.Errors, failed...)
	p.sum.Read -= len(failed)
	if ctx.Err() != nil {
		return nil
	}
	docs, bad := dropOversized(docs)
	p.sum.Errors = append(p.sum.Errors, bad...)
	p.sum.Read -= len(bad)
	if len(docs) < len(todo) { // a refused or unfinished article keeps what it said before
		kept := map[string]bool{}
		for _, d := range docs {
			kept[d.Article.ID] = true
		}
		replaced = slices.DeleteFunc(replaced, func(id string) bool { return !kept[id] })
	}
	p.res.Add(docs)
	b := &Batch{Docs: docs, Resolver: p.res, Graph: resolve.Batch(docs, p.res), Replaced: replaced, Merges: p.res.Merges()}
	p.count(b)
	err = p.sink.Take(ctx, b)
	if p.in.Batch > 0 {
		// more batches follow: the resolver keeps its entities, not these articles
		p.res.Forget(docs)
	}
	return err
}

// changed leaves out the articles the sink holds unchanged, and lists the ones it holds changed.
func (p *pipeline) changed(ctx context.Context, arts []*graph.Article) (todo []*graph.Article, replaced []string, err error) {
	if p.holder == nil {
		return arts, nil, nil
	}
	ids := make([]string, 0, len(arts))
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	hashes, err := p.holder.ArticleHashes(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range arts {
		switch h, ok := hashes[a.ID]; {
		case ok && h == a.Hash:
			p.sum.Unchanged++
		case ok:
			replaced = append(replaced, a.ID)
			todo = append(todo, a)
		default:
			todo = append(todo, a)
		}
	}
	return todo, replaced, nil
}

// count adds a batch to the summary and the progress.
func (p *pipeline) count(b *Batch) {
	p.sum.Stored += len(b.Docs)
	p.sum.Replaced += len(b.Replaced)
	p.sum.Entities += len(b.Graph.Entities)
	p.sum.Relations += len(b.Graph.Relations)
	p.sum.Mentions += len(b.Graph.Mentions)
	for _, r := range b.Graph.Relations {
		p.sum.Facts += len(r.Facts)
	}
	p.prog.Stored, p.prog.Unchanged = p.sum.Stored, p.sum.Unchanged
	b.Progress = p.prog
}
