package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// PlanSplit decides how a stored entity comes apart when a researcher splits spelling x off it
// (kgload split), from the spellings each article used for it (graph.Mention.Names): the articles
// that named it by x (in any case or accents), and otherwise only by parts of x ("Okafor" beside "Ada
// Okafor"), go to a node of their own with their spellings, the others stay, as a load that had
// followed the split from the start would have resolved them. Each side is named from
// its own spellings and given the id its name gives; the side whose id is the stored one stays under
// it, the other moves (to the stored node of the same name, when there is one). The merge reasons
// of x's spellings, and of the spellings joined to x as its variants, are dropped. An article whose
// spellings were not stored stays. ok is false when there is nothing to split: no article named it
// by x alone, or every one did. Call it after Seed.
func (r *Resolver) PlanSplit(e graph.Entity, ms []graph.Mention, x string) (sp graph.Split, ok bool) {
	fx := names.Fold(x)
	isX := func(s string) bool { return names.Fold(s) == fx }
	xs, rest, used := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var xArts, restArts []string
	for _, m := range ms {
		only := len(m.Names) > 0
		for _, n := range fullest(m.Names) {
			only = only && isX(n)
		}
		side, arts := rest, &restArts
		if only {
			side, arts = xs, &xArts
		}
		*arts = append(*arts, m.Article)
		for _, n := range m.Names {
			side[n], used[n] = true, true
		}
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if !isX(n) && !used[n] {
			rest[n] = true // a spelling no article's stored spellings show: it stays
		}
	}
	if len(xArts) == 0 || len(restArts) == 0 || len(rest) == 0 {
		return graph.Split{}, false
	}
	var reasons []string
	for _, why := range e.Merges {
		s, rest, found := strings.Cut(why, ":")
		if t, variant := strings.CutPrefix(strings.TrimSpace(rest), "spelling variant of "); variant {
			if t, _, _ = strings.Cut(t, " ("); isX(t) {
				continue // a spelling joined to x as its variant: x gone, no longer a reason
			}
		}
		if !found || !isX(s) {
			reasons = append(reasons, why)
		}
	}
	xSide := r.side(e, xs, nil, true)
	restSide := r.side(e, rest, reasons, false)
	part, stay, moved := xSide, restSide, xArts
	if xSide.ID == e.ID {
		// x was the stored name: its side keeps the id, and the others' articles move
		xSide, restSide = r.side(e, xs, nil, false), r.side(e, rest, reasons, true)
		part, stay, moved = restSide, xSide, restArts
	}
	sort.Strings(moved)
	return graph.Split{From: e.ID, Part: part, Articles: moved, Rest: stay}, true
}

// fullest is the spellings of an article's mention that are no part of another of them: "Ada Okafor",
// not "Okafor", the short form the article also used, nor "Okafur", a surname the article wrote
// another way (one word that could be the surname of a full name of the article: surnameFits). The
// entity's name in that article is one of them.
func fullest(spellings []string) []string {
	var out []string
	for _, s := range spellings {
		part := false
		for _, t := range spellings {
			part = part || names.Fold(s) != names.Fold(t) && (wordsIn(s, t) || surnameOf(s, t))
		}
		if !part {
			out = append(out, s)
		}
	}
	return out
}

// surnameOf reports whether s is one word that could be the surname of the full name t (surnameFits).
func surnameOf(s, t string) bool {
	ws, wt := names.Words(s), names.Words(t)
	return len(ws) == 1 && len(wt) >= 2 && surnameFits(wt[len(wt)-1], ws[0])
}

// wordsIn reports whether every word of s is a word of t.
func wordsIn(s, t string) bool {
	ws := map[string]bool{}
	for _, w := range names.Words(t) {
		ws[w] = true
	}
	for _, w := range names.Words(s) {
		if !ws[w] {
			return false
		}
	}
	return true
}

