package extract

import (
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// An organisation written whole and clipped, or in the plural, is one entity of the article.
func TestClippedOrganisationNames(t *testing.T) {
	x := New(lexicon.Default())
	cases := []struct {
		text string
		one  []string // names that must be one entity
		two  []string // names that must stay two entities
	}{
		{"The National Farmers Union said so. Nat Farmers Union officials agreed.", []string{"National Farmers Union", "Nat Farmers Union"}, nil},
		{"The Christian Democrats won. Chr Dems were happy.", []string{"Christian Democrats", "Chr Dems"}, nil},
		{"The Green Alliance said so. Green Alliances across the region agreed.", []string{"Green Alliance", "Green Alliances"}, nil},
		{"The Green Alliance said so. The Greenest Alliance said no.", nil, []string{"Green Alliance", "Greenest Alliance"}},
	}
	for _, c := range cases {
		d := x.Extract(graph.Article{ID: "t", Text: c.text})
		owner := func(name string) *Entity {
			for _, m := range d.Mentions {
				if m.Text == name && m.Ent != nil {
					return m.Ent
				}
			}
			return nil
		}
		if c.one != nil {
			a, b := owner(c.one[0]), owner(c.one[1])
			if a == nil || a != b {
				t.Errorf("%q: %q and %q are not one entity (%v, %v)", c.text, c.one[0], c.one[1], a, b)
			} else if a.Type != graph.Organisation {
				t.Errorf("%q: %q is a %s", c.text, c.one[0], a.Type)
			}
		}
		if c.two != nil {
			a, b := owner(c.two[0]), owner(c.two[1])
			if a != nil && a == b {
				t.Errorf("%q: %q and %q merged", c.text, c.two[0], c.two[1])
			}
		}
	}
}

// A name that ends in a building or a body is no person's, unless a given name or a title opens it.
func TestBuildingsAndBodiesAreNoPeople(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Pilgrims crowded the Crimson Lotus Temple on Sunday. " +
		"Later Helen Temple sang at the Bluebay Hotel."})
	want := map[string]graph.EntityType{"Crimson Lotus Temple": graph.Place, "Bluebay Hotel": graph.Place,
		"Helen Temple": graph.Person}
	for _, e := range d.Entities {
		if typ, ok := want[e.Name]; ok {
			if e.Type != typ {
				t.Errorf("%q is a %s, want %s", e.Name, e.Type, typ)
			}
			delete(want, e.Name)
		}
	}
	for name := range want {
		t.Errorf("%q not found", name)
	}
}

// A capitalised adjective before a members' name belongs to the party's name; a body before it does not.
func TestPartyNamedByItsMembers(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Yesterday Tom Reed, leader of the Radical Democrats in the assembly, " +
		"said the Senate Republicans were wrong."})
	var names []string
	for _, e := range d.Entities {
		names = append(names, string(e.Type)+" "+e.Name)
	}
	if !slices.Contains(names, "Organisation Radical Democrats") {
		t.Errorf("no party %q in %q", "Radical Democrats", names)
	}
	if slices.Contains(names, "Organisation Senate Republicans") {
		t.Errorf("%q read as one body in %q", "Senate Republicans", names)
	}
}

// A post held at a state the article names by a short form ("Britain") is held at that node, not at a
// second one; the node takes the state's full name.
func TestOneNodePerState(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Britain said so. Critics in London, Leeds and Manchester agreed.\n\nFinance Minister Tom Reed spoke."})
	var uk []string
	for _, e := range d.Entities {
		if p, ok := lexicon.Default().Place(e.Name); ok && e.Type == graph.Place && p.Country == "United Kingdom" && p.Kind == lexicon.Country {
			uk = append(uk, e.Name)
		}
	}
	if len(uk) != 1 {
		t.Errorf("the United Kingdom is %d nodes: %q", len(uk), uk)
	}
	if len(d.Relations) != 1 || d.Relations[0].To.Name != "United Kingdom" || !slices.Contains(d.Relations[0].To.Aliases, "Britain") {
		t.Errorf("relations %+v, want one post at the United Kingdom, written Britain", d.Relations)
	}
}

// A place written in capitals by a dateline is named as the gazetteer spells it, or with capitals and
// small letters; an acronym keeps its capitals.
func TestCapitalisedPlaceNames(t *testing.T) {
	x := New(lexicon.Default())
	cases := []struct{ text, written, name string }{
		{"LIMA, March 3 - Tom Reed said prices would rise.", "LIMA", "Lima"},
		{"PORT LOUIS, March 3 - Tom Reed said prices would rise.", "PORT LOUIS", "Port Louis"},
		{"GRANVILLE FALLS, March 3 - Tom Reed said prices would rise in Granville Falls.", "GRANVILLE FALLS", "Granville Falls"},
	}
	for _, c := range cases {
		d := x.Extract(graph.Article{ID: "t", Text: c.text})
		found := false
		for _, m := range d.Mentions {
			if m.Text == c.written && m.Ent != nil {
				found = true
				if m.Ent.Name != c.name {
					t.Errorf("%q: %q named %q, want %q", c.text, c.written, m.Ent.Name, c.name)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity for %q", c.text, c.written)
		}
	}
}

// A single name joins a person whose name word it spells another way ("Okaforr" for Ada Okafor), but an
// English word never does: "Beauty" is not Warrick Beaty, whatever the letters share.
func TestSingleNameTypoIsNoEnglishWord(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "The actor Warrick Beaty arrived on Monday. Critics said Beauty was a weak film, " +
		"Beaty told reporters. Ada Okafor, the mayor, agreed. Okaforr said she would return."})
	owner := func(name string) *Entity {
		for _, m := range d.Mentions {
			if m.Text == name {
				return m.Ent
			}
		}
		return nil
	}
	if e := owner("Beauty"); e != nil && e == owner("Warrick Beaty") {
		t.Errorf("%q joined %q", "Beauty", e.Name)
	}
	if a, b := owner("Beaty"), owner("Warrick Beaty"); a == nil || a != b {
		t.Errorf("%q is not %q (%v, %v)", "Beaty", "Warrick Beaty", a, b)
	}
	if a, b := owner("Okaforr"), owner("Ada Okafor"); a == nil || a != b {
		t.Errorf("%q is not %q (%v, %v)", "Okaforr", "Ada Okafor", a, b)
	}
}

