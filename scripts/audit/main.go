// Command audit draws a reproducible random sample of the facts that `kgload extract` found in a corpus
// and prints it as a Markdown table with an empty verdict column, for a human-style precision audit.
//
// Input is the JSON Lines that `kgload extract` prints: one object per article with `article`,
// `entities` (id, name, type, …) and `relations` (type, from, to, title, status, date, evidence, rule, …).
// Relation ends are entity ids, resolved to names through the same article's entities.
//
// The sample is reproducible: articles are put in order of their id, relations keep their order within
// the article, and N of them are drawn without replacement by a math/rand/v2 PCG source seeded with
// (-seed, 0). The same facts file, -n and -seed give the same sample.
//
// Usage (scripts/audit/run.sh calls it this way):
//
//	go run ./scripts/audit -facts .cache/audit/facts.jsonl -corpus news.jsonl -commit abc1234 [-n 100] [-seed 1] [-types MET,VISITED] > sample.md
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

type entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

type relation struct {
	Type     string  `json:"type"`
	From     string  `json:"from"`
	To       string  `json:"to"`
	Title    *string `json:"title"`
	Status   *string `json:"status"`
	Date     *string `json:"date"`
	Evidence string  `json:"evidence"`
	Rule     string  `json:"rule"`
}

type article struct {
	Article   string     `json:"article"`
	Entities  []entity   `json:"entities"`
	Relations []relation `json:"relations"`
}

// fact is one relation with its ends resolved to the names used in its article.
type fact struct {
	article  string
	rel      relation
	from, to entity
}

func main() {
	factsPath := flag.String("facts", "-", "JSON Lines from `kgload extract` (- for standard input)")
	corpus := flag.String("corpus", "", "corpus the facts were extracted from (for the header)")
	commit := flag.String("commit", "unknown", "commit of the extraction code (git rev-parse --short HEAD)")
	command := flag.String("cmd", "", "command that produced the sample (for the header)")
	n := flag.Int("n", 100, "number of facts to draw")
	seed := flag.Uint64("seed", 1, "seed of the PCG random source")
	only := flag.String("types", "", "draw only facts of these relation types (comma-separated, e.g. MET,VISITED): a stratified sample of the rarer types")
	flag.Parse()
	drawn := map[string]bool{}
	for _, t := range strings.Split(*only, ",") {
		if t = strings.TrimSpace(t); t != "" {
			drawn[strings.ToUpper(t)] = true
		}
	}

	in := io.Reader(os.Stdin)
	if *factsPath != "-" {
		f, err := os.Open(*factsPath)
		check(err)
		defer f.Close()
		in = f
	}
	articles := readArticles(in)
	slices.SortStableFunc(articles, func(a, b article) int { return cmp.Compare(a.Article, b.Article) })

	cs := collect(articles, drawn)
	facts, all, withFacts, byType := cs.facts, cs.all, cs.withFacts, cs.byType

	// Draw without replacement: a seeded shuffle of all indices, first N taken.
	rng := rand.New(rand.NewPCG(*seed, 0))
	idx := rng.Perm(len(facts))
	idx = idx[:min(*n, len(idx))]

	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "# Precision audit sample — commit %s\n\n", *commit)
	if *command != "" {
		fmt.Fprintf(w, "- Command: `%s`\n", *command)
	}
	fmt.Fprintf(w, "- Corpus: `%s`%s\n", *corpus, corpusSize(*corpus))
	kinds := "facts"
	if len(drawn) > 0 {
		kinds = *only + " facts only"
	}
	fmt.Fprintf(w, "- Extraction commit: `%s`; sample: %d of %d %s, seed %d (math/rand/v2 PCG)\n", *commit, len(idx), len(facts), kinds, *seed)
	fmt.Fprintf(w, "- Articles: %d; articles yielding ≥ 1 fact: %d (%s)\n", len(articles), withFacts, pct(withFacts, len(articles)))
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	slices.Sort(types)
	fmt.Fprintf(w, "- Facts: %d in all", all)
	for _, t := range types {
		fmt.Fprintf(w, "; %s %d (%s)", t, byType[t], pct(byType[t], all))
	}
	fmt.Fprint(w, "\n\n## Summary\n\n(Filled in after judging.)\n\n## Sample\n\n")
	fmt.Fprintln(w, "| # | article | type | from | to | title / status | date | rule | evidence | verdict |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for i, k := range idx {
		f := facts[k]
		post := ""
		if f.rel.Type == "HOLDS_POST" {
			post = deref(f.rel.Title) + " / " + deref(f.rel.Status)
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s (%s) | %s | %s | %s | %s | |\n", i+1, cell(f.article), f.rel.Type,
			cell(f.from.Name), cell(f.to.Name), f.to.Type, cell(post), cell(deref(f.rel.Date)), cell(f.rel.Rule), cell(f.rel.Evidence))
	}
}

// collection is what the facts file holds: the facts a sample may draw, how many facts in all, the
// articles with at least one, and the facts of each type.
type collection struct {
	facts          []fact
	all, withFacts int
	byType         map[string]int
}

// collect resolves every relation's ends to names and keeps the facts of the drawn types (all when none).
func collect(articles []article, drawn map[string]bool) collection {
	cs := collection{byType: map[string]int{}}
	for _, a := range articles {
		if len(a.Relations) > 0 {
			cs.withFacts++
		}
		ents := map[string]entity{}
		for _, e := range a.Entities {
			ents[e.ID] = e
		}
		name := func(id string) entity {
			if e, ok := ents[id]; ok {
				return e
			}
			return entity{ID: id, Name: id} // not listed in the article: show the id
		}
		for _, r := range a.Relations {
			cs.all++
			cs.byType[r.Type]++
			if len(drawn) == 0 || drawn[r.Type] {
				cs.facts = append(cs.facts, fact{article: a.Article, rel: r, from: name(r.From), to: name(r.To)})
			}
		}
	}
	return cs
}

func readArticles(r io.Reader) []article {
	var out []article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20) // one article's line can be long
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			check(fmt.Errorf("facts line %d: %w", line, err))
		}
		out = append(out, a)
	}
	check(sc.Err())
	return out
}

// corpusSize returns ", N bytes, M lines" for a readable corpus file, else "".
func corpusSize(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf(", %d bytes, %d lines", len(data), strings.Count(string(data), "\n"))
}

// cell makes s safe for one Markdown table cell: whitespace runs (newlines included) become one space,
// pipes are escaped.
func cell(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "audit:", err)
		os.Exit(1)
	}
}
