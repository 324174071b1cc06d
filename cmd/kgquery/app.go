package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/cliargs"
	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const description = `kgquery answers questions about the graph kgload built, from the embedded database file (--db,
default kg.db) or from Neo4j (--neo4j-uri or NEO4J_URI).

An entity is named by its name, any spelling seen in the articles, or its id (e.g. person:angela-merkel).
A name that fits several entities lists them with what tells them apart; an unknown name suggests the
closest names.

Examples:
  kgquery path "Angela Merkel" "Emmanuel Macron"
  kgquery path "Muammar Qaddafi" "Tony Blair" --k 3 --format json
  kgquery path person:angela-merkel "European Union" --types MET,HOLDS_POST --through Person --since 2024-01
  kgquery neighbours "Angela Merkel" --types MET --limit 20
  kgquery common "Angela Merkel" "Emmanuel Macron" --types MET
  kgquery entity "Angela Merkel"
  kgquery timeline "Angela Merkel"
  kgquery search "Merkle"
  kgquery ask "Who did Angela Merkel meet in March 2024?"
  kgquery cypher "MATCH (p:Person)-[r:MET]-(q) WHERE p.name = \$name RETURN q.name, r.dates" --param name="Angela Merkel"
  kgquery path "Angela Merkel" "Emmanuel Macron" --format dot | dot -Tpng > path.png

Output: a readable table on a terminal, tab-separated values on a pipe; --format table, json, csv,
tsv, or, for paths and neighbourhoods, dot and mermaid pictures.

Shortest paths ignore direction. Among equally short paths the one whose sequence of entity ids sorts
first comes first, so both stores always give the same answer. When sources disagree on a date, every
date is shown with its sources.

Exit codes: 0 answered, 1 failure (including no such entity or no path), 2 usage.`

func newApp(stdin io.Reader, stdout, stderr io.Writer, tty bool) *cli.App {
	onUsage := func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
	commands := []*cli.Command{pathCommand(), neighboursCommand(), commonCommand(), entityCommand(), timelineCommand(),
		searchCommand(), statsCommand(), cypherCommand(), askCommand()}
	for _, c := range commands {
		c.OnUsageError = onUsage
	}
	app := &cli.App{
		Name:            "kgquery",
		Usage:           "ask how people, organisations and places in the news are connected",
		UsageText:       "kgquery [options] COMMAND [arguments]",
		Description:     description,
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: table, json, csv, tsv, dot or mermaid (default: table on a terminal, tsv on a pipe)"},
		}, connect.Flags()...),
		OnUsageError: onUsage,
		Commands:     commands,
	}
	app.Metadata = map[string]any{"tty": tty}
	return app
}

// typesFlag and limitFlag are the flags several commands share.
func typesFlag() cli.Flag {
	return &cli.StringFlag{Name: "types", Usage: "relation `TYPES` to follow, comma-separated (MET,HOLDS_POST,VISITED)"}
}

func limitFlag() cli.Flag {
	return &cli.IntFlag{Name: "limit", Usage: "show at most `N` rows (0: all)"}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	app := newApp(stdin, stdout, stderr, tty)
	err := app.RunContext(ctx, cliargs.Reorder(app, args))
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "kgquery: %s\nRun 'kgquery --help' for usage.\n", ue.msg)
		return exitUsage
	}
	fmt.Fprintf(stderr, "kgquery: %s\n", err)
	return exitFailure
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// withSession is the prologue every query command shares: it settles the output format (drawable:
// whether the answer can be a picture), opens the store read-only, runs fn with the query engine
// and the format, and closes the store.
func withSession(c *cli.Context, drawable bool, fn func(q *query.Engine, f string) error) error {
	f, err := format(c, drawable)
	if err != nil {
		return err
	}
	s, _, err := connect.OpenForQuery(c.Context, c)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(&query.Engine{S: s}, f)
}

func parseTypes(s string) ([]graph.RelType, error) {
	if s == "" {
		return nil, nil
	}
	var out []graph.RelType
	for _, p := range strings.Split(s, ",") {
		t := graph.RelType(strings.ToUpper(strings.TrimSpace(p)))
		if !t.Valid() {
			return nil, usageError{fmt.Sprintf("unknown relation type %q (want MET, HOLDS_POST or VISITED)", p)}
		}
		out = append(out, t)
	}
	return out, nil
}

func parseEntityTypes(s string) ([]graph.EntityType, error) {
	if s == "" {
		return nil, nil
	}
	var out []graph.EntityType
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		var t graph.EntityType
		for _, known := range graph.EntityTypes {
			if strings.EqualFold(string(known), p) || strings.EqualFold(string(known), p+"s") {
				t = known
			}
		}
		if t == "" {
			return nil, usageError{fmt.Sprintf("unknown entity type %q (want Person, Organisation or Place)", p)}
		}
		out = append(out, t)
	}
	return out, nil
}

func validDate(s string) bool {
	if s == "" {
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s) // a real month and day: not 2024-13-45
			return err == nil
		}
	}
	return false
}

func args(c *cli.Context, n int, usage string) ([]string, error) {
	if c.NArg() != n {
		return nil, usageError{fmt.Sprintf("%s needs %s", c.Command.Name, usage)}
	}
	return c.Args().Slice(), nil
}
