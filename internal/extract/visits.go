package extract

// VISITED: travel, arrival, presence and speaking at an event in a place.

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// visitTrigger reports whether a travel phrase starts at token i, and where its objects begin.
func (v sentenceView) visitTrigger(i int) (objFrom int, ok bool) {
	if i >= len(v.toks) {
		return 0, false
	}
	w := v.lower(i)
	next := v.lower(i + 1)
	fs := lexicon.Triggers(w) // one look-up for every class asked below
	speech, told := speechForms(fs)
	if v.toks[i].Cap() && (i > 0 || !speech) {
		return 0, false // "Visit Britain", a title in capitals: not the verb
	}
	if speech {
		// presence at an event held in a place: "speaking in London", "in a speech in Edinburgh",
		// "told a news conference in Lima"
		if next == "in" {
			return i + 2, true
		}
		if next == "at" && !told {
			return i + 2, true // "a speech at X University in P": the place may follow the venue
		}
		if told && i+2 < len(v.toks) && v.toks[i+1].Word && !v.toks[i+1].Cap() && v.lower(i+2) == "in" {
			return i + 3, true // "told reporters in Lima"
		}
		return 0, false
	}
	if inf, _, ok := fs.Of("visit"); ok && inf != "base" && inf != "s" {
		return i + 1, true // "visited", "touring": the place is the object
	}
	if _, _, verb := fs.Of("visit"); !verb && isOf(fs, "journey") {
		if next == "to" || next == "of" {
			return i + 2, true // "a trip to", "a journey of"
		}
		return 0, false
	}
	if inf, lemma, ok := fs.Of("visit"); ok {
		if lemma != "visit" && inf == "base" && next == "of" {
			return i + 2, true // "a tour of"
		}
		// "visit" and "visits": a noun or a verb
		if inf == "s" && i > 0 && (isPersonPronoun(v.lower(i-1)) || v.toks[i-1].Cap()) {
			return 0, false // "when he visits Washington later this month": the present tells of a schedule
		}
		if next == "to" {
			return i + 2, true
		}
		if i > 0 && (isPersonPronoun(v.lower(i-1)) || v.lower(i-1) == "his" || v.lower(i-1) == "her") {
			return i + 1, true
		}
		return i + 1, inf == "s"
	}
	if inf, lemma, ok := fs.Of("travel"); ok && (inf == "past" || inf == "part" || inf == "ing" && lemma == "travel") {
		// the past of WordNet's travel verbs: "flew to", "headed to", "continued to"; the present
		// ("heads to Poland on Sunday") and the gerund ("coming to Europe"; "travelling" aside) tell of
		// trips to come, the base form is a noun as often ("a move to", "his return to")
		if next == "to" {
			return i + 2, true
		}
		if lemma == "return" && (inf == "past" || inf == "part") && next == "from" {
			return i + 2, true // "has just returned from Washington": was there ("came from" tells of an origin)
		}
	}
	if _, _, ok := fs.Of("arrive"); ok && (next == "in" || next == "at") {
		return i + 2, true // "arrived in", "landing at", "stopped in"
	}
	switch w {
	case "is", "was":
		if next == "in" {
			return i + 2, true // "Marx is in New York": presence, the place right after (strictVisit)
		}
	case "left":
		return i + 1, true // "left Bonn after talks": was there; the place right after (strictVisit)
	}
	return 0, false
}

// modifiedNoun reports whether a lower-case word after a place is a noun the place modifies: a body or
// a region of WordNet's, singular or plural ("countries", "police", "region").
func modifiedNoun(w string) bool {
	one := w
	if s, ok := strings.CutSuffix(w, "ies"); ok {
		one = s + "y"
	} else if s, ok := strings.CutSuffix(w, "s"); ok && !strings.HasSuffix(s, "s") {
		one = s
	}
	return lexicon.IsGeoHead(one) || lexicon.IsWordNetOrgNoun(one)
}

// strictVisit reports whether a travel phrase at token i takes only a place written right after it:
// "was in Lima", "left Bonn", not "was in talks about Lima" or "left the party in Lima".
func (v sentenceView) strictVisit(i int) bool {
	switch v.lower(i) {
	case "is", "was", "left":
		return true
	}
	return false
}

