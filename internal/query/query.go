// Package query answers researchers' questions over any graph.Store: paths between entities,
// neighbours, what two entities have in common, profiles, timelines and name search. The answers are
// computed here from a few store primitives, so every store gives the same answers; only the plain
// shortest path, the most frequent question, goes to the store's own search.
package query

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// Reader is what answering questions needs of a store: reads only (see graph.Store for each).
// A store that finds paths itself also implements graph.PathFinder.
type Reader interface {
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Lookup(ctx context.Context, ids []string) (map[string]graph.Entity, error)
	FindEntities(ctx context.Context, name string) ([]graph.Entity, error)
	Names(ctx context.Context) ([]graph.Name, error)
	Relations(ctx context.Context, ids []string, types []graph.RelType) ([]graph.Relation, error)
	Mentions(ctx context.Context, id string) ([]graph.Mention, error)
	Articles(ctx context.Context, ids []string) ([]graph.Article, error)
	ShortestPath(ctx context.Context, from, to string, opts graph.PathOptions) (*graph.Path, error)
}

var _ Reader = graph.Store(nil)

// Engine answers questions over one store.
type Engine struct {
	S Reader
}

// TypeOf returns an entity's type from its id ("person:…", "organisation:…", "place:…").
func TypeOf(id string) graph.EntityType {
	switch {
	case strings.HasPrefix(id, "person:"):
		return graph.Person
	case strings.HasPrefix(id, "organisation:"):
		return graph.Organisation
	case strings.HasPrefix(id, "place:"):
		return graph.Place
	}
	return ""
}

// ---- naming entities ----

// Candidate is one entity a name may mean, with what tells it apart.
type Candidate struct {
	Entity   graph.Entity `json:"entity"`
	Posts    []string     `json:"posts,omitempty"`
	Articles int          `json:"articles"`
}

// AmbiguousError says a name fits several entities.
type AmbiguousError struct {
	Name       string
	Candidates []Candidate
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q names %d entities; give the id of the one you mean:", e.Name, len(e.Candidates))
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  %-36s %s (%s", c.Entity.ID, c.Entity.Name, c.Entity.Type)
		if len(c.Posts) > 0 {
			fmt.Fprintf(&b, "; %s", strings.Join(c.Posts, "; "))
		}
		fmt.Fprintf(&b, "; in %d article%s)", c.Articles, plural(c.Articles))
	}
	return b.String()
}

