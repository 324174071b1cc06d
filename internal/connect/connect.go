// Package connect owns how the command-line tools choose and open a store: the embedded database file
// by default, Neo4j when a URI is given. Every connection flag has an environment variable behind it.
package connect

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/sqlite"
)

// DefaultDB is the embedded database file used when no Neo4j URI and no --db are given.
const DefaultDB = "kg.db"

// Flags are the connection flags both tools share.
func Flags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "db", Value: DefaultDB, EnvVars: []string{"KG_DB"}, Usage: "embedded database `FILE`, used when no Neo4j URI is set", Category: "Store"},
		&cli.StringFlag{Name: "neo4j-uri", EnvVars: []string{"NEO4J_URI"}, Usage: "Neo4j `URI` (e.g. neo4j://localhost:7687); when set, Neo4j is used instead of the embedded file", Category: "Store"},
		&cli.StringFlag{Name: "neo4j-username", Value: "neo4j", EnvVars: []string{"NEO4J_USERNAME"}, Usage: "Neo4j user `NAME`", Category: "Store"},
		&cli.StringFlag{Name: "neo4j-password", EnvVars: []string{"NEO4J_PASSWORD"}, Usage: "Neo4j `PASSWORD` (never printed; on the command line other users see it in ps: prefer NEO4J_PASSWORD or --neo4j-password-file)", Category: "Store"},
		&cli.StringFlag{Name: "neo4j-password-file", Usage: "read the Neo4j password from `FILE` (its first line)", Category: "Store"},
		&cli.StringFlag{Name: "neo4j-database", Value: "neo4j", EnvVars: []string{"NEO4J_DATABASE"}, Usage: "Neo4j database `NAME`", Category: "Store"},
		&cli.DurationFlag{Name: "neo4j-timeout", Value: neo4j.DefaultTimeout, Usage: "give up on a Neo4j statement that has not finished in this long (connecting gives up after 10s)", Category: "Store"},
	}
}

// Open opens the store the flags choose, and a description of it for messages (never the password).
func Open(ctx context.Context, c *cli.Context) (graph.Store, string, error) {
	return open(ctx, c, false)
}

// OpenForQuery is Open for a tool that only reads: the embedded file must exist and is opened
// read-only.
func OpenForQuery(ctx context.Context, c *cli.Context) (graph.Store, string, error) {
	return open(ctx, c, true)
}

func open(ctx context.Context, c *cli.Context, readOnly bool) (graph.Store, string, error) {
	if uri := c.String("neo4j-uri"); uri != "" {
		password, err := password(c)
		if err != nil {
			return nil, "", err
		}
		cfg := neo4j.Config{URI: uri, Username: c.String("neo4j-username"), Password: password, Database: c.String("neo4j-database"),
			Timeout: c.Duration("neo4j-timeout"), RetryFor: c.Duration("retry-for")}
		s, err := neo4j.Open(ctx, cfg)
		if err != nil {
			return nil, "", err
		}
		return s, "Neo4j " + cfg.String(), nil
	}
	path := c.String("db")
	open := sqlite.Open
	if readOnly {
		open = sqlite.OpenReadOnly
	}
	s, err := open(ctx, path)
	if err != nil {
		return nil, "", err
	}
	return s, fmt.Sprintf("embedded database %s", path), nil
}

// password is the Neo4j password: from --neo4j-password-file, NEO4J_PASSWORD or --neo4j-password.
// A password given on the command line gets a warning: every user of the machine sees it in ps.
func password(c *cli.Context) (string, error) {
	if f := c.String("neo4j-password-file"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("--neo4j-password-file: %w", err)
		}
		line, _, _ := strings.Cut(string(data), "\n")
		return strings.TrimRight(line, "\r"), nil
	}
	pw := c.String("neo4j-password")
	if pw != "" && pw != os.Getenv("NEO4J_PASSWORD") {
		fmt.Fprintf(c.App.ErrWriter, "%s: warning: a password on the command line is visible to other users (ps); use NEO4J_PASSWORD or --neo4j-password-file\n", c.App.Name)
	}
	return pw, nil
}
