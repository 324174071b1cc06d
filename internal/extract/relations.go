package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// clauseStops end the stretch of a sentence that holds a verb's subject or objects.
var clauseStops = map[string]bool{
	";": true, "that": true, "which": true, "who": true, "whom": true, "where": true, "while": true, "when": true,
	"after": true, "before": true, "because": true, "but": true, "although": true, "though": true, "since": true,
	"according": true, "said": true, "says": true, "added": true, "told": true, "noted": true,
	"reported": true, "announced": true, "stressed": true, "warned": true, "becoming": true, "whereas": true, ":": true, "(": true, ")": true,
}

// hedges before a verb make the meeting or visit not a fact: planned, hoped for, denied or uncertain.
var hedges = map[string]bool{
	"will": true, "would": true, "could": true, "may": true, "might": true, "shall": true, "should": true,
	"plan": true, "plans": true, "planned": true, "planning": true, "expected": true, "expects": true, "hope": true,
	"hopes": true, "hoped": true, "hoping": true, "want": true, "wants": true, "wanted": true, "intends": true,
	"intended": true, "scheduled": true, "next": true, "upcoming": true, "forthcoming": true,
	"probable": true, "possible": true, "likely": true, "potential": true, "not": true, "never": true, "n't": true, "unclear": true, "whether": true,
	"if": true, "denied": true, "denies": true, "refused": true, "declined": true, "cancelled": true, "canceled": true,
	"seeks": true, "sought": true, "invited": true, "proposed": true, "offered": true, "no": true,
	"leaves": true, "departs": true, // "leaves on Saturday on a trip to": news present tense for a departure to come
	"ahead": true, "prepare": true, "prepares": true, "preparing": true, // "ahead of talks with", "to prepare for talks"
}

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
		if clauseStops[v.lower(j)] {
			return j + 1
		}
	}
	return 0
}

// rightBound returns where the clause after position i ends.
func (v sentenceView) rightBound(i int) int {
	for j := i; j < len(v.toks); j++ {
		if clauseStops[v.lower(j)] || v.lower(j) == "." {
			return j
		}
	}
	return len(v.toks)
}

// hedgedClause reports whether a word anywhere in the clause [from, to) makes the event unreal: a
// noun of meeting or travel ("during his visit", "talks with") carries no tense of its own, so a
// "will", "hopes" or "next month" around it decides.
func (v sentenceView) hedgedClause(from, to int) bool {
	for j := from; j < to && j < len(v.toks); j++ {
		if hedges[v.lower(j)] || v.futureAt(j) {
			return true
		}
	}
	return false
}

// hedged reports whether one of the few words before position i makes the event unreal.
func (v sentenceView) hedged(i, from int) bool {
	if v.lower(i-1) == "to" { // "sent him to meet", "plans to visit"
		return true
	}
	for j := i - 1; j >= from && j >= i-5; j-- {
		if hedges[v.lower(j)] {
			return true
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
	want := pronounGender(strings.ToLower(toks[i].Text))
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
			w := strings.ToLower(strings.TrimSuffix(toks[k].Text, "."))
			switch {
			case masculineTitles[w]:
				if g < 0 {
					return 0
				}
				g = 1
			case feminineTitles[w]:
				if g > 0 {
					return 0
				}
				g = -1
			}
		}
	}
	return g
}

// nameGender is the gender of a person's given name when it is a common one ("Margaret" -1, "Tom" 1),
// else 0. It only rules a person out as a pronoun's referent, never picks one: a given name is weaker
// evidence than an honorific.
func nameGender(e *Entity) int {
	if first, _, ok := strings.Cut(e.Name, " "); ok {
		return lexicon.GivenNameGender(first)
	}
	return 0
}

var masculineTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "baron": true, "earl": true,
	"duke": true, "king": true, "prince": true, "viscount": true, "marquess": true, "count": true}