// NotFoundError says no entity has the name; Suggestions are the closest names.
type NotFoundError struct {
	Name        string
	Suggestions []Hit
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity named %q", e.Name)
	if len(e.Suggestions) > 0 {
		var s []string
		for _, h := range e.Suggestions {
			s = append(s, fmt.Sprintf("%s (%s)", h.Entity.Name, h.Entity.ID))
		}
		msg += "; did you mean " + strings.Join(s, ", ") + "?"
	}
	return msg
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Resolve turns what a user typed into one entity: an id, else a name or alias. An id no longer
// stored is read as the name it was made from: an id is an entity's type and folded name, and a node
// renamed when a fuller spelling joined it keeps its old name as a spelling, so the old id finds it.
func (q *Engine) Resolve(ctx context.Context, text string) (graph.Entity, error) {
	if t := TypeOf(text); t != "" {
		if e, err := q.S.Entity(ctx, text); err == nil {
			return e, nil
		}
		if e, ok, err := q.byOldID(ctx, t, text); err != nil || ok {
			return e, err
		}
	}
	es, err := q.S.FindEntities(ctx, text)
	if err != nil {
		return graph.Entity{}, err
	}
	switch len(es) {
	case 1:
		return es[0], nil
	case 0:
		hits, err := q.Search(ctx, text, 3)
		if err != nil {
			return graph.Entity{}, err
		}
		return graph.Entity{}, &NotFoundError{Name: text, Suggestions: hits}
	}
	amb := &AmbiguousError{Name: text}
	for _, e := range es {
		c := Candidate{Entity: e}
		rs, err := q.S.Relations(ctx, []string{e.ID}, []graph.RelType{graph.HoldsPost})
		if err != nil {
			return graph.Entity{}, err
		}
		for _, r := range rs {
			if r.From == e.ID {
				c.Posts = append(c.Posts, strings.TrimSpace(r.Title+" at "+q.name(ctx, r.To)))
			}
		}
		ms, err := q.S.Mentions(ctx, e.ID)
		if err != nil {
			return graph.Entity{}, err
		}
		c.Articles = len(ms)
		amb.Candidates = append(amb.Candidates, c)
	}
	return graph.Entity{}, amb
}

// byOldID finds the one entity of type t with a spelling that folds to the name an id was made
// from ("person:anatoli-serebrensky" → "anatoli serebrensky").
func (q *Engine) byOldID(ctx context.Context, t graph.EntityType, id string) (graph.Entity, bool, error) {
	_, slug, _ := strings.Cut(id, ":")
	es, err := q.S.FindEntities(ctx, strings.ReplaceAll(slug, "-", " "))
	if err != nil {
		return graph.Entity{}, false, err
	}
	var found []graph.Entity
	for _, e := range es {
		if e.Type == t {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		return graph.Entity{}, false, nil
	}
	return found[0], true, nil
}

// name returns an entity's name, or its id when it cannot be read.
func (q *Engine) name(ctx context.Context, id string) string {
	if e, err := q.S.Entity(ctx, id); err == nil {
		return e.Name
	}
	return id
}

// ---- search ----

// Hit is one search result.
type Hit struct {
	Entity graph.Entity `json:"entity"`
	Name   string       `json:"matched"` // the spelling that matched
	How    string       `json:"how"`     // exact, alias or fuzzy
	Score  float64      `json:"score"`
}

// Search finds entities by name: exact names first, then other spellings, then close spellings (a
// typo such as "Merkle" finds "Merkel"), best first, at most limit (0: 20).
func (q *Engine) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = 20
	}
	all, err := q.S.Names(ctx)
	if err != nil {
		return nil, err
	}
	want := names.Fold(text)
	if want == "" {
		return nil, nil
	}
	best := map[string]Hit{}
	for _, n := range all {
		score, how := similarity(want, names.Fold(n.Name))
		if score < fuzzyFloor {
			continue
		}
		if h, ok := best[n.Entity]; !ok || score > h.Score || (score == h.Score && n.Name < h.Name) {
			best[n.Entity] = Hit{Entity: graph.Entity{ID: n.Entity}, Name: n.Name, How: how, Score: score}
		}
	}
	var hits []Hit
	for id, h := range best {
		e, err := q.S.Entity(ctx, id)
		if err != nil {
			continue
		}
		h.Entity = e
		if h.How == "exact" && names.Fold(e.Name) != want {
			h.How, h.Score = "alias", 0.99
		}
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		if hits[i].Entity.Name != hits[j].Entity.Name {
			return hits[i].Entity.Name < hits[j].Entity.Name
		}
		return hits[i].Entity.ID < hits[j].Entity.ID
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// fuzzyFloor is the least similarity a fuzzy hit needs.
const fuzzyFloor = 0.84

// similarity scores how well a folded query matches a folded name: 1 for the same name, else the
// better of the whole-name Jaro-Winkler similarity and, word by word, the mean similarity of the
// query's words to their best-matching name words ("merkle" against "angela merkel").
func similarity(q, n string) (float64, string) {
	if q == n {
		return 1, "exact"
	}
	best := jaroWinkler(q, n)
	qs, ns := strings.Fields(q), strings.Fields(n)
	if len(qs) <= len(ns) {
		sum := 0.0
		for _, w := range qs {
			m := 0.0
			for _, v := range ns {
				m = max(m, jaroWinkler(w, v))
			}
			sum += m
		}
		// matching fewer words than the name has is worth a little less
		s := sum / float64(len(qs)) * (0.96 + 0.04*float64(len(qs))/float64(len(ns)))
		best = max(best, s)
	}
	return best, "fuzzy"
}

// jaroWinkler is the Jaro-Winkler similarity of two strings, 0 to 1.
func jaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	window := max(len(ra), len(rb))/2 - 1
	window = max(window, 0)
	ma, mb := make([]bool, len(ra)), make([]bool, len(rb))
	matches := 0
	for i := range ra {
		lo, hi := max(0, i-window), min(len(rb), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	trans, j := 0, 0
	for i := range ra {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if ra[i] != rb[j] {
			trans++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(trans)/2)/m) / 3
	prefix := 0
	for prefix < min(4, len(ra), len(rb)) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}
