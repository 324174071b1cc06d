// Package eval scores extraction against hand-made gold annotations (the format of testdata/gold): precision,
// recall and F1 for entities by type and for each relation type, date accuracy on matched relations, and
// B-cubed for resolution across articles.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/resolve"
)

// GoldEntity is one annotated entity.
type GoldEntity struct {
	Name    string           `json:"name"`
	Type    graph.EntityType `json:"type"`
	Aliases []string         `json:"aliases"`
}

// GoldRelation is one annotated relation.
type GoldRelation struct {
	Type   graph.RelType `json:"type"`
	From   string        `json:"from"`
	To     string        `json:"to"`
	AltTo  []string      `json:"alt_to"`
	Date   string        `json:"date"`
	Place  string        `json:"place"`
	Title  string        `json:"title"`
	Status string        `json:"status"`
}

// GoldDoc is the annotation of one article.
type GoldDoc struct {
	Doc       string         `json:"doc"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// LoadGold reads every per-article gold file (*.json except corpus.json) in dir, keyed by doc name.
func LoadGold(dir string) (map[string]*GoldDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	out := map[string]*GoldDoc{}
	for _, f := range files {
		if filepath.Base(f) == "corpus.json" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var g GoldDoc
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out[g.Doc] = &g
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no gold files", dir)
	}
	return out, nil
}

// PRF counts matches.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP).
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *PRF) add(o PRF) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Report is the score of a run.
type Report struct {
	Docs           int
	Entities       PRF
	EntitiesBy     map[graph.EntityType]*PRF
	Relations      PRF
	RelationsBy    map[graph.RelType]*PRF
	RulesBy        map[string]*PRF // by extraction rule id: TP and FP (a missed relation has no rule)
	GoldRelations  int
	DatesRight     int
	DatesScored    int
	BCubedP        float64
	BCubedR        float64
	Missing        []string // gold articles with no extracted article
	FalseNegative  []string // gold relations not found, for reading
	FalsePositive  []string // extracted relations not in gold, for reading
	WrongDates     []string // matched relations whose date differs from gold, for reading
	WrongEntities  []string // extracted entities not in gold
	MissedEntities []string // gold entities not extracted
	// EntityClasses is every entity error once, by class: "type" (the name is a gold entity of
	// another type), "boundary" (it shares a word with a gold entity of the article but is not its
	// name), "spurious" (an extracted name near no gold one) and "missed" (a gold name nothing
	// extracted comes near), each line "class: article: what".
	EntityClasses []string
}

// DateAccuracy is the share of matched relations, with a date in gold or in the output, whose dates agree.
func (r *Report) DateAccuracy() float64 { return ratio(r.DatesRight, r.DatesScored) }

// BCubedF1 is the harmonic mean of B-cubed precision and recall.
func (r *Report) BCubedF1() float64 {
	if r.BCubedP+r.BCubedR == 0 {
		return 0
	}
	return 2 * r.BCubedP * r.BCubedR / (r.BCubedP + r.BCubedR)
}

// matcher maps predicted names to gold entities of one article.
type matcher struct {
	byName  map[string]int // folded name -> gold index
	byAlias map[string]int // folded alias naming one gold entity -> index; -1 when ambiguous
	gold    []GoldEntity
}

func newMatcher(g []GoldEntity) *matcher {
	m := &matcher{byName: map[string]int{}, byAlias: map[string]int{}, gold: g}
	for i, e := range g {
		m.byName[string(e.Type)+"|"+names.Fold(e.Name)] = i
	}
	for i, e := range g {
		for _, a := range e.Aliases {
			k := string(e.Type) + "|" + names.Fold(a)
			if j, ok := m.byAlias[k]; ok && j != i {
				m.byAlias[k] = -1
			} else {
				m.byAlias[k] = i
			}
		}
	}
	return m
}

// match returns the gold entity a predicted name of the given type denotes, or -1.
func (m *matcher) match(t graph.EntityType, name string) int {
	k := string(t) + "|" + names.Fold(name)
	if i, ok := m.byName[k]; ok {
		return i
	}
	if i, ok := m.byAlias[k]; ok {
		return i
	}
	return -1
}

// matchEntity tries an entity's name, then its aliases.
func (m *matcher) matchEntity(e *extract.Entity) int {
	if i := m.match(e.Type, e.Name); i >= 0 {
		return i
	}
	for _, a := range e.Aliases {
		if i := m.match(e.Type, a); i >= 0 {
			return i
		}
	}
	return -1
}

// Score compares extracted, resolved articles with gold annotations.
func Score(docs []*extract.Doc, r *resolve.Resolver, gold map[string]*GoldDoc) *Report {
	rep := &Report{EntitiesBy: map[graph.EntityType]*PRF{}, RelationsBy: map[graph.RelType]*PRF{}, RulesBy: map[string]*PRF{}}
	for _, t := range graph.EntityTypes {
		rep.EntitiesBy[t] = &PRF{}
	}
	for _, t := range graph.RelTypes {
		rep.RelationsBy[t] = &PRF{}
	}
	var items []bcItem
	seen := map[string]bool{}
	for _, d := range docs {
		g := gold[ingest.DocName(d.Article)]
		if g == nil {
			continue
		}
		seen[g.Doc] = true
		rep.Docs++
		m := newMatcher(g.Entities)
		items = append(items, rep.scoreEntities(d, g, m, r)...)
		rep.scoreRelations(d, g, m)
	}
	for name := range gold {
		if !seen[name] {
			rep.Missing = append(rep.Missing, name)
		}
	}
	sort.Strings(rep.Missing)
	for _, t := range graph.EntityTypes {
		rep.Entities.add(*rep.EntitiesBy[t])
	}
	for _, t := range graph.RelTypes {
		rep.Relations.add(*rep.RelationsBy[t])
	}
	rep.bcubed(items)
	return rep
}

// bcItem is one (article, gold entity) item of B-cubed: the entity id it was resolved to, and the
// gold entity.
type bcItem struct{ pred, gold string }

// scoreEntities scores one article's entities and returns its B-cubed items.
func (rep *Report) scoreEntities(d *extract.Doc, g *GoldDoc, m *matcher, r *resolve.Resolver) []bcItem {
	var items []bcItem
	matched := map[int]bool{}
	target := map[*extract.Entity]bool{}
	for _, rel := range d.Relations {
		target[rel.To] = true
	}
	for _, e := range d.Entities {
		if len(e.Mentions) == 0 && !target[e] {
			continue // a country known only from an adjective: not a mention of its own
		}
		// a state no word names but a post is held at is a node, as CONVENTIONS.md lists it
		i := m.matchEntity(e)
		s := rep.EntitiesBy[e.Type]
		switch {
		case i < 0:
			s.FP++
			rep.WrongEntities = append(rep.WrongEntities, fmt.Sprintf("%s: %s %q", g.Doc, e.Type, e.Name))
		case matched[i]:
			s.FP++ // a second node for one real entity
			rep.WrongEntities = append(rep.WrongEntities, fmt.Sprintf("%s: %s %q (second node for %q)", g.Doc, e.Type, e.Name, g.Entities[i].Name))
		default:
			matched[i] = true
			s.TP++
			if c := r.Of(e); c != nil {
				items = append(items, bcItem{pred: c.ID, gold: string(g.Entities[i].Type) + "|" + g.Entities[i].Name})
			}
		}
	}
	for i, ge := range g.Entities {
		if !matched[i] {
			rep.EntitiesBy[ge.Type].FN++
			rep.MissedEntities = append(rep.MissedEntities, fmt.Sprintf("%s: %s %q", g.Doc, ge.Type, ge.Name))
		}
	}
	rep.classifyEntityErrors(d, g, m, matched)
	return items
}

// classifyEntityErrors sorts one article's entity errors into EntityClasses.
func (rep *Report) classifyEntityErrors(d *extract.Doc, g *GoldDoc, m *matcher, matched map[int]bool) {
	var preds []*extract.Entity
	for _, e := range d.Entities {
		if len(e.Mentions) > 0 {
			preds = append(preds, e)
		}
	}
	golds := make([]typedName, len(g.Entities))
	for i, ge := range g.Entities {
		golds[i] = typedName{ge.Name, ge.Type}
	}
	extracted := make([]typedName, len(preds))
	for i, e := range preds {
		extracted[i] = typedName{e.Name, e.Type}
	}
	for _, e := range preds {
		if m.matchEntity(e) >= 0 {
			continue
		}
		class, other := errorClass(e.Name, golds, "spurious", "gold")
		rep.EntityClasses = append(rep.EntityClasses, fmt.Sprintf("%s: %s: extracted %s %q%s", class, g.Doc, e.Type, e.Name, other))
	}
	for i, ge := range g.Entities {
		if matched[i] {
			continue
		}
		class, other := errorClass(ge.Name, extracted, "missed", "extracted")
		rep.EntityClasses = append(rep.EntityClasses, fmt.Sprintf("%s: %s: gold %s %q%s", class, g.Doc, ge.Type, ge.Name, other))
	}
}

// typedName is an entity's name and type, gold or extracted.
type typedName struct {
	name string
	typ  graph.EntityType
}

// errorClass classifies an entity with no match among the other side's (named side): "type" when
// one of them has its name, else "boundary" when one shares a word with it, else def; and what it
// was confused with.
func errorClass(name string, others []typedName, def, side string) (class, other string) {
	class = def
	for _, o := range others {
		switch {
		case names.Fold(o.name) == names.Fold(name):
			class, other = "type", fmt.Sprintf(" (%s %s)", side, o.typ)
		case class == def && shareWord(o.name, name):
			class, other = "boundary", fmt.Sprintf(" (%s %s %q)", side, o.typ, o.name)
		}
	}
	return class, other
}

// shareWord says whether two names have a folded word in common.
func shareWord(a, b string) bool {
	bw := strings.Fields(names.Fold(b))
	for _, w := range strings.Fields(names.Fold(a)) {
		if slices.Contains(bw, w) {
			return true
		}
	}
	return false
}

// scoreRelations scores one article's relations and their dates.
func (rep *Report) scoreRelations(d *extract.Doc, g *GoldDoc, m *matcher) {
	rep.GoldRelations += len(g.Relations)
	used := make([]bool, len(g.Relations))
	seenPred := map[string]bool{}
	for _, rel := range d.Relations {
		fi, ti := m.matchEntity(rel.From), m.matchEntity(rel.To)
		pk := fmt.Sprintf("%s|%d|%d|%s|%s", rel.Type, fi, ti, rel.From.Name, rel.To.Name)
		if rel.Type == graph.Met && (fi > ti || (fi == ti && rel.From.Name > rel.To.Name)) {
			pk = fmt.Sprintf("%s|%d|%d|%s|%s", rel.Type, ti, fi, rel.To.Name, rel.From.Name)
		}
		if seenPred[pk] {
			continue // the same relation read in another sentence scores once
		}
		seenPred[pk] = true
		s := rep.RelationsBy[rel.Type]
		byRule := rep.RulesBy[rel.Rule]
		if byRule == nil {
			byRule = &PRF{}
			rep.RulesBy[rel.Rule] = byRule
		}
		// the first unused gold relation it matches; one already used means a repeat, scored once
		hit, repeat := -1, false
		for j, gr := range g.Relations {
			if gr.Type != rel.Type || !relMatches(m, gr, fi, ti) {
				continue
			}
			if !used[j] {
				hit = j
				break
			}
			repeat = true
		}
		if hit < 0 {
			if !repeat {
				s.FP++
				byRule.FP++
				rep.FalsePositive = append(rep.FalsePositive, fmt.Sprintf("%s: %s %s %s [%s] «%s»", g.Doc, rel.From.Name, rel.Type, rel.To.Name, rel.Rule, rel.Evidence))
			}
			continue
		}
		used[hit] = true
		s.TP++
		byRule.TP++
		if gd := g.Relations[hit].Date; gd != "" || rel.Date != "" {
			rep.DatesScored++
			if gd == rel.Date {
				rep.DatesRight++
			} else {
				rep.WrongDates = append(rep.WrongDates, fmt.Sprintf("%s: %s %s %s: date %q, gold %q", g.Doc, rel.From.Name, rel.Type, rel.To.Name, rel.Date, gd))
			}
		}
	}
	for j, gr := range g.Relations {
		if !used[j] {
			rep.RelationsBy[gr.Type].FN++
			rep.FalseNegative = append(rep.FalseNegative, fmt.Sprintf("%s: %s %s %s", g.Doc, gr.From, gr.Type, gr.To))
		}
	}
}

// bcubed sets the B-cubed precision and recall over (article, gold entity) items.
func (rep *Report) bcubed(items []bcItem) {
	predSize, goldSize, both := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for _, it := range items {
		predSize[it.pred]++
		goldSize[it.gold]++
		both[[2]string{it.pred, it.gold}]++
	}
	if len(items) == 0 {
		return
	}
	var p, rr float64
	for _, it := range items {
		n := float64(both[[2]string{it.pred, it.gold}])
		p += n / float64(predSize[it.pred])
		rr += n / float64(goldSize[it.gold])
	}
	rep.BCubedP, rep.BCubedR = p/float64(len(items)), rr/float64(len(items))
}

func relMatches(m *matcher, gr GoldRelation, fi, ti int) bool {
	gi := m.indexOf(gr.From)
	if gi < 0 {
		return false
	}
	targets := []int{m.indexOf(gr.To)}
	for _, a := range gr.AltTo {
		targets = append(targets, m.indexOf(a))
	}
	for _, t := range targets {
		if t < 0 {
			continue
		}
		if fi == gi && ti == t {
			return true
		}
		if gr.Type == graph.Met && fi == t && ti == gi {
			return true
		}
	}
	return false
}

// indexOf finds a gold entity by its gold name.
func (m *matcher) indexOf(name string) int {
	for i, e := range m.gold {
		if e.Name == name {
			return i
		}
	}
	return -1
}

// Write prints the report as a table.
func (r *Report) Write(w io.Writer) {
	r.WriteEntities(w)
	line := func(name string, s PRF) { writeLine(w, name, s) }
	line("relations", r.Relations)
	for _, t := range graph.RelTypes {
		line("  "+string(t), *r.RelationsBy[t])
	}
	if len(r.RulesBy) > 0 {
		fmt.Fprintf(w, "\n%-16s %6s %6s   %4s %4s\n", "by rule", "P", "share", "TP", "FP")
		var ids []string
		for id := range r.RulesBy {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			s := r.RulesBy[id]
			// share: the part of all gold relations this rule found
			fmt.Fprintf(w, "  %-14s %6.3f %6.3f   %4d %4d\n", id, s.Precision(), ratio(s.TP, r.GoldRelations), s.TP, s.FP)
		}
	}
	fmt.Fprintf(w, "\ndates right on matched relations: %.3f (%d of %d)\n", r.DateAccuracy(), r.DatesRight, r.DatesScored)
	fmt.Fprintf(w, "cross-article resolution (B-cubed): P %.3f  R %.3f  F1 %.3f\n", r.BCubedP, r.BCubedR, r.BCubedF1())
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "gold articles not in the input: %s\n", strings.Join(r.Missing, ", "))
	}
}

// WriteEntities prints the head of Write's table: the articles scored and the entity rows, overall and
// by type. scripts/baseline prints another extractor's score with it, in the same form.
func (r *Report) WriteEntities(w io.Writer) {
	fmt.Fprintf(w, "articles scored: %d\n\n", r.Docs)
	fmt.Fprintf(w, "%-14s %6s %6s %6s   %4s %4s %4s\n", "", "P", "R", "F1", "TP", "FP", "FN")
	writeLine(w, "entities", r.Entities)
	for _, t := range graph.EntityTypes {
		writeLine(w, "  "+string(t), *r.EntitiesBy[t])
	}
}

func writeLine(w io.Writer, name string, s PRF) {
	fmt.Fprintf(w, "%-14s %6.3f %6.3f %6.3f   %4d %4d %4d\n", name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}
