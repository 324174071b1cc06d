package main

// The sampler (-sample): a reproducible random draw of resolved entities for a judge, written as a
// Markdown table. Four classes are drawn, each from its own math/rand/v2 PCG stream (seed S, stream =
// the class's number), from candidates in order of entity id:
//
//	a: people with three or more spellings (one item per entity);
//	b: cross-article merges of a surname alone into the one full name known with it (one item per merge reason);
//	c: spelling-variant merges (one item per merge reason);
//	d: folded names that name entities of two or more types (one item per name).
//
// Each item gives the entity id, name, spellings and merge reasons, and for each spelling one or two
// articles (the first and the last in corpus order) with the sentence that uses it.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/names"
)

// item is one drawn entity (a, b, c) or name (d).
type item struct {
	ents      []graph.Entity // one, or the entities of a name living as two types
	reason    string         // the drawn merge reason (b, c)
	spellings []string       // the spellings to show evidence for, per entity of ents in order
}

// sampleClass is one class of the draw.
type sampleClass struct {
	key, title string
	items      []item
}

// ref is an article that gives an entity a spelling.
type ref struct {
	article string
	needles []string // what to look for in its text: the spelling, then the article entity's other names
	own     bool     // the spelling is the article entity's name, not one of its aliases
}

// sampler draws and writes the sample.
type sampler struct {
	refs  map[string]map[string][]ref // entity id → folded spelling → articles in corpus order
	texts map[string]string           // article id → text, for the drawn items' articles only
}

// sizes parses "-sample": one count for every class, or four comma-separated counts.
func sizes(spec string) ([4]int, error) {
	var out [4]int
	fs := strings.Split(spec, ",")
	if len(fs) != 1 && len(fs) != 4 {
		return out, fmt.Errorf("-sample %q: one count or four (a,b,c,d)", spec)
	}
	for i := range out {
		n, err := strconv.Atoi(strings.TrimSpace(fs[min(i, len(fs)-1)]))
		if err != nil || n < 0 {
			return out, fmt.Errorf("-sample %q: not a count", spec)
		}
		out[i] = n
	}
	return out, nil
}

