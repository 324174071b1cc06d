// Package resolve decides which entities of different articles are one real entity, gives each a
// corpus-wide id that is the same in every run, and turns extracted articles into a graph.Batch.
package resolve

import (
	"fmt"
	"slices"
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
	first   string         // the spelling it was first known by: its name, unless a country's common name
	touched bool           // joined by an entity of the batch being added
	aliases map[string]bool
	// Partial marks a person known only by a surname or a title and surname, whose own article gives
	// no full name and whose evidence supports no full name: a node of its own.
	Partial bool
	// evidence and postWords are the evidence that outlives a batch, read from what is written (see
	// learnDocs): "with:" each organisation and place named in the articles naming a person (by
	// the number the resolver gives its cluster, ref, not its id), and the post words of the titles
	// of its posts. The store holds the same, so a run
	// that starts from the store knows what a run that wrote it knew.
	evidence  map[string]bool
	postWords map[string]bool
	// evidenceIn is the same evidence by article: article id → the "with:" organisations and places
	// named in it and the "post:" words of the posts it gave, should a spelling's merge be doubted
	// (DoubtfulVariant)
	evidenceIn map[string]map[string]bool
	into       *Cluster // the cluster this one was merged into after it was made (see revise)
	// typeSigned: an article naming it showed a sign of its type (Signs), in this run or as the store
	// keeps it with each mention (LearnStored; a stored entity counts as signed until then). One with
	// none joins the same name of another type (see types.go).
	typeSigned bool
	written    bool // written in an earlier batch or held by the store: merging it is a store merge
}

// Resolver clusters entities across articles.
type Resolver struct {
	lex      *lexicon.Lexicon
	clusters []*Cluster
	byKey    map[string]*Cluster
	// keyed lists, under each key, the organisations and places with a spelling of that key
	// (whether or not the key leads to them): the nodes of another type a name may join (typed)
	keyed map[string][]*Cluster
	of    map[*extract.Entity]*Cluster
	// bySurname indexes person clusters by the spelling key (wordKey) of the last word of each of
	// their names, so that matching looks at a handful of clusters, not all of them.
	bySurname   map[string][]*Cluster
	used        map[string]*Cluster // ids given out, to the cluster given each
	touched     []*Cluster          // clusters the batch being added joined, in order of first touch
	fix         *Corrections        // a researcher's forced merges and splits
	byID        map[string]*Cluster // clusters by id, once they have one
	pending     []pendingMerge      // written clusters merged into others, for the store
	unwritten   []*Cluster          // clusters given an id in the last batch, written with it
	lastTouched []*Cluster          // the clusters the last batch touched
	serial      map[*Cluster]int    // the number evidence names each cluster by (ref)
	seeding     bool                // Seed is naming stored clusters (holdsBase)
	// unsigned are this run's entities whose article showed no sign of any type, with where each
	// was filed: judged again on every sign known when the load ends (TypeMoves)
	unsigned []unsignedRead
	bySerial []*Cluster
}

// Correct makes the resolver follow a researcher's corrections from now on.
func (r *Resolver) Correct(c *Corrections) { r.fix = c }

// New returns an empty resolver.
func New(lex *lexicon.Lexicon) *Resolver {
	return &Resolver{lex: lex, byKey: map[string]*Cluster{}, of: map[*extract.Entity]*Cluster{}, bySurname: map[string][]*Cluster{},
		used: map[string]*Cluster{}, byID: map[string]*Cluster{}}
}

