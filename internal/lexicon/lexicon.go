// Package lexicon owns the word lists extraction relies on: a gazetteer of countries, capitals, major
// cities, regions and demonyms generated from public data (see data/ and scripts/lexicon), and small
// closed lists of general English vocabulary (titles, organisation heads, function words) written here.
package lexicon

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"

	"github.com/kgnews/kg/internal/names"
)

//go:embed data/places.tsv
var placesTSV string

//go:embed data/demonyms.tsv
var demonymsTSV string

// Former states (Soviet Union, West Germany, Yugoslavia…) and their adjectives, from WordNet 3.1: old
// news names them as states of its day.
var (
	//go:embed data/wn_former_states.tsv
	formerStatesTSV string
	//go:embed data/wn_former_demonyms.tsv
	formerDemonymsTSV string
)

// PlaceKind says what kind of place a gazetteer entry is.
type PlaceKind string

// Gazetteer kinds.
const (
	Country PlaceKind = "country"
	Capital PlaceKind = "capital"
	City    PlaceKind = "city"
	Region  PlaceKind = "region"
)

// PlaceInfo is one gazetteer entry.
type PlaceInfo struct {
	Name    string // as the source spells it
	Kind    PlaceKind
	Country string // common name of the country it lies in (or is); empty for world regions
	Former  bool   // a state that no longer exists (Soviet Union, West Germany), from WordNet
}

// Lexicon is the loaded word lists. It is immutable and safe for concurrent use.
type Lexicon struct {
	places       map[string]PlaceInfo // folded name -> entry
	demonyms     map[string]string    // folded demonym -> country common name
	countryName  map[string]string    // folded country alias -> common name
	maxPlaceLen  int                  // most words in a place name
	placeWords   wordSet              // the words of the folded names (see InPlaceNames)
	demonymWords wordSet              // the words of the folded demonyms (see InDemonyms)
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the lexicon built from the embedded data, loading it once.
func Default() *Lexicon {
	defaultOnce.Do(func() { defaultLex = parse(placesTSV+formerStatesTSV, demonymsTSV+formerDemonymsTSV) })
	return defaultLex
}

func parse(places, demonyms string) *Lexicon {
	l := &Lexicon{places: map[string]PlaceInfo{}, demonyms: map[string]string{}, countryName: map[string]string{}}
	each(places, func(f []string) {
		if len(f) < 4 {
			return
		}
		p := PlaceInfo{Name: f[0], Kind: PlaceKind(f[1]), Country: f[3], Former: f[1] == string(Country) && f[2] == ""}
		k := names.Fold(p.Name)
		if old, ok := l.places[k]; ok && rank(old.Kind) <= rank(p.Kind) {
			return
		}
		l.places[k] = p
		if p.Kind == Country {
			l.countryName[k] = p.Country
		}
		if n := len(strings.Fields(k)); n > l.maxPlaceLen {
			l.maxPlaceLen = n
		}
	})
	each(demonyms, func(f []string) {
		if len(f) < 3 {
			return
		}
		k := names.Fold(f[0])
		if _, ok := l.demonyms[k]; !ok {
			l.demonyms[k] = f[2]
		}
	})
	l.placeWords = nameWords(l.places)
	l.demonymWords = nameWords(l.demonyms)
	return l
}

func rank(k PlaceKind) int {
	switch k {
	case Country:
		return 0
	case Capital:
		return 1
	case Region:
		return 2
	}
	return 3
}

func each(tsv string, fn func([]string)) {
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
}

// Place looks a name up in the gazetteer.
func (l *Lexicon) Place(name string) (PlaceInfo, bool) {
	return foldedOrUndotted(l.places, name) // "U.S." is "US"
}

// PlaceWords looks the name the words spell, a space between each, up in the gazetteer: Place of
// strings.Join(words, " ").
func (l *Lexicon) PlaceWords(words []string) (PlaceInfo, bool) {
	var buf [128]byte
	return foldedOrUndotted(l.places, joined(buf[:0], words))
}

// MaxPlaceWords is the length in words of the longest gazetteer name.
func (l *Lexicon) MaxPlaceWords() int { return l.maxPlaceLen }

// Demonym returns the country a nationality adjective belongs to ("Chinese" → "China").
func (l *Lexicon) Demonym(word string) (string, bool) {
	return folded(l.demonyms, word)
}

// Country returns the common name of the country a name or alias denotes ("USA" → "United States").
func (l *Lexicon) Country(name string) (string, bool) {
	return foldedOrUndotted(l.countryName, name) // "U.S."
}

// PlaceKey is the name a place is compared under: a country under its common name ("US", "U.S." →
// United States), and a trailing geographic head dropped when the rest is itself a known place
// ("Gaza Strip" → Gaza).
func (l *Lexicon) PlaceKey(name string) string {
	if c, ok := l.Country(name); ok {
		return c
	}
	if ws := strings.Fields(name); len(ws) > 1 && IsGeoHead(ws[len(ws)-1]) {
		rest := strings.Join(ws[:len(ws)-1], " ")
		if _, ok := l.Place(rest); ok {
			return rest
		}
	}
	return name
}
