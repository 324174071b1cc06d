// Package resolve decides which entities of different articles are one real entity, gives each a
// corpus-wide id that is the same in every run, and turns extracted articles into a graph.Batch.
package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// Cluster is one real entity across the articles of a batch and the store.
type Cluster struct {
	ID      string
	Type    graph.EntityType
	Name    string
	Aliases []string
	Reasons []string       // why each other spelling joined, e.g. "Muammar Qaddafi: spelling variant of Muammar Gaddafi"
	names   map[string]int // spelling -> how many articles use it as an entity name
	context map[string]bool
	first   string // the spelling it was first known by: its name, unless a country's common name
	fixed   bool   // id and name are settled (stored, or given in an earlier batch)
	touched bool   // joined by an entity of the batch being added
	aliases map[string]bool
	// Partial marks a person known only by a surname or a title and surname, whose own article gives
	// no full name: a node of its own, which a later article giving the full name upgrades.
	Partial bool
}

// Resolver clusters entities across articles.
type Resolver struct {
	lex      *lexicon.Lexicon
	clusters []*Cluster
	byKey    map[string]*Cluster
	of       map[*extract.Entity]*Cluster
	// bySurname indexes person clusters by the spelling key (wordKey) of the last word of each of
	// their names, so that matching looks at a handful of clusters, not all of them.
	bySurname map[string][]*Cluster
	used      map[string]bool // ids given out
	touched   []*Cluster      // clusters the batch being added joined, in order of first touch
}

// New returns an empty resolver.
func New(lex *lexicon.Lexicon) *Resolver {
	return &Resolver{lex: lex, byKey: map[string]*Cluster{}, of: map[*extract.Entity]*Cluster{}, bySurname: map[string][]*Cluster{},
		used: map[string]bool{}}
}

// Seed makes stored entities known, so that a new batch resolves against what the store holds: a
// spelling seen before joins the stored entity, which keeps its id and name.
func (r *Resolver) Seed(es []graph.Entity) {
	var seeded []*Cluster
	for _, e := range es {
		c := &Cluster{ID: e.ID, Type: e.Type, Name: e.Name, first: e.Name, fixed: true, names: map[string]int{},
			context: map[string]bool{}, aliases: map[string]bool{}, Reasons: append([]string{}, e.Merges...)}
		r.clusters = append(r.clusters, c)
		seeded = append(seeded, c)
		r.used[e.ID] = true
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			r.addName(c, n)
			c.aliases[n] = true
		}
		r.claimKey(c, e.Name)
	}
	// then the other spellings, as Add would have keyed them: every spelling of an organisation or
	// a place, and the full names of a person (a surname alone is matched by placeSingle)
	for i, e := range es {
		for _, n := range e.Aliases {
			if e.Type != graph.Person || len(names.Words(n)) >= 2 {
				r.claimKey(seeded[i], n)
			}
		}
	}
}

// claimKey makes a spelling lead to a cluster unless it already leads to another.
func (r *Resolver) claimKey(c *Cluster, spelling string) {
	k := r.key(c.Type, spelling)
	if _, taken := r.byKey[k]; !taken {
		r.byKey[k] = c
	}
}

// addName records a spelling of a cluster and indexes people by surname.
func (r *Resolver) addName(c *Cluster, n string) {
	if c.names[n] == 0 && c.Type == graph.Person {
		if ts := names.Words(n); len(ts) > 0 {
			k := names.WordKey(ts[len(ts)-1])
			if !containsCluster(r.bySurname[k], c) {
				r.bySurname[k] = append(r.bySurname[k], c)
			}
		}
	}
	c.names[n]++
}

// Forget drops what the resolver holds of the given articles once they are written, keeping the
// clusters and their spellings for the articles still to come.
func (r *Resolver) Forget(docs []*extract.Doc) {
	for _, d := range docs {
		for _, e := range d.Entities {
			delete(r.of, e)
		}
	}
}

// surnameCands returns the person clusters with a name whose last word has the same key as word's.
func (r *Resolver) surnameCands(word string) []*Cluster { return r.bySurname[names.WordKey(word)] }

// key is the exact-match key of an entity: its type and folded name, places under lexicon.PlaceKey,
// organisations under names.OrgKey (word order aside).
func (r *Resolver) key(t graph.EntityType, name string) string {
	switch t {
	case graph.Place:
		name = r.lex.PlaceKey(name)
	case graph.Organisation:
		return string(t) + "|" + names.OrgKey(name)
	}
	return string(t) + "|" + names.Fold(name)
}

