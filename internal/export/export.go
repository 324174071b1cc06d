// Package export writes a graph as the CSV files `neo4j-admin database import` reads, for first loads
// too large for transactions. The files hold the same nodes, labels, relationships and properties a
// load through the driver gives, so kgquery reads an imported graph like a loaded one.
package export

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// ArrayDelimiter separates the items of list properties: the ASCII unit separator, which no article
// text contains.
const ArrayDelimiter = "\x1f"

// Files are the files AdminCSV writes, in the order the import command lists them.
var Files = []string{"entities.csv", "articles.csv", "mentions.csv", "relations.csv"}

// AdminCSV writes b into dir as neo4j-admin import files, with import.sh holding the command.
func AdminCSV(dir string, b *graph.Batch) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	write := func(name string, header []string, rows func(w *csv.Writer) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		w := csv.NewWriter(f)
		w.Write(header)
		if err := rows(w); err != nil {
			f.Close()
			return err
		}
		w.Flush()
		if err := w.Error(); err != nil {
			f.Close()
			return fmt.Errorf("export %s: %w", name, err)
		}
		return f.Close()
	}
	list := func(xs []string) string { return strings.Join(xs, ArrayDelimiter) }
	err := write("entities.csv", []string{"id:ID(Entity)", "name", "type", "aliases:string[]", "keys:string[]", "merge_reasons:string[]", ":LABEL"},
		func(w *csv.Writer) error {
			for _, e := range b.Entities {
				keys := []string{names.Fold(e.Name)}
				for _, a := range e.Aliases {
					keys = append(keys, names.Fold(a))
				}
				w.Write([]string{e.ID, e.Name, string(e.Type), list(e.Aliases), list(dedupe(keys)), list(e.Merges), "Entity" + ArrayDelimiter + string(e.Type)}) // labels take the array delimiter too
			}
			return nil
		})
	if err != nil {
		return err
	}
	// unknown JSON Lines fields become meta_<field> properties, as a load through the driver stores them
	extraKeys := map[string]bool{}
	for _, a := range b.Articles {
		for k := range a.Extra {
			extraKeys[k] = true
		}
	}
	var keys []string
	for k := range extraKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	header := []string{"id:ID(Article)", "title", "url", "published", "source", "hash", ":LABEL"}
	for _, k := range keys {
		header = append(header, "meta_"+k)
	}
	err = write("articles.csv", header, func(w *csv.Writer) error {
		for _, a := range b.Articles {
			row := []string{a.ID, a.Title, a.URL, a.Published, a.Source, a.Hash, "Article"}
			for _, k := range keys {
				row = append(row, a.Extra[k])
			}
			w.Write(row)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = write("mentions.csv", []string{":START_ID(Entity)", ":END_ID(Article)", "count:long", ":TYPE"},
		func(w *csv.Writer) error {
			for _, m := range b.Mentions {
				w.Write([]string{m.Entity, m.Article, strconv.Itoa(m.Count), "MENTIONED_IN"})
			}
			return nil
		})
	if err != nil {
		return err
	}
	return write("relations.csv", []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key", "title", "status",
		"fact_ids:string[]", "articles:string[]", "evidence:string[]", "starts:long[]", "ends:long[]", "dates:string[]",
		"places:string[]", "confidences:double[]", "rules:string[]", "confidence:double", "date"},
		func(w *csv.Writer) error {
			for _, r := range b.Relations {
				r.Normalize()
				var ids, arts, ev, starts, ends, dates, places, confs, rules []string
				best, first := 0.0, ""
				for _, f := range r.Facts {
					ids, arts, ev = append(ids, f.ID()), append(arts, f.Article), append(ev, f.Evidence)
					starts, ends = append(starts, strconv.Itoa(f.Start)), append(ends, strconv.Itoa(f.End))
					dates, places, rules = append(dates, f.Date), append(places, f.Place), append(rules, f.Rule)
					confs = append(confs, strconv.FormatFloat(f.Confidence, 'g', -1, 64))
					best = max(best, f.Confidence)
					if f.Date != "" && (first == "" || f.Date < first) {
						first = f.Date
					}
				}
				w.Write([]string{r.From, r.To, string(r.Type), r.Key(), r.Title, r.Status, list(ids), list(arts), list(ev),
					list(starts), list(ends), list(dates), list(places), list(confs), list(rules),
					strconv.FormatFloat(best, 'g', -1, 64), first})
			}
			return nil
		})
}

// Command is the neo4j-admin invocation that imports the files in dir into database db.
func Command(dir, db string) string {
	return fmt.Sprintf(`neo4j-admin database import full %s --array-delimiter="U+001F" --multiline-fields=true `+
		`--nodes=%s --nodes=%s --relationships=%s --relationships=%s`, db,
		filepath.Join(dir, "entities.csv"), filepath.Join(dir, "articles.csv"),
		filepath.Join(dir, "mentions.csv"), filepath.Join(dir, "relations.csv"))
}

// Args are the arguments of neo4j-admin that import the files in dir into database db, as Command
// prints them, for running the tool directly.
func Args(dir, db string) []string {
	return []string{"database", "import", "full", db, "--array-delimiter=U+001F", "--multiline-fields=true",
		"--nodes=" + filepath.Join(dir, "entities.csv"), "--nodes=" + filepath.Join(dir, "articles.csv"),
		"--relationships=" + filepath.Join(dir, "mentions.csv"), "--relationships=" + filepath.Join(dir, "relations.csv")}
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
