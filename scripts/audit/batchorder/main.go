// Command batchorder checks that batch order and size do not change the graph (issue 10): it loads a
// JSON Lines corpus into fresh embedded databases three ways with the kgload binary (--db FILE) —
// batches of -batch articles in file order, batches of -batch in reverse article order, and one
// batch — and compares what they hold, two by two:
//
//   - nodes: each node's type, id, name, folded spellings and the set of articles mentioning it.
//     A node of one load that the other lacks is a grouping difference when no node of the other has
//     its type, folded spellings and articles (spellings or articles folded otherwise), else a naming
//     difference (its name differs only in case, or its id is numbered otherwise);
//   - relations: each relation's type, ends, title and the articles of its facts; a difference is
//     put down to a node when one of its ends is a differing node.
//
// It prints how long each load took, the counts of differences, and up to -n examples of each kind.
// The corpus is read only through its path argument; nothing here is used by the build or the tests.
//
// Usage (from the repository root; each whole-corpus load takes a few minutes, so run it with nice):
//
//	nice go run ./scripts/audit/batchorder [-n 10] [-batch 500] [-dir DIR] CORPUS.jsonl
//	go run ./scripts/audit/batchorder -compare A.db B.db     compare two databases already loaded
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/sqlite"
)

func main() {
	n := flag.Int("n", 10, "examples to print of each kind")
	batch := flag.Int("batch", 500, "articles per batch of the batched loads")
	dir := flag.String("dir", "", "keep the databases in `DIR` (default: a temporary folder, removed after)")
	compare := flag.Bool("compare", false, "compare the two database files given, load nothing")
	flag.Parse()
	ctx := context.Background()
	if *compare {
		if flag.NArg() != 2 {
			usage()
		}
		a, b := read(ctx, flag.Arg(0)), read(ctx, flag.Arg(1))
		report(flag.Arg(0), flag.Arg(1), a, b, *n)
		return
	}
	if flag.NArg() != 1 {
		usage()
	}
	out := *dir
	if out == "" {
		tmp, err := os.MkdirTemp("", "batchorder-")
		check(err)
		defer os.RemoveAll(tmp)
		out = tmp
	}
	check(os.MkdirAll(out, 0o755))
	dbs := loadThreeWays(flag.Arg(0), out, *batch)
	graphs := map[string]*store{}
	for _, l := range dbs {
		graphs[l] = read(ctx, filepath.Join(out, l+".db"))
	}
	for _, p := range [][2]string{{dbs[0], dbs[2]}, {dbs[1], dbs[2]}, {dbs[0], dbs[1]}} {
		report(p[0], p[1], graphs[p[0]], graphs[p[1]], *n)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: batchorder [-n 10] [-batch 500] [-dir DIR] CORPUS.jsonl | batchorder -compare A.db B.db")
	os.Exit(2)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "batchorder:", err)
		os.Exit(1)
	}
}

// loadThreeWays builds kgload and loads the corpus into out/<label>.db three ways; it returns the
// labels: batches in file order, batches in reverse order, one batch.
func loadThreeWays(corpus, out string, batch int) []string {
	bin := filepath.Join(out, "kgload")
	build := exec.Command("go", "build", "-o", bin, "./cmd/kgload")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	check(build.Run())
	reversed := filepath.Join(out, "reversed.jsonl")
	check(reverseLines(corpus, reversed))
	one := "one-batch"
	labels := []string{fmt.Sprintf("batches-of-%d", batch), fmt.Sprintf("reversed-batches-of-%d", batch), one}
	inputs := []string{corpus, reversed, corpus}
	sizes := []int{batch, batch, 1 << 30}
	for i, l := range labels {
		db := filepath.Join(out, l+".db")
		for _, f := range []string{db, db + "-wal", db + "-shm"} {
			_ = os.Remove(f)
		}
		// no corrections: a file that does not exist
		cmd := exec.Command(bin, "--db", db, "--corrections", filepath.Join(out, "no-corrections.tsv"),
			"--batch-size", fmt.Sprint(sizes[i]), inputs[i])
		logf, err := os.Create(filepath.Join(out, l+".log"))
		check(err)
		cmd.Stdout, cmd.Stderr = logf, logf
		start := time.Now()
		err = cmd.Run()
		logf.Close()
		check(err)
		fmt.Printf("load %-26s %8s  (%s)\n", l, time.Since(start).Round(time.Second), db)
	}
	_ = os.Remove(reversed)
	return labels
}

