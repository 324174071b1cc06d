package resolve

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// typeOrder is the order in which a name that lives as more than one type, without signs of the
// type an article read it as, picks the type it joins: of the types with signs, or, when none has
// any, of the types it was read as. It depends on the types alone, not on which came first.
var typeOrder = []graph.EntityType{graph.Place, graph.Organisation, graph.Person}

// typeRank is a type's place in typeOrder.
func typeRank(t graph.EntityType) int {
	if i := slices.Index(typeOrder, t); i >= 0 {
		return i
	}
	return len(typeOrder)
}

// SignsStage is the extraction stage that reads the signs of each entity's type (Signs) while the
// article's text is still there.
func SignsStage(lex *lexicon.Lexicon) extract.Stage {
	return extract.Stage{Name: "type signs", Run: func(d *extract.Doc) { Signs(d, lex) }}
}

// Signs sets each entity's Signs: the types its article shows signs of. This is the one definition
// of the evidence that a name is of a type (resolution joins a name with no sign of the type it
// was read as to the same name of a type with signs; scripts/audit/resolution counts it):
//
//   - a person: a title with a post word, honorific or peerage in it ("Finance Minister", "Mr");
//     an honorific before it; a relation as a person (a post, a visit, either side of a meeting),
//     unless its name is one English word ("Markets"); a full name opened by a given name
//     (lexicon.IsGivenName) that ends in no organisation head word, legal form or members' name, is
//     no party ("Christian Democrats") and is no gazetteer place or town ("Milton Keynes");
//   - an organisation: its name, or a longer spelling of it in the article, ending in an
//     organisation's head word or legal form ("Bank", "Council", "Corp"); a party's name; an
//     acronym the article gives with it; a stock ticker after it ("Chevron <CHV>"); a lower-case
//     organisation noun after it ("the Frelimo delegation");
//   - a place: a country or gazetteer place; the place of a relation or the target of a visit; a
//     town (lexicon.Town) after a place preposition ("in Akron"; not after a capitalised word, nor
//     before a lower-case word other than a function word: "in Akron plants"); a gazetteer place
//     after a comma that ends there ("Akron, Ohio,"; not "Nissan, Japan's carmaker"); a dateline
//     ("SANTA CRUZ, Calif., Feb 26 -").
func Signs(d *extract.Doc, lex *lexicon.Lexicon) {
	signs := map[*extract.Entity]map[graph.EntityType]bool{}
	add := func(e *extract.Entity, t graph.EntityType) {
		if e == nil {
			return
		}
		if signs[e] == nil {
			signs[e] = map[graph.EntityType]bool{}
		}
		signs[e][t] = true
	}
	for _, e := range d.Entities {
		if personName(e, lex) {
			add(e, graph.Person)
		}
		if orgName(e) {
			add(e, graph.Organisation)
		}
		if _, ok := lex.Place(e.Name); ok {
			add(e, graph.Place)
		}
	}
	for _, rel := range d.Relations {
		if rel.From != nil && rel.From.Type == graph.Person && !wordName(rel.From.Name) {
			add(rel.From, graph.Person)
		}
		switch rel.Type {
		case graph.Met:
			if rel.To != nil && rel.To.Type == graph.Person && !wordName(rel.To.Name) {
				add(rel.To, graph.Person)
			}
		case graph.Visited:
			add(rel.To, graph.Place)
		}
		add(rel.Place, graph.Place)
	}
	for _, m := range d.Mentions {
		if m.Ent == nil || m.Sent < 0 || m.Sent >= len(d.Sents) {
			continue
		}
		for _, t := range contextSigns(d.Sents[m.Sent].Tokens, m, lex) {
			add(m.Ent, t)
		}
	}
	for _, e := range d.Entities {
		e.Signs = []graph.EntityType{} // not nil: read
		for _, t := range typeOrder {
			if signs[e][t] {
				e.Signs = append(e.Signs, t)
			}
		}
	}
}

// wordName reports whether a name is one English word (SCOWL; see lexicon.IsEnglishWord).
func wordName(name string) bool {
	ws := names.Tokens(name)
	return len(ws) == 1 && lexicon.IsEnglishWord(ws[0])
}