// side is one side of a split entity: its spellings, named and given an id as resolution would.
// The side that moves (join) joins a stored node of that id, type and name; the side that stays is
// numbered past one, as it replaces the spellings of the node it is written to.
func (r *Resolver) side(e graph.Entity, spellings map[string]bool, reasons []string, join bool) graph.Entity {
	c := &Cluster{Type: e.Type, aliases: map[string]bool{}, names: map[string]int{}}
	partial := e.Type == graph.Person
	for s := range spellings {
		c.aliases[s] = true
		partial = partial && len(names.Words(s)) < 2
	}
	c.Partial = partial
	c.Name = r.bestName(c)
	out := graph.Entity{ID: r.sideID(e, c, join), Type: e.Type, Name: c.Name, Merges: reasons}
	for s := range spellings {
		if s != out.Name {
			out.Aliases = append(out.Aliases, s)
		}
	}
	sort.Strings(out.Aliases)
	return out
}

// sideID is the id a side of stored entity e named as c takes: e's own when its name gives it, else
// the id its name gives, numbered past the ids of other entities (unless join and the entity is
// one of c's type and name).
func (r *Resolver) sideID(e graph.Entity, c *Cluster, join bool) string {
	base := idBase(c)
	if ownsBase(e.ID, base) {
		return e.ID
	}
	self := final(r.byID[e.ID])
	for id, n := base, 2; ; id, n = fmt.Sprintf("%s-%d", base, n), n+1 {
		o := final(r.used[id])
		if o == nil || o == self || join && o.Type == c.Type && names.Fold(o.Name) == names.Fold(c.Name) {
			return id
		}
	}
}

// Unjoin is a spelling joined to a stored entity on evidence that no longer holds (Doubtful).
type Unjoin struct {
	Entity   string
	Spelling string
}

// Doubtful lists the surname upgrades a second namesake has since made doubtful: a spelling that
// joined a person as its surname, "the one full name known with it", while another person known now
// has a full name ending in that word. Had both been known when the surname came, it would have
// stayed a partial node; a load splits it off again (load's unjoin, as kgload split does), so that
// the order the namesakes came in does not decide. A researcher's forced merge is never doubtful.
func (r *Resolver) Doubtful() []Unjoin {
	return r.doubtfulReasons(func(c *Cluster) bool { return c.Type == graph.Person && !c.Partial },
		func(c *Cluster, spelling, why string) bool {
			ws := names.Words(spelling)
			return strings.HasPrefix(why, "surname of ") && len(ws) == 1 && !r.fix.isSplit(spelling) && r.namesakes(c, ws[0]) > 0
		})
}

// doubtfulReasons lists, sorted by entity and spelling, the spellings joined to the clusters keep
// selects whose merge reason (the words after "spelling: ") doubt finds doubtful now.
func (r *Resolver) doubtfulReasons(keep func(*Cluster) bool, doubt func(c *Cluster, spelling, why string) bool) []Unjoin {
	var out []Unjoin
	for _, c := range r.clusters {
		if c.into != nil || c.ID == "" || !keep(c) {
			continue
		}
		for _, reason := range c.Reasons {
			if spelling, why, ok := strings.Cut(reason, ": "); ok && doubt(c, spelling, why) {
				out = append(out, Unjoin{Entity: c.ID, Spelling: spelling})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Entity != out[j].Entity {
			return out[i].Entity < out[j].Entity
		}
		return out[i].Spelling < out[j].Spelling
	})
	return out
}

// namesakes counts the people other than c with a full name whose last word a surname alone could
// be (surnameFits), as revise counts its candidates.
func (r *Resolver) namesakes(c *Cluster, word string) int {
	n := 0
	for _, o := range r.surnameCands(word) {
		if o == c || o.Type != graph.Person || o.Partial {
			continue
		}
		for a := range o.aliases {
			if ts := names.Words(a); len(ts) >= 2 && surnameFits(ts[len(ts)-1], word) {
				n++
				break
			}
		}
	}
	return n
}

// Reseed forgets every cluster and seeds the resolver again with what a store holds now (after a
// split made outside it).
func (r *Resolver) Reseed(es []graph.Entity) {
	fix := r.fix
	*r = *New(r.lex)
	r.fix = fix
	r.Seed(es)
}
