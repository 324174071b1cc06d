package extract

import (
	"slices"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/ner"
)

// How sure the learned tagger must be (its margin, see ner.Span, on a scale where the median name in
// its training data scores ner.MedianMargin) before its word counts against the rules: to type a name
// the rules left weak or untyped, to retype or trim one the rules typed, to drop a name it reads as no
// name at all, and to add a name the rules did not see.
const (
	marginType   = 6.0
	marginRetype = 8.0
	marginTrim   = 3.0
	marginDrop   = 5.0
	marginAdd    = 8.0
	marginHead   = 8.0
)

// learnedMentions lets the learned tagger decide the boundaries of names and note its type for each.
// The rules found their mentions first (with the titles, nationalities and organisations written
// before a name, which the tagger does not read); here each rule mention is trimmed to the tagger's
// name where the rules swept in a capitalised word that is no part of it, joined with its neighbours
// where the rules broke one name in two, or dropped when the tagger is sure its words name nothing;
// and names the rules missed, in headlines and captions too, are added. Types are settled after the
// rules have read the context (learnedTypes).
func (x *Extractor) learnedMentions(d *Doc) {
	if x.tagger == nil {
		return
	}
	lower := lowercaseWords(d)
	var capWords map[string]bool // the capitalised words of the article, read when a group needs them
	capitalised := func() map[string]bool {
		if capWords == nil {
			capWords = map[string]bool{}
			for _, s := range d.Sents {
				for _, t := range s.Tokens {
					if t.Word && t.Cap() {
						capWords[t.Text] = true
					}
				}
			}
		}
		return capWords
	}
	bySent := make([][]*Mention, len(d.Sents))
	for _, m := range d.Mentions {
		m.ruleWeak = m.Type == "" || m.Weak
		bySent[m.Sent] = append(bySent[m.Sent], m)
	}
	var kept []*Mention
	var words []string
	for si := range d.Sents {
		if d.stopped() {
			return
		}
		s := &d.Sents[si]
		words = words[:0]
		for _, t := range s.Tokens {
			words = append(words, t.Text)
		}
		res := x.tagger.Tag(ner.Sentence{Words: words, LowerSeen: lower}, s.Headline)
		res.Spans = x.dropNationalities(s.Tokens, res, capitalised)
		used := make([]bool, len(res.Spans))
		ms := x.joinSplitNames(d, si, bySent[si], res)
		for _, m := range ms {
			if x.reconcile(d, m, res, used) {
				kept = append(kept, m)
			}
		}
		for i, sp := range res.Spans {
			if used[i] || sp.Margin < marginAdd || overlapsAny(bySent[si], sp) || !x.nameLike(s.Tokens[sp.From:sp.To]) ||
				wireCode(s.Tokens, sp.From, sp.To) {
				continue
			}
			if s.Headline && sp.Margin < marginHead {
				continue
			}
			if s.Headline && allCapsLine(s.Tokens) {
				continue // capitalised wire headlines: the tagger reads them poorly
			}
			m := &Mention{Start: s.Tokens[sp.From].Start, End: s.Tokens[sp.To-1].End, Sent: si, Tok: sp.From,
				TokEnd: sp.To, TitleFrom: sp.From, Type: sp.Type, learned: sp.Margin, learnedType: sp.Type, ruleWeak: true}
			m.Text = d.Text[m.Start:m.End]
			kept = append(kept, m)
		}
	}
	d.Mentions = kept
	signOff(d)
	slices.SortStableFunc(d.Mentions, func(a, b *Mention) int { return a.Start - b.Start })
}

