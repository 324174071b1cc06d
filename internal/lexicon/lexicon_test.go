package lexicon

import "testing"

// The generated lists answer as their sources say: a sample of each, and words they must not hold.
func TestLexicon(t *testing.T) {
	lex := Default()
	places := []struct {
		name, country string
		kind          PlaceKind
	}{
		{"Britain", "United Kingdom", Country}, {"UK", "United Kingdom", Country}, {"U.S.", "United States", Country},
		{"London", "United Kingdom", Capital}, {"Soviet Union", "Soviet Union", Country}, {"West Germany", "West Germany", Country},
	}
	for _, p := range places {
		got, ok := lex.Place(p.name)
		if !ok || got.Country != p.country || got.Kind != p.kind {
			t.Errorf("Place(%q) = %+v, %v; want %s, %s", p.name, got, ok, p.kind, p.country)
		}
	}
	for dem, country := range map[string]string{"British": "United Kingdom", "Soviet": "Soviet Union", "West German": "West Germany", "Chinese": "China"} {
		if got, ok := lex.Demonym(dem); !ok || got != country {
			t.Errorf("Demonym(%q) = %q, %v; want %q", dem, got, ok, country)
		}
	}
	for name, party := range map[string]string{"Tories": "Conservative Party", "Tory": "Conservative Party", "Labour": "Labour Party"} {
		if got, ok := PartyName(name); !ok || got != party {
			t.Errorf("PartyName(%q) = %q, %v; want %q", name, got, ok, party)
		}
	}
	if _, ok := PartyName("Senate"); ok {
		t.Error("PartyName(Senate) is a party")
	}
	terms := []struct {
		name, country string
		kind          TermKind
	}{
		{"Knesset", "Israel", TermOrg}, {"Home Secretary", "United Kingdom", TermTitle}, {"Bundesbank", "Germany", TermOrg},
	}
	for _, c := range terms {
		if got, kind, ok := CountryTerm(c.name); !ok || got != c.country || kind != c.kind {
			t.Errorf("CountryTerm(%q) = %q, %q, %v; want %q, %q", c.name, got, kind, ok, c.country, c.kind)
		}
	}
	if !NamedBody("Bundesbank") || NamedBody("Congress") {
		t.Error("NamedBody: Bundesbank is one body's name, Congress also a common word")
	}
	if !IsMembersName("Democrats") || !IsMembersName("Nationalists") || IsMembersName("Democrat") || IsMembersName("Ministers") {
		t.Error("IsMembersName: plurals of party members' nouns only")
	}
	if GivenNameGender("Margaret") != -1 || GivenNameGender("Tom") != 1 || GivenNameGender("Zorblat") != 0 {
		t.Error("GivenNameGender: Margaret a woman's, Tom a man's, an unknown word neither")
	}
	for _, w := range []string{"minister", "chancellor", "president"} {
		if !IsStatePost(w) {
			t.Errorf("IsStatePost(%q) = false", w)
		}
	}
	if IsStatePost("chairman") {
		t.Error("IsStatePost(chairman): a company's post too")
	}
}

func TestCompanyPostWords(t *testing.T) {
	for _, c := range []struct {
		title               string
		shared, companyOnly bool
	}{
		{"President", true, false},
		{"vice president", true, false},
		{"president and chief executive", true, true},
		{"executive vice president and chief operating officer", true, true},
		{"Prime Minister", false, false},
		{"Finance Minister", false, false},
		{"chief executive", true, true}, // no state-post word at all
	} {
		shared, only := CompanyPostWords(c.title)
		if shared != c.shared || only != c.companyOnly {
			t.Errorf("CompanyPostWords(%q) = %v, %v; want %v, %v", c.title, shared, only, c.shared, c.companyOnly)
		}
	}
}