// personName reports whether an entity's own words show a person: a title, or a full name opened
// by a given name that ends in no organisation's head word or legal form and is no place or town.
func personName(e *extract.Entity, lex *lexicon.Lexicon) bool {
	for _, t := range e.Titles {
		for _, w := range names.Tokens(t) {
			if lexicon.IsPostWord(w) || lexicon.IsHonorific(w) || lexicon.IsPeerage(w) {
				return true // "Finance Minister", not "Energy Security" before "Analysis"
			}
		}
	}
	ws := strings.Fields(e.Name)
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	if _, ok := lex.Place(e.Name); ok || lexicon.Town(e.Name) {
		return false // "Milton Keynes", "Beverly Hills"
	}
	return lexicon.IsGivenName(ws[0]) && !lexicon.IsOrgHead(last) && !lexicon.IsLegalForm(last) &&
		!lexicon.IsMembersName(last) && !lexicon.IsParty(e.Name) // not "Christian Democrats"
}

// orgName reports whether an entity's own spellings show an organisation: a name of two words or
// more ending in a head word or legal form, a party's name, or an acronym of another spelling.
func orgName(e *extract.Entity) bool {
	all := append([]string{e.Name}, e.Aliases...)
	for _, s := range all {
		ts := strings.Fields(s)
		if len(ts) > 1 && (lexicon.IsOrgHead(ts[len(ts)-1]) || lexicon.IsLegalForm(ts[len(ts)-1])) {
			return true
		}
		if lexicon.IsParty(s) {
			return true
		}
	}
	for _, a := range all {
		for _, b := range all {
			if a != b && acronymOf(a, b) {
				return true
			}
		}
	}
	return false
}

// acronymOf reports whether short is the initials of the words of long, function words aside
// ("UAW" of "United Automobile Workers").
func acronymOf(short, long string) bool {
	if len(short) < 2 || short != strings.ToUpper(short) || strings.ContainsAny(short, " ") {
		return false
	}
	var initials []byte
	for _, w := range names.Tokens(long) {
		if !lexicon.IsFunctionWord(w) {
			initials = append(initials, w[0])
		}
	}
	return len(initials) >= 2 && strings.EqualFold(string(initials), strings.ReplaceAll(short, ".", ""))
}

// placeWords are the prepositions before a name that say where.
var placeWords = map[string]bool{"in": true, "near": true, "outside": true, "around": true, "across": true}

// contextSigns reads the types the words around one mention show.
func contextSigns(toks []extract.Token, m *extract.Mention, lex *lexicon.Lexicon) []graph.EntityType {
	var out []graph.EntityType
	if m.Tok < 0 || m.TokEnd > len(toks) || m.Tok >= m.TokEnd {
		return nil
	}
	if m.Tok > 0 && lexicon.IsHonorific(toks[m.Tok-1].Text) {
		out = append(out, graph.Person)
	}
	if j := m.TokEnd; j < len(toks) {
		next := toks[j]
		switch {
		case next.Text == "<" && j+2 < len(toks) && toks[j+2].Text == ">" && toks[j+1].AllCaps():
			out = append(out, graph.Organisation) // a stock ticker
		case next.Word && !next.Cap() && lexicon.IsOrgNoun(next.Text) && !(m.Type == graph.Person && extract.IsGovernmentNoun(next.Lower())):
			out = append(out, graph.Organisation) // not "the Reagan administration": a person's name
		case next.Text == "," && j+1 < len(toks) && toks[j+1].Cap() && (j+2 == len(toks) || listEnd(toks[j+2].Text)):
			if _, ok := lex.Place(toks[j+1].Text); ok {
				out = append(out, graph.Place) // "Akron, Ohio," but not "Nissan, Japan's carmaker"
			}
		}
	}
	if m.Tok > 0 && placeWords[toks[m.Tok-1].Lower()] && (m.Tok < 2 || !toks[m.Tok-2].Cap()) && !attributive(toks, m) &&
		lexicon.Town(m.Text) {
		out = append(out, graph.Place)
	}
	if dateline(toks, m) {
		out = append(out, graph.Place)
	}
	return out
}

// listEnd reports whether a token ends a place written with its region: "Akron, Ohio," or "Ohio.".
func listEnd(tok string) bool {
	return tok == "," || tok == "." || tok == "(" || tok == ")" || tok == ";"
}

// attributive reports whether a name is followed by a lower-case word that is no function word: a
// name used as a modifier ("in BBC series", "outside BBC buildings"), not a place.
func attributive(toks []extract.Token, m *extract.Mention) bool {
	if m.TokEnd >= len(toks) {
		return false
	}
	t := toks[m.TokEnd]
	return t.Word && !t.Cap() && !isDigits(t.Text) && !lexicon.IsFunctionWord(t.Text)
}

