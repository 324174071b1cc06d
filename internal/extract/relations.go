package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// futureAt reports whether token j opens a phrase of time to come that no single word says: "later this
// month", "later this year".
func (v sentenceView) futureAt(j int) bool {
	return v.lower(j) == "later" && v.lower(j+1) == "this"
}

// sentenceView is one sentence with its resolved mentions.
type sentenceView struct {
	si   int
	toks []Token
	ms   []*Mention // mentions with an entity, in order
}

func (d *Doc) view(si int) sentenceView {
	if d.bySent == nil {
		// one pass over the mentions for all sentences, not one per sentence
		d.bySent = make([][]*Mention, len(d.Sents))
		for _, m := range d.Mentions {
			if m.Ent != nil {
				d.bySent[m.Sent] = append(d.bySent[m.Sent], m)
			}
		}
		for _, ms := range d.bySent {
			sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		}
	}
	return sentenceView{si: si, toks: d.Sents[si].Tokens, ms: d.bySent[si]}
}

// in returns the mentions of type t (any type when "") whose tokens lie in [from, to), leaving out
// places and organisations that are part of a job title.
func (v sentenceView) in(from, to int, t graph.EntityType) []*Mention {
	var out []*Mention
	for _, m := range v.ms {
		if m.Tok >= from && m.TokEnd <= to && (t == "" || m.Type == t) && !(m.InTitle && m.Type != graph.Person) {
			out = append(out, m)
		}
	}
	return out
}