// reverseLines writes the non-empty lines of a file in reverse order.
func reverseLines(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			lines = append(lines, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	var b strings.Builder
	for i := len(lines) - 1; i >= 0; i-- {
		b.WriteString(lines[i])
		b.WriteByte('\n')
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// node is what is compared of an entity.
type node struct {
	id, typ, name string
	folded        []string // folded spellings, sorted
	spellings     []string // as stored, sorted
	articles      []string // sorted
}

func (n node) full() string {
	return strings.Join([]string{n.typ, n.id, n.name, strings.Join(n.folded, "|"), strings.Join(n.articles, "|")}, "\x1f")
}

// grouping is what makes a node the entity it is, its name and id aside.
func (n node) grouping() string {
	return strings.Join([]string{n.typ, strings.Join(n.folded, "|"), strings.Join(n.articles, "|")}, "\x1f")
}

// rel is what is compared of a relation.
type rel struct {
	typ, from, to, title string
	articles             []string
}

func (r rel) full() string {
	return strings.Join([]string{r.typ, r.from, r.to, strings.ToLower(r.title), strings.Join(r.articles, "|")}, "\x1f")
}

// store is a loaded graph as compared.
type store struct {
	nodes    map[string]node // by id
	byFolded map[string][]string
	full     map[string]bool
	grouping map[string]bool
	rels     []rel
	relFull  map[string]bool
}

func read(ctx context.Context, path string) *store {
	s, err := sqlite.OpenReadOnly(ctx, path)
	check(err)
	defer s.Close()
	b, err := s.Dump(ctx)
	check(err)
	st := &store{nodes: map[string]node{}, byFolded: map[string][]string{}, full: map[string]bool{},
		grouping: map[string]bool{}, relFull: map[string]bool{}}
	arts := map[string][]string{}
	for _, m := range b.Mentions {
		arts[m.Entity] = append(arts[m.Entity], m.Article)
	}
	for _, e := range b.Entities {
		st.add(e, arts[e.ID])
	}
	for _, r := range b.Relations {
		x := rel{typ: string(r.Type), from: r.From, to: r.To, title: r.Title}
		seen := map[string]bool{}
		for _, f := range r.Facts {
			if !seen[f.Article] {
				seen[f.Article] = true
				x.articles = append(x.articles, f.Article)
			}
		}
		sort.Strings(x.articles)
		st.rels = append(st.rels, x)
		st.relFull[x.full()] = true
	}
	return st
}

func (st *store) add(e graph.Entity, arts []string) {
	n := node{id: e.ID, typ: string(e.Type), name: e.Name, articles: arts}
	folded := map[string]bool{}
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		n.spellings = append(n.spellings, s)
		if f := names.Fold(s); !folded[f] {
			folded[f] = true
			n.folded = append(n.folded, f)
			st.byFolded[f] = append(st.byFolded[f], e.ID)
		}
	}
	sort.Strings(n.folded)
	sort.Strings(n.spellings)
	sort.Strings(n.articles)
	st.nodes[e.ID] = n
	st.full[n.full()] = true
	st.grouping[n.grouping()] = true
}

// diff is what one load holds that another lacks.
type diff struct {
	nodes, groupings, caseOnly, idOnly []node
	rels, relsOfNodes                  []rel
	spellingCase                       []node // same node, a spelling kept in another case
}

func compare(a, b *store) diff {
	var d diff
	differs := map[string]bool{}
	for _, id := range sortedIDs(a) {
		n := a.nodes[id]
		if o, ok := b.nodes[id]; ok && o.full() == n.full() && strings.Join(o.spellings, "|") != strings.Join(n.spellings, "|") {
			d.spellingCase = append(d.spellingCase, n)
		}
		if b.full[n.full()] {
			continue
		}
		differs[id] = true
		d.nodes = append(d.nodes, n)
		switch {
		case !b.grouping[n.grouping()]:
			d.groupings = append(d.groupings, n)
		case b.sameGroupingName(n):
			d.idOnly = append(d.idOnly, n)
		default:
			d.caseOnly = append(d.caseOnly, n)
		}
	}
	for _, r := range a.rels {
		if b.relFull[r.full()] {
			continue
		}
		if differs[r.from] || differs[r.to] {
			d.relsOfNodes = append(d.relsOfNodes, r)
		} else {
			d.rels = append(d.rels, r)
		}
	}
	return d
}

// sameGroupingName reports whether b has a node of n's grouping and name (so n differs in id only).
func (st *store) sameGroupingName(n node) bool {
	for _, id := range st.byFolded[n.folded[0]] {
		o := st.nodes[id]
		if o.grouping() == n.grouping() && o.name == n.name {
			return true
		}
	}
	return false
}

func sortedIDs(st *store) []string {
	ids := make([]string, 0, len(st.nodes))
	for id := range st.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func report(la, lb string, a, b *store, n int) {
	ab, ba := compare(a, b), compare(b, a)
	fmt.Printf("\n== %s (%d nodes, %d relations) vs %s (%d nodes, %d relations)\n",
		la, len(a.nodes), len(a.rels), lb, len(b.nodes), len(b.rels))
	row := func(what string, x, y int) { fmt.Printf("  %-58s %7d %7d\n", what, x, y) }
	fmt.Printf("  %-58s %7s %7s\n", "held by one, not the other", "first", "second")
	row("nodes (type, id, name, folded spellings, articles)", len(ab.nodes), len(ba.nodes))
	row("  groupings (no node with its spellings and articles)", len(ab.groupings), len(ba.groupings))
	row("  names differing only in case", len(ab.caseOnly), len(ba.caseOnly))
	row("  ids only", len(ab.idOnly), len(ba.idOnly))
	row("nodes alike but for the case of a spelling", len(ab.spellingCase), len(ba.spellingCase))
	row("relations (type, ends, title, articles) of differing nodes", len(ab.relsOfNodes), len(ba.relsOfNodes))
	row("relations otherwise", len(ab.rels), len(ba.rels))
	examples(la, lb, ab.groupings, b, n, "grouping")
	examples(lb, la, ba.groupings, a, n, "grouping")
	examples(la, lb, append(ab.caseOnly, ab.idOnly...), b, n, "naming")
	examples(lb, la, append(ba.caseOnly, ba.idOnly...), a, n, "naming")
	examples(la, lb, ab.spellingCase, b, n, "spelling case")
	relExamples(la, ab.rels, n)
	relExamples(lb, ba.rels, n)
}

// examples prints differing nodes of one load and the nodes of the other that hold their spellings.
func examples(la, lb string, ns []node, b *store, n int, kind string) {
	if len(ns) == 0 {
		return
	}
	fmt.Printf("\n  %s differences: %s holds (and %s has instead)\n", kind, la, lb)
	for i, x := range ns {
		if i == n {
			fmt.Printf("    … %d more\n", len(ns)-n)
			break
		}
		fmt.Printf("    %s\n", describe(x))
		seen := map[string]bool{}
		for _, f := range x.folded {
			for _, id := range b.byFolded[f] {
				if !seen[id] {
					seen[id] = true
					fmt.Printf("      ↔ %s\n", describe(b.nodes[id]))
				}
			}
		}
	}
}

func describe(x node) string {
	return fmt.Sprintf("%s %q %s spellings %q, %d articles", x.id, x.name, x.typ, x.spellings, len(x.articles))
}

func relExamples(la string, rs []rel, n int) {
	if len(rs) == 0 {
		return
	}
	fmt.Printf("\n  relations of %s between nodes held alike, not in the other\n", la)
	for i, r := range rs {
		if i == n {
			fmt.Printf("    … %d more\n", len(rs)-n)
			break
		}
		fmt.Printf("    %s %s → %s %q, articles %v\n", r.typ, r.from, r.to, r.title, r.articles)
	}
}
