package extract

// HOLDS_POST: titles before a name, appositions, posts stated by a verb, descriptions and the states
// posts are held at.

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// affiliations are the folded names of the states and organisations a person is tied to in the article:
// posts read so far, and nationality adjectives before their name.
func (d *Doc) affiliations(e *Entity) map[string]bool {
	s := map[string]bool{}
	for _, m := range e.Mentions {
		if m.Affil != "" {
			s[names.Fold(m.Affil)] = true
		}
	}
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.From == e {
			s[names.Fold(r.To.Name)] = true
			for _, m := range r.To.Mentions {
				if m.Affil != "" {
					s[names.Fold(m.Affil)] = true
				}
			}
		}
	}
	return s
}

func overlapsSet(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// placeEntity returns the article's entity for a country, adding one when the article names the
// country only through an adjective ("Chinese").
func (d *Doc) placeEntity(country string) *Entity {
	k := names.Fold(country)
	for _, e := range d.Entities {
		if e.Type == graph.Place && names.Fold(e.Name) == k {
			return e
		}
	}
	// the country under another of its names ("UK", "Britain")
	for _, e := range d.Entities {
		if e.Type != graph.Place || d.lex == nil {
			continue
		}
		if p, ok := d.lex.Place(e.Name); ok && p.Kind == lexicon.Country && p.Country == country {
			return e
		}
	}
	e := &Entity{Name: country, Type: graph.Place}
	d.Entities = append(d.Entities, e)
	return e
}

// orgEntity is the article's organisation of that name, added when the article names it only in other
// words ("Tory" for the Conservative Party).
func (d *Doc) orgEntity(name string) *Entity {
	k := names.Fold(name)
	for _, e := range d.Entities {
		if e.Type == graph.Organisation && names.Fold(e.Name) == k {
			return e
		}
	}
	e := &Entity{Name: name, Type: graph.Organisation}
	d.Entities = append(d.Entities, e)
	return e
}

func (x *Extractor) posts(d *Doc, v sentenceView) {
	x.asTitle(d, v)
	// "The home secretary confirmed ...": a description that stands for the article's protagonist, whose
	// name is written with no title, gives them the post
	for i := range v.toks {
		desc, ok := x.descriptionAt(v, i)
		if !ok {
			continue
		}
		if quotedAt(v, i) {
			continue // a description in someone's quoted words may mean anyone
		}
		if e := x.describedPerson(d, desc); e != nil && !hasTitle(e, desc.title) && !d.actsBeside(v, e, desc.from, desc.to) {
			status := "current"
			if desc.former {
				status = "former"
			}
			switch {
			case desc.party != nil:
				d.add(Relation{Type: graph.HoldsPost, From: e, To: desc.party, Title: desc.title, Status: status,
					Sent: v.si, Tok: i, Rule: rulePostDescribed}, true)
			case desc.country != "":
				d.add(Relation{Type: graph.HoldsPost, From: e, To: d.placeEntity(desc.country), Title: desc.title, Status: status,
					Sent: v.si, Tok: i, Rule: rulePostDescribed}, true)
			default:
				d.holdOpenPost(e, desc.title, status, v.si, rulePostDescribed)
			}
		}
	}
	x.copulaPosts(d, v)
	shareListTitle(v)
	for _, m := range v.ms {
		if m.Type != graph.Person {
			continue
		}
		x.titleBefore(d, v, m)
		x.apposition(d, v, m)
		x.reverseApposition(d, v, m)
	}
}

// actsBeside reports whether a sentence names a person outside the tokens [from, to) of a
// description, or stands for them by a subject pronoun before it: "He urged the chancellor", "the
// prime minister told Mr Brown" describe someone else.
func (d *Doc) actsBeside(v sentenceView, e *Entity, from, to int) bool {
	for _, m := range v.ms {
		if m.Ent == e && (m.Tok < from || m.Tok >= to) {
			return true
		}
	}
	for k := 0; k < from; k++ {
		// a subject pronoun before it ("He urged the chancellor"); one after it or a possessive may be
		// the described person's own ("the prime minister said his team")
		if w := v.lower(k); (w == "he" || w == "she") && d.pronounPerson(v.si, k) == e {
			return true
		}
	}
	return false
}

// shareListTitle gives every name of a list after a plural title the title of the first ("Finance
// ministers A and B", "senior shadow cabinet members A, B and C"): their posts are read alike.
func shareListTitle(v sentenceView) {
	var head, prev *Mention
	for _, m := range v.ms {
		if m.Type != graph.Person {
			continue
		}
		listed := prev != nil && head != nil && m.Title == "" && m.TitleFrom == m.Tok && m.Tok > prev.TokEnd
		for k := prev.tokEndOr(0); listed && k < m.Tok; k++ {
			if w := v.lower(k); w != "," && w != "and" {
				listed = false
			}
		}
		if listed {
			m.Title, m.TitleFrom, m.Affil, m.affilMention = head.Title, head.TitleFrom, head.Affil, head.affilMention
		} else {
			head = nil
			if _, plural := pluralTitle(v.lower(m.TitleFrom - 1)); plural && m.Title == "" {
				head = m
			}
		}
		prev = m
	}
}

func (m *Mention) tokEndOr(n int) int {
	if m == nil {
		return n
	}
	return m.TokEnd
}

// pluralTitle returns the singular of the plural of a title word ("ministers", "secretaries",
// "spokesmen", "members").
func pluralTitle(w string) (string, bool) {
	for _, c := range [][2]string{{"ies", "y"}, {"men", "man"}, {"es", ""}, {"s", ""}} {
		if one, ok := strings.CutSuffix(w, c[0]); ok && one != "" && (lexicon.IsTitleWord(one+c[1]) || lexicon.IsPostWord(one+c[1])) {
			return one + c[1], true
		}
	}
	return "", false
}

// titleBefore reads the post written before a name: "French Ambassador to Kenya Marie Dupont",
// "Labour party leader Ann Smith", "the European Commission’s trade commissioner Karl Weber".
func (x *Extractor) titleBefore(d *Doc, v sentenceView, m *Mention) {
	affil, target := x.titleAffil(m)
	words, affil, j := x.titleWordsBefore(d, v, m.TitleFrom-1, strings.Fields(m.Title), affil)
	if v.exBefore(j + 1) {
		words = append([]string{"former"}, words...) // "ex-minister"
		j -= 2
	}
	if m.Affil == "" && affil != "" {
		m.Affil = affil // "Kenyan diplomat Amina Odhiambo": a nationality, even without a post
	}
	former := false
	if w := v.lower(j); pastWords[w] {
		former = true // "then Home Office Minister X", "deposed president X"
	}
	var kept []string
	for _, w := range words {
		if strings.EqualFold(w, "former") {
			former = true
			continue
		}
		kept = append(kept, w)
	}
	if len(postSet(strings.Join(kept, " "))) == 0 {
		return
	}
	if target == nil && j >= 0 {
		target, former = x.ownerBefore(d, v, j, words, former)
	}
	if target == nil && affil == "" && v.lower(m.TokEnd) == "of" {
		target = x.countryAfterName(v, m)
	}
	if target == nil && affil != "" {
		target = d.placeEntity(affil)
	}
	var party *Entity
	if target != nil && target.Type == graph.Organisation && isStatePost(strings.Join(kept, " ")) && lexicon.IsParty(target.Name) {
		party, target = target, nil // "Labour minister X": a state's post held by a party's member
	}
	status := "current"
	if former {
		status = "former"
	}
	if target == nil {
		d.untargetedPost(v, m, j, tidyTitle(kept), status, party)
		return
	}
	d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: target, Title: tidyTitle(kept), Status: status, Sent: v.si, Rule: rulePostTitle}, false)
}

