package load_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/resolve"
	"github.com/kgnews/kg/internal/storetest"
)

// sameInAnyBatching loads articles in one batch, then in batches of one in order and in reverse, and
// requires the same nodes (spellings, case included), mentions, relations, names and ids; it
// returns the one-batch graph.
func sameInAnyBatching(t *testing.T, open func(t *testing.T) graph.Store, arts []graph.Article) *graph.Batch {
	t.Helper()
	dir := t.TempDir()
	fwd, rev := filepath.Join(dir, "fwd.jsonl"), filepath.Join(dir, "rev.jsonl")
	writeJSONL(t, fwd, arts)
	back := slices.Clone(arts)
	slices.Reverse(back)
	writeJSONL(t, rev, back)
	ref := open(t)
	mustLoad(t, ref, opts([]string{fwd}, 100))
	want := comparable(dump(t, ref))
	for _, c := range []struct{ name, file string }{{"batches of one", fwd}, {"batches of one, in reverse", rev}} {
		s := open(t)
		mustLoad(t, s, opts([]string{c.file}, 1))
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		if t.Failed() {
			t.Fatalf("%s differs from one batch", c.name)
		}
		sameIDs(t, c.name, dump(t, s), dump(t, ref))
	}
	return want
}

// holders lists the nodes (as comparable names them) that hold a spelling.
func holders(b *graph.Batch, spelling string) []string {
	var out []string
	for _, e := range b.Entities {
		if slices.Contains(e.Aliases, spelling) {
			out = append(out, e.ID)
		}
	}
	return out
}

// variantTriangle is one name written three ways, each pair sharing a post word (minister) and a
// place, and no organisation: all three known at once, each spelling has two candidates and none
// is joined. Loaded one at a time, the first two were joined before the third came, and a doubt
// read on organisations alone kept the three together.
var variantTriangle = []graph.Article{
	{ID: "tri-1", Title: "Generated", Published: "2024-07-01", Text: "Talks in Lisbon\n\n" +
		"On July 1, Anatoli Serebrensky, the interior minister of Portugal, met with Corin Ashgrove in Lisbon. " +
		"Serebrensky said the talks had been useful.\n"},
	{ID: "tri-2", Title: "Generated", Published: "2024-07-02", Text: "Talks in Lisbon\n\n" +
		"On July 2, Anatoly Serebrenskiy, the interior minister of Portugal, met with Tamsin Brown in Lisbon. " +
		"Serebrenskiy said the talks had been useful.\n"},
	{ID: "tri-3", Title: "Generated", Published: "2024-07-03", Text: "Talks in Lisbon\n\n" +
		"On July 3, Anatoliy Serebrenskyi, the interior minister of Portugal, met with Delphine Pellinger in Lisbon. " +
		"Serebrenskyi said the talks had been useful.\n"},
}

func variantTriangleRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	want := sameInAnyBatching(t, open, variantTriangle)
	seen := map[string]bool{}
	for _, s := range []string{"Anatoli Serebrensky", "Anatoly Serebrenskiy", "Anatoliy Serebrenskyi"} {
		h := holders(want, s)
		if len(h) != 1 || seen[h[0]] {
			t.Errorf("one batch: %q is held by %q, want a node of its own", s, h)
			continue
		}
		seen[h[0]] = true
	}
}

// TestVariantDoubtReadsPostsAndPlaces: a spelling-variant merge made before a third spelling came
// is undone on the evidence revise joins on (post words and places too, by article), so the three
// spellings end apart in any batching.
func TestVariantDoubtReadsPostsAndPlaces(t *testing.T) {
	onBothStores(t, variantTriangleRuns)
}

