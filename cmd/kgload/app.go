package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/cliargs"
	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/export"
	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/resolve"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks errors in how the tool was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errSomeFailed is returned when the batch loaded but some inputs were refused.
var errSomeFailed = errors.New("some inputs could not be read")

const description = `kgload turns a batch of news articles into a knowledge graph of people, organisations and places,
with MET, HOLDS_POST and VISITED relations, each backed by the sentence that says so.

Inputs are files, folders (read recursively), quoted globs, or - for standard input:
  .txt / .md     one article per file; the first line is the title
  .jsonl         one article per line: {"id", "url", "title", "published", "text"}
  .html          a news page: main text, title and date from its metadata

Without a Neo4j URI the graph goes to an embedded database file (--db, default kg.db).
Loading the same articles again changes nothing; a changed article (same id) replaces its own facts;
a load that was killed or interrupted finishes when run again with the same arguments.

Examples:
  kgload seeds/                                  load a folder into kg.db
  kgload --date 2024-03-19 article.txt           read relative dates ("on Sunday") against a date
  kgload --errors failed.jsonl --batch-size 2000 corpus/   list failed inputs as JSON Lines
  kgload extract seeds/ > facts.jsonl            print what would be stored, write nothing
  kgload eval --gold testdata/gold seeds/        score extraction against gold annotations
  kgload export --format neo4j-admin out/ corpus.jsonl   files for neo4j-admin database import
  NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=secret kgload seeds/
  kgload merge "Yusri Qasimi" "Yusri Kasimi"     force a merge, now and in every later load (kg-corrections.tsv)
  kgload schema --neo4j-uri neo4j://localhost:7687
  kgload --bulk --neo4j-database neo4j corpus.jsonl   first load with neo4j-admin (database stopped)

Exit codes: 0 all inputs loaded, 1 something failed (bad inputs are listed, the rest is stored), 2 usage.`

// correctionsFlag names the file of forced merges and splits that every load follows.
var correctionsFlag = &cli.StringFlag{Name: "corrections", Value: "kg-corrections.tsv", EnvVars: []string{"KG_CORRECTIONS"},
	Usage: "`FILE` of forced merges and splits (kgload merge / kgload split write it; read when present)", Category: "Load"}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:                   "kgload",
		Usage:                  "load news articles into a knowledge graph",
		UsageText:              "kgload [options] PATH...\nkgload extract [options] PATH...\nkgload eval --gold DIR PATH...\nkgload export --format neo4j-admin DIR PATH...\nkgload merge NAME OTHER | kgload split NAME\nkgload schema [options]",
		Description:            description,
		Reader:                 stdin,
		Writer:                 stdout,
		ErrWriter:              stderr,
		HideHelpCommand:        true,
		UseShortOptionHandling: true,
		Flags:                  append(append(inputFlags(), loadFlags()...), connect.Flags()...),
		Action: func(c *cli.Context) error {
			return loadAction(c)
		},
		OnUsageError: onUsage,
		Commands:     commands(),
	}
}

func onUsage(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} }

// inputFlags say how articles are read and extracted, and how batches are written.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "date", Usage: "publication `DATE` (YYYY-MM-DD) for articles that carry none", Category: "Input"},
		&cli.IntFlag{Name: "batch-size", Value: load.DefaultBatchSize, Usage: "articles extracted and written together", Category: "Load"},
		&cli.IntFlag{Name: "write-rows", Value: load.DefaultWriteRows, Usage: "rows Neo4j writes gather across batches before they are sent", Category: "Load"},
		&cli.BoolFlag{Name: "dry-run", Usage: "read, extract and resolve, report what would be stored, write nothing", Category: "Load"},
		&cli.StringFlag{Name: "errors", Usage: "write the inputs that failed to `FILE` as JSON Lines (path, line, reason)", Category: "Load"},
		&cli.DurationFlag{Name: "retry-for", Value: 2 * time.Minute, Usage: "keep retrying writes this long while Neo4j is unreachable or restarting", Category: "Load"},
		&cli.Int64Flag{Name: "max-bytes", Value: ingest.DefaultMaxBytes, Usage: "refuse input files larger than `N` bytes", Category: "Input"},
		&cli.IntFlag{Name: "workers", Usage: "extraction goroutines (`N`; 0: one per CPU)", Category: "Input"},
		correctionsFlag,
	}
}