// learnedTypes settles the types of names after the rules' reading of their context: a name the rules
// left untyped or weak, and that context did not type, takes the tagger's type; a name the rules typed
// takes the tagger's type only when the tagger is sure. A name after a job title stays a person's, and
// a state a place. Then every mention of a name takes one type.
func (x *Extractor) learnedTypes(d *Doc) {
	if x.tagger == nil {
		return
	}
	x.taggerTypes(d)
	bySent := make([][]*Mention, len(d.Sents))
	for _, m := range d.Mentions {
		bySent[m.Sent] = append(bySent[m.Sent], m)
	}
	for _, m := range d.Mentions {
		// "the Christian Democrats", "Scottish Nationalists": members named together are their party
		toks := d.Sents[m.Sent].Tokens
		if m.Title == "" && m.Type != graph.Place && lexicon.IsMembersName(toks[m.TokEnd-1].Text) {
			m.Type, m.Weak = graph.Organisation, false
			// "the Liberal Democrats" read as "Democrats": the adjective before it is part of the name
			if k := m.Tok - 1; k > 0 && toks[k].Word && toks[k].Cap() && !lexicon.IsFunctionWord(toks[k].Text) &&
				!x.isDemonym(toks[k].Text) && !lexicon.IsOrgHead(toks[k].Text) && mentionCovering(bySent[m.Sent], k) == nil {
				m.Tok, m.TitleFrom, m.Start = k, k, toks[k].Start
				m.Text = d.Text[m.Start:m.End]
			}
			continue
		}
		// a "person" whose name ends in a legal form is a company ("Boeing Co", "Acme Foods Ltd")
		if last := toks[m.TokEnd-1]; m.Type == graph.Person && m.Title == "" && m.TokEnd-m.Tok >= 2 && lexicon.IsLegalForm(last.Text) &&
			(len(last.Text) > 2 || last.AllCaps() || last.Text == "Co") { // not the surname "Oe"

			m.Type, m.Weak = graph.Organisation, false
			continue
		}
		// a "person" named by a building or a body ("the Sands Hotel", "Golden Temple", "Acme Holdings"),
		// unless it opens with a given name ("Shirley Temple", "Jerry Hall") or a title stands before it
		if m.Type == graph.Person && m.Title == "" && m.TokEnd-m.Tok >= 2 && !lexicon.IsGivenName(toks[m.Tok].Text) &&
			!(m.Tok > 0 && lexicon.IsHonorific(toks[m.Tok-1].Text)) {
			last := toks[m.TokEnd-1].Text
			switch {
			case lexicon.IsTitleWord(last) || lexicon.IsHonorific(toks[m.Tok].Text):
			case lexicon.IsVenueNoun(last) && !lexicon.IsOrgHead(last):
				m.Type, m.Weak = graph.Place, false
			case lexicon.IsWordNetOrgNoun(last) || lexicon.IsOrgHead(last):
				m.Type, m.Weak = graph.Organisation, false
			}
		}
	}
	x.oneTypePerName(d.Mentions)
	x.placesNamedAsPeople(d)
	x.peopleNamedAsOrganisations(d)
	dropWordNames(d)
	dropUnsignedWords(d)
	for _, m := range d.Mentions {
		if _, ok := lexicon.PartyName(cleanName(m.Text)); ok && m.Title == "" {
			if toks := d.Sents[m.Sent].Tokens; m.Tok > 0 && toks[m.Tok-1].Word && toks[m.Tok-1].Cap() &&
				!lexicon.IsFunctionWord(toks[m.Tok-1].Text) {
				m.Type = "" // "Senate Republicans": some members of another body, not the party
				continue
			}
			m.Type, m.Weak = graph.Organisation, false // "the Tories", "Democrats": a party
		}
	}
}

// taggerTypes gives a name the tagger's type where the rules and context left it open or weak and the
// tagger is sure enough, or where the tagger is very sure.
func (x *Extractor) taggerTypes(d *Doc) {
	// names whose type context read somewhere in the article ("Frelimo officials")
	contextTyped := map[string]bool{}
	for _, m := range d.Mentions {
		if len(m.typeVotes) > 0 {
			contextTyped[m.folded()] = true
		}
	}
	// the words of people's full names: one alone is that person ("Okafor" after "Ada Okafor", or a family
	// name written first), which the tagger may retype only when it is sure
	nameWords := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Type == graph.Person && m.TokEnd-m.Tok >= 2 {
			for _, w := range strings.Fields(m.folded()) {
				nameWords[w] = true
			}
		}
	}
	for _, m := range d.Mentions {
		if m.learnedType == "" || m.learnedType == m.Type || (m.Title != "" && m.Type == graph.Person) || x.isState(m) || m.dateline {
			continue
		}
		if m.Type == graph.Organisation && firmName(d.Sents[m.Sent].Tokens[m.Tok:m.TokEnd]) {
			continue // "David Smith & Partners": the firm, though the tagger reads its founder
		}
		switch {
		case m.ruleWeak && !contextTyped[m.folded()] && m.learned >= marginType && (m.learnedType == graph.Person || !nameWords[m.folded()]):
			m.Type, m.Weak = m.learnedType, false
		case m.learned >= marginRetype && (!contextTyped[m.folded()] || m.learned >= 2*marginRetype):
			m.Type, m.Weak = m.learnedType, false
		}
	}
}