// Within an article a given name may be written as its initial ("B Tolland" is Ben Tolland), a
// hyphenated surname alone is the person whose name ends in it, and a given name that is also a name
// particle ("Al", "Ben") opens a name of its own: Al Varga is not Jimi Varga. A name of other words
// than the person's is not theirs for its last word: "Rolling Marsh" is no Oliver Marsh.
func TestFullNamesWrittenAnotherWay(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "The museum for Jimi Varga will open in May. His father Al Varga lived in the house. " +
		"Nicola Pryce-Hallam, the curator, said Pryce-Hallam had fought for it.\n\n" +
		"Rovers: B Tolland, J Merrow. Ben Tolland scored twice and Jake Merrow once.\n\n" +
		"Director Oliver Marsh's epic has failed. \"Grandiose,\" wrote one reviewer in Rolling Marsh. Marsh was proud."})
	owner := func(name string) *Entity {
		for _, m := range d.Mentions {
			if m.Text == name {
				return m.Ent
			}
		}
		return nil
	}
	for _, pair := range [][2]string{{"B Tolland", "Ben Tolland"}, {"J Merrow", "Jake Merrow"}, {"Pryce-Hallam", "Nicola Pryce-Hallam"}} {
		if a, b := owner(pair[0]), owner(pair[1]); a == nil || a != b {
			t.Errorf("%q and %q are not one person (%v, %v)", pair[0], pair[1], a, b)
		}
	}
	if a, b := owner("Rolling Marsh"), owner("Oliver Marsh"); a != nil && a == b {
		t.Errorf("%q joined %q: a name of other words is not the person's", "Rolling Marsh", "Oliver Marsh")
	}
	if a, b := owner("Al Varga"), owner("Jimi Varga"); a == nil || a == b {
		t.Errorf("%q and %q: %v, %v; want two people", "Al Varga", "Jimi Varga", a, b)
	}
}

// A surname written as the article writes one person's name is that person's, before another's
// spelled alike: "Kelagan" is Ronald Kelagan, not Donald Kelgan, named just before.
func TestSurnameExactBeforeVariant(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Ronald Kelagan began work today. " +
		"Donald Kelgan, the former chief of staff, left on Friday. Kelagan thanked him."})
	owner := func(name string) *Entity {
		for _, m := range d.Mentions {
			if m.Text == name {
				return m.Ent
			}
		}
		return nil
	}
	if a, b := owner("Kelagan"), owner("Ronald Kelagan"); a == nil || a != b {
		t.Errorf("%q is not %q (%v, %v)", "Kelagan", "Ronald Kelagan", a, b)
	}
}

// A leader's name before a government noun is the leader's, not an organisation's: "the Varga
// administration", "the Kelby government" in an article naming Tom Kelby.
func TestLeaderBeforeGovernment(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Farmers said the Varga administration would cut wheat subsidies. " +
		"Prime Minister Tom Kelby spoke later. Critics said the Kelby government had failed farmers."})
	for _, name := range []string{"Varga", "Kelby"} {
		for _, e := range d.Entities {
			if e.Name == name && e.Type != graph.Person {
				t.Errorf("%q is a %s", name, e.Type)
			}
		}
	}
}

// A royal is named by rank and one name, as a peer is: "Prince Tavian" is not the surname "Tavian" of
// another article's Jon Tavian.
func TestRoyalRankOpensTheName(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Prince Tavian visited Cardiff on Monday and Queen Mirela stayed in London."})
	var got []string
	for _, e := range d.Entities {
		if e.Type == graph.Person {
			got = append(got, e.Name)
		}
	}
	for _, want := range []string{"Prince Tavian", "Queen Mirela"} {
		if !slices.Contains(got, want) {
			t.Errorf("no person %q in %q", want, got)
		}
	}
}

// A firm's first word alone is its short name in the article that names it in full with a legal form
// ("Quantrex" for Quantrex Industries Inc), read as a person or an organisation; not a division's name.
func TestFirmShortName(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "Quantrex Industries Inc said on Monday it would buy the bonds. " +
		"Analysts said Quantrex would pay 50 mln dlrs. The Quellan Bank rose, and analysts said Quellan would gain."})
	owner := func(name string) *Entity {
		for _, m := range d.Mentions {
			if m.Text == name {
				return m.Ent
			}
		}
		return nil
	}
	if a, b := owner("Quantrex"), owner("Quantrex Industries Inc"); a == nil || a != b {
		t.Errorf("%q is not %q (%v, %v)", "Quantrex", "Quantrex Industries Inc", a, b)
	}
	if a, b := owner("Quellan"), owner("Quellan Bank"); a != nil && a == b {
		t.Errorf("%q joined %q, a name with no legal form", "Quellan", "Quellan Bank")
	}
}
