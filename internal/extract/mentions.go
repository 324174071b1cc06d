package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// role is what a capitalised token can be inside a name chunk.
type role int

const (
	rName      role = iota // part of a proper name
	rTitle                 // job title or rank word
	rDemonym               // nationality adjective
	rOrgHead               // ends an organisation name
	rOrgan                 // a body inside an organisation (Politburo)
	rPlace                 // starts a gazetteer place name
	rOtherHead             // ends the name of an event or document, not an entity
)

// otherHeads end names that are neither people, organisations nor places.
var otherHeads = map[string]bool{
	"summit": true, "conference": true, "war": true, "crisis": true, "agreement": true, "accord": true, "treaty": true,
	"talks": true, "games": true, "cup": true, "olympics": true, "election": true, "elections": true, "day": true,
	"festival": true, "act": true, "law": true, "resolution": true, "initiative": true, "plan": true, "deal": true,
	"award": true, "prize": true, "issue": true, "convention": true, "declaration": true, "protocol": true,
	"missile": true, "missiles": true, "batch": true, "genocide": true, "attack": true, "attacks": true,
	"operation": true, "report": true, "index": true, "spring": true, "revolution": true, "solution": true,
	"paper": true, "inquiry": true, "bill": true, "rights": true, "dome": true, "exhibition": true,
}

// nameParticles may stand in lower case inside a name ("Osama bin Laden", "Ursula von der Leyen").
var nameParticles = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "de": true, "del": true, "della": true, "der": true, "di": true,
	"da": true, "van": true, "von": true, "le": true, "la": true, "du": true, "dos": true, "das": true, "al": true, "el": true,
}

// chunk is a maximal run of capitalised words in a sentence (with inner name particles).
type chunk struct {
	from, to int // token indexes [from, to)
}

// findMentions finds the names in every prose sentence and gives each a first type from its own words:
// organisation heads, place names, job titles before a person's name.
func (x *Extractor) findMentions(d *Doc) {
	lowerSeen := lowercaseWords(d)
	for si := range d.Sents {
		s := &d.Sents[si]
		dlFrom, dlTo := x.datelineMentions(d, si) // a dateline's line may pass for a headline
		if s.Headline {
			continue
		}
		if d.stopped() {
			return
		}
		chunks := findChunks(s.Tokens, lowerSeen, x.lex)
		for ci := 0; ci < len(chunks); ci++ {
			c := chunks[ci]
			if c.from < dlTo && c.to > dlFrom {
				continue // a place of the dateline, added whole
			}
			first := c
			rs, plen := x.roles(s.Tokens[c.from:c.to]) // read once for the title and the chunk's own mentions
			var pre *titleInfo
			// A title-only chunk, then "to/for/of (the)", then a chunk: the title goes on ("Ambassador to Qatar").
			if ti := x.titleOnly(s.Tokens[c.from:c.to], rs, plen); ti != nil && ci+1 < len(chunks) {
				next := chunks[ci+1]
				if conn, ok := connector(s.Tokens, c.to, next.from); ok && (conn == "to" || conn == "for" || conn == "of") {
					ti.connector = conn
					ti.from = c.from
					pre = ti
					c = next
					ci++
					// "Chancellor of the Exchequer Ann Lee": a post only one country has takes the next word
					if x.oneCountryTitle(s.Tokens, pre, c) {
						c.from++
					}
				}
			}
			// "Ministry" + "of" + "Foreign Affairs": an organisation name with a complement.
			org := false
			for ci+1 < len(chunks) {
				next := chunks[ci+1]
				conn, ok := connector(s.Tokens, c.to, next.from)
				if !ok {
					break
				}
				last := s.Tokens[c.to-1].Text
				if (conn == "of" || conn == "for") && lexicon.IsOrgHead(last) {
					c = chunk{c.from, next.to}
					ci++
					org = true
					continue
				}
				if conn == "and" && lexicon.IsOrgHead(s.Tokens[next.to-1].Text) && (x.allPlaceish(s.Tokens[c.from:c.to]) ||
					x.wordsBeforeAnd(s.Tokens, c, next)) {
					c = chunk{c.from, next.to}
					ci++
					continue
				}
				break
			}
			if org {
				x.orgMention(d, si, c, pre)
				continue
			}
			if c != first {
				rs, plen = nil, nil
			}
			x.analyzeChunk(d, si, c, pre, rs, plen)
		}
	}
}