// placesNamedAsPeople types as a place a "person" whose name is a place of the gazetteer (a country,
// region or city of places.tsv; a town of two words or more of the towns list: "Cape Canaveral") when
// nothing in the article shows a person: no given name opens it, no mention of it has a title or an
// honorific, and it is no word of a person's full name there ("Kerry" of "John Kerry"). A place's name
// that says something ("Punta said") is a company named after the place.
func (x *Extractor) placesNamedAsPeople(d *Doc) {
	signed := map[string]bool{} // names with a sign of a person somewhere in the article
	says := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Type != graph.Person {
			continue
		}
		if toks := d.Sents[m.Sent].Tokens; m.TokEnd < len(toks) && saysWord(toks[m.TokEnd].Lower()) {
			says[m.folded()] = true
		}
		if m.Title != "" || m.TitleFrom < m.Tok || m.InTitle {
			signed[m.folded()] = true
		}
		if ws := m.foldedWords(); len(ws) >= 2 {
			for _, w := range ws {
				signed[w] = true
			}
		}
	}
	for _, m := range d.Mentions {
		if m.Type != graph.Person || signed[m.folded()] {
			continue
		}
		toks := d.Sents[m.Sent].Tokens[m.Tok:m.TokEnd]
		if !toks[0].Word || lexicon.IsGivenName(toks[0].Text) || lexicon.IsHonorific(toks[0].Text) || (m.Tok > 0 && lexicon.IsHonorific(d.Sents[m.Sent].Tokens[m.Tok-1].Text)) {
			continue
		}
		if _, ok := x.lex.Place(m.Text); ok || (len(toks) >= 2 && lexicon.TownWords(tokenTexts(toks))) {
			m.Type, m.Weak = graph.Place, false
			if says[m.folded()] {
				m.Type = graph.Organisation
			}
		}
	}
}

// saysWord reports whether a lower-case word is "says" or the past of a WordNet verb of saying ("said",
// "added", "announced").
func saysWord(w string) bool {
	inf, lemma, ok := lexicon.Verb(w, "say")
	return ok && (inf == "past" || inf == "part" || inf == "s" && lemma == "say")
}

// dropWordNames leaves untyped the "people" whose names are English words that no given name opens
// and no title or honorific stands before anywhere in the article: the titles of films, games and
// songs, bands and events ("Fixed Penalty", "Golden Globe", "Consumer Electronics Show"); and the
// one-word people and organisations that are a common word the article also writes in lower case.
func dropWordNames(d *Doc) {
	titled := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Type == graph.Person && (m.Title != "" || m.TitleFrom < m.Tok) {
			titled[m.folded()] = true
		}
	}
	for _, m := range d.Mentions {
		if m.Type != graph.Person || m.TokEnd-m.Tok < 2 || m.Title != "" || m.InTitle || titled[m.folded()] {
			continue
		}
		toks := d.Sents[m.Sent].Tokens[m.Tok:m.TokEnd]
		if !toks[0].Word || lexicon.IsGivenName(toks[0].Text) || lexicon.IsHonorific(toks[0].Text) || lexicon.IsPeerage(toks[0].Text) {
			continue
		}
		words := true
		for _, t := range toks {
			if !lexicon.IsEnglishWord(t.Text) {
				words = false
				break
			}
		}
		if words {
			m.Type = ""
		}
	}
	// one capitalised common word the article also writes in lower case names nothing: "the Cabinet",
	// "Budget", "Facility"
	lower := lowercaseWords(d)
	for _, m := range d.Mentions {
		if (m.Type != graph.Person && m.Type != graph.Organisation) || m.TokEnd-m.Tok != 1 || m.Title != "" || m.InTitle {
			continue
		}
		t := d.Sents[m.Sent].Tokens[m.Tok]
		if _, party := lexicon.PartyName(t.Text); !party && !t.AllCaps() && lower[t.Lower()] && lexicon.IsEnglishWord(t.Text) {
			m.Type = ""
		}
	}
}

