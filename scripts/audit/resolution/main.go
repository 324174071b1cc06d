// Command resolution audits cross-article entity resolution over a JSON Lines corpus: it extracts and
// resolves every article in one run (as `kgload extract` does, writing nothing) and counts the kinds
// of wrong merge that issue 10 names:
//
//   - surname: a person's spelling that is a full name with another surname than the person's name
//     ("Gordon Brown" holding "Nick Brown" or "Tony Blair" holding "Cherie Booth");
//   - word: a spelling joined to an entity (not its name), not in capitals and no word of its longer
//     spellings ("Rice" of David Rice is fine), that the corpus writes in lower case at least as
//     often as capitalised inside a sentence ("Born" for Gordon Brown, "Base", "Beyond");
//   - company: a Person entity with a spelling that ends in a company legal form ("Inc", "Corp", "Plc");
//   - two types: a folded name that is the name of entities of two types; "supported" when every
//     one of them had a sign of its type in at least one of its articles (resolve.Signs, the one
//     definition the resolver follows too), "unsupported" when one had none.
//
// It prints the counts, then up to -n examples of each. The corpus is read only through its path
// argument; nothing here is used by the build or the tests.
//
// Usage:
//
//	go run ./scripts/audit/resolution [-n 20] [-batch 0] CORPUS.jsonl
//	go run ./scripts/audit/resolution -sample 40,30,30,30 -seed 1 -commit abc1234 -out docs/audit/resolution-abc1234.md CORPUS.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/names"
)

func main() {
	n := flag.Int("n", 20, "examples to print of each kind")
	dump := flag.Bool("dump", false, "print every person with three or more spellings, and why, to standard error")
	sample := flag.String("sample", "", "draw a judge's sample to -out: N of each class, or four counts a,b,c,d (see sample.go)")
	seed := flag.Uint64("seed", 1, "seed of the sample's PCG random source")
	out := flag.String("out", "", "file the sample is written to (with -sample)")
	commit := flag.String("commit", "", "commit named in the sample's header")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: resolution [-n 20] CORPUS.jsonl")
		os.Exit(2)
	}
	path := flag.Arg(0)
	lower, capital, err := wordCase(path)
	check(err)
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{path}})
	check(err)
	for _, e := range res.Errors {
		fmt.Fprintln(os.Stderr, e)
	}
	var ents []graph.Entity
	partial := 0
	signed := map[string]bool{} // entity id → an article showed a sign of its type
	for _, c := range res.Resolver.Clusters() {
		if c.ID == "" {
			continue
		}
		signed[c.ID] = c.Signed()
		ents = append(ents, graph.Entity{ID: c.ID, Name: c.Name, Type: c.Type, Aliases: c.Aliases, Merges: c.Reasons})
		if c.Partial {
			partial++
		}
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	a := &audit{lower: lower, capital: capital, dump: *dump, byName: map[string]map[graph.EntityType]string{}, signed: signed}
	for _, e := range ents {
		a.entity(e)
	}
	fmt.Printf("corpus: %s\narticles: %d\nentities: %d (people %d, with three or more spellings %d, partial %d)\n",
		path, len(res.Docs), len(ents), a.people, a.multi, partial)
	a.report(*n)
	if *sample != "" {
		check(writeSample(path, *out, *sample, *commit, *seed, res, ents))
	}
}

// audit counts the kinds of wrong merge over the entities it is given.
type audit struct {
	lower, capital map[string]int // how often each folded word is written in lower case, capitalised
	dump           bool

	surname, word, company       []string
	byName                       map[string]map[graph.EntityType]string
	signed                       map[string]bool // entity id → a sign of its type in one of its articles
	people, multi                int
	personWords                  int
	bySurnameJoins, variantJoins int // merges across articles of a surname, of a spelling variant
}

// isWord reports whether s is one word the corpus writes in lower case at least as often as
// capitalised inside a sentence.
func (a *audit) isWord(s string) bool {
	ws := strings.Fields(names.Fold(s))
	if len(ws) != 1 {
		return false
	}
	w := ws[0]
	return a.lower[w] >= 2 && a.lower[w] >= a.capital[w]
}

// entity counts one entity.
func (a *audit) entity(e graph.Entity) {
	k := names.Fold(e.Name)
	if a.byName[k] == nil {
		a.byName[k] = map[graph.EntityType]string{}
	}
	a.byName[k][e.Type] = e.ID
	spellings := append([]string{e.Name}, e.Aliases...)
	a.words(e, spellings)
	for _, m := range e.Merges {
		switch {
		case strings.Contains(m, ": surname of "):
			a.bySurnameJoins++
		case strings.Contains(m, ": spelling variant of "):
			a.variantJoins++
		}
	}
	if e.Type != graph.Person {
		return
	}
	a.people++
	if len(spellings) >= 3 {
		a.multi++
		if a.dump {
			fmt.Fprintf(os.Stderr, "%s\t%s\t%s\n", e.ID, strings.Join(spellings, " | "), strings.Join(e.Merges, " | "))
		}
	}
	a.person(e, spellings)
}

