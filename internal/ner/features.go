package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/lexicon"
)

// A feature is a 64-bit FNV-1a hash of a template number and its values. Hashing keeps the model a
// flat table and the run-time free of string building for every feature.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return hashByte(h, 0xff) // end of value
}

func feat(tmpl byte) uint64 { return hashByte(fnvOffset, tmpl) }

// Lexicon flags of one token. A gazetteer match marks its first token and the rest separately, with the
// kind of place, so that "New" of "New York" is told from "New" alone.
const (
	fGazBegin uint32 = 1 << iota
	fGazInside
	fGazCountry
	fGazCity
	fGazRegion
	fTitle
	fPost
	fHonorific
	fDemonym
	fOrgHead
	fOrgNoun
	fOrgan
	fGeoHead
	fDirection
	fFunction
	fPostNominal
	fLowerSeen // the article writes this word in lower case somewhere
	fTown      // part of a town's name (GeoNames)
	fWnOrg     // WordNet organisation noun
	fWnVenue   // WordNet structure, facility or way noun
	fWnTitle   // WordNet leader or official noun
	nFlags     = iota
)

// token is one word as the tagger sees it.
type token struct {
	text, lower, shape, pre3, suf2, suf3 string
	flags                                uint32
	// what markSentence reads of the word alone: the kind flag of the gazetteer's place it names
	// (0 for none), whether it names a town, and whether it may be one of the words of a longer name
	// of either (true when not asked: for a word that can be in no run of markSentence's)
	place           uint32
	town            bool
	inPlace, inTown bool
}

// shape maps letters to X/x, digits to d, keeps other characters, and collapses runs of the same
// class beyond two ("McDonald" → "XxXxx", "U.S." → "X.X.", "1987" → "dd").
func shape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b.WriteRune(c)
	}
	return b.String()
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Sentence is what the tagger reads: the words of one sentence, and facts about the article.
type Sentence struct {
	Words []string
	// LowerSeen holds the words the article writes in lower case somewhere (may be nil).
	LowerSeen map[string]bool
}

// prepare computes each token's strings and lexicon flags once per sentence.
func prepare(s Sentence, lex *lexicon.Lexicon) []token {
	toks := make([]token, len(s.Words))
	for i, w := range s.Words {
		toks[i] = newToken(w, lex)
	}
	markSentence(toks, s, lex)
	return toks
}

// newToken computes what the tagger reads of one word alone: its strings and the flags of the word
// lists it is on.
func newToken(w string, lex *lexicon.Lexicon) token {
	lw := strings.ToLower(w)
	t := token{text: w, lower: lw, shape: shape(w), pre3: prefix(lw, 3), suf2: suffix(lw, 2), suf3: suffix(lw, 3)}
	on := lexicon.ListsOf(w)
	for _, l := range [...]struct {
		on   lexicon.Lists
		flag uint32
	}{{lexicon.OnTitleWords, fTitle}, {lexicon.OnPostWords, fPost}, {lexicon.OnHonorifics, fHonorific},
		{lexicon.OnOrgHeads, fOrgHead}, {lexicon.OnOrgNouns, fOrgNoun}, {lexicon.OnOrganWords, fOrgan},
		{lexicon.OnGeoHeads, fGeoHead}, {lexicon.OnDirections, fDirection}, {lexicon.OnFunctionWords, fFunction},
		{lexicon.OnPostNominals, fPostNominal}, {lexicon.OnWordNetOrgNouns, fWnOrg},
		{lexicon.OnVenueNouns, fWnVenue}, {lexicon.OnTitleNouns, fWnTitle}} {
		if on&l.on != 0 {
			t.flags |= l.flag
		}
	}
	if _, ok := lex.Demonym(strings.TrimSuffix(w, "s")); ok {
		t.flags |= fDemonym
	} else if _, ok := lex.Demonym(w); ok {
		t.flags |= fDemonym
	}
	t.inPlace, t.inTown = true, true
	if isCap(w) {
		if p, ok := lex.Place(w); ok {
			t.place = placeKind(p.Kind)
		}
		t.town = lexicon.Town(w)
	}
	if isCap(w) || len(w) <= 3 { // the words nameRun takes
		t.inPlace, t.inTown = lex.InPlaceNames(w), lexicon.InTownNames(w)
	}
	return t
}