// renamedEvidence is one name written two ways, sharing a place and a bank that the second article
// names more fully ("Bank of Velmora" after "Velmora Bank"), which gives the bank a new id: evidence
// learned under the old id must meet evidence learned under the new one, as in one batch.
var renamedEvidence = []graph.Article{
	{ID: "ren-1", Title: "Generated", Published: "2024-07-01", Text: "Bank talks\n\n" +
		"On July 1, Anatoli Serebrensky met with Corin Ashgrove in Lisbon to discuss the future of the Velmora Bank. " +
		"Serebrensky said the talks had been useful.\n"},
	{ID: "ren-2", Title: "Generated", Published: "2024-07-02", Text: "Bank talks\n\n" +
		"On July 2, Anatoly Serebrenskiy met with Tamsin Brown in Lisbon to discuss the future of the Bank of Velmora. " +
		"Serebrenskiy said the talks had been useful.\n"},
}

func renamedEvidenceRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	want := sameInAnyBatching(t, open, renamedEvidence)
	if a, b := holders(want, "Anatoli Serebrensky"), holders(want, "Anatoly Serebrenskiy"); len(a) != 1 || !slices.Equal(a, b) {
		t.Errorf("one batch: the two spellings are held by %q and %q, want one node", a, b)
	}
}

// TestEvidenceFollowsRenamedIDs: evidence is read under the ids entities have now.
func TestEvidenceFollowsRenamedIDs(t *testing.T) {
	onBothStores(t, renamedEvidenceRuns)
}

// caseSpellings name one organisation in two cases: a store keeps both spellings whatever the
// batches, and so must one batch.
var caseSpellings = []graph.Article{
	{ID: "case-1", Title: "Generated", Published: "2024-07-01", Text: "Oil talks\n\n" +
		"On July 1, Corin Ashgrove of the Northern Trade Council met with Tamsin Brown in Lisbon.\n"},
	{ID: "case-2", Title: "Generated", Published: "2024-07-02", Text: "Oil talks\n\n" +
		"On July 2, Delphine Pellinger of the NORTHERN TRADE COUNCIL met with Tamsin Brown in Lisbon.\n"},
}

func caseSpellingRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	want := sameInAnyBatching(t, open, caseSpellings)
	if a, b := holders(want, "Northern Trade Council"), holders(want, "NORTHERN TRADE COUNCIL"); len(a) != 1 || !slices.Equal(a, b) {
		t.Errorf("one batch: the two spellings are held by %q and %q, want one node with both", a, b)
	}
}

// TestCaseSpellingsKept: every spelling of a node is kept, those that differ only in case too.
func TestCaseSpellingsKept(t *testing.T) {
	onBothStores(t, caseSpellingRuns)
}

// namesakeDocs are two organisations named alike (see resolve's TestNamesakeIDGoesToTheNamesOwn):
// "Quenby", and "QNB", which the last article writes "QNB (Quenby)".
func namesakeDocs(id string) []*extract.Doc {
	doc := func(n string, e *extract.Entity) *extract.Doc {
		e.Mentions = []*extract.Mention{{Text: e.Name, Type: e.Type}}
		return &extract.Doc{Article: graph.Article{ID: id + n, Title: "Generated", Text: e.Name}, Entities: []*extract.Entity{e}}
	}
	return []*extract.Doc{
		doc("1", &extract.Entity{Name: "QNB", Type: graph.Organisation}),
		doc("2", &extract.Entity{Name: "Quenby", Type: graph.Organisation}),
		doc("3", &extract.Entity{Name: "QNB", Type: graph.Organisation, Aliases: []string{"Quenby"}}),
	}
}

// writeResolved resolves and writes articles in batches of the given size as a load does: a batch's
// merges (renames) first, then the batch.
func writeResolved(t *testing.T, s graph.Store, docs []*extract.Doc, size int) {
	t.Helper()
	ctx := context.Background()
	r := resolve.New(lexicon.Default())
	for start := 0; start < len(docs); start += size {
		batch := docs[start:min(start+size, len(docs))]
		r.Add(batch)
		for _, m := range r.Merges() {
			if err := s.(graph.EntityMerger).MergeEntities(ctx, m.Into, m.From); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Write(ctx, resolve.Batch(batch, r)); err != nil {
			t.Fatal(err)
		}
	}
}

func namesakeIDRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	ids := func(size int) map[string]string {
		s := open(t)
		writeResolved(t, s, namesakeDocs("nk"), size)
		out := map[string]string{}
		for _, m := range dump(t, s).Mentions {
			out[m.Article] = m.Entity
		}
		return out
	}
	one, batched := ids(10), ids(1)
	want := map[string]string{"nk1": "organisation:quenby-2", "nk2": "organisation:quenby", "nk3": "organisation:quenby-2"}
	for name, got := range map[string]map[string]string{"one batch": one, "batches of one": batched} {
		for a, id := range want {
			if got[a] != id {
				t.Errorf("%s: article %s names %s, want %s", name, a, got[a], id)
			}
		}
	}
}