// visits reads VISITED: for each travel phrase, its subjects and the places listed after it.
func (x *Extractor) visits(d *Doc, v sentenceView) {
	var lastSubj []*Entity
	var lastPron bool
	for i := 0; i < len(v.toks); i++ {
		objFrom, ok := v.visitTrigger(i)
		if !ok || v.infinitiveAfter(objFrom) {
			continue
		}
		lb := v.leftBound(i)
		if v.hedged(i, lb) || ((visitNoun(v.lower(i)) || v.progressive(i)) && v.hedgedClause(lb, v.rightBound(i+1), i)) ||
			(v.eventNoun(i) && v.hedgedClause(lb, i, i)) {
			continue
		}
		if _, copula := copulaVerbs[v.lower(i)]; copula && !v.personEndsAt(i) {
			continue // "her last event was in Filderstadt": a thing's place, not a person's presence
		}
		subj, pron := x.visitSubjects(d, v, i, lb, lastSubj, lastPron)
		if len(subj) == 0 {
			continue
		}
		lastSubj, lastPron = subj, pron
		x.visitPlaces(d, v, i, objFrom, lb, subj, pron)
	}
}

// infinitiveAfter reports whether a travel phrase's "to" opens an infinitive rather than a destination
// ("returned to haunt", "went to see").
func (v sentenceView) infinitiveAfter(objFrom int) bool {
	if v.lower(objFrom-1) == "to" && objFrom < len(v.toks) && v.toks[objFrom].Word && !v.toks[objFrom].Cap() {
		switch v.lower(objFrom) {
		case "the", "a", "an", "both":
		default:
			return true
		}
	}
	return false
}

// visitSubjects decides who travels in the phrase at token i: the clause's subjects, the possessor of a
// travel noun, the previous phrase's subjects for "continued", or the person after an opening phrase.
func (x *Extractor) visitSubjects(d *Doc, v sentenceView, i, lb int, lastSubj []*Entity, lastPron bool) ([]*Entity, bool) {
	subj, pron := x.clauseSubjects(d, v, lb, i)
	if visitNoun(v.lower(i)) {
		if e := x.possessorAfterComma(d, v, i); e != nil {
			subj, pron = []*Entity{e}, true
		}
		if e, by := v.agentAfter(i); by {
			if e == nil {
				return nil, false // "several visits to Saudi Arabia by British officials": others' visits
			}
			return []*Entity{e}, false // "a 12-day visit to Japan by X": X is the visitor
		}
		if m := v.mentionEndingAt(i); m != nil && m.Type != graph.Person {
			return nil, false // "the Lions tour to New Zealand": a team's or a body's tour
		}
		if i > 1 && v.toks[i-1].Cap() && v.mentionEndingAt(i) == nil && !x.isDemonym(v.toks[i-1].Text) && !isPersonPronoun(v.lower(i-1)) {
			return nil, false // "this summer's Lions tour": a named tour, no one's trip ("his European tour" is)
		}
	}
	if len(subj) == 0 && v.lower(i) == "continued" {
		subj, pron = lastSubj, lastPron // "..., then continued to X"
	}
	if len(subj) == 0 {
		// an opening phrase with no subject of its own ("Speaking in Lima, X said"; "In a speech in
		// Oslo, the president said"): the person right after its comma
		if e, described := x.openingSubject(d, v, i); e != nil {
			subj, pron = []*Entity{e}, described
		}
	}
	return subj, pron
}

