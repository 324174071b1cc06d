package resolve_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
)

// docs extracts invented articles, one per text, with ids a1, a2, ….
func docs(t *testing.T, texts ...string) []*extract.Doc {
	t.Helper()
	x := extract.New(lexicon.Default())
	var out []*extract.Doc
	for i, text := range texts {
		d, err := x.ExtractContext(context.Background(), graph.Article{ID: "a" + string(rune('1'+i)), Text: text})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// clusterOf is the cluster of the entity an article names with this exact spelling.
func clusterOf(t *testing.T, r *resolve.Resolver, d *extract.Doc, name string) *resolve.Cluster {
	t.Helper()
	for _, e := range d.Entities {
		if e.Name == name {
			if c := r.Of(e); c != nil {
				return c
			}
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Text == name {
				if c := r.Of(e); c != nil {
					return c
				}
			}
		}
	}
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Name)
	}
	t.Fatalf("%s: no resolved entity named %q (entities: %s)", d.Article.ID, name, strings.Join(names, ", "))
	return nil
}

// A surname links across articles only through a full name its own article gives: alone, it is a
// partial node of its own, not the most frequent namesake.
func TestSurnameAloneStaysPartial(t *testing.T) {
	ds := docs(t,
		"Ada Okafor, the Nigerian trade minister, met bankers in Lagos on Monday. Ms Okafor said talks went well.",
		"Critics said Mr Okafor was wrong about the harbour plan.")
	r := resolve.New(lexicon.Default())
	r.Add(ds)
	full := clusterOf(t, r, ds[0], "Ada Okafor")
	alone := clusterOf(t, r, ds[1], "Okafor")
	if full == alone {
		t.Fatalf("a surname alone in another article joined %q (%s)", full.Name, full.ID)
	}
	if !alone.Partial || full.Partial {
		t.Errorf("partial flags: %q %v, %q %v; want the surname alone partial only", alone.Name, alone.Partial, full.Name, full.Partial)
	}
	if clusterOf(t, r, ds[0], "Okafor") != full {
		t.Error("the surname in the full name's own article is not that person")
	}
}

// Two people who share a surname stay apart, and each article's surname goes to its own full name.
func TestNamesakesStayApart(t *testing.T) {
	ds := docs(t,
		"Ivo Marek, the Czech finance minister, met bankers in Prague. Mr Marek said rates would fall.",
		"Jana Marek, a Slovak tennis player, won in Paris. Ms Marek said she was tired.")
	r := resolve.New(lexicon.Default())
	r.Add(ds)
	ivo, jana := clusterOf(t, r, ds[0], "Ivo Marek"), clusterOf(t, r, ds[1], "Jana Marek")
	if ivo == jana {
		t.Fatalf("two people sharing a surname are one node %s", ivo.ID)
	}
	if clusterOf(t, r, ds[1], "Marek") != jana || clusterOf(t, r, ds[0], "Marek") != ivo {
		t.Error("a surname went to the namesake of another article")
	}
}

// One person written the same way in two articles is one node, whose id is made from its name and
// does not change with the order the articles are read in.
func TestSameNameOneNodeOrderFree(t *testing.T) {
	texts := []string{
		"Tomas Berg, the Norwegian foreign minister, arrived in Lima on Monday.",
		"Foreign Minister Tomas Berg of Norway met Peruvian officials in Lima.",
	}
	a := resolve.New(lexicon.Default())
	da := docs(t, texts...)
	a.Add(da)
	ca0, ca1 := clusterOf(t, a, da[0], "Tomas Berg"), clusterOf(t, a, da[1], "Tomas Berg")
	if ca0 != ca1 {
		t.Fatalf("one name in two articles is two nodes: %s, %s", ca0.ID, ca1.ID)
	}
	b := resolve.New(lexicon.Default())
	db := docs(t, texts[1], texts[0])
	b.Add(db)
	if cb := clusterOf(t, b, db[0], "Tomas Berg"); cb.ID != ca0.ID || cb.Name != ca0.Name {
		t.Errorf("read in the other order: %s %q, want %s %q", cb.ID, cb.Name, ca0.ID, ca0.Name)
	}
}

// A spelling one letter from a common English word never joins a name by spelling alone.
func TestNoTypoMergeOntoEnglishWord(t *testing.T) {
	ds := docs(t,
		"Prime Minister Gordon Brine of Freedonia spoke in Lima on Monday.",
		"Gordon Brian, a Freedonian football coach, spoke in Lima on Monday.")
	r := resolve.New(lexicon.Default())
	r.Add(ds)
	if a, b := clusterOf(t, r, ds[0], "Gordon Brine"), clusterOf(t, r, ds[1], "Gordon Brian"); a == b {
		t.Errorf("%q and %q, one letter apart and one an English word, are one node %s", "Gordon Brine", "Gordon Brian", a.ID)
	}
}