// TestNamesakeIDsStored: the plain id goes to the organisation its name leads to in any batching,
// in the store too (the other, written under it first, is renamed).
func TestNamesakeIDsStored(t *testing.T) {
	onBothStores(t, namesakeIDRuns)
}

// shortTypeDocs name a company "Korvanex AB" and, in the same article, "Korvanex" read as a company
// with no sign of one, and a town "Korvanex" in another article, signed as a place. The unsigned
// name is keyed as the company is (its legal form aside): the company's sign is a sign of it in
// one batch as it is once the company is known from an earlier batch.
func shortTypeDocs() []*extract.Doc {
	ent := func(name string, t graph.EntityType, signs ...graph.EntityType) *extract.Entity {
		return &extract.Entity{Name: name, Type: t, Signs: append([]graph.EntityType{}, signs...),
			Mentions: []*extract.Mention{{Text: name, Type: t}}}
	}
	doc := func(id string, es ...*extract.Entity) *extract.Doc {
		return &extract.Doc{Article: graph.Article{ID: id, Title: "Generated", Text: es[0].Name}, Entities: es}
	}
	return []*extract.Doc{
		doc("st1", ent("Korvanex AB", graph.Organisation, graph.Organisation), ent("Korvanex", graph.Organisation)),
		doc("st2", ent("Korvanex", graph.Place, graph.Place)),
	}
}

// resolvedAnyBatching resolves and writes articles (built anew by docs) in one batch and in batches
// of one in order and in reverse, then runs a load of one article that names nothing (which undoes
// what the store's evidence makes doubtful and revises, as a load does at its start and end), requires the same
// graph of each, and returns the one-batch graph (comparable).
func resolvedAnyBatching(t *testing.T, open func(t *testing.T) graph.Store, docs func() []*extract.Doc) *graph.Batch {
	t.Helper()
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	writeJSONL(t, empty, []graph.Article{{ID: "rain", Title: "Generated", Published: "2024-07-09", Text: "Weather\n\nIt rained all day.\n"}})
	load := func(size int, reverse bool) *graph.Batch {
		ds := docs()
		if reverse {
			slices.Reverse(ds)
		}
		s := open(t)
		writeResolved(t, s, ds, size)
		mustLoad(t, s, opts([]string{empty}, 1))
		return comparable(dump(t, s))
	}
	one := load(10, false)
	for _, c := range []struct {
		name    string
		reverse bool
	}{{"batches of one", false}, {"batches of one, in reverse", true}} {
		storetest.CompareBatches(t, load(1, c.reverse), one)
		if t.Failed() {
			t.Fatalf("%s differs from one batch", c.name)
		}
	}
	return one
}

func shortTypeRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	one := resolvedAnyBatching(t, open, shortTypeDocs)
	if h := holders(one, "Korvanex"); !slices.Contains(h, "organisation:Korvanex|Korvanex AB") {
		t.Errorf("one batch: Korvanex is held by %q, want the company among them", h)
	}
}

// TestSignsReadUnderTheKey: a name's signs count for the spellings its key joins, so an unsigned
// short form of a signed company files alike in any batching.
func TestSignsReadUnderTheKey(t *testing.T) {
	onBothStores(t, shortTypeRuns)
}