// markSentence adds the flags that depend on the sentence and the article: words the article writes
// in lower case elsewhere, and the gazetteer's places and the towns the words spell.
func markSentence(toks []token, s Sentence, lex *lexicon.Lexicon) {
	if s.LowerSeen != nil {
		for i := range toks {
			if t := &toks[i]; isCap(t.text) && s.LowerSeen[t.lower] {
				t.flags |= fLowerSeen
			}
		}
	}
	// gazetteer: the longest place name starting at each capitalised word; a name of two words or
	// more is looked up only where each of its words may be in one
	maxN := lex.MaxPlaceWords()
	for i := 0; i < len(toks); i++ {
		if !isCap(toks[i].text) {
			continue
		}
		k, run := 0, min(maxN, nameRun(toks, i))
		for k < run && toks[i+k].inPlace {
			k++
		}
		n, kind := k, uint32(0)
		for ; n >= 2; n-- {
			if p, ok := lex.PlaceWords(s.Words[i : i+n]); ok {
				kind = placeKind(p.Kind)
				break
			}
		}
		if n < 2 {
			if n, kind = 1, toks[i].place; kind == 0 {
				continue
			}
		}
		toks[i].flags |= fGazBegin | kind
		for k := i + 1; k < i+n; k++ {
			toks[k].flags |= fGazInside | kind
		}
		i += n - 1
	}
	// towns: the longest town name starting at each capitalised word outside the gazetteer's names
	maxT := lexicon.MaxTownWords()
	for i := 0; i < len(toks); i++ {
		if !isCap(toks[i].text) || toks[i].flags&(fGazBegin|fGazInside) != 0 {
			continue
		}
		k, run := 0, min(maxT, nameRun(toks, i))
		for k < run && toks[i+k].inTown {
			k++
		}
		n := k
		for ; n >= 2 && !lexicon.TownWords(s.Words[i:i+n]); n-- {
		}
		if n < 2 {
			if n = 1; !toks[i].town {
				continue
			}
		}
		for k := i; k < i+n; k++ {
			toks[k].flags |= fTown
		}
		i += n - 1
	}
}

// placeKind is the flag of a gazetteer entry's kind.
func placeKind(k lexicon.PlaceKind) uint32 {
	switch k {
	case lexicon.Country:
		return fGazCountry
	case lexicon.Capital, lexicon.City:
		return fGazCity
	}
	return fGazRegion
}

// nameRun is how many words from i could belong to one name: capitalised words, and short lower-case
// joining words between them ("Isle of Man", "Rio de Janeiro").
func nameRun(toks []token, i int) int {
	j := i
	for j < len(toks) && (isCap(toks[j].text) || (j > i && len(toks[j].text) <= 3 && j+1 < len(toks) && isCap(toks[j+1].text))) {
		j++
	}
	return j - i
}

// features appends the feature hashes of token i, given the two tags before it.
func features(buf []uint64, toks []token, i int, prev, prev2 Tag, headline bool) []uint64 {
	t := &toks[i]
	at := func(k int) *token {
		if k < 0 || k >= len(toks) {
			return nil
		}
		return &toks[k]
	}
	word := func(k int) string {
		if x := at(k); x != nil {
			return x.lower
		}
		if k < 0 {
			return "<s>"
		}
		return "</s>"
	}
	shp := func(k int) string {
		if x := at(k); x != nil {
			return x.shape
		}
		return "_"
	}
	buf = append(buf,
		feat(1),
		hashStr(feat(2), t.lower),
		hashStr(feat(3), t.text),
		hashStr(feat(4), t.suf3),
		hashStr(feat(5), t.pre3),
		hashStr(feat(6), t.shape),
		hashStr(feat(7), word(i-1)),
		hashStr(feat(8), word(i+1)),
		hashStr(feat(9), word(i-2)),
		hashStr(feat(10), word(i+2)),
		hashStr(hashStr(feat(11), shp(i-1)), t.shape),
		hashStr(hashStr(feat(12), t.shape), shp(i+1)),
		hashByte(feat(13), byte(prev)),
		hashByte(hashByte(feat(14), byte(prev)), byte(prev2)),
		hashStr(hashByte(feat(15), byte(prev)), t.lower),
		hashStr(feat(21), t.suf2),
		hashStr(hashByte(feat(22), byte(prev)), t.shape),
		hashStr(hashStr(feat(24), word(i-1)), t.lower),
		hashStr(hashStr(feat(25), t.lower), word(i+1)),
		hashStr(hashByte(feat(26), byte(prev)), word(i+1)),
	)
	if i == 0 {
		buf = append(buf, hashStr(feat(19), t.shape))
	}
	if headline {
		buf = append(buf, hashStr(feat(20), t.shape), hashStr(feat(27), t.lower))
	}
	buf = appendFlags(buf, 16, t.flags)
	if x := at(i - 1); x != nil {
		buf = appendFlags(buf, 17, x.flags)
	}
	if x := at(i + 1); x != nil {
		buf = appendFlags(buf, 18, x.flags)
	}
	if x := at(i + 2); x != nil && x.flags&(fOrgHead|fGeoHead) != 0 {
		buf = appendFlags(buf, 23, x.flags&(fOrgHead|fGeoHead))
	}
	return buf
}

func appendFlags(buf []uint64, tmpl byte, flags uint32) []uint64 {
	for f := 0; f < nFlags; f++ {
		if flags&(1<<f) != 0 {
			buf = append(buf, hashByte(feat(tmpl), byte(f)))
		}
	}
	return buf
}

// wordAt is word k of the sentence in lower case, or a mark for before the first or after the last.
func wordAt(toks []token, k int) string {
	switch {
	case k < 0:
		return "<s>"
	case k >= len(toks):
		return "</s>"
	}
	return toks[k].lower
}

func shapeAt(toks []token, k int) string {
	if k < 0 || k >= len(toks) {
		return "_"
	}
	return toks[k].shape
}