// dateline reports whether a mention is the place of a dateline: followed by commas and full
// stops, at most one other capitalised word (its region), then a month, a day and a dash ("SANTA
// CRUZ, Calif., Feb 26 -"; not the byline "BY ALAN WHEATLEY, REUTERS NEW YORK, June 2 -").
func dateline(toks []extract.Token, m *extract.Mention) bool {
	region := false
	for j := m.TokEnd; j+2 < len(toks) && j < m.TokEnd+6; j++ {
		t := toks[j]
		switch {
		case t.Text == "," || t.Text == ".":
		case isMonth(t.Text):
			return isDigits(toks[j+1].Text) && (toks[j+2].Text == "-" || toks[j+2].Text == "--")
		case t.Cap() && !region && j > m.TokEnd && toks[j-1].Text == ",":
			region = true
		default:
			return false
		}
	}
	return false
}

// isMonth reports whether a word is a month's English name or its abbreviation (time.Month).
func isMonth(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if w == name || w == name[:3] || w == "sept" && m == time.September {
			return true
		}
	}
	return false
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// Signed reports whether an article naming the cluster showed a sign of its type (Signs).
func (c *Cluster) Signed() bool { return c.typeSigned }

// signsOf are the signs of an entity that count: none for one its article names no time (inside a
// title, "Ambassador to X"), whose mention the stores do not keep (Batch), so that a run that starts
// from the store knows what the run that wrote it knew.
func signsOf(e *extract.Entity) []graph.EntityType {
	if e.MentionCount() == 0 {
		return nil
	}
	return e.Signs
}

// readAsOther is the reason an entity read as one type joins a node of another.
func readAsOther(name string, read, t graph.EntityType) string {
	how := "the " + strings.ToLower(string(t)) + " of its name, which other articles show signs of"
	if read == t {
		return ""
	}
	return fmt.Sprintf("%s: read as %s in an article that shows no sign of one; joined to %s", name, article(read), how)
}

// item is one entity of a batch: the type it was read as (t, see typeOf), whether its article
// shows a sign of that type, and the type it is filed under (dest).
type item struct {
	e       *extract.Entity
	t, dest graph.EntityType
	signed  bool
	article string // the id of the entity's article
}

// typeItems decides the type each entity of a batch is filed under, on the set of the batch's
// articles and what the resolver holds, not on their order: a name lives as the types its articles
// show signs of (Signs). An entity whose article shows a sign of its type keeps it; one whose
// article shows a sign of another type only takes that type (the first in typeOrder: place,
// organisation, person); one whose article shows none keeps its type when another article signs
// it, or else joins the first of its name's types another article signs, in the batch or known;
// with no signs of any type, the first of the types it is read as, in the batch or known. Revise
// does the same for what earlier batches and runs filed (reviseTypes). A name a correction names
// keeps its type.
func (r *Resolver) typeItems(docs []*extract.Doc) []item {
	var items []item
	// the types a name is signed as and read as in the batch, each under the key the name is
	// placed under as that type (key): "Korvanex AB" signed as an organisation signs "Korvanex", which
	// the organisation's key leads to as well, as it does once the organisation is known
	signed, read := map[string]bool{}, map[string]bool{}
	for _, d := range docs {
		if len(d.Entities) > 0 && d.Entities[0].Signs == nil {
			Signs(d, r.lex) // no extraction stage read them: what the compacted article still shows
		}
		for _, e := range d.Entities {
			it := item{e: e, t: r.typeOf(e), article: d.Article.ID}
			it.signed = slices.Contains(signsOf(e), it.t)
			read[r.key(it.t, e.Name)] = true
			for _, t := range signsOf(e) {
				signed[r.key(t, e.Name)] = true
			}
			items = append(items, it)
		}
	}
	for i := range items {
		signedIn, readIn := map[graph.EntityType]bool{}, map[graph.EntityType]bool{}
		for _, u := range typeOrder {
			k := r.key(u, items[i].e.Name)
			signedIn[u], readIn[u] = signed[k], read[k]
		}
		items[i].dest = r.destType(items[i], signedIn, readIn)
	}
	return items
}

// destType is the type an entity is filed under (see typeItems), given the types its name is
// signed as and read as in the batch.
func (r *Resolver) destType(it item, signedIn, readIn map[graph.EntityType]bool) graph.EntityType {
	if it.signed || r.fix.isSplit(it.e.Name) {
		return it.t
	}
	if _, ok := r.fix.target(it.e.Name); ok {
		return it.t
	}
	for _, u := range typeOrder {
		if slices.Contains(signsOf(it.e), u) {
			return u // its own article signs another type: "DRAVENPORT, Maine" read as a company
		}
	}
	signed, read := maps.Clone(signedIn), maps.Clone(readIn)
	for _, u := range typeOrder {
		if c := r.typed(u, it.e.Name); c != nil {
			read[u] = true
			signed[u] = signed[u] || c.typeSigned
		}
	}
	if signed[it.t] {
		return it.t
	}
	for _, set := range []map[graph.EntityType]bool{signed, read} {
		for _, u := range typeOrder {
			if set[u] {
				return u
			}
		}
	}
	return it.t
}