// titleAffil is the nationality and the post's target that a name's title chunk names: the entity of
// its affiliation, unless a province's legislator's post is held at the province's state.
func (x *Extractor) titleAffil(m *Mention) (affil string, target *Entity) {
	affil = m.Affil
	if m.affilMention != nil && m.affilMention.Ent != nil {
		target = m.affilMention.Ent
		if p, ok := x.lex.Place(target.Name); ok && m.affilMention.Type == graph.Place && p.Country != "" &&
			isStatePost(m.Title) && !cabinetTitle(m.Title) {
			// "Nebraska Senator X", "Kansas Congressman X": a state's legislator from a province, held at the state
			affil, target = p.Country, nil
		}
	}
	return affil, target
}

// titleWordsBefore reads back from token j, before a name's title words, the lower-case title words,
// nationality adjectives and a portfolio ("Peruvian central bank president"). It returns all the title
// words, the nationality's country (affil when one was known) and the index of the token before them.
func (x *Extractor) titleWordsBefore(d *Doc, v sentenceView, j int, words []string, affil string) ([]string, string, int) {
	// lowercase title words and nationality adjectives before the chunk
	var lower []string
	for ; j >= 0; j-- {
		t := v.toks[j]
		if !t.Word {
			break
		}
		if one, ok := pluralTitle(t.Lower()); ok && len(lower) == 0 && len(words) == 0 && len(postSet(one)) > 0 {
			lower = []string{one} // "foreign ministers A and B": each holds the post
			continue
		}
		if lexicon.IsTitleWord(t.Text) {
			lower = append([]string{t.Text}, lower...)
			continue
		}
		if t.Lower() == "and" && len(lower) > 0 && j > 0 && v.toks[j-1].Word && lexicon.IsTitleWord(v.toks[j-1].Text) {
			lower = append([]string{t.Text}, lower...) // "chairman and president"
			continue
		}
		if c, ok := x.lex.Demonym(t.Text); ok {
			if affil == "" {
				affil = c
			}
			continue
		}
		break
	}
	if len(lower) > 0 || len(words) > 0 {
		if pw, at, ok := x.portfolioBefore(d, v, j, strings.Join(append(lower, words...), " ")); ok {
			lower = append(pw, lower...)
			j = at
			// "Peruvian central bank president": the nationality before the portfolio
			if j >= 0 {
				if c, ok := x.lex.Demonym(v.toks[j].Text); ok {
					if affil == "" {
						affil = c
					}
					j--
				}
			}
		}
	}
	return append(lower, words...), affil, j
}

// exBefore reports whether "ex-" stands right before token k ("ex-minister").
func (v sentenceView) exBefore(k int) bool {
	return k >= 2 && v.toks[k-1].Text == "-" && v.lower(k-2) == "ex"
}