// peopleNamedAsOrganisations types as a person an "organisation" named by a given name and a surname
// and nothing else: two or three words, the first a given name, the last no English word, none an
// organisation's head, a legal form, a firm's partners or a place, none in capitals, when the tagger
// read no organisation there ("his counterpart Ama Dorsey, the official news agency ... said" gave it the
// agency's vote).
func (x *Extractor) peopleNamedAsOrganisations(d *Doc) {
	orgRead := map[string]bool{} // names the tagger reads as organisations somewhere in the article
	for _, m := range d.Mentions {
		if m.learnedType == graph.Organisation && m.learned >= marginType {
			orgRead[m.folded()] = true
		}
	}
	for _, m := range d.Mentions {
		if m.Type != graph.Organisation || m.Title != "" || m.InTitle || orgRead[m.folded()] {
			continue
		}
		if n := m.TokEnd - m.Tok; n >= 2 && n <= 3 && x.personShaped(d.Sents[m.Sent].Tokens[m.Tok:m.TokEnd]) {
			m.Type, m.Weak = graph.Person, false
		}
	}
}

// personShaped reports whether words are a given name and a surname and nothing else (see
// peopleNamedAsOrganisations).
func (x *Extractor) personShaped(toks []Token) bool {
	if !lexicon.IsGivenName(toks[0].Text) || lexicon.IsEnglishWord(toks[len(toks)-1].Text) {
		return false
	}
	for _, t := range toks {
		w := t.Text
		if !t.Word || !t.Cap() || t.AllCaps() || lexicon.IsOrgHead(w) || lexicon.IsLegalForm(w) || firmPartners[w] ||
			lexicon.IsWordNetOrgNoun(w) || lexicon.IsGeoHead(w) || lexicon.IsVenueNoun(w) {
			return false
		}
		if _, ok := x.lex.Place(w); ok {
			return false
		}
	}
	_, ok := x.lex.Place(joinTokens(toks))
	return !ok
}

// dropUnsignedWords leaves untyped the one-word people and organisations that are a common English
// word, no given name, when nothing in the article shows what they are: the rules did not type them
// by their own words, no mention of them has a title or a type read from its context, the tagger is
// not sure of them, they own and say nothing, no initial stands before them, and they are no word of a person's full name there. Such a word is a heading, a
// sentence's first word, or a piece of a longer name the rules cut ("Awards" of a film prize, "Line" of
// a shipping line).
func dropUnsignedWords(d *Doc) {
	signed := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Type == "" {
			continue
		}
		if m.TokEnd-m.Tok >= 2 {
			if m.Type == graph.Person {
				for _, w := range m.foldedWords() {
					signed[w] = true
				}
			}
			continue
		}
		if !m.ruleWeak || m.Title != "" || m.TitleFrom < m.Tok || m.InTitle || len(m.typeVotes) > 0 ||
			taggerSure(m) || actsAt(d.Sents[m.Sent].Tokens, m.TokEnd) || (m.Tok > 0 && initial(d.Sents[m.Sent].Tokens[m.Tok-1])) {
			signed[m.folded()] = true
		}
	}
	for _, m := range d.Mentions {
		if (m.Type != graph.Person && m.Type != graph.Organisation) || m.TokEnd-m.Tok != 1 || signed[m.folded()] {
			continue
		}
		t := d.Sents[m.Sent].Tokens[m.Tok]
		if _, party := lexicon.PartyName(t.Text); !party && !t.AllCaps() && lexicon.IsEnglishWord(t.Text) &&
			!lexicon.IsGivenName(t.Text) && !lexicon.IsMembersName(t.Text) {
			m.Type = ""
		}
	}
}

