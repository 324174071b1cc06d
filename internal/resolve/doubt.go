package resolve

import (
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// VariantMerged lists the ids of the people joined from two spellings of one name (a "spelling
// variant of" reason), whose merge DoubtfulVariant judges, in id order.
func (r *Resolver) VariantMerged() []string {
	var out []string
	for _, c := range r.clusters {
		if c.into != nil || c.Type != graph.Person || c.Partial || c.ID == "" {
			continue
		}
		for _, why := range c.Reasons {
			if _, rest, ok := strings.Cut(why, ": "); ok && strings.HasPrefix(rest, "spelling variant of ") {
				out = append(out, c.ID)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// spellingPart is the articles of a stored person that named it by one full spelling (or by
// spellings one article used together), with the evidence they gave (as evidenceOf reads it).
type spellingPart struct {
	spellings map[string]bool // folded
	shown     []string        // as written
	evidence  map[string]bool // "with:organisation:…", "with:place:…", "post:…"
}

// DoubtfulVariant judges the spelling-variant merges of a stored person (id) on everything known now,
// with the spelling rule of revise applied to each of its spellings apart: the articles that named
// it by one full spelling (ms: its stored mentions with the spellings each article used) are one
// part, with the evidence those articles gave (post words, organisations, places: what revise
// reads, by article), and a part's candidates are the other parts and the other people known with
// a full name one transliteration apart and two things of that evidence in common. The merges are
// doubtful when a part has a candidate outside the person (a third person with a variant of the
// name and shared evidence), or two candidates: had all been known at once, they would not each
// have been the other's only candidate, and revise would have merged none of them. It returns the
// reason and the spellings to split off (every part but the one holding the person's name, each of
// one spelling), or none. A person one of whose spellings a researcher's forced merge names is
// never doubtful.
func (r *Resolver) DoubtfulVariant(id string, ms []graph.Mention) (string, []string) {
	c := final(r.byID[id])
	if c == nil || c.Type != graph.Person {
		return "", nil
	}
	parts := r.spellingParts(c, ms)
	if len(parts) < 2 {
		return "", nil
	}
	for _, p := range parts {
		for _, s := range p.shown {
			if r.fix.forced(s) {
				return "", nil // a researcher's forced merge is never doubtful
			}
		}
	}
	why := r.doubt(c, parts)
	if why == "" {
		return "", nil
	}
	var split []string
	name := names.Fold(c.Name)
	for _, p := range parts {
		if len(p.spellings) == 1 && !p.spellings[name] && !r.fix.isSplit(p.shown[0]) {
			split = append(split, p.shown[0])
		}
	}
	sort.Strings(split)
	return why, split
}

// doubt is why the parts of a variant-merged person would not all have been merged had they been
// known at once: a part with a candidate outside the person, or with two candidates; "" when
// there is no such part.
func (r *Resolver) doubt(c *Cluster, parts []*spellingPart) string {
	for i, p := range parts {
		if o := r.outsideCandidate(c, p); o != nil {
			return p.shown[0] + " is also a spelling variant of " + o.Name + ", with evidence in common"
		}
		var in []int
		for j, q := range parts {
			if i != j && partsVariant(p, q) {
				in = append(in, j)
			}
		}
		if len(in) >= 2 {
			return p.shown[0] + " is a spelling variant of both " + parts[in[0]].shown[0] + " and " + parts[in[1]].shown[0] +
				", with evidence in common with each"
		}
	}
	return ""
}

// spellingParts groups a person's stored articles by the full spellings each used (fullest, two
// words or more): articles that used two spellings together join their parts. Articles that named
// it by one word alone belong to no part.
func (r *Resolver) spellingParts(c *Cluster, ms []graph.Mention) []*spellingPart {
	of := map[string]*spellingPart{}
	var parts []*spellingPart
	for _, m := range ms {
		var p *spellingPart
		for _, n := range fullest(m.Names) {
			if len(names.Words(n)) < 2 {
				continue
			}
			f := names.Fold(n)
			q := of[f]
			switch {
			case q == nil && p == nil:
				p = &spellingPart{spellings: map[string]bool{}, evidence: map[string]bool{}}
				parts = append(parts, p)
			case q != nil && p == nil:
				p = q
			case q != nil && q != p:
				for s := range q.spellings {
					of[s] = p
					p.spellings[s] = true
				}
				p.shown = append(p.shown, q.shown...)
				for k := range q.evidence {
					p.evidence[k] = true
				}
				q.spellings = nil // merged away
			}
			if !p.spellings[f] {
				p.spellings[f] = true
				p.shown = append(p.shown, n)
			}
			of[f] = p
		}
		if p != nil {
			for k := range c.evidenceIn[m.Article] {
				p.evidence[r.canon(k)] = true
			}
		}
	}
	out := parts[:0]
	for _, p := range parts {
		if p.spellings != nil {
			sort.Strings(p.shown)
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].shown[0] < out[j].shown[0] })
	return out
}

// partsVariant reports whether two parts are each other's candidates: a spelling of each one
// written two ways, and two things of their evidence in common.
func partsVariant(p, q *spellingPart) bool {
	return len(shared(p.evidence, q.evidence, true)) >= 2 && spellingsVariant(p.shown, q.shown)
}

func spellingsVariant(as, bs []string) bool {
	for _, x := range as {
		for _, y := range bs {
			if _, ok := spellingVariant(names.Words(x), names.Words(y)); ok {
				return true
			}
		}
	}
	return false
}

// outsideCandidate is a person other than c that part p could be as revise reads candidates: a full
// name one transliteration apart from a spelling of p and two things of evidence in common with
// p's articles; nil when there is none.
func (r *Resolver) outsideCandidate(c *Cluster, p *spellingPart) *Cluster {
	for _, s := range p.shown {
		ws := names.Words(s)
		for _, o := range r.surnameCands(ws[len(ws)-1]) {
			if o == c || o.Type != graph.Person || o.Partial || r.fix.isSplit(o.Name) {
				continue
			}
			var os []string
			for a := range o.aliases {
				os = append(os, a)
			}
			if spellingsVariant(p.shown, os) && len(shared(p.evidence, r.evidenceOf(o), true)) >= 2 {
				return o
			}
		}
	}
	return nil
}
