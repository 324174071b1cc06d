package extract

import (
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// entityCase is an invented text, the entities it must yield (name and type) and the names it must not.
type entityCase struct {
	text string
	want map[string]graph.EntityType
	not  []string
}

func checkEntities(t *testing.T, cases []entityCase) {
	t.Helper()
	x := New(lexicon.Default())
	for _, c := range cases {
		d := x.Extract(graph.Article{ID: "t", Text: c.text})
		got := map[string]graph.EntityType{}
		for _, e := range d.Entities {
			got[e.Name] = e.Type
		}
		for name, typ := range c.want {
			if g, ok := got[name]; !ok {
				t.Errorf("%q: %q not found (got %v)", c.text, name, got)
			} else if g != typ {
				t.Errorf("%q: %q is a %s, want %s", c.text, name, g, typ)
			}
		}
		for _, name := range c.not {
			if _, ok := got[name]; ok {
				t.Errorf("%q: %q should be no entity (got %v)", c.text, name, got)
			}
		}
	}
}

// A given name that is also a place opens a person's name when a surname follows it; a place followed
// by an English word stays the place's.
func TestGivenNameThatIsAPlace(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Douglas Pembry spoke to reporters on Monday. Pembry said he was pleased.",
			map[string]graph.EntityType{"Douglas Pembry": graph.Person}, []string{"Douglas"}},
		{"Minister Victoria Albrektsen arrived late.",
			map[string]graph.EntityType{"Victoria Albrektsen": graph.Person}, []string{"Victoria"}},
		{"Thousands ran the London Marathon on Sunday.", nil, []string{"London Marathon"}},
	})
}

// A one-word place after a given name that opens a chunk is the person's surname; a county is a place.
func TestPlaceAsSurname(t *testing.T) {
	checkEntities(t, []entityCase{
		{"William Hague met Dr Gemma Preston on Friday.",
			map[string]graph.EntityType{"William Hague": graph.Person, "Gemma Preston": graph.Person}, []string{"Hague", "Preston"}},
		{"Shoppers in Devon and Worcestershire queued from dawn.",
			map[string]graph.EntityType{"Devon": graph.Place, "Worcestershire": graph.Place}, nil},
	})
}

// A firm named with its partners ("and Co", "& Sons"), a company's full name in a wire's angle brackets
// and a "person" whose name ends in a legal form are organisations; a bare ticker is no entity.
func TestFirmsAndCompanies(t *testing.T) {
	checkEntities(t, []entityCase{
		{"The brokers, Halvard Brothers and Co Ltd and Pennock & Sons, declined to comment.",
			map[string]graph.EntityType{"Halvard Brothers and Co Ltd": graph.Organisation, "Pennock & Sons": graph.Organisation},
			[]string{"Co Ltd", "Sons"}},
		{"The bid for <Quarrendon Holdings Ltd> was backed by Tellwright Foods Co <TLWF>, it said.",
			map[string]graph.EntityType{"Quarrendon Holdings Ltd": graph.Organisation, "Tellwright Foods Co": graph.Organisation},
			[]string{"TLWF"}},
	})
}

// A "person" whose name is English words that no given name opens and no title stands before is a
// title of a work or a band's name, no person; a titled one and one opened by a given name stay people.
func TestWordNamesAreNoPeople(t *testing.T) {
	checkEntities(t, []entityCase{
		{"The film Broken Lanterns won praise. Its star, Rose Hill, thanked Lord Baker.",
			map[string]graph.EntityType{"Rose Hill": graph.Person, "Lord Baker": graph.Person}, []string{"Broken Lanterns"}},
		{"Tickets for Hollow Engines sold out. Hollow Engines played Leeds on Friday.", nil, []string{"Hollow Engines"}},
	})
}

// A name nothing else types, after a preposition of place, is a place when it is a town (and no English
// word or given name).
func TestTownAfterPlacePreposition(t *testing.T) {
	checkEntities(t, []entityCase{
		{"The minister opened a school in Evesham and then a clinic near Bromsgrove.",
			map[string]graph.EntityType{"Evesham": graph.Place, "Bromsgrove": graph.Place}, nil},
		{"She read Look Back in Anger aloud.", nil, []string{"Anger"}},
	})
}

// A courtesy title after a word that is no title starts a new name.
func TestCourtesyTitleStartsAName(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Aides told the BBC Mr Tavish had always backed the plan. Mr Tavish denied it.",
			map[string]graph.EntityType{"BBC": graph.Organisation, "Tavish": graph.Person}, []string{"BBC Mr Tavish"}},
	})
}

// A saint's name names a town or a building, never a person.
func TestSaintsNameNoPerson(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Crowds filled St Oswin's Shopping Centre. Later he played golf at St Andrews.",
			map[string]graph.EntityType{"St Andrews": graph.Place}, []string{"Oswin", "Andrews"}},
	})
}

// An age written before a name is no part of it.
func TestAgeBeforeName(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Twelve-year-old Marta Quillon won the prize.",
			map[string]graph.EntityType{"Marta Quillon": graph.Person}, []string{"Twelve-year-old Marta Quillon"}},
		{"Marta Quillon won. Seventeen-year-old Quillon beat older singers.",
			map[string]graph.EntityType{"Marta Quillon": graph.Person}, []string{"Seventeen-year-old Quillon"}},
	})
}

