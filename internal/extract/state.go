package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// minHomeSigns is how many places and nationality adjectives of one country an article needs before
// the country counts as the one it is about.
const minHomeSigns = 3

// A post read from a title that names no state or organisation, settled once the whole article is read.
type openPost struct {
	person        *Entity
	title, status string
	sent          int
	rule          string
	party         *Entity // the party named before the title ("Labour minister X"): the target when no state is known
	shadow        bool    // an opposition "shadow" post: held at a party, never at a state
}

// bodyInTitle returns the abbreviation in capitals of a body that a title holds and names no place
// ("OPEC President", "USDA Secretary"), and the title without it: the post is that body's.
func (d *Doc) bodyInTitle(title string) (body, rest string) {
	ws := strings.Fields(title)
	for i, w := range ws {
		if len(w) < 2 || strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || lexicon.IsTitleWord(w) || lexicon.IsStatePost(w) {
			continue // only a word of two capital letters or more
		}
		if d.lex != nil {
			if _, isPlace := d.lex.Place(w); isPlace {
				continue
			}
		}
		return w, strings.Join(append(append([]string(nil), ws[:i]...), ws[i+1:]...), " ")
	}
	return "", ""
}

// cabinetTitle reports whether a title holds a government's cabinet post (WordNet: minister,
// chancellor, premier), after which an abbreviation is more often a party's ("CDU Finance Minister X")
// than the body whose post it is ("OPEC President X", "UN Secretary General X").
func cabinetTitle(title string) bool {
	for _, w := range strings.Fields(title) {
		if lexicon.IsCabinetPost(w) {
			return true
		}
	}
	return false
}

// isShadowPost reports whether a title is an opposition "shadow" post ("shadow home secretary").
func isShadowPost(title string) bool {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if w == "shadow" {
			return true
		}
	}
	return false
}

// partyBefore is the one party a sentence names, when it is named before the person's mention and
// not as a possessor ("For the Conservatives, shadow education secretary X", not "Labour's website");
// nil otherwise.
func (d *Doc) partyBefore(si int, person *Entity) *Entity {
	v := d.view(si)
	at := -1
	for _, m := range v.ms {
		if m.Ent == person {
			at = m.Tok
			break
		}
	}
	var party *Entity
	for _, m := range v.ms {
		if m.Type != graph.Organisation || m.Ent == nil || !lexicon.IsParty(m.Ent.Name) {
			continue
		}
		if party != nil && party != m.Ent || m.Tok > at || m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
			return nil
		}
		party = m.Ent
	}
	return party
}

// shadowParty is the party the article's written shadow posts are held at ("Tory shadow chancellor
// X"): the opposition, whose other shadow posts it holds too; nil when none or two.
func (d *Doc) shadowParty() *Entity {
	var party *Entity
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.To.Type == graph.Organisation && isShadowPost(r.Title) && lexicon.IsParty(r.To.Name) {
			if party != nil && party != r.To {
				return nil
			}
			party = r.To
		}
	}
	return party
}

// holdOpenPost keeps a title with no target for later when it is a post held at a state.
func (d *Doc) holdOpenPost(e *Entity, title, status string, sent int, rule string) {
	d.holdPartyPost(e, title, status, sent, rule, nil)
}

// holdPartyPost keeps a state's post held by a party's member ("Labour minister X") for later: it is
// the state's when the article's state is known, else the party's.
func (d *Doc) holdPartyPost(e *Entity, title, status string, sent int, rule string, party *Entity) {
	if e != nil && isShadowPost(title) {
		// "shadow home secretary X": an opposition post, held at a party, settled once the article is read
		d.openPosts = append(d.openPosts, openPost{person: e, title: title, status: status, sent: sent, rule: rule, party: party, shadow: true})
		return
	}
	if e == nil || !isStatePost(title) {
		return
	}
	if body, rest := d.bodyInTitle(title); body != "" && !cabinetTitle(rest) {
		// "OPEC President X", "USDA Secretary X": the post is that body's, not a state's
		d.add(Relation{Type: graph.HoldsPost, From: e, To: d.orgEntity(body), Title: rest, Status: status, Sent: sent, Rule: rulePostTitle}, false)
		return
	}
	if _, body, ok := strings.Cut(title, " of "); ok && body != "" && unicode.IsUpper([]rune(body)[0]) && d.lex != nil {
		if p, isPlace := d.lex.Place(body); !isPlace || p.Kind != lexicon.Country {
			return // "president of Farmers Commodities": a body's post, not a state's
		}
	}
	d.openPosts = append(d.openPosts, openPost{person: e, title: title, status: status, sent: sent, rule: rule, party: party})
}