// Seed makes stored entities known, so that a new batch resolves against what the store holds: a
// spelling seen before joins the stored entity, which keeps its id and name.
func (r *Resolver) Seed(es []graph.Entity) {
	var seeded []*Cluster
	for _, e := range es {
		c := &Cluster{ID: e.ID, Type: e.Type, Name: e.Name, first: e.Name, written: true, names: map[string]int{},
			aliases: map[string]bool{}, Reasons: append([]string{}, e.Merges...), typeSigned: true}
		r.byID[e.ID] = c
		r.clusters = append(r.clusters, c)
		seeded = append(seeded, c)
		r.used[e.ID] = c
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			r.addName(c, n)
			c.aliases[n] = true
			r.index(c, n)
		}
		if e.Type == graph.Person && len(names.Words(e.Name)) < 2 {
			// a person stored under one name is a partial node (see placePartial)
			c.Partial = true
			if k := "partial|" + names.Fold(e.Name); r.byKey[k] == nil {
				r.byKey[k] = c
			}
			continue
		}
		r.claimKey(c, e.Name)
	}
	// then the other spellings, as Add would have keyed them: every spelling of an organisation or
	// a place but an English word (commonWord), and the full names of a person (a surname alone
	// joins one by revise)
	for i, e := range es {
		all := append([]string{e.Name}, e.Aliases...)
		for _, n := range e.Aliases {
			short := e.Type == graph.Organisation && r.shortOfAny(n, all) // decided by Revise (shortform.go)
			if e.Type == graph.Person && len(names.Words(n)) >= 2 || e.Type != graph.Person && !commonWord(n) && !short {
				r.claimKey(seeded[i], n) // not "Bank" for Ljubljanska Banka, as Add (place) does not
			}
		}
	}
	r.seeding = true // stored namesakes keep their numbers (holdsBase)
	for _, c := range seeded {
		if c.into == nil {
			r.settle(c) // ids stored before ids followed names are renamed
		}
	}
	r.seeding = false
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
func (r *Resolver) surnameCands(word string) []*Cluster {
	var out []*Cluster
	for _, c := range r.bySurname[names.WordKey(word)] {
		if c.into == nil {
			out = append(out, c)
		}
	}
	return out
}

// key is the exact-match key of an entity: its type and folded name, places under lexicon.PlaceKey,
// organisations under names.OrgKey (word order aside).
func (r *Resolver) key(t graph.EntityType, name string) string {
	switch t {
	case graph.Place:
		name = r.lex.PlaceKey(name)
	case graph.Organisation:
		return string(t) + "|" + orgKey(name)
	}
	return string(t) + "|" + names.Fold(name)
}

// orgKey is the key organisations are matched under: a party under its full name, from its short or
// members' name ("Tories", "Conservatives" → Conservative Party; lexicon.PartyName, from WordNet),
// word order aside (names.OrgKey), and a one-word name of six letters or more without its final s
// unless that leaves an English word ("Reuters" and "Reuter" are one agency; "Unions" is not "Union").
func orgKey(name string) string {
	if p, ok := lexicon.PartyName(name); ok {
		name = p
	}
	k := names.OrgKey(withoutLegalForm(name))
	if !strings.Contains(k, " ") && len(k) >= 6 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") &&
		!lexicon.IsEnglishWord(strings.TrimSuffix(k, "s")) {
		k = strings.TrimSuffix(k, "s")
	}
	return k
}

// Add clusters the entities of the given articles. Call it once with every article of a batch.
//
// A merge across articles needs evidence beyond spelling. Entities of one type whose names fold
// alike are one (a full-name match: "Tony Blair" and "tony blair"; organisations also through their
// party or final-s form: "Tories" and "Conservative Party", "Reuter" and "Reuters"); a correction
// (kgload merge / split) overrides. Each entity is first given the type it is filed under, on the
// signs of each type its articles show (typeItems: a name lives as two types only when the text
// supports both). A person known in its article by one name only is a partial node
// (placeSingle), and a full name written another way ("Muammar Qaddafi", "Muammar Gaddafi") a node
// of its own: the batch's own articles decide no such merge, as what a batch holds depends on where
// it begins and ends. Then the batch's lasting evidence is learned and Revise joins what it supports
// (spelling variants, a node with no sign of its type and its name's signed type, then a partial
// node and the one full name known with its word), on the
// evidence the store holds too, so the same articles give the same nodes in any order and in batches
// of any size, and a load cut short and run again decides as a clean one.
func (r *Resolver) Add(docs []*extract.Doc) {
	for _, c := range r.unwritten {
		c.written = true // the batch that named them is written before the next is added
	}
	r.unwritten = nil
	// the names read as their type first, then those filed under another type (which join what the
	// others made, as they did when only a person of one word could), then people of one word
	items := r.typeItems(docs)
	for _, moved := range []bool{false, true} {
		for _, it := range items {
			if (it.dest != it.t) == moved && !(it.dest == graph.Person && len(names.Words(it.e.Name)) < 2) {
				r.place(it.e, it.t, it.dest)
			}
		}
	}
	for _, it := range items {
		if it.dest == graph.Person && len(names.Words(it.e.Name)) < 2 {
			r.placeSingle(it.e)
		}
	}
	r.assignIDs()
	r.noteUnsigned(items)
	r.learnDocs(docs)
	r.revise(r.lastTouched)
}

