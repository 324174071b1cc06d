package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// An organisation's short form ("VTC" after "Velmora Trade Council (VTC)", "Korvath" after "Banque
// Korvath") is a spelling an article writes beside the organisation's fuller name. Which
// organisation a short form used alone in another article names is decided on every claim known,
// not on which article came first (an article naming "VTC" alone before the one that wrote it out
// used to make a node of its own, one after it joined the organisation):
//
//   - an organisation claims a short form when it holds it beside a fuller spelling of which it
//     is an acronym ("VTC", "Vtc"), or a part with a word that is no English word, place or
//     nationality ("Korvath", "Ostrevar Air"); a generic phrase ("Finance Ministry" after
//     "Velmoran Finance Ministry", "Farm Bureau") is claimed by none, as many bodies share it;
//   - a node whose spellings are all one short form joins the one organisation that claims it
//     (reviseShortForms, Revise), and later articles naming it so alone follow it there;
//   - when two or more organisations claim it ("VTC" for a council and a cooperative), it names none: the
//     articles that named one of them by it alone go back to a node of their own
//     (DoubtfulShortForms, load's unjoin, as the surname of two namesakes does).
//
// A short form leads nowhere while it is placed (place keys an organisation's other spellings but
// its short forms), so the node its articles make is the same whatever came first.

// shortOf reports whether organisation spelling s is a short form of spelling t: fewer words, all
// of them words of t ("Korvath", "Finance Ministry"), or one word that is t's initials (acronym) or
// is written in capitals as initials are ("OVGT" beside "Velmoran Grain Board": initials of words
// t does not give, which no one claims).
func (r *Resolver) shortOf(s, t string) bool {
	ws, wt := names.Tokens(s), names.Tokens(t)
	if len(wt) < 2 || len(ws) == 0 {
		return false
	}
	if len(ws) < len(wt) && wordsIn(s, t) {
		return true
	}
	return len(strings.Fields(s)) == 1 && (r.acronym(s, t) || capitals(s))
}

// capitals reports whether a word is written in capitals, two letters or more ("OVGT", "V.T.C.").
func capitals(s string) bool {
	n := 0
	for _, c := range s {
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c != '.' && c != '&' && (c < '0' || c > '9'):
			return false
		}
	}
	return n >= 2
}

// claims reports whether a short form s written beside t leads articles naming s alone to t's
// organisation: an acronym of t, or a part of it with a word that is no English word, place or
// nationality (not a generic phrase many bodies share).
func (r *Resolver) claims(s, t string) bool {
	if !r.shortOf(s, t) || commonWord(s) {
		return false
	}
	if len(strings.Fields(s)) == 1 && r.acronym(s, t) {
		return true
	}
	if !wordsIn(s, t) {
		return false // capitals that are not t's initials
	}
	for _, w := range names.Tokens(s) {
		if len(w) < 3 || lexicon.IsEnglishWord(w) || lexicon.IsFunctionWord(w) || lexicon.IsLegalForm(w) {
			continue
		}
		if _, ok := r.lex.Place(w); ok {
			continue
		}
		if _, ok := r.lex.Demonym(w); ok {
			continue
		}
		return true
	}
	return false
}

// acronym reports whether one word s is the initials of t's words, or of their opening letters
// ("VDSA" of "Velmora de Sarn SA"), two words of t at least giving letters; function words,
// legal forms, places and nationalities may give none ("VTC" of "Lisbon Velmora Trade
// Council").
func (r *Resolver) acronym(s, t string) bool {
	letters := strings.ReplaceAll(names.Fold(s), " ", "")
	words := names.Tokens(t)
	if len(letters) < 2 || len(words) < 2 {
		return false
	}
	optional := make([]bool, len(words))
	for i, w := range words {
		_, place := r.lex.Place(w)
		_, nationality := r.lex.Demonym(w)
		optional[i] = lexicon.IsFunctionWord(w) || lexicon.IsLegalForm(w) || place || nationality
	}
	var match func(i, j, given int) bool
	match = func(i, j, given int) bool {
		if j == len(words) {
			return i == len(letters) && given >= 2
		}
		if optional[j] && match(i, j+1, given) {
			return true
		}
		w := words[j]
		for k := 1; k <= len(w) && i+k <= len(letters) && letters[i+k-1] == w[k-1]; k++ {
			if match(i+k, j+1, given+1) {
				return true
			}
		}
		return false
	}
	return match(0, 0, 0)
}