// isStatePost reports whether a title is a post held at a state: it holds a WordNet state-post noun
// and is no opposition "shadow" post (those are held at a party).
func isStatePost(title string) bool {
	state := false
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if w == "shadow" {
			return false
		}
		for _, p := range strings.Split(w, "-") {
			state = state || lexicon.IsStatePost(p)
		}
	}
	return state
}

// settleOpenPosts gives each open state post its state: the person's nationality read anywhere in the
// article, else the article's home state. A person already holding a post at a state in the article
// keeps that one alone: the open title is most likely the same post, written shorter.
func (x *Extractor) settleOpenPosts(d *Doc) {
	if len(d.openPosts) == 0 {
		return
	}
	home := ""
	homeRead := false
	holds := map[*Entity]bool{} // per person, read once: a person may have thousands of open posts
	company := -1               // whether the article names a company, read once when needed
	var party *Entity
	partyRead := false
	for _, p := range d.openPosts {
		if p.shadow {
			target := p.party
			if target == nil {
				target = d.partyBefore(p.sent, p.person) // "For the Conservatives, shadow education secretary X said"
			}
			if target == nil {
				if !partyRead {
					party, partyRead = d.shadowParty(), true
				}
				target = party
			}
			if target != nil {
				d.add(Relation{Type: graph.HoldsPost, From: p.person, To: target, Title: p.title,
					Status: p.status, Sent: p.sent, Rule: rulePostParty}, false)
			}
			continue
		}
		if shared, companyOnly := lexicon.CompanyPostWords(p.title); shared {
			if company < 0 {
				company = boolInt(d.namesCompany())
			}
			if companyOnly || company == 1 {
				continue // "President X told a news conference" in a story on a company: the company's president
			}
			if p.rule == rulePostHome && !unicode.IsUpper([]rune(p.title)[0]) {
				continue // "vice president X said the utility", "X, president, said": a head of state's title is capitalised
			}
		}
		h, ok := holds[p.person]
		if !ok {
			h = x.holdsStatePost(d, p.person)
			holds[p.person] = h
		}
		if h {
			continue
		}
		if !homeRead {
			home, homeRead = x.homeState(d), true // also reads which present-day country stands for a former one
		}
		country := d.ofTheDay(nationality(p.person))
		if c, kind, ok := lexicon.CountryTerm(p.title); ok && kind == lexicon.TermTitle && country == "" {
			country = c // a post only one country has ("Home Secretary")
		}
		if country == "" && !firstPersonIn(d, p.sent, p.person) {
			// "In Hong Kong, X will meet Governor Y": the people met there are of the place; the
			// subject may be a visitor ("In Stockholm, Finance Minister Z met bankers")
			country = x.framePlace(d, p.sent)
		}
		if country == "" {
			country = home
		}
		if country == "" || (country == home && x.namesOtherState(d, p.sent, home)) {
			continue // "Labour MP X" where the article's state is not plain: a state's post, not the party's
		}
		d.add(Relation{Type: graph.HoldsPost, From: p.person, To: d.placeEntity(country), Title: p.title,
			Status: p.status, Sent: p.sent, Rule: rulePostHome}, false)
	}
	d.openPosts = nil
}