// Add clusters the entities of the given articles. Call it once with every article of a batch:
// full names are placed before single names so that a surname can find its full name in any article.
func (r *Resolver) Add(docs []*extract.Doc) {
	var singles []*extract.Entity
	for _, d := range docs {
		ctx := docContext(d)
		for _, e := range d.Entities {
			if e.Type == graph.Person && len(names.Words(e.Name)) < 2 {
				singles = append(singles, e)
				continue
			}
			r.place(e, ctx)
		}
	}
	docOf := map[*extract.Entity]*extract.Doc{}
	for _, d := range docs {
		for _, e := range d.Entities {
			docOf[e] = d
		}
	}
	for _, e := range singles {
		r.placeSingle(e, docContext(docOf[e]))
	}
	r.assignIDs()
}

// docContext is the set of other entity names in an article: what two people must share to be one.
func docContext(d *extract.Doc) map[string]bool {
	s := map[string]bool{}
	for _, e := range d.Entities {
		if e.Type != graph.Person {
			s[names.Fold(e.Name)] = true
		}
	}
	for _, rel := range d.Relations {
		if rel.Type == graph.HoldsPost {
			s["post:"+names.Fold(rel.To.Name)] = true
		}
	}
	return s
}

func (r *Resolver) place(e *extract.Entity, ctx map[string]bool) {
	k := r.key(e.Type, e.Name)
	c := r.byKey[k]
	reason := ""
	if c == nil && e.Type == graph.Person {
		if c = r.transliterated(e); c != nil {
			reason = fmt.Sprintf("%s: spelling variant of %s", e.Name, c.firstName())
		}
	}
	if c == nil {
		c = &Cluster{Type: e.Type, names: map[string]int{}, context: map[string]bool{}, aliases: map[string]bool{}}
		r.clusters = append(r.clusters, c)
	} else if reason == "" && e.Name != c.firstName() && !c.aliases[e.Name] {
		reason = fmt.Sprintf("%s: same %s as %s once case, accents, punctuation and country codes are set aside",
			e.Name, strings.ToLower(string(e.Type)), r.shownName(c))
	}
	r.byKey[k] = c
	if e.Type != graph.Person {
		// an organisation's or place's other spellings in its article lead to it too ("UN" after
		// "United Nations (UN)")
		for _, a := range e.Aliases {
			r.claimKey(c, a)
		}
	}
	r.join(c, e, ctx, reason)
}

// firstName is the name the cluster has or will have: the spelling it was first known by, a country
// under its common name.
func (c *Cluster) firstName() string { return c.first }

func (r *Resolver) shownName(c *Cluster) string {
	if c.Type == graph.Place {
		if cn, ok := r.lex.Country(c.first); ok {
			return cn
		}
	}
	return c.first
}

func (r *Resolver) join(c *Cluster, e *extract.Entity, ctx map[string]bool, reason string) {
	if !c.touched {
		c.touched = true
		r.touched = append(r.touched, c)
	}
	if c.first == "" {
		c.first = e.Name
	}
	r.addName(c, e.Name)
	c.aliases[e.Name] = true
	for _, a := range e.Aliases {
		c.aliases[a] = true
	}
	for k := range ctx {
		c.context[k] = true
	}
	if reason != "" && !c.hasReasonFor(e.Name) {
		c.Reasons = append(c.Reasons, reason)
	}
	r.of[e] = c
}

func containsCluster(cs []*Cluster, c *Cluster) bool {
	for _, o := range cs {
		if o == c {
			return true
		}
	}
	return false
}

func (c *Cluster) hasReasonFor(name string) bool {
	for _, r := range c.Reasons {
		if strings.HasPrefix(r, name+":") {
			return true
		}
	}
	return false
}

// transliterated finds the person cluster whose full name matches e's word for word up to spelling
// ("Muammar Qaddafi" ~ "Muammar Gaddafi"). Different given names never match.
func (r *Resolver) transliterated(e *extract.Entity) *Cluster {
	toks := names.Words(e.Name)
	if len(toks) == 0 {
		return nil
	}
	for _, c := range r.surnameCands(toks[len(toks)-1]) {
		for n := range c.names {
			ct := names.Words(n)
			if len(ct) != len(toks) {
				continue
			}
			ok := true
			for i := range ct {
				if !names.SameWord(ct[i], toks[i]) {
					ok = false
					break
				}
			}
			if ok {
				return c
			}
		}
	}
	return nil
}

