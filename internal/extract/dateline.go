package extract

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// A wire story opens with a dateline: the town in capitals, the state or country it is in, and the
// date ("SPRINGVALE, Ore., March 3 -", "NEW YORK, Oct 19 -"); a digest of short stories opens each
// with the town and a dash ("PEKING - Wheat crops ...", "BRUNSWICK, West Germany - A former ...").
// Every part before the date or the dash names a place; read as a name of its own, a state's
// abbreviation in capitals ("ORE.") passes for an organisation and an unknown town for a company.

// maxDatelinePart is the most words one part of a dateline has ("SOUTH SAN FRANCISCO").
const maxDatelinePart = 4

// maxDatelineStart is the most tokens a by-line before a dateline has.
const maxDatelineStart = 8

// datelineParts returns the token spans [from, to) of the places a sentence's dateline names, without
// a trailing full stop, or nil when the sentence holds no dateline: a line that opens with a town in
// capitals, then up to two more parts each ended by a comma, then a month and a day, or a dash. The
// line may follow a by-line or the agency's name in the same sentence ("BY JANE ROE\nNEW YORK, March
// 3 -"). Before a dash every part is a place the gazetteer knows ("GM - FORD TALKS", "U.S., CHINA
// SIGN PACT - AIDE" are headlines).
func (x *Extractor) datelineParts(text string, toks []Token) [][2]int {
	for i := 0; i < len(toks) && i < maxDatelineStart; i++ {
		if i > 0 && !strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
			continue
		}
		if parts, dated := datelineFrom(text, toks, i); parts != nil && (dated || x.knownTowns(toks, parts)) {
			return parts
		}
	}
	return nil
}

// knownTowns reports whether every part of a dateline is a known town (see knownTown).
func (x *Extractor) knownTowns(toks []Token, parts [][2]int) bool {
	for _, p := range parts {
		if !x.knownTown(toks[p[0]:p[1]]) {
			return false
		}
	}
	return true
}

// knownTown reports whether words name a place of the gazetteer or a town, and are no common English
// word ("LEAD - 1,550 tonnes" in a table of prices).
func (x *Extractor) knownTown(toks []Token) bool {
	if len(toks) == 1 && lexicon.IsEnglishWord(toks[0].Text) {
		return false
	}
	if _, ok := x.lex.Place(joinTokens(toks)); ok {
		return true
	}
	return lexicon.TownWords(tokenTexts(toks))
}

// datelineFrom reads the dateline that starts at token i, on one line (see datelineParts), and says
// whether a date ends it (else a dash does).
func datelineFrom(text string, toks []Token, i int) ([][2]int, bool) {
	var parts [][2]int
	for len(parts) < 3 {
		if len(parts) > 0 && i < len(toks) && toks[i].Text == "the" {
			i++ // "ARNHEM, the Netherlands, April 1 -"
		}
		from := i
		for i < len(toks) && i-from <= maxDatelinePart && (isNameToken(toks[i]) || toks[i].Text == ".") {
			if len(parts) == 0 && toks[i].Word && !toks[i].AllCaps() {
				return nil, false // the town is written in capitals
			}
			if i > from && strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
				return nil, false
			}
			i++
		}
		to := i
		if to > from && toks[to-1].Text == "." {
			to--
		}
		if to == from || i-from > maxDatelinePart || i >= len(toks) {
			return nil, false
		}
		parts = append(parts, [2]int{from, to})
		if isDash(toks[i]) && toks[i].Start > toks[i-1].End { // "PEKING - Wheat", not "U.S.-JAPAN"
			return parts, false
		}
		if toks[i].Text != "," {
			return nil, false
		}
		i++ // the comma
		if i+1 < len(toks) && monthOf(toks[i]) > 0 && dayNumber(toks[i+1]) > 0 {
			return parts, true
		}
	}
	return nil, false
}

// isDash reports whether a token is a dash of one or two hyphens, or an en or em dash.
func isDash(t Token) bool {
	switch t.Text {
	case "-", "--", "–", "—":
		return true
	}
	return false
}

// datelineMentions adds the places of a sentence's dateline as mentions and returns the tokens [from,
// to) the dateline holds (0, 0 when there is none), where no other name is read.
func (x *Extractor) datelineMentions(d *Doc, si int) (int, int) {
	parts := x.datelineParts(d.Text, d.Sents[si].Tokens)
	if parts == nil {
		return 0, 0
	}
	for _, p := range parts {
		m := d.addMention(si, p[0], p[1], graph.Place)
		m.dateline = true
	}
	return parts[0][0], parts[len(parts)-1][1]
}