// One capitalised common word that the article also writes in lower case names nothing.
func TestCommonWordIsNoName(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Ministers briefed the Cabinet on Monday, and the cabinet agreed. Hilda Marrow spoke.",
			map[string]graph.EntityType{"Hilda Marrow": graph.Person}, []string{"Cabinet"}},
	})
}

// A nationality adjective of two words ("South Korean", "West German") is no place.
func TestTwoWordNationalityIsNoPlace(t *testing.T) {
	checkEntities(t, []entityCase{
		{"South African miners and West German banks backed the deal.", nil, []string{"South African", "West German"}},
	})
}

// What follows "MP for" is the seat, a place, when it is a town.
func TestSeatAfterTitleIsAPlace(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Nora Quillfeather, MP for Witney, resigned.", map[string]graph.EntityType{"Witney": graph.Place}, nil},
	})
}

// Every part of a wire dateline before the date names a place: the town in capitals and the state's
// abbreviation after it, which read alone pass for an organisation; the agency's name before it stays its own.
func TestDatelinePlaces(t *testing.T) {
	x := New(lexicon.Default())
	d := x.Extract(graph.Article{ID: "t", Text: "QUORVEX - ORVANE TALKS END\n\nTalks between the two firms ended on Friday."})
	for _, e := range d.Entities {
		if e.Type == graph.Place {
			t.Errorf("a headline's name before a dash is no dateline: %q is a place", e.Name)
		}
	}
	checkEntities(t, []entityCase{
		{"WIDGET MAKER SEES PROFIT\n\nSPRINGVALE, Ore., March 3 - Dorvan Widget Co said it expects higher profits.",
			map[string]graph.EntityType{"Springvale": graph.Place, "Ore": graph.Place, "Dorvan Widget Co": graph.Organisation}, nil},
		{"TRUCKER RAISES RATES\n\nOVERLAND CREEK, KAN., Oct 30 - Quellar Freight Inc said it raised its rates.",
			map[string]graph.EntityType{"Overland Creek": graph.Place, "KAN": graph.Place}, nil},
		{"LICENCE SIGNED\n\nVELDMARK, the Netherlands, April 1 - Orvane BV signed a licence.",
			map[string]graph.EntityType{"Veldmark": graph.Place, "Netherlands": graph.Place}, nil},
		{"GRAIN NEWS\n\nCrops were poor.\n\n    BRUNSWICK, West Germany - A former trader was charged on Friday.",
			map[string]graph.EntityType{"Brunswick": graph.Place, "West Germany": graph.Place}, nil},
		{"ORVANE CORP <ORV> 4TH QTR NET\n\nLINCOLN, Neb., March 30 -\n    Shr 25 cts vs 32 cts",
			map[string]graph.EntityType{"Lincoln": graph.Place, "Neb": graph.Place}, nil},
		{"MARKETS CALM\n\nBy Hester Quainton, Reuters\nMARLOWVILLE, Feb 2 - Traders were calm on Monday.",
			map[string]graph.EntityType{"Reuters": graph.Organisation, "Marlowville": graph.Place}, nil},
	})
}

// A common English word after title words that are only modifiers ("General", "Federal", "Social") is no
// person with a title: the words are one name, which the tagger types or drops.
func TestModifierBeforeWordIsNoPerson(t *testing.T) {
	checkEntities(t, []entityCase{
		{"The carmaker General Turbines is recalling 20,000 vans, a spokeswoman said.", nil, []string{"Turbines"}},
		{"Brenna Scoville, a Social Liberal member of the assembly, won the seat.",
			map[string]graph.EntityType{"Brenna Scoville": graph.Person}, []string{"Liberal"}},
		{"Dellworth bought Marrick Federal Savings for 40 mln dlrs.", nil, []string{"Savings"}},
		{"Shares of Nevada Federal Drills rose after the bid.", nil, []string{"Drills"}}, // a place before the modifier
		{"General Okonkwo met the envoy on Tuesday.", map[string]graph.EntityType{"Okonkwo": graph.Person}, nil},
		{"Shares of General Public Pipelines fell.", nil, []string{"Public Pipelines"}}, // two common words
		{"Attorney General Lord Quillan and Attorney General Steward spoke.",
			map[string]graph.EntityType{"Lord Quillan": graph.Person, "Steward": graph.Person}, nil},
	})
}

// A "person" named by a gazetteer place, with no given name, title or full name in the article, is the
// place; one that says something is a company named after it; a surname of a full name stays a person.
func TestPlaceNamedAsPersonIsNoPerson(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Prices were quoted at Villa Constitucion, Port Talbot and Port Hueneme.", map[string]graph.EntityType{
			"Villa Constitucion": graph.Place, "Port Talbot": graph.Place, "Port Hueneme": graph.Place}, nil},
		{"Barges left Fort Myers, and Port Hueneme said it was full.",
			map[string]graph.EntityType{"Fort Myers": graph.Place, "Port Hueneme": graph.Organisation}, nil},
		{"Greta Houston sang on Friday. Houston said she was tired.",
			map[string]graph.EntityType{"Greta Houston": graph.Person}, nil},
	})
}