// typed is the node of type t a name leads to, or nil: the cluster its key leads to when of that
// type (a person of one word: its partial node), else, when another type took the key (a node of
// the name joined another type), the organisation or place of that type with a spelling of that key
// whose id sorts first. So a run that starts from the store, where the key leads to the stored node
// with the spelling, decides as the run that wrote it.
func (r *Resolver) typed(t graph.EntityType, name string) *Cluster {
	if t == graph.Person && len(names.Words(name)) < 2 {
		if c := r.lookup("partial|" + names.Fold(name)); c != nil && c.Type == t && c.Partial {
			return c
		}
		return nil
	}
	k := r.key(t, name)
	if c := r.lookup(k); c != nil && c.Type == t {
		return c
	}
	var best *Cluster
	for _, c := range r.keyed[k] {
		// not an organisation that holds the name only as a short form of its own ("VTC" of "VTC
		// Sport"): which one a short form names is Revise's to decide (shortform.go)
		if c = final(c); c.Type == t && (best == nil || c.ID < best.ID) && !r.onlyShort(c, k) {
			best = c
		}
	}
	return best
}

// index lists an organisation's or place's spelling under its key (keyed), unless it is an English
// word written in lower case elsewhere ("Bank" for Ljubljanska Banka: see commonWord).
func (r *Resolver) index(c *Cluster, spelling string) {
	if c.Type == graph.Person || commonWord(spelling) {
		return
	}
	k := r.key(c.Type, spelling)
	if r.keyed == nil {
		r.keyed = map[string][]*Cluster{}
	}
	if !containsCluster(r.keyed[k], c) {
		r.keyed[k] = append(r.keyed[k], c)
	}
}

// reviseTypes joins each node with no sign of its type to the node of its name of another type:
// the first in typeOrder with signs, or, when none of its name's types has any, one earlier in
// typeOrder (Revise). So an article filed in an earlier batch or run under a type no article
// signs joins the type a later one signs, as it would have had both come in one batch.
func (r *Resolver) reviseTypes() {
	for _, c := range r.clusters {
		if c.into != nil || c.typeSigned || c.ID == "" || r.fix.isSplit(c.Name) {
			continue
		}
		if o := r.otherTypeOf(c); o != nil {
			r.absorb(o, c, readAsOther(c.Name, c.Type, o.Type))
		}
	}
}

// otherTypeOf is the node a node with no sign of its type joins (reviseTypes), or nil.
func (r *Resolver) otherTypeOf(c *Cluster) *Cluster {
	n := len(names.Words(c.Name))
	var spellings []string
	for s := range c.aliases {
		if len(names.Words(s)) == n {
			spellings = append(spellings, s)
		}
	}
	sort.Strings(spellings)
	var signed, earlier *Cluster
	for _, u := range typeOrder {
		if u == c.Type {
			continue
		}
		for _, s := range spellings {
			o := r.typed(u, s)
			switch {
			case o == nil || o == c || r.fix.isSplit(o.Name):
			case o.typeSigned && signed == nil:
				signed = o
			case earlier == nil && typeRank(u) < typeRank(c.Type):
				earlier = o
			}
		}
	}
	if signed != nil {
		return signed
	}
	return earlier
}

// SortSigns returns the distinct types of ts, sorted, never nil: a mention's signs as stored.
func SortSigns(ts []graph.EntityType) []graph.EntityType {
	out := append([]graph.EntityType{}, ts...)
	slices.Sort(out)
	return slices.Compact(out)
}

// learnSigns reads, from the stored mentions, whether an article signed each stored node's type:
// a node none of whose mentions does is one with no sign of its type (reviseTypes). A mention
// stored before signs were kept counts as signing it.
func (r *Resolver) learnSigns(ms []graph.Mention) {
	seen := map[*Cluster]bool{}
	for _, m := range ms {
		c := final(r.byID[m.Entity])
		if c == nil {
			continue
		}
		if !seen[c] {
			seen[c] = true
			c.typeSigned = false
		}
		if m.Signs == nil || slices.Contains(m.Signs, c.Type) {
			c.typeSigned = true
		}
	}
}
