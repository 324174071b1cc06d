package extract

// MET: meeting verbs and nouns, hosting, reciprocal and multi-party meetings.

import (
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
	"strings"
)

type meetKind int

const (
	meetNone meetKind = iota
	meetVerb
	meetNoun
	meetBetween
	meetDiscussed
	meetAttended
	meetHost // X hosted / received / welcomed / greeted Y; Y was received by X
	meetCall // X spoke by telephone with Y; X rang Y
)

// meetTrigger reports a meeting phrase at token i and where its other side begins.
func (v sentenceView) meetTrigger(i int) (meetKind, int) {
	if i >= len(v.toks) || v.toks[i].Cap() {
		return meetNone, 0 // "Meet the Parents": a title, not the verb
	}
	w, next := v.lower(i), v.lower(i+1)
	fs := lexicon.Triggers(w) // one look-up for every class asked below
	if next == "with" && v.lower(i+2) == "with" {
		i++ // "talks with with X": a doubled word
	}
	if w == "meeting" {
		if obj, ok := v.meetingGerund(i, next); ok {
			return meetVerb, obj
		}
	}
	if obj, ok := v.callTrigger(fs, i, next); ok {
		return meetCall, obj
	}
	// the present ("when he meets X", "he now meets X in the final", "and meet Y during the visit")
	// tells of a schedule or a fixture
	if inf, _, ok := fs.Of("meet"); ok && (inf == "past" || inf == "part") {
		if next == "with" {
			return meetVerb, i + 2 // "met with X"
		}
		return meetVerb, i + 1
	}
	if inf, _, ok := fs.Of("confer"); ok && (inf == "past" || inf == "part") {
		return meetDiscussed, i // "discussed X with Y", "conferred with"
	}
	if inf, lemma, ok := fs.Of("talk"); ok && lemma == "talk" && (inf == "past" || inf == "part") {
		return meetDiscussed, i // "talked with"
	}
	if inf, _, ok := fs.Of("host"); ok && (inf == "past" || inf == "part") {
		if next == "by" {
			return meetHost, i + 2 // "was received by X"
		}
		return meetHost, i + 1 // "hosted", "welcomed", "greeted X"
	}
	if isOf(fs, "meeting") {
		if kind, obj, ok := v.meetingNounTrigger(i, next); ok {
			return kind, obj
		}
	}
	if inf, _, ok := fs.Of("attend"); ok && (inf == "past" || inf == "part") {
		return v.attendTrigger(i, next)
	}
	return meetNone, 0
}

