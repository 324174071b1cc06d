package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

// kgquery common: the entities linked to both of two.

// commonCommand is kgquery common.
func commonCommand() *cli.Command {
	return &cli.Command{
		Name:      "common",
		Usage:     "the entities linked to both of two entities (e.g. who met both)",
		ArgsUsage: "A B",
		Flags:     []cli.Flag{typesFlag()},
		Action:    commonAction,
	}
}

func commonAction(c *cli.Context) error {
	a, err := args(c, 2, "two entities: kgquery common A B")
	if err != nil {
		return err
	}
	types, err := parseTypes(c.String("types"))
	if err != nil {
		return err
	}
	return withSession(c, true, func(q *query.Engine, f string) error {
		return answerCommon(c.Context, q, c.App.Writer, f, a[0], a[1], types)
	})
}

func answerCommon(ctx context.Context, q *query.Engine, w io.Writer, f, a, b string, types []graph.RelType) error {
	ea, err := q.Resolve(ctx, a)
	if err != nil {
		return err
	}
	eb, err := q.Resolve(ctx, b)
	if err != nil {
		return err
	}
	ss, err := q.Common(ctx, ea.ID, eb.ID, types)
	if err != nil {
		return err
	}
	var rs []graph.Relation
	for _, s := range ss {
		rs = append(rs, linkRelations(s.WithA, s.WithB)...)
	}
	l, err := fetchSources(ctx, q, rs)
	if err != nil {
		return err
	}
	return emit(w, f, commonView(l, ea, eb, ss))
}

func commonView(l *sources, a, b graph.Entity, ss []query.Shared) *view {
	type sharedView struct {
		Entity entityRef  `json:"entity"`
		WithA  []linkView `json:"with_a"`
		WithB  []linkView `json:"with_b"`
	}
	out := []sharedView{}
	var rows [][]string
	pic := &picture{}
	pic.node(a)
	pic.node(b)
	for _, s := range ss {
		la, ra := linkRows(l, s.WithA)
		lb, rb := linkRows(l, s.WithB)
		out = append(out, sharedView{Entity: ref(s.Entity), WithA: la, WithB: lb})
		for _, r := range ra {
			rows = append(rows, append([]string{s.Entity.Name, string(s.Entity.Type), a.Name}, r[0], r[4], r[6], r[7], r[9], r[10], r[11], r[12]))
		}
		for _, r := range rb {
			rows = append(rows, append([]string{s.Entity.Name, string(s.Entity.Type), b.Name}, r[0], r[4], r[6], r[7], r[9], r[10], r[11], r[12]))
		}
		pic.node(s.Entity)
		for _, k := range append(append([]query.Link{}, s.WithA...), s.WithB...) {
			pic.edge(k.Relation, l.name)
		}
	}
	cols := append([]string{"entity", "type", "linked to", "relation", "title", "dates", "places", "evidence"}, sourceColumns...)
	v := &view{JSON: map[string]any{"a": ref(a), "b": ref(b), "common": out}, Columns: cols, Rows: rows, Picture: pic}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "Linked to both %s and %s: %d\n\n", a.Name, b.Name, len(ss))
		if len(ss) == 0 { // both names are known (an unknown one is an error): say so
			fmt.Fprintf(w, "Both are in the graph, but no entity is linked to both by the relations asked.\n")
		}
		for _, s := range out {
			fmt.Fprintf(w, "%s (%s)\n", s.Entity.Name, s.Entity.Type)
			for _, k := range append(append([]linkView{}, s.WithA...), s.WithB...) {
				writeRelation(w, "   ", k.Relation)
			}
			fmt.Fprintln(w)
		}
	}
	return v
}