// A wire's sign-off names the agency that filed the story, not one the people of the story belong
// to: two spellings of a name signed by one agency share nothing by it.
func TestSignOffIsNoEvidence(t *testing.T) {
	ds := docs(t,
		"Anatoli Serebrensky, a mining engineer, spoke in Lisbon on Monday about copper prices.\n\nKestrelwire\n",
		"Anatoly Serebrenskiy said in Lisbon on Tuesday that the strike was over.\n\nKestrelwire\n")
	r := resolve.New(lexicon.Default())
	r.Add(ds)
	if clusterOf(t, r, ds[0], "Kestrelwire").Type != graph.Organisation {
		t.Fatalf("the sign-off is no organisation")
	}
	if a, b := clusterOf(t, r, ds[0], "Anatoli Serebrensky"), clusterOf(t, r, ds[1], "Anatoly Serebrenskiy"); a == b {
		t.Errorf("two spellings sharing a place and the agency that filed them are one node %s (%v)", a.ID, a.Reasons)
	}
	for _, d := range ds {
		for _, e := range d.Entities {
			if e.Name == "Kestrelwire" && !e.Filer {
				t.Errorf("%s: the sign-off is not marked as the filer", d.Article.ID)
			}
		}
	}
	// the agency is no mention in what a store writes
	for _, m := range resolve.Batch(ds, r).Mentions {
		if strings.Contains(m.Entity, "kestrelwire") {
			t.Errorf("the sign-off is stored as a mention: %+v", m)
		}
	}
}

// A surname alone joins the one full name known with it only when that name opens like a person's:
// "Injured Varnow" (a sports report's adjective) is no full name to lead "Varnow" to; "Pete Varnow" is.
func TestSurnameNeedsAFullNameThatOpensLikeOne(t *testing.T) {
	for _, c := range []struct {
		full string
		join bool
	}{{"Injured Varnow", false}, {"Pete Varnow", true}} {
		ds := docs(t,
			"Coach Ted Maple said "+c.full+" missed the game for the Kettering Athletic Club on Saturday.",
			"Ted Maple of the Kettering Athletic Club said Mr Varnow would return next week.")
		r := resolve.New(lexicon.Default())
		r.Add(ds)
		full, alone := clusterOf(t, r, ds[0], c.full), clusterOf(t, r, ds[1], "Varnow")
		if (full == alone) != c.join {
			t.Errorf("%q and %q one node: %v, want %v (%s; %v)", c.full, "Varnow", full == alone, c.join, full.ID, full.Reasons)
		}
	}
}

// A firm is one organisation written with or without the legal form that ends its name, in any order
// of its articles.
func TestLegalFormIsNoPartOfTheName(t *testing.T) {
	texts := []string{
		"Shares of Varnok Holdings Inc rose 3 pct on Monday, the company said in Chicago.",
		"Varnok Holdings said on Tuesday it would close a plant in Ohio.",
	}
	for _, order := range [][]string{{texts[0], texts[1]}, {texts[1], texts[0]}} {
		ds := docs(t, order...)
		r := resolve.New(lexicon.Default())
		r.Add(ds)
		full, short := 0, 1
		if order[0] == texts[1] {
			full, short = 1, 0
		}
		a, b := clusterOf(t, r, ds[full], "Varnok Holdings Inc"), clusterOf(t, r, ds[short], "Varnok Holdings")
		if a != b || a.Name != "Varnok Holdings Inc" {
			t.Errorf("%s %q and %s %q, want one organisation named Varnok Holdings Inc", a.ID, a.Name, b.ID, b.Name)
		}
	}
}

// Two spellings of a full name are one person's only when the words that differ are a few letters
// apart, not merely alike in their consonants: "Borvann" is a variant of "Borvan", "Biurvano" is not.
func TestVariantWordsAFewLettersApart(t *testing.T) {
	for _, c := range []struct {
		other string
		join  bool
	}{{"Teodor Borvann", true}, {"Teodor Biurvano", false}} {
		ds := docs(t,
			"Teodor Borvan, chairman of the Kestrel Trust, spoke at the Halvard Institute on Monday.",
			c.other+", chairman of the Kestrel Trust, spoke at the Halvard Institute on Friday.")
		r := resolve.New(lexicon.Default())
		r.Add(ds)
		a, b := clusterOf(t, r, ds[0], "Teodor Borvan"), clusterOf(t, r, ds[1], c.other)
		if (a == b) != c.join {
			t.Errorf("%q and %q one node: %v, want %v (%v)", "Teodor Borvan", c.other, a == b, c.join, a.Reasons)
		}
	}
}
