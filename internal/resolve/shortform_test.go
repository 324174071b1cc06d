package resolve_test

import (
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// TestShortFormClaims: a short form an article writes beside an organisation's name leads another
// article's use of it alone there when it is a part of the name with a proper word in it
// ("Korvath" of "Banque Korvath") or an acronym, in either order; a generic phrase many bodies
// share ("Finance Ministry" of "Velmoran Finance Ministry") or capitals that are not the name's
// initials ("OVGT" of "Velmoran Grain Board": initials of words the article does not give) lead
// nowhere.
func TestShortFormClaims(t *testing.T) {
	org := func(id, name string, aliases ...string) *extract.Doc {
		e := &extract.Entity{Name: name, Type: graph.Organisation, Aliases: aliases, Signs: []graph.EntityType{graph.Organisation},
			Mentions: []*extract.Mention{{Text: name, Type: graph.Organisation}}}
		return &extract.Doc{Article: graph.Article{ID: id, Text: name}, Entities: []*extract.Entity{e}}
	}
	all := func() []*extract.Doc {
		return []*extract.Doc{
			org("d1", "Velmoran Finance Ministry", "Finance Ministry"),
			org("d2", "Finance Ministry"),
			org("d3", "Banque Korvath", "Korvath"),
			org("d4", "Korvath"),
			org("d5", "Ostrevar Shipping Lines", "OSL"),
			org("d6", "OSL"),
			org("d7", "Velmoran Grain Board", "OVGT"),
			org("d8", "OVGT"),
		}
	}
	want := map[string]string{"d1": "organisation:velmoran-finance-ministry", "d2": "organisation:finance-ministry",
		"d3": "organisation:banque-korvath", "d4": "organisation:banque-korvath",
		"d5": "organisation:ostrevar-shipping-lines", "d6": "organisation:ostrevar-shipping-lines",
		"d7": "organisation:velmoran-grain-board", "d8": "organisation:ovgt"}
	for _, reverse := range []bool{false, true} {
		for _, size := range []int{1, 10} {
			docs := all()
			if reverse {
				slices.Reverse(docs)
			}
			r := resolve.New(lexicon.Default())
			for start := 0; start < len(docs); start += size {
				r.Add(docs[start:min(start+size, len(docs))])
			}
			for _, d := range docs {
				if got := r.Of(d.Entities[0]).ID; got != want[d.Article.ID] {
					t.Errorf("batches of %d, reverse %v: %s is in %s, want %s", size, reverse, d.Article.ID, got, want[d.Article.ID])
				}
			}
		}
	}
}