// ownerBefore reads the body or state a title belongs to from the token j before it: "ORG's title NAME",
// "ORG title NAME", "their title NAME". It returns the owner (nil when none) and whether the post is a
// former one, which a word before the owner may say.
func (x *Extractor) ownerBefore(d *Doc, v sentenceView, j int, words []string, former bool) (*Entity, bool) {
	var target *Entity
	k := j
	if isPossessive(v.toks[k]) {
		k--
	}
	if k >= 0 {
		if om := v.mentionEndingAt(k + 1); om != nil && om.Type == graph.Organisation && om.TokEnd-om.Tok == 1 && k == j &&
			portfolioWord(v, j, strings.Join(words, " ")) {
			if w := v.lower(j - 1); v.exBefore(j) || w == "former" || w == "then" {
				former = true // "Former Cabinet minister X"
			}
			return nil, former // "Agriculture minister X": a portfolio written with a capital, no body
		}
		if om := v.mentionEndingAt(k + 1); om != nil && x.fragmentBody(d, v, om) {
			return nil, former // "American Express chairman X", "Board President X": a word of a name, no body
		}
		if om := v.mentionEndingAt(k + 1); om != nil && (om.Type == graph.Organisation || om.Type == graph.Place) {
			target = om.Ent
			om.InTitle = true // "Labour party leader X": Labour belongs to X's title here
			if w := v.lower(om.Tok - 1); v.exBefore(om.Tok) || w == "former" || w == "then" {
				former = true // "Ex-Downing Street media chief X", "former Federal Reserve chairman X"
			}
			if p, ok := x.lex.Place(om.Ent.Name); ok && om.Type == graph.Place && p.Kind == lexicon.Capital && p.Country != "" &&
				isStatePost(strings.Join(words, " ")) {
				target = d.placeEntity(d.ofTheDay(p.Country)) // "Bonn's finance minister": a capital stands for its state
			}
		} else if w := v.lower(k); w == "their" || w == "its" {
			target = firstOrgOrState(v, k)
		}
	}
	return target, former
}

// countryAfterName is the country named after a titled name and "of" ("President Ivo Marek of
// Pakistan"), or nil.
func (x *Extractor) countryAfterName(v sentenceView, m *Mention) *Entity {
	if om := v.mentionAt(m.TokEnd + 1); om != nil && om.Type == graph.Place && om.Ent != nil {
		if p, ok := x.lex.Place(om.Ent.Name); ok && p.Kind == lexicon.Country {
			return om.Ent
		}
	}
	return nil
}

// untargetedPost settles a title before a name that names no target, j being the token before the
// title: nothing for a post at a body left unnamed, a party's post, a post at the party or body named
// before it, at the state of the person listed before it, or else a post kept for later (holdOpenPost).
func (d *Doc) untargetedPost(v sentenceView, m *Mention, j int, title, status string, party *Entity) {
	if j >= 0 && v.toks[j].Word && !v.toks[j].Cap() && lexicon.IsWordNetOrgNoun(v.toks[j].Text) && !lexicon.IsTitleWord(v.toks[j].Text) {
		return // "exchange president X", "union leader X": the post is at a body the article does not name here
	}
	if j >= 0 && v.lower(j) == "shadow" {
		title = v.toks[j].Text + " " + title // an opposition post: isStatePost declines it
	}
	if party != nil {
		d.holdPartyPost(m.Ent, title, status, v.si, rulePostHome, party)
		return
	}
	if j >= 0 && v.toks[j].Word && v.toks[j].Cap() && portfolioWord(v, j, title) {
		d.holdOpenPost(m.Ent, v.toks[j].Text+" "+title, status, v.si, rulePostHome) // "Agriculture minister X"
		return
	}
	if j >= 0 && v.toks[j].Word && v.toks[j].Cap() && !lexicon.IsFunctionWord(v.toks[j].Text) && !isPossessive(v.toks[j]) {
		if org := d.partyOfTwoWords(v, j); org != nil {
			// "Liberal Democrat spokesman X" in an article that names "the Liberal Democrats": not the
			// party "Democrat" alone names
			if isStatePost(title) {
				d.holdPartyPost(m.Ent, title, status, v.si, rulePostHome, org)
			} else {
				d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: org, Title: title, Status: status, Sent: v.si, Rule: rulePostTitle}, false)
			}
		} else if party, ok := lexicon.PartyName(v.toks[j].Text); ok && isStatePost(title) {
			d.holdPartyPost(m.Ent, title, status, v.si, rulePostHome, d.orgEntity(party)) // "Labour minister X"
		} else if ok {
			// "Conservative Shadow chancellor X": the party's name before the title
			d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: d.orgEntity(party), Title: title, Status: status, Sent: v.si, Rule: rulePostTitle}, false)
		} else if org := d.bodyOfMembersNamed(v.toks[j].Text); org != nil && !isStatePost(title) {
			// "Liberal leader X" in an article that names "the Liberals" or "the Liberal Party"
			d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: org, Title: title, Status: status, Sent: v.si, Rule: rulePostTitle}, false)
		}
		return // "Diageo North America president X": the post is at a body the article names, unread
	}
	if j >= 0 && v.lower(j) == "and" {
		// "South Korean President A and Trade Minister B": B's post is at A's state
		if pm := v.mentionEndingAt(j); pm != nil && pm.Type == graph.Person && pm.Ent != nil {
			if st := d.statePostOf(pm.Ent, v.si); st != nil {
				d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: st, Title: title, Status: status, Sent: v.si, Rule: rulePostTitle}, false)
				return
			}
		}
	}
	d.holdOpenPost(m.Ent, title, status, v.si, rulePostHome)
}