// visitPlaces adds a visit by each subject to every place in the list after the travel phrase at token
// i whose objects begin at objFrom.
func (x *Extractor) visitPlaces(d *Doc, v sentenceView, i, objFrom, lb int, subj []*Entity, pron bool) {
	prev := objFrom
	rb := v.rightBound(objFrom)
	for n, m := range v.in(objFrom, len(v.toks), graph.Place) {
		gap := 7 // the first place may stand a few words after the verb; the rest of a list is tight
		if n > 0 {
			gap = 3
		}
		if m.Tok-prev > gap || stopBetween(v, prev, m.Tok) {
			break
		}
		if n == 0 && v.strictVisit(i) && !v.strictPlace(m, objFrom) {
			break
		}
		if n == 0 && v.lower(m.Tok-1) == "at" && x.cityOrCountry(m.Ent) {
			if _, _, arrive := lexicon.Triggers(v.lower(i)).Of("arrive"); arrive {
				break // "since arriving at Liverpool from Valencia": one arrives in a city, at a club
			}
		}
		if v.leaving(i) && (!x.notVenue(m.Ent) || v.lower(m.TokEnd) == "to" && m.TokEnd+1 < len(v.toks) && !v.toks[m.TokEnd+1].Cap() &&
			v.toks[m.TokEnd+1].Word && !lexicon.IsFunctionWord(v.toks[m.TokEnd+1].Text)) {
			break // "left Downing Street", "left Newcastle to join Celtic": a job or a club, as often as a place
		}
		if v.placeModifiesNext(m, n) {
			continue
		}
		// the first place may take the clause's date; later ones only a date of their own
		clause := -1
		if n == 0 && v.lower(i) != "continued" {
			clause = lb
		}
		date := d.dateNear(v, prev, m.TokEnd, clause, rb)
		if w := v.lower(m.TokEnd + 1); v.lower(m.TokEnd) == "," && (w == "such" || w == "including") || v.lower(m.TokEnd) == "such" {
			prev = m.TokEnd // "stops in the region, such as X and Y": the places named next are the visits
			continue
		}
		rule := ruleVisited
		if speech, _ := speechForms(lexicon.Triggers(v.lower(i))); speech {
			rule = ruleVisitedEvent
		}
		if rule == ruleVisitedEvent && !x.notVenue(m.Ent) {
			break // "his news conference in Downing Street": a building or a street, no visit stated
		}
		for _, s := range subj {
			if rule == ruleVisitedEvent && x.ownCapital(d, s, m.Ent) {
				continue // a press conference in one's own capital is no visit
			}
			if (v.leaving(i) || v.returning(i)) && x.ownCountry(d, s, m.Ent) {
				continue // "left Brazil early today to attend a meeting in Managua", "returned to Paris": home is no visit
			}
			d.add(Relation{Type: graph.Visited, From: s, To: m.Ent, Date: date, Sent: v.si, Tok: i, Rule: rule}, pron)
		}
		prev = m.TokEnd
	}
}

// strictPlace reports whether the first place m after a strict travel phrase ("was in", "left") is its
// object: written right after it (or after "the"), and not naming something else ("left the London club").
func (v sentenceView) strictPlace(m *Mention, objFrom int) bool {
	if m.Tok != objFrom && !(m.Tok == objFrom+1 && v.lower(objFrom) == "the") {
		return false
	}
	if _, copula := copulaVerbs[v.lower(objFrom-2)]; !copula && m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
		return false // "left London's Capital FM": a possessor of what was left ("was in London's Leicester Square" is in London)
	}
	if v.lower(m.Tok-1) == "the" && m.TokEnd < len(v.toks) && v.toks[m.TokEnd].Word && !v.toks[m.TokEnd].Cap() &&
		!lexicon.IsFunctionWord(v.toks[m.TokEnd].Text) && !clauseStop(v.lower(m.TokEnd)) {
		return false // "left the London club": the place names something else
	}
	return true
}

// placeModifiesNext reports whether the n-th place of a list modifies what follows it rather than being
// a destination: a post, a possessed thing after the list, or a noun.
func (v sentenceView) placeModifiesNext(m *Mention, n int) bool {
	nx := m.TokEnd
	if nx < len(v.toks) && !v.toks[nx].Cap() && lexicon.IsPostWord(v.toks[nx].Text) {
		return true // "the UK chancellor": a nationality of a post, not a destination
	}
	if n > 0 && nx < len(v.toks) && isPossessive(v.toks[nx]) {
		return true // "a trip to Peru and Chile to explain Brazil's decision": a possessor after the list
	}
	if nx < len(v.toks) && v.toks[nx].Word && !v.toks[nx].Cap() && modifiedNoun(v.lower(nx)) {
		return true // "touring South East Asian countries", "the London police": the place modifies a noun
	}
	return false
}