// loadFlags are the flags of a bulk first load.
func loadFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "bulk", Usage: "first load into an empty Neo4j database with neo4j-admin database import (stopped database); without the admin tool, through the driver", Category: "Load"},
		&cli.StringFlag{Name: "neo4j-admin", Value: "neo4j-admin", EnvVars: []string{"KG_NEO4J_ADMIN"}, Usage: "the Neo4j admin tool `COMMAND` --bulk runs (a program and its first arguments)", Category: "Load"},
		&cli.StringFlag{Name: "bulk-dir", Usage: "keep --bulk's import files in `DIR` (default: a temporary folder, removed after)", Category: "Load"},
	}
}

// commands are kgload's commands (load is also what kgload does without one).
func commands() []*cli.Command {
	cs := []*cli.Command{
		{Name: "load", Usage: "load articles (the default command)", ArgsUsage: "PATH...", Action: loadAction},
		{Name: "extract", Usage: "print what extraction reads from each article, one JSON object per line; write nothing", ArgsUsage: "PATH...", Action: extractAction},
		exportCommand(),
		evalCommand(),
		{
			Name:      "merge",
			Usage:     "force two spellings to be one entity, in what is stored and in every later load (written to the corrections file)",
			ArgsUsage: "NAME OTHER",
			Flags:     []cli.Flag{correctionsFlag},
			Action:    correctAction("merge", 2),
		},
		{
			Name:      "split",
			Usage:     "make a spelling an entity of its own, now and in every later load, undoing merges (written to the corrections file)",
			ArgsUsage: "NAME",
			Flags:     []cli.Flag{correctionsFlag},
			Action:    correctAction("split", 1),
		},
		{Name: "schema", Usage: "create the store's constraints and indexes (a load also does this; kgquery never does)", Action: schemaAction},
	}
	for _, c := range cs {
		c.OnUsageError = onUsage
	}
	return cs
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the graph of the inputs as files for a bulk import (neo4j-admin database import), for very large first loads",
		ArgsUsage: "--format neo4j-admin DIR PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "neo4j-admin", Usage: "`FORMAT` of the files: neo4j-admin"},
			&cli.StringFlag{Name: "neo4j-database", Value: "neo4j", Usage: "database `NAME` the printed import command names"},
		},
		Action: exportAction,
	}
}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extraction against gold annotations (precision, recall, F1, dates, B-cubed)",
		ArgsUsage: "--gold DIR PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Required: true, Usage: "`DIR` of gold files, one <article>.json per article"},
			&cli.BoolFlag{Name: "errors", Usage: "also list missed and wrong relations and entities, and the entity errors by class (type, boundary, spurious, missed)"},
		},
		Action: evalAction,
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, cliargs.Reorder(app, args))
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSomeFailed):
		return exitFailure
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "kgload: %s\nRun 'kgload --help' for usage.\n", ue.msg)
		return exitUsage
	}
	fmt.Fprintf(stderr, "kgload: %s\n", err)
	return exitFailure
}

func loadOptions(c *cli.Context) (load.Options, error) {
	if c.NArg() == 0 {
		return load.Options{}, usageError{"no input: give files, folders, or - for standard input"}
	}
	date := c.String("date")
	if date != "" && !validDate(date) {
		return load.Options{}, usageError{fmt.Sprintf("--date %q: want YYYY-MM-DD", date)}
	}
	fix, err := resolve.ReadCorrections(c.String("corrections"))
	if err != nil {
		return load.Options{}, err
	}
	return load.Options{
		Paths:       c.Args().Slice(),
		Stdin:       c.App.Reader,
		Workers:     c.Int("workers"),
		Ingest:      ingest.Options{MaxBytes: c.Int64("max-bytes"), Published: date},
		Corrections: fix,
	}, nil
}

