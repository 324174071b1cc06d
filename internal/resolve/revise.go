package resolve

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// Merge is a merge of written entities that resolution decided after they were written: the
// entities From, held by the store, are now part of Into (graph.EntityMerger does it).
type Merge struct {
	Into graph.Entity
	From []string
}

type pendingMerge struct {
	into *Cluster
	from string
}

// final follows a cluster's merges to the cluster that holds it now.
func final(c *Cluster) *Cluster {
	for c != nil && c.into != nil {
		c = c.into
	}
	return c
}

// lookup is the cluster a key leads to, after merges.
func (r *Resolver) lookup(k string) *Cluster { return final(r.byKey[k]) }

// learnDocs records the evidence that outlives the batch from its resolved articles, exactly as
// LearnStored reads it back from a store that holds them: each person named in an article is "with"
// every organisation and place named there, and the titles of its posts give it post words, in
// all and by article.
func (r *Resolver) learnDocs(docs []*extract.Doc) {
	for _, d := range docs {
		var in []*Cluster
		seen := map[*Cluster]bool{}
		for _, e := range d.Entities {
			if c := r.Of(e); c != nil && e.MentionCount() > 0 && !e.Filer && !seen[c] {
				seen[c] = true
				in = append(in, c)
			}
		}
		r.learnArticle(d.Article.ID, in)
		for _, rel := range d.Relations {
			from, to := r.Of(rel.From), r.Of(rel.To)
			if rel.Type == graph.HoldsPost && from != nil && to != nil && from != to && fits(rel.Type, from.Type, to.Type) {
				learnPost(from, rel.Title, d.Article.ID)
			}
		}
	}
}

// LearnStored records the evidence a store holds (graph.EntityMerger's Evidence) for the entities
// Seed made known: the mentions, and the posts with the articles of their facts.
func (r *Resolver) LearnStored(ms []graph.Mention, posts []graph.Relation) {
	r.learnSigns(ms)
	byArticle := map[string][]*Cluster{}
	var order []string
	for _, m := range ms {
		c := final(r.byID[m.Entity])
		if c == nil {
			continue
		}
		if byArticle[m.Article] == nil {
			order = append(order, m.Article)
		}
		byArticle[m.Article] = append(byArticle[m.Article], c)
	}
	for _, a := range order {
		r.learnArticle(a, byArticle[a])
	}
	for _, p := range posts {
		c := final(r.byID[p.From])
		if c == nil || p.Type != graph.HoldsPost {
			continue
		}
		learnPost(c, p.Title, "")
		for _, f := range p.Facts {
			learnPost(c, p.Title, f.Article)
		}
	}
}

func (r *Resolver) learnArticle(article string, in []*Cluster) {
	for _, p := range in {
		if p.Type != graph.Person {
			continue
		}
		for _, o := range in {
			if o.Type != graph.Person && o.ID != "" {
				if p.evidence == nil {
					p.evidence = map[string]bool{}
				}
				k := "with:" + r.ref(o)
				p.evidence[k] = true
				// by article too: a spelling's own evidence, should its merge be doubted (DoubtfulVariant)
				p.learnIn(article, k)
			}
		}
	}
}

// learnIn records a piece of evidence an article gave.
func (c *Cluster) learnIn(article, k string) {
	if c.evidenceIn == nil {
		c.evidenceIn = map[string]map[string]bool{}
	}
	if c.evidenceIn[article] == nil {
		c.evidenceIn[article] = map[string]bool{}
	}
	c.evidenceIn[article][k] = true
}

// learnPost records the post words of a title, given by an article (none: not known by article).
func learnPost(c *Cluster, title, article string) {
	for _, w := range names.Tokens(title) {
		if lexicon.IsPostWord(w) {
			if c.postWords == nil {
				c.postWords = map[string]bool{}
			}
			c.postWords[w] = true
			if article != "" {
				c.learnIn(article, "post:"+w)
			}
		}
	}
}

// ref is how evidence names an entity: its type and a number the resolver gives each cluster once
// ("organisation:#12"), not its id, which changes with its name and may pass to another entity of
// that name (setID).
func (r *Resolver) ref(c *Cluster) string {
	n, ok := r.serial[c]
	if !ok {
		if r.serial == nil {
			r.serial = map[*Cluster]int{}
		}
		n = len(r.bySerial)
		r.serial[c] = n
		r.bySerial = append(r.bySerial, c)
	}
	return strings.ToLower(string(c.Type)) + ":#" + strconv.Itoa(n)
}