// portfolioBefore reads the lower-case words of a portfolio before a title ("home affairs spokesman",
// "transport and environment spokesman", "shadow home secretary") ending at token j. They belong to the
// title when something anchors them: a body, place or nationality before them ("Lib Dem home affairs
// spokesman"), "shadow", or, after an article or possessive, a title only one country has ("the home
// secretary"). It returns the words and the index of the token before them.
func (x *Extractor) portfolioBefore(d *Doc, v sentenceView, j int, title string) ([]string, int, bool) {
	k := j
	var words []string
	for ; k >= 0 && len(words) < 4; k-- {
		t := v.toks[k]
		lw := t.Lower()
		if !t.Word || t.Cap() || strings.HasSuffix(lw, "ly") || (lexicon.IsFunctionWord(lw) && lw != "and") {
			break
		}
		if strings.HasSuffix(lw, "ed") {
			return nil, j, false // "the committee urged President X": a verb, no portfolio
		}
		if lw == "shadow" {
			return append([]string{t.Text}, words...), k - 1, true // "shadow home secretary": an opposition post
		}
		oneCountry := false // "home" of "home secretary": a title word that with the title names a post only one country has
		if _, kind, ok := lexicon.CountryTerm(strings.Join(append([]string{lw}, words...), " ") + " " + title); ok && kind == lexicon.TermTitle {
			oneCountry = true
		}
		if _, isVisit := v.visitTrigger(k); (lexicon.IsTitleWord(lw) && !oneCountry) || clauseStop(lw) || isVisit || func() bool { kind, _ := v.meetTrigger(k); return kind != meetNone }() {
			return nil, j, false // another title, a verb of meeting or travel: no portfolio
		}
		words = append([]string{t.Text}, words...)
	}
	if len(words) == 0 || strings.EqualFold(words[0], "and") {
		return nil, j, false
	}
	if k >= 0 {
		if om := v.mentionEndingAt(k + 1); om != nil && (om.Type == graph.Organisation || om.Type == graph.Place) {
			return words, k, true
		}
		if _, ok := x.lex.Demonym(v.toks[k].Text); ok {
			return words, k, true
		}
		if isPossessive(v.toks[k]) {
			return words, k, true
		}
		if w := v.lower(k); w == "the" || w == "his" || w == "her" || w == "their" || w == "its" {
			if _, kind, ok := lexicon.CountryTerm(strings.Join(words, " ") + " " + title); ok && kind == lexicon.TermTitle {
				return words, k, true
			}
		}
	}
	return nil, j, false
}

// copulaPosts reads posts stated by a verb: a person (or "he"/"she") right before "is", "was", "became",
// "remains", "has/had been" or "served as", and a title phrase right after it.
func (x *Extractor) copulaPosts(d *Doc, v sentenceView) {
	for i := 1; i+1 < len(v.toks); i++ {
		w := v.lower(i)
		past, ok := copulaVerbs[w]
		at := i + 1
		switch {
		case ok:
		case w == "been" && (v.lower(i-1) == "has" || v.lower(i-1) == "had" || v.lower(i-1) == "have"):
			past = v.lower(i-1) == "had"
		case w == "served" && v.lower(i+1) == "as":
			past, at = true, i+2
		default:
			continue
		}
		subjAt := i - 1
		if w == "been" {
			subjAt = i - 2
		}
		var subj *Entity
		pron := false
		if m := v.mentionEndingAt(subjAt + 1); m != nil && m.Type == graph.Person && m.Ent != nil {
			subj = m.Ent
		} else if p := v.lower(subjAt); p == "he" || p == "she" {
			subj, pron = d.pronounPerson(v.si, subjAt), true
		}
		if subj == nil || v.hedged(i, v.leftBound(i)) {
			continue
		}
		end := v.rightBound(at)
		for k := at; k < end; k++ {
			if v.toks[k].Text == "," {
				end = k
				break
			}
		}
		title, status, target, next := x.postPhrase(d, v, at, end)
		if title == "" || next < at+1 {
			continue
		}
		if m := v.mentionAt(next); m != nil && m.Type == graph.Person {
			continue // "X is President Y's adviser": the title belongs to the name after it
		}
		if past {
			status = "former"
		}
		if target == nil {
			if c, kind, ok := lexicon.CountryTerm(title); ok && kind == lexicon.TermTitle {
				target = d.placeEntity(c) // "when he was Home Secretary": a post only one country has
			} else {
				if !pron {
					d.holdOpenPost(subj, title, status, v.si, rulePostCopula)
				}
				continue
			}
		}
		d.add(Relation{Type: graph.HoldsPost, From: subj, To: target, Title: title, Status: status, Sent: v.si, Tok: i, Rule: rulePostCopula}, pron)
	}
}

// asTitle reads "As a former ambassador to Lebanon, he ...": the post of the clause's subject.
func (x *Extractor) asTitle(d *Doc, v sentenceView) {
	if v.lower(0) != "as" {
		return
	}
	comma := firstComma(v.toks)
	if comma < 2 || comma+1 >= len(v.toks) {
		return
	}
	title, status, target, next := x.postPhrase(d, v, 1, comma)
	if title == "" || next != comma {
		return
	}
	var subj *Entity
	pron := false
	if m := v.mentionAt(comma + 1); m != nil && m.Type == graph.Person {
		subj = m.Ent
	} else if w := v.lower(comma + 1); w == "he" || w == "she" {
		subj, pron = d.pronounPerson(v.si, comma+1), true
	}
	if subj == nil {
		return
	}
	if target == nil {
		if c := nationality(subj); c != "" {
			target = d.placeEntity(c)
		}
	}
	if target == nil {
		if !pron {
			d.holdOpenPost(subj, title, status, v.si, rulePostHome)
		}
		return
	}
	d.add(Relation{Type: graph.HoldsPost, From: subj, To: target, Title: title, Status: status, Sent: v.si, Rule: rulePostAppos}, pron)
}

