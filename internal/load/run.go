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

// DefaultWriteRows is how many rows (articles, entities, mentions, relations) a store that can
// gather writes collects from successive batches before it sends them, by default.
const DefaultWriteRows = 200_000

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

// Progress says how far a load is.
type Progress struct {
	Articles  int       // articles read so far
	Bytes     int64     // input bytes read so far
	Total     int64     // input bytes in all (0 when unknown, as for standard input)
	Started   time.Time //
	Stored    int       // articles written so far
	Unchanged int       // articles already stored as they are
}

// Summary reports what a load did.
type Summary struct {
	Read        int          `json:"read"`      // articles read
	Stored      int          `json:"stored"`    // articles written (new or changed)
	Replaced    int          `json:"replaced"`  // changed articles whose old facts were replaced
	Unchanged   int          `json:"unchanged"` // articles already stored as they are: skipped
	Failed      int          `json:"failed"`    // inputs that could not be read
	Entities    int          `json:"entities"`  // entities written (new or updated)
	Relations   int          `json:"relations"` // relations written
	Facts       int          `json:"facts"`     // sentences backing them
	Mentions    int          `json:"mentions"`  // entity-article links written
	Before      graph.Counts `json:"before"`
	After       graph.Counts `json:"after"`
	Errors      []error      `json:"-"`
	Interrupted bool         `json:"interrupted"`
	DryRun      bool         `json:"dry_run"`
}

// retryable is what a store that can fail passingly (a server) tells about an error.
type retryable interface {
	Retryable(err error) bool
}