// refCluster is the cluster that holds now the entity a piece of evidence ("with:…") names, or nil.
func (r *Resolver) refCluster(k string) *Cluster {
	_, n, ok := strings.Cut(k, "#")
	if !ok {
		return nil
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= len(r.bySerial) {
		return nil
	}
	return final(r.bySerial[i])
}

// canon is a piece of evidence under the entity that holds it now: "with:" an organisation or place
// merged into another since it was learned reads as the one it joined, so evidence learned in an
// earlier batch meets evidence learned later as it would have in one batch.
func (r *Resolver) canon(k string) string {
	if !strings.HasPrefix(k, "with:") {
		return k
	}
	if c := r.refCluster(k); c != nil {
		return "with:" + r.ref(c)
	}
	return k
}

// evidenceOf is a cluster's lasting evidence, every entity under the id it has now: "post:" words,
// "with:" organisations and places.
func (r *Resolver) evidenceOf(c *Cluster) map[string]bool {
	out := make(map[string]bool, len(c.evidence)+len(c.postWords))
	for k := range c.evidence {
		out[r.canon(k)] = true
	}
	for w := range c.postWords {
		out["post:"+w] = true
	}
	return out
}

// sharedEvidence lists, in sorted order, what two clusters' lasting evidence has in common that
// speaks for one person: the post words of their posts and the organisations named with them, and
// with places the places named with them too. A surname alone is judged without places: two
// namesakes named with London or Ireland are common, and one place is no evidence; two spellings of
// one full name need two things in common, which may be places ("Anatoli Serebrensky" and
// "Anatoly Serebrenskiy", both with the Mountain Rescue League and Lisbon).
func (r *Resolver) sharedEvidence(a, b *Cluster, places bool) []string {
	var out []string
	for _, k := range shared(r.evidenceOf(a), r.evidenceOf(b), places) {
		if w, ok := strings.CutPrefix(k, "post:"); ok {
			out = append(out, "both called "+w)
		} else if c := r.refCluster(k); c != nil {
			out = append(out, "both with "+c.ID)
		}
	}
	sort.Strings(out)
	return out
}

// shared lists what two sets of evidence (evidenceOf) have in common that speaks for one person
// (see sharedEvidence).
func shared(a, b map[string]bool, places bool) []string {
	var out []string
	for k := range a {
		if b[k] && (strings.HasPrefix(k, "post:") || strings.HasPrefix(k, "with:organisation:") ||
			places && strings.HasPrefix(k, "with:place:")) {
			out = append(out, k)
		}
	}
	return out
}

// Revise merges clusters whose evidence, lasting across batches, now joins them, whichever batch
// each came from. It runs after every batch (Add) and after Seed and LearnStored; the rules of a
// batch make none of these merges themselves, so that what a run decides does not depend on where
// batches begin and end, nor on which one came first:
//
//   - a person's full name written another way joins it when the differing words are long and no
//     English word (spellingVariant), the two share two things (post words, organisations,
//     places), and each is the other's one such candidate;
//   - then a node none of whose articles shows a sign of its type joins the node of its name of
//     another type (reviseTypes): the first in the order place, organisation, person with signs,
//     or, when no type of the name has any, one earlier in that order;
//   - then a partial node whose word is no English word joins the one person with a full name ending in it
//     (the same, or a long non-English transliteration of it) when that name ends in the very word
//     (no transliteration: "Sacha" is not "Arrigo Sacchi"), a name that opens like a person's
//     (opensLikeName), and they share a post word or an
//     organisation; with two or more such people it stays partial;
//   - a researcher's forced merge joins the stored entities of its two spellings (ApplyCorrections).
//
// Merges of clusters already written are kept for the store (Merges).
func (r *Resolver) Revise() { r.revise(r.clusters) }

// revise is Revise for the spelling variants of the given clusters (those a batch touched) and
// every partial node.
func (r *Resolver) revise(people []*Cluster) {
	for _, c := range people {
		if c.into != nil || c.Partial || c.Type != graph.Person || r.fix.isSplit(c.Name) {
			continue
		}
		// one person it can be, and that person can be only this one
		cs := r.variantCands(c)
		if len(cs) != 1 || len(r.variantCands(cs[0])) != 1 {
			continue
		}
		into, from := c, cs[0]
		if from.ID < into.ID {
			into, from = from, into
		}
		d, _ := variantPair(into, from)
		why := d + "; " + strings.Join(r.sharedEvidence(into, from, true)[:2], ", ") // the two it needs
		r.absorb(into, from, fmt.Sprintf("%s: spelling variant of %s (%s)", from.Name, into.Name, why))
	}
	r.reviseTypes()
	r.reviseShortForms()
	for _, p := range r.clusters {
		if p.into != nil || !p.Partial || p.Type != graph.Person || r.fix.isSplit(p.Name) {
			continue
		}
		if c := r.surnameOf(p); c != nil {
			// the reason names no evidence: what is known when the two join depends on batching
			r.absorb(c, p, fmt.Sprintf("%s: surname of %s, the one full name known with it, sharing a title, organisation, place or post",
				p.Name, c.Name))
		}
	}
}

// surnameOf is the one person a partial node is the surname of, on the lasting evidence (Revise),
// or nil.
func (r *Resolver) surnameOf(p *Cluster) *Cluster {
	ws := names.Words(p.Name)
	if len(ws) == 0 {
		return nil
	}
	word := ws[len(ws)-1]
	if lexicon.IsEnglishWord(word) || utf8.RuneCountInString(word) < 2 {
		return nil // "Wharf", "Overseas", "C": a word or a letter, not a surname, across a whole store
	}
	var cands []*Cluster
	for _, c := range r.surnameCands(word) {
		if c == p || c.Type != graph.Person || c.Partial {
			continue
		}
		for n := range c.aliases {
			if ts := names.Words(n); len(ts) >= 2 && surnameFits(ts[len(ts)-1], word) && r.opensLikeName(ts[0]) {
				cands = append(cands, c)
				break
			}
		}
	}
	if len(cands) != 1 || !endsIn(cands[0], word) || len(r.sharedEvidence(p, cands[0], false)) == 0 {
		return nil
	}
	return cands[0]
}

// opensLikeName reports whether a name's first word may open a person's full name: a given name, an
// initial, or a word that is neither an English word nor a nationality. "Injured Varnow" or "Energy
// Subroto" are no person's full name a surname alone could lead to.
func (r *Resolver) opensLikeName(w string) bool {
	if lexicon.IsGivenName(title(w)) {
		return true
	}
	if _, ok := r.lex.Demonym(w); ok {
		return false
	}
	return !lexicon.IsEnglishWord(w)
}

// title is a folded word with its first letter in capitals, as given names are listed.
func title(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// endsIn reports whether a full name of c ends in the word.
func endsIn(c *Cluster, word string) bool {
	for n := range c.aliases {
		if ts := names.Words(n); len(ts) >= 2 && ts[len(ts)-1] == word {
			return true
		}
	}
	return false
}

// variantCands lists the other people with a full name that is one of c's written another way and
// lasting evidence in common with c.
func (r *Resolver) variantCands(c *Cluster) []*Cluster {
	var out []*Cluster
	seen := map[*Cluster]bool{c: true}
	var ec map[string]bool // c's evidence, read once there is a candidate
	for n := range c.aliases {
		ws := names.Words(n)
		if len(ws) < 2 {
			continue
		}
		for _, o := range r.surnameCands(ws[len(ws)-1]) {
			if seen[o] || o.Type != graph.Person || o.Partial || r.fix.isSplit(o.Name) {
				continue
			}
			seen[o] = true
			if ec == nil {
				ec = r.evidenceOf(c)
			}
			if len(shared(ec, r.evidenceOf(o), true)) >= 2 && isVariant(c, o) {
				out = append(out, o)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// isVariant reports whether two clusters have full names that are one written two ways.
func isVariant(a, b *Cluster) bool {
	for x := range a.aliases {
		wx := names.Words(x)
		if len(wx) < 2 {
			continue
		}
		for y := range b.aliases {
			if _, ok := spellingVariant(wx, names.Words(y)); ok {
				return true
			}
		}
	}
	return false
}

// variantPair reports whether two clusters have full names that are one written two ways, and how.
func variantPair(a, b *Cluster) (string, bool) {
	var as, bs []string
	for n := range a.aliases {
		as = append(as, n)
	}
	for n := range b.aliases {
		bs = append(bs, n)
	}
	sort.Strings(as)
	sort.Strings(bs)
	for _, x := range as {
		wx := names.Words(x)
		if len(wx) < 2 {
			continue
		}
		for _, y := range bs {
			if d, ok := spellingVariant(wx, names.Words(y)); ok {
				return strings.Join(d, ", "), true
			}
		}
	}
	return "", false
}

// ApplyCorrections joins stored entities as the researcher's forced merges say: the entity holding
// the second spelling joins the one holding the first, when each spelling belongs to exactly one.
// Call it after Seed.
func (r *Resolver) ApplyCorrections() {
	if r.fix == nil {
		return
	}
	holders := func(folded string) []*Cluster {
		var out []*Cluster
		for _, c := range r.clusters {
			if c.into != nil {
				continue
			}
			for a := range c.aliases {
				if names.Fold(a) == folded {
					out = append(out, c)
					break
				}
			}
		}
		return out
	}
	var bs []string
	for b := range r.fix.merge {
		bs = append(bs, b)
	}
	sort.Strings(bs)
	for _, b := range bs {
		a := r.fix.merge[b]
		ca, cb := holders(a), holders(b)
		if len(ca) != 1 || len(cb) != 1 || ca[0] == cb[0] {
			continue
		}
		spelled := b
		for s := range cb[0].aliases {
			if names.Fold(s) == b {
				spelled = s
			}
		}
		r.absorb(ca[0], cb[0], fmt.Sprintf("%s: merged with %s by a correction (kgload merge)", spelled, ca[0].Name))
	}
}

// absorb merges cluster p into c: its spellings, reasons and evidence become c's, and c is named
// (and its id set) from the spellings of both. A written p is kept for the store to merge. An empty
// reason adds none.
func (r *Resolver) absorb(c, p *Cluster, reason string) {
	p.into = c
	c.typeSigned = c.typeSigned || p.typeSigned && p.Type == c.Type
	for n, k := range p.names {
		r.addName(c, n)
		c.names[n] += k - 1
	}
	for a := range p.aliases {
		c.aliases[a] = true
		r.index(c, a)
	}
	for _, why := range p.Reasons {
		if !containsString(c.Reasons, why) {
			c.Reasons = append(c.Reasons, why)
		}
	}
	if reason != "" && !c.hasReasonFor(p.Name) {
		c.Reasons = append(c.Reasons, reason)
	}
	for k := range p.evidence {
		if c.evidence == nil {
			c.evidence = map[string]bool{}
		}
		c.evidence[k] = true
	}
	for a, ks := range p.evidenceIn {
		for k := range ks {
			c.learnIn(a, k)
		}
	}
	for k := range p.postWords {
		if c.postWords == nil {
			c.postWords = map[string]bool{}
		}
		c.postWords[k] = true
	}
	if p.Partial && c.Type != graph.Person {
		// a word joined to an organisation as no person: the next article naming it alone as a
		// person makes a partial node again (one joined to a full name leads there, see placeSingle)
		if k := "partial|" + names.Fold(p.Name); r.byKey[k] == p {
			delete(r.byKey, k)
		}
	}
	r.settle(c)
	if p.written {
		r.pending = append(r.pending, pendingMerge{into: c, from: p.ID})
	}
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Merges returns the merges of written entities decided since the last call, for the store, each
// into the entity as it is now. A merge into an id that another merge takes away (the id of a
// person merged away, given to another: taken) comes after that one.
func (r *Resolver) Merges() []Merge {
	out := r.merges()
	from := map[string]bool{}
	for _, m := range out {
		for _, id := range m.From {
			if id != m.Into.ID {
				from[id] = true
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return !from[out[i].Into.ID] && from[out[j].Into.ID] })
	return out
}

// merges is Merges in the order they were decided.
func (r *Resolver) merges() []Merge {
	var out []Merge
	at := map[*Cluster]int{}
	for _, p := range r.pending {
		c := final(p.into)
		i, ok := at[c]
		if !ok {
			i = len(out)
			at[c] = i
			out = append(out, Merge{Into: graph.Entity{ID: c.ID, Name: c.Name, Type: c.Type,
				Aliases: append([]string(nil), c.Aliases...), Merges: append([]string(nil), c.Reasons...)}})
		}
		out[i].From = append(out[i].From, p.from)
	}
	r.pending = nil
	return out
}
