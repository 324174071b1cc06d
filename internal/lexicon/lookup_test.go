package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/names"
)

// committedWords returns every word, and every run of up to four words, of the committed articles,
// with corner cases of case, dots and apostrophes.
func committedWords(t *testing.T) [][]string {
	t.Helper()
	out := [][]string{{"U.S."}, {"u.s"}, {"New", "York's"}, {"The", "Hague"}, {"..."}, {""}, {"Zürich"}, {"ÉCOLE"},
		{"Mr."}, {"MR"}, {"Ph.D."}, {strings.Repeat("X", 40)}, {strings.Repeat("Ab", 40), "City"}, {"İstanbul"}}
	var files []string
	for _, pat := range []string{"../../testdata/gold-news/*.txt", "../../seeds/*.txt"} {
		fs, _ := filepath.Glob(pat)
		files = append(files, fs...)
	}
	if len(files) < 40 {
		t.Fatalf("found %d articles", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ws := strings.Fields(string(data))
		for i := range ws {
			for n := 1; n <= 4 && i+n <= len(ws); n++ {
				out = append(out, ws[i:i+n])
			}
		}
	}
	return out
}

// The lookups done in a buffer give what the plain ones, through names.Fold and strings.ToLower, give.
func TestLookupsAgree(t *testing.T) {
	l := Default()
	f := featureData()
	lists := map[string]struct {
		is func(string) bool
		m  map[string]bool
	}{
		"title": {IsTitleWord, titleWords}, "post": {IsPostWord, postWords}, "org head": {IsOrgHead, orgHeads},
		"organ": {IsOrganWord, organWords}, "org noun": {IsOrgNoun, orgNouns}, "geo head": {IsGeoHead, geoHeads},
		"direction": {IsDirection, directions}, "function": {IsFunctionWord, functionWords}, "peerage": {IsPeerage, peerages},
		"state post": {IsStatePost, statePosts}, "wordnet org": {IsWordNetOrgNoun, f.org}, "venue": {IsVenueNoun, f.venue},
		"title noun": {IsTitleNoun, f.titleNouns},
	}
	undotted := func(m map[string]PlaceInfo, name string) (PlaceInfo, bool) {
		p, ok := m[names.Fold(name)]
		if !ok && strings.Contains(name, ".") {
			p, ok = m[names.Fold(strings.ReplaceAll(name, ".", ""))]
		}
		return p, ok
	}
	found := map[string]int{}
	for _, ws := range committedWords(t) {
		name := strings.Join(ws, " ")
		wp, wok := undotted(l.places, name)
		if p, ok := l.Place(name); p != wp || ok != wok {
			t.Fatalf("Place(%q) = %v %v, want %v %v", name, p, ok, wp, wok)
		}
		if p, ok := l.PlaceWords(ws); p != wp || ok != wok {
			t.Fatalf("PlaceWords(%q) = %v %v, want %v %v", ws, p, ok, wp, wok)
		}
		if wok {
			found["place"]++
		}
		if want := f.towns[names.Fold(name)]; Town(name) != want || TownWords(ws) != want {
			t.Fatalf("Town(%q) = %v, TownWords = %v, want %v", name, Town(name), TownWords(ws), want)
		}
		if len(ws) > 1 {
			continue
		}
		w := ws[0]
		wc, wok := l.demonyms[names.Fold(w)]
		if c, ok := l.Demonym(w); c != wc || ok != wok {
			t.Fatalf("Demonym(%q) = %q %v, want %q %v", w, c, ok, wc, wok)
		}
		wc, wok = l.countryName[names.Fold(w)]
		if !wok && strings.Contains(w, ".") {
			wc, wok = l.countryName[names.Fold(strings.ReplaceAll(w, ".", ""))]
		}
		if c, ok := l.Country(w); c != wc || ok != wok {
			t.Fatalf("Country(%q) = %q %v, want %q %v", w, c, ok, wc, wok)
		}
		for name, list := range lists {
			if got, want := list.is(w), list.m[strings.ToLower(w)]; got != want {
				t.Fatalf("%s list: %q gives %v, want %v", name, w, got, want)
			}
			if list.is(w) {
				found[name]++
			}
		}
		if got, want := IsHonorific(w), honorifics[strings.ToLower(strings.TrimSuffix(w, "."))]; got != want {
			t.Fatalf("IsHonorific(%q) = %v, want %v", w, got, want)
		}
		if got, want := IsPostNominal(w), postNominals[strings.ToLower(strings.TrimSuffix(w, "."))]; got != want {
			t.Fatalf("IsPostNominal(%q) = %v, want %v", w, got, want)
		}
	}
	if found["place"] < 100 || found["function"] < 1000 || found["title"] < 10 {
		t.Fatalf("too few words found to tell: %v", found)
	}
}
