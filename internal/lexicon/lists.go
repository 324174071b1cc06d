package lexicon

import (
	"strings"
	"sync"
)

// Lists is a set of the closed word lists of this package, for a reader that asks about one word on
// many lists at once (the tagger's features): one look-up instead of one a list.
type Lists uint16

// The lists of Lists, each as its Is function reads it.
const (
	OnTitleWords      Lists = 1 << iota // IsTitleWord
	OnPostWords                         // IsPostWord
	OnHonorifics                        // IsHonorific: the word without one final dot
	OnOrgHeads                          // IsOrgHead
	OnOrgNouns                          // IsOrgNoun
	OnOrganWords                        // IsOrganWord
	OnGeoHeads                          // IsGeoHead
	OnDirections                        // IsDirection
	OnFunctionWords                     // IsFunctionWord
	OnPostNominals                      // IsPostNominal: the word without one final dot
	OnWordNetOrgNouns                   // IsWordNetOrgNoun
	OnVenueNouns                        // IsVenueNoun
	OnTitleNouns                        // IsTitleNoun
)

// undotted are the lists read without a word's final dot.
const undotted = OnHonorifics | OnPostNominals

var (
	listsOnce sync.Once
	listsOf   map[string]Lists // a list's word as written there -> the lists it is on
)

func listIndex() map[string]Lists {
	listsOnce.Do(func() {
		f := featureData()
		m := map[string]Lists{}
		for _, l := range []struct {
			words map[string]bool
			on    Lists
		}{{titleWords, OnTitleWords}, {postWords, OnPostWords}, {honorifics, OnHonorifics},
			{orgHeads, OnOrgHeads}, {orgNouns, OnOrgNouns}, {organWords, OnOrganWords},
			{geoHeads, OnGeoHeads}, {directions, OnDirections}, {functionWords, OnFunctionWords},
			{postNominals, OnPostNominals}, {f.org, OnWordNetOrgNouns}, {f.venue, OnVenueNouns},
			{f.titleNouns, OnTitleNouns}} {
			for w, on := range l.words {
				if on {
					m[w] |= l.on
				}
			}
		}
		listsOf = m
	})
	return listsOf
}

// ListsOf returns the lists a word is on: OnTitleWords is set when IsTitleWord(w), and so on.
func ListsOf(w string) Lists {
	m := listIndex()
	on := lookupLower(m, w)
	if t, ok := strings.CutSuffix(w, "."); ok {
		on = on&^undotted | lookupLower(m, t)&undotted
	}
	return on
}

// Words of longer names. A reader that looks up each run of words as a name (PlaceWords, TownWords)
// can skip the runs that hold a word no such name has: mayBeNameWord tells those words without
// looking the run up.

// wordSet is a set of words by their 64-bit FNV-1a hashes: small, with nothing for the collector to
// scan. Another word with the same hash reads as in the set, which for mayBeNameWord only means a
// look-up that finds nothing.
type wordSet map[uint64]struct{}

func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// nameWords returns the words of folded names, and "the", which folding drops from a name's start.
func nameWords[V any](names map[string]V) wordSet {
	words := wordSet{wordHash([]byte("the")): {}}
	for k := range names {
		for _, w := range strings.Fields(k) {
			words[wordHash([]byte(w))] = struct{}{}
		}
	}
	return words
}

// mayBeNameWord reports whether w may be one of the words of a name written as words with a space
// between each, whose folded form (or that of the name without its dots) is one of the names whose
// folded words are words. It is false only for a word of ASCII letters, digits and punctuation other
// than dots and apostrophes one of whose folded parts is no such word: such a word adds those parts,
// unchanged, to the folded form of any run of words it is in.
func mayBeNameWord(words wordSet, w string) bool {
	var buf [64]byte
	part := buf[:0]
	for i := 0; i <= len(w); i++ {
		c := byte(' ')
		if i < len(w) {
			c = w[i]
		}
		switch {
		case c >= 0x80 || c == '.' || c == '\'' || c == '`':
			return true // folded with the words around it, or read without its dots
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			part = append(part, c)
		case 'A' <= c && c <= 'Z':
			part = append(part, c+'a'-'A')
		default:
			if _, ok := words[wordHash(part)]; len(part) > 0 && !ok {
				return false
			}
			part = part[:0]
		}
		if len(part) == len(buf) {
			return true
		}
	}
	return true
}

// InPlaceNames reports whether w may be one of the words of a gazetteer name of several words: when
// it is false, PlaceWords is false for every run of two words or more that holds w.
func (l *Lexicon) InPlaceNames(w string) bool { return mayBeNameWord(l.placeWords, w) }

// InDemonyms reports whether w may be one of the words of a demonym of several words: when it is
// false, Demonym is false for every run of two words or more that holds w.
func (l *Lexicon) InDemonyms(w string) bool { return mayBeNameWord(l.demonymWords, w) }

// InTownNames reports whether w may be one of the words of a town's name of several words: when it
// is false, TownWords is false for every run of two words or more that holds w.
func InTownNames(w string) bool { return mayBeNameWord(featureData().townWords, w) }