// dropVisitorPosts leaves out the posts settled at the article's state (post.home) for a person the
// article has visit that state (the country itself: a speech in one of its cities may be at home): a
// visitor is no official of the state the article is about ("the chancellor" arrives in Tanzania). It
// runs once the visits are read.
func (x *Extractor) dropVisitorPosts(d *Doc) {
	visited := map[*Entity]map[string]bool{}
	for _, r := range d.Relations {
		if r.Type != graph.Visited {
			continue
		}
		if p, ok := x.lex.Place(r.To.Name); ok && p.Kind == lexicon.Country && p.Country != "" { // a city may be at home
			if visited[r.From] == nil {
				visited[r.From] = map[string]bool{}
			}
			visited[r.From][d.ofTheDay(p.Country)] = true
		}
	}
	if len(visited) == 0 {
		return
	}
	d.Relations = slices.DeleteFunc(d.Relations, func(r Relation) bool {
		return r.Type == graph.HoldsPost && r.Rule == rulePostHome && visited[r.From][r.To.Name]
	})
}

// namesCompany reports whether an article names a company: an organisation whose name ends in a legal
// form ("Acme Corp", "Hale Holdings plc").
func (d *Doc) namesCompany() bool {
	for _, e := range d.Entities {
		if e.Type != graph.Organisation {
			continue
		}
		ws := strings.Fields(e.Name)
		if len(ws) >= 2 && lexicon.IsLegalForm(strings.TrimSuffix(ws[len(ws)-1], ".")) {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// holdsStatePost reports whether the article already gives a person a post at a country.
func (x *Extractor) holdsStatePost(d *Doc, e *Entity) bool {
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.From == e && r.To.Type == graph.Place && r.Rule != rulePostHome {
			if p, ok := x.lex.Place(r.To.Name); ok && p.Kind == lexicon.Country {
				return true
			}
		}
	}
	return false
}

// namesOtherState reports whether a sentence names a country other than the given one, by a place or
// a nationality adjective: a title there may well be that country's ("will meet Finance Secretary X"
// in a paragraph on another country's leaders), so the home state is not assumed.
func (x *Extractor) namesOtherState(d *Doc, si int, country string) bool {
	for s := max(si-1, 0); s <= si; s++ {
		for _, m := range d.view(s).ms { // the sentence's own mentions: not a scan of the whole article
			if m.Type == graph.Place {
				if p, ok := x.lex.Place(m.Ent.Name); ok && p.Country != "" && d.ofTheDay(p.Country) != country {
					return true
				}
			}
		}
	}
	for s := max(si-1, 0); s <= si; s++ {
		for _, c := range x.demonymsIn(d.Sents[s].Tokens, nil) {
			if d.ofTheDay(c) != country {
				return true
			}
		}
	}
	return false
}

// demonymsIn lists the countries of the nationality adjectives in a sentence, two-word ones
// ("South Korean") read whole.
func (x *Extractor) demonymsIn(toks []Token, skip func(int) bool) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].Word || !toks[i].Cap() || (skip != nil && skip(i)) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Cap() {
			if c, ok := x.lex.Demonym(toks[i].Text + " " + toks[i+1].Text); ok {
				out = append(out, c)
				i++
				continue
			}
		}
		if c, ok := x.lex.Demonym(toks[i].Text); ok {
			out = append(out, c)
		}
	}
	return out
}