// wordsBeforeAnd reports whether chunk c, before "and" and an organisation's name (next, ending in its
// head word), is the first half of that name: common English words on both sides of "and", no names
// ("Public Service Electric and Gas Company", "Harvard's Energy and Environment Policy Center"). The
// chunk has two words or follows a possessive and holds no post or honorific, its last word is none of
// a place, a given name or a head word; the next name has two words or more, opens with no title,
// nationality, place or given name, and the rest are common words, head words or legal forms.
func (x *Extractor) wordsBeforeAnd(toks []Token, c, next chunk) bool {
	if (c.to-c.from < 2 && (c.from == 0 || !isPossessive(toks[c.from-1]))) || next.to-next.from < 2 {
		return false
	}
	for _, t := range toks[c.from:c.to] {
		if lexicon.IsPostWord(t.Text) || lexicon.IsHonorific(t.Text) {
			return false // "Speaker Ann Wright and Senate leaders": a titled person
		}
	}
	for _, t := range toks[next.from+1 : next.to] {
		if !lexicon.IsOrgHead(t.Text) && !lexicon.IsLegalForm(t.Text) && !x.commonWord(t) {
			return false // "Orvane Securities and Wood Gundy Inc": another firm's name
		}
	}
	return x.commonWord(toks[c.to-1]) && !lexicon.IsOrgHead(toks[c.to-1].Text) && x.commonWord(toks[next.from]) &&
		!lexicon.IsTitleWord(toks[next.from].Text) && !x.isDemonym(toks[next.from].Text)
}

// commonWord reports whether a capitalised token is a common English word and no place, given name or
// abbreviation.
func (x *Extractor) commonWord(t Token) bool {
	if t.AllCaps() || !lexicon.IsEnglishWord(t.Text) || lexicon.IsGivenName(t.Text) {
		return false
	}
	_, place := x.lex.Place(t.Text)
	return !place
}

// lowercaseWords collects the words the article writes in lower case somewhere, so that a capitalised
// common word at the start of a sentence is not taken for a name.
func lowercaseWords(d *Doc) map[string]bool {
	if d.lowerSeen != nil {
		return d.lowerSeen // read once per article: the rules and the tagger both ask
	}
	n := 0
	for _, s := range d.Sents {
		n += len(s.Tokens)
	}
	seen := make(map[string]bool, n*2/5) // news writes about two distinct lower-case words in five tokens
	defer func() { d.lowerSeen = seen }()
	for _, s := range d.Sents {
		for _, t := range s.Tokens {
			if t.Word && !t.Cap() {
				seen[t.Text] = true
			}
		}
	}
	return seen
}

func findChunks(toks []Token, lowerSeen map[string]bool, lex *lexicon.Lexicon) []chunk {
	x := struct{ lex *lexicon.Lexicon }{lex}
	var out []chunk
	for i := 0; i < len(toks); {
		if !isNameToken(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if isNameToken(toks[j]) {
				j++
				continue
			}
			if nameParticles[toks[j].Text] && j+1 < len(toks) && isNameToken(toks[j+1]) {
				j += 2
				continue
			}
			if toks[j].Text == "." && initial(toks[j-1]) && toks[j-1].End == toks[j].Start && j+1 < len(toks) && isNameToken(toks[j+1]) {
				j += 2 // a middle initial: "Martha T. Lowe"
				continue
			}
			if (toks[j].Text == "and" || toks[j].Text == "&") && j+1 < len(toks) && firmPartners[toks[j+1].Text] {
				j += 2 // "Baring Brothers and Co Ltd", "Dombey & Sons": one firm
				continue
			}
			break
		}
		// drop leading function words ("The", "On", "In") and, at the start of a sentence, common words
		// the article writes in lower case elsewhere.
		k := i
		for k < j && (lexicon.IsFunctionWord(toks[k].Text) || (k == 0 && lowerSeen[toks[k].Lower()] &&
			!(k+1 < j && lexicon.IsTitleWord(toks[k+1].Text)))) { // "Prime Minister X" opening a sentence stays whole
			if placeStartsAt(toks[k:j], x.lex) {
				break // "New York", "NEW YORK": the word belongs to a place name
			}
			k++
		}
		// a capitalised function word inside a run starts a new name ("The Acquisition The Philippines ..."),
		// and so does a courtesy title after a word that is no title ("told the BBC Mr Howard")
		for m := k + 1; m < j; m++ {
			if lexicon.IsFunctionWord(toks[m].Text) && toks[m].Cap() {
				if m > k {
					out = append(out, chunk{k, m})
				}
				k = m + 1
			} else if m > k && courtesyTitles[toks[m].Text] && !lexicon.IsTitleWord(toks[m-1].Text) {
				out = append(out, chunk{k, m})
				k = m
			}
		}
		if k < j {
			out = append(out, chunk{k, j})
		}
		i = j
	}
	return out
}

func allDirections(toks []Token) bool {
	for _, t := range toks {
		if !lexicon.IsDirection(t.Text) {
			return false
		}
	}
	return true
}