// firstOrgOrState returns the organisation or country named last before token i ("their", "its").
func firstOrgOrState(v sentenceView, i int) *Entity {
	var best *Entity
	for _, m := range v.ms {
		if m.TokEnd <= i && (m.Type == graph.Organisation || m.Type == graph.Place) {
			best = m.Ent
		}
	}
	return best
}

func tidyTitle(words []string) string {
	var out []string
	for _, w := range words {
		lw := strings.ToLower(w)
		if lw == "the" || lw == "a" || lw == "an" || lexicon.IsHonorific(w) {
			continue // articles, and courtesy titles such as Sir or Baroness, are no part of a post
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// postPhrase reads a title phrase starting at token i: optional article or possessive, "former", title
// words, "to PLACE", then "of/for/at (the) (X's) TARGET". It returns the title, status, target
// (nil when none is named) and the index after the phrase.
func (x *Extractor) postPhrase(d *Doc, v sentenceView, i, end int) (title, status string, target *Entity, next int) {
	status = "current"
	var words []string
	poss, j := d.postOwner(v, i, end)
	// "the home secretary": portfolio words before a title that only one country has
	if pw, next, _ := v.oneCountryPortfolio(j, end); pw != nil {
		words, j = append(words, pw...), next
	}
	words, former, poss, j := x.postTitleWords(d, v, j, end, words, poss)
	if former {
		status = "former"
	}
	if len(postSet(strings.Join(words, " "))) == 0 {
		return "", "", nil, i
	}
	words, target, j = x.postComplements(v, j, end, words)
	if target == nil {
		target = poss
	}
	return tidyTitle(words), status, target, j
}

// postOwner reads what opens a title phrase at token i: an article or possessive pronoun, and the
// organisation or state written as its owner ("France's", "the ministry's", "European Union
// ambassador"). It returns the owner (nil when none) and the index after the opening.
func (d *Doc) postOwner(v sentenceView, i, end int) (poss *Entity, j int) {
	j = i
	if w := v.lower(j); w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" {
		if w == "its" || w == "their" {
			poss = firstOrgOrState(v, j)
		}
		j++
	}
	// "France's former ambassador", "the ministry's Acting Deputy Director-General"
	if om := v.mentionAt(j); om != nil && om.TokEnd < end && isPossessive(v.toks[om.TokEnd]) && om.Type != graph.Person {
		poss = om.Ent
		j = om.TokEnd + 1
	} else if om != nil && om.Type == graph.Organisation && om.TokEnd < end && lexicon.IsTitleWord(v.toks[om.TokEnd].Text) {
		poss = om.Ent // "European Union ambassador to the WTO, X"
		j = om.TokEnd
	} else if j+1 < end && isPossessive(v.toks[j+1]) && lexicon.IsOrgHead(v.toks[j].Text) {
		poss = d.lastOrgWithHead(v, j, v.lower(j))
		j += 2
	}
	return poss, j
}

// postTitleWords reads the title words from token j on, after the words read so far: "former", title
// words joined by "and", and a nationality before them, which names the owner when none is yet. It
// returns the words, whether the post is a former one, the owner and the index after them.
func (x *Extractor) postTitleWords(d *Doc, v sentenceView, j, end int, words []string, poss *Entity) ([]string, bool, *Entity, int) {
	former := false
	for ; j < end; j++ {
		t := v.toks[j]
		lw := t.Lower()
		if lw == "former" || lw == "ex" || lw == "then" {
			former = true
			continue
		}
		if lexicon.IsTitleWord(t.Text) {
			words = append(words, t.Text)
			continue
		}
		if lw == "and" && len(words) > 0 && j+1 < end && lexicon.IsTitleWord(v.toks[j+1].Text) {
			words = append(words, t.Text) // "president and chief executive officer of Hearst"
			continue
		}
		if c, ok := x.lex.Demonym(t.Text); ok && len(words) == 0 {
			if poss == nil {
				poss = d.placeEntity(c)
			}
			continue
		}
		break
	}
	return words, former, poss, j
}

// postComplements reads the complements of a title from token j on: "to Lebanon" belongs to the title;
// "of/for/at the Arab League" names the target, unless it is a region rather than a state or body
// ("envoy for the Middle East"). It returns the words, the target (nil when none) and the index after.
func (x *Extractor) postComplements(v sentenceView, j, end int, words []string) ([]string, *Entity, int) {
	var target *Entity
	for j < end {
		w := v.lower(j)
		if w == "in" {
			// "vice president in Microsoft's security business unit": a body named after "in"
			if om := v.mentionAt(j + 1); om != nil && om.Type == graph.Organisation && target == nil {
				target, j = om.Ent, om.TokEnd
				break
			}
		}
		if w != "to" && w != "of" && w != "for" && w != "at" {
			break
		}
		k := j + 1
		if v.lower(k) == "the" {
			k++
		}
		if w == "of" || w == "at" {
			// "vice president of anti-piracy firm Overpeer", "of French sugar producer Beghin-Say": a
			// description of the body, then its name
			if om := x.bodyAfterDescription(v, k, end); om != nil && target == nil {
				target, j = om.Ent, om.TokEnd
				continue
			}
		}
		if om := v.mentionAt(k); om != nil && om.TokEnd < end && isPossessive(v.toks[om.TokEnd]) {
			if v.mentionAt(om.TokEnd+1) != nil {
				k = om.TokEnd + 1 // "of France's Africa Department": the department is the target
			} else if target == nil && om.Type == graph.Organisation {
				target = om.Ent // "Chairman of Gazprom's board": the body is Gazprom
				j = end
				break
			}
		}
		om := v.mentionAt(k)
		if om == nil {
			// a complement that names no entity ("for the Middle East Issue") stays in the title
			e := k
			for e < end && v.toks[e].Word && v.toks[e].Cap() {
				e++
			}
			if e == k {
				break
			}
			words = append(words, w)
			for q := k; q < e; q++ {
				words = append(words, v.toks[q].Text)
			}
			j = e
			continue
		}
		if w == "to" || !x.stateOrBody(om) {
			words = append(words, w, om.Text)
		} else if target == nil {
			target = om.Ent
		}
		j = om.TokEnd
	}
	return words, target, j
}

// bodyAfterDescription is the organisation named after up to four lower-case (or nationality) words
// describing it from token k on ("anti-piracy firm Overpeer", "French sugar producer Beghin-Say"), or nil.
func (x *Extractor) bodyAfterDescription(v sentenceView, k, end int) *Mention {
	q := k
	for q < end && q-k < 4 && v.toks[q].Word && (!v.toks[q].Cap() || x.isDemonym(v.toks[q].Text)) && !lexicon.IsFunctionWord(v.toks[q].Text) {
		q++
	}
	if q > k {
		if om := v.mentionAt(q); om != nil && om.Type == graph.Organisation {
			return om
		}
	}
	return nil
}

// stateOrBody reports whether a complement's entity can hold a post: an organisation or a country, not
// a region or city.
func (x *Extractor) stateOrBody(om *Mention) bool {
	if om.Type == graph.Organisation {
		return true
	}
	if om.Type == graph.Place {
		if p, ok := x.lex.Place(om.Ent.Name); ok && p.Kind == lexicon.Country {
			return true
		}
	}
	return false
}

// lastOrgWithHead finds the organisation named last before token i whose name ends in head
// ("the ministry's" → the Israeli Ministry of Foreign Affairs).
func (d *Doc) lastOrgWithHead(v sentenceView, i int, head string) *Entity {
	pos := v.toks[i].Start
	var best *Mention
	for _, m := range d.Mentions {
		if m.Ent != nil && m.Type == graph.Organisation && m.Start < pos && (best == nil || m.Start > best.Start) {
			if strings.Contains(m.folded(), head) {
				best = m
			}
		}
	}
	if best == nil {
		return nil
	}
	return best.Ent
}

// apposition: "NAME, the TITLE of ORG," and "NAME, X's former TITLE to PLACE,".
func (x *Extractor) apposition(d *Doc, v sentenceView, m *Mention) {
	if m.TokEnd >= len(v.toks) || v.toks[m.TokEnd].Text != "," {
		return
	}
	end := v.rightBound(m.TokEnd + 1)
	closed := false
	for k := m.TokEnd + 1; k < end; k++ {
		if v.toks[k].Text == "," {
			end, closed = k, true
			break
		}
	}
	if w := v.lower(end); !closed && end < len(v.toks) && clauseStop(w) && !clauseStops[w] {
		if k := min(m.Tok, m.TitleFrom) - 1; k >= 0 && v.toks[k].Word && !v.toks[k].Cap() && v.lower(k) != "and" {
			// "replacing X, a company spokesman said": the name is an object, the phrase the speaker
			// ("X, spokesman for Acme said" is an apposition that lost its comma)
			return
		}
	}
	title, status, target, next := x.postPhrase(d, v, m.TokEnd+1, end)
	if v.unnamedBodyAt(next) {
		return // "X, president of the league,": a post at a body the sentence does not name
	}
	if title == "" {
		return
	}
	for _, pm := range v.in(m.TokEnd+1, end, graph.Person) {
		if pm.TokEnd-pm.Tok >= 2 && (pm.Title != "" || pm.TitleFrom < pm.Tok || pm.Tok > 0 && lexicon.IsTitleWord(v.toks[pm.Tok-1].Text)) {
			return // "Chancellor A, Finance Minister B": a list of titled names, not an apposition
		}
	}
	if _, companyOnly := lexicon.CompanyPostWords(title); companyOnly && (target == nil || target.Type == graph.Place) {
		return // "X, chief executive officer of U.S. Courier division": a company's post, never a state's
	}
	if target != nil && target.Type == graph.Place && v.placeModifiesBody(target, m.TokEnd+1, end) {
		return // "X, president of Costa Rica's central bank": the post is at the body
	}
	if target == nil && m.Tok > 0 {
		target = subjectState(v, m)
	}
	if target == nil {
		if c := nationality(m.Ent); c != "" {
			target = d.placeEntity(c) // "Kenyan diplomat Amina Odhiambo, the former ambassador to Chile"
		}
	}
	if target == nil {
		d.holdOpenPost(m.Ent, title, status, v.si, rulePostHome)
		return
	}
	d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: target, Title: title, Status: status, Sent: v.si, Rule: rulePostAppos}, false)
}