// Load reads the inputs, extracts and resolves them against what the store holds, and writes them
// batch by batch. An article already stored with the same content is skipped, a changed one replaces
// its own facts, so running the same load again, or again after it was killed, ends with the graph
// one clean load gives. When ctx is cancelled (SIGINT) the batch under way is finished and written,
// and Load returns with Interrupted set.
func Load(ctx context.Context, s graph.Store, opts LoadOptions) (*Summary, error) {
	lex := opts.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.RetryFor <= 0 {
		opts.RetryFor = 2 * time.Minute
	}
	step := opts.Step
	if step == nil {
		step = func() {}
	}
	sum := &Summary{DryRun: opts.DryRun}
	var err error
	if err = withRetry(ctx, s, opts.RetryFor, func(work context.Context) error { sum.Before, err = s.Counts(work); return err }); err != nil {
		return sum, err
	}
	var known []graph.Entity
	if err = withRetry(ctx, s, opts.RetryFor, func(work context.Context) error { known, err = s.Entities(work); return err }); err != nil {
		return sum, err
	}
	res := resolve.New(lex)
	res.Correct(opts.Corrections)
	res.Seed(known)
	known = nil
	x := extract.New(lex)

	files, errs := ingest.Files(opts.Paths)
	sum.Errors = append(sum.Errors, errs...)
	prog := Progress{Started: time.Now()}
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && f != ingest.StdinName {
			prog.Total += info.Size()
		}
	}
	in := opts.Ingest
	in.PassDuplicates = true // one set of ids, seen, finds them within and across files
	rd := ingest.NewReader(in, opts.Stdin)
	// the first input of each id, as the index of its file and its line: small whatever the paths
	type origin struct{ file, line int32 }
	seen := map[ingest.IDKey]origin{}
	var chunk []*graph.Article

	// One writer writes the batches in order while the next batch is being extracted.
	type job struct {
		b        *graph.Batch
		replaced []string
		prog     Progress
	}
	jobs := make(chan job, 1)
	var writeErr error
	written := make(chan struct{})
	// A store that can gather writes (Neo4j) sends the rows of several batches together.
	bw, buffered := s.(graph.BufferedWriter)
	if buffered {
		rows := opts.WriteRows
		if rows <= 0 {
			rows = DefaultWriteRows
		}
		bw.Buffer(rows)
		defer bw.Buffer(0)
	}
	go func() {
		defer close(written)
		defer func() {
			if buffered && writeErr == nil {
				writeErr = withRetry(ctx, s, opts.RetryFor, func(work context.Context) error { return bw.Flush(work) })
			}
		}()
		for j := range jobs {
			if writeErr != nil {
				continue
			}
			step()
			if len(j.replaced) > 0 {
				if err := withRetry(ctx, s, opts.RetryFor, func(work context.Context) error { return s.RemoveArticles(work, j.replaced) }); err != nil {
					writeErr = err
					continue
				}
			}
			if err := withRetry(ctx, s, opts.RetryFor, func(work context.Context) error { return s.Write(work, j.b) }); err != nil {
				writeErr = err
				continue
			}
			step()
			if opts.OnProgress != nil {
				opts.OnProgress(j.prog)
			}
		}
	}()
	finish := func() error {
		close(jobs)
		<-written
		return writeErr
	}

	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		arts := chunk
		chunk = nil
		var ids []string
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
		var hashes map[string]string
		if err := withRetry(ctx, s, opts.RetryFor, func(work context.Context) (err error) { hashes, err = s.ArticleHashes(work, ids); return err }); err != nil {
			return err
		}
		var todo []*graph.Article
		var replaced []string
		for _, a := range arts {
			switch h, ok := hashes[a.ID]; {
			case ok && h == a.Hash:
				sum.Unchanged++
			case ok:
				replaced = append(replaced, a.ID)
				todo = append(todo, a)
			default:
				todo = append(todo, a)
			}
		}
		// an interrupt stops extraction at once and the batch is not written: the next run extracts and
		// resolves it whole, as a load never interrupted would (resolution reads a batch as one unit)
		docs, failed := extractAll(ctx, x, todo, false, opts.Workers, nil)
		sum.Errors = append(sum.Errors, failed...)
		sum.Read -= len(failed)
		if ctx.Err() != nil {
			return nil
		}
		docs, bad := dropOversized(docs)
		sum.Errors = append(sum.Errors, bad...)
		sum.Read -= len(bad)
		if len(docs) < len(todo) { // a refused or unfinished article keeps what it said before
			kept := map[string]bool{}
			for _, d := range docs {
				kept[d.Article.ID] = true
			}
			replaced = slices.DeleteFunc(replaced, func(id string) bool { return !kept[id] })
		}
		res.Add(docs)
		b := resolve.Batch(docs, res)
		res.Forget(docs)
		sum.Stored += len(docs)
		sum.Replaced += len(replaced)
		sum.Entities += len(b.Entities)
		sum.Relations += len(b.Relations)
		sum.Mentions += len(b.Mentions)
		for _, r := range b.Relations {
			sum.Facts += len(r.Facts)
		}
		prog.Stored, prog.Unchanged = sum.Stored, sum.Unchanged
		if opts.DryRun {
			if opts.OnProgress != nil {
				opts.OnProgress(prog)
			}
			return nil
		}
		jobs <- job{b: b, replaced: replaced, prog: prog}
		return nil
	}

	for fi, f := range files {
		if ctx.Err() != nil {
			break
		}
		var readErr error
		rd.Read(f, func(a *graph.Article, err error) {
			if ctx.Err() != nil {
				return // interrupted: what is read so far is written, the rest waits for the next run
			}
			if err != nil {
				sum.Errors = append(sum.Errors, err)
				return
			}
			key := ingest.KeyOf(a.ID)
			o := origin{file: int32(fi)}
			if rest, ok := strings.CutPrefix(a.Source, f+":"); ok {
				if n, err := strconv.Atoi(rest); err == nil {
					o.line = int32(n)
				}
			}
			prev, dup := seen[key]
			if dup && prev.file == o.file && prev.line > 0 { // a bad line of its file, as the reader says
				sum.Errors = append(sum.Errors, ingest.DuplicateError(f, int(o.line), a.ID, int(prev.line)))
				return
			}
			prog.Articles++
			prog.Bytes += int64(len(a.Text))
			sum.Read++
			if dup {
				first := files[prev.file]
				if prev.line > 0 {
					first = fmt.Sprintf("%s:%d", first, prev.line)
				}
				sum.Errors = append(sum.Errors, &ingest.Error{Path: a.Source, Reason: fmt.Sprintf("same article id %q as %s: skipped", a.ID, first)})
				return
			}
			seen[key] = o
			chunk = append(chunk, a)
			if len(chunk) >= opts.BatchSize && readErr == nil && ctx.Err() == nil {
				readErr = flush()
			}
		})
		if readErr != nil {
			finish()
			return sum, readErr
		}
	}
	if err := flush(); err != nil {
		finish()
		return sum, err
	}
	if err := finish(); err != nil {
		return sum, err
	}
	sum.Interrupted = ctx.Err() != nil
	sum.Failed = len(sum.Errors)
	if err := withRetry(ctx, s, opts.RetryFor, func(work context.Context) (err error) { sum.After, err = s.Counts(work); return err }); err != nil {
		return sum, err
	}
	return sum, nil
}

// withRetry runs op, and runs it again with growing pauses while the store calls its error passing,
// for at most d in all: the first try runs to its end (a batch under way is not cut short), the
// retries are cut off at the deadline, so a server that went away is given up on after d. op runs
// under a context an interrupt (ctx) does not cancel; the interrupt ends the waiting between tries.
func withRetry(ctx context.Context, s graph.Store, d time.Duration, op func(context.Context) error) error {
	rs, ok := s.(retryable)
	deadline := time.Now().Add(d)
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
				return fmt.Errorf("gave up after %s (--retry-for): %w", d, err)
			}
		}
		if err == nil || !ok || !rs.Retryable(err) {
			return err
		}
		if time.Now().Add(pause).After(deadline) {
			return fmt.Errorf("gave up after %s (--retry-for): %w", d, err)
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}