var feminineTitles = map[string]bool{"mrs": true, "ms": true, "miss": true, "lady": true, "dame": true,
	"baroness": true, "queen": true, "princess": true, "duchess": true, "countess": true, "viscountess": true,
	"marchioness": true}

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
		// "Carlisle's cross was met by": the possessor acts only in "X's meeting", "X's visit"
		if m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
			if n := v.lower(m.TokEnd + 1); !meetingNouns[n] && !visitNouns[n] {
				continue
			}
		}
		ps = append(ps, m)
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
	for j := to - 1; j >= from; j-- {
		if isPersonPronoun(v.lower(j)) {
			if e := d.pronounPerson(v.si, j); e != nil {
				return []*Entity{e}, true
			}
		}
	}
	return nil, false
}

// clauseSubjects finds who acts in the clause [lb, i): its own subjects, or a description of one ("the
// Pakistani president"); else, for a clause that opens with "after", "before", "while", "when" or
// "since" and has none of its own, the main clause's ("X left Bonn after talks with Y"), or for "who"
// the person it follows ("X, who has returned from").
func (x *Extractor) clauseSubjects(d *Doc, v sentenceView, lb, i int) ([]*Entity, bool) {
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
	case "who":
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

// ---- VISITED ----

// visitTrigger reports whether a travel phrase starts at token i, and where its objects begin.
func (v sentenceView) visitTrigger(i int) (objFrom int, ok bool) {
	if i >= len(v.toks) {
		return 0, false
	}
	w := v.lower(i)
	next := v.lower(i + 1)
	if v.toks[i].Cap() && (i > 0 || !speechWords[w]) {
		return 0, false // "Visit Britain", a title in capitals: not the verb
	}
	if speechWords[w] {
		// presence at an event held in a place: "speaking in London", "in a speech in Edinburgh",
		// "told a news conference in Lima"
		if next == "in" {
			return i + 2, true
		}
		if next == "at" && w != "told" {
			return i + 2, true // "a speech at X University in P": the place may follow the venue
		}
		if w == "told" && i+2 < len(v.toks) && v.toks[i+1].Word && !v.toks[i+1].Cap() && v.lower(i+2) == "in" {
			return i + 3, true // "told reporters in Lima"
		}
		return 0, false
	}
	switch w {
	case "visited", "visiting", "toured":
		return i + 1, true
	case "visit", "visits":
		if next == "to" {
			return i + 2, true
		}
		if i > 0 && (isPersonPronoun(v.lower(i-1)) || v.lower(i-1) == "his" || v.lower(i-1) == "her") {
			return i + 1, true
		}
		return i + 1, w == "visits"
	case "trip", "tour", "journey":
		if next == "to" || next == "of" {
			return i + 2, true
		}
	case "traveled", "travelled", "traveling", "travelling", "travels", "travel", "went", "flew", "flown", "headed",
		"continued", "came", "returned", "moved":
		if next == "to" {
			return i + 2, true
		}
		if (w == "returned" || w == "came") && next == "from" {
			return i + 2, true // "has just returned from Washington": was there
		}
	case "arrived", "arriving", "arrives", "landed", "landing", "stopped":
		if next == "in" || next == "at" {
			return i + 2, true
		}
	case "is", "was":
		if next == "in" {
			return i + 2, true // "Marx is in New York": presence, the place right after (strictVisit)
		}
	case "left":
		return i + 1, true // "left Bonn after talks": was there; the place right after (strictVisit)
	case "stops":
		if next == "in" {
			return i + 2, true
		}
	}
	return 0, false
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

func (x *Extractor) visits(d *Doc, v sentenceView) {
	var lastSubj []*Entity
	var lastPron bool
	for i := 0; i < len(v.toks); i++ {
		objFrom, ok := v.visitTrigger(i)
		if !ok {
			continue
		}
		if v.lower(objFrom-1) == "to" && objFrom < len(v.toks) && v.toks[objFrom].Word && !v.toks[objFrom].Cap() {
			switch v.lower(objFrom) {
			case "the", "a", "an", "both":
			default:
				continue // "returned to haunt", "went to see": an infinitive, not a destination
			}
		}
		lb := v.leftBound(i)
		if v.hedged(i, lb) || (visitNouns[v.lower(i)] && v.hedgedClause(lb, v.rightBound(i+1))) {
			continue
		}
		subj, pron := x.clauseSubjects(d, v, lb, i)
		if visitNouns[v.lower(i)] {
			if e := x.possessorAfterComma(d, v, i); e != nil {
				subj, pron = []*Entity{e}, true
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
		if len(subj) == 0 {
			continue
		}
		lastSubj, lastPron = subj, pron
		// objects: places in a list after the trigger
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
			if n == 0 && v.strictVisit(i) && m.Tok != objFrom && !(m.Tok == objFrom+1 && v.lower(objFrom) == "the") {
				break
			}
			if nx := m.TokEnd; nx < len(v.toks) && !v.toks[nx].Cap() && lexicon.IsPostWord(v.toks[nx].Text) {
				continue // "the UK chancellor": a nationality of a post, not a destination
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
			if speechWords[v.lower(i)] {
				rule = ruleVisitedEvent
			}
			for _, s := range subj {
				if rule == ruleVisitedEvent && x.ownCapital(d, s, m.Ent) {
					continue // a press conference in one's own capital is no visit
				}
				d.add(Relation{Type: graph.Visited, From: s, To: m.Ent, Date: date, Sent: v.si, Tok: i, Rule: rule}, pron)
			}
			prev = m.TokEnd
		}
	}
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
	for _, m := range v.in(comma+1, len(v.toks), graph.Person) {
		if m.Tok == comma+1 || m.TitleFrom == comma+1 {
			return m.Ent, false
		}
		break
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
		if clauseStops[w] || w == "." || w == "from" || w == "with" || w == "by" {
			return true
		}
		if _, ok := v.visitTrigger(j); ok && j > from {
			return true // a new travel phrase takes over
		}
	}
	return false
}

// ---- MET ----

// speechWords tell of speaking at an event, which puts the speaker where it is held.
var speechWords = map[string]bool{"speaking": true, "spoke": true, "speech": true, "addressing": true, "addressed": true,
	"conference": true, "rally": true, "told": true, "lecture": true}

// visitNouns are the nouns of travel a possessor can be the traveller of ("his visit to").
var visitNouns = map[string]bool{"visit": true, "visits": true, "trip": true, "tour": true, "journey": true, "stay": true}

// meetingNouns are what one attends when one meets people.
var meetingNouns = map[string]bool{"meeting": true, "meetings": true, "talks": true, "discussions": true,
	"session": true, "summit": true, "negotiations": true, "consultations": true}

type meetKind int

const (
	meetNone meetKind = iota
	meetVerb
	meetNoun
	meetBetween
	meetDiscussed
	meetAttended
	meetHost // X hosted / received / welcomed / greeted Y; Y was received by X
)

// meetTrigger reports a meeting phrase at token i and where its other side begins.
func (v sentenceView) meetTrigger(i int) (meetKind, int) {
	if i >= len(v.toks) || v.toks[i].Cap() {
		return meetNone, 0 // "Meet the Parents": a title, not the verb
	}
	w, next := v.lower(i), v.lower(i+1)
	if next == "with" && v.lower(i+2) == "with" {
		i++ // "talks with with X": a doubled word
	}
	switch w {
	case "meeting":
		// "after meeting President X": the gerund, with its object right after
		switch v.lower(i - 1) {
		case "after", "before", "while", "since", "when":
			if next != "with" && next != "between" && i+1 < len(v.toks) && v.toks[i+1].Word {
				if m := v.mentionAt(i + 1); (m != nil && m.Type == graph.Person) || lexicon.IsTitleWord(v.toks[i+1].Text) {
					return meetVerb, i + 1
				}
			}
		}
	}
	switch w {
	case "met", "meets", "meet":
		if next == "with" {
			return meetVerb, i + 2
		}
		return meetVerb, i + 1
	case "talks", "discussions", "meetings", "meeting", "consultations", "negotiations":
		if next == "between" {
			return meetBetween, i + 2
		}
		if next == "with" {
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				switch v.lower(j) {
				case "held", "hold", "holds", "had", "holding", "having", "conducted":
					return meetVerb, i + 2
				}
			}
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if v.lower(j) == "attended" {
					return meetNone, 0 // "attended the meeting with": the attended rule reads it
				}
			}
			return meetNoun, i + 2
		}
	case "discussed", "talked", "conferred":
		return meetDiscussed, i
	case "hosted", "received", "welcomed", "greeted":
		if next == "by" {
			return meetHost, i + 2
		}
		return meetHost, i + 1
	case "attended":
		if next == "by" {
			// "The meeting was attended by X": only a meeting, not a premiere or a funeral
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if meetingNouns[v.lower(j)] {
					return meetAttended, i + 2
				}
			}
			return meetNone, 0
		}
		j := i + 1
		for j < len(v.toks) && j <= i+3 && !meetingNouns[v.lower(j)] {
			j++
		}
		if !meetingNouns[v.lower(j)] {
			return meetNone, 0
		}
		return meetAttended, j + 1
	}
	return meetNone, 0
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
		if lexicon.IsTitleWord(w) || peopleNouns[w] {
			return false
		}
		if lexicon.IsFunctionWord(w) {
			return true
		}
	}
	return true
}

