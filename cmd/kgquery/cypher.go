package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/graph"
)

// cypherCommand is kgquery cypher.
func cypherCommand() *cli.Command {
	return &cli.Command{
		Name:      "cypher",
		Usage:     "run Cypher on Neo4j (read-only unless --write)",
		ArgsUsage: "QUERY",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "query parameter `NAME=VALUE` (repeatable; numbers, true/false and JSON lists are typed)"},
			&cli.BoolFlag{Name: "write", Usage: "allow the query to write"},
		},
		Action: cypherAction,
	}
}

func cypherAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{"cypher needs one query (quote it): kgquery cypher \"MATCH ... RETURN ...\""}
	}
	params, err := parseParams(c.StringSlice("param"))
	if err != nil {
		return err
	}
	f, err := format(c, false)
	if err != nil {
		return err
	}
	s, _, err := connect.OpenForQuery(c.Context, c)
	if err != nil {
		return err
	}
	defer s.Close()
	runner, ok := s.(graph.CypherRunner)
	if !ok {
		return fmt.Errorf("cypher needs Neo4j: the embedded store has no Cypher; set NEO4J_URI (or --neo4j-uri) to a Neo4j holding the graph")
	}
	cols, rows, err := runner.Cypher(c.Context, c.Args().First(), params, c.Bool("write"))
	if err != nil {
		return err
	}
	v := &view{Columns: cols}
	var records []map[string]any
	for _, r := range rows {
		var cells []string
		rec := map[string]any{}
		for i, x := range r {
			cells = append(cells, cell(x))
			if i < len(cols) {
				rec[cols[i]] = x
			}
		}
		v.Rows = append(v.Rows, cells)
		records = append(records, rec)
	}
	if records == nil {
		records = []map[string]any{}
	}
	v.JSON = records
	return emit(c.App.Writer, f, v)
}

// cell shows one Cypher value in a table: text as it is, anything else as JSON.
func cell(x any) string {
	switch t := x.(type) {
	case nil:
		return ""
	case string:
		return t
	}
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// parseParams reads NAME=VALUE pairs; integers, floats, true/false, null and JSON lists or maps are
// typed, everything else is a string.
func parseParams(ps []string) (map[string]any, error) {
	out := map[string]any{}
	for _, p := range ps {
		k, v, ok := strings.Cut(p, "=")
		k = strings.TrimSpace(strings.TrimPrefix(k, "$"))
		if !ok || k == "" {
			return nil, usageError{fmt.Sprintf("--param %q: want NAME=VALUE", p)}
		}
		out[k] = typed(v)
	}
	return out, nil
}

func typed(v string) any {
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return f
	}
	switch v {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{") {
		var x any
		if json.Unmarshal([]byte(v), &x) == nil {
			return x
		}
	}
	return v
}