// correctAction appends a merge or split to the corrections file, which every later load follows,
// and applies it at once to what the store holds (when there is one: Neo4j, or an existing embedded
// file): a merge makes the stored entities of the two spellings one; a split moves the articles that
// named an entity only by the spelling to a node of their own.
func correctAction(verb string, n int) cli.ActionFunc {
	return func(c *cli.Context) error {
		if c.NArg() != n {
			return usageError{fmt.Sprintf("kgload %s wants %d name(s)", verb, n)}
		}
		path := c.String("corrections")
		if err := resolve.AppendCorrection(path, append([]string{verb}, c.Args().Slice()...)...); err != nil {
			return err
		}
		fix, err := resolve.ReadCorrections(path)
		if err != nil {
			return err
		}
		what := strings.Join(c.Args().Slice(), " / ")
		if c.String("neo4j-uri") == "" {
			if _, err := os.Stat(c.String("db")); err != nil {
				fmt.Fprintf(c.App.Writer, "%s %s: written to %s; loads from now on follow it\n", verb, what, path)
				return nil
			}
		}
		store, where, err := connect.Open(c.Context, c)
		if err != nil {
			return err
		}
		defer store.Close()
		o := load.LoadOptions{Options: load.Options{Corrections: fix}, RetryFor: c.Duration("retry-for")}
		if verb == "split" {
			sum, err := load.Split(c.Context, store, o, c.Args().First())
			if err != nil {
				return fmt.Errorf("applying the split to %s: %w", where, err)
			}
			fmt.Fprintf(c.App.Writer, "split %s: written to %s; loads from now on follow it; %d stored entities split in %s, %d articles moved\n",
				what, path, sum.Entities, where, sum.Moved)
			if sum.Mixed > 0 {
				fmt.Fprintf(c.App.Writer, "%d articles named %s beside another full spelling of its entity and stayed (which spelling each fact was read from is not stored); reload them into a new database to place them\n", sum.Mixed, what)
			}
			if sum.Unknown > 0 {
				fmt.Fprintf(c.App.Writer, "%d articles were stored before the spellings each article uses were kept and stayed where they were; reload them into a new database to place them\n", sum.Unknown)
			}
			return nil
		}
		merged, err := load.Revise(c.Context, store, o)
		if err != nil {
			return fmt.Errorf("applying the corrections to %s: %w", where, err)
		}
		fmt.Fprintf(c.App.Writer, "merge %s: written to %s; loads from now on follow it; %d stored entities merged in %s\n",
			what, path, merged, where)
		return nil
	}
}

// validDate accepts a real calendar date written YYYY-MM-DD (not 2024-13-45, not 2023-02-29).
func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil && len(s) == 10
}

// reportErrors prints one line per bad input.
func reportErrors(w io.Writer, errs []error) {
	for _, e := range errs {
		fmt.Fprintf(w, "kgload: %s\n", e)
	}
}

func loadAction(c *cli.Context) error {
	opts, err := loadOptions(c)
	if err != nil {
		return err
	}
	if c.Int("batch-size") < 1 {
		return usageError{"--batch-size must be at least 1"}
	}
	if c.Bool("bulk") && !c.Bool("dry-run") {
		if done, err := bulkLoad(c); done || err != nil {
			return err
		}
	}
	ctx := c.Context
	store, where, err := connect.Open(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	if !c.Bool("dry-run") {
		// the only writers of the schema are a load and `kgload schema`; kgquery never writes
		if err := store.ApplySchema(ctx); err != nil {
			return err
		}
	}
	lo := load.LoadOptions{Options: opts, BatchSize: c.Int("batch-size"), DryRun: c.Bool("dry-run"), RetryFor: c.Duration("retry-for"),
		WriteRows: c.Int("write-rows")}
	lo.Step = testHooks(store)
	bar := newProgressBar(c.App.ErrWriter, stderrIsTerminal(c))
	lo.OnProgress = bar.update
	sum, err := load.Load(ctx, store, lo)
	bar.done()
	if sum != nil {
		reportErrors(c.App.ErrWriter, sum.Errors)
		if path := c.String("errors"); path != "" {
			if werr := writeErrors(path, sum.Errors); werr != nil {
				fmt.Fprintf(c.App.ErrWriter, "kgload: %v\n", werr)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("loading into %s: %w", where, err)
	}
	w := c.App.Writer
	verb := "stored"
	if sum.DryRun {
		verb = "would store (dry run: nothing written)"
	}
	fmt.Fprintf(w, "read %d articles from %d inputs into %s\n", sum.Read, sum.Read+sum.Failed, where)
	fmt.Fprintf(w, "%s %d (%d changed since last loaded), %d unchanged and skipped, %d inputs failed\n",
		verb, sum.Stored, sum.Replaced, sum.Unchanged, sum.Failed)
	fmt.Fprintf(w, "extracted %d entities and %d relations backed by %d sentences\n", sum.Entities, sum.Relations, sum.Facts)
	fmt.Fprintf(w, "store now holds %d articles, %d entities, %d relations (%d new entities, %d new relations)\n",
		sum.After.Articles, sum.After.Entities, sum.After.Relations,
		sum.After.Entities-sum.Before.Entities, sum.After.Relations-sum.Before.Relations)
	for _, u := range sum.Undone {
		fmt.Fprintf(w, "merge undone as doubtful: %s\n", u)
	}
	if sum.Interrupted {
		fmt.Fprintf(c.App.ErrWriter, "kgload: interrupted: what was read so far is stored; run the same command again to finish\n")
		return errSomeFailed
	}
	if len(sum.Errors) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "kgload: %d of %d inputs failed; the others were stored\n", len(sum.Errors), len(sum.Errors)+sum.Read)
		return errSomeFailed
	}
	return nil
}

// writeErrors writes the failed inputs as JSON Lines, so they can be mended and loaded again.
func writeErrors(path string, errs []error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--errors: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, e := range errs {
		var ie *ingest.Error
		if !errors.As(e, &ie) {
			ie = &ingest.Error{Reason: e.Error()}
		}
		if err := enc.Encode(ie); err != nil {
			f.Close()
			return fmt.Errorf("--errors: %w", err)
		}
	}
	return f.Close()
}

func schemaAction(c *cli.Context) error {
	store, where, err := connect.Open(c.Context, c)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.ApplySchema(c.Context); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "schema applied to %s\n", where)
	return nil
}