// returning reports whether the travel phrase at token i is a return ("returned to P", "came back to P").
func (v sentenceView) returning(i int) bool {
	inf, lemma, ok := lexicon.Verb(v.lower(i), "travel")
	return ok && (inf == "past" || inf == "part") && (lemma == "return" || lemma == "come" && v.lower(i+1) == "back")
}

// leaving reports whether the travel phrase at token i is a departure ("left P").
func (v sentenceView) leaving(i int) bool {
	_, copula := copulaVerbs[v.lower(i)] // "was in P" is presence, not a departure
	return v.strictVisit(i) && !copula
}

// notVenue reports whether a place is a country, region or city of the gazetteer or a GeoNames town,
// or at least is not named as a building, a street or a ground (WordNet's structures and ways: "Downing
// Street", "Fratton Park"), which one leaves as a job or a club as often as a place.
func (x *Extractor) notVenue(e *Entity) bool {
	if _, ok := x.lex.Place(e.Name); ok || lexicon.Town(e.Name) {
		return true
	}
	ws := strings.Fields(e.Name)
	return len(ws) < 2 || !lexicon.IsVenueNoun(ws[len(ws)-1])
}

// ownCountry reports whether a place is the country (or its capital) of the person's nationality or
// of a post they hold at a state, as the article reads so far.
func (x *Extractor) ownCountry(d *Doc, e, place *Entity) bool {
	p, ok := x.lex.Place(place.Name)
	if !ok || p.Kind != lexicon.Country {
		return x.ownCapital(d, e, place)
	}
	if nationality(e) == p.Country {
		return true
	}
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.From == e && r.To == place {
			return true
		}
	}
	return false
}

// ownCapital reports whether a place is the capital of a state the person belongs to or holds a post
// at, as the article reads so far.
func (x *Extractor) ownCapital(d *Doc, e, place *Entity) bool {
	p, ok := x.lex.Place(place.Name)
	if !ok || p.Kind != lexicon.Capital {
		return false
	}
	if nationality(e) == p.Country {
		return true
	}
	for _, r := range d.Relations {
		if r.Type == graph.HoldsPost && r.From == e && r.To.Type == graph.Place && r.To.Name == p.Country {
			return true
		}
	}
	return false
}

// openingSubject is the person named or described right after the comma of an opening phrase holding
// token i, or nil; described says it was a description.
func (x *Extractor) openingSubject(d *Doc, v sentenceView, i int) (*Entity, bool) {
	comma := firstComma(v.toks)
	if comma <= i || comma > 12 {
		return nil, false
	}
	if ms := v.in(comma+1, len(v.toks), graph.Person); len(ms) > 0 { // the first person after the comma
		if m := ms[0]; m.Tok == comma+1 || m.TitleFrom == comma+1 {
			return m.Ent, false
		}
	}
	if desc, ok := x.descriptionAt(v, comma+1); ok {
		return x.describedPerson(d, desc), true
	}
	return nil, false
}

// possessorAfterComma reads "his" or "her" before a travel noun in a phrase set off by a comma after
// the sentence's names ("X met Y in Z, on his first visit to P"): the phrase tells of the sentence's
// subject, the first person it names or describes, not of the person named last.
func (x *Extractor) possessorAfterComma(d *Doc, v sentenceView, i int) *Entity {
	k := i - 1
	for k > 0 && i-k < 4 && v.toks[k].Word && !v.toks[k].Cap() && v.lower(k) != "his" && v.lower(k) != "her" {
		k-- // "his first official visit"
	}
	if w := v.lower(k); w != "his" && w != "her" {
		return nil
	}
	comma := -1
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if v.toks[j].Text == "," {
			comma = j
			break
		}
	}
	if comma < 0 {
		return nil
	}
	ps := v.in(0, comma, graph.Person)
	if len(ps) == 0 {
		return nil
	}
	if e := x.describedIn(d, v, 0, ps[0].TitleFrom); e != nil {
		return e // "the Pakistani president met X ..., on his first visit"
	}
	if ps[0].TitleFrom <= 3 && d.gender(ps[0].Ent) != -pronounGender(v.lower(k)) {
		return ps[0].Ent
	}
	return nil
}

