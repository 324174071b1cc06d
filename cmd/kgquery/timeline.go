package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

// kgquery timeline: one entity's dated facts in order.

// timelineCommand is kgquery timeline.
func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "an entity's facts in date order, undated ones last",
		ArgsUsage: "ENTITY",
		Flags:     []cli.Flag{typesFlag(), limitFlag()},
		Action:    timelineAction,
	}
}

func timelineAction(c *cli.Context) error {
	a, err := args(c, 1, "an entity: kgquery timeline ENTITY")
	if err != nil {
		return err
	}
	types, err := parseTypes(c.String("types"))
	if err != nil {
		return err
	}
	return withSession(c, false, func(q *query.Engine, f string) error {
		e, err := q.Resolve(c.Context, a[0])
		if err != nil {
			return err
		}
		evs, err := q.Timeline(c.Context, e.ID, query.NeighbourOptions{Types: types, Limit: c.Int("limit")})
		if err != nil {
			return err
		}
		var rs []graph.Relation
		var places []string
		for _, ev := range evs {
			rs = append(rs, graph.Relation{Facts: ev.Facts})
			places = append(places, ev.Place)
		}
		l, err := fetchSources(c.Context, q, rs, places...)
		if err != nil {
			return err
		}
		return emit(c.App.Writer, f, timelineView(l, e, evs))
	})
}

func timelineView(l *sources, e graph.Entity, evs []query.Event) *view {
	type eventView struct {
		Date     string        `json:"date"`
		Type     graph.RelType `json:"type"`
		Other    entityRef     `json:"other"`
		Outgoing bool          `json:"outgoing"`
		Title    string        `json:"title,omitempty"`
		Status   string        `json:"status,omitempty"`
		Place    string        `json:"place,omitempty"`
		Disputed bool          `json:"dates_disputed"`
		Facts    []factView    `json:"facts"`
	}
	out := []eventView{}
	var rows [][]string
	for _, ev := range evs {
		rv := l.relation(graph.Relation{Facts: ev.Facts})
		out = append(out, eventView{Date: ev.Date, Type: ev.Type, Other: ref(ev.Other), Outgoing: ev.Outgoing, Title: ev.Title,
			Status: ev.Status, Place: l.name(ev.Place), Disputed: ev.Disputed, Facts: rv.Facts})
		date := ev.Date
		if date == "" {
			date = "undated"
		}
		ev1, first := firstEvidence(rv)
		rows = append(rows, append([]string{date, string(ev.Type), ev.Other.Name, ev.Title, l.name(ev.Place), strconv.FormatBool(ev.Disputed), ev1}, sourceCells(first)...))
	}
	cols := append([]string{"date", "relation", "with", "title", "place", "disputed", "evidence"}, sourceColumns...)
	v := &view{JSON: map[string]any{"entity": ref(e), "events": out}, Columns: cols, Rows: rows}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "Timeline of %s (%s)\n\n", e.Name, e.Type)
		if len(out) == 0 { // the name is known (an unknown one is an error): say so
			fmt.Fprintf(w, "%s is in the graph, but has no facts of the kinds asked.\n", e.Name)
		}
		for _, ev := range out {
			date := ev.Date
			if date == "" {
				date = "undated"
			}
			head := fmt.Sprintf("%-10s  %s %s", date, ev.Type, ev.Other.Name)
			if ev.Title != "" {
				head += " as " + ev.Title
			}
			if ev.Place != "" {
				head += " in " + ev.Place
			}
			if ev.Disputed {
				head += "  (sources give other dates too)"
			}
			fmt.Fprintln(w, head)
			for _, s := range bySentence(ev.Facts) {
				fmt.Fprintf(w, "            “%s” — %s\n", clip(s.evidence, 140), cites(s.facts, false))
			}
		}
	}
	return v
}
