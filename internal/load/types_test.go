package load_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/storetest"
)

// typeArticles name invented words as two types each, in two articles: the first five, then the
// second five. Each name's articles do or do not show signs of the type they read it as.
var typeArticles = []graph.Article{
	// a place in a dateline, read as a company: the article signs a place
	{ID: "type-1", Title: "Generated", Published: "2024-07-01", Text: "Storm damage\n\n" +
		"QUELLMOOR, Maine, July 1 - Roofs were torn off in Quellmoor when a storm swept the coast of Maine.\n"},
	// a company with its stock ticker: the article signs an organisation
	{ID: "type-2", Title: "Generated", Published: "2024-07-03", Text: "Profit\n\n" +
		"Velmora Bank and Dravenport <DRVP> said on July 3 that their profit had doubled.\n"},
	{ID: "type-3", Title: "Generated", Published: "2024-07-05", Text: "Buy back\n\n" +
		"Velmora Bank and Halvorsk <HLVK> said on July 5 that they would buy back a tenth of their shares.\n"},
	// a word read as a company, with no sign of one
	{ID: "type-4", Title: "Generated", Published: "2024-07-07", Text: "Statement\n\n" +
		"Brannoch and Velmora Bank said on July 7 that the talks would go on. Brannoch declined to comment.\n"},
	// read as a person, its ticker in the article: it signs an organisation
	{ID: "type-5", Title: "Generated", Published: "2024-07-09", Text: "Offer\n\n" +
		"Corin Ashgrove and Ostrevar said on July 9 that they would sell the stake. Velmora Bank and Ostrevar <OSTV> agreed.\n"},

	// read as a person, with no sign of one
	{ID: "type-6", Title: "Generated", Published: "2024-07-02", Text: "Statement\n\n" +
		"Tamsin Brown and Quellmoor said on July 2 that the talks would go on.\n"},
	// a town in a dateline, read as a company
	{ID: "type-7", Title: "Generated", Published: "2024-07-04", Text: "Storm damage\n\n" +
		"DRAVENPORT, Maine, July 4 - Roofs were torn off in Dravenport when a storm swept the coast of Maine.\n"},
	{ID: "type-8", Title: "Generated", Published: "2024-07-06", Text: "Deal agreed\n\n" +
		"Tamsin Brown and Halvorsk said on July 6 that the deal had been agreed after long talks.\n"},
	{ID: "type-9", Title: "Generated", Published: "2024-07-08", Text: "Offer\n\n" +
		"A statement from Tamsin Brown and Brannoch on July 8 said the offer was too low, Brannoch said.\n"},
	// read as a place, with no sign of one
	{ID: "type-10", Title: "Generated", Published: "2024-07-10", Text: "Visit\n\n" +
		"Finance Minister Aldous Thorncliffe met farmers in Oslo and Ostrevar on July 10.\n"},
}

// typeNodes are the nodes each name must end as: a name with signs of two types is two nodes,
// one with signs of one type is one node of that type whichever types its other articles read it
// as, one with no signs is one node of the first type it is read as in the order place,
// organisation, person.
var typeNodes = map[string][]string{
	"Quellmoor":  {"place:Quellmoor"},                             // a place; read as a person too
	"Dravenport": {"organisation:Dravenport", "place:Dravenport"}, // a company and a town
	"Halvorsk":   {"organisation:Halvorsk"},                       // a company; read as a person too
	"Brannoch":   {"organisation:Brannoch"},                       // no signs: organisation before person
	"Ostrevar":   {"organisation:Ostrevar"},                       // a company; read as a place too
}

// typeRuns loads typeArticles in one batch, in batches of one article in order and in reverse, and
// in two runs both ways (each name's first article in one, its second in the other: a node stored
// by the first run with no sign of its type joins the second run's node of its name, and a stored
// node with a sign stays), and requires the nodes typeNodes gives, and the same nodes, spellings,
// mentions, relations, names and ids in every one.
func typeRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	file := func(name string, arts []graph.Article) string {
		p := filepath.Join(dir, name+".jsonl")
		writeJSONL(t, p, arts)
		return p
	}
	back := slices.Clone(typeArticles)
	slices.Reverse(back)
	all, rev := file("all", typeArticles), file("rev", back)
	first, second := file("first", typeArticles[:5]), file("second", typeArticles[5:])
	ref := open(t)
	mustLoad(t, ref, opts([]string{all}, 100))
	want := comparable(dump(t, ref))
	for name, nodes := range typeNodes {
		var held []string
		for _, e := range want.Entities {
			if slices.Contains(e.Aliases, name) {
				held = append(held, e.ID)
			}
		}
		slices.Sort(held)
		if !slices.Equal(held, nodes) {
			t.Errorf("one batch: %q is held by %q, want %q", name, held, nodes)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	for _, c := range []struct {
		name string
		runs [][]string
		size int
	}{
		{"batches of one", [][]string{{all}}, 1},
		{"batches of one, in reverse", [][]string{{rev}}, 1},
		{"two runs", [][]string{{first}, {second}}, 100},
		{"two runs, the second first", [][]string{{second}, {first}}, 100},
	} {
		s := open(t)
		for _, r := range c.runs {
			mustLoad(t, s, opts(r, c.size))
		}
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		if t.Failed() {
			t.Fatalf("%s differs from one batch", c.name)
		}
		sameIDs(t, c.name, dump(t, s), dump(t, ref))
	}
}

func TestTypesFollowSigns(t *testing.T) {
	onBothStores(t, typeRuns)
}

// laterSignArticles name "Korrindale" three ways: read as a person with no sign of any type, then
// signed as a company (its ticker), then signed as a town (a dateline). In one batch the unsigned
// article joins the town, the first signed type in the order place, organisation, person; in
// batches of one in order it was filed with the company, signed when it came, and stayed there when
// the town came (types moved whole nodes).
var laterSignArticles = []graph.Article{
	{ID: "ls-1", Title: "Generated", Published: "2024-07-02", Text: "Statement\n\n" +
		"Tamsin Brown and Korrindale said on July 2 that the talks would go on.\n"},
	{ID: "ls-2", Title: "Generated", Published: "2024-07-03", Text: "Profit\n\n" +
		"Velmora Bank and Korrindale <KRDL> said on July 3 that their profit had doubled.\n"},
	{ID: "ls-3", Title: "Generated", Published: "2024-07-04", Text: "Storm damage\n\n" +
		"KORRINDALE, Maine, July 4 - Roofs were torn off in Korrindale when a storm swept the coast of Maine.\n"},
}

func laterSignRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	one := sameInAnyBatching(t, open, laterSignArticles)
	in := map[string]string{}
	for _, m := range one.Mentions {
		if strings.Contains(m.Entity, "Korrindale") {
			in[m.Article] = m.Entity
		}
	}
	if !strings.HasPrefix(in["ls-1"], "place:") || !strings.HasPrefix(in["ls-2"], "organisation:") {
		t.Errorf("one batch: Korrindale's articles are in %v, want ls-1 and ls-3 in the town, ls-2 in the company", in)
	}
}

// TestUnsignedArticleFollowsLaterSign: an article that names a name with no sign of any type ends
// in the node of the type every sign known gives it, not in the one signed when its batch came.
func TestUnsignedArticleFollowsLaterSign(t *testing.T) {
	onBothStores(t, laterSignRuns)
}