func stopBetween(v sentenceView, from, to int) bool {
	for j := from; j < to; j++ {
		w := v.lower(j)
		if clauseStop(w) || w == "." || w == "from" || w == "with" || w == "by" {
			return true
		}
		if _, ok := v.visitTrigger(j); ok && j > from {
			return true // a new travel phrase takes over
		}
	}
	return false
}

// visitBefore is the place and date of a visit stated earlier in the same sentence than token tok
// ("travelled to Cairo, where he met X"), if any.
func (d *Doc) visitBefore(si, tok int) (*Entity, string) {
	vs := d.visitsIn[si] // not a scan of every relation of the article
	for i := len(vs) - 1; i >= 0; i-- {
		if r := d.Relations[vs[i]]; r.Tok < tok {
			return r.To, r.Date
		}
	}
	return nil, ""
}

// personEndsAt reports whether a person's name or a personal pronoun stands right before token i: the
// subject of "X was in P".
func (v sentenceView) personEndsAt(i int) bool {
	if i == 0 {
		return false
	}
	if m := v.mentionEndingAt(i); m != nil {
		return m.Type == graph.Person
	}
	w := v.lower(i - 1)
	if w == "," {
		// "X, who is on a visit to the U.S., was in P": the subject before the clause between commas
		for j := i - 2; j > 0 && j >= i-16; j-- {
			if v.lower(j) == "," {
				return v.personEndsAt(j)
			}
		}
		return false
	}
	if w == "who" {
		return i >= 2 && v.lower(i-2) == "," && v.personEndsAt(i-2) // "X, who was in Moscow"
	}
	return isPersonPronoun(w)
}

// agentAfter returns the person named after "by" right after the places of a travel noun at token i
// ("a 12-day visit to Japan by X"), and whether there is such a "by" at all ("visits to Moscow by
// British officials": a "by" with no person).
func (v sentenceView) agentAfter(i int) (*Entity, bool) {
	rb := v.rightBound(i + 1)
	for j := i + 1; j < rb && j < i+10 && v.lower(j) != ","; j++ {
		if v.lower(j) != "by" || strings.HasSuffix(v.lower(j+1), "ing") && !v.toks[j+1].Cap() {
			continue // "began a visit to Beijing by signing a deal": the means, not the visitor
		}
		if m := v.mentionAt(j + 1); m != nil && m.Type == graph.Person {
			return m.Ent, true
		}
		if ms := v.in(j+1, min(j+5, rb), graph.Person); len(ms) > 0 && ms[0].TitleFrom == j+1 {
			return ms[0].Ent, true // "by Prime Minister X"
		}
		return nil, true
	}
	return nil, false
}

// progressive reports whether the travel phrase at token i is a gerund of travel or visit ("is
// travelling to America next week", "visiting"): it has no tense of its own, so a "will" or a "next
// week" anywhere in its clause makes it a plan.
func (v sentenceView) progressive(i int) bool {
	fs := lexicon.Triggers(v.lower(i))
	inf, _, ok := fs.Of("travel")
	if !ok {
		inf, _, ok = fs.Of("visit")
	}
	return ok && inf == "ing"
}

// eventNoun reports whether the travel phrase at token i is an event noun ("a rally in London", "a
// news conference in Lima"): a hedge before it in its clause ("will join others at a rally in") makes it
// a plan; what is said after it is the speaker's.
func (v sentenceView) eventNoun(i int) bool {
	for _, f := range lexicon.Triggers(v.lower(i)) {
		if f.Class == "speech" {
			return true
		}
	}
	return false
}

// cityOrCountry reports whether a place is a city, capital or country of the gazetteer.
func (x *Extractor) cityOrCountry(e *Entity) bool {
	p, ok := x.lex.Place(e.Name)
	return ok && (p.Kind == lexicon.City || p.Kind == lexicon.Capital || p.Kind == lexicon.Country)
}
