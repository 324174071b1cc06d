package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/query"
)

// kgquery search: entities by name, exact, then other spellings, then close ones.

// searchCommand is kgquery search.
func searchCommand() *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "find entities by name: exact, then other spellings, then close spellings",
		ArgsUsage: "TEXT",
		Flags:     []cli.Flag{&cli.IntFlag{Name: "limit", Value: 20, Usage: "at most `N` results"}},
		Action:    searchAction,
	}
}

func searchAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError{"search needs some text: kgquery search TEXT"}
	}
	return withSession(c, false, func(q *query.Engine, f string) error {
		text := strings.Join(c.Args().Slice(), " ")
		hits, err := q.Search(c.Context, text, c.Int("limit"))
		if err != nil {
			return err
		}
		if len(hits) == 0 {
			return fmt.Errorf("nothing matches %q", text)
		}
		return emit(c.App.Writer, f, searchView(hits))
	})
}

func searchView(hits []query.Hit) *view {
	var rows [][]string
	for _, h := range hits {
		rows = append(rows, []string{h.Entity.ID, h.Entity.Name, string(h.Entity.Type), h.Name, h.How, strconv.FormatFloat(h.Score, 'f', 2, 64)})
	}
	return &view{JSON: hits, Columns: []string{"id", "name", "type", "matched", "how", "score"}, Rows: rows}
}