// A one-word person or organisation that is a common English word loses its type when nothing in the
// article shows what it is; a title, the tagger's sure reading, a possessive or "said", an initial, or a
// full name holding the word keeps it.
func TestDropUnsignedWords(t *testing.T) {
	text := "Lantern was immersive. Mr Glade met Hollis Bramble. Bramble agreed. Quarry said it would. Then D Thicket ran. Beacon won."
	d := &Doc{Text: text}
	d.Sents = splitSentences(text)
	add := func(si, tok int, typ graph.EntityType, learned float64) *Mention {
		m := d.addMention(si, tok, tok+1, typ)
		m.ruleWeak, m.learnedType, m.learned = true, typ, learned
		return m
	}
	lantern := add(0, 0, graph.Person, 2) // no sign: dropped
	glade := add(1, 1, graph.Person, 2)   // after "Mr"
	glade.TitleFrom = 0
	full := d.addMention(1, 3, 5, graph.Person)         // "Hollis Bramble"
	bramble := add(2, 0, graph.Person, 2)               // a word of a full name
	quarry := add(3, 0, graph.Organisation, 2)          // says something
	thicket := add(4, 2, graph.Person, 2)               // after an initial
	beacon := add(5, 0, graph.Organisation, marginType) // the tagger is sure
	_ = full
	dropUnsignedWords(d)
	if lantern.Type != "" {
		t.Errorf("%q kept its type %s", lantern.Text, lantern.Type)
	}
	for _, m := range []*Mention{glade, bramble, quarry, thicket, beacon} {
		if m.Type == "" {
			t.Errorf("%q lost its type", m.Text)
		}
	}
}

// A given name and a surname are no organisation for the nouns of a phrase after "and", "nor" or "said"
// ("X and vice president Y", "neither X nor the company", "X said the company"), nor for an apposition
// that names no organisation word in the name itself or names one of a body's people ("X, the
// organisation's president").
func TestPersonNameIsNoOrganisation(t *testing.T) {
	checkEntities(t, []entityCase{
		{"\"We will fight,\" Delmont president Corwin Haskell and vice president Myra Stepanek said in a statement.",
			map[string]graph.EntityType{"Corwin Haskell": graph.Person, "Myra Stepanek": graph.Person}, nil},
		{"The firm said neither Corwin Haskell nor the company ever broke the law.",
			map[string]graph.EntityType{"Corwin Haskell": graph.Person}, nil},
		{"Orvane chairman and chief executive officer Corwin Haskell said the company expects a loss.",
			map[string]graph.EntityType{"Corwin Haskell": graph.Person}, nil},
		{"His counterpart Martin Haskell, the official Ruritanian news agency RNA reported, arrived on Friday.",
			map[string]graph.EntityType{"Martin Haskell": graph.Person}, nil},
		{"Shares of Haskell Brothers Inc rose.", map[string]graph.EntityType{"Haskell Brothers Inc": graph.Organisation}, nil},
		{"Tobin Quarrie, the organisation's president, said the plan was sound.",
			map[string]graph.EntityType{"Tobin Quarrie": graph.Person}, nil},
	})
}

// Common words on both sides of "and" before an organisation's head word are one name ("Mining and
// Smelting Co Ltd"); a titled person, another firm's name or a one-word firm before "and" stays apart.
func TestCommonWordsAroundAndAreOneName(t *testing.T) {
	checkEntities(t, []entityCase{
		{"Shares of Orvane Mining and Smelting Co Ltd rose.",
			map[string]graph.EntityType{"Orvane Mining and Smelting Co Ltd": graph.Organisation}, []string{"Orvane Mining"}},
		{"Speaker Ann Wright and Senate leaders met on Friday.",
			map[string]graph.EntityType{"Ann Wright": graph.Person, "Senate": graph.Organisation}, nil},
		{"The loan was arranged by Orvane Securities and Wood Gundy Inc.",
			map[string]graph.EntityType{"Wood Gundy Inc": graph.Organisation}, nil},
		{"Ford and General Motors Corp cut output.",
			map[string]graph.EntityType{"Ford": graph.Organisation, "General Motors Corp": graph.Organisation}, nil},
	})
}

// A name ending in a company's legal form is a firm: its first words pass for no title ("Commercial
// Credit Co"), and the tagger's reading no name there (a wire story's first sentence) drops it not.
func TestLegalFormEndsAFirm(t *testing.T) {
	checkEntities(t, []entityCase{
		{"FIRM SELLS NOTES\n\nNEW YORK, March 2 - Commercial Credit Co is raising 150 mln dlrs.",
			map[string]graph.EntityType{"Commercial Credit Co": graph.Organisation}, []string{"Co"}},
		{"PUBLISHER SAYS COSTS HURT\n\nCHICAGO, Oct 20 - Quorvex Co said a charge of 16.7 mln dlrs hurt.",
			map[string]graph.EntityType{"Quorvex Co": graph.Organisation}, nil},
	})
}