// saintAt says whether the name at toks[i] is a saint's, after "St", "St." or "Saint", and where that
// word starts.
func saintAt(toks []Token, i int) (int, bool) {
	switch {
	case i >= 1 && (toks[i-1].Text == "St" || toks[i-1].Text == "Saint"):
		return i - 1, true
	case i >= 2 && toks[i-1].Text == "." && toks[i-2].Text == "St":
		return i - 2, true
	}
	return i, false
}

func tokenTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// courtesyTitles open a person's name and stand inside none.
var courtesyTitles = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Miss": true}

// firmPartners are the words after "and" or "&" that end a firm's name with its partners.
var firmPartners = map[string]bool{"Co": true, "Company": true, "Sons": true, "Partners": true}

// firmName says whether a chunk ends in "and" or "&", a partners word and at most a legal form.
func firmName(ct []Token) bool {
	n := len(ct)
	if n >= 4 && lexicon.IsLegalForm(ct[n-1].Text) {
		n--
	}
	return n >= 3 && firmPartners[ct[n-1].Text] && (ct[n-2].Text == "and" || ct[n-2].Text == "&")
}

// shortLegalFormEnd says whether a chunk of two words or more ends in a legal form too short for a
// head word ("Co", "AG", "NV"): "Commercial Credit Co" is a firm, though its first words pass for a title.
func shortLegalFormEnd(ct []Token) bool {
	return len(ct[len(ct)-1].Text) <= 2 && legalFormEnd(ct)
}

// initial reports whether a token is one capital letter.
func initial(t Token) bool {
	r, n := utf8.DecodeRuneInString(t.Text)
	return n == len(t.Text) && unicode.IsUpper(r)
}

func isNameToken(t Token) bool {
	if !t.Word || !t.Cap() {
		return false
	}
	if strings.HasSuffix(t.Lower(), "-old") {
		return false // an age: "Seventeen-year-old", "Six-month-old"
	}
	for i, r := range t.Text {
		if r >= '0' && r <= '9' {
			return false
		}
		// a contraction ("I'm", "Don't") is no name
		if isApos(r) {
			switch strings.ToLower(t.Text[i+len(string(r)):]) {
			case "m", "re", "ve", "ll", "d", "t":
				return false
			}
		}
	}
	return true
}

// placeStartsAt reports whether the tokens begin with a gazetteer place of two words or more.
func placeStartsAt(toks []Token, lex *lexicon.Lexicon) bool {
	for n := min(len(toks), lex.MaxPlaceWords()); n >= 2; n-- {
		if _, ok := lex.Place(joinTokens(toks[:n])); ok {
			return true
		}
	}
	return false
}

// genericHeads name no organisation when they stand alone ("Inc", "the Bank", "the Board").
var genericHeads = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "llc": true, "plc": true, "co": true, "corporation": true, "company": true,
	"group": true, "holdings": true, "industries": true, "partners": true, "exchange": true, "board": true, "bank": true,
	"fund": true, "commission": true, "committee": true, "ministry": true, "department": true, "office": true,
	"agency": true, "court": true, "government": true, "administration": true, "police": true, "army": true,
	"services": true, "service": true, "news": true, "post": true, "times": true, "media": true,
}

// oneCountryTitle reports whether the title before a connector and the first word of chunk c spell a
// post only one country has ("Chancellor of the Exchequer"), with a name after it; the word and the
// connector then join the title and the country is its state.
func (x *Extractor) oneCountryTitle(toks []Token, pre *titleInfo, c chunk) bool {
	if c.to-c.from < 2 || len(pre.words) == 0 {
		return false
	}
	between := toks[pre.from:c.from]
	var ws []string
	for _, t := range between {
		if t.Word {
			ws = append(ws, t.Text)
		}
	}
	title := strings.Join(append(ws, toks[c.from].Text), " ")
	country, kind, ok := lexicon.CountryTerm(title)
	if !ok || kind != lexicon.TermTitle {
		return false
	}
	pre.words = append(pre.words, pre.connector)
	if last := between[len(between)-1]; last.Text == "the" {
		pre.words = append(pre.words, "the")
	}
	pre.words = append(pre.words, toks[c.from].Text)
	pre.connector = ""
	if pre.affil == "" {
		pre.affil = country
	}
	return true
}

// connector returns the lower-case word(s) between two chunks when they are joined by one of
// of/for/to/and, optionally followed by "the".
func connector(toks []Token, from, to int) (string, bool) {
	switch to - from {
	case 1:
		w := toks[from].Text
		if w == "of" || w == "for" || w == "to" || w == "and" {
			return w, true
		}
	case 2:
		w := toks[from].Text
		if (w == "of" || w == "for" || w == "to") && toks[from+1].Text == "the" {
			return w, true
		}
	}
	return "", false
}

