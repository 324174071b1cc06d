package storetest

import (
	"context"
	"testing"

	"github.com/kgnews/kg/internal/graph"
)

// testMergeEntities stores a partial node and its full name apart, merges them, and requires the graph
// a resolution that had joined them from the start writes: mentions added up per article, relations
// moved (facts joined with the survivor's relation of the same key, the one between the two
// dropped), the place of a fact renamed, spellings and merge reasons kept; merging again changes
// nothing.
func testMergeEntities(t *testing.T, s Store) {
	m, ok := s.(graph.EntityMerger)
	if !ok {
		t.Fatal("the store cannot merge stored entities (graph.EntityMerger)")
	}
	ctx := context.Background()
	stored, fact := mergeFixture()
	ada, okafor, ben, bank, oslo, lima := stored.Entities[0], stored.Entities[1], stored.Entities[2], stored.Entities[3], stored.Entities[4], stored.Entities[5]
	arts := stored.Articles
	write(t, s, stored)
	into := ada
	into.Aliases = []string{"Okafor"}
	into.Merges = []string{"Okafor: surname of Ada Okafor"}
	if err := m.MergeEntities(ctx, into, []string{okafor.ID}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	// and a place: the facts that name it as their place follow it
	if err := m.MergeEntities(ctx, oslo, []string{lima.ID}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	survivor := into
	survivor.Aliases = []string{"Mr Okafor", "Okafor"}
	osloAfter := oslo
	osloAfter.Aliases = []string{"Lima"}
	osloAfter.Merges = lima.Merges
	post := graph.Relation{Type: graph.HoldsPost, From: ada.ID, To: bank.ID, Title: "Chairman", Status: "current",
		Facts: []graph.Fact{fact("m1", 0, ""), fact("m2", 0, "")}}
	want := Expected(&graph.Batch{
		Articles: arts,
		Entities: []graph.Entity{survivor, ben, bank, osloAfter},
		Mentions: []graph.Mention{
			{Entity: ada.ID, Article: "m1", Count: 2}, {Entity: bank.ID, Article: "m1", Count: 1},
			{Entity: ada.ID, Article: "m2", Count: 1}, {Entity: bank.ID, Article: "m2", Count: 1}, {Entity: ben.ID, Article: "m2", Count: 1},
			{Entity: ada.ID, Article: "m3", Count: 3}, {Entity: oslo.ID, Article: "m3", Count: 1},
			{Entity: oslo.ID, Article: "m2", Count: 1},
		},
		Relations: []graph.Relation{
			post,
			{Type: graph.Met, From: ada.ID, To: ben.ID, Facts: []graph.Fact{fact("m2", 20, oslo.ID)}},
			{Type: graph.Visited, From: ben.ID, To: oslo.ID, Facts: []graph.Fact{fact("m2", 40, "")}},
		},
	})
	got := dump(t, s)
	CompareBatches(t, got, want)
	if t.Failed() {
		t.FailNow()
	}
	n1, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// merging again (a load killed after the merge and run again) changes nothing
	if err := m.MergeEntities(ctx, into, []string{okafor.ID}); err != nil {
		t.Fatalf("MergeEntities again: %v", err)
	}
	CompareBatches(t, dump(t, s), got)
	if n2, err := s.Counts(ctx); err != nil || n2 != n1 {
		t.Errorf("counts after merging again: %+v (%v), want %+v", n2, err, n1)
	}
	if es, err := s.FindEntities(ctx, "Mr Okafor"); err != nil || len(es) != 1 || es[0].ID != ada.ID {
		t.Errorf("FindEntities(Mr Okafor) = %+v, %v; want the survivor", es, err)
	}
}

// mergeFixture is the graph testMergeEntities merges in: Ada Okafor, the partial node Okafor, Ben
// Lutz, Harbour Bank, Oslo and Lima (in that order), and the facts' maker.
func mergeFixture() (*graph.Batch, func(art string, start int, place string) graph.Fact) {
	ada := graph.Entity{ID: "person:ada-okafor", Name: "Ada Okafor", Type: graph.Person}
	okafor := graph.Entity{ID: "person:okafor", Name: "Okafor", Type: graph.Person, Aliases: []string{"Mr Okafor"}}
	ben := graph.Entity{ID: "person:ben-lutz", Name: "Ben Lutz", Type: graph.Person}
	bank := graph.Entity{ID: "organisation:harbour-bank", Name: "Harbour Bank", Type: graph.Organisation}
	oslo := graph.Entity{ID: "place:oslo", Name: "Oslo", Type: graph.Place}
	lima := graph.Entity{ID: "place:lima", Name: "Lima", Type: graph.Place, Merges: []string{"LIMA: same place as Lima"}}
	arts := []graph.Article{{ID: "m1", Title: "one"}, {ID: "m2", Title: "two"}, {ID: "m3", Title: "three"}}
	fact := func(art string, start int, place string) graph.Fact {
		return graph.Fact{Article: art, Evidence: "sentence " + art, Start: start, End: start + 10, Confidence: 0.8, Rule: "r", Place: place}
	}
	stored := &graph.Batch{
		Articles: arts,
		Entities: []graph.Entity{ada, okafor, ben, bank, oslo, lima},
		Mentions: []graph.Mention{
			{Entity: ada.ID, Article: "m1", Count: 2}, {Entity: bank.ID, Article: "m1", Count: 1},
			{Entity: okafor.ID, Article: "m2", Count: 1}, {Entity: bank.ID, Article: "m2", Count: 1}, {Entity: ben.ID, Article: "m2", Count: 1},
			{Entity: okafor.ID, Article: "m3", Count: 2}, {Entity: ada.ID, Article: "m3", Count: 1}, {Entity: oslo.ID, Article: "m3", Count: 1},
			{Entity: lima.ID, Article: "m2", Count: 1},
		},
		Relations: []graph.Relation{
			{Type: graph.HoldsPost, From: ada.ID, To: bank.ID, Title: "chairman", Status: "current", Facts: []graph.Fact{fact("m1", 0, "")}},
			{Type: graph.HoldsPost, From: okafor.ID, To: bank.ID, Title: "Chairman", Status: "current", Facts: []graph.Fact{fact("m2", 0, "")}},
			{Type: graph.Met, From: okafor.ID, To: ben.ID, Facts: []graph.Fact{fact("m2", 20, lima.ID)}},
			{Type: graph.Met, From: ada.ID, To: okafor.ID, Facts: []graph.Fact{fact("m3", 0, "")}},
			{Type: graph.Visited, From: ben.ID, To: lima.ID, Facts: []graph.Fact{fact("m2", 40, "")}},
		},
	}
	return stored, fact
}

// testSplitEntity splits stored entities as kgload split does: the articles given move, with their
// mentions (counts and spellings), their facts of the entity's relations (a relation whose facts
// come from both sides becoming two) and the places of their facts; the rest keeps the others,
// under its id or under a new one. Splitting again changes nothing.
func testSplitEntity(t *testing.T, s Store) {
	m, ok := s.(graph.EntityMerger)
	if !ok {
		t.Fatal("the store cannot split stored entities (graph.EntityMerger)")
	}
	ctx := context.Background()
	ada := graph.Entity{ID: "person:ada-okafor", Name: "Ada Okafor", Type: graph.Person, Aliases: []string{"Mr Okafor", "Okafor"},
		Merges: []string{"Okafor: surname of Ada Okafor"}}
	ben := graph.Entity{ID: "person:ben-lutz", Name: "Ben Lutz", Type: graph.Person}
	bank := graph.Entity{ID: "organisation:harbour-bank", Name: "Harbour Bank", Type: graph.Organisation}
	lima := graph.Entity{ID: "place:lima", Name: "Lima", Type: graph.Place, Aliases: []string{"Lima City"}}
	arts := []graph.Article{{ID: "m1", Title: "one"}, {ID: "m2", Title: "two"}, {ID: "m3", Title: "three"}}
	fact := func(art string, start int, place string) graph.Fact {
		return graph.Fact{Article: art, Evidence: "sentence " + art, Start: start, End: start + 10, Confidence: 0.8, Rule: "r", Place: place}
	}
	write(t, s, &graph.Batch{
		Articles: arts,
		Entities: []graph.Entity{ada, ben, bank, lima},
		Mentions: []graph.Mention{
			{Entity: ada.ID, Article: "m1", Count: 2, Names: []string{"Ada Okafor", "Okafor"}},
			{Entity: ada.ID, Article: "m2", Count: 1, Names: []string{"Okafor"}},
			{Entity: ada.ID, Article: "m3", Count: 2, Names: []string{"Mr Okafor", "Okafor"}},
			{Entity: bank.ID, Article: "m1", Count: 1}, {Entity: bank.ID, Article: "m2", Count: 1}, {Entity: ben.ID, Article: "m3", Count: 1},
			{Entity: lima.ID, Article: "m2", Count: 1, Names: []string{"Lima City"}}, {Entity: lima.ID, Article: "m3", Count: 1, Names: []string{"Lima"}},
		},
		Relations: []graph.Relation{
			{Type: graph.HoldsPost, From: ada.ID, To: bank.ID, Title: "chairman", Status: "current", Facts: []graph.Fact{fact("m1", 0, ""), fact("m2", 0, "")}},
			{Type: graph.Met, From: ada.ID, To: ben.ID, Facts: []graph.Fact{fact("m3", 20, lima.ID)}},
			{Type: graph.Visited, From: ben.ID, To: lima.ID, Facts: []graph.Fact{fact("m3", 40, "")}},
		},
	})
	okafor := graph.Entity{ID: "person:okafor", Name: "Okafor", Type: graph.Person, Aliases: []string{"Mr Okafor"}}
	adaAfter := graph.Entity{ID: ada.ID, Name: ada.Name, Type: graph.Person, Aliases: []string{"Okafor"}}
	city := graph.Entity{ID: "place:lima-city", Name: "Lima City", Type: graph.Place}
	lima2 := graph.Entity{ID: "place:lima-2", Name: "Lima", Type: graph.Place}
	splits := []graph.Split{
		{From: ada.ID, Part: okafor, Articles: []string{"m2", "m3"}, Rest: adaAfter},
		{From: lima.ID, Part: city, Articles: []string{"m2"}, Rest: lima2}, // the rest under a new id
	}
	for _, sp := range splits {
		if err := m.SplitEntity(ctx, sp); err != nil {
			t.Fatalf("SplitEntity(%s): %v", sp.From, err)
		}
	}
	want := Expected(&graph.Batch{
		Articles: arts,
		Entities: []graph.Entity{adaAfter, okafor, ben, bank, city, lima2},
		Mentions: []graph.Mention{
			{Entity: ada.ID, Article: "m1", Count: 2, Names: []string{"Ada Okafor", "Okafor"}},
			{Entity: okafor.ID, Article: "m2", Count: 1, Names: []string{"Okafor"}},
			{Entity: okafor.ID, Article: "m3", Count: 2, Names: []string{"Mr Okafor", "Okafor"}},
			{Entity: bank.ID, Article: "m1", Count: 1}, {Entity: bank.ID, Article: "m2", Count: 1}, {Entity: ben.ID, Article: "m3", Count: 1},
			{Entity: city.ID, Article: "m2", Count: 1, Names: []string{"Lima City"}}, {Entity: lima2.ID, Article: "m3", Count: 1, Names: []string{"Lima"}},
		},
		Relations: []graph.Relation{
			{Type: graph.HoldsPost, From: ada.ID, To: bank.ID, Title: "chairman", Status: "current", Facts: []graph.Fact{fact("m1", 0, "")}},
			{Type: graph.HoldsPost, From: okafor.ID, To: bank.ID, Title: "chairman", Status: "current", Facts: []graph.Fact{fact("m2", 0, "")}},
			{Type: graph.Met, From: okafor.ID, To: ben.ID, Facts: []graph.Fact{fact("m3", 20, lima2.ID)}},
			{Type: graph.Visited, From: ben.ID, To: lima2.ID, Facts: []graph.Fact{fact("m3", 40, "")}},
		},
	})
	got := dump(t, s)
	CompareBatches(t, got, want)
	if t.Failed() {
		t.FailNow()
	}
	for _, sp := range splits { // a split killed after it committed and run again
		if err := m.SplitEntity(ctx, sp); err != nil {
			t.Fatalf("SplitEntity(%s) again: %v", sp.From, err)
		}
	}
	CompareBatches(t, dump(t, s), got)
	if es, err := s.FindEntities(ctx, "Mr Okafor"); err != nil || len(es) != 1 || es[0].ID != okafor.ID {
		t.Errorf("FindEntities(Mr Okafor) = %+v, %v; want the part split off", es, err)
	}
}