// runInputs runs the pipeline over the command's inputs (paths, or its arguments when nil) into
// sink without a store, --batch-size articles at a time, reporting bad inputs: extract and export.
func runInputs(c *cli.Context, paths []string, sink load.Sink) (*load.Summary, error) {
	opts, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	if paths != nil {
		opts.Paths = paths
	}
	if opts.Batch = c.Int("batch-size"); opts.Batch < 1 {
		return nil, usageError{"--batch-size must be at least 1"}
	}
	sum, err := load.Run(c.Context, opts, sink)
	if err == nil && sum.Interrupted {
		err = c.Context.Err()
	}
	if err != nil {
		return nil, err
	}
	reportErrors(c.App.ErrWriter, sum.Errors)
	return sum, nil
}

// sinkFuncs is a load.Sink made of two functions.
type sinkFuncs struct {
	take   func(b *load.Batch) error
	finish func() error
}

func (s sinkFuncs) Take(_ context.Context, b *load.Batch) error { return s.take(b) }
func (s sinkFuncs) Finish(context.Context) error                { return s.finish() }

// printer is the sink of kgload extract: one JSON object per article, as each batch is resolved.
func printer(w io.Writer) load.Sink {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return sinkFuncs{
		take: func(b *load.Batch) error {
			for _, d := range b.Docs {
				if err := enc.Encode(docJSON(d, b.Resolver)); err != nil {
					return err
				}
			}
			return nil
		},
		finish: func() error { return nil },
	}
}

// exportFiles runs the pipeline into neo4j-admin import files in dir, batch by batch.
func exportFiles(c *cli.Context, dir string, paths []string) (*load.Summary, *export.Writer, error) {
	ew, err := export.NewWriter(dir)
	if err != nil {
		return nil, nil, err
	}
	sum, err := runInputs(c, paths, sinkFuncs{
		take: func(b *load.Batch) error {
			if err := ew.Write(b.Graph); err != nil {
				return err
			}
			for _, m := range b.Merges { // what a store merges after the batch (see load.Batch)
				ew.Merge(m.Into, m.From)
			}
			return nil
		},
		finish: ew.Close,
	})
	return sum, ew, err
}

func extractAction(c *cli.Context) error {
	sum, err := runInputs(c, nil, printer(c.App.Writer))
	if err != nil {
		return err
	}
	if len(sum.Errors) > 0 {
		return errSomeFailed
	}
	return nil
}

func exportAction(c *cli.Context) error {
	if c.String("format") != "neo4j-admin" {
		return usageError{fmt.Sprintf("unknown export format %q (want neo4j-admin)", c.String("format"))}
	}
	if c.NArg() < 2 {
		return usageError{"export needs a folder for the files and the inputs: kgload export --format neo4j-admin DIR PATH..."}
	}
	dir := c.Args().First()
	sum, ew, err := exportFiles(c, dir, c.Args().Slice()[1:])
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "wrote %d articles, %d entities and %d relations to %s\n", ew.Articles(), ew.Entities(), ew.Relations(), dir)
	fmt.Fprintf(c.App.Writer, "import them into an empty database, with Neo4j stopped:\n  %s\n", export.Command(dir, c.String("neo4j-database")))
	fmt.Fprintf(c.App.Writer, "then start Neo4j and run 'kgload schema' to add the constraints and indexes\n")
	if len(sum.Errors) > 0 {
		return errSomeFailed
	}
	return nil
}

