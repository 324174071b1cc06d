package resolve_test

import (
	"testing"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// doc is an invented article naming entities once each.
func doc(id string, es ...*extract.Entity) *extract.Doc {
	d := &extract.Doc{Article: graph.Article{ID: id}}
	for _, e := range es {
		e.Mentions = []*extract.Mention{{Text: e.Name, Type: e.Type}}
		d.Entities = append(d.Entities, e)
	}
	return d
}

// A one-word "person" with no sign of a person joins the organisation of its name (signed by its
// longer spelling); its id, given
// while it was a partial node of its own, is free again: a person of that name that a later batch
// shows to be one is "person:quenby", as in one batch, not "person:quenby-2".
func TestMergedAwayIDIsFree(t *testing.T) {
	articles := func() []*extract.Doc {
		return []*extract.Doc{
			doc("q1", &extract.Entity{Name: "Quenby", Type: graph.Person}),
			doc("q2", &extract.Entity{Name: "Quenby", Type: graph.Organisation, Aliases: []string{"Quenby Ltd"}}),
			doc("q3", &extract.Entity{Name: "Quenby", Type: graph.Person, Titles: []string{"Mr"}}),
		}
	}
	one := resolve.New(lexicon.Default())
	ds := articles()
	one.Add(ds)
	want := one.Of(ds[2].Entities[0]).ID

	batches := resolve.New(lexicon.Default())
	ds = articles()
	for _, d := range ds {
		batches.Add([]*extract.Doc{d})
		batches.Merges()
	}
	if got := batches.Of(ds[2].Entities[0]).ID; got != want || want != "person:quenby" {
		t.Errorf("the signed Quenby is %s in batches of one, %s in one batch; want person:quenby in both", got, want)
	}
	if org := batches.Of(ds[0].Entities[0]); org.Type != graph.Organisation {
		t.Errorf("the unsigned Quenby is a %s, want the organisation", org.Type)
	}
}

// An article that wrote a surname another way beside a full name ("Serebrenskiy" beside "Anatoli
// Serebrensky") used that full name alone: splitting it off moves the article.
func TestSplitReadsSurnameVariantAsShortForm(t *testing.T) {
	r := resolve.New(lexicon.Default())
	e := graph.Entity{ID: "person:anatoly-serebrenskiy", Type: graph.Person, Name: "Anatoly Serebrenskiy",
		Aliases: []string{"Anatoli Serebrensky", "Serebrenskiy"}}
	r.Seed([]graph.Entity{e})
	ms := []graph.Mention{
		{Entity: e.ID, Article: "s1", Count: 2, Names: []string{"Anatoly Serebrenskiy", "Serebrenskiy"}},
		{Entity: e.ID, Article: "s2", Count: 2, Names: []string{"Anatoli Serebrensky", "Serebrenskiy"}},
	}
	sp, ok := r.PlanSplit(e, ms, "Anatoli Serebrensky")
	if !ok || len(sp.Articles) != 1 || sp.Articles[0] != "s2" {
		t.Errorf("split of Anatoli Serebrensky moves %v (ok %v), want [s2]", sp.Articles, ok)
	}
}

// Two organisations named alike: "Quenby", and "QNB", which a later article writes "QNB (Quenby)"
// while "Quenby" is another's. The one the name leads to (its articles name it "Quenby") has the
// plain id whether it or the other was named so first: in one batch "QNB" is named Quenby first,
// in batches of one "Quenby" is.
func TestNamesakeIDGoesToTheNamesOwn(t *testing.T) {
	articles := func() []*extract.Doc {
		return []*extract.Doc{
			doc("n1", &extract.Entity{Name: "QNB", Type: graph.Organisation}),
			doc("n2", &extract.Entity{Name: "Quenby", Type: graph.Organisation}),
			doc("n3", &extract.Entity{Name: "QNB", Type: graph.Organisation, Aliases: []string{"Quenby"}}),
		}
	}
	for _, batched := range []bool{false, true} {
		r := resolve.New(lexicon.Default())
		ds := articles()
		if batched {
			for _, d := range ds {
				r.Add([]*extract.Doc{d})
				r.Merges()
			}
		} else {
			r.Add(ds)
		}
		own, other := r.Of(ds[1].Entities[0]), r.Of(ds[0].Entities[0])
		if own == other || own.Name != "Quenby" || other.Name != "Quenby" {
			t.Fatalf("batched %v: %s %q and %s %q, want two organisations named Quenby", batched, own.ID, own.Name, other.ID, other.Name)
		}
		if own.ID != "organisation:quenby" || other.ID != "organisation:quenby-2" {
			t.Errorf("batched %v: the name's own organisation is %s, the other %s; want organisation:quenby and organisation:quenby-2",
				batched, own.ID, other.ID)
		}
	}
}
