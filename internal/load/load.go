// Package load runs the one pipeline of every command (Run): read the inputs, drop repeated ids,
// extract every article (in parallel), resolve entities, and hand the result batch by batch to a sink:
// a store (Load, through the Retrying decorator), the neo4j-admin files, the JSON Lines printer or
// the scorer (Extract keeps one batch). Bad inputs are collected, not fatal.
package load

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// Options configure a run: what it reads and how.
type Options struct {
	Paths   []string
	Stdin   io.Reader
	Ingest  ingest.Options
	Workers int // extraction goroutines; 0 means one per CPU
	Lexicon *lexicon.Lexicon
	// Progress is called as each article of a batch is extracted.
	Progress func(done, total int)
	// Corrections are a researcher's forced merges and splits (kgload merge / split), applied on
	// every load.
	Corrections *resolve.Corrections
	// Batch is how many articles are extracted, resolved and handed on together; 0 takes every input
	// as one batch (resolution then reads the whole input as one unit, and the resolver answers for
	// every article after the run).
	Batch int
}

// Result is an extracted, resolved input taken as one batch.
type Result struct {
	Docs     []*extract.Doc
	Resolver *resolve.Resolver
	Batch    *graph.Batch
	Errors   []error // one per bad input, in input order
}

// Extract reads and extracts every input as one batch and resolves entities across them: Run with a
// sink that keeps the batch (for the scorer and the tests). It writes nothing.
func Extract(ctx context.Context, opts Options) (*Result, error) {
	opts.Batch = 0
	keep := &keeper{}
	sum, err := Run(ctx, opts, keep)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Docs: keep.b.Docs, Resolver: keep.b.Resolver, Batch: keep.b.Graph, Errors: sum.Errors}
	if res.Batch == nil { // nothing was read
		lex := opts.Lexicon
		if lex == nil {
			lex = lexicon.Default()
		}
		res.Resolver, res.Batch = resolve.New(lex), &graph.Batch{}
	}
	return res, nil
}

// keeper is the sink of Extract: it keeps the one batch.
type keeper struct{ b Batch }

func (k *keeper) Take(_ context.Context, b *Batch) error { k.b = *b; return nil }
func (k *keeper) Finish(context.Context) error           { return nil }

// dropOversized takes out the articles that name an entity longer than a store can key on (a run of
// thousands of capitalised words), each with an error naming its file and line.
func dropOversized(docs []*extract.Doc) ([]*extract.Doc, []error) {
	var errs []error
	out := docs[:0]
	for _, d := range docs {
		if why := oversized(d); why != "" {
			errs = append(errs, sourceError(d.Article.Source, why))
			continue
		}
		out = append(out, d)
	}
	return out, errs
}

func oversized(d *extract.Doc) string {
	for _, e := range d.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if len(n) > ingest.MaxKeyBytes {
				return fmt.Sprintf("names an entity of %d bytes (%.40q...), over the %d-byte limit", len(n), n, ingest.MaxKeyBytes)
			}
		}
	}
	return ""
}

// sourceError is an ingest.Error for an article's source, "path" or "path:line".
func sourceError(src, why string) error {
	if i := strings.LastIndexByte(src, ':'); i > 0 {
		if line, err := strconv.Atoi(src[i+1:]); err == nil {
			return &ingest.Error{Path: src[:i], Line: line, Reason: why}
		}
	}
	return &ingest.Error{Path: src, Reason: why}
}

// extractAll runs the extractor over the articles on several goroutines, keeping input order, and
// returns them compacted, with their mentions or only their numbers (see extract.ExtractCompact).
func extractAll(ctx context.Context, x *extract.Extractor, articles []*graph.Article, mentions bool, workers int, progress func(int, int)) ([]*extract.Doc, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	docs := make([]*extract.Doc, len(articles))
	failed := map[int]error{}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d, err := extractOne(ctx, x, articles[i], mentions)
				if err != nil {
					if ctx.Err() == nil {
						mu.Lock()
						failed[i] = err
						mu.Unlock()
					}
					continue // cancelled, or a fault of the extractor: left out
				}
				articles[i] = nil // the text is no longer needed
				docs[i] = d
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(articles))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range articles {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	out := docs[:0]
	for _, d := range docs {
		if d != nil {
			out = append(out, d)
		}
	}
	var errs []error
	for i := range len(docs) {
		if err, ok := failed[i]; ok {
			errs = append(errs, err)
		}
	}
	return out, errs
}

// extractOne extracts one article; a fault of the extractor on it (a panic) is that article's error,
// naming its file and line, and the rest of the batch goes on.
func extractOne(ctx context.Context, x *extract.Extractor, a *graph.Article, mentions bool) (d *extract.Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, &ingest.Error{Path: a.Source, Reason: fmt.Sprintf("extraction failed (%v): please report this article", p)}
		}
	}()
	return x.ExtractCompact(ctx, *a, mentions)
}
