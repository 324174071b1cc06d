package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/cliargs"
	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/graph"
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

Examples:
  kgquery path "Angela Merkel" "Emmanuel Macron"
  kgquery path "Muammar Qaddafi" "Tony Blair" --format json     (any spelling seen in the articles)
  kgquery path person:angela-merkel "European Union" --types MET,HOLDS_POST --max-hops 4
  kgquery stats

Shortest paths ignore direction. Among equally short paths the one whose sequence of entity ids sorts
first is shown, so both stores always give the same answer.

Exit codes: 0 answered, 1 failure (including no such entity or no path), 2 usage.`

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	formatFlag := &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table or json"}
	onUsage := func(c *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
	return &cli.App{
		Name:            "kgquery",
		Usage:           "ask how people, organisations and places in the news are connected",
		UsageText:       "kgquery [options] COMMAND [arguments]",
		Description:     description,
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Flags:           connect.Flags(),
		OnUsageError:    onUsage,
		Commands: []*cli.Command{
			{
				Name:      "path",
				Usage:     "the shortest path between two entities, with the evidence for every hop",
				ArgsUsage: "FROM TO",
				Flags: []cli.Flag{
					formatFlag,
					&cli.IntFlag{Name: "max-hops", Value: graph.DefaultMaxHops, Usage: "longest path searched, in `HOPS`"},
					&cli.StringFlag{Name: "types", Usage: "relation `TYPES` to follow, comma-separated (MET,HOLDS_POST,VISITED)"},
				},
				Action:       pathAction,
				OnUsageError: onUsage,
			},
			{
				Name:         "stats",
				Usage:        "how many articles, entities, relations and facts the store holds",
				Flags:        []cli.Flag{formatFlag},
				Action:       statsAction,
				OnUsageError: onUsage,
			},
		},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
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

// findEntity turns what the user typed into one entity: an id, else a name or alias.
func findEntity(ctx context.Context, s graph.Store, name string) (graph.Entity, error) {
	if e, err := s.Entity(ctx, name); err == nil {
		return e, nil
	}
	es, err := s.FindEntities(ctx, name)
	if err != nil {
		return graph.Entity{}, err
	}
	switch len(es) {
	case 0:
		return graph.Entity{}, graph.Errorf(graph.ENotFound, "no entity named %q", name)
	case 1:
		return es[0], nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q names %d entities; give the id of the one you mean:", name, len(es))
	for _, e := range es {
		fmt.Fprintf(&b, "\n  %-40s %s (%s)", e.ID, e.Name, e.Type)
	}
	return graph.Entity{}, graph.Errorf(graph.EConflict, "%s", b.String())
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

func pathAction(c *cli.Context) error {
	if c.NArg() != 2 {
		return usageError{"path needs two entities: kgquery path FROM TO"}
	}
	format := c.String("format")
	if format != "table" && format != "json" {
		return usageError{fmt.Sprintf("unknown format %q (want table or json)", format)}
	}
	types, err := parseTypes(c.String("types"))
	if err != nil {
		return err
	}
	if c.Int("max-hops") < 1 {
		return usageError{"--max-hops must be at least 1"}
	}
	ctx := c.Context
	store, _, err := connect.Open(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()
	from, err := findEntity(ctx, store, c.Args().Get(0))
	if err != nil {
		return err
	}
	to, err := findEntity(ctx, store, c.Args().Get(1))
	if err != nil {
		return err
	}
	p, err := store.ShortestPath(ctx, from.ID, to.ID, graph.PathOptions{MaxHops: c.Int("max-hops"), Types: types})
	if err != nil {
		if graph.ErrorCode(err) == graph.ENotFound {
			return fmt.Errorf("no path between %s and %s: %w", from.Name, to.Name, err)
		}
		return err
	}
	view, err := newPathView(ctx, store, p)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(view)
	}
	view.writeTable(c.App.Writer)
	return nil
}

func statsAction(c *cli.Context) error {
	store, where, err := connect.Open(c.Context, c)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.Counts(c.Context)
	if err != nil {
		return err
	}
	if c.String("format") == "json" {
		return json.NewEncoder(c.App.Writer).Encode(n)
	}
	fmt.Fprintf(c.App.Writer, "%s\n  articles   %d\n  entities   %d\n  relations  %d\n  facts      %d\n  mentions   %d\n",
		where, n.Articles, n.Entities, n.Relations, n.Facts, n.Mentions)
	return nil
}

// ---- path output ----

type entityRef struct {
	ID   string           `json:"id"`
	Name string           `json:"name"`
	Type graph.EntityType `json:"type"`
}

type factView struct {
	Article    string  `json:"article"`
	Source     string  `json:"source"`
	Title      string  `json:"title,omitempty"`
	Evidence   string  `json:"evidence"`
	Date       string  `json:"date,omitempty"`
	Place      string  `json:"place,omitempty"`
	Confidence float64 `json:"confidence"`
}

type relationView struct {
	Type     graph.RelType `json:"type"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Title    string        `json:"title,omitempty"`
	Status   string        `json:"status,omitempty"`
	Dates    []string      `json:"dates"`
	Places   []string      `json:"places"`
	Disputed bool          `json:"dates_disputed"`
	Facts    []factView    `json:"facts"`
}