// peopleNouns are common nouns for people one meets as a group.
var peopleNouns = map[string]bool{"delegation": true, "delegations": true, "team": true, "group": true,
	"representatives": true, "officials": true, "leaders": true, "members": true, "families": true,
	"family": true, "relatives": true, "students": true, "workers": true, "victims": true, "survivors": true,
	"envoy": true, "envoys": true, "counterpart": true, "counterparts": true, "mother": true, "father": true,
	"daughter": true, "son": true, "wife": true, "husband": true, "brother": true, "sister": true}

// intransitiveAt reports whether a verb ends its object slot at token i: nothing, a preposition, a
// time word or punctuation follows it ("met in Lima", "met yesterday", "met."), not a noun phrase
// ("met the target").
func (v sentenceView) intransitiveAt(i int) bool {
	if i >= len(v.toks) || !v.toks[i].Word {
		return true
	}
	switch v.lower(i) {
	case "in", "on", "at", "for", "during", "after", "before", "again", "privately", "briefly", "secretly",
		"yesterday", "today", "twice", "later", "earlier", "last", "late", "early", "behind", "here", "there":
		return true
	}
	return false
}

// meetSide returns the people on the far side of a meeting, or the organisation when no person is named.
func (v sentenceView) meetSide(from, to int) []*Entity {
	var es []*Entity
	for _, m := range v.in(from, to, graph.Person) {
		es = appendEntity(es, m.Ent)
	}
	if len(es) > 0 {
		return es
	}
	for _, m := range v.in(from, to, graph.Organisation) {
		if m.TokEnd < len(v.toks) && isPossessive(v.toks[m.TokEnd]) {
			continue // "the Arab League's Secretary": someone of the organisation, not its delegation
		}
		if p := v.lower(m.Tok - 1); p == "of" || (p == "the" && v.lower(m.Tok-2) == "of") {
			continue // "leaders of the Senate": the body the people belong to
		}
		es = appendEntity(es, m.Ent)
	}
	return es
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

func (x *Extractor) meetings(d *Doc, v sentenceView) {
	for i := 0; i < len(v.toks); i++ {
		kind, objFrom := v.meetTrigger(i)
		if kind == meetNone {
			continue
		}
		lb := v.leftBound(i)
		rb := v.rightBound(objFrom)
		if v.hedged(i, lb) || ((kind == meetNoun || kind == meetBetween) && v.hedgedClause(lb, rb)) {
			continue
		}
		var left, right []*Entity
		var pron, together bool
		rule := ruleMetVerb
		switch kind {
		case meetVerb, meetNoun:
			if kind == meetVerb && v.thingAt(objFrom) {
				continue // "met a cool reception", "met the target": a thing, not a person
			}
			left, pron = x.clauseSubjects(d, v, lb, i)
			right = v.meetSide(objFrom, rb)
			if kind == meetNoun {
				rule = ruleMetNoun
			} else if !pron && len(left) >= 2 && v.intransitiveAt(objFrom) {
				// "X and Y met in Lima": the subjects met each other
				left, right, rule = left[:1], left[1:], ruleMetTogether
				together = true
			}
		case meetHost:
			// the guest is the person named right after the verb (passive: after "by" is the host)
			rule = ruleMetHost
			var m *Mention
			if ms := v.in(objFrom, rb, ""); len(ms) > 0 && (ms[0].Tok == objFrom || ms[0].TitleFrom == objFrom) {
				m = ms[0] // "greeted President X": the title opens the object
			}
			if m == nil || m.Type != graph.Person {
				continue
			}
			left, pron = d.subjects(v, lb, i)
			right = []*Entity{m.Ent}
		case meetBetween:
			rule = ruleMetBetween
			and := -1
			for j := objFrom; j < rb; j++ {
				if v.lower(j) == "and" {
					and = j
					break
				}
			}
			if and < 0 {
				continue
			}
			left = v.listAt(objFrom, and)
			right = v.listAt(and+1, rb)
		case meetDiscussed:
			rule = ruleMetDiscussed
			ps := v.in(lb, i, graph.Person)
			if len(ps) < 2 || !joinedByAnd(v, ps[0], ps[1]) {
				continue
			}
			left = []*Entity{ps[0].Ent}
			for _, m := range ps[1:] {
				right = appendEntity(right, m.Ent)
			}
		case meetAttended:
			rule = ruleMetAttended
			if v.lower(i+1) == "by" {
				left = v.meetSide(objFrom, rb)
			} else {
				left, pron = d.subjects(v, lb, i)
				right = v.meetSide(objFrom, rb)
			}
		}
		if len(left) == 0 {
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
			x.attended(d, v, left, right, place, date, pron)
			continue
		}
		if len(right) == 0 {
			continue
		}
		left, right = d.dropRepresented(left, right), d.dropRepresented(right, left)
		if !hasPerson(left) && !hasPerson(right) {
			continue
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
		if together {
			// "X, Y and Z met": every pair of them
			all := append(left, right...)
			left, right = nil, nil
			for k, a := range all {
				for _, b := range all[k+1:] {
					left, right = append(left, a), append(right, b)
				}
			}
			for k := range left {
				d.add(Relation{Type: graph.Met, From: left[k], To: right[k], Place: place, Date: date, Sent: v.si, Rule: rule}, pron)
			}
			continue
		}
		for _, a := range left {
			for _, b := range right {
				if a == b || (a.Type != graph.Person && b.Type != graph.Person) {
					continue
				}
				d.add(Relation{Type: graph.Met, From: a, To: b, Place: place, Date: date, Sent: v.si, Rule: rule}, pron)
			}
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

// ---- HOLDS_POST ----

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
		if e := x.describedPerson(d, desc); e != nil && !hasTitle(e, desc.title) {
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
	for _, m := range v.ms {
		if m.Type != graph.Person {
			continue
		}
		x.titleBefore(d, v, m)
		x.apposition(d, v, m)
		x.reverseApposition(d, v, m)
	}
}

// titleBefore reads the post written before a name: "French Ambassador to Kenya Marie Dupont",
// "Labour party leader Ann Smith", "the European Commission’s trade commissioner Karl Weber".
func (x *Extractor) titleBefore(d *Doc, v sentenceView, m *Mention) {
	words := strings.Fields(m.Title)
	affil := m.Affil
	var target *Entity
	if m.affilMention != nil && m.affilMention.Ent != nil {
		target = m.affilMention.Ent
	}
	// lowercase title words and nationality adjectives before the chunk
	j := m.TitleFrom - 1
	var lower []string
	for ; j >= 0; j-- {
		t := v.toks[j]
		if !t.Word {
			break
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
	words = append(lower, words...)
	exBefore := func(k int) bool { return k >= 2 && v.toks[k-1].Text == "-" && v.lower(k-2) == "ex" }
	if exBefore(j + 1) {
		words = append([]string{"former"}, words...) // "ex-minister"
		j -= 2
	}
	if m.Affil == "" && affil != "" {
		m.Affil = affil // "Kenyan diplomat Amina Odhiambo": a nationality, even without a post
	}
	former := false
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
		// "ORG's title NAME" / "ORG title NAME" / "their title NAME"
		k := j
		if isPossessive(v.toks[k]) {
			k--
		}
		if k >= 0 {
			if om := v.mentionEndingAt(k + 1); om != nil && (om.Type == graph.Organisation || om.Type == graph.Place) {
				target = om.Ent
				om.InTitle = true // "Labour party leader X": Labour belongs to X's title here
				if exBefore(om.Tok) {
					former = true // "Ex-Downing Street media chief X"
				}
			} else if w := v.lower(k); w == "their" || w == "its" {
				target = firstOrgOrState(v, k)
			}
		}
	}
	if target == nil && affil == "" && v.lower(m.TokEnd) == "of" {
		// "President Ivo Marek of Pakistan": a country after the name
		if om := v.mentionAt(m.TokEnd + 1); om != nil && om.Type == graph.Place && om.Ent != nil {
			if p, ok := x.lex.Place(om.Ent.Name); ok && p.Kind == lexicon.Country {
				target = om.Ent
			}
		}
	}
	if target == nil && affil != "" {
		target = d.placeEntity(affil)
	}
	status := "current"
	if former {
		status = "former"
	}
	if target == nil {
		title := tidyTitle(kept)
		if j >= 0 && v.toks[j].Word && !v.toks[j].Cap() && lexicon.IsWordNetOrgNoun(v.toks[j].Text) && !lexicon.IsTitleWord(v.toks[j].Text) {
			return // "exchange president X", "union leader X": the post is at a body the article does not name here
		}
		if j >= 0 && v.lower(j) == "shadow" {
			title = v.toks[j].Text + " " + title // an opposition post: isStatePost declines it
		}
		if j >= 0 && v.toks[j].Word && v.toks[j].Cap() && !lexicon.IsFunctionWord(v.toks[j].Text) && !isPossessive(v.toks[j]) {
			if party, ok := lexicon.PartyName(v.toks[j].Text); ok {
				// "Conservative Shadow chancellor X": the party's name before the title
				d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: d.orgEntity(party), Title: title, Status: status, Sent: v.si, Rule: rulePostTitle}, false)
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
		return
	}
	d.add(Relation{Type: graph.HoldsPost, From: m.Ent, To: target, Title: tidyTitle(kept), Status: status, Sent: v.si, Rule: rulePostTitle}, false)
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
		if _, isVisit := v.visitTrigger(k); lexicon.IsTitleWord(lw) || clauseStops[lw] || isVisit || func() bool { kind, _ := v.meetTrigger(k); return kind != meetNone }() {
			return nil, j, false // another title, a verb of meeting or travel: no portfolio
		}
		words = append([]string{t.Text}, words...)
		if lw == "shadow" {
			return words, k - 1, true
		}
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

// copulaVerbs state a post by a verb: "X is the party's chairman", "when he was Home Secretary", "X
// became president", "X served as ambassador to Chile". The bool says the post is a past one.
var copulaVerbs = map[string]bool{"is": false, "was": true, "became": false, "becomes": false, "remains": false}

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
	var poss *Entity
	j := i
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
	// "the home secretary": lower-case portfolio words before a title that only one country has
	if k := j; k < end && v.toks[k].Word && !lexicon.IsTitleWord(v.toks[k].Text) {
		for k < end && k-j < 3 && v.toks[k].Word && !lexicon.IsTitleWord(v.toks[k].Text) && !lexicon.IsFunctionWord(v.toks[k].Text) {
			k++
		}
		e := k
		for e < end && v.toks[e].Word && lexicon.IsTitleWord(v.toks[e].Text) {
			e++
		}
		if e > k && k > j {
			var ws []string
			for q := j; q < e; q++ {
				ws = append(ws, v.toks[q].Text)
			}
			if _, kind, ok := lexicon.CountryTerm(strings.Join(ws, " ")); ok && kind == lexicon.TermTitle {
				words = append(words, ws[:k-j]...)
				j = k
			}
		}
	}
	for ; j < end; j++ {
		t := v.toks[j]
		lw := t.Lower()
		if lw == "former" || lw == "ex" || lw == "then" {
			status = "former"
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
	if len(postSet(strings.Join(words, " "))) == 0 {
		return "", "", nil, i
	}
	// complements: "to Lebanon" belongs to the title; "of/for/at the Arab League" names the target,
	// unless it is a region rather than a state or body ("envoy for the Middle East").
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
			q := k
			for q < end && q-k < 4 && v.toks[q].Word && (!v.toks[q].Cap() || x.isDemonym(v.toks[q].Text)) && !lexicon.IsFunctionWord(v.toks[q].Text) {
				q++
			}
			if q > k {
				if om := v.mentionAt(q); om != nil && om.Type == graph.Organisation && target == nil {
					target, j = om.Ent, om.TokEnd
					continue
				}
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
		isState := om.Type == graph.Organisation
		if om.Type == graph.Place {
			if p, ok := x.lex.Place(om.Ent.Name); ok && p.Kind == lexicon.Country {
				isState = true
			}
		}
		if w == "to" || !isState {
			words = append(words, w, om.Text)
		} else if target == nil {
			target = om.Ent
		}
		j = om.TokEnd
	}
	if target == nil {
		target = poss
	}
	return tidyTitle(words), status, target, j
}

// lastOrgWithHead finds the organisation named last before token i whose name ends in head
// ("the ministry's" → the Israeli Ministry of Foreign Affairs).
func (d *Doc) lastOrgWithHead(v sentenceView, i int, head string) *Entity {
	pos := v.toks[i].Start
	var best *Mention
	for _, m := range d.Mentions {
		if m.Ent != nil && m.Type == graph.Organisation && m.Start < pos && (best == nil || m.Start > best.Start) {
			if strings.Contains(names.Fold(m.Text), head) {
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
	for k := m.TokEnd + 1; k < end; k++ {
		if v.toks[k].Text == "," {
			end = k
			break
		}
	}
	title, status, target, _ := x.postPhrase(d, v, m.TokEnd+1, end)
	if title == "" {
		return
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
		if w == "," || clauseStops[w] {
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

// appositiveJoined reports whether b is listed with a behind a description of its own: "A and the head of
// the Bank of Norway, B, met".
func appositiveJoined(v sentenceView, a, b *Mention) bool {
	from, to := a.TokEnd, b.TitleFrom
	if to-from < 3 || to-from > 10 || v.lower(from) != "and" || v.toks[to-1].Text != "," || v.lower(from+1) != "the" {
		return false
	}
	for j := from + 1; j < to-1; j++ {
		if clauseStops[v.lower(j)] || v.toks[j].Text == "," {
			return false
		}
	}
	return v.lower(b.TokEnd) == ","
}
