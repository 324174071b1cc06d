package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/connect"
	"github.com/kgnews/kg/internal/export"
)

// bulkLoad answers `kgload --bulk`: a first load into an empty Neo4j database through
// `neo4j-admin database import full`, which writes the store files directly and is far faster than
// transactions. It extracts the inputs, writes the import files (as `kgload export` does) and runs
// the admin tool on them. When the tool is not at hand it says so and returns done=false, so that
// the load goes through the driver. When the server answers and its database holds anything, it
// refuses: an import replaces a database, it does not add to one.
func bulkLoad(c *cli.Context) (done bool, err error) {
	admin := strings.Fields(c.String("neo4j-admin"))
	if len(admin) == 0 {
		return false, usageError{"--neo4j-admin is empty"}
	}
	tool, err := exec.LookPath(admin[0])
	if err != nil {
		fmt.Fprintf(c.App.ErrWriter, "kgload: --bulk: the Neo4j admin tool %q is not available (set --neo4j-admin); loading through the driver instead\n", admin[0])
		return false, nil
	}
	db := c.String("neo4j-database")
	if c.String("neo4j-uri") != "" {
		ctx, cancel := context.WithTimeout(c.Context, 10*time.Second)
		store, where, err := connect.Open(ctx, c)
		if err == nil { // a server that answers: its database must be empty
			n, cerr := store.Counts(ctx)
			store.Close()
			if cerr == nil && (n.Articles > 0 || n.Entities > 0) {
				cancel()
				return true, fmt.Errorf("--bulk is for a first load into an empty database, and %s holds %d articles and %d entities: load without --bulk", where, n.Articles, n.Entities)
			}
		}
		cancel()
	}
	dir := c.String("bulk-dir")
	if dir == "" {
		if dir, err = os.MkdirTemp("", "kgload-bulk-"); err != nil {
			return true, err
		}
		defer os.RemoveAll(dir)
	}
	sum, ew, err := exportFiles(c, dir, nil)
	if err != nil {
		return true, err
	}
	args := append(append([]string{}, admin[1:]...), export.Args(dir, db)...)
	fmt.Fprintf(c.App.ErrWriter, "kgload: --bulk: importing %d articles, %d entities and %d relations into database %s with %s database import (the database must be stopped or not exist yet)\n",
		ew.Articles(), ew.Entities(), ew.Relations(), db, tool)
	cmd := exec.CommandContext(c.Context, tool, args...)
	cmd.Stdout, cmd.Stderr = c.App.ErrWriter, c.App.ErrWriter
	if err := cmd.Run(); err != nil {
		return true, fmt.Errorf("--bulk: neo4j-admin database import failed (%v); its output is above; the import files are in %s", err, dir)
	}
	fmt.Fprintf(c.App.Writer, "imported %d articles, %d entities and %d relations into database %s with neo4j-admin\n",
		ew.Articles(), ew.Entities(), ew.Relations(), db)
	fmt.Fprintf(c.App.Writer, "start Neo4j (or the database) and run 'kgload schema' to add the constraints and indexes\n")
	if len(sum.Errors) > 0 {
		return true, errSomeFailed
	}
	return true, nil
}