// placeModifiesBody reports whether a place in [from, to) is followed, after an optional possessive, by
// lower-case words naming a body ("Costa Rica's central bank", "Toyota's US sales arm", "U.S. Courier
// division"): the place belongs to the body's name, and a post there is the body's.
func (v sentenceView) placeModifiesBody(place *Entity, from, to int) bool {
	for _, pm := range v.in(from, to, graph.Place) {
		if pm.Ent != place {
			continue
		}
		k := pm.TokEnd
		if k < to && isPossessive(v.toks[k]) {
			k++
		}
		for ; k < to && v.toks[k].Word; k++ {
			if modifiedNoun(v.lower(k)) && !v.toks[k].Cap() {
				return true
			}
		}
	}
	return false
}

// nationality is the country a person's nationality adjective names, in any mention so far.
// It is read once per entity, after coreference has settled the mentions.
func nationality(e *Entity) string {
	if !e.natRead {
		e.natRead = true
		for _, m := range e.Mentions {
			if m.Affil != "" {
				e.nat = m.Affil
				break
			}
		}
	}
	return e.nat
}

// subjectState is the organisation or country that opens the sentence before m ("Norway sent Erik Dahl, a
// special envoy ..."): the body a title with no named target belongs to.
func subjectState(v sentenceView, m *Mention) *Entity {
	for _, o := range v.ms {
		if o.Tok >= m.Tok {
			return nil
		}
		if o.InTitle {
			continue
		}
		if o.Type == graph.Organisation || o.Type == graph.Place {
			if o.Tok <= 1 && !datelineAt(v, o) {
				return o.Ent
			}
			return nil
		}
		return nil
	}
	return nil
}