// orNew returns c, or a new cluster of type t under key k when c is nil.
func (r *Resolver) orNew(c *Cluster, t graph.EntityType, k string) *Cluster {
	if c == nil {
		c = &Cluster{Type: t, Partial: strings.HasPrefix(k, "partial|"), names: map[string]int{}, aliases: map[string]bool{}}
		r.clusters = append(r.clusters, c)
		r.byKey[k] = c
	}
	return c
}

// typeOf is the type an entity is filed under: a "person" whose name ends in a company's legal form
// ("Adam Opel AG", "Acme Steel Co") is an organisation.
func (r *Resolver) typeOf(e *extract.Entity) graph.EntityType {
	if e.Type == graph.Person && looksLikeCompany(e.Name) {
		return graph.Organisation
	}
	return e.Type
}

// withoutLegalForm is a company's name without the legal forms that end it ("Amgen Inc", "Bank of
// Tokyo Ltd", "Akzo N.V." → "Amgen", "Bank of Tokyo", "Akzo"): a firm is one organisation written
// with or without them. A name that would be left one English word or nothing keeps them ("Acquisition
// Co", "and Co": a word is no evidence of a company).
func withoutLegalForm(name string) string {
	ws := strings.Fields(name)
	n := len(ws)
	for n > 1 && lexicon.IsLegalForm(strings.Trim(strings.ReplaceAll(ws[n-1], ".", ""), ",")) {
		n--
	}
	if n == len(ws) {
		return name
	}
	rest := names.Tokens(strings.Join(ws[:n], " "))
	if len(rest) == 0 || len(rest) == 1 && (lexicon.IsEnglishWord(rest[0]) || len(rest[0]) < 3) || lexicon.IsFunctionWord(rest[len(rest)-1]) {
		return name
	}
	return strings.Join(ws[:n], " ")
}

func looksLikeCompany(name string) bool {
	ts := names.Tokens(name)
	if len(ts) < 2 {
		return false
	}
	last := ts[len(ts)-1]
	if len(ts) >= 3 && len(last) == 1 && len(ts[len(ts)-2]) == 1 { // "S.A.", "N.V."
		last = ts[len(ts)-2] + last
	}
	return lexicon.IsLegalForm(last)
}