// meetingGerund reports whether "meeting" at token i is the gerund after a time conjunction with its
// object right after it ("after meeting President X"), and where the object begins.
func (v sentenceView) meetingGerund(i int, next string) (int, bool) {
	switch v.lower(i - 1) {
	case "after", "before", "while", "since", "when":
		if next != "with" && next != "between" && i+1 < len(v.toks) && v.toks[i+1].Word {
			if m := v.mentionAt(i + 1); (m != nil && m.Type == graph.Person) || lexicon.IsTitleWord(v.toks[i+1].Text) {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// callTrigger reports whether a telephone call is told at token i, and where the person called begins.
func (v sentenceView) callTrigger(fs lexicon.Forms, i int, next string) (int, bool) {
	if inf, _, ok := fs.Of("talk"); ok && inf != "base" && inf != "ing" {
		// "spoke by telephone with X", "talked by phone to X": a call
		if next == "by" && callWords[v.lower(i+2)] && (v.lower(i+3) == "with" || v.lower(i+3) == "to") {
			return i + 4, true
		}
	}
	if inf, lemma, ok := fs.Of("call"); ok && (inf == "past" || inf == "part") {
		// "telephoned X", "rang X": a call to a person named right after the verb (WordNet's telephone verbs)
		if m := v.mentionAt(i + 1); (m != nil && m.Type == graph.Person) || (i+1 < len(v.toks) && lexicon.IsTitleWord(v.toks[i+1].Text) && v.toks[i+1].Cap()) {
			if lemma != "call" || v.lower(i-1) == "had" || v.lower(i-1) == "has" {
				return i + 1, true // "called" alone is more often "named"
			}
		}
	}
	return 0, false
}

// meetingNounTrigger reads a meeting noun at token i followed by "between" or "with": a meeting
// between two sides, one held with someone (a verb), or one with someone; ok is false for any other
// word after it. A meeting attended is left to the attended rule (meetNone).
func (v sentenceView) meetingNounTrigger(i int, next string) (meetKind, int, bool) {
	if next == "between" {
		return meetBetween, i + 2, true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch v.lower(j) {
		case "held", "hold", "holds", "had", "holding", "having", "conducted":
			if next == "with" {
				return meetVerb, i + 2, true
			}
			for k := i + 1; k < v.rightBound(i+1); k++ {
				if v.lower(k) == "with" {
					return meetNone, 0, false // "held talks in New York with X": the far side comes late
				}
			}
			return meetVerb, i + 1, true // "X and Y held talks in Lima": the subjects met each other
		}
	}
	if next != "with" {
		return meetNone, 0, false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if inf, _, ok := lexicon.Verb(v.lower(j), "attend"); ok && (inf == "past" || inf == "part") {
			return meetNone, 0, true // "attended the meeting with": the attended rule reads it
		}
	}
	return meetNoun, i + 2, true
}

// attendTrigger reads a past form of "attend" at token i: a meeting attended by someone, or someone
// attending a meeting named within three words after the verb; nothing else attended is a meeting.
func (v sentenceView) attendTrigger(i int, next string) (meetKind, int) {
	if next == "by" {
		// "The meeting was attended by X": only a meeting, not a premiere or a funeral
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if meetingNoun(v.lower(j)) {
				return meetAttended, i + 2
			}
		}
		return meetNone, 0
	}
	j := i + 1
	for j < len(v.toks) && j <= i+3 && !meetingNoun(v.lower(j)) {
		j++
	}
	if !meetingNoun(v.lower(j)) {
		return meetNone, 0
	}
	return meetAttended, j + 1
}

// thingAt reports whether an object opens at token i with an article and a common noun that names no
// person or group of people ("a cool reception", "the target"; not "the president", "a delegation").
func (v sentenceView) thingAt(i int) bool {
	switch v.lower(i) {
	case "a", "an", "the", "its", "their", "his", "her":
	default:
		return false
	}
	for j := i + 1; j < len(v.toks) && j <= i+3; j++ {
		t := v.toks[j]
		if !t.Word || t.Cap() {
			return false // a name, or a nationality before a title
		}
		w := t.Lower()
		if lexicon.IsTitleWord(w) || peopleNoun(w) {
			return false
		}
		if lexicon.IsFunctionWord(w) {
			return true
		}
	}
	return true
}

// intransitiveAt reports whether a verb ends its object slot at token i: nothing, a preposition, a
// time word or punctuation follows it ("met in Lima", "met yesterday", "met."), not a noun phrase
// ("met the target").
func (v sentenceView) intransitiveAt(i int) bool {
	if i >= len(v.toks) || !v.toks[i].Word {
		return true
	}
	switch v.lower(i) {
	case "in", "on", "at", "as", "for", "during", "after", "before", "again", "privately", "briefly", "secretly",
		"yesterday", "today", "twice", "later", "earlier", "last", "late", "early", "behind", "here", "there":
		return true
	}
	return false
}

// meetSide returns the people on the far side of a meeting, or the organisation when no person is named.
func (v sentenceView) meetSide(from, to int) []*Entity {
	var es []*Entity
	speaker := v.speakerEndingAt(to)
	for _, m := range v.in(from, to, graph.Person) {
		if m != speaker {
			es = appendEntity(es, m.Ent)
		}
	}
	if len(es) > 0 {
		return es
	}
	near := from // a body is named near the verb, or listed near one that is
	for _, m := range v.in(from, to, graph.Organisation) {
		if m.Tok-near > 5 || m == v.speakerEndingAt(to) {
			break // a body named far from the verb ("met top leaders and today signed ... a Commission office"), or the speaker
		}
		near = m.TokEnd
		k := m.Tok - 1
		if v.lower(k) == "the" {
			k-- // "met in the White House residence with"
		}
		switch v.lower(k) {
		case "at", "in", "on", "during":
			continue // "met as students at Dundee University": the venue
		}
		if m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) || modifiesNoun(v, m) {
			continue // "the Arab League's Secretary", "his EU counterparts": someone of the body, not its delegation
		}
		if p := v.lower(m.Tok - 1); p == "of" || (p == "the" && v.lower(m.Tok-2) == "of") {
			continue // "leaders of the Senate": the body the people belong to
		}
		es = appendEntity(es, m.Ent)
	}
	return es
}

// speakerEndingAt returns the person (or body: "Kyodo News Service said") named right before a verb of saying at token to, after a comma or
// "and": the speaker of the clause before ("met X for an hour, and Y said", "talks with Z, W added"), no
// side of a meeting. It returns nil when there is none.
func (v sentenceView) speakerEndingAt(to int) *Mention {
	if to >= len(v.toks) || !clauseStop(v.lower(to)) || clauseStops[v.lower(to)] {
		return nil
	}
	m := v.mentionEndingAt(to)
	if m == nil || (m.Type != graph.Person && m.Type != graph.Organisation) {
		return nil
	}
	k := min(m.Tok, m.TitleFrom) - 1
	for j := k; j >= 0 && j >= k-3; j-- {
		switch w := v.lower(j); {
		case w == "," || w == "and":
			return m
		case !v.toks[j].Word || v.mentionAt(j) != nil:
			return nil
		}
		// "and Argentine economy minister Y said": a nationality or the rest of a title may stand between
	}
	return nil
}

// listAt returns the people (or, failing them, the organisation) named first in [from, to) and those
// listed with them: one side of "a meeting between X and Y".
func (v sentenceView) listAt(from, to int) []*Entity {
	ms := v.in(from, to, "")
	if len(ms) == 0 || ms[0].Tok-from > 3 {
		return nil
	}
	group := ms[:1]
	for i := 1; i < len(ms) && listJoined(v.toks, ms[i-1], ms[i]) && v.lower(ms[i-1].TokEnd) != "and"; i++ {
		group = ms[:i+1]
	}
	var es []*Entity
	for _, m := range group {
		if m.Type == graph.Person || m.Type == graph.Organisation {
			es = appendEntity(es, m.Ent)
		}
	}
	return es
}

// meetings reads MET: for each meeting phrase, the people on its two sides, and where and when they met.
func (x *Extractor) meetings(d *Doc, v sentenceView) {
	for i := 0; i < len(v.toks); i++ {
		kind, objFrom := v.meetTrigger(i)
		if kind == meetNone {
			continue
		}
		lb := v.leftBound(i)
		rb := v.rightBound(objFrom)
		if v.hedged(i, lb) || ((kind == meetNoun || kind == meetBetween) && v.hedgedClause(lb, rb, i)) {
			continue
		}
		if kind == meetNoun && v.lower(i-2) == "before" && (v.lower(i-1) == "his" || v.lower(i-1) == "her" || v.lower(i-1) == "their") {
			continue // "Before her meeting with X, Y believes": a meeting still to come
		}
		if kind == meetNoun && (v.lower(i-1) == "for" || v.lower(i-2) == "for" && (v.lower(i-1) == "the" || v.lower(i-1) == "a")) {
			continue // "left for Washington for talks with X", "arrived for talks with": the purpose of a trip
		}
		if lb > 0 && (v.lower(lb-1) == "after" || v.lower(lb-1) == "before") && v.modalBefore(v.leftBound(lb-1), lb-1) {
			continue // "X would leave tomorrow for Zurich after meeting Y this evening": the main clause's plan
		}
		mt, ok := x.meetSides(d, v, kind, i, objFrom, lb, rb)
		if !ok || len(mt.left) == 0 {
			continue
		}
		// the place is said near the participants: "met X in Qatar", "While in the West Bank, X met Y"
		near := objFrom
		for _, m := range v.in(objFrom, rb, "") {
			if m.Type != graph.Place {
				near = m.TokEnd
			}
		}
		place := v.placeIn(lb, min(near+4, rb), objFrom)
		date := d.dateNear(v, i, rb, lb, rb)
		if kind == meetAttended {
			x.attended(d, v, mt.left, mt.right, place, date, mt.pron)
			continue
		}
		d.addMeeting(v, i, mt, place, date)
	}
}

// meetParties is what a meeting phrase says of who met: its two sides, whether a side was read from a
// pronoun, whether the subjects met each other ("X and Y met"), and the rule that read it.
type meetParties struct {
	left, right    []*Entity
	pron, together bool
	rule           string
}

// meetSides decides who is on each side of the meeting phrase of the kind at token i, its other side
// beginning at objFrom, within the clause [lb, rb); ok is false when the phrase tells of no meeting.
func (x *Extractor) meetSides(d *Doc, v sentenceView, kind meetKind, i, objFrom, lb, rb int) (mt meetParties, ok bool) {
	switch kind {
	case meetVerb, meetNoun, meetCall:
		return x.verbSides(d, v, kind, i, objFrom, lb, rb)
	case meetHost:
		return d.hostSides(v, i, objFrom, lb, rb)
	case meetBetween:
		return v.betweenSides(objFrom, rb)
	case meetDiscussed:
		return v.discussedSides(lb, i)
	case meetAttended:
		mt.rule = ruleMetAttended
		if v.lower(i+1) == "by" {
			mt.left = v.meetSide(objFrom, rb)
		} else {
			mt.left, mt.pron = d.subjects(v, lb, i)
			mt.right = v.meetSide(objFrom, rb)
		}
	}
	return mt, true
}

// verbSides reads the sides of a meeting verb, noun or call: the clause's subjects, and those named in
// its object; subjects with no object ("X and Y met in Lima") met each other.
func (x *Extractor) verbSides(d *Doc, v sentenceView, kind meetKind, i, objFrom, lb, rb int) (mt meetParties, ok bool) {
	if kind != meetNoun && v.thingAt(objFrom) {
		return mt, false // "met a cool reception", "met the target": a thing, not a person
	}
	if m := v.mentionAt(objFrom); kind == meetVerb && m != nil && m.TokEnd+1 < len(v.toks) && isPossessive(v.toks[m.TokEnd]) &&
		v.toks[m.TokEnd+1].Word && !v.toks[m.TokEnd+1].Cap() {
		return mt, false // "met Gary Neville's cross": a thing of the person's
	}
	mt.rule = ruleMetVerb
	if kind == meetVerb && !v.passiveMeeting(i) {
		return mt, false // "a free kick by X was met powerfully by the head of Y": no one met
	}
	mt.left, mt.pron = x.clauseSubjects(d, v, lb, i)
	mt.right = v.meetSide(objFrom, rb)
	if kind == meetCall {
		mt.rule = ruleMetCall
	} else if !mt.pron && len(mt.left) >= 2 && (kind == meetVerb && v.intransitiveAt(objFrom) || kind == meetNoun && len(mt.right) == 0) {
		// "X and Y met in Lima", "the two leaders held talks on trade": the subjects met each other
		mt.left, mt.right, mt.rule = mt.left[:1], mt.left[1:], ruleMetTogether
		mt.together = true
	} else if kind == meetNoun {
		mt.rule = ruleMetNoun
	}
	return mt, true
}

// hostSides reads the sides of hosting: the subjects, and as guest the person named right after the
// verb (passive: after "by" is the host).
func (d *Doc) hostSides(v sentenceView, i, objFrom, lb, rb int) (mt meetParties, ok bool) {
	var m *Mention
	if ms := v.in(objFrom, rb, ""); len(ms) > 0 && (ms[0].Tok == objFrom || ms[0].TitleFrom == objFrom) {
		m = ms[0] // "greeted President X": the title opens the object
	}
	if m != nil && m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
		m = nil // "welcomed President X's decision": a thing of the person's
	}
	if m == nil || m.Type != graph.Person {
		return mt, false
	}
	mt.rule = ruleMetHost
	mt.left, mt.pron = d.subjects(v, lb, i)
	mt.right = []*Entity{m.Ent}
	return mt, true
}

// betweenSides reads the sides of "a meeting between X and Y": the lists before and after the first "and".
func (v sentenceView) betweenSides(objFrom, rb int) (mt meetParties, ok bool) {
	and := -1
	for j := objFrom; j < rb; j++ {
		if v.lower(j) == "and" {
			and = j
			break
		}
	}
	if and < 0 {
		return mt, false
	}
	mt.rule = ruleMetBetween
	mt.left = v.listAt(objFrom, and)
	mt.right = v.listAt(and+1, rb)
	return mt, true
}

// discussedSides reads "X and Y discussed ...": the first person named before the verb and those joined
// to them by "and".
func (v sentenceView) discussedSides(lb, i int) (mt meetParties, ok bool) {
	ps := v.in(lb, i, graph.Person)
	if len(ps) < 2 || !joinedByAnd(v, ps[0], ps[1]) {
		return mt, false
	}
	mt.rule = ruleMetDiscussed
	mt.left = []*Entity{ps[0].Ent}
	for _, m := range ps[1:] {
		mt.right = appendEntity(mt.right, m.Ent)
	}
	return mt, true
}

// addMeeting adds MET between the sides of the meeting read at token i, leaving out the organisations a
// participant represents; a meeting after a visit stated before it took place there and then.
func (d *Doc) addMeeting(v sentenceView, i int, mt meetParties, place *Entity, date string) {
	left, right := mt.left, mt.right
	if len(right) == 0 {
		return
	}
	left, right = d.dropRepresented(left, right), d.dropRepresented(right, left)
	if !hasPerson(left) && !hasPerson(right) {
		return
	}
	if vp, vd := d.visitBefore(v.si, i); vp != nil {
		// "travelled to Cairo, where he met X": the meeting was there, then
		if place == nil {
			place = vp
		}
		if date == "" {
			date = vd
		}
	}
	if mt.together {
		// "X, Y and Z met": every pair of them
		all := append(left, right...)
		left, right = nil, nil
		for k, a := range all {
			for _, b := range all[k+1:] {
				left, right = append(left, a), append(right, b)
			}
		}
		for k := range left {
			d.add(Relation{Type: graph.Met, From: left[k], To: right[k], Place: place, Date: date, Sent: v.si, Rule: mt.rule}, mt.pron)
		}
		return
	}
	for _, a := range left {
		for _, b := range right {
			if a == b || (a.Type != graph.Person && b.Type != graph.Person) {
				continue
			}
			d.add(Relation{Type: graph.Met, From: a, To: b, Place: place, Date: date, Sent: v.si, Rule: mt.rule}, mt.pron)
		}
	}
}

// dropRepresented leaves out of a side the organisations a participant holds a post in: "a meeting
// between X and Labour party leader Y" is a meeting with Y, not also with Labour.
func (d *Doc) dropRepresented(side, other []*Entity) []*Entity {
	var out []*Entity
	for _, e := range side {
		if e.Type == graph.Organisation {
			k := names.Fold(e.Name)
			represented := false
			for _, p := range append(append([]*Entity{}, side...), other...) {
				if p.Type == graph.Person && d.affiliations(p)[k] {
					represented = true
					break
				}
			}
			if represented {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func hasPerson(es []*Entity) bool {
	for _, e := range es {
		if e.Type == graph.Person {
			return true
		}
	}
	return false
}

func joinedByAnd(v sentenceView, a, b *Mention) bool {
	return b.Tok-a.TokEnd <= 2 && b.Tok > a.TokEnd && (v.lower(a.TokEnd) == "and" || v.lower(b.Tok-1) == "and")
}

// attended pairs the people who attended a meeting with those on its other side: the participants
// named, or those of the meeting read last. Participants who share an affiliation with the attendee
// are on the attendee's own side.
func (x *Extractor) attended(d *Doc, v sentenceView, attendees, parts []*Entity, place *Entity, date string, pron bool) {
	// the meeting attended is the one read last: among the participants named, or any
	for i := len(d.Relations) - 1; i >= 0; i-- {
		r := d.Relations[i]
		if r.Type != graph.Met || r.Sent >= v.si {
			continue
		}
		if len(parts) > 0 && !(containsEntity(parts, r.From) && containsEntity(parts, r.To)) {
			continue
		}
		if len(parts) == 0 {
			parts = []*Entity{r.From, r.To}
		}
		if place == nil {
			place = r.Place
		}
		if date == "" {
			date = r.Date
		}
		break
	}
	for _, a := range attendees {
		mine := d.affiliations(a)
		for _, p := range parts {
			if p == a || overlapsSet(mine, d.affiliations(p)) {
				continue
			}
			d.add(Relation{Type: graph.Met, From: a, To: p, Place: place, Date: date, Sent: v.si, Rule: ruleMetAttended}, pron)
		}
	}
}

func containsEntity(es []*Entity, e *Entity) bool {
	for _, o := range es {
		if o == e {
			return true
		}
	}
	return false
}

// appositiveJoined reports whether b is listed with a behind a description of its own: "A and the head of
// the Bank of Norway, B, met".
func appositiveJoined(v sentenceView, a, b *Mention) bool {
	from, to := a.TokEnd, b.TitleFrom
	if to-from < 3 || to-from > 10 || v.lower(from) != "and" || v.toks[to-1].Text != "," || v.lower(from+1) != "the" {
		return false
	}
	for j := from + 1; j < to-1; j++ {
		if clauseStop(v.lower(j)) || v.toks[j].Text == "," {
			return false
		}
	}
	return v.lower(b.TokEnd) == ","
}

// passiveMeeting reports whether a meeting verb at i, if passive ("was met"), tells of people: a person
// right before the auxiliary and one right after "by" ("X was met by Y at the airport"). An active
// verb passes.
func (v sentenceView) passiveMeeting(i int) bool {
	switch v.lower(i - 1) {
	case "was", "were", "been", "being":
	default:
		return true
	}
	j := i + 1
	if strings.HasSuffix(v.lower(j), "ly") {
		j++ // "met powerfully by"
	}
	if v.lower(j) != "by" || !v.personEndsAt(i-1) {
		return false
	}
	m := v.mentionAt(j + 1)
	if m == nil {
		if ms := v.in(j+1, min(j+5, len(v.toks)), graph.Person); len(ms) > 0 && ms[0].TitleFrom == j+1 {
			m = ms[0]
		}
	}
	return m != nil && m.Type == graph.Person
}

// modalBefore reports whether a hedge word (a modal, a verb of planning) stands in [from, to).
func (v sentenceView) modalBefore(from, to int) bool {
	for j := from; j < to; j++ {
		if hedgeWord(v.lower(j)) {
			return true
		}
	}
	return false
}