// roles classifies each token of a chunk; a gazetteer place spanning several tokens marks its first
// token rPlace and returns its length in plen.
func (x *Extractor) roles(toks []Token) (rs []role, plen []int) {
	rs = make([]role, len(toks))
	plen = make([]int, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// longest gazetteer match from here: of two words or more only while each word may be in one
		k, most := 0, min(len(toks)-i, x.lex.MaxPlaceWords())
		for k < most && x.lex.InPlaceNames(toks[i+k].Text) {
			k++
		}
		for n := max(k, 1); n >= 1; n-- {
			if _, ok := x.lex.Place(joinTokens(toks[i : i+n])); ok {
				rs[i], plen[i] = rPlace, n
				for k := 1; k < n; k++ {
					rs[i+k] = rPlace
				}
				break
			}
		}
		if plen[i] == 1 && x.placeAsSurname(toks, rs, i) {
			rs[i], plen[i] = rName, 0 // "Sue Essex", "John Kerry": the surname, not the place
			continue
		}
		if plen[i] == 1 && x.givenNameFirst(toks, rs, i) {
			rs[i], plen[i] = rName, 0 // "Douglas Hogg", "Jordan Henderson": a given name, not the place
			continue
		}
		if plen[i] > 0 {
			i += plen[i] - 1
			continue
		}
		if _, n := x.demonymAt(toks, i); n == 2 {
			rs[i], rs[i+1] = rDemonym, rDemonym // "South Korean"
			i++
			continue
		}
		switch w := t.Text; {
		case x.isDemonym(w):
			rs[i] = rDemonym
		case lexicon.IsOrganWord(w):
			rs[i] = rOrgan
		case lexicon.IsOrgHead(w):
			rs[i] = rOrgHead
		case lexicon.IsTitleWord(w) || lexicon.IsHonorific(w):
			rs[i] = rTitle
		case otherHeads[strings.ToLower(w)]:
			rs[i] = rOtherHead
		default:
			rs[i] = rName
		}
	}
	return rs, plen
}

// givenNameFirst says whether the one-word place at toks[i] is a given name that opens a person's name:
// it starts the chunk or follows a title, and one plain name word (no place, title, nationality, head
// word or English word) ends the chunk after it.
func (x *Extractor) givenNameFirst(toks []Token, rs []role, i int) bool {
	if i+2 != len(toks) || (i > 0 && rs[i-1] != rTitle) || !lexicon.IsGivenName(toks[i].Text) {
		return false
	}
	w := toks[i+1].Text
	if _, ok := x.lex.Place(w); ok || x.isDemonym(w) || lexicon.IsOrganWord(w) || lexicon.IsOrgHead(w) ||
		lexicon.IsTitleWord(w) || lexicon.IsHonorific(w) || otherHeads[strings.ToLower(w)] || lexicon.IsGeoHead(w) ||
		lexicon.IsDirection(w) || lexicon.IsPostNominal(w) {
		return false
	}
	// a surname is no English word and no abbreviation ("London Marathon", "Sydney International",
	// "London HQ" are the place's)
	return toks[i+1].Word && toks[i+1].Cap() && !toks[i+1].AllCaps() && !lexicon.IsEnglishWord(w)
}

// placeAsSurname says whether the one-word place at toks[i], no country and no venue noun, ends the
// chunk right after a given name that starts it or follows a title: it is the person's surname
// ("Sarah Lancashire").
func (x *Extractor) placeAsSurname(toks []Token, rs []role, i int) bool {
	if i+1 != len(toks) || i == 0 || rs[i-1] != rName || (i > 1 && rs[i-2] != rTitle) || !lexicon.IsGivenName(toks[i-1].Text) {
		return false
	}
	p, ok := x.lex.Place(toks[i].Text)
	return ok && p.Kind != lexicon.Country && !toks[i].AllCaps() && !lexicon.IsVenueNoun(toks[i].Text) // "Sage Centre"
}

// demonymAt reads the nationality adjective at toks[i], of two words ("South Korean") or one, plural
// or not, and returns its country and length (0 when there is none).
func (x *Extractor) demonymAt(toks []Token, i int) (string, int) {
	if i < 0 || i >= len(toks) {
		return "", 0
	}
	if i+1 < len(toks) && toks[i+1].Cap() {
		// looked up only when both words may be words of a demonym of two
		if next := strings.TrimSuffix(toks[i+1].Text, "s"); x.lex.InDemonyms(toks[i].Text) && x.lex.InDemonyms(next) {
			if c, ok := x.lex.Demonym(toks[i].Text + " " + next); ok {
				return c, 2
			}
		}
	}
	if c, ok := x.lex.Demonym(strings.TrimSuffix(toks[i].Text, "s")); ok {
		return c, 1
	}
	if c, ok := x.lex.Demonym(toks[i].Text); ok {
		return c, 1
	}
	return "", 0
}