// words notes the aliases of e that are lower-case words and no word of its longer spellings.
func (a *audit) words(e graph.Entity, spellings []string) {
	inName := map[string]bool{} // the words of the entity's longer spellings
	for _, sp := range spellings {
		if ts := names.Tokens(sp); len(ts) > 1 {
			for _, t := range ts {
				inName[t] = true
			}
		}
	}
	for _, al := range e.Aliases {
		if names.Fold(al) == names.Fold(e.Name) {
			continue // the name itself in another case ("ANALYSIS" and "Analysis"): no word joined to it
		}
		if al != strings.ToUpper(al) && a.isWord(al) && !inName[names.Fold(al)] {
			a.word = append(a.word, fmt.Sprintf("%s (%s): %q", e.ID, e.Type, al))
			if e.Type == graph.Person {
				a.personWords++
			}
		}
	}
}

// person notes a person's spellings with another surname than its first full name, and a spelling
// that ends in a company's legal form.
func (a *audit) person(e graph.Entity, spellings []string) {
	ref := ""
	for _, s := range spellings {
		if len(names.Words(s)) >= 2 {
			ref = s
			break
		}
	}
	if ref != "" {
		rs := names.Surname(ref)
		for _, s := range spellings {
			if s != ref && len(names.Words(s)) >= 2 && !names.SameWord(names.Surname(s), rs) {
				a.surname = append(a.surname, fmt.Sprintf("%s: %q has another surname than %q", e.ID, s, ref))
			}
		}
	}
	for _, s := range spellings {
		ws := strings.Fields(strings.ReplaceAll(s, ".", " "))
		if len(ws) >= 2 && lexicon.IsLegalForm(ws[len(ws)-1]) {
			a.company = append(a.company, fmt.Sprintf("%s: %q", e.ID, s))
			break
		}
	}
}

// report prints the counts, then up to n examples of each kind.
func (a *audit) report(n int) {
	var supported, unsupported []string
	for k, ts := range a.byName {
		if len(ts) < 2 {
			continue
		}
		var ids []string
		all := true
		for _, id := range ts {
			mark := ""
			if !a.signed[id] {
				mark, all = " (no sign)", false
			}
			ids = append(ids, id+mark)
		}
		sort.Strings(ids)
		x := fmt.Sprintf("%q: %s", k, strings.Join(ids, ", "))
		if all {
			supported = append(supported, x)
		} else {
			unsupported = append(unsupported, x)
		}
	}
	sort.Strings(supported)
	sort.Strings(unsupported)
	fmt.Printf("cross-article merges: surname alone %d, spelling variant %d\n", a.bySurnameJoins, a.variantJoins)
	fmt.Printf("person spellings with another surname:   %d\n", len(a.surname))
	fmt.Printf("spellings that are lower-case words:      %d (of people %d)\n", len(a.word), a.personWords)
	fmt.Printf("Person entities with a legal-form suffix: %d\n", len(a.company))
	fmt.Printf("names living as two or more types:        %d (supported %d, unsupported %d)\n",
		len(supported)+len(unsupported), len(supported), len(unsupported))
	for _, sec := range []struct {
		title string
		xs    []string
	}{{"another surname", a.surname}, {"lower-case words", a.word}, {"companies as people", a.company},
		{"two types, supported: every type has a sign in one of its articles", supported},
		{"two types, unsupported: a type with no sign in any of its articles", unsupported}} {
		fmt.Printf("\n## %s (%d)\n", sec.title, len(sec.xs))
		for i, x := range sec.xs {
			if i >= n {
				break
			}
			fmt.Println("  " + x)
		}
	}
}

// wordCase counts, for every folded word of the corpus texts, how often it is written in lower case
// and how often capitalised other than at the start of a sentence.
func wordCase(path string) (lower, capital map[string]int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	lower, capital = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
			Body string `json:"body"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		text := rec.Text + rec.Body
		start := true
		for _, tok := range strings.Fields(text) {
			w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
			if w != "" {
				r, _ := utf8.DecodeRuneInString(w)
				switch {
				case unicode.IsLower(r):
					lower[strings.ToLower(w)]++
				case !start && w != strings.ToUpper(w):
					capital[strings.ToLower(w)]++
				}
			}
			start = strings.HasSuffix(tok, ".") || strings.HasSuffix(tok, "?") || strings.HasSuffix(tok, "!") || strings.HasSuffix(tok, "\"")
		}
	}
	return lower, capital, sc.Err()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "resolution:", err)
		os.Exit(1)
	}
}
