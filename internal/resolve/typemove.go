package resolve

import (
	"slices"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// unsignedRead is an entity of this run whose article showed no sign of any type: the type it was
// read as, and the cluster it was filed in when its batch was placed.
type unsignedRead struct {
	article, name string
	read          graph.EntityType
	c             *Cluster
}

// noteUnsigned keeps the batch's entities whose articles show no sign of any type (and that no
// correction names), with the cluster each was filed in, for TypeMoves.
func (r *Resolver) noteUnsigned(items []item) {
	for _, it := range items {
		if len(signsOf(it.e)) > 0 || it.e.MentionCount() == 0 || it.e.Filer || r.fix.isSplit(it.e.Name) {
			continue
		}
		if _, ok := r.fix.target(it.e.Name); ok {
			continue
		}
		if c := r.Of(it.e); c != nil {
			r.unsigned = append(r.unsigned, unsignedRead{article: it.article, name: it.e.Name, read: it.t, c: c})
		}
	}
}

// TypeMove is a set of articles of a stored entity that named it, with no sign of any type, by a
// name that now belongs to a node of another type (TypeMoves): they move there.
type TypeMove struct {
	From, To string
	Name     string           // the name the articles used
	Read     graph.EntityType // the type they read it as
	Articles []string
}

// TypeMoves judges again, on every sign known now, where each entity of this run whose article
// showed no sign of any type belongs, as typeItems would with all of this run's articles in one
// batch: under the type it was read as when a node of its name of that type is signed, else under
// the first type in typeOrder whose node of its name is signed. An entity filed, when its batch was
// placed, in a signed node of another type (a later batch brought the first sign of its own type,
// or of a type earlier in the order) is listed to move there; the load moves its article's mention
// (load's unjoin, with SplitEntity), which a whole-node move (reviseTypes) cannot do, as the node
// it sits in is signed by other articles. Each entity is judged once: the list is then forgotten.
func (r *Resolver) TypeMoves() []TypeMove {
	reads := r.unsigned
	r.unsigned = nil
	byPair := map[[3]string]*TypeMove{}
	for _, u := range reads {
		c := final(u.c)
		if c == nil || c.ID == "" {
			continue
		}
		o := r.typeNow(u)
		if o == nil || o == c || o.ID == "" || o.Type == c.Type {
			continue
		}
		k := [3]string{c.ID, o.ID, u.name + "|" + string(u.read)}
		if byPair[k] == nil {
			byPair[k] = &TypeMove{From: c.ID, To: o.ID, Name: u.name, Read: u.read}
		}
		if !slices.Contains(byPair[k].Articles, u.article) {
			byPair[k].Articles = append(byPair[k].Articles, u.article)
		}
	}
	var out []TypeMove
	for _, m := range byPair {
		sort.Strings(m.Articles)
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.From+"\x00"+a.To+"\x00"+a.Name < b.From+"\x00"+b.To+"\x00"+b.Name
	})
	return out
}

// typeNow is the signed node an unsigned read of a name belongs to now (TypeMoves), or nil.
func (r *Resolver) typeNow(u unsignedRead) *Cluster {
	var first *Cluster
	for _, t := range typeOrder {
		o := r.typed(t, u.name)
		if o == nil || !o.typeSigned || r.fix.isSplit(o.Name) {
			continue
		}
		if t == u.read {
			return o
		}
		if first == nil {
			first = o
		}
	}
	return first
}

// PlanTypeMove is how stored entity from gives the articles of m to stored entity to: the articles
// whose stored mention shows no sign of from's type and no spelling but m's name (an article that
// also named it otherwise, or signed it, stays whole), with their spellings; from keeps the others,
// named from its remaining spellings (PlanSplit's side). ok is false when nothing moves or nothing
// would stay.
func (r *Resolver) PlanTypeMove(from, to graph.Entity, ms []graph.Mention, m TypeMove) (sp graph.Split, ok bool) {
	moving := map[string]bool{}
	for _, a := range m.Articles {
		moving[a] = true
	}
	fn := names.Fold(m.Name)
	rest, used, gone := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var moved []string
	for _, mn := range ms {
		if moving[mn.Article] && mn.Signs != nil && !slices.Contains(mn.Signs, from.Type) && onlyFolds(mn.Names, fn) {
			moved = append(moved, mn.Article)
			for _, n := range mn.Names {
				gone[n] = true
			}
			continue
		}
		for _, n := range mn.Names {
			rest[n], used[n] = true, true
		}
	}
	for _, n := range append([]string{from.Name}, from.Aliases...) {
		if !used[n] && !gone[n] {
			rest[n] = true // a spelling no article's stored spellings show: it stays
		}
	}
	if len(moved) == 0 || len(moved) == len(ms) || len(rest) == 0 {
		return graph.Split{}, false
	}
	var reasons []string
	for _, why := range from.Merges {
		if s, _, found := strings.Cut(why, ":"); !found || rest[strings.TrimSpace(s)] {
			reasons = append(reasons, why)
		}
	}
	part := to
	part.Aliases = slices.Clone(to.Aliases)
	for n := range gone {
		if n != to.Name && !slices.Contains(part.Aliases, n) {
			part.Aliases = append(part.Aliases, n)
		}
	}
	sort.Strings(part.Aliases)
	if why := readAsOther(m.Name, m.Read, to.Type); why != "" && !slices.Contains(to.Merges, why) {
		part.Merges = append(slices.Clone(to.Merges), why)
	}
	sort.Strings(moved)
	return graph.Split{From: from.ID, Part: part, Articles: moved, Rest: r.side(from, rest, reasons, false)}, true
}

// onlyFolds reports whether every spelling folds to f (and there is one).
func onlyFolds(spellings []string, f string) bool {
	for _, s := range spellings {
		if names.Fold(s) != f {
			return false
		}
	}
	return len(spellings) > 0
}