// placeSingle places a person known in its article only by one name ("Qaddafi", "Okafor"): it joins
// the one full-name cluster whose surname matches; when several match, the one sharing the most
// context (organisations, places, posts) with the article, and none when that does not decide.
func (r *Resolver) placeSingle(e *extract.Entity, ctx map[string]bool) {
	word := ""
	if ts := names.Words(e.Name); len(ts) > 0 {
		word = ts[len(ts)-1]
	}
	var cands []*Cluster
	for _, c := range r.surnameCands(word) {
		for n := range c.names {
			ts := names.Words(n)
			if len(ts) >= 2 && names.SameWord(ts[len(ts)-1], word) {
				cands = append(cands, c)
				break
			}
		}
	}
	var pick *Cluster
	why := ""
	switch len(cands) {
	case 0:
	case 1:
		pick = cands[0]
		why = "the only full name known with this surname"
	default:
		why = "shares the most organisations, places and posts with this article among the people with this surname"
		best, bestN, tie := (*Cluster)(nil), -1, false
		for _, c := range cands {
			n := 0
			for k := range ctx {
				if c.context[k] {
					n++
				}
			}
			switch {
			case n > bestN:
				best, bestN, tie = c, n, false
			case n == bestN:
				tie = true
			}
		}
		if !tie && bestN > 0 {
			pick = best
		}
	}
	if pick != nil {
		r.join(pick, e, ctx, fmt.Sprintf("%s: surname of %s, %s", e.Name, pick.firstName(), why))
		return
	}
	// no full name anywhere: single names cluster among themselves by spelling
	k := r.key(e.Type, e.Name)
	if c := r.byKey[k]; c != nil {
		r.join(c, e, ctx, "")
		return
	}
	for _, c := range r.surnameCands(word) {
		if len(names.Words(c.firstName())) == 1 && names.SameWord(names.Words(c.firstName())[0], word) {
			r.join(c, e, ctx, fmt.Sprintf("%s: spelling variant of %s", e.Name, c.firstName()))
			return
		}
	}
	c := &Cluster{Type: e.Type, names: map[string]int{}, context: map[string]bool{}, aliases: map[string]bool{}}
	r.clusters = append(r.clusters, c)
	r.byKey[k] = c
	r.join(c, e, ctx, "")
}

// assignIDs names the clusters new in this batch and gives each an id from its type and name; the
// name is the spelling the cluster was first known by (a full name before a surname, as Add places
// them), or for a country its common name, so that loading articles in one batch or in several gives
// the same names and ids. Clusters that end up with the same id (two people called "Chen" kept apart)
// are numbered in order of first appearance. Every cluster's aliases are all spellings it has.
func (r *Resolver) assignIDs() {
	// only the clusters this batch touched can have new names or spellings; new clusters come in
	// the order they were made
	touched := r.touched
	r.touched = nil
	for _, c := range touched {
		c.touched = false
		if !c.fixed {
			c.Name = c.first
			if c.Type == graph.Place {
				if cn, ok := r.lex.Country(c.Name); ok {
					c.Name = cn
				}
			}
			base := strings.ToLower(string(c.Type)) + ":" + strings.ReplaceAll(names.Fold(c.Name), " ", "-")
			c.ID = base
			for n := 2; r.used[c.ID]; n++ {
				c.ID = fmt.Sprintf("%s-%d", base, n)
			}
			r.used[c.ID] = true
			c.fixed = true
		}
		folded := map[string]bool{names.Fold(c.Name): true}
		var all []string
		for a := range c.aliases {
			all = append(all, a)
		}
		sort.Strings(all)
		c.Aliases = c.Aliases[:0]
		for _, a := range all {
			if k := names.Fold(a); !folded[k] {
				folded[k] = true
				c.Aliases = append(c.Aliases, a)
			}
		}
	}
}

// Of returns the cluster an article's entity belongs to.
func (r *Resolver) Of(e *extract.Entity) *Cluster { return r.of[e] }

// Clusters returns every cluster, in order of first appearance.
func (r *Resolver) Clusters() []*Cluster { return r.clusters }