// shortForms write a council's acronym out beside its name ("Velmora Trade Council (VTC)") and use
// it alone in another article, and a cooperative that writes the same acronym beside its own name.
var shortForms = []graph.Article{
	{ID: "sf-1", Title: "Generated", Published: "2024-07-01", Text: "Trade talks\n\n" +
		"The Velmora Trade Council (VTC) met on July 1 in Lisbon. Corin Ashgrove said the talks had been useful.\n"},
	{ID: "sf-2", Title: "Generated", Published: "2024-07-02", Text: "Exports\n\n" +
		"The VTC said on July 2 that exports rose by a tenth in June.\n"},
	{ID: "sf-3", Title: "Generated", Published: "2024-07-03", Text: "Cloth prices\n\n" +
		"The Varden Textile Cooperative (VTC) said on July 3 in Oslo that cloth prices would rise.\n"},
}

// articlesOf lists the articles that mention a node (as comparable names it).
func articlesOf(b *graph.Batch, id string) []string {
	var out []string
	for _, m := range b.Mentions {
		if m.Entity == id {
			out = append(out, m.Article)
		}
	}
	slices.Sort(out)
	return out
}

func oneClaimantRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	want := sameInAnyBatching(t, open, shortForms[:2])
	council := "organisation:VTC|Velmora Trade Council"
	if got := articlesOf(want, council); !slices.Equal(got, []string{"sf-1", "sf-2"}) {
		t.Errorf("one batch: the council is named in %q, want both articles", got)
	}
}

// TestShortFormJoinsItsOneClaimant: an article naming an organisation by the acronym another
// article wrote beside its name joins it, whichever of the two came first.
func TestShortFormJoinsItsOneClaimant(t *testing.T) {
	onBothStores(t, oneClaimantRuns)
}

func twoClaimantsRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	want := sameInAnyBatching(t, open, shortForms)
	if got := articlesOf(want, "organisation:VTC"); !slices.Equal(got, []string{"sf-2"}) {
		t.Errorf("one batch: the acronym alone is a node named in %q, want [sf-2]", got)
	}
}

// TestShortFormOfTwoNamesNone: an acronym two organisations write beside their names leads to
// neither: the article naming it alone is a node of its own in any batching (batches of one in
// order join it to the council, then undo that when the cooperative comes).
func TestShortFormOfTwoNamesNone(t *testing.T) {
	onBothStores(t, twoClaimantsRuns)
}

// readAsPersonDocs: two organisations write the acronym "VTC" beside their names, a third article
// names "VTC" alone, read as a person with no sign of one, and a fourth names it alone as an
// organisation.
func readAsPersonDocs() []*extract.Doc {
	ent := func(name string, t graph.EntityType, aliases ...string) *extract.Entity {
		e := &extract.Entity{Name: name, Type: t, Aliases: aliases, Signs: []graph.EntityType{},
			Mentions: []*extract.Mention{{Text: name, Type: t}}}
		if t == graph.Organisation {
			e.Signs = []graph.EntityType{t}
		}
		return e
	}
	doc := func(id string, e *extract.Entity) *extract.Doc {
		return &extract.Doc{Article: graph.Article{ID: id, Title: "Generated", Text: e.Name}, Entities: []*extract.Entity{e}}
	}
	return []*extract.Doc{
		doc("rp1", ent("Velmora Trade Council", graph.Organisation, "VTC")),
		doc("rp2", ent("Varden Textile Cooperative", graph.Organisation, "VTC")),
		doc("rp3", ent("VTC", graph.Person)),
		doc("rp4", ent("VTC", graph.Organisation)),
	}
}

func readAsPersonRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	one := resolvedAnyBatching(t, open, readAsPersonDocs)
	if got := articlesOf(one, "organisation:VTC"); !slices.Equal(got, []string{"rp3", "rp4"}) {
		t.Errorf("one batch: the acronym alone is a node named in %q, want [rp3 rp4]", got)
	}
}

// TestShortFormReadAsOtherType: a short form read as another type with no sign of it does not
// join an organisation that holds it only as a short form (which one it names is decided on every
// claim), so it files alike in any batching.
func TestShortFormReadAsOtherType(t *testing.T) {
	onBothStores(t, readAsPersonRuns)
}
