package resolve_test

import (
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// TestSigns reads the signs of each type from invented sentences: a dateline (a place), a stock
// ticker (an organisation, also of a name the article reads as a person), a title with a post word
// and a given name (a person); a byline before a dateline signs no place.
func TestSigns(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       []graph.EntityType
	}{
		{"Storm\n\nQUELLMOOR, Maine, July 1 - Roofs were torn off in Quellmoor when a storm swept the coast.\n", "Quellmoor", []graph.EntityType{graph.Place}},
		{"Profit\n\nVelmora Bank and Dravenport <DRVP> said on July 3 that their profit had doubled.\n", "Dravenport", []graph.EntityType{graph.Organisation}},
		{"Talks\n\nFinance Minister Aldous Thorncliffe said on Monday that the talks had been useful.\n", "Aldous Thorncliffe", []graph.EntityType{graph.Person}},
		{"Debt\n\nBY TAMSIN ORWELLBY, REUTERS\nNEW YORK, June 2 - Tamsin Orwellby said the debt talks would go on.\n", "Tamsin Orwellby", []graph.EntityType{graph.Person}},
		{"Shares\n\nCorin Ashgrove and Ostrevar said on July 9 that they would sell the stake. Velmora Bank and Ostrevar <OSTV> agreed.\n", "Ostrevar", []graph.EntityType{graph.Organisation}},
		{"Vote\n\nThe Christian Nationalists won 40 seats in Velmora on Sunday, and their rivals conceded.\n", "Christian Nationalists", nil},
	} {
		d := docs(t, c.text)[0]
		resolve.Signs(d, lexicon.Default())
		found := false
		for _, e := range d.Entities {
			if e.Name != c.name {
				continue
			}
			found = true
			if got := resolve.SortSigns(e.Signs); !slices.Equal(got, resolve.SortSigns(c.want)) {
				t.Errorf("%q in %q: signs %q, want %q", c.name, c.text, got, c.want)
			}
		}
		if !found {
			t.Errorf("%q not read from %q", c.name, c.text)
		}
	}
}