// reverseApposition: "the Deputy Director-General of the Israeli Ministry of Foreign Affairs, NAME".
func (x *Extractor) reverseApposition(d *Doc, v sentenceView, m *Mention) {
	if m.Tok < 2 || v.toks[m.Tok-1].Text != "," || m.Title != "" {
		return
	}
	comma := m.Tok - 1
	// walk back to the start of the phrase: the nearest comma, clause stop or verb-like word
	start := comma - 1
	for start > 0 {
		w := v.lower(start - 1)
		if w == "," || clauseStop(w) {
			break
		}
		if !v.toks[start-1].Word && !isPossessive(v.toks[start-1]) {
			break
		}
		start--
	}
	for s := start; s < comma; s++ {
		title, status, target, next := x.postPhrase(d, v, s, comma)
		if title == "" || next != comma {
			continue
		}
		if target == nil {
			d.holdOpenPost(m.Ent, title, status, v.si, rulePostHome)
			return
		}
		d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: target, Title: title, Status: status, Sent: v.si, Rule: rulePostReverse}, false)
		return
	}
}

// datelineAt reports whether a mention is a wire dateline: a place in capitals opening the sentence,
// followed by a comma ("NEW YORK, Oct 19 -").
func datelineAt(v sentenceView, m *Mention) bool {
	return m.Tok == 0 && m.Type == graph.Place && allCapsWord(m.Text) && v.lower(m.TokEnd) == ","
}

// quotedAt reports whether token i stands inside a quotation: a quotation mark opens before it in
// the sentence ("Of course I trust the prime minister," she said): words someone else says may
// mean anyone.
func quotedAt(v sentenceView, i int) bool {
	for j := 0; j < i; j++ {
		switch v.toks[j].Text {
		case "\"", "“", "‘", "'":
			return true
		}
	}
	return false
}

// unnamedBodyAt reports whether a title phrase goes on at token i with "of/at (the)" and a common noun:
// the post is at a body the sentence does not name ("president of the league"), not at a state.
func (v sentenceView) unnamedBodyAt(i int) bool {
	w := v.lower(i)
	if w != "of" && w != "at" {
		return false
	}
	k := i + 1
	if v.lower(k) == "the" || v.lower(k) == "a" {
		k++
	}
	return k+1 < len(v.toks) && v.toks[k].Word && !v.toks[k].Cap() && !lexicon.IsFunctionWord(v.toks[k].Text) &&
		!isPossessive(v.toks[k+1]) // "at the country's Foreign Ministry" names it
}

// bodyOfMembersNamed is the article's organisation named by a word's plural or the word and "Party"
// ("Liberal": "the Liberals", "the Liberal Party"), or nil.
func (d *Doc) bodyOfMembersNamed(word string) *Entity {
	if d.orgsByName == nil {
		d.orgsByName = map[string]*Entity{}
		for _, e := range d.Entities {
			if e.Type == graph.Organisation {
				d.orgsByName[names.Fold(e.Name)] = e
				for _, a := range e.Aliases {
					d.orgsByName[names.Fold(a)] = e
				}
			}
		}
	}
	for _, n := range []string{word + "s", word + " Party"} {
		if e := d.orgsByName[names.Fold(n)]; e != nil {
			return e
		}
	}
	return nil
}

// partyOfTwoWords returns the organisation the article names whose members the two capitalised words
// ending at token j name ("Liberal Democrat" of "the Liberal Democrats"), or nil.
func (d *Doc) partyOfTwoWords(v sentenceView, j int) *Entity {
	if j < 1 || !v.toks[j-1].Word || !v.toks[j-1].Cap() || lexicon.IsFunctionWord(v.toks[j-1].Text) {
		return nil
	}
	return d.bodyOfMembersNamed(v.toks[j-1].Text + " " + v.toks[j].Text)
}