// shortOfAny reports whether a spelling is a short form of another of the given spellings.
func (r *Resolver) shortOfAny(s string, all []string) bool {
	for _, t := range all {
		if t != s && r.shortOf(s, t) {
			return true
		}
	}
	return false
}

// claimant reports whether organisation c claims the short form keyed k: it holds a spelling under
// k beside a fuller spelling that spelling leads to (claims).
func (r *Resolver) claimant(c *Cluster, k string) bool {
	for s := range c.aliases {
		if r.key(graph.Organisation, s) != k {
			continue
		}
		for t := range c.aliases {
			if t != s && r.claims(s, t) {
				return true
			}
		}
	}
	return false
}

// claimants lists the organisations other than n, as they are now, that claim the short form
// keyed k, in id order.
func (r *Resolver) claimants(k string, n *Cluster) []*Cluster {
	var out []*Cluster
	seen := map[*Cluster]bool{n: true}
	for _, c := range r.keyed[k] {
		c = final(c)
		if seen[c] || c.Type != graph.Organisation {
			continue
		}
		seen[c] = true
		if r.claimant(c, k) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// shortNode reports the key of a node whose spellings all fall under one key and that another
// organisation may claim: an organisation made of articles that named it by a short form alone.
func (r *Resolver) shortNode(n *Cluster) (string, bool) {
	if n.into != nil || n.Type != graph.Organisation || n.ID == "" || r.fix.isSplit(n.Name) {
		return "", false
	}
	k := r.key(graph.Organisation, n.Name)
	if len(r.keyed[k]) < 2 {
		return "", false // no other organisation holds the spelling
	}
	for s := range n.aliases {
		if r.key(graph.Organisation, s) != k || r.fix.forced(s) {
			return "", false
		}
	}
	return k, true
}

// reviseShortForms joins each node made of a short form alone to the one organisation that claims
// it (Revise).
func (r *Resolver) reviseShortForms() {
	for _, n := range r.clusters {
		k, ok := r.shortNode(n)
		if !ok {
			continue
		}
		if cs := r.claimants(k, n); len(cs) == 1 {
			why := fmt.Sprintf("%s: %s%s, written beside it in an article", n.Name, shortFormOf, cs[0].Name)
			r.absorb(cs[0], n, why)
			if !containsString(cs[0].Reasons, why) {
				// kept beside another reason of the spelling ("read as a person"): what
				// DoubtfulShortForms reads
				cs[0].Reasons = append(cs[0].Reasons, why)
			}
		}
	}
}

// shortFormOf opens the reason a short form joined its organisation with (after the spelling).
const shortFormOf = "short form of "

// DoubtfulShortForms lists the short forms joined to an organisation as the one that claims them
// that another organisation known now claims too (a second claimant came in a later batch or run):
// had both been known, the articles naming the short form alone would have stayed a node of their
// own, and a load splits them off again (load's unjoin, as kgload split does). A researcher's
// forced merge is never doubtful.
func (r *Resolver) DoubtfulShortForms() []Unjoin {
	return r.doubtfulReasons(func(c *Cluster) bool { return c.Type == graph.Organisation },
		func(_ *Cluster, spelling, why string) bool {
			return strings.HasPrefix(why, shortFormOf) && !r.fix.forced(spelling) && !r.fix.isSplit(spelling) &&
				len(r.claimants(r.key(graph.Organisation, spelling), nil)) >= 2
		})
}

// onlyShort reports whether organisation c holds the spellings keyed k only as short forms of its
// other spellings.
func (r *Resolver) onlyShort(c *Cluster, k string) bool {
	if c.Type != graph.Organisation {
		return false
	}
	var all []string
	for s := range c.aliases {
		all = append(all, s)
	}
	for _, s := range all {
		if r.key(graph.Organisation, s) == k && !r.shortOfAny(s, all) {
			return false
		}
	}
	return true
}
