package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

// kgquery neighbours: one entity's relations.

// neighboursCommand is kgquery neighbours.
func neighboursCommand() *cli.Command {
	return &cli.Command{
		Name:      "neighbours",
		Aliases:   []string{"neighbors"},
		Usage:     "the entities linked to one entity, with the relations",
		ArgsUsage: "ENTITY",
		Flags: []cli.Flag{typesFlag(), limitFlag(),
			&cli.StringFlag{Name: "direction", Value: "both", Usage: "`DIR`: out (from the entity), in (to it) or both; MET has no direction"}},
		Action: neighboursAction,
	}
}

func neighboursAction(c *cli.Context) error {
	a, err := args(c, 1, "an entity: kgquery neighbours ENTITY")
	if err != nil {
		return err
	}
	o := query.NeighbourOptions{Direction: query.Direction(c.String("direction")), Limit: c.Int("limit")}
	if o.Direction != query.Both && o.Direction != query.Out && o.Direction != query.In {
		return usageError{"--direction is out, in or both"}
	}
	if o.Types, err = parseTypes(c.String("types")); err != nil {
		return err
	}
	return withSession(c, true, func(q *query.Engine, f string) error {
		return answerNeighbours(c.Context, q, c.App.Writer, f, a[0], o, "", "")
	})
}

func answerNeighbours(ctx context.Context, q *query.Engine, w io.Writer, f, name string, o query.NeighbourOptions, since, until string) error {
	e, err := q.Resolve(ctx, name)
	if err != nil {
		return err
	}
	ls, err := q.Neighbours(ctx, e.ID, query.NeighbourOptions{Types: o.Types, Direction: o.Direction})
	if err != nil {
		return err
	}
	if since != "" || until != "" {
		ls = inWindow(ls, since, until)
	}
	if o.Limit > 0 && len(ls) > o.Limit {
		ls = ls[:o.Limit]
	}
	l, err := fetchSources(ctx, q, linkRelations(ls))
	if err != nil {
		return err
	}
	return emit(w, f, linksView(l, e, ls))
}

// inWindow keeps the links with a fact dated in the window, and only those facts.
func inWindow(ls []query.Link, since, until string) []query.Link {
	var out []query.Link
	for _, l := range ls {
		var fs []graph.Fact
		for _, fct := range l.Relation.Facts {
			if query.InWindow(fct.Date, since, until) {
				fs = append(fs, fct)
			}
		}
		if len(fs) > 0 {
			l.Relation.Facts = fs
			out = append(out, l)
		}
	}
	return out
}

func linksView(l *sources, e graph.Entity, links []query.Link) *view {
	lv, rows := linkRows(l, links)
	pic := &picture{}
	pic.node(e)
	for _, k := range links {
		pic.node(k.Other)
		pic.edge(k.Relation, l.name)
	}
	if lv == nil {
		lv = []linkView{}
	}
	v := &view{JSON: map[string]any{"entity": ref(e), "links": lv}, Columns: linkColumns, Rows: rows, Picture: pic}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "%s (%s): %d relation%s\n\n", e.Name, e.Type, len(links), plural(len(links)))
		if len(links) == 0 { // the name is known (an unknown one is an error): say so
			fmt.Fprintf(w, "%s is in the graph, but has no relations of the kinds asked.\n", e.Name)
		}
		if len(rows) > 0 {
			writeGrid(w, linkColumns[:9], trimCols(rows, 9))
		}
	}
	return v
}