// homeState is the country an article is about, read from the whole of it: the countries its places
// lie in (a city counts for its country) and its nationality adjectives. A country is the home state
// only when it clearly leads: three signs or more, and at least twice as many as any other.
func (x *Extractor) homeState(d *Doc) string {
	votes := map[string]int{}
	for _, m := range d.Mentions {
		if m.Ent == nil {
			continue
		}
		// bodies, buildings and posts that belong to one country ("the Knesset", "Home Secretary")
		if c, kind, ok := lexicon.CountryTerm(m.Ent.Name); ok && kind != lexicon.TermTitle && m.Type != graph.Person {
			if _, isPlace := x.lex.Place(m.Ent.Name); !isPlace {
				votes[c]++
			}
		}
		if m.Title != "" {
			if c, kind, ok := lexicon.CountryTerm(m.Title); ok && kind == lexicon.TermTitle {
				votes[c]++
			}
		}
		if m.Type != graph.Place {
			continue
		}
		if p, ok := x.lex.Place(m.Ent.Name); ok && p.Country != "" {
			votes[p.Country]++
			if m.Sent == firstBodySentence(d) && m.Tok == 0 && m.TokEnd < len(d.Sents[m.Sent].Tokens) &&
				d.Sents[m.Sent].Tokens[m.TokEnd].Text == "," && allCapsWord(m.Text) {
				votes[p.Country] += 3 // a wire dateline: "WASHINGTON, April 17 -"
			}
		}
	}
	inPerson := map[[2]int]bool{} // sentence, token of a person's name: "Mike German" is no sign of Germany
	for _, m := range d.Mentions {
		if m.Type == graph.Person {
			for k := m.Tok; k < m.TokEnd; k++ {
				inPerson[[2]int{m.Sent, k}] = true
			}
		}
	}
	for si, s := range d.Sents {
		for _, c := range x.demonymsIn(s.Tokens, func(k int) bool { return inPerson[[2]int{si, k}] }) {
			votes[c]++
		}
	}
	// old news naming a former state by its region ("West Germany" beside "Bonn", "German"): the
	// present-day country's signs are the former state's
	if d.countryOf == nil {
		d.countryOf = map[string]string{}
	}
	for c := range votes {
		p, ok := x.lex.Place(c)
		if !ok || !p.Former {
			continue
		}
		if _, rest, ok := strings.Cut(c, " "); ok && votes[rest] > 0 {
			if pr, ok := x.lex.Place(rest); ok && pr.Kind == lexicon.Country && !pr.Former {
				votes[c] += votes[rest]
				delete(votes, rest)
				d.countryOf[rest] = c
			}
		}
	}
	type vote struct {
		country string
		n       int
	}
	var vs []vote
	for c, n := range votes {
		vs = append(vs, vote{c, n})
	}
	slices.SortFunc(vs, func(a, b vote) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.country, b.country)
	})
	if len(vs) == 0 || vs[0].n < minHomeSigns || (len(vs) > 1 && vs[0].n < 2*vs[1].n) {
		return ""
	}
	return vs[0].country
}

// firstBodySentence is the first sentence that is not a headline, or -1.
func firstBodySentence(d *Doc) int {
	for i, s := range d.Sents {
		if !s.Headline {
			return i
		}
	}
	return -1
}

// allCapsWord reports whether a name is written in capitals ("WASHINGTON", "NEW YORK").
func allCapsWord(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsUpper(r)
	}
	return letters
}

// statePostOf is the place a person holds a post at, read from the given sentence, or nil.
func (d *Doc) statePostOf(e *Entity, sent int) *Entity {
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.From == e && r.Sent == sent && r.To.Type == graph.Place {
			return r.To
		}
	}
	return nil
}

// framePlace is the country of a place a sentence opens with ("In Hong Kong, ..."; "In Manila, ..."), or "".
func (x *Extractor) framePlace(d *Doc, si int) string {
	toks := d.Sents[si].Tokens
	if len(toks) < 3 || !strings.EqualFold(toks[0].Text, "in") {
		return ""
	}
	for _, m := range d.view(si).ms {
		if m.Tok == 1 && m.Type == graph.Place && m.TokEnd < len(toks) && toks[m.TokEnd].Text == "," {
			if p, ok := x.lex.Place(m.Ent.Name); ok {
				return p.Country
			}
		}
	}
	return ""
}

// firstPersonIn reports whether e is the first person a sentence names.
func firstPersonIn(d *Doc, si int, e *Entity) bool {
	for _, m := range d.view(si).ms {
		if m.Type == graph.Person {
			return m.Ent == e
		}
	}
	return false
}

// ofTheDay is the state a country's name stands for in this article: the former state an old article
// names beside it ("Germany" in an article about West Germany), else the country itself.
func (d *Doc) ofTheDay(country string) string {
	if c, ok := d.countryOf[country]; ok {
		return c
	}
	return country
}
