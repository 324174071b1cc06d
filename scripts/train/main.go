// Command train learns the entity tagger's model (internal/ner/model.bin.gz) from silver-labelled
// articles written by silver.py. See README.md in this folder.
//
// Usage: go run ./scripts/train [-epochs 5] [-seed 1] [-min-weight W] [-holdout N] SILVER.jsonl OUT.bin.gz
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/ner"
)

type silver struct {
	ID   string          `json:"id"`
	Text string          `json:"text"`
	Ents [][]interface{} `json:"ents"`
}

var types = map[string]graph.EntityType{"PER": graph.Person, "ORG": graph.Organisation, "LOC": graph.Place, "GRP": graph.Organisation}

func main() {
	epochs := flag.Int("epochs", 5, "passes over the data")
	seed := flag.Int64("seed", 1, "shuffle seed")
	minWeight := flag.Float64("min-weight", 0, "drop features whose averaged weights all stay below this")
	holdout := flag.Int("holdout", 500, "articles kept out of training to report agreement with the silver labels")
	limit := flag.Int("limit", 0, "read at most this many articles (0: all)")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: train [flags] SILVER.jsonl OUT.bin.gz")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *epochs, *seed, *minWeight, *holdout, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(in, out string, epochs int, seed int64, minWeight float64, holdout, limit int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var train, test []ner.Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		var a silver
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", in, n+1, err)
		}
		n++
		exs := examples(a)
		// every 40th article (up to holdout) is held out
		if holdout > 0 && n%40 == 0 && len(test) < holdout*20 {
			test = append(test, exs...)
		} else {
			train = append(train, exs...)
		}
		if limit > 0 && n >= limit {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: %d articles, %d training sentences, %d held out\n", n, len(train), len(test))
	lex := lexicon.Default()
	m := ner.Train(train, lex, ner.TrainOptions{Epochs: epochs, Seed: seed, MinWeight: minWeight,
		Progress: func(e int, acc float64) { fmt.Fprintf(os.Stderr, "train: epoch %d, word accuracy %.4f\n", e, acc) }})
	fmt.Fprintf(os.Stderr, "train: %d features\n", m.Features())
	if len(test) > 0 {
		report(ner.NewTagger(m, lex), test)
	}
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.WriteModel(o); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}

// examples aligns an article's silver spans (byte offsets) to the sentences and words extraction reads:
// a word is in a span when it lies wholly inside it.
func examples(a silver) []ner.Example {
	sents := extract.Sentences(a.Text)
	lower := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if t.Word && !t.Cap() {
				lower[t.Text] = true
			}
		}
	}
	type span struct {
		s, e  int
		typ   graph.EntityType
		group bool
	}
	var spans []span
	for _, e := range a.Ents {
		if len(e) != 3 {
			continue
		}
		s, _ := e[0].(float64)
		t, _ := e[1].(float64)
		lab, _ := e[2].(string)
		if typ, ok := types[lab]; ok {
			spans = append(spans, span{int(s), int(t), typ, lab == "GRP"})
		}
	}
	var out []ner.Example
	k := 0
	for _, s := range sents {
		words := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = t.Text
		}
		var ws []ner.Span
		for k < len(spans) && spans[k].e <= s.Start {
			k++
		}
		for j := k; j < len(spans) && spans[j].s < s.End; j++ {
			sp := spans[j]
			from, to := -1, -1
			for i, t := range s.Tokens {
				if t.Start >= sp.s && t.End <= sp.e {
					if from < 0 {
						from = i
					}
					to = i + 1
				}
			}
			if from >= 0 {
				ws = append(ws, ner.Span{From: from, To: to, Type: sp.typ, Group: sp.group})
			}
		}
		out = append(out, ner.Example{
			Sentence: ner.Sentence{Words: words, LowerSeen: lower},
			Headline: s.Headline,
			Tags:     ner.TagsFromSpans(len(words), ws),
		})
	}
	return out
}

// report prints how far the tagger agrees with the silver labels of held-out sentences, per type.
func report(t *ner.Tagger, test []ner.Example) {
	type prf struct{ tp, fp, fn int }
	per := map[graph.EntityType]*prf{}
	for _, typ := range graph.EntityTypes {
		per[typ] = &prf{}
	}
	for _, ex := range test {
		got := t.Tag(ex.Sentence, ex.Headline).Spans
		want := map[[2]int]graph.EntityType{}
		for _, sp := range spansOf(ex.Tags) {
			if !sp.Group {
				want[[2]int{sp.From, sp.To}] = sp.Type
			}
		}
		for _, sp := range got {
			if sp.Group {
				continue
			}
			key := [2]int{sp.From, sp.To}
			if want[key] == sp.Type {
				per[sp.Type].tp++
				delete(want, key)
			} else {
				per[sp.Type].fp++
			}
		}
		for _, typ := range want {
			per[typ].fn++
		}
	}
	var b strings.Builder
	for _, typ := range graph.EntityTypes {
		c := per[typ]
		p := float64(c.tp) / float64(max(c.tp+c.fp, 1))
		r := float64(c.tp) / float64(max(c.tp+c.fn, 1))
		fmt.Fprintf(&b, "  %-13s P %.3f R %.3f F1 %.3f\n", typ, p, r, 2*p*r/max(p+r, 1e-9))
	}
	fmt.Fprintf(os.Stderr, "train: agreement with held-out silver labels (exact spans):\n%s", b.String())
}

func spansOf(tags []ner.Tag) []ner.Span {
	var out []ner.Span
	for i := 0; i < len(tags); {
		if tags[i].Type() == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == tags[i]+1 {
			j++
		}
		out = append(out, ner.Span{From: i, To: j, Type: tags[i].Type(), Group: tags[i].Group()})
		i = j
	}
	return out
}