// place files an entity read as type read under type t (see typeItems): the cluster of its name
// and type, or a new one.
func (r *Resolver) place(e *extract.Entity, read, t graph.EntityType) {
	k := r.key(t, e.Name)
	c := r.lookup(k)
	if c != nil && c.Type != t {
		c = nil // its name's cluster of this type joined another type; one with a sign starts anew
	}
	reason := ""
	if read != t {
		reason = readAsOther(e.Name, read, t)
		if c == nil {
			c = r.typed(t, e.Name) // an organisation or place with the spelling, whose key another took
		}
	}
	if to, ok := r.fix.target(e.Name); ok {
		if fc := r.lookup(r.key(t, to)); fc != nil {
			c, k = fc, r.key(t, to)
			reason = fmt.Sprintf("%s: merged with %s by a correction (kgload merge)", e.Name, fc.firstName())
		}
	}
	if r.fix.isSplit(e.Name) {
		if c == nil || names.Fold(c.firstName()) != names.Fold(e.Name) {
			k = "split|" + string(t) + "|" + names.Fold(e.Name)
			c = r.lookup(k)
		}
		r.join(r.orNew(c, t, k), e, "")
		return
	}
	if c == nil {
		c = &Cluster{Type: t, names: map[string]int{}, aliases: map[string]bool{}}
		r.clusters = append(r.clusters, c)
	} else if reason == "" && e.Name != c.firstName() && !c.aliases[e.Name] {
		reason = fmt.Sprintf("%s: same %s as %s once case, accents, punctuation and country codes are set aside",
			e.Name, strings.ToLower(string(t)), r.shownName(c))
		if t == graph.Organisation {
			if p, ok := lexicon.PartyName(e.Name); ok && names.Fold(p) != names.Fold(e.Name) {
				reason = fmt.Sprintf("%s: short or members' name of %s (WordNet)", e.Name, p)
			} else if names.OrgKey(e.Name) != names.OrgKey(c.first) && names.OrgKey(e.Name) == names.OrgKey(r.shownName(c)) {
				reason = fmt.Sprintf("%s: same organisation as %s, word order aside", e.Name, r.shownName(c))
			}
		}
	}
	r.byKey[k] = c
	if t != graph.Person {
		// an organisation's or place's other spellings in its article lead to it too ("Bank of
		// Velmora" beside "Velmora Bank"), but for an organisation's short forms ("UN" after "United
		// Nations (UN)"), which Revise decides on every claim known (shortform.go)
		all := append([]string{e.Name}, e.Aliases...)
		for _, a := range e.Aliases {
			if !commonWord(a) && (t != graph.Organisation || !r.shortOfAny(a, all)) {
				r.claimKey(c, a)
			}
		}
	}
	r.join(c, e, reason)
}

// commonWord reports whether a spelling is one English word written in lower case elsewhere, not in
// capitals ("Hope" for Hope NV, "Acquisition" for Acquisition Co): an article may call an entity so,
// but another article's "Hope" is no evidence for it.
func commonWord(s string) bool {
	ws := names.Tokens(s)
	return len(ws) == 1 && s != strings.ToUpper(s) && lexicon.IsEnglishWord(ws[0])
}

