package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

// kgquery path: the shortest paths between two entities, each hop with its evidence.

// pathCommand is kgquery path.
func pathCommand() *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "the shortest path(s) between two entities, with the evidence for every hop",
		ArgsUsage: "FROM TO",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "max-hops", Value: graph.DefaultMaxHops, Usage: "longest path searched, in `HOPS`"},
			typesFlag(),
			&cli.StringFlag{Name: "through", Usage: "entity `TYPES` a path may pass through (Person,Organisation,Place)"},
			&cli.StringFlag{Name: "since", Usage: "follow only relations with a fact dated on or after `DATE` (YYYY[-MM[-DD]])"},
			&cli.StringFlag{Name: "until", Usage: "follow only relations with a fact dated on or before `DATE`"},
			&cli.IntFlag{Name: "k", Usage: "the `N` shortest paths"},
			&cli.BoolFlag{Name: "all", Usage: "every shortest path"},
		},
		Action: pathAction,
	}
}

func pathAction(c *cli.Context) error {
	a, err := args(c, 2, "two entities: kgquery path FROM TO")
	if err != nil {
		return err
	}
	o := query.PathOptions{MaxHops: c.Int("max-hops"), K: c.Int("k"), All: c.Bool("all"), Since: c.String("since"), Until: c.String("until")}
	if o.MaxHops < 1 {
		return usageError{"--max-hops must be at least 1"}
	}
	if o.K < 0 || (o.K > 1 && o.All) {
		return usageError{"give either --k N or --all"}
	}
	if !validDate(o.Since) || !validDate(o.Until) {
		return usageError{"--since and --until take YYYY, YYYY-MM or YYYY-MM-DD"}
	}
	if o.Types, err = parseTypes(c.String("types")); err != nil {
		return err
	}
	if o.Through, err = parseEntityTypes(c.String("through")); err != nil {
		return err
	}
	return withSession(c, true, func(q *query.Engine, f string) error {
		return answerPath(c.Context, q, c.App.Writer, f, a[0], a[1], o)
	})
}

func answerPath(ctx context.Context, q *query.Engine, w io.Writer, f string, a, b string, o query.PathOptions) error {
	from, err := q.Resolve(ctx, a)
	if err != nil {
		return err
	}
	to, err := q.Resolve(ctx, b)
	if err != nil {
		return err
	}
	ps, err := q.Paths(ctx, from.ID, to.ID, o)
	if err != nil {
		if errors.Is(err, graph.ErrNotFound) {
			return fmt.Errorf("no path between %s and %s: %w", from.Name, to.Name, err)
		}
		return err
	}
	var all []graph.Relation
	for _, p := range ps {
		for _, h := range p.Hops {
			all = append(all, h.Relations...)
		}
	}
	l, err := fetchSources(ctx, q, all)
	if err != nil {
		return err
	}
	return emit(w, f, pathsView(l, ps))
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

// pathsView draws paths whose names and articles l holds.
func pathsView(l *sources, ps []*graph.Path) *view {
	var pvs []pathView
	pic := &picture{}
	v := &view{Columns: append([]string{"path", "hop", "from", "relation", "to", "title", "dates", "places", "disputed", "evidence"}, sourceColumns...)}
	for pi, p := range ps {
		pv := pathView{From: ref(p.Nodes[0]), To: ref(p.Nodes[len(p.Nodes)-1]), Length: p.Len(), Hops: []hopView{}}
		for _, n := range p.Nodes {
			pic.node(n)
		}
		for hi, h := range p.Hops {
			hv := hopView{From: ref(h.From), To: ref(h.To)}
			for _, r := range h.Relations {
				rv := l.relation(r)
				hv.Relations = append(hv.Relations, rv)
				pic.edge(r, l.name)
				ev, first := firstEvidence(rv)
				v.Rows = append(v.Rows, append([]string{strconv.Itoa(pi + 1), strconv.Itoa(hi + 1), rv.From, string(rv.Type), rv.To, rv.Title,
					strings.Join(rv.Dates, " "), strings.Join(rv.Places, "; "), strconv.FormatBool(rv.Disputed), ev}, sourceCells(first)...))
			}
			pv.Hops = append(pv.Hops, hv)
		}
		pvs = append(pvs, pv)
	}
	v.Picture = pic
	if len(pvs) == 1 {
		v.JSON = pvs[0]
	} else {
		v.JSON = pvs
	}
	v.Text = func(w io.Writer) {
		for i, pv := range pvs {
			if len(pvs) > 1 {
				fmt.Fprintf(w, "Path %d of %d: ", i+1, len(pvs))
			}
			fmt.Fprintf(w, "%s → %s: %d hop%s\n\n", pv.From.Name, pv.To.Name, pv.Length, plural(pv.Length))
			for hi, h := range pv.Hops {
				fmt.Fprintf(w, "%d. %s (%s) — %s (%s)\n", hi+1, h.From.Name, h.From.Type, h.To.Name, h.To.Type)
				for _, r := range h.Relations {
					writeRelation(w, "   ", r)
				}
				fmt.Fprintln(w)
			}
		}
	}
	return v
}