func evalAction(c *cli.Context) error {
	gold, err := eval.LoadGold(c.String("gold"))
	if err != nil {
		return err
	}
	opts, err := loadOptions(c)
	if err != nil {
		return err
	}
	// the scorer reads the whole input as one batch, resolved as one unit
	res, err := load.Extract(c.Context, opts)
	if err != nil {
		return err
	}
	reportErrors(c.App.ErrWriter, res.Errors)
	rep := eval.Score(res.Docs, res.Resolver, gold)
	rep.Write(c.App.Writer)
	if c.Bool("errors") {
		for _, s := range rep.FalseNegative {
			fmt.Fprintln(c.App.Writer, "missed: "+s)
		}
		for _, s := range rep.FalsePositive {
			fmt.Fprintln(c.App.Writer, "wrong:  "+s)
		}
		for _, s := range rep.WrongDates {
			fmt.Fprintln(c.App.Writer, "date:   "+s)
		}
		for _, s := range rep.MissedEntities {
			fmt.Fprintln(c.App.Writer, "missed entity: "+s)
		}
		for _, s := range rep.WrongEntities {
			fmt.Fprintln(c.App.Writer, "wrong entity:  "+s)
		}
	}
	if len(res.Errors) > 0 {
		return errSomeFailed
	}
	return nil
}

// ---- extract output ----

type mentionOut struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type entityOut struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Type     graph.EntityType `json:"type"`
	Aliases  []string         `json:"aliases"`
	Mentions []mentionOut     `json:"mentions"`
	Why      []string         `json:"why,omitempty"` // why other spellings joined this entity across the run
}

type relationOut struct {
	Type       graph.RelType `json:"type"`
	From       string        `json:"from"`
	To         string        `json:"to"`
	Date       *string       `json:"date"`
	Place      *string       `json:"place"`
	Title      *string       `json:"title"`
	Status     *string       `json:"status"`
	Evidence   string        `json:"evidence"`
	Start      int           `json:"start"`
	End        int           `json:"end"`
	Confidence float64       `json:"confidence"`
	Rule       string        `json:"rule"`
}

type docOut struct {
	Doc       string        `json:"doc"`
	Article   string        `json:"article"`
	Published *string       `json:"published"`
	Entities  []entityOut   `json:"entities"`
	Relations []relationOut `json:"relations"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func docJSON(d *extract.Doc, r *resolve.Resolver) docOut {
	out := docOut{Doc: ingest.DocName(d.Article), Article: d.Article.ID, Published: strPtr(d.Article.Published),
		Entities: []entityOut{}, Relations: []relationOut{}}
	for _, e := range d.Entities {
		c := r.Of(e)
		if c == nil {
			continue
		}
		eo := entityOut{ID: c.ID, Name: e.Name, Type: e.Type, Aliases: append([]string{}, e.Aliases...), Mentions: []mentionOut{}, Why: c.Reasons}
		for _, m := range e.Mentions {
			eo.Mentions = append(eo.Mentions, mentionOut{Text: m.Text, Start: m.Start, End: m.End})
		}
		sort.Slice(eo.Mentions, func(i, j int) bool { return eo.Mentions[i].Start < eo.Mentions[j].Start })
		out.Entities = append(out.Entities, eo)
	}
	for _, rel := range d.Relations {
		from, to := r.Of(rel.From), r.Of(rel.To)
		if from == nil || to == nil || from == to {
			continue
		}
		ro := relationOut{Type: rel.Type, From: from.ID, To: to.ID, Date: strPtr(rel.Date), Title: strPtr(rel.Title),
			Status: strPtr(rel.Status), Evidence: rel.Evidence, Start: rel.Start, End: rel.End,
			Confidence: rel.Confidence, Rule: rel.Rule}
		if rel.Place != nil {
			if pc := r.Of(rel.Place); pc != nil {
				ro.Place = strPtr(pc.ID)
			}
		}
		out.Relations = append(out.Relations, ro)
	}
	return out
}