type hopView struct {
	From      entityRef      `json:"from"`
	To        entityRef      `json:"to"`
	Relations []relationView `json:"relations"`
}

type pathView struct {
	From   entityRef `json:"from"`
	To     entityRef `json:"to"`
	Length int       `json:"length"`
	Hops   []hopView `json:"hops"`
}

func ref(e graph.Entity) entityRef { return entityRef{ID: e.ID, Name: e.Name, Type: e.Type} }

func newPathView(ctx context.Context, s graph.Store, p *graph.Path) (*pathView, error) {
	v := &pathView{From: ref(p.Nodes[0]), To: ref(p.Nodes[len(p.Nodes)-1]), Length: p.Len(), Hops: []hopView{}}
	names := map[string]string{}
	nameOf := func(id string) string {
		if id == "" {
			return ""
		}
		if n, ok := names[id]; ok {
			return n
		}
		n := id
		if e, err := s.Entity(ctx, id); err == nil {
			n = e.Name
		}
		names[id] = n
		return n
	}
	var ids []string
	for _, h := range p.Hops {
		for _, r := range h.Relations {
			for _, f := range r.Facts {
				ids = append(ids, f.Article)
			}
		}
	}
	arts, err := s.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[string]graph.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, h := range p.Hops {
		hv := hopView{From: ref(h.From), To: ref(h.To)}
		for _, r := range h.Relations {
			rv := relationView{Type: r.Type, From: nameOf(r.From), To: nameOf(r.To), Title: r.Title, Status: r.Status,
				Dates: r.Dates(), Disputed: r.Disputed(), Places: []string{}}
			if rv.Dates == nil {
				rv.Dates = []string{}
			}
			for _, pl := range r.Places() {
				rv.Places = append(rv.Places, nameOf(pl))
			}
			for _, f := range r.Facts {
				a := byID[f.Article]
				rv.Facts = append(rv.Facts, factView{Article: f.Article, Source: a.Source, Title: a.Title,
					Evidence: f.Evidence, Date: f.Date, Place: nameOf(f.Place), Confidence: f.Confidence})
			}
			hv.Relations = append(hv.Relations, rv)
		}
		v.Hops = append(v.Hops, hv)
	}
	return v, nil
}

func (v *pathView) writeTable(w io.Writer) {
	plural := "s"
	if v.Length == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "%s → %s: %d hop%s\n\n", v.From.Name, v.To.Name, v.Length, plural)
	for i, h := range v.Hops {
		fmt.Fprintf(w, "%d. %s (%s) — %s (%s)\n", i+1, h.From.Name, h.From.Type, h.To.Name, h.To.Type)
		for _, r := range h.Relations {
			head := fmt.Sprintf("%s %s %s", r.From, r.Type, r.To)
			if r.Title != "" {
				head += fmt.Sprintf(" as %s", r.Title)
				if r.Status == "former" {
					head += " (former)"
				}
			}
			var meta []string
			if len(r.Dates) > 0 {
				meta = append(meta, strings.Join(r.Dates, " / "))
			}
			if len(r.Places) > 0 {
				meta = append(meta, "in "+strings.Join(r.Places, " / "))
			}
			if len(meta) > 0 {
				head += " · " + strings.Join(meta, " · ")
			}
			fmt.Fprintf(w, "   %s\n", head)
			if r.Disputed {
				fmt.Fprintf(w, "   ! sources disagree on the date: %s\n", disagreement(r))
			}
			for _, f := range r.Facts {
				label := filepath.Base(f.Source)
				if label == "." || label == "" {
					label = f.Article
				}
				extra := ""
				if f.Date != "" {
					extra = " (" + f.Date + ")"
				}
				fmt.Fprintf(w, "     “%s”\n       — %s%s\n", oneLine(f.Evidence), label, extra)
			}
		}
		fmt.Fprintln(w)
	}
}

func disagreement(r relationView) string {
	var parts []string
	for _, d := range r.Dates {
		var srcs []string
		seen := map[string]bool{}
		for _, f := range r.Facts {
			if f.Date == d && !seen[f.Source] {
				seen[f.Source] = true
				srcs = append(srcs, filepath.Base(f.Source))
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", d, strings.Join(srcs, ", ")))
	}
	return strings.Join(parts, " vs ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