// taggerSure reports whether the tagger read a mention's type surely enough to stand without other
// signs: a person only when it would retype the rules' reading, an organisation when it would type it.
func taggerSure(m *Mention) bool {
	if m.learnedType != m.Type {
		return false
	}
	if m.Type == graph.Person {
		return m.learned >= marginRetype
	}
	return m.learned >= marginType
}

// actsAt reports whether the word at toks[i], right after a name, shows the name does or owns something:
// a possessive ("Acme's") or a verb of saying ("Acme said").
func actsAt(toks []Token, i int) bool {
	return i < len(toks) && (isPossessive(toks[i]) || saysWord(toks[i].Lower()))
}

// oneTypePerName gives every mention of a name in an article the type most of its mentions have,
// weighed by how sure each is: a name is one thing within one article ("Kashmir" in a headline and in
// the text). A name after a job title stays a person's, and a state a place.
func (x *Extractor) oneTypePerName(ms []*Mention) {
	votes := map[string]map[graph.EntityType]float64{}
	for _, m := range ms {
		if m.Type == "" {
			continue
		}
		f := m.folded()
		if votes[f] == nil {
			votes[f] = map[graph.EntityType]float64{}
		}
		w := min(m.learned, 2*marginDrop)
		if !m.ruleWeak || len(m.typeVotes) > 0 {
			w += marginRetype // the rules' own reading, or the context's, counts too
		}
		votes[f][m.Type] += w
	}
	// a word that ends a person's full name is that person's surname
	for _, m := range ms {
		if m.Type != graph.Person || m.TokEnd-m.Tok < 2 {
			continue
		}
		f := m.folded()
		if i := strings.LastIndexByte(f, ' '); i > 0 {
			if v := votes[f[i+1:]]; v != nil {
				v[graph.Person] += 2 * marginDrop
			}
		}
	}
	for _, m := range ms {
		if m.Title != "" || m.InTitle || x.isState(m) || m.dateline {
			continue
		}
		v := votes[m.folded()]
		best, n := m.Type, 0.0
		for _, t := range graph.EntityTypes {
			if v[t] > n {
				best, n = t, v[t]
			}
		}
		if best != m.Type {
			m.Type, m.Weak = best, false
		}
	}
}

// reconcile applies the tagger's reading to one rule mention and reports whether the mention stays.
func (x *Extractor) reconcile(d *Doc, m *Mention, res ner.Result, used []bool) bool {
	var over []int
	for i, sp := range res.Spans {
		if sp.From < m.TokEnd && sp.To > m.Tok {
			over = append(over, i)
		}
	}
	titled := m.Title != "" || m.TitleFrom < m.Tok || m.dateline
	if wireCode(d.Sents[m.Sent].Tokens, m.Tok, m.TokEnd) {
		return false
	}
	if len(over) == 0 {
		// the tagger reads no name here: drop the mention when it is sure of every word, unless the
		// word is a party's name ("Labour leader X" opening a sentence) or a firm's legal form ends it
		if _, party := lexicon.PartyName(m.Text); titled || m.InTitle || party || legalFormEnd(d.Sents[m.Sent].Tokens[m.Tok:m.TokEnd]) {
			return true
		}
		for k := m.Tok; k < m.TokEnd; k++ {
			if res.OMargin[k] < marginDrop {
				return true
			}
		}
		return false
	}
	if len(over) > 1 {
		for _, i := range over {
			used[i] = true
		}
		return true // the rules joined what the tagger splits, or the reverse: keep the rules' reading
	}
	i := over[0]
	sp := res.Spans[i]
	used[i] = true
	if sp.From < m.TitleFrom || sp.To > m.TokEnd {
		return true // the tagger reads a longer name: its type is that name's, not this mention's
	}
	m.learned = sp.Margin
	m.learnedType = sp.Type
	// trim words the rules swept in ("Making Michael Howard", "Born Jane Smith"): words the tagger is
	// sure are outside any name
	if !titled && !m.InTitle && sp.From >= m.Tok && sp.To <= m.TokEnd && (sp.From > m.Tok || sp.To < m.TokEnd) &&
		sp.Margin >= marginTrim && sureOutside(res, m.Tok, sp.From) && sureOutside(res, sp.To, m.TokEnd) &&
		!(sp.From == m.Tok+1 && lexicon.IsPeerage(d.Sents[m.Sent].Tokens[m.Tok].Text)) { // "Lord Hale" keeps its rank
		toks := d.Sents[m.Sent].Tokens
		m.Tok, m.TokEnd, m.TitleFrom = sp.From, sp.To, sp.From
		m.Start, m.End = toks[sp.From].Start, toks[sp.To-1].End
		m.Text = d.Text[m.Start:m.End]
	}
	return true
}