func article(t graph.EntityType) string {
	if t == graph.Organisation {
		return "an organisation"
	}
	return "a " + strings.ToLower(string(t))
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

func (r *Resolver) join(c *Cluster, e *extract.Entity, reason string) {
	if !c.touched {
		c.touched = true
		r.touched = append(r.touched, c)
	}
	if c.first == "" {
		c.first = e.Name
	}
	r.addName(c, e.Name)
	c.typeSigned = c.typeSigned || slices.Contains(signsOf(e), c.Type)
	c.aliases[e.Name] = true
	r.index(c, e.Name)
	for _, a := range e.Aliases {
		c.aliases[a] = true
		r.index(c, a)
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

// spellingVariant reports whether two folded full names are one written two ways and lists the word
// pairs that differ: same length, every word the same or one transliteration apart (names.SameWord),
// every differing word five letters or more and no English word.
func spellingVariant(a, b []string) ([]string, bool) {
	if len(a) != len(b) {
		return nil, false
	}
	var diff []string
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if !names.SameWord(a[i], b[i]) || names.Distance(a[i], b[i]) > 2 || len(a[i]) < 5 || len(b[i]) < 5 ||
			lexicon.IsEnglishWord(a[i]) || lexicon.IsEnglishWord(b[i]) {
			return nil, false
		}
		diff = append(diff, a[i]+"~"+b[i])
	}
	return diff, len(diff) > 0
}

// placeSingle places a person known in its article by one name only ("Okafor", "President
// Reagan"): its article gives no full name (the extractor would have joined them), so it joins the
// partial node of that exact name, a clearly marked node (Partial) that no full name absorbs on
// spelling alone. Whether the partial node is a full name's surname is decided on the lasting
// evidence (revise), in a batch as across batches, so that where batches begin and end does not
// change the graph; once it has joined one, the word alone leads there, as it would had all its
// articles come in one batch, until a namesake makes the join doubtful (Doubtful). A name with no
// sign of a person in its article that names an organisation joins the organisation.
func (r *Resolver) placeSingle(e *extract.Entity) {
	if to, ok := r.fix.target(e.Name); ok {
		if fc := r.lookup(r.key(graph.Person, to)); fc != nil {
			r.join(fc, e, fmt.Sprintf("%s: merged with %s by a correction (kgload merge)", e.Name, fc.firstName()))
			return
		}
	}
	k := "partial|" + names.Fold(e.Name)
	c := r.lookup(k)
	if c != nil && c.Type != graph.Person {
		c = nil
	}
	r.join(r.orNew(c, graph.Person, k), e, "")
}

// surnameFits reports whether a one-word name is the surname of a full name: the same word, or one
// transliteration apart when both are five letters or more and neither is an English word.
func surnameFits(surname, word string) bool {
	if surname == word {
		return true
	}
	return len(surname) >= 5 && len(word) >= 5 && names.SameWord(surname, word) &&
		!lexicon.IsEnglishWord(surname) && !lexicon.IsEnglishWord(word)
}

// assignIDs names the clusters this batch touched and gives each the id its name gives (setID).
// The name is chosen from the set of the cluster's spellings alone (bestName), not from the order
// they came in, so that loading articles in one batch or in several, in any order, gives the same
// names and ids; a country is named by its common name. Every cluster's aliases are all its other
// spellings.
func (r *Resolver) assignIDs() {
	// only the clusters this batch touched can have new names or spellings; new clusters come in
	// the order they were made
	touched := r.touched
	r.touched = nil
	r.lastTouched = touched
	for _, c := range touched {
		c.touched = false
		r.settle(c)
	}
}

// idBase is the id a cluster's name gives it: its type and folded name, "person:ada-okafor".
func idBase(c *Cluster) string {
	return strings.ToLower(string(c.Type)) + ":" + strings.ReplaceAll(names.Fold(c.Name), " ", "-")
}

// ownsBase reports whether id is base or base numbered ("person:chen-2").
func ownsBase(id, base string) bool {
	n, ok := strings.CutPrefix(id, base)
	if !ok {
		return false
	}
	if n == "" {
		return true
	}
	n, ok = strings.CutPrefix(n, "-")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// setID gives a cluster the id its name gives (idBase), so that a node's id, like its name, is a
// function of its spellings and not of the order they came in. Of two clusters of one type and one
// name kept apart (a spelling split off by a correction, two organisations whose fullest spelling is
// the same), the one the name itself leads to (the articles that name it so) has the plain id,
// whichever came first (holdsBase); the others are numbered in order of first appearance: the one
// case where an id can depend on order. A cluster already under its base id (or a number of it)
// keeps it. A written cluster whose id changes is renamed in the store: its old id is merged into
// the new one (Merges).
func (r *Resolver) setID(c *Cluster) {
	base := idBase(c)
	holds := r.holdsBase(c, base)
	if c.ID != "" && ownsBase(c.ID, base) && !holds {
		return
	}
	if holds {
		r.renumber(final(r.used[base]), base)
	}
	id := base
	for n := 2; r.taken(id, c); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	old := c.ID
	c.ID = id
	r.used[id] = c
	r.byID[id] = c
	switch {
	case old == "":
		r.unwritten = append(r.unwritten, c)
	case c.written:
		r.pending = append(r.pending, pendingMerge{into: c, from: old})
	}
}

// holdsBase reports whether cluster c should take the plain id base from the cluster that has it: c
// is the cluster its name leads to (its articles name it so), the other is not, and neither is
// being seeded from a store (stored namesakes keep their numbers, as a store read at the start of a
// load holds them).
func (r *Resolver) holdsBase(c *Cluster, base string) bool {
	o := r.used[base]
	if r.seeding || o == nil || c.ID == base {
		return false
	}
	f := final(o)
	if f == c || f.ID != base {
		return false
	}
	return r.lookup(r.nameKey(c)) == c && r.lookup(r.nameKey(f)) != f
}

// nameKey is the key a cluster's name is placed under.
func (r *Resolver) nameKey(c *Cluster) string {
	if c.Partial {
		return "partial|" + names.Fold(c.Name)
	}
	return r.key(c.Type, c.Name)
}

// renumber gives cluster o, which has the plain id base, the first number of it free (holdsBase).
func (r *Resolver) renumber(o *Cluster, base string) {
	id := base
	for n := 2; r.taken(id, o) || id == base; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	o.ID = id
	r.used[id] = o
	r.byID[id] = o
	if o.written {
		r.pending = append(r.pending, pendingMerge{into: o, from: base})
	}
}

// taken reports whether an id belongs to a cluster other than c: one neither c nor merged into it
// (a merged cluster's stored node is merged into its survivor, so the survivor may take its id back).
// The id of a cluster merged into another or renamed since is free: its node is merged away before
// anything is written under it again (Merges), so whether a name's id is numbered does not depend
// on whether a namesake came and went before it ("Eugene", a partial node that joined an
// organisation in an earlier batch; "ABN", the first name of ABN Amro); evidence names entities by
// their number, not their id (ref). While Seed names stored clusters the old id of one renamed is
// not given again: the store, read next (LearnStored), still holds it.
func (r *Resolver) taken(id string, c *Cluster) bool {
	o := r.used[id]
	if o == nil {
		return false
	}
	f := final(o)
	return f != c && (f.ID == id || r.seeding && o.into == nil)
}

// settle names a cluster from its spellings, lists its other spellings as aliases and gives it the
// id its name gives.
func (r *Resolver) settle(c *Cluster) {
	c.Name = r.bestName(c)
	defer r.setID(c)
	var all []string
	for a := range c.aliases {
		all = append(all, a)
	}
	sort.Strings(all)
	c.Aliases = c.Aliases[:0]
	for _, a := range all {
		if a != c.Name {
			// every spelling, those that fold alike too ("OPEC", "Opec"): a store keeps the union of
			// the spellings each batch gives, so listing them all lists the same in any batching
			c.Aliases = append(c.Aliases, a)
		}
	}
}

// bestName is the fullest of a cluster's spellings: the most words, then the longest once folded,
// then the first in byte order ("Muammar Gaddafi" before "Muammar Qaddafi", "Conservative Party"
// before "Tories"). It depends on the set of spellings only, and of spellings that fold alike it
// picks the one a store keeps (the first in byte order), so a run that starts from the store names a
// cluster as the run that wrote it would. A place that is a country takes the country's common name.
// A partial node keeps its one word. A spelling a correction split off names only a node of its own
// (a node that keeps it for an article that also used its other spellings is named by those).
func (r *Resolver) bestName(c *Cluster) string {
	best, bw, bl := "", -1, -1
	split := true // only spellings a correction split off: one of them
	for s := range c.aliases {
		split = split && r.fix.isSplit(s)
	}
	for s := range c.aliases {
		f := names.Fold(s)
		w, l := len(names.Words(s)), len(f)
		if c.Partial && w > 1 || !split && r.fix.isSplit(s) {
			continue
		}
		if w > bw || w == bw && (l > bl || l == bl && s < best) {
			best, bw, bl = s, w, l
		}
	}
	if best == "" {
		best = c.first
	}
	if c.Type == graph.Place {
		if cn, ok := r.lex.Country(best); ok {
			return cn
		}
	}
	return best
}

// Of returns the cluster an article's entity belongs to.
func (r *Resolver) Of(e *extract.Entity) *Cluster { return final(r.of[e]) }

// Clusters returns every cluster not merged into another, in order of first appearance.
func (r *Resolver) Clusters() []*Cluster {
	var out []*Cluster
	for _, c := range r.clusters {
		if c.into == nil {
			out = append(out, c)
		}
	}
	return out
}
