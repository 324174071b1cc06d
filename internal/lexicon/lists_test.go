package lexicon

import (
	"strings"
	"testing"
)

// ListsOf gives, in one look-up, what each Is function gives, on every word of the committed articles
// and every word of the lists, in lower, title and upper case, with and without a final dot.
func TestListsOfAgrees(t *testing.T) {
	f := featureData()
	is := []struct {
		on Lists
		is func(string) bool
	}{{OnTitleWords, IsTitleWord}, {OnPostWords, IsPostWord}, {OnHonorifics, IsHonorific},
		{OnOrgHeads, IsOrgHead}, {OnOrgNouns, IsOrgNoun}, {OnOrganWords, IsOrganWord},
		{OnGeoHeads, IsGeoHead}, {OnDirections, IsDirection}, {OnFunctionWords, IsFunctionWord},
		{OnPostNominals, IsPostNominal}, {OnWordNetOrgNouns, IsWordNetOrgNoun}, {OnVenueNouns, IsVenueNoun},
		{OnTitleNouns, IsTitleNoun}}
	var words []string
	for _, ws := range committedWords(t) {
		if len(ws) == 1 {
			words = append(words, ws[0])
		}
	}
	for _, m := range []map[string]bool{titleWords, postWords, honorifics, orgHeads, orgNouns, organWords,
		geoHeads, directions, functionWords, postNominals, f.org, f.venue, f.titleNouns} {
		for w := range m {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	on := 0
	for _, w := range words {
		for _, w := range []string{w, w + ".", w + ".."} {
			got := ListsOf(w)
			for _, l := range is {
				if want := l.is(w); (got&l.on != 0) != want {
					t.Fatalf("ListsOf(%q) has %b, want %v (list %b)", w, got, want, l.on)
				}
			}
			if got != 0 {
				on++
			}
		}
	}
	if on < 5000 {
		t.Fatalf("only %d words on a list", on)
	}
}

// Every word of every gazetteer name, demonym and town name may be a word of such a name, so that
// skipping runs with a word that may not loses no name; and many words of the articles may not.
func TestNameWordsKeepEveryName(t *testing.T) {
	l := Default()
	for _, p := range l.places {
		for _, w := range strings.Fields(p.Name) {
			if !l.InPlaceNames(w) {
				t.Fatalf("%q of %q is in no place name", w, p.Name)
			}
		}
	}
	for _, line := range strings.Split(demonymsTSV+formerDemonymsTSV, "\n") {
		name, _, _ := strings.Cut(line, "\t")
		if strings.HasPrefix(name, "#") {
			continue
		}
		for _, w := range strings.Fields(name) {
			if !l.InDemonyms(w) {
				t.Fatalf("%q of %q is in no demonym", w, name)
			}
		}
	}
	for _, name := range strings.Split(townsTXT, "\n") {
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		for _, w := range strings.Fields(name) {
			if !InTownNames(w) {
				t.Fatalf("%q of %q is in no town's name", w, name)
			}
		}
	}
	skipped, runs := 0, 0
	for _, ws := range committedWords(t) {
		if len(ws) < 2 {
			continue
		}
		runs++
		inPlace, inTown := true, true
		for _, w := range ws {
			inPlace = inPlace && l.InPlaceNames(w)
			inTown = inTown && InTownNames(w)
		}
		if _, ok := l.PlaceWords(ws); ok && !inPlace {
			t.Fatalf("%q is a place but a word of it is in no place name", ws)
		}
		if TownWords(ws) && !inTown {
			t.Fatalf("%q is a town but a word of it is in no town's name", ws)
		}
		if !inPlace {
			skipped++
		}
	}
	if skipped < runs/2 {
		t.Fatalf("only %d of %d runs of words skipped", skipped, runs)
	}
}