// legalFormEnd reports whether words are a name of two words or more that ends in a company's legal
// form ("Tribune Co", "Orvane Holdings Inc").
func legalFormEnd(toks []Token) bool {
	if len(toks) < 2 {
		return false
	}
	last := toks[len(toks)-1]
	return lexicon.IsLegalForm(last.Text) && (len(last.Text) > 2 || last.AllCaps() || last.Text == "Co")
}

// isState reports whether a mention names a country or a capital in the gazetteer, whole.
func (x *Extractor) isState(m *Mention) bool {
	if m.Type != graph.Place {
		return false
	}
	p, ok := x.lex.Place(m.Text)
	return ok && (p.Kind == lexicon.Country || p.Kind == lexicon.Capital)
}

// joinSplitNames joins rule mentions that one name of the tagger's covers whole ("Ernst" and "Young"
// of "Ernst & Young", "Cable" and "Wireless Plc"): the rules break names at "and" and "&". Titled
// people are never joined.
func (x *Extractor) joinSplitNames(d *Doc, si int, ms []*Mention, res ner.Result) []*Mention {
	toks := d.Sents[si].Tokens
	for _, sp := range res.Spans {
		if sp.Margin < marginTrim || sp.Type == graph.Person {
			continue
		}
		var in []int
		ok := true
		for i, m := range ms {
			if m.TokEnd <= sp.From || m.Tok >= sp.To {
				continue
			}
			if m.Tok < sp.From || m.TokEnd > sp.To || m.Title != "" || m.InTitle {
				ok = false
				break
			}
			in = append(in, i)
		}
		if !ok || len(in) < 2 {
			continue
		}
		first := ms[in[0]]
		first.Tok, first.TokEnd, first.TitleFrom = sp.From, sp.To, sp.From
		first.Start, first.End = toks[sp.From].Start, toks[sp.To-1].End
		first.Text = d.Text[first.Start:first.End]
		first.Type, first.Weak = sp.Type, false
		first.learnedType, first.learned = sp.Type, sp.Margin
		drop := map[int]bool{}
		for _, i := range in[1:] {
			drop[i] = true
		}
		out := ms[:0:0]
		for i, m := range ms {
			if !drop[i] {
				out = append(out, m)
			}
		}
		ms = out
	}
	return ms
}

