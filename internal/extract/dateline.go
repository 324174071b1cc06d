package extract

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
)

// A wire story opens with a dateline: the town in capitals, the state or country it is in, and the
// date ("SPRINGVALE, Ore., March 3 -", "NEW YORK, Oct 19 -"). Every part before the date names a place;
// read as a name of its own, a state's abbreviation in capitals ("ORE.") passes for an organisation and
// an unknown town for a company.

// maxDatelinePart is the most words one part of a dateline has ("SOUTH SAN FRANCISCO").
const maxDatelinePart = 4

// datelineParts returns the token spans [from, to) of the places a sentence's dateline names, without
// a trailing full stop, or nil when the sentence holds no dateline: a line that opens with a town in
// capitals, then up to two more parts each ended by a comma, then a month and a day. The line may
// follow a by-line or the agency's name in the same sentence ("BY JANE ROE\nNEW YORK, March 3 -").
func datelineParts(text string, toks []Token) [][2]int {
	for i := 0; i < len(toks) && i < maxDatelineStart; i++ {
		if i > 0 && !strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
			continue
		}
		if parts := datelineFrom(text, toks, i); parts != nil {
			return parts
		}
	}
	return nil
}

// maxDatelineStart is the most tokens a by-line before a dateline has.
const maxDatelineStart = 8

// datelineFrom reads the dateline that starts at token i, on one line (see datelineParts).
func datelineFrom(text string, toks []Token, i int) [][2]int {
	var parts [][2]int
	for len(parts) < 3 {
		if len(parts) > 0 && i < len(toks) && toks[i].Text == "the" {
			i++ // "ARNHEM, the Netherlands, April 1 -"
		}
		from := i
		for i < len(toks) && i-from <= maxDatelinePart && (isNameToken(toks[i]) || toks[i].Text == ".") {
			if len(parts) == 0 && toks[i].Word && !toks[i].AllCaps() {
				return nil // the town is written in capitals
			}
			if i > from && strings.Contains(text[toks[i-1].End:toks[i].Start], "\n") {
				return nil
			}
			i++
		}
		to := i
		if to > from && toks[to-1].Text == "." {
			to--
		}
		if to == from || i-from > maxDatelinePart || i >= len(toks) || toks[i].Text != "," {
			return nil
		}
		parts = append(parts, [2]int{from, to})
		i++ // the comma
		if i+1 < len(toks) && monthOf(toks[i]) > 0 && dayNumber(toks[i+1]) > 0 {
			return parts
		}
	}
	return nil
}

// datelineMentions adds the places of the first prose sentence's dateline as mentions and returns the
// tokens [from, to) the dateline holds (0, 0 when there is none), where no other name is read.
func datelineMentions(d *Doc, si int) (int, int) {
	if si != firstBodySentence(d) {
		return 0, 0
	}
	parts := datelineParts(d.Text, d.Sents[si].Tokens)
	if parts == nil {
		return 0, 0
	}
	for _, p := range parts {
		m := d.addMention(si, p[0], p[1], graph.Place)
		m.dateline = true
	}
	return parts[0][0], parts[len(parts)-1][1]
}