func (x *Extractor) isDemonym(w string) bool {
	if _, ok := x.lex.Demonym(w); ok {
		return true
	}
	if strings.HasSuffix(w, "s") {
		_, ok := x.lex.Demonym(strings.TrimSuffix(w, "s"))
		return ok
	}
	return false
}

func joinTokens(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// titleInfo is a job title read before a name.
type titleInfo struct {
	words     []string // the title's words, without nationality adjectives
	affil     string   // country from a nationality adjective or a place before the title
	connector string   // to/for/of joining the title to what follows
	from      int      // token index where the title starts
}

// titleOnly returns the title a chunk spells when it has only title words, nationality adjectives and
// organ words ("Chinese Ambassador", "Politburo Chairman"), given the roles of its tokens.
func (x *Extractor) titleOnly(toks []Token, rs []role, plen []int) *titleInfo {
	ti := &titleInfo{}
	hasTitle := false
	for i, r := range rs {
		switch r {
		case rTitle:
			hasTitle = true
			ti.words = append(ti.words, toks[i].Text)
		case rDemonym:
			if c, n := x.demonymAt(toks, i); n > 0 && (i == 0 || rs[i-1] != rDemonym) {
				ti.affil = c
			}
		case rPlace:
			// "U.S. Secretary (of State X)": a country before the title is its state
			if plen[i] == 0 {
				continue
			}
			p, ok := x.lex.Place(joinTokens(toks[i : i+plen[i]]))
			if !ok || p.Kind != lexicon.Country || hasTitle {
				return nil
			}
			ti.affil = p.Country
		case rOrgan:
		default:
			return nil
		}
	}
	if !hasTitle {
		return nil
	}
	return ti
}

func (x *Extractor) allPlaceish(toks []Token) bool {
	rs, _ := x.roles(toks)
	for i, r := range rs {
		if r != rPlace && !lexicon.IsDirection(toks[i].Text) {
			return false
		}
	}
	return true
}

func (d *Doc) addMention(si, from, to int, typ graph.EntityType) *Mention {
	toks := d.Sents[si].Tokens
	m := &Mention{Start: toks[from].Start, End: toks[to-1].End, Sent: si, Tok: from, TokEnd: to, TitleFrom: from, Type: typ}
	m.Text = d.Text[m.Start:m.End]
	d.Mentions = append(d.Mentions, m)
	return m
}

// analyzeChunk turns one chunk into mentions: an organisation, a place, or a person's name with the
// title, nationality and places written before it. rs and plen are the roles of the chunk's tokens
// when already read (nil when not), which it may change.
func (x *Extractor) analyzeChunk(d *Doc, si int, c chunk, pre *titleInfo, rs []role, plen []int) {
	ct := d.Sents[si].Tokens[c.from:c.to]
	if rs == nil {
		rs, plen = x.roles(ct)
	}
	if x.wholeChunk(d, si, c, pre, ct, rs, plen) {
		return
	}
	x.describedName(d, si, c, pre, ct, rs, plen)
}

// wholeChunk adds the mention of a chunk that is one thing by its shape (a place, two places joined
// by a hyphen, an organisation by its head) or is no name at all, and says whether it did so.
func (x *Extractor) wholeChunk(d *Doc, si int, c chunk, pre *titleInfo, ct []Token, rs []role, plen []int) bool {
	last := len(ct) - 1
	// Whole chunk is a gazetteer place.
	if rs[0] == rPlace && plen[0] == len(ct) {
		m := d.addMention(si, c.from, c.to, graph.Place)
		m.InTitle = pre != nil
		return true
	}
	if lexicon.IsGeoHead(ct[last].Text) && len(ct) >= 2 {
		d.addMention(si, c.from, c.to, graph.Place)
		return true
	}
	if lexicon.IsDirection(ct[last].Text) && strings.HasSuffix(ct[last].Lower(), "ern") {
		return true // "Middle Eastern", "Western": adjectives, not names
	}
	if _, n := x.demonymAt(ct, 0); n == len(ct) || len(ct) >= 2 && x.isDemonym(ct[last].Text) && allDirections(ct[:last]) {
		return true // "South Korean", "South East Asian": nationality adjectives, not names
	}
	if len(ct) == 2 && lexicon.IsDirection(ct[0].Text) && rs[1] != rTitle {
		d.addMention(si, c.from, c.to, graph.Place) // "West Bank", "North Africa", "Middle East"
		return true
	}
	if len(ct) == 2 && isCompass(ct[1].Text) {
		return true // "Global South": a bloc of countries, not an entity of one kind
	}
	// "Palestine-Israel": two places joined by a hyphen
	if len(ct) == 1 && strings.Contains(ct[0].Text, "-") {
		if parts := x.hyphenPlaces(ct[0]); parts != nil {
			for _, p := range parts {
				m := &Mention{Start: p[0], End: p[1], Text: d.Text[p[0]:p[1]], Type: graph.Place, Sent: si, Tok: c.from, TokEnd: c.to, TitleFrom: c.from, InTitle: true}
				d.Mentions = append(d.Mentions, m)
			}
			return true
		}
	}
	if firmName(ct) || shortLegalFormEnd(ct) {
		x.orgMention(d, si, c, pre) // "Wilson and Co", "Bear Stearns and Co Inc", "Orvane Credit Co": a firm
		return true
	}
	switch rs[last] {
	case rOtherHead:
		return true
	case rOrgHead:
		if len(ct) == 1 && genericHeads[ct[0].Lower()] {
			return true // a bare "Bank" or "Inc" names nothing
		}
		x.orgMention(d, si, c, pre)
		return true
	}
	return false
}

// describedName adds the mention of the name at the end of a chunk, typed and given the title,
// nationality and affiliation that the words before it (and pre) describe.
func (x *Extractor) describedName(d *Doc, si int, c chunk, pre *titleInfo, ct []Token, rs []role, plen []int) {
	toks := d.Sents[si].Tokens
	// Letters after a name ("Jane Smith MP", "John Brown QC") are no part of it, but say it is a person.
	postNominal := false
	for len(ct) > 1 && lexicon.IsPostNominal(ct[len(ct)-1].Text) && ct[len(ct)-1].AllCaps() {
		ct, rs = ct[:len(ct)-1], rs[:len(rs)-1]
		c.to--
		postNominal = true
	}
	// The name is the run of name tokens at the end; what stands before it describes it.
	k := len(ct)
	for k > 0 && rs[k-1] == rName {
		k--
	}
	if k == len(ct) {
		return // no name at all: a title, a nationality, an organ ("Politburo Chairman")
	}
	if from, ok := saintAt(toks, c.from+k); ok {
		// "St Helens", "St Paul's Cathedral": a saint's name names a town or a building, no person
		if (c.to == len(toks) || !isPossessive(toks[c.to])) && lexicon.TownWords(tokenTexts(toks[from:c.to])) {
			d.addMention(si, from, c.to, graph.Place)
		}
		return
	}
	k = peerRank(toks, c, ct, rs, k)
	if pre == nil && !postNominal && modifierBeforeWord(ct, rs, k) {
		d.addMention(si, c.from, c.to, "") // "General Motors", "Federal Savings": one name, typed later
		return
	}
	info := &titleInfo{from: c.from}
	if pre != nil {
		*info = *pre
	}
	affilMention, hasTitle := x.describe(d, si, c, pre, ct, rs, plen, k, info)
	name := ct[k:]
	if k == 0 && pre != nil && (pre.connector == "of" || pre.connector == "for") && affilMention == nil {
		// "Chairman of Gazprom": what follows "of" is the body the title belongs to, unless it is a
		// town ("MP for Wantage": the seat)
		typ := graph.Organisation
		if len(ct) == 1 && !lexicon.IsEnglishWord(ct[0].Text) && lexicon.TownWords(tokenTexts(ct)) {
			typ = graph.Place
		}
		m := d.addMention(si, c.from, c.to, typ)
		m.InTitle = true
		m.Weak = true
		return
	}
	typ := graph.EntityType("")
	switch {
	case hasTitle || postNominal:
		typ = graph.Person
	case len(name) == 1 && name[0].AllCaps() && !strings.ContainsAny(name[0].Text, "-."):
		if c.to < len(toks) && toks[c.to].Text == ":" {
			return // "NOTE:", "UPDATE:": a label
		}
		if k == 0 {
			d.addMention(si, c.from+k, c.to, graph.Organisation)
			return
		}
	case len(name) >= 2:
		typ = graph.Person
	}
	m := d.addMention(si, c.from+k, c.to, typ)
	m.Weak = typ == graph.Person && !hasTitle && !postNominal
	if hasTitle || info.affil != "" || affilMention != nil {
		m.Title = strings.Join(info.words, " ")
		m.Affil = info.affil
		m.TitleFrom = info.from
		if affilMention != nil {
			m.Affil = ""
			m.affilMention = affilMention
		}
	}
}

// modifierBeforeWord reports whether a chunk's name ct[k:] is common English words, no given name
// or honorific first, after title words that are all modifiers, no post, honorific or rank, and no
// noun for people before another ("General", "Federal", "Social", "Energy Security"; not "Attorney
// General"), beside names and places: no person is named so; the words belong to one name ("General
// Motors", "Social Democratic", "Energy Security Analysis", "General Public Utilities").
func modifierBeforeWord(ct []Token, rs []role, k int) bool {
	if k == 0 || k == len(ct) || lexicon.IsGivenName(ct[k].Text) || lexicon.IsHonorific(ct[k].Text) || lexicon.IsPeerage(ct[k].Text) {
		return false
	}
	for _, t := range ct[k:] {
		if t.AllCaps() || !lexicon.IsEnglishWord(t.Text) {
			return false
		}
	}
	title := false
	for i, r := range rs[:k] {
		w := ct[i].Text
		switch {
		case r == rTitle && i+1 < k && rs[i+1] == rTitle && peopleNoun(strings.ToLower(w)):
			return false // a noun for people makes a post with the title word after it ("Attorney General")
		case r == rTitle && !lexicon.IsPostWord(w) && !lexicon.IsHonorific(w) && !lexicon.IsPeerage(w):
			title = true
		case r == rName || r == rPlace || r == rDemonym: // "Florida National Banks", "Chinese General Foods"
		default:
			return false
		}
	}
	return title
}

// royalRanks name royals by rank and one name, as peers are ("Prince Charles", "Queen Rania").
var royalRanks = map[string]bool{"prince": true, "princess": true, "king": true, "queen": true}

// peerRank returns where the name at ct[k:] starts when a peer's or royal's rank before it is part of
// it: a peer is named by rank and one name ("Lord Ashdown", "Minister Baroness Smith", "Prince
// Charles"), though not the "Lady" of a first lady. It marks the rank a name word in rs.
func peerRank(toks []Token, c chunk, ct []Token, rs []role, k int) int {
	before := ""
	if k >= 2 {
		before = ct[k-2].Text
	} else if k == 1 && c.from > 0 {
		before = toks[c.from-1].Text
	}
	if k == len(ct)-1 && k > 0 && (lexicon.IsPeerage(ct[k-1].Text) || royalRanks[ct[k-1].Lower()] && !lexicon.IsPostNominal(ct[k].Text)) &&
		!strings.EqualFold(before, "first") {
		k--
		rs[k] = rName
	}
	return k
}

// describe reads the words before a chunk's name (ct[:k], with their roles rs): it adds the places and
// the organisation they name, fills info's title words and nationality, and returns the organisation
// the post is at (nil when none is named) and whether a title was found.
func (x *Extractor) describe(d *Doc, si int, c chunk, pre *titleInfo, ct []Token, rs []role, plen []int, k int, info *titleInfo) (*Mention, bool) {
	var affilMention *Mention
	hasTitle := len(info.words) > 0
	for i := 0; i < k; i++ {
		switch rs[i] {
		case rPlace:
			n := plen[i]
			if n == 0 {
				continue
			}
			pm := d.addMention(si, c.from+i, c.from+i+n, graph.Place)
			pm.InTitle = true
			if pre != nil && pre.connector != "" && !hasTitleAfter(rs, i+n, k) {
				// "Ambassador to Qatar": the place completes the title
				info.words = append(info.words, pre.connector, ct[i].Text)
				for j := 1; j < n; j++ {
					info.words[len(info.words)-1] += " " + ct[i+j].Text
				}
			} else if info.affil == "" && affilMention == nil {
				if p, ok := x.lex.Place(joinTokens(ct[i : i+n])); ok && (p.Kind == lexicon.Region || p.Kind == lexicon.City) && portfolioTitleAfter(rs, i+n, k) {
					// "Ontario Premier X", "Texas Railroad Commissioner X": the post is the province's or
					// the city's; an organisation's head word between them makes a body ("New York
					// Stock Exchange Chairman X": the exchange's)
					affilMention = pm
				} else if ok && p.Country != "" {
					info.affil = p.Country
				}
			}
			i += n - 1
		case rDemonym:
			if cn, n := x.demonymAt(ct, i); n > 0 && info.affil == "" {
				info.affil = cn
			}
		case rTitle:
			hasTitle = true
			if i == 0 && pre != nil && pre.connector != "" && len(pre.words) > 0 {
				info.words = append(info.words, pre.connector) // "Secretary" "of" "State"
			}
			info.words = append(info.words, ct[i].Text)
		case rOrgan:
			// "Workers Politburo Okafor": the name before the organ is the organisation
			if i > 0 && rs[i-1] == rName && affilMention == nil {
				affilMention = d.addMention(si, c.from, c.from+i, graph.Organisation)
				affilMention.InTitle = true
			}
		case rOrgHead:
			// "Senate Republicans": an organisation named before the name
			if affilMention == nil {
				affilMention = d.addMention(si, c.from, c.from+i+1, graph.Organisation)
				affilMention.InTitle = true
			}
		case rName:
			// a name word inside the description, e.g. an organisation without a head before the organ;
			// a party's name before a title is the party the post is at ("Labour MP Ann Lee")
			_, isParty := lexicon.PartyName(ct[i].Text)
			if (isParty || lexicon.NamedBody(ct[i].Text)) && affilMention == nil && i+1 < k && rs[i+1] == rTitle {
				// a named body before the title is where the post is held ("Bundesbank President X")
				affilMention = d.addMention(si, c.from+i, c.from+i+1, graph.Organisation)
				affilMention.InTitle = true
			} else if i+1 < k && rs[i+1] == rTitle && (hasTitle || i == 0 || rs[i-1] != rName) {
				info.words = append(info.words, ct[i].Text) // a portfolio: "Oil Minister", "Treasury Secretary"
			}
		}
	}
	return affilMention, hasTitle
}

// portfolioTitleAfter reports whether tokens from..to-1 hold a title and, beside it, nothing but name
// words (a portfolio, a party: "Railroad Commissioner", "Republican Governor"): no organisation's
// head word ("County Superior Court Judge" is the court's).
func portfolioTitleAfter(rs []role, from, to int) bool {
	title := false
	for i := from; i < to; i++ {
		switch rs[i] {
		case rTitle:
			title = true
		case rName, rDemonym:
		default:
			return false
		}
	}
	return title
}

func hasTitleAfter(rs []role, from, to int) bool {
	for i := from; i < to; i++ {
		if rs[i] == rTitle {
			return true
		}
	}
	return false
}

// orgMention adds an organisation ending in an organisation head. A nationality or place at its start
// stays part of the name ("French Interior Ministry"); a possessive place right before it ("France's
// Foreign Ministry") is kept as the country it belongs to.
func (x *Extractor) orgMention(d *Doc, si int, c chunk, pre *titleInfo) {
	toks := d.Sents[si].Tokens
	m := d.addMention(si, c.from, c.to, graph.Organisation)
	m.InTitle = pre != nil
	// a country named at the start of the organisation's name is a mention of the country too
	// ("Philippines Armed Forces")
	rs, plen := x.roles(toks[c.from:c.to])
	if len(rs) > 1 && rs[0] == rPlace && plen[0] < len(rs) {
		if p, ok := x.lex.Place(joinTokens(toks[c.from : c.from+plen[0]])); ok && p.Kind == lexicon.Country {
			pm := d.addMention(si, c.from, c.from+plen[0], graph.Place)
			pm.InTitle = true
		}
	}
	if c.from >= 2 && isPossessive(toks[c.from-1]) {
		if p, ok := x.lex.Place(toks[c.from-2].Text); ok && p.Kind == lexicon.Country {
			m.Affil = p.Country
		}
	}
}

func isPossessive(t Token) bool {
	s := t.Text
	return s == "'s" || s == "’s" || s == "'" || s == "’" || s == "ʼs"
}

func (m *Mention) vote(t graph.EntityType) {
	if m.typeVotes == nil {
		m.typeVotes = map[graph.EntityType]int{}
	}
	m.typeVotes[t]++
}

// folded is the comparison key of a mention's text, folded once while the text stays the same (the
// type and coreference stages ask for it again and again).
func (m *Mention) folded() string {
	if m.Text != m.foldOf || m.Text == "" {
		m.foldOf, m.fold, m.foldWords = m.Text, names.Fold(m.Text), nil
	}
	return m.fold
}

// foldedWords is strings.Fields(m.folded()), kept as folded is. Callers must not change it.
func (m *Mention) foldedWords() []string {
	f := m.folded()
	if m.foldWords == nil {
		m.foldWords = strings.Fields(f)
	}
	return m.foldWords
}

func isCompass(w string) bool {
	switch strings.ToLower(w) {
	case "north", "south", "east", "west":
		return true
	}
	return false
}

// hyphenPlaces returns the byte spans of the parts of a hyphenated word when every part is a
// gazetteer place, else nil.
func (x *Extractor) hyphenPlaces(t Token) [][2]int {
	var out [][2]int
	start := t.Start
	for _, part := range strings.Split(t.Text, "-") {
		if _, ok := x.lex.Place(part); !ok || part == "" {
			return nil
		}
		out = append(out, [2]int{start, start + len(part)})
		start += len(part) + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
