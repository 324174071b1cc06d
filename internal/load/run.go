package load

import (
	"context"
	"fmt"
	"os"
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
	work := context.WithoutCancel(ctx) // a batch under way finishes even after an interrupt
	var err error
	if err = withRetry(work, s, opts.RetryFor, func() error { sum.Before, err = s.Counts(work); return err }); err != nil {
		return sum, err
	}
	var known []graph.Entity
	if err = withRetry(work, s, opts.RetryFor, func() error { known, err = s.Entities(work); return err }); err != nil {
		return sum, err
	}
	res := resolve.New(lex)
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
	rd := ingest.NewReader(opts.Ingest, opts.Stdin)
	seen := map[string]string{}
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
				writeErr = withRetry(work, s, opts.RetryFor, func() error { return bw.Flush(work) })
			}
		}()
		for j := range jobs {
			if writeErr != nil {
				continue
			}
			step()
			if len(j.replaced) > 0 {
				if err := withRetry(work, s, opts.RetryFor, func() error { return s.RemoveArticles(work, j.replaced) }); err != nil {
					writeErr = err
					continue
				}
			}
			if err := withRetry(work, s, opts.RetryFor, func() error { return s.Write(work, j.b) }); err != nil {
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
		if err := withRetry(work, s, opts.RetryFor, func() (err error) { hashes, err = s.ArticleHashes(work, ids); return err }); err != nil {
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
		docs := extractAll(work, x, todo, opts.Workers, nil)
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

	for _, f := range files {
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
			prog.Articles++
			prog.Bytes += int64(len(a.Text))
			sum.Read++
			if prev, dup := seen[a.ID]; dup {
				sum.Errors = append(sum.Errors, &ingest.Error{Path: a.Source, Reason: fmt.Sprintf("same article id %q as %s: skipped", a.ID, prev)})
				return
			}
			seen[a.ID] = a.Source
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
	if err := withRetry(work, s, opts.RetryFor, func() (err error) { sum.After, err = s.Counts(work); return err }); err != nil {
		return sum, err
	}
	return sum, nil
}

// withRetry runs op, and runs it again with growing pauses while the store calls its error passing,
// for at most d in all.
func withRetry(ctx context.Context, s graph.Store, d time.Duration, op func() error) error {
	rs, ok := s.(retryable)
	deadline := time.Now().Add(d)
	pause := 200 * time.Millisecond
	for {
		err := op()
		if err == nil || !ok || !rs.Retryable(err) || time.Now().Add(pause).After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}
