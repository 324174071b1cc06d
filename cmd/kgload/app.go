package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/cliargs"
	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/eval"
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
Loading the same articles again changes nothing.

Examples:
  kgload seeds/                                  load a folder into kg.db
  kgload --date 2024-03-19 article.txt           read relative dates ("on Sunday") against a date
  kgload extract seeds/ > facts.jsonl            print what would be stored, write nothing
  kgload eval --gold testdata/gold seeds/        score extraction against gold annotations
  NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=secret kgload seeds/
  kgload schema --neo4j-uri neo4j://localhost:7687

Exit codes: 0 all inputs loaded, 1 something failed (bad inputs are listed, the rest is stored), 2 usage.`

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	inputFlags := []cli.Flag{
		&cli.StringFlag{Name: "date", Usage: "publication `DATE` (YYYY-MM-DD) for articles that carry none", Category: "Input"},
		&cli.Int64Flag{Name: "max-bytes", Value: ingest.DefaultMaxBytes, Usage: "refuse input files larger than `N` bytes", Category: "Input"},
		&cli.IntFlag{Name: "workers", Usage: "extraction goroutines (0: one per CPU)", Category: "Input"},
	}
	app := &cli.App{
		Name:                   "kgload",
		Usage:                  "load news articles into a knowledge graph",
		UsageText:              "kgload [options] PATH...\nkgload extract [options] PATH...\nkgload eval --gold DIR PATH...\nkgload schema [options]",
		Description:            description,
		Reader:                 stdin,
		Writer:                 stdout,
		ErrWriter:              stderr,
		HideHelpCommand:        true,
		UseShortOptionHandling: true,
		Flags:                  append(append([]cli.Flag{}, inputFlags...), connect.Flags()...),
		Action: func(c *cli.Context) error {
			return loadAction(c)
		},
		OnUsageError: func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
		Commands: []*cli.Command{
			{
				Name:         "load",
				Usage:        "load articles (the default command)",
				ArgsUsage:    "PATH...",
				Action:       loadAction,
				OnUsageError: func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
			},
			{
				Name:         "extract",
				Usage:        "print what extraction reads from each article, one JSON object per line; write nothing",
				ArgsUsage:    "PATH...",
				Action:       extractAction,
				OnUsageError: func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
			},
			{
				Name:      "eval",
				Usage:     "score extraction against gold annotations (precision, recall, F1, dates, B-cubed)",
				ArgsUsage: "--gold DIR PATH...",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "gold", Required: true, Usage: "`DIR` of gold files, one <article>.json per article"},
					&cli.BoolFlag{Name: "errors", Usage: "also list missed and wrong relations"},
				},
				Action:       evalAction,
				OnUsageError: func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
			},
			{
				Name:         "schema",
				Usage:        "create the store's constraints and indexes (kgload also does this when it connects)",
				Action:       schemaAction,
				OnUsageError: func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
			},
		},
	}
	return app
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
	return load.Options{
		Paths:   c.Args().Slice(),
		Stdin:   c.App.Reader,
		Workers: c.Int("workers"),
		Ingest:  ingest.Options{MaxBytes: c.Int64("max-bytes"), Published: date},
	}, nil
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
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
	ctx := c.Context
	store, where, err := connect.Open(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := load.Extract(ctx, opts)
	if err != nil {
		return err
	}
	reportErrors(c.App.ErrWriter, res.Errors)
	sum, err := load.Write(ctx, store, res)
	if err != nil {
		return fmt.Errorf("writing to %s: %w", where, err)
	}
	fmt.Fprintf(c.App.Writer, "read %d articles (%d inputs failed) into %s\n", sum.Articles, sum.Failed, where)
	fmt.Fprintf(c.App.Writer, "extracted %d entities and %d relations backed by %d sentences\n", sum.Entities, sum.Relations, sum.Facts)
	fmt.Fprintf(c.App.Writer, "store now holds %d articles, %d entities, %d relations (%d new entities, %d new relations)\n",
		sum.After.Articles, sum.After.Entities, sum.After.Relations,
		sum.After.Entities-sum.Before.Entities, sum.After.Relations-sum.Before.Relations)
	if len(res.Errors) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "kgload: %d of %d inputs failed; the others were stored\n", len(res.Errors), len(res.Errors)+sum.Articles)
		return errSomeFailed
	}
	return nil
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

func extractAction(c *cli.Context) error {
	opts, err := loadOptions(c)
	if err != nil {
		return err
	}
	res, err := load.Extract(c.Context, opts)
	if err != nil {
		return err
	}
	reportErrors(c.App.ErrWriter, res.Errors)
	enc := json.NewEncoder(c.App.Writer)
	enc.SetEscapeHTML(false)
	for _, d := range res.Docs {
		if err := enc.Encode(docJSON(d, res.Resolver)); err != nil {
			return err
		}
	}
	if len(res.Errors) > 0 {
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

func docName(a graph.Article) string {
	src := a.Source
	if strings.Contains(src, ".jsonl:") || strings.Contains(src, ".ndjson:") || src == ingest.StdinName {
		return a.ID
	}
	return filepath.Base(src)
}

func docJSON(d *extract.Doc, r *resolve.Resolver) docOut {
	out := docOut{Doc: docName(d.Article), Article: d.Article.ID, Published: strPtr(d.Article.Published),
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
