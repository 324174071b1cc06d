package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/graph"
)

// kgquery stats: the sizes of the stored graph.

// statsCommand is kgquery stats.
func statsCommand() *cli.Command {
	return &cli.Command{
		Name:   "stats",
		Usage:  "how many articles, entities, relations and facts the store holds",
		Action: statsAction,
	}
}

func statsAction(c *cli.Context) error {
	f, err := format(c, false)
	if err != nil {
		return err
	}
	s, where, err := connect.OpenForQuery(c.Context, c)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Counts(c.Context)
	if err != nil {
		return err
	}
	return emit(c.App.Writer, f, statsView(where, n))
}

func statsView(where string, n graph.Counts) *view {
	rows := [][]string{{"articles", strconv.Itoa(n.Articles)}, {"entities", strconv.Itoa(n.Entities)},
		{"relations", strconv.Itoa(n.Relations)}, {"facts", strconv.Itoa(n.Facts)}, {"mentions", strconv.Itoa(n.Mentions)}}
	v := &view{JSON: n, Columns: []string{"what", "count"}, Rows: rows}
	v.Text = func(w io.Writer) {
		fmt.Fprintln(w, where)
		writeGrid(w, []string{"", ""}, rows)
	}
	return v
}
