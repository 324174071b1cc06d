// Command score scores another extractor's entities on a gold set with kgload eval's own entity
// scoring (internal/eval.Score), and kg's beside it, per type.
//
// Usage: go run ./scripts/baseline/score [-gold DIR] [-articles FILE] [-errors] [-join] ENTS.jsonl
//
// ENTS.jsonl has one line per article: {"id": "n01.txt", "ents": [{"text": "...", "type": "Person"}, ...]}
// (what scripts/baseline/spacy_ents.py writes); types are Person, Organisation or Place. Within one
// article the mentions whose names fold alike (names.Fold) are one entity, as nothing else joins them:
// "Baker" and "James Baker" are two entities, and the second node of one gold entity counts as a false
// positive, as it does for kg. With -join, a person named by the last words of a longer person name of
// the same article (one such name only) is that person ("Baker" joins "James Baker"), the plainest
// in-article coreference, so that the other extractor is not scored down for lacking one. The articles are read from FILE with kgload's own reader, so each is
// named as kgload eval names it.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/resolve"
)

// ent is one entity mention of the other extractor.
type ent struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// article is one line of ENTS.jsonl.
type article struct {
	ID   string `json:"id"`
	Ents []ent  `json:"ents"`
}

func main() {
	goldDir := flag.String("gold", "testdata/gold-news", "gold directory (one JSON file per article)")
	articles := flag.String("articles", "testdata/gold-news/news-dev.jsonl", "the articles, as kgload eval reads them")
	errs := flag.Bool("errors", false, "list the other extractor's entity errors by class")
	join := flag.Bool("join", false, "join a person's surname to the one full name of the article that ends with it")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: score [-gold DIR] [-articles FILE] [-errors] [-join] ENTS.jsonl")
		os.Exit(2)
	}
	if err := run(os.Stdout, *goldDir, *articles, flag.Arg(0), *errs, *join); err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, goldDir, articles, entsPath string, errs, join bool) error {
	gold, err := eval.LoadGold(goldDir)
	if err != nil {
		return err
	}
	ents, err := readEnts(entsPath)
	if err != nil {
		return err
	}
	docs, err := docsOf(articles, ents, join)
	if err != nil {
		return err
	}
	other := eval.Score(docs, resolve.New(nil), gold)
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{articles}})
	if err != nil {
		return err
	}
	kg := eval.Score(res.Docs, res.Resolver, gold)
	fmt.Fprintf(w, "== %s, scored by internal/eval (surnames joined: %v) ==\n", entsPath, join)
	other.WriteEntities(w)
	fmt.Fprintf(w, "\n== kg (kgload eval) ==\n")
	kg.WriteEntities(w)
	fmt.Fprintf(w, "\n%s\n", compare(other, kg))
	if errs {
		for _, s := range other.EntityClasses {
			fmt.Fprintln(w, s)
		}
	}
	return nil
}

// readEnts reads ENTS.jsonl, keyed by article id.
func readEnts(path string) (map[string][]ent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]ent{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		for _, e := range a.Ents {
			if !isType(graph.EntityType(e.Type)) {
				return nil, fmt.Errorf("%s:%d: type %q is not one of %v", path, n, e.Type, graph.EntityTypes)
			}
		}
		out[a.ID] = a.Ents
	}
	return out, sc.Err()
}

func isType(t graph.EntityType) bool {
	for _, u := range graph.EntityTypes {
		if t == u {
			return true
		}
	}
	return false
}

// docsOf reads the articles as kgload does and gives each the other extractor's entities.
func docsOf(path string, ents map[string][]ent, join bool) ([]*extract.Doc, error) {
	var docs []*extract.Doc
	var firstErr error
	ingest.NewReader(ingest.Options{}, nil).Read(path, func(a *graph.Article, err error) {
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return
		}
		es, ok := ents[a.ID]
		if !ok && firstErr == nil {
			firstErr = fmt.Errorf("article %q has no line in the entities file", a.ID)
		}
		d := &extract.Doc{Article: *a, Text: a.Text, Entities: entities(es)}
		if join {
			d.Entities = joinSurnames(d.Entities)
		}
		docs = append(docs, d)
	})
	return docs, firstErr
}

// entities makes one entity of the mentions of one type whose names fold alike.
func entities(es []ent) []*extract.Entity {
	var out []*extract.Entity
	byKey := map[string]*extract.Entity{}
	for _, e := range es {
		t := graph.EntityType(e.Type)
		m := &extract.Mention{Start: e.Start, End: e.End, Text: e.Text, Type: t}
		k := e.Type + "|" + names.Fold(e.Text)
		if x := byKey[k]; x != nil {
			x.Mentions = append(x.Mentions, m)
			continue
		}
		x := &extract.Entity{Name: e.Text, Type: t, Mentions: []*extract.Mention{m}}
		byKey[k] = x
		out = append(out, x)
	}
	return out
}

// compare is a Markdown table of F1 by type, the other extractor against kg.
func compare(other, kg *eval.Report) string {
	s := "| type | other P | other R | other F1 | kg P | kg R | kg F1 |\n|---|---|---|---|---|---|---|\n"
	row := func(name string, a, b eval.PRF) {
		s += fmt.Sprintf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name,
			a.Precision(), a.Recall(), a.F1(), b.Precision(), b.Recall(), b.F1())
	}
	for _, t := range graph.EntityTypes {
		row(string(t), *other.EntitiesBy[t], *kg.EntitiesBy[t])
	}
	row("all", other.Entities, kg.Entities)
	return s
}

// joinSurnames joins each person whose name is the last words of the longer name of exactly one other
// person of the article to that person, as an alias.
func joinSurnames(es []*extract.Entity) []*extract.Entity {
	var out []*extract.Entity
	for _, e := range es {
		var into *extract.Entity
		n := 0
		if e.Type == graph.Person {
			for _, f := range es {
				if f.Type == graph.Person && endsWith(names.Fold(f.Name), names.Fold(e.Name)) {
					into, n = f, n+1
				}
			}
		}
		if n != 1 {
			out = append(out, e)
			continue
		}
		into.Aliases = append(into.Aliases, e.Name)
		into.Mentions = append(into.Mentions, e.Mentions...)
	}
	return out
}

// endsWith says whether the folded name long ends with the words of the shorter folded name short.
func endsWith(long, short string) bool {
	return len(long) > len(short) && strings.HasSuffix(long, " "+short)
}
