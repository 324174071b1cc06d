package extract

import (
	"slices"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// A description names a person by their post: "the Pakistani president", "the prime minister", "the UK
// chancellor". It stands for the one person of the article who holds that post.
type description struct {
	from, to int     // tokens, "the" included
	title    string  // the title words, lower case ("prime minister")
	country  string  // the state a nationality adjective or country before the title gives, if any
	party    *Entity // the party a party's name before the title names ("the Tory leader"), if any
	former   bool    // "the then prime minister", "the former president"
}

// descriptionAt reads a description that starts with "the" at token i.
func (x *Extractor) descriptionAt(v sentenceView, i int) (description, bool) {
	if v.lower(i) != "the" || i+1 >= len(v.toks) {
		return description{}, false // "... said sales for the" (a wrapped line): no description
	}
	desc := description{from: i}
	j := i + 1
	if w := v.lower(j); w == "then" || w == "former" {
		desc.former, j = true, j+1
	}
	if m := v.mentionAt(j); m != nil && m.Type == graph.Organisation && m.Ent != nil && m.TokEnd == j+1 {
		if _, ok := lexicon.PartyName(v.toks[j].Text); ok {
			desc.party, j = m.Ent, j+1 // "the Tory leader"
		}
	}
	if c, n := x.demonymAt(v.toks, j); n > 0 && desc.party == nil {
		desc.country, j = c, j+n
	} else if m := v.mentionAt(j); m != nil && m.Type == graph.Place && m.Ent != nil {
		if p, ok := x.lex.Place(m.Ent.Name); ok && p.Kind == lexicon.Country {
			desc.country, j = p.Country, m.TokEnd
		}
	}
	var words []string
	// "the home secretary": portfolio words of a post only one country has
	if pw, next, c := v.oneCountryPortfolio(j, len(v.toks)); pw != nil {
		for _, w := range pw {
			words = append(words, strings.ToLower(w))
		}
		j = next
		if desc.country == "" {
			desc.country = c
		}
	}
	for ; j < len(v.toks) && v.toks[j].Word && lexicon.IsTitleWord(v.toks[j].Text); j++ {
		words = append(words, v.lower(j))
	}
	// a name right after the title makes it a title, not a description ("the president Ivo Marek")
	if len(words) == 0 || !lexicon.IsPostWord(words[len(words)-1]) || v.mentionAt(j) != nil {
		return description{}, false
	}
	if j+1 < len(v.toks) && isPossessive(v.toks[j]) && v.toks[j-1].Cap() && v.toks[j+1].Cap() {
		return description{}, false // "the King's Cup", "the President's Cup": a name, no one described
	}
	if j < len(v.toks) && v.toks[j].Word && v.toks[j].Cap() && v.toks[j-1].Cap() {
		return description{}, false // "the Premier League": a capitalised title word opening a name
	}
	desc.to, desc.title = j, strings.Join(words, " ")
	return desc, true
}

// describedPerson is the one person of the article whose titles, as written before their name, are the
// description's title, and whose state (by nationality or a post) does not contradict its country.
func (x *Extractor) describedPerson(d *Doc, desc description) *Entity {
	found, two := describedNamed(d, desc)
	if two {
		return nil // two people hold it: the description does not say which
	}
	if found == nil && x.protagonistFor(d, desc) && (samePost(desc.title, x.leadPost(d)) || nationsLeader(desc)) {
		return d.protagonist()
	}
	return found
}

// samePost reports whether a description's title is the post the protagonist is described by: the
// same title, or one ends with the other ("leader" and "party leader").
func samePost(title, lead string) bool {
	if lead == "" {
		return false
	}
	if title == lead || strings.HasSuffix(title, " "+lead) || strings.HasSuffix(lead, " "+title) {
		return true
	}
	// a state has one prime minister and one chancellor, a party one leader: two such posts are two
	// people; envoys, representatives and officials are many, and one person may be described as both
	return !singlePost(title) || !singlePost(lead)
}

// singlePost reports whether one person at a time holds a post of this title: a head of state, premier,
// chancellor or leader (lexicon.IsSinglePost), or a portfolio ("finance minister", "prime minister").
func singlePost(title string) bool {
	w := title
	i := strings.LastIndexByte(title, ' ')
	if i >= 0 {
		w = title[i+1:]
	}
	return lexicon.IsSinglePost(w) || i >= 0 && lexicon.IsCabinetPost(w)
}

// nationsLeader reports whether a description is "the UK leader", "the Cuban leader": a state's leader,
// whatever the post the article otherwise describes its protagonist by.
func nationsLeader(desc description) bool {
	return desc.country != "" && desc.title == "leader"
}

// describedNamed is the one person whose titles, as written before their name, are the description's
// title and whose state does not contradict its country (describedPerson without the protagonist), and
// whether there are two such people.
func describedNamed(d *Doc, desc description) (found *Entity, two bool) {
	for _, e := range d.Entities {
		if e.Type != graph.Person || !hasTitle(e, desc.title) {
			continue
		}
		if desc.country != "" {
			if c := nationality(e); c != "" && c != desc.country {
				continue
			}
		}
		if found != nil && found != e {
			return nil, true
		}
		found = e
	}
	return found, false
}

// leadPost is the one post by which the article may describe its protagonist: a post word written
// right before their name, else the title the article's descriptions use most often (the first of
// equals) among those that no named person's title matches and that could stand for the protagonist.
// An article names its protagonist, then refers back to them by their post; a description by another
// post ("the chancellor" in a story on the prime minister) is someone the article does not name so.
func (x *Extractor) leadPost(d *Doc) string {
	if d.leadPostRead {
		return d.leadPostTitle
	}
	d.leadPostRead = true
	p := d.protagonist()
	if p == nil {
		return ""
	}
	// "Tory leader X": a party's name is no title, so X keeps no title of their own, yet "the
	// chancellor" is not X
	for _, m := range p.Mentions {
		if m.Tok == 0 || m.TitleFrom < m.Tok {
			continue
		}
		if v := d.view(m.Sent); v.toks[m.Tok-1].Word && lexicon.IsPostWord(v.lower(m.Tok-1)) &&
			(isStatePost(v.lower(m.Tok-1)) || v.lower(m.Tok-1) == "leader") { // "diplomat X" may be "the representative"
			d.leadPostTitle = v.lower(m.Tok - 1)
			return d.leadPostTitle
		}
	}
	count := map[string]int{}
	var order []string
	for si := range d.Sents {
		v := d.view(si)
		for i := range v.toks {
			if v.lower(i) != "the" || quotedAt(v, i) {
				continue
			}
			desc, ok := x.descriptionAt(v, i)
			if !ok {
				continue
			}
			if named, two := describedNamed(d, desc); named == nil && !two && x.protagonistFor(d, desc) {
				if count[desc.title] == 0 {
					order = append(order, desc.title)
				}
				count[desc.title]++
			}
		}
	}
	for _, t := range order {
		if count[t] > count[d.leadPostTitle] {
			d.leadPostTitle = t
		}
	}
	return d.leadPostTitle
}

// protagonistFor reports whether a description no named person's title matches may stand for the
// article's protagonist: the post is held at a state (or is a party's or a body's leader), and the
// protagonist has no title written before their name that says otherwise. "David Blunkett has
// apologised ... The home secretary confirmed ...".
func (x *Extractor) protagonistFor(d *Doc, desc description) bool {
	p := d.protagonist()
	if p == nil {
		return false
	}
	if !isStatePost(desc.title) && !strings.HasSuffix(desc.title, "leader") {
		return false
	}
	for _, t := range p.Titles {
		for _, w := range strings.Fields(t) {
			if !lexicon.IsHonorific(w) {
				return false // a title of their own ("Mr" is none)
			}
		}
	}
	if desc.party != nil {
		for _, r := range d.Relations {
			if r.Type == graph.HoldsPost && r.From == p && r.To != desc.party && lexicon.IsParty(r.To.Name) {
				return false // "Labour's election chief X" is not "the Tory leader"
			}
		}
	}
	if desc.country != "" {
		if c := nationality(p); c != "" && c != desc.country {
			return false
		}
	}
	return true
}

// protagonist is the person an article is about: named in its first body sentence and more often than
// anyone else (three times or more), or nil.
func (d *Doc) protagonist() *Entity {
	if d.lead != nil {
		return *d.lead
	}
	var best *Entity
	count := func(e *Entity) int { return len(e.Mentions) }
	first := firstBodySentence(d)
	second := 0
	for _, e := range d.Entities {
		if e.Type != graph.Person {
			continue
		}
		if best == nil || count(e) > count(best) {
			if best != nil {
				second = count(best)
			}
			best = e
		} else if count(e) > second {
			second = count(e)
		}
	}
	if best != nil && (count(best) < 3 || count(best) == second || !slices.ContainsFunc(best.Mentions, func(m *Mention) bool { return m.Sent <= first+1 })) {
		best = nil
	}
	// the person the article opens with as its subject ("Tony Blair has backed ...") comes first
	if first >= 0 {
		for _, m := range d.Mentions {
			if m.Sent == first && m.Type == graph.Person && m.Ent != nil && (m.Tok == 0 || m.TitleFrom == 0) {
				if count(m.Ent) >= 3 {
					best = m.Ent
				}
				break
			}
			if m.Sent > first {
				break
			}
		}
	}
	d.lead = &best
	return best
}

// hasTitle reports whether one of a person's titles is the given one, leaving out "former" and the like.
func hasTitle(e *Entity, title string) bool {
	for _, t := range e.Titles {
		var ws []string
		for _, w := range strings.Fields(strings.ToLower(t)) {
			switch w {
			case "former", "ex", "then", "acting", "new", "the":
				continue
			}
			ws = append(ws, w)
		}
		if strings.Join(ws, " ") == title {
			return true
		}
	}
	return false
}

// describedIn finds the person a description in tokens [from, to) stands for, nearest to the end.
func (x *Extractor) describedIn(d *Doc, v sentenceView, from, to int) *Entity {
	for i := to - 1; i >= from; i-- {
		if desc, ok := x.descriptionAt(v, i); ok && desc.to <= to {
			return x.describedPerson(d, desc)
		}
	}
	return nil
}

// groupAt reads a plural group that names the people of the sentence before: "the two leaders", "both
// men", "the pair" opening a clause at token i, right before the verb at to. It returns the people it
// stands for — the distinct people the sentence before names, when they are as many as the group says
// (two) — or nil.
func (d *Doc) groupAt(v sentenceView, i, to int) []*Entity {
	j := i
	switch {
	case v.lower(j) == "the" && v.lower(j+1) == "two":
		j += 2
	case v.lower(j) == "both":
		j++
	case v.lower(j) == "the" && v.lower(j+1) == "pair":
		j += 2
		if j != to {
			return nil
		}
		return d.twoBefore(v.si)
	default:
		return nil
	}
	if j >= to || to-j > 3 || !v.toks[j].Word || v.toks[j].Cap() || !peopleNoun(v.lower(j)) || !strings.HasSuffix(v.lower(j), "s") && v.lower(j) != "men" {
		return nil // "the two leaders met", "the two leaders held talks": the group, then the verb
	}
	for k := j + 1; k < to; k++ {
		if !v.toks[k].Word || v.toks[k].Cap() || v.mentionAt(k) != nil {
			return nil
		}
	}
	return d.twoBefore(v.si)
}

// twoBefore returns the two people the sentence before si names, or nil when it names another number.
func (d *Doc) twoBefore(si int) []*Entity {
	if si == 0 || d.Sents[si-1].Headline {
		return nil
	}
	var es []*Entity
	for _, m := range d.view(si - 1).ms {
		if m.Type == graph.Person && m.Ent != nil {
			es = appendEntity(es, m.Ent)
		}
	}
	if len(es) != 2 {
		return nil
	}
	return es
}