// writeSample draws the sample of the resolved corpus at path and writes it to out.
func writeSample(path, out, spec, commit string, seed uint64, res *load.Result, ents []graph.Entity) error {
	ns, err := sizes(spec)
	if err != nil {
		return err
	}
	classes := candidates(ents)
	total := make([]int, len(classes))
	for i := range classes {
		total[i] = len(classes[i].items)
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		perm := rng.Perm(len(classes[i].items))
		drawn := make([]item, 0, ns[i])
		for _, j := range perm[:min(ns[i], len(perm))] {
			drawn = append(drawn, classes[i].items[j])
		}
		classes[i].items = drawn
	}
	s := &sampler{refs: spellingRefs(res)}
	if s.texts, err = articleTexts(path, s.wanted(classes)); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Entity-resolution audit sample — commit %s, seed %d\n\n", commit, seed)
	fmt.Fprintf(w, "- Command: `go run ./scripts/audit/resolution -sample %s -seed %d -commit %s -out %s CORPUS.jsonl`\n", spec, seed, commit, out)
	fmt.Fprintf(w, "- Corpus: `%s`, %d articles, one batch; %d entities\n", path, len(res.Docs), len(ents))
	fmt.Fprintf(w, "- Draw: math/rand/v2 PCG(seed, class number), without replacement, candidates in order of entity id; evidence: the first and last article in corpus order that give each spelling\n")
	for i, c := range classes {
		s.writeClass(w, c, total[i])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// candidates lists every item of the four classes, in order of entity id (d: of name).
func candidates(ents []graph.Entity) []sampleClass {
	cs := []sampleClass{{key: "a", title: "People with three or more spellings"},
		{key: "b", title: "Cross-article merges of a surname alone"},
		{key: "c", title: "Spelling-variant merges"},
		{key: "d", title: "Names living as two or more types"}}
	byName := map[string][]graph.Entity{}
	for _, e := range ents {
		sp := append([]string{e.Name}, e.Aliases...)
		if e.Type == graph.Person && len(sp) >= 3 {
			cs[0].items = append(cs[0].items, item{ents: []graph.Entity{e}, spellings: sp})
		}
		for _, m := range e.Merges {
			joined, rest, _ := strings.Cut(m, ": ")
			switch {
			case strings.HasPrefix(rest, "surname of "):
				cs[1].items = append(cs[1].items, item{ents: []graph.Entity{e}, reason: m, spellings: []string{joined, e.Name}})
			case strings.HasPrefix(rest, "spelling variant of "):
				into, _, _ := strings.Cut(strings.TrimPrefix(rest, "spelling variant of "), " (")
				cs[2].items = append(cs[2].items, item{ents: []graph.Entity{e}, reason: m, spellings: []string{joined, into}})
			}
		}
		k := names.Fold(e.Name)
		byName[k] = append(byName[k], e)
	}
	var keys []string
	for k, es := range byName {
		if len(es) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		it := item{ents: byName[k]}
		for _, e := range it.ents {
			it.spellings = append(it.spellings, e.Name)
		}
		cs[3].items = append(cs[3].items, it)
	}
	return cs
}

// spellingRefs indexes, for every entity, the articles that give it each spelling.
func spellingRefs(res *load.Result) map[string]map[string][]ref {
	out := map[string]map[string][]ref{}
	for _, d := range res.Docs {
		for _, e := range d.Entities {
			c := res.Resolver.Of(e)
			if c == nil || c.ID == "" || e.MentionCount() == 0 {
				continue
			}
			if out[c.ID] == nil {
				out[c.ID] = map[string][]ref{}
			}
			all := append([]string{e.Name}, e.Aliases...)
			for _, sp := range all {
				k := names.Fold(sp)
				rs := out[c.ID][k]
				if n := len(rs); n > 0 && rs[n-1].article == d.Article.ID {
					continue
				}
				needles := append([]string{sp}, all...)
				out[c.ID][k] = append(rs, ref{article: d.Article.ID, needles: needles, own: k == names.Fold(e.Name)})
			}
		}
	}
	return out
}

// pick returns the articles to show for a spelling of an entity: the first and the last, of those
// whose entity is named by it when there are any (a surname alone rather than a full name's alias).
func (s *sampler) pick(id, spelling string) []ref {
	var rs, own []ref
	for _, r := range s.refs[id][names.Fold(spelling)] {
		rs = append(rs, r)
		if r.own {
			own = append(own, r)
		}
	}
	if len(own) > 0 {
		rs = own
	}
	if len(rs) <= 1 {
		return rs
	}
	return []ref{rs[0], rs[len(rs)-1]}
}

// wanted is the set of articles the drawn items show.
func (s *sampler) wanted(classes []sampleClass) map[string]bool {
	out := map[string]bool{}
	for _, c := range classes {
		for _, it := range c.items {
			for _, e := range it.ents {
				for _, sp := range it.spellings {
					for _, r := range s.pick(e.ID, sp) {
						out[r.article] = true
					}
				}
			}
		}
	}
	return out
}

// articleTexts reads the texts of the wanted articles from the corpus.
func articleTexts(path string, want map[string]bool) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			ID   any    `json:"id"`
			Text string `json:"text"`
			Body string `json:"body"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		if id := fmt.Sprint(rec.ID); want[id] {
			out[id] = flatten(rec.Text + rec.Body)
		}
	}
	return out, sc.Err()
}

// writeClass writes one class's table, with empty verdict and note columns for the judge.
func (s *sampler) writeClass(w *bufio.Writer, c sampleClass, total int) {
	fmt.Fprintf(w, "\n## (%s) %s: %d of %d\n\n", c.key, c.title, len(c.items), total)
	fmt.Fprintln(w, "| # | entity | spellings | merge reasons | evidence (article: sentence) | verdict | note |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for i, it := range c.items {
		var ent, sps, why, ev []string
		for _, e := range it.ents {
			ent = append(ent, fmt.Sprintf("`%s` %s (%s)", e.ID, cell(e.Name), e.Type))
			all := append([]string{e.Name}, e.Aliases...)
			sps = append(sps, cell(strings.Join(all, " · ")))
			reasons := e.Merges
			if it.reason != "" {
				reasons = []string{it.reason}
			}
			for _, m := range reasons {
				why = append(why, cell(m))
			}
			ev = append(ev, s.evidence(e, it, len(all))...)
		}
		fmt.Fprintf(w, "| %s%d | %s | %s | %s | %s |  |  |\n", c.key, i+1, strings.Join(ent, "<br>"),
			strings.Join(sps, "<br>"), strings.Join(why, "<br>"), strings.Join(ev, "<br>"))
	}
}

// evidence gives, for each spelling of the item shown for e, its articles and sentences (two each,
// one when the entity has more than four spellings).
func (s *sampler) evidence(e graph.Entity, it item, nSpellings int) []string {
	sps := it.spellings
	if len(it.ents) > 1 {
		sps = []string{e.Name}
	}
	if len(it.ents) == 1 && it.reason == "" {
		sps = append([]string{e.Name}, e.Aliases...)
	}
	typed := "" // which entity the evidence is of, when the item shows several
	if len(it.ents) > 1 {
		typed = "(" + string(e.Type) + ") "
	}
	var out []string
	for _, sp := range sps {
		rs := s.pick(e.ID, sp)
		if nSpellings > 4 && len(rs) > 1 {
			rs = rs[:1]
		}
		if len(rs) == 0 {
			out = append(out, fmt.Sprintf("**%s**: (no article gives it)", cell(sp)))
		}
		for _, r := range rs {
			out = append(out, fmt.Sprintf("%s**%s** `%s`: %s", typed, cell(sp), r.article, cell(sentence(s.texts[r.article], r.needles))))
		}
	}
	return out
}

// sentence returns the sentence of text that first uses one of the needles (tried in order) as whole
// words, shortened to about 300 characters around it.
func sentence(text string, needles []string) string {
	for _, n := range needles {
		if n == "" {
			continue
		}
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], n)
			if i < 0 {
				break
			}
			i += from
			if wordEdge(text, i-1) && wordEdge(text, i+len(n)) && !inLonger(text, i, i+len(n), needles) {
				return around(text, i, i+len(n))
			}
			from = i + 1
		}
	}
	for _, n := range needles[:1] { // only inside a longer name, or in another case: show it there
		if i := strings.Index(text, n); n != "" && i >= 0 {
			return around(text, i, i+len(n))
		}
		if lt, ln := strings.ToLower(text), strings.ToLower(n); len(lt) == len(text) && len(ln) == len(n) {
			if i := strings.Index(lt, ln); n != "" && i >= 0 {
				return around(text, i, i+len(n))
			}
		}
	}
	return "(not found in the text)"
}

// inLonger reports whether text[i:j] lies inside a use of a longer needle that holds it ("Hrbaty" in
// "Dominik Hrbaty"), so that a spelling is shown where it stands alone when it does.
func inLonger(text string, i, j int, needles []string) bool {
	n := text[i:j]
	for _, l := range needles {
		k := strings.Index(l, n)
		if len(l) <= len(n) || k < 0 {
			continue
		}
		for ; k >= 0; k = nextIndex(l, n, k) {
			if s := i - k; s >= 0 && s+len(l) <= len(text) && text[s:s+len(l)] == l {
				return true
			}
		}
	}
	return false
}

// nextIndex is the index of the next n in l after k, or -1.
func nextIndex(l, n string, k int) int {
	if m := strings.Index(l[k+1:], n); m >= 0 {
		return k + 1 + m
	}
	return -1
}

// wordEdge reports whether the byte at i is outside text or not a letter or digit.
func wordEdge(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	b := text[i]
	return !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80)
}

// around returns the sentence holding text[i:j], the match in bold, cut to about 300 characters.
func around(text string, i, j int) string {
	start := 0
	for k := i - 1; k > 0; k-- {
		if text[k] == '\n' || (text[k] == ' ' && strings.ContainsRune(".?!", rune(text[k-1]))) {
			start = k + 1
			break
		}
	}
	end := len(text)
	for k := j; k < len(text)-1; k++ {
		if text[k] == '\n' || (strings.ContainsRune(".?!", rune(text[k])) && text[k+1] == ' ') {
			end = k + 1
			break
		}
	}
	pre, post := text[start:i], text[j:end]
	if len(pre) > 180 {
		pre = "…" + pre[len(pre)-180:]
	}
	if len(post) > 150 {
		post = post[:150] + "…"
	}
	return strings.ToValidUTF8(pre, "") + "**" + text[i:j] + "**" + strings.ToValidUTF8(post, "")
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", "\\|")
}

var (
	paragraph = regexp.MustCompile(`\n[ \t\r]*\n\s*|\n[ \t]{2,}`) // a blank line, or a line indented as Reuters starts a paragraph
	space     = regexp.MustCompile(`[ \t\r\n]+`)
)

// flatten joins the lines a text is wrapped in (Reuters breaks a sentence every 60 characters or so),
// keeping its paragraphs as single line breaks.
func flatten(text string) string {
	ps := paragraph.Split(strings.TrimSpace(text), -1)
	for i, p := range ps {
		ps[i] = space.ReplaceAllString(p, " ")
	}
	return strings.Join(ps, "\n")
}