// mentionAt returns the mention whose tokens start at i.
func (v sentenceView) mentionAt(i int) *Mention {
	for _, m := range v.ms {
		if m.Tok == i {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the mention whose last token is i-1.
func (v sentenceView) mentionEndingAt(i int) *Mention {
	for _, m := range v.ms {
		if m.TokEnd == i {
			return m
		}
	}
	return nil
}

func (v sentenceView) lower(i int) string {
	if i < 0 || i >= len(v.toks) {
		return ""
	}
	return v.toks[i].Lower()
}

// leftBound returns where the clause holding a verb at i begins.
func (v sentenceView) leftBound(i int) int {
	for j := i - 1; j >= 0; j-- {
		if clauseStop(v.lower(j)) {
			return j + 1
		}
	}
	return 0
}

// rightBound returns where the clause after position i ends.
func (v sentenceView) rightBound(i int) int {
	for j := i; j < len(v.toks); j++ {
		if clauseStop(v.lower(j)) || v.lower(j) == "." {
			return j
		}
	}
	return len(v.toks)
}

// hedgedClause reports whether a word anywhere in the clause [from, to) makes the event unreal: a
// noun of meeting or travel ("during his visit", "talks with") carries no tense of its own, so a
// "will", "hopes" or "next month" around it decides.
func (v sentenceView) hedgedClause(from, to, trigger int) bool {
	for j := from; j < to && j < len(v.toks); j++ {
		w := v.lower(j)
		if j > trigger+1 && (visitNoun(w) || meetingNoun(w)) {
			break // another event begins ("talks with X ahead of her visit next week"): its words are its own
		}
		if hedgeWord(w) || v.futureAt(j) || (j < trigger && planWords[w]) {
			return true
		}
		if j < trigger && (w == "is" || w == "are") && v.lower(j+1) == "to" {
			return true // "X is to join Y in a visit to Z" ("was to brief Y on X's visit" tells of a visit made)
		}
	}
	return false
}

// hedged reports whether one of the few words before position i makes the event unreal.
func (v sentenceView) hedged(i, from int) bool {
	if v.lower(i-1) == "to" { // "sent him to meet", "plans to visit"
		return true
	}
	if i >= 2 && v.lower(i-2) == "to" && v.toks[i-1].Word && !v.toks[i-1].Cap() && !lexicon.IsFunctionWord(v.toks[i-1].Text) {
		return true // "to hold talks with" ("drove to a meeting with" is none)
	}
	for j := i - 1; j >= from && j >= i-5; j-- {
		w := v.lower(j)
		if hedgeWord(w) || planWords[w] || strings.HasSuffix(w, "n't") {
			return true // "didn't finally arrive" as "did not"
		}
		if (w == "is" || w == "are") && v.lower(j+1) == "to" {
			return true // "is to join X in a visit to": a plan
		}
	}
	return false
}

// findRelations reads MET, VISITED and HOLDS_POST relations from every prose sentence.
func (x *Extractor) findRelations(d *Doc) {
	for si := range d.Sents {
		if d.stopped() {
			break
		}
		if d.Sents[si].Headline {
			continue
		}
		v := d.view(si)
		x.posts(d, v)
	}
	x.settleOpenPosts(d)
	x.leftPosts(d)
	for si := range d.Sents {
		if d.stopped() {
			break
		}
		if d.Sents[si].Headline {
			continue
		}
		v := d.view(si)
		x.visits(d, v)
		x.meetings(d, v)
	}
	x.dropVisitorPosts(d)
	d.Relations = dropFuture(dedupe(d.Relations), d.Ref)
	fillDates(d.Relations)
	for i := range d.Relations {
		s := d.Sents[d.Relations[i].Sent]
		d.Relations[i].Evidence, d.Relations[i].Start, d.Relations[i].End = d.Text[s.Start:s.End], s.Start, s.End
	}
}

// dropFuture leaves out meetings and visits dated after the article's own date: "when he visits
// Washington on April 29", "leaves on Saturday on a trip to" are plans, whatever the verb's tense.
func dropFuture(rs []Relation, ref RefDate) []Relation {
	if !ref.Full() {
		return rs
	}
	today := fmt.Sprintf("%04d-%02d-%02d", ref.Year, ref.Month, ref.Day)
	out := rs[:0]
	for _, r := range rs {
		if r.Type != graph.HoldsPost && len(r.Date) == len(today) && r.Date > today {
			continue
		}
		out = append(out, r)
	}
	return out
}

// fillDates gives the sentences of an article that repeat a dated relation without a date the date
// the article gives it elsewhere, when the article gives only one (a month and a day within it count
// as one). When the article disagrees with itself, undated sentences stay undated.
func fillDates(rs []Relation) {
	type key struct {
		t     graph.RelType
		a, b  *Entity
		title string
	}
	k := func(r Relation) key {
		a, b := r.From, r.To
		if r.Type == graph.Met && b.Name < a.Name {
			a, b = b, a
		}
		return key{r.Type, a, b, strings.ToLower(r.Title)}
	}
	best := map[key]string{}
	conflict := map[key]bool{}
	for _, r := range rs {
		if r.Date == "" {
			continue
		}
		kk := k(r)
		cur, ok := best[kk]
		switch {
		case !ok || strings.HasPrefix(r.Date, cur):
			best[kk] = r.Date
		case strings.HasPrefix(cur, r.Date):
		default:
			conflict[kk] = true
		}
	}
	for i := range rs {
		if kk := k(rs[i]); rs[i].Date == "" && !conflict[kk] {
			rs[i].Date = best[kk]
		}
	}
}

func dedupe(rs []Relation) []Relation {
	seen := map[string]bool{}
	var out []Relation
	for _, r := range rs {
		if r.From == nil || r.To == nil || r.From == r.To {
			continue
		}
		a, b := r.From, r.To
		if r.Type == graph.Met && b.Name < a.Name {
			a, b = b, a
		}
		k := strings.Join([]string{string(r.Type), a.Name, string(a.Type), b.Name, string(b.Type), strings.ToLower(r.Title), strconv.Itoa(r.Sent)}, "|")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// pronounPerson resolves he/she/his/her at token i of sentence si to the person named last before it.
func (d *Doc) pronounPerson(si, i int) *Entity {
	toks := d.Sents[si].Tokens
	want := pronounGender(toks[i].Lower())
	// "During his visit to Peru, Okafor said": a pronoun in an opening phrase points forward to the
	// person right after the phrase's comma (and the honorific or title before the name).
	if comma := firstComma(toks); comma > i {
		for _, m := range d.Mentions {
			if m.Sent == si && m.Ent != nil && m.Type == graph.Person && (m.Tok == comma+1 || m.TitleFrom == comma+1) &&
				d.gender(m.Ent) != -want {
				return m.Ent
			}
		}
	}
	// else the person named last before it whose honorifics do not say otherwise ("she" is not "Mr X")
	// and one whose honorifics agree with the pronoun wins over a nearer one of unknown gender when it is
	// named in this sentence or the two before
	pos := toks[i].Start
	var best, agreed *Mention
	for _, m := range d.Mentions {
		if m.Ent == nil || m.Type != graph.Person || m.Start >= pos {
			continue
		}
		g := d.gender(m.Ent)
		if want != 0 && (g == -want || (g == 0 && nameGender(m.Ent) == -want)) {
			continue
		}
		if best == nil || m.Start > best.Start {
			best = m
		}
		if g == 0 && m.Sent == si {
			g = nameGender(m.Ent) // "Charles Kennedy ... as he visits": in its sentence a given name agrees as honorifics do
		}
		if want != 0 && g == want && m.Sent >= si-2 && (agreed == nil || m.Start > agreed.Start) {
			agreed = m
		}
	}
	if agreed != nil {
		return agreed.Ent
	}
	if best == nil {
		return nil
	}
	return best.Ent
}

// pronounGender is 1 for a masculine pronoun, -1 for a feminine one, 0 otherwise.
func pronounGender(w string) int {
	switch w {
	case "he", "his", "him", "himself":
		return 1
	case "she", "her", "hers", "herself":
		return -1
	}
	return 0
}

// gender reads a person's gender from the honorifics and titles the article writes before their name:
// 1 masculine ("Mr", "Sir", "Lord", "King"), -1 feminine ("Mrs", "Ms", "Lady", "Queen"), 0 unknown or
// mixed.
func (d *Doc) gender(e *Entity) int {
	g := 0
	for _, m := range e.Mentions {
		toks := d.Sents[m.Sent].Tokens
		for k := m.TitleFrom; k <= m.Tok && k < len(toks); k++ {
			switch tg := titleGender(toks[k].Text); {
			case tg != 0 && g == -tg:
				return 0
			case tg != 0:
				g = tg
			}
		}
	}
	return g
}

// nameGender is the gender of a person's given name when it is a common one ("Margaret" -1, "Tom" 1),
// else 0. It only rules a person out as a pronoun's referent, never picks one: a given name is weaker
// evidence than an honorific.
func nameGender(e *Entity) int {
	name := e.Name
	if name == "" && len(e.Mentions) > 0 {
		name = e.Mentions[0].Text // during coreference, before the entity is named
	}
	if first, _, ok := strings.Cut(name, " "); ok {
		return lexicon.GivenNameGender(first)
	}
	return 0
}

func firstComma(toks []Token) int {
	for i, t := range toks {
		if t.Text == "," {
			return i
		}
	}
	return -1
}

func isPersonPronoun(w string) bool {
	switch w {
	case "he", "she", "his", "her":
		return true
	}
	return false
}

// subjects returns the people acting in [from, to): the named ones, or else the person a pronoun
// there stands for. pron reports that a pronoun was used.
func (d *Doc) subjects(v sentenceView, from, to int) (es []*Entity, pron bool) {
	var ps []*Mention
	for _, m := range v.in(from, to, graph.Person) {
		// "His words about President Bush met ...": a person inside a phrase about someone is no subject
		if k := m.TitleFrom - 1; k >= from {
			switch v.lower(k) {
			case "about", "against", "concerning", "regarding", "towards", "toward", "over":
				continue
			}
		}
		if m.TokEnd < to && modifiesNoun(v, m) {
			continue // "some Acme Corp employees went to": the name modifies the noun that acts
		}
		// "Carlisle's cross was met by": the possessor acts only in "X's meeting", "X's visit"
		if m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
			if n := v.lower(m.TokEnd + 1); !meetingNoun(n) && !visitNoun(n) {
				continue
			}
		}
		ps = append(ps, m)
	}
	if len(ps) > 0 && v.ownSubjectBefore(ps[len(ps)-1].TokEnd, to) {
		return nil, false // "..., and the final word went to Italy": the verb has a subject of its own
	}
	if n := len(ps); n >= 2 && v.inApposition(ps[n-1], to) {
		ps = ps[:n-1] // "Dumas, a close aide to President X, met Y": the subject is the head, not X
	}
	if len(ps) > 0 {
		// the person nearest the verb, with those listed with it ("X and Y met")
		k := len(ps) - 1
		for k > 0 && (listJoined(v.toks, ps[k-1], ps[k]) || appositiveJoined(v, ps[k-1], ps[k])) {
			k--
		}
		for _, m := range ps[k:] {
			es = appendEntity(es, m.Ent)
		}
		// a pronoun after the last name is the nearer subject ("Before he met X, Okafor ..." aside)
		for j := to - 1; j >= ps[len(ps)-1].TokEnd; j-- {
			if w := v.lower(j); w == "he" || w == "she" {
				if e := d.pronounPerson(v.si, j); e != nil {
					return []*Entity{e}, true
				}
			}
		}
		return es, false
	}
	if g := d.groupAt(v, from, to); g != nil {
		return g, false // "the two leaders held talks": the two people the sentence before names
	}
	for j := to - 1; j >= from; j-- {
		if isPersonPronoun(v.lower(j)) {
			if n := v.lower(j + 1); (v.lower(j) == "his" || v.lower(j) == "her") && j+2 < to && lexicon.IsWordNetOrgNoun(n) && !isPossessive(v.toks[j+2]) {
				return nil, false // "his office has had talks with", "his company": a body of his, not he
			}
			if e := d.pronounPerson(v.si, j); e != nil {
				return []*Entity{e}, true
			}
		}
	}
	return nil, false
}

// ownSubjectBefore reports whether the words between a name (ending at from) and a verb at to open a
// clause with a subject of its own: ", and" or ", but" then a noun phrase opened by a determiner ("...
// D'Arcy on the sidelines, and the final word went").
func (v sentenceView) ownSubjectBefore(from, to int) bool {
	for j := from; j+2 < to; j++ {
		if v.lower(j) != "," || (v.lower(j+1) != "and" && v.lower(j+1) != "but") {
			continue
		}
		switch v.lower(j + 2) {
		case "the", "a", "an", "its", "their", "this", "that":
		default:
			continue
		}
		for k := j + 3; k < to; k++ {
			if !v.toks[k].Word || v.toks[k].Cap() || v.mentionAt(k) != nil {
				return false
			}
		}
		return true
	}
	return false
}

// inApposition reports whether a person's mention sits in an apposition between commas that describes
// the name before it, with the verb at to after the closing comma: "Dumas, a close aide to President
// Mitterrand, earlier this week met".
func (v sentenceView) inApposition(m *Mention, to int) bool {
	closing := -1
	for j := m.TokEnd; j < to; j++ {
		if v.lower(j) == "," {
			closing = j
			break
		}
	}
	if closing < 0 {
		return false
	}
	for j := min(m.Tok, m.TitleFrom) - 1; j > 0; j-- {
		switch w := v.lower(j); {
		case w == ",":
			switch v.lower(j + 1) {
			case "a", "an", "the":
				return v.mentionEndingAt(j) != nil
			}
			return false
		case !v.toks[j].Word || clauseStop(w):
			return false
		}
	}
	return false
}

// clauseSubjects finds who acts in the clause [lb, i): its own subjects, or a description of one ("the
// Pakistani president"); else, for a clause that opens with "after", "before", "while", "when" or
// "since" and has none of its own, the main clause's ("X left Bonn after talks with Y"), or for "who"
// the person it follows ("X, who has returned from").
func (x *Extractor) clauseSubjects(d *Doc, v sentenceView, lb, i int) ([]*Entity, bool) {
	if lb > 0 && v.lower(lb-1) == "who" && i > lb && !v.toks[lb].Cap() && v.lower(i-1) != "," {
		if ms := v.in(lb, i, graph.Person); len(ms) > 0 && min(ms[0].Tok, ms[0].TitleFrom) > lb {
			// "Two councillors who back Mr Flight met Mr Tanguay": the relative clause has a verb and
			// an object of its own, and no comma closes it; the verb here is the main clause's, whose
			// subject is no name
			if m := v.mentionEndingAt(lb - 1); m != nil && m.Type == graph.Person {
				return []*Entity{m.Ent}, false
			}
			return nil, false
		}
	}
	if subj, pron := d.subjects(v, lb, i); len(subj) > 0 {
		return subj, pron
	}
	if e := x.describedIn(d, v, lb, i); e != nil {
		return []*Entity{e}, true // "the Pakistani president met ...": read like a pronoun
	}
	if lb == 0 {
		return nil, false
	}
	switch v.lower(lb - 1) {
	case "after", "before", "while", "when", "since":
		// only a clause with no subject of its own ("after arriving in", "after holding talks with"); the
		// main clause's subject is the person it opens with, not the one named nearest
		if i-lb > 1 || (i > lb && !strings.HasSuffix(v.lower(lb), "ing")) {
			return nil, false
		}
		if lb-1 == 0 {
			// the sentence opens with it ("After talks with X, Y resigned"): the subject follows the comma
			if comma := firstComma(v.toks); comma > i {
				if ms := v.in(comma+1, len(v.toks), graph.Person); len(ms) > 0 && (ms[0].Tok == comma+1 || ms[0].TitleFrom == comma+1) {
					return []*Entity{ms[0].Ent}, false
				}
			}
			return nil, false
		}
		mb := v.leftBound(lb - 1)
		if ms := v.in(mb, lb-1, graph.Person); len(ms) > 0 && ms[0].Tok-mb <= 1 {
			return []*Entity{ms[0].Ent}, false
		}
		if mb < lb-1 && isPersonPronoun(v.lower(mb)) && v.lower(lb-1) != "before" {
			// "He spoke to reporters after meeting X": the main clause opens with a pronoun ("before
			// visiting" is left out: that event comes after the clause's time, perhaps not yet)
			if e := d.pronounPerson(v.si, mb); e != nil {
				return []*Entity{e}, true
			}
		}
	case "who", "whom":
		k := lb - 1
		if k > 0 && v.toks[k-1].Text == "," {
			k--
		}
		if m := v.mentionEndingAt(k); m != nil && m.Type == graph.Person {
			// the person it follows, with those listed with them ("X, Y and Z who met in their teens")
			if subj, pron := d.subjects(v, v.leftBound(lb-1), k); len(subj) > 0 && !pron {
				return subj, false
			}
			return []*Entity{m.Ent}, false
		}
	}
	return nil, false
}

func appendEntity(es []*Entity, e *Entity) []*Entity {
	for _, o := range es {
		if o == e {
			return es
		}
	}
	return append(es, e)
}

// dateNear returns the date for an event whose words span [from, to) in sentence si: a date inside the
// span, else right after it, else the one date of the clause [lb, rb) that holds the event.
func (d *Doc) dateNear(v sentenceView, from, to, lb, rb int) string {
	ds := d.dates[v.si]
	if len(ds) == 0 || len(v.toks) == 0 {
		return ""
	}
	span := func(a, b int) (int, int) {
		a = max(0, min(a, len(v.toks)-1))
		b = max(a+1, min(b, len(v.toks)))
		return v.toks[a].Start, v.toks[b-1].End
	}
	lo, hi := span(from, to)
	for _, dt := range ds { // the first date after the start of the span is the nearest
		if dt.Start >= lo && dt.End <= hi {
			return dt.Value
		}
	}
	if to < len(v.toks) {
		_, after := span(to, to+4)
		for _, dt := range ds {
			if dt.Start >= hi && dt.Start <= after {
				return dt.Value
			}
		}
	}
	if lb < 0 {
		return ""
	}
	clo, chi := span(lb, rb)
	var found []string
	for _, dt := range ds {
		if dt.Start >= clo && dt.End <= chi {
			found = append(found, dt.Value)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// placeIn returns the place introduced by "in" or "at" in [from, to), the first one after pivot when
// there is one, else the last before it.
func (v sentenceView) placeIn(from, to, pivot int) *Entity {
	var before *Entity
	for _, m := range v.in(from, to, graph.Place) {
		p := v.lower(m.Tok - 1)
		if p == "the" {
			p = v.lower(m.Tok - 2)
		}
		if p != "in" && p != "at" {
			continue
		}
		if m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
			continue // "in Brazil's economy"
		}
		if m.Tok >= pivot {
			return m.Ent
		}
		before = m.Ent
	}
	return before
}

func (d *Doc) add(r Relation, pron bool) {
	r.Confidence = baseConfidence[r.Rule]
	if pron {
		r.Confidence -= 0.1
	}
	d.Relations = append(d.Relations, r)
	if r.Type == graph.Visited {
		if d.visitsIn == nil {
			d.visitsIn = map[int][]int{}
		}
		d.visitsIn[r.Sent] = append(d.visitsIn[r.Sent], len(d.Relations)-1)
	}
}

// modifiesNoun reports whether a name is followed by a lower-case noun it modifies: a body's or a
// place's people ("Acme Corp employees", "EU counterparts", "Senate leaders").
func modifiesNoun(v sentenceView, m *Mention) bool {
	if m.Type == graph.Person || m.TokEnd >= len(v.toks) {
		return false
	}
	t := v.toks[m.TokEnd]
	if !t.Word || t.Cap() {
		return false
	}
	w := v.lower(m.TokEnd)
	return peopleNoun(w) || modifiedNoun(w)
}
