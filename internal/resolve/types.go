package resolve

import (
	"slices"
	"strings"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// typeOrder is the order in which a name that lives as more than one type, without signs of the
// type an article read it as, picks the type it joins: of the types with signs, or, when none has
// any, of the types it was read as. It depends on the types alone, not on which came first.
var typeOrder = []graph.EntityType{graph.Place, graph.Organisation, graph.Person}

// typeRank is a type's place in typeOrder.
func typeRank(t graph.EntityType) int {
	if i := slices.Index(typeOrder, t); i >= 0 {
		return i
	}
	return len(typeOrder)
}

// SignsStage is the extraction stage that reads the signs of each entity's type (Signs) while the
// article's text is still there.
func SignsStage(lex *lexicon.Lexicon) extract.Stage {
	return extract.Stage{Name: "type signs", Run: func(d *extract.Doc) { Signs(d, lex) }}
}

// Signs sets each entity's Signs: the types its article shows signs of. This is the one definition
// of the evidence that a name is of a type (resolution joins a name with no sign of the type it
// was read as to the same name of a type with signs; scripts/audit/resolution counts it):
//
//   - a person: a title or honorific; a relation as a person (a post, a visit, either side of a
//     meeting); a full name opened by a given name (lexicon.IsGivenName) that ends in no
//     organisation head word or legal form;
//   - an organisation: its name, or a longer spelling of it in the article, ending in an
//     organisation's head word or legal form ("Bank", "Council", "Corp"); a party's name; an
//     acronym the article gives with it; a stock ticker after it ("Chevron <CHV>"); a lower-case
//     organisation noun after it ("the Frelimo delegation");
//   - a place: a country or gazetteer place; the place of a relation or the target of a visit; a
//     place preposition before it ("in Akron") or a place after it ("Akron, Ohio"); a dateline
//     ("SANTA CRUZ, Calif., Feb 26 -").
func Signs(d *extract.Doc, lex *lexicon.Lexicon) {
	signs := map[*extract.Entity]map[graph.EntityType]bool{}
	add := func(e *extract.Entity, t graph.EntityType) {
		if e == nil {
			return
		}
		if signs[e] == nil {
			signs[e] = map[graph.EntityType]bool{}
		}
		signs[e][t] = true
	}
	for _, e := range d.Entities {
		if personName(e) {
			add(e, graph.Person)
		}
		if orgName(e) {
			add(e, graph.Organisation)
		}
		if _, ok := lex.Place(e.Name); ok {
			add(e, graph.Place)
		}
	}
	for _, rel := range d.Relations {
		if rel.From != nil && rel.From.Type == graph.Person {
			add(rel.From, graph.Person)
		}
		switch rel.Type {
		case graph.Met:
			if rel.To != nil && rel.To.Type == graph.Person {
				add(rel.To, graph.Person)
			}
		case graph.Visited:
			add(rel.To, graph.Place)
		}
		add(rel.Place, graph.Place)
	}
	for _, m := range d.Mentions {
		if m.Ent == nil || m.Sent < 0 || m.Sent >= len(d.Sents) {
			continue
		}
		for _, t := range contextSigns(d.Sents[m.Sent].Tokens, m, lex) {
			add(m.Ent, t)
		}
	}
	for _, e := range d.Entities {
		e.Signs = e.Signs[:0]
		for _, t := range typeOrder {
			if signs[e][t] {
				e.Signs = append(e.Signs, t)
			}
		}
	}
}

// personName reports whether an entity's own words show a person: a title, or a full name opened
// by a given name that ends in no organisation's head word or legal form.
func personName(e *extract.Entity) bool {
	if len(e.Titles) > 0 {
		return true
	}
	ws := strings.Fields(e.Name)
	if len(ws) < 2 {
		return false
	}
	last := ws[len(ws)-1]
	return lexicon.IsGivenName(ws[0]) && !lexicon.IsOrgHead(last) && !lexicon.IsLegalForm(last)
}

// orgName reports whether an entity's own spellings show an organisation: a name of two words or
// more ending in a head word or legal form, a party's name, or an acronym of another spelling.
func orgName(e *extract.Entity) bool {
	all := append([]string{e.Name}, e.Aliases...)
	for _, s := range all {
		ts := strings.Fields(s)
		if len(ts) > 1 && (lexicon.IsOrgHead(ts[len(ts)-1]) || lexicon.IsLegalForm(ts[len(ts)-1])) {
			return true
		}
		if lexicon.IsParty(s) {
			return true
		}
	}
	for _, a := range all {
		for _, b := range all {
			if a != b && acronymOf(a, b) {
				return true
			}
		}
	}
	return false
}

// acronymOf reports whether short is the initials of the words of long, function words aside
// ("UAW" of "United Automobile Workers").
func acronymOf(short, long string) bool {
	if len(short) < 2 || short != strings.ToUpper(short) || strings.ContainsAny(short, " ") {
		return false
	}
	var initials []byte
	for _, w := range names.Tokens(long) {
		if !lexicon.IsFunctionWord(w) {
			initials = append(initials, w[0])
		}
	}
	return len(initials) >= 2 && strings.EqualFold(string(initials), strings.ReplaceAll(short, ".", ""))
}

// placeWords are the prepositions before a name that say where.
var placeWords = map[string]bool{"in": true, "near": true, "outside": true, "around": true, "across": true}

// contextSigns reads the types the words around one mention show.
func contextSigns(toks []extract.Token, m *extract.Mention, lex *lexicon.Lexicon) []graph.EntityType {
	var out []graph.EntityType
	if m.Tok < 0 || m.TokEnd > len(toks) || m.Tok >= m.TokEnd {
		return nil
	}
	if m.Tok > 0 && lexicon.IsHonorific(toks[m.Tok-1].Text) {
		out = append(out, graph.Person)
	}
	if j := m.TokEnd; j < len(toks) {
		next := toks[j]
		switch {
		case next.Text == "<" && j+2 < len(toks) && toks[j+2].Text == ">" && toks[j+1].AllCaps():
			out = append(out, graph.Organisation) // a stock ticker
		case next.Word && !next.Cap() && lexicon.IsOrgNoun(next.Text):
			out = append(out, graph.Organisation)
		case next.Text == "," && j+1 < len(toks) && toks[j+1].Cap():
			if _, ok := lex.Place(toks[j+1].Text); ok {
				out = append(out, graph.Place) // "Akron, Ohio"
			}
		}
	}
	if m.Tok > 0 && placeWords[toks[m.Tok-1].Lower()] && (m.Tok < 2 || !toks[m.Tok-2].Cap()) {
		out = append(out, graph.Place)
	}
	if dateline(toks, m) {
		out = append(out, graph.Place)
	}
	return out
}

// dateline reports whether a mention is in the dateline a sentence opens with: capitalised words,
// commas and numbers up to a dash within its first twelve tokens, a comma among them ("SANTA CRUZ,
// Calif., Feb 26 -").
func dateline(toks []extract.Token, m *extract.Mention) bool {
	comma := false
	for i, t := range toks {
		switch {
		case i >= 12:
			return false
		case t.Text == "-" || t.Text == "--":
			return comma && m.TokEnd <= i
		case t.Text == ",":
			comma = true
		case t.Text == "." || t.Cap() || isDigits(t.Text):
		default:
			return false
		}
	}
	return false
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// Signed reports whether an article naming the cluster showed a sign of its type (Signs).
func (c *Cluster) Signed() bool { return c.typeSigned }