// dropNationalities reads the groups the tagger found: a nationality ("Chinese", "Kashmiris") is no
// name, so its words count as outside any name; other groups (parties: "Tories", "Lib Dems") stay, as
// organisations.
func (x *Extractor) dropNationalities(toks []Token, res ner.Result, capWords func() map[string]bool) []ner.Span {
	out := res.Spans[:0]
	for _, sp := range res.Spans {
		if sp.Group && (x.nationality(toks[sp.From:sp.To]) || !pluralGroup(toks[sp.From:sp.To], capWords)) {
			sure := x.nationality(toks[sp.From:sp.To])
			for k := sp.From; k < sp.To; k++ {
				if sure {
					res.OMargin[k] = sp.Margin
				} else {
					res.OMargin[k] = 0 // an adjective or a member: no name of its own, but no word against one
				}
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// pluralGroup reports whether a group's name reads as a body of members: a plural ("Tories", "Lib
// Dems") or the singular of a plural the article also writes ("Tory" beside "Tories"). A singular alone
// ("Welsh", "Soviet") is an adjective.
func pluralGroup(toks []Token, capitalised func() map[string]bool) bool {
	last := toks[len(toks)-1].Text
	if strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		return true
	}
	capWords := capitalised()
	if stem, ok := strings.CutSuffix(last, "y"); ok && capWords[stem+"ies"] {
		return true
	}
	return capWords[last+"s"]
}

// nationality reports whether words name the people of a place: a demonym, or a place's name with a
// demonym ending ("Kashmiri", "Kashmiris").
func (x *Extractor) nationality(toks []Token) bool {
	for _, t := range toks {
		if !t.Word {
			continue
		}
		if x.isDemonym(t.Text) {
			continue
		}
		w := strings.TrimSuffix(t.Text, "s")
		found := false
		for _, end := range []string{"i", "an", "ian", "ese", "ish", "n"} {
			if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 3 {
				if _, ok := x.lex.Place(stem); ok {
					found = true
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sureOutside reports whether the tagger is sure words [from, to) are outside any name.
func sureOutside(res ner.Result, from, to int) bool {
	for k := from; k < to; k++ {
		if res.Tags[k] != ner.O || res.OMargin[k] < marginTrim {
			return false
		}
	}
	return true
}

func overlapsAny(ms []*Mention, sp ner.Span) bool {
	for _, m := range ms {
		if sp.From < m.TokEnd && sp.To > m.TitleFrom {
			return true
		}
	}
	return false
}

// nameLike reports whether words the tagger calls a name look like one: a capitalised word that is
// neither a function word nor only a nationality or job title.
func (x *Extractor) nameLike(toks []Token) bool {
	hasName := false
	for _, t := range toks {
		if !t.Word {
			continue
		}
		if t.Cap() && !lexicon.IsFunctionWord(t.Text) && !x.isDemonym(t.Text) && !lexicon.IsTitleWord(t.Text) {
			hasName = true
		}
	}
	return hasName
}

func allCapsLine(toks []Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if t.Word {
			words++
			if t.AllCaps() {
				upper++
			}
		}
	}
	return words > 0 && upper*10 >= words*8
}

// signOff types a wire story's sign-off: a last line of one capitalised word ("REUTER") names the
// agency that filed it.
func signOff(d *Doc) {
	if len(d.Sents) < 2 {
		return
	}
	si := len(d.Sents) - 1
	s := &d.Sents[si]
	if len(s.Tokens) != 1 || !isNameToken(s.Tokens[0]) || lexicon.IsFunctionWord(s.Tokens[0].Text) {
		return
	}
	d.signOffSent = si + 1
	for _, m := range d.Mentions {
		if m.Sent == si {
			m.Type, m.Weak = graph.Organisation, false
			return
		}
	}
	m := d.addMention(si, 0, 1, graph.Organisation)
	m.learned = marginDrop
}

// wireCode reports whether words [from, to) are a code the wire writes beside names rather than a
// name: a stock ticker in angle brackets ("<PRAT>") or a time zone after a clock time ("1530 GMT").
func wireCode(toks []Token, from, to int) bool {
	if from > 0 && to < len(toks) && toks[from-1].Text == "<" && toks[to].Text == ">" {
		// a ticker ("<PRAT>", "<KSLL.L>"), not a company's full name ("<Acme Holdings Ltd>")
		return to-from == 1 && toks[from].AllCaps()
	}
	if to-from == 1 && from > 0 && toks[from].AllCaps() && len(toks[from].Text) <= 4 {
		p := toks[from-1].Text
		if p != "" && strings.Trim(p, "0123456789.:") == "" {
			return true
		}
	}
	return false
}

// mentionCovering returns the mention among one sentence's that holds token k, or nil.
func mentionCovering(ms []*Mention, k int) *Mention {
	for _, m := range ms {
		if m.Tok <= k && k < m.TokEnd {
			return m
		}
	}
	return nil
}