// oneCountryPortfolio reads the portfolio words (up to three, as written) that open at token j a title
// only one country has ("home" of "home secretary", "Chancellor of the" of "Chancellor of the
// Exchequer"), within [j, end). It returns them, the index after them and the country, or nil.
func (v sentenceView) oneCountryPortfolio(j, end int) ([]string, int, string) {
	k := j
	for k < end && k-j < 3 && v.toks[k].Word && !lexicon.IsTitleWord(v.toks[k].Text) && !lexicon.IsFunctionWord(v.toks[k].Text) {
		k++
	}
	e := k
	for e < end && v.toks[e].Word && lexicon.IsTitleWord(v.toks[e].Text) {
		e++
	}
	if k == j || e == k {
		return nil, j, ""
	}
	var ws []string
	for q := j; q < e; q++ {
		ws = append(ws, v.toks[q].Text)
	}
	c, kind, ok := lexicon.CountryTerm(strings.Join(ws, " "))
	if !ok || kind != lexicon.TermTitle {
		return nil, j, ""
	}
	return ws[:k-j], k, c
}

// leftPosts marks as former the current posts of a person whose clause says they have left them: died,
// resigned or retired ("Prime Minister X died of his injuries"), or, in the passive, was fired, ousted,
// deposed or replaced ("X, 75, was being retired and replaced") — WordNet's leave and oust verbs, in the
// past, as the verb that follows the person's name. It runs once the posts are settled.
func (x *Extractor) leftPosts(d *Doc) {
	for i := range d.Relations {
		r := &d.Relations[i]
		if r.Type != graph.HoldsPost || r.Status != "current" {
			continue
		}
		v := d.view(r.Sent)
		for _, m := range v.ms {
			if m.Ent == r.From && leftAfter(v, m.TokEnd) && !hedgedBefore(v, min(m.Tok, m.TitleFrom)) {
				r.Status = "former"
				break
			}
		}
	}
}

// leftAfter reports whether the verb that follows token j (past an apposition, an age, the rest of a
// subject joined by "and", auxiliaries and adverbs) is one of leaving a post: "died", "resigned", or a
// passive "was fired". A clause's end, a hedge or another verb in the past stops the search.
func leftAfter(v sentenceView, j int) bool {
	passive := false
	for n := 0; j < len(v.toks) && n < 10; j, n = j+1, n+1 {
		w := v.lower(j)
		if !v.toks[j].Word {
			if w == "," {
				continue // "X, 75, was retired"
			}
			return false
		}
		if clauseStop(w) || hedgeWord(w) || w == "to" {
			return false // "X said the man who resigned", "X will resign", "X threatened to quit"
		}
		switch w {
		case "was", "were", "been", "being":
			passive = true
			continue
		case "has", "had", "have", "and", "also", "then", "later", "suddenly":
			continue
		}
		fs := lexicon.Triggers(w)
		if inf, _, ok := fs.Of("leave"); ok && (inf == "past" || inf == "part") {
			return true
		}
		if inf, _, ok := fs.Of("oust"); ok && passive && inf == "part" {
			return true
		}
		if fs != nil || strings.HasSuffix(w, "ed") {
			return false // another verb: the clause says something else of them
		}
	}
	return false
}

// hedgedBefore reports whether a hedge opens the clause before token k: "unless X resigned", "if X died".
func hedgedBefore(v sentenceView, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		w := v.lower(j)
		if hedgeWord(w) {
			return true
		}
		if clauseStop(w) || w == "," {
			return false
		}
	}
	return false
}

// portfolioWord reports whether the capitalised word at token j, right before a cabinet post's title,
// is the post's portfolio ("Agriculture minister", "Energy minister"): one English word, not a party's
// name, before a minister's or a premier's title.
func portfolioWord(v sentenceView, j int, title string) bool {
	ws := strings.Fields(title)
	if len(ws) == 0 || !lexicon.IsCabinetPost(ws[len(ws)-1]) {
		return false
	}
	if _, party := lexicon.PartyName(v.toks[j].Text); party {
		return false
	}
	return lexicon.IsEnglishWord(strings.ToLower(v.toks[j].Text))
}

// fragmentBody reports whether an organisation named by one English word before a title is a piece of a
// longer name, not a body: a capitalised word stands right before it ("American Express", "Texas
// Commerce"), or the article writes the word in lower case too ("Board President X ... the board").
func (x *Extractor) fragmentBody(d *Doc, v sentenceView, om *Mention) bool {
	if om.Type != graph.Organisation || om.TokEnd-om.Tok != 1 || om.Ent == nil || len(strings.Fields(om.Ent.Name)) != 1 {
		return false
	}
	w := strings.ToLower(om.Text)
	if !lexicon.IsEnglishWord(w) {
		return false
	}
	if k := om.Tok - 1; k >= 0 && v.toks[k].Word && v.toks[k].Cap() && !lexicon.IsFunctionWord(v.toks[k].Text) {
		pm := v.mentionEndingAt(om.Tok)
		if pm == nil && !x.isDemonym(v.toks[k].Text) {
			return true // "Revolution Studios", "Miami Beach": the capitalised word before is the name's
		}
		if pm != nil && pm.Type == graph.Place && !x.cityOrCountry(pm.Ent) || x.isDemonym(v.toks[k].Text) && lowercaseWords(d)[w] {
			return true // "Texas Commerce": a province opening the name ("U.S. Treasury" is the state's body)
		}
	}
	return lowercaseWords(d)[w]
}
