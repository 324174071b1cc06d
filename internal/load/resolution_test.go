package load_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/query"
	"github.com/kgnews/kg/internal/resolve"
	"github.com/kgnews/kg/internal/storetest"
)

// TestHardCorpusNoWrongMerge resolves a generated corpus built to be hard (people sharing surnames
// and employers, companies named after people, names one letter from an English word,
// transliterations, surname-only articles) and requires that no node holds two real entities, that
// companies are organisations, and that transliterated names do end as one node.
func TestHardCorpusNoWrongMerge(t *testing.T) {
	hc := storetest.GenerateHard(240, 5, true)
	path := filepath.Join(t.TempDir(), "hard.jsonl")
	writeJSONL(t, path, hc.Articles)
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]map[string]bool{} // node id → true ids of its names
	nodeOf := map[string]map[string]bool{}  // true id → node ids
	found, want := 0, 0
	for _, d := range res.Docs {
		truth := hc.Truth[d.Article.ID]
		want += len(truth)
		for _, e := range d.Entities {
			c := res.Resolver.Of(e)
			truthID, ok := truth[e.Name]
			if c == nil || !ok {
				continue
			}
			found++
			if strings.HasPrefix(truthID, "o:") && c.Type != graph.Organisation {
				t.Errorf("%s: company %q resolved as %s %s", d.Article.ID, e.Name, c.Type, c.ID)
			}
			if members[c.ID] == nil {
				members[c.ID] = map[string]bool{}
			}
			members[c.ID][truthID] = true
			if nodeOf[truthID] == nil {
				nodeOf[truthID] = map[string]bool{}
			}
			if strings.Contains(e.Name, " ") { // a surname alone may rightly stay a partial node
				nodeOf[truthID][c.ID] = true
			}
		}
	}
	if found < want*9/10 {
		t.Fatalf("extraction found %d of the %d generated names: too few to judge resolution", found, want)
	}
	for id, m := range members {
		if len(m) > 1 {
			var ts []string
			for x := range m {
				ts = append(ts, x)
			}
			sort.Strings(ts)
			t.Errorf("wrong merge: node %s holds %s", id, strings.Join(ts, ", "))
		}
	}
	for _, v := range hc.Variants {
		if len(nodeOf[v]) != 1 {
			t.Errorf("%s written several ways is %d nodes under its full names, want 1", v, len(nodeOf[v]))
		}
	}
}

// laterBatches are two batches that join only across batches: the first names a person by surname
// alone and another by one spelling, the second gives the first's full name (an organisation in
// common) and the other's other spelling (a post and an organisation in common); a bank named in the
// first by its fullest name ("Bank of Velmora") is named in the second with its words in another order.
// Loaded in either order, or in one run, they end as three nodes of one spelling set each: the
// partial node upgraded, the variants joined, the bank one node whose id its fullest name gives.
var laterBatches = [2][]graph.Article{{
	{ID: "later-1", Title: "Generated", Published: "2024-05-02", Text: "Council meets again\n\n" +
		"Mr Thorncliffe of the Harbour Development Bank said on May 2 that the council would meet again in Accra. " +
		"Analysts at the Bank of Velmora said the meeting had been useful.\n"},
	{ID: "later-2", Title: "Generated", Published: "2024-05-03", Text: "Talks in Lisbon\n\n" +
		"On May 3, Trade Minister Corin Ashgrove met with Anatoli Serebrensky, the ambassador of the Mountain Rescue League, in Lisbon. " +
		"Ashgrove said the talks with the Northern Trade Council had been useful.\n"},
}, {
	{ID: "later-3", Title: "Generated", Published: "2024-05-04", Text: "Talks in Accra\n\n" +
		"On May 4, Finance Minister Aldous Thorncliffe met with Rowan Medley, the spokesperson of the Northern Trade Council, in Accra. " +
		"Thorncliffe said the talks with the Harbour Development Bank had been useful.\n"},
	{ID: "later-4", Title: "Generated", Published: "2024-05-05", Text: "Talks in Hanoi\n\n" +
		"On May 5, Ambassador Tamsin Brown met with Anatoly Serebrenskiy, the ambassador of the Mountain Rescue League, in Hanoi. " +
		"Brown said the talks with the Harbour Development Bank had been useful. " +
		"A spokesperson for the Velmora Bank welcomed the talks.\n"},
}}

// orderRuns loads the hard corpus (transliterated spellings included), cut into six batches of
// twenty articles, and the two laterBatches, into fresh stores in different ways: in order (the
// partial node before its full name); in reverse order (the full name first); in two runs (the odd
// batches, then the even ones: the full name and one spelling stored by the first run, the surname
// and the other spelling added by the second); interrupted after the second batch and run again.
// All must give the same nodes, spellings, mentions and relations, and the later batches' surname
// and spellings must have joined their full names.
func orderRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	const size = 20
	files := orderFiles(t, size)
	ref := open(t)
	mustLoad(t, ref, opts(files, size))
	want := comparable(dump(t, ref))
	checkJoined(t, ref, want)
	check := func(name string, s graph.Store) {
		t.Helper()
		got := comparable(dump(t, s))
		storetest.CompareBatches(t, got, want)
		if t.Failed() {
			t.Fatalf("%s differs from loading the batches in order", name)
		}
		// and named, and given ids, as in order: both come from the spellings, not from which came first
		sameIDs(t, name, dump(t, s), dump(t, ref))
	}

	s := open(t)
	var rev []string
	for i := len(files) - 1; i >= 0; i-- {
		rev = append(rev, files[i])
	}
	mustLoad(t, s, opts(rev, size))
	check("reverse order", s)

	s = open(t)
	mustLoad(t, s, opts([]string{files[1], files[3], files[5], files[7]}, size))
	mustLoad(t, s, opts([]string{files[0], files[2], files[4], files[6]}, size))
	check("two runs", s)

	s = open(t)
	ctx, cancel := context.WithCancel(context.Background())
	steps := 0
	o := opts(files, size)
	o.Step = func() {
		if steps++; steps == 4 { // after the second batch is written
			cancel()
		}
	}
	sum, err := load.Load(ctx, s, o)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted {
		t.Fatal("the load was not interrupted")
	}
	mustLoad(t, s, opts(files, size))
	check("interrupted and resumed", s)
}

// sameIDs requires every node of got to have the id and name the node of want with the same type
// and spellings has.
func sameIDs(t *testing.T, name string, got, want *graph.Batch) {
	t.Helper()
	key := func(e graph.Entity) string {
		all := append([]string{e.Name}, e.Aliases...)
		sort.Strings(all)
		return string(e.Type) + ":" + strings.Join(all, "|")
	}
	ids := map[string]graph.Entity{}
	for _, e := range want.Entities {
		ids[key(e)] = e
	}
	for _, e := range got.Entities {
		w, ok := ids[key(e)]
		if !ok || w.ID != e.ID || w.Name != e.Name {
			t.Errorf("%s: %s %q is %s; loading in order gives %q %s", name, e.Type, e.Name, e.ID, w.Name, w.ID)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// orderFiles writes the hard corpus (transliterated spellings included) in six batches of size
// articles, and the two laterBatches filled up with generated articles, one file per batch.
func orderFiles(t *testing.T, size int) []string {
	hc := storetest.GenerateHard(8*size, 9, true)
	dir := t.TempDir()
	var files []string
	for i := 0; i < 8; i++ {
		arts := hc.Articles[i*size : (i+1)*size]
		if i >= 6 { // a batch of its own, filled up with generated articles
			arts = append(append([]graph.Article{}, laterBatches[i-6]...), arts[len(laterBatches[i-6]):]...)
		}
		p := filepath.Join(dir, "batch-"+string(rune('a'+i))+".jsonl")
		writeJSONL(t, p, arts)
		files = append(files, p)
	}
	return files
}

// checkJoined requires a load of the orderFiles in order to have joined what the laterBatches name
// across batches, and the bank's old id to find it.
func checkJoined(t *testing.T, ref graph.Store, want *graph.Batch) {
	t.Helper()
	if len(want.Entities) < 40 {
		t.Fatalf("only %d entities: too few to compare", len(want.Entities))
	}
	for _, spellings := range [][]string{{"Aldous Thorncliffe", "Thorncliffe"}, {"Anatoli Serebrensky", "Anatoly Serebrenskiy"}} {
		sort.Strings(spellings)
		var holders []string // the nodes holding one of the spellings
		for _, e := range want.Entities {
			for _, a := range e.Aliases {
				if slices.Contains(spellings, a) {
					holders = append(holders, e.ID)
					break
				}
			}
		}
		if len(holders) != 1 || holders[0] != "person:"+strings.Join(spellings, "|") {
			t.Errorf("%q are held by %q, want one node: the batches that name it were not joined", spellings, holders)
		}
	}
	// the bank's id comes from its fullest name; the id its other name gives (which a load in
	// reverse order gave it before ids followed names) still finds it
	q := &query.Engine{S: ref}
	for _, id := range []string{"organisation:bank-of-velmora", "organisation:velmora-bank"} {
		if e, err := q.Resolve(context.Background(), id); err != nil || e.ID != "organisation:bank-of-velmora" {
			t.Errorf("%s finds %q, %v; want organisation:bank-of-velmora", id, e.ID, err)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// comparable is a canonical dump in which every entity is known by its type and all its spellings
// rather than by its id and name, without merge reasons, and articles without the file they were
// read from. Merge reasons name the spelling a node had when another joined it, so they can depend
// on the order articles come in; which nodes there are, their ids and names (checked apart, by
// sameIDs), spellings, mentions and relations must not.
func comparable(b *graph.Batch) *graph.Batch {
	ids := map[string]string{}
	for i, e := range b.Entities {
		all := append([]string{e.Name}, e.Aliases...)
		sort.Strings(all)
		ids[e.ID] = strings.ToLower(string(e.Type)) + ":" + strings.Join(all, "|")
		b.Entities[i] = graph.Entity{ID: ids[e.ID], Type: e.Type, Aliases: all}
	}
	for i := range b.Articles {
		b.Articles[i].Source = ""
	}
	for i := range b.Mentions {
		b.Mentions[i].Entity = ids[b.Mentions[i].Entity]
	}
	for i := range b.Relations {
		r := &b.Relations[i]
		r.From, r.To = ids[r.From], ids[r.To]
		for j := range r.Facts {
			if p := r.Facts[j].Place; p != "" {
				r.Facts[j].Place = ids[p]
			}
		}
	}
	graph.Canonicalize(b)
	return b
}

func TestBatchOrderIndependent(t *testing.T) {
	onBothStores(t, orderRuns)
}

// TestCorrections forces a merge the evidence does not support, then undoes it with a split, through
// the corrections file every load reads; the stored graph follows the file on a fresh load.
func TestCorrections(t *testing.T) {
	dir := t.TempDir()
	arts := []graph.Article{
		{ID: "c1", Text: "Talks\n\nTrade Minister Yusri Qasimi met Ambassador Corin Ashgrove in Oslo on Monday.\n"},
		{ID: "c2", Text: "Talks\n\nTrade Minister Yusri Kasimi met Ambassador Delphine Pellinger in Lima on Monday.\n"},
	}
	in := filepath.Join(dir, "in.jsonl")
	writeJSONL(t, in, arts)
	fixes := filepath.Join(dir, "corrections.tsv")
	nodes := func() (map[string]bool, []string) {
		t.Helper()
		fix, err := resolve.ReadCorrections(fixes)
		if err != nil {
			t.Fatal(err)
		}
		o := opts([]string{in}, 10)
		o.Corrections = fix
		s := openSQLite(t)
		mustLoad(t, s, o)
		ids := map[string]bool{}
		var why []string
		for _, e := range dump(t, s).Entities {
			if strings.Contains(e.Name, "Yusri") {
				ids[e.ID] = true
				why = append(why, e.Merges...)
			}
		}
		return ids, why
	}
	if ids, _ := nodes(); len(ids) != 2 {
		t.Fatalf("without corrections: %v, want two nodes (the names share no evidence)", ids)
	}
	if err := resolve.AppendCorrection(fixes, "merge", "Yusri Qasimi", "Yusri Kasimi"); err != nil {
		t.Fatal(err)
	}
	ids, why := nodes()
	if len(ids) != 1 || len(why) != 1 || !strings.Contains(why[0], "by a correction") {
		t.Fatalf("after merge: %v %q, want one node with the correction as its reason", ids, why)
	}
	if err := resolve.AppendCorrection(fixes, "split", "Yusri Kasimi"); err != nil {
		t.Fatal(err)
	}
	if ids, _ := nodes(); len(ids) != 2 {
		t.Fatalf("after split: %v, want two nodes again", ids)
	}
	os.WriteFile(fixes, []byte("merge\tonly one name\n"), 0o644)
	if _, err := resolve.ReadCorrections(fixes); err == nil || !strings.Contains(err.Error(), "corrections.tsv:1") {
		t.Errorf("a malformed line: %v, want an error naming the file and line", err)
	}
}

// noMerge hides a store's merging: the merges a run decides are left undone, as an older kgload
// that merged after writing left them when it was killed between the two.
type noMerge struct{ graph.Store }

// cutAfterMerge is a store whose load is killed once it has merged: the batch the merges were made
// for is not written.
type cutAfterMerge struct {
	graph.Store
	merged bool
}

func (c *cutAfterMerge) MergeEntities(ctx context.Context, into graph.Entity, from []string) error {
	c.merged = true
	return c.Store.(graph.EntityMerger).MergeEntities(ctx, into, from)
}

func (c *cutAfterMerge) Evidence(ctx context.Context) ([]graph.Mention, []graph.Relation, error) {
	return c.Store.(graph.EntityMerger).Evidence(ctx)
}

func (c *cutAfterMerge) SplitEntity(ctx context.Context, sp graph.Split) error {
	return c.Store.(graph.EntityMerger).SplitEntity(ctx, sp)
}

func (c *cutAfterMerge) Write(ctx context.Context, b *graph.Batch) error {
	if c.merged {
		return errors.New("killed between merging and writing")
	}
	return c.Store.Write(ctx, b)
}

// mergeCutShort loads the laterBatches with the merges they decide left undone (the partial node
// and its full name, the two spellings, stored apart), and in reverse order with the load killed
// between the second batch's merges (the bank stored under its shorter name renamed to its fullest)
// and its write; then it runs the same load again: each must end with the graph one clean load
// gives, ids included.
func mergeCutShort(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	var files []string
	for i, arts := range laterBatches {
		p := filepath.Join(dir, "later-"+string(rune('a'+i))+".jsonl")
		writeJSONL(t, p, arts)
		files = append(files, p)
	}
	ref := open(t)
	mustLoad(t, ref, opts(files, 2))
	want := comparable(dump(t, ref))
	check := func(name string, s graph.Store, order []string, unchanged int) {
		t.Helper()
		sum := mustLoad(t, s, opts(order, 2))
		if sum.Unchanged != unchanged {
			t.Errorf("%s: the second run found %d articles unchanged, want %d", name, sum.Unchanged, unchanged)
		}
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		sameIDs(t, name, dump(t, s), dump(t, ref))
	}

	s := open(t)
	mustLoad(t, noMerge{s}, opts(files, 2))
	if cut := comparable(dump(t, s)); len(cut.Entities) == len(want.Entities) {
		t.Fatalf("%d entities without the merges, as many as with them: the batches decided no merge to cut short", len(cut.Entities))
	}
	check("merges left undone", s, files, 4)

	s = open(t)
	rev := []string{files[1], files[0]}
	if _, err := load.Load(context.Background(), &cutAfterMerge{Store: s}, opts(rev, 2)); err == nil {
		t.Fatal("the load was not cut short: its batches decided no merge")
	}
	check("killed between merging and writing", s, rev, 2)
}

func TestMergeCutShort(t *testing.T) {
	onBothStores(t, mergeCutShort)
}

// correctStored loads two spellings that share no evidence (two nodes), then applies a forced merge
// to the stored graph: once with load.Revise (what `kgload merge` runs) and once by a load of the
// same, unchanged articles. Both give one node with the correction as its reason, and a reload
// keeps it.
func correctStored(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	writeJSONL(t, in, []graph.Article{
		{ID: "c1", Text: "Talks\n\nTrade Minister Yusri Qasimi met Ambassador Corin Ashgrove in Oslo on Monday.\n"},
		{ID: "c2", Text: "Talks\n\nTrade Minister Yusri Kasimi met Ambassador Delphine Pellinger in Lima on Monday.\n"},
	})
	fix := mustCorrections(t, filepath.Join(dir, "none.tsv"))
	fix.Merge("Yusri Qasimi", "Yusri Kasimi")
	yusri := func(s graph.Store) ([]string, []string) {
		t.Helper()
		var ids, why []string
		for _, e := range dump(t, s).Entities {
			if strings.Contains(e.Name, "Yusri") {
				ids = append(ids, e.ID)
				why = append(why, e.Merges...)
			}
		}
		return ids, why
	}
	for _, how := range []string{"kgload merge", "a load"} {
		s := open(t)
		mustLoad(t, s, opts([]string{in}, 10))
		if ids, _ := yusri(s); len(ids) != 2 {
			t.Fatalf("without corrections: %v, want two nodes (the names share no evidence)", ids)
		}
		o := opts([]string{in}, 10)
		o.Corrections = fix
		if how == "kgload merge" {
			n, err := load.Revise(context.Background(), s, o)
			if err != nil || n != 1 {
				t.Fatalf("Revise: %d merged, %v; want 1", n, err)
			}
		} else {
			mustLoad(t, s, o)
		}
		ids, why := yusri(s)
		if len(ids) != 1 || len(why) != 1 || !strings.Contains(why[0], "by a correction") {
			t.Fatalf("%s: %v %q, want one node with the correction as its reason", how, ids, why)
		}
		d := dump(t, s)
		mustLoad(t, s, o)
		storetest.CompareBatches(t, dump(t, s), d)
	}
}

func mustCorrections(t *testing.T, path string) *resolve.Corrections {
	t.Helper()
	c, err := resolve.ReadCorrections(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCorrectionsStored(t *testing.T) {
	onBothStores(t, correctStored)
}

// splitStored splits a spelling off stored entities with load.Split (what `kgload split` runs): a
// forced merge of two spellings undone by splitting the one that had become the node's name, and a
// surname upgraded into its full name undone where one article named the person by the surname
// alone while another used both. Each store must end as a load that followed the split from the
// start (ids, names, spellings, reasons, mentions, relations and facts), a second split must change
// nothing, and a reload with the corrections must keep it.
func splitStored(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	yusri := filepath.Join(dir, "yusri.jsonl")
	writeJSONL(t, yusri, []graph.Article{
		{ID: "c1", Text: "Talks\n\nTrade Minister Yusri Qasimi met Ambassador Corin Ashgrove in Oslo on Monday.\n"},
		{ID: "c2", Text: "Talks\n\nTrade Minister Yusri Kasimi met Ambassador Delphine Pellinger in Lima on Monday.\n"},
	})
	var later []string
	for i, arts := range laterBatches {
		p := filepath.Join(dir, "later-"+string(rune('a'+i))+".jsonl")
		writeJSONL(t, p, arts)
		later = append(later, p)
	}
	for _, c := range []struct {
		files        []string
		merge, split string
		moved        int
	}{
		{[]string{yusri}, "Yusri Qasimi", "Yusri Kasimi", 1},
		{later, "", "Thorncliffe", 1},
	} {
		fix := mustCorrections(t, filepath.Join(dir, "none.tsv"))
		if c.merge != "" {
			fix.Merge(c.merge, c.split)
		}
		o := opts(c.files, 2)
		o.Corrections = fix
		s := open(t)
		mustLoad(t, s, o)
		joined := 0
		for _, e := range dump(t, s).Entities {
			if all := append([]string{e.Name}, e.Aliases...); slices.Contains(all, c.split) && len(all) > 1 {
				joined++
			}
		}
		if joined != 1 {
			t.Fatalf("%s: %d nodes hold it with another spelling before the split, want 1", c.split, joined)
		}
		fix.Split(c.split)
		sum, err := load.Split(context.Background(), s, o, c.split)
		if err != nil || sum.Entities != 1 || sum.Moved != c.moved || sum.Unknown != 0 {
			t.Fatalf("Split(%s): %+v, %v; want 1 entity, %d article moved", c.split, sum, err, c.moved)
		}
		ref := open(t)
		mustLoad(t, ref, o)
		want := dump(t, ref)
		storetest.CompareBatches(t, dump(t, s), want)
		if t.Failed() {
			t.Fatalf("split %s differs from a load that followed it", c.split)
		}
		if sum, err := load.Split(context.Background(), s, o, c.split); err != nil || sum.Entities != 0 {
			t.Errorf("Split(%s) again: %+v, %v; want nothing to split", c.split, sum, err)
		}
		mustLoad(t, s, o)
		storetest.CompareBatches(t, dump(t, s), want)
	}
}

func TestSplitStored(t *testing.T) {
	onBothStores(t, splitStored)
}

// namesakeRuns loads the laterBatches and a third batch that names another man with Thorncliffe's
// surname, in one batch and in ways where the surname was joined to the one full name known before
// the namesake came (in order in one run, in two runs). With two people of that surname known, the
// surname alone must end as a partial node in every one, with the ids and names of the one batch.
func namesakeRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	var files []string
	for i, arts := range append(laterBatches[:], []graph.Article{{ID: "later-5", Title: "Generated", Published: "2024-05-06",
		Text: "Visit to Lisbon\n\nOn May 6, Ambassador Bertram Thorncliffe met with Corin Ashgrove in Lisbon. " +
			"Thorncliffe said the visit had been useful.\n"}}) {
		p := filepath.Join(dir, "namesake-"+string(rune('a'+i))+".jsonl")
		writeJSONL(t, p, arts)
		files = append(files, p)
	}
	ref := open(t)
	mustLoad(t, ref, opts(files, 10))
	want := comparable(dump(t, ref))
	partial := false
	for _, e := range want.Entities {
		partial = partial || e.ID == "person:Thorncliffe"
	}
	if !partial {
		t.Fatalf("one batch: no partial node Thorncliffe in %v", want.Entities)
	}
	check := func(name string, s graph.Store) {
		t.Helper()
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		if t.Failed() {
			t.Fatalf("%s differs from one batch", name)
		}
		sameIDs(t, name, dump(t, s), dump(t, ref))
	}
	s := open(t)
	mustLoad(t, s, opts(files, 2))
	check("three batches in one run", s)
	s = open(t)
	mustLoad(t, s, opts(files[:2], 2))
	mustLoad(t, s, opts(files[2:], 2))
	check("two runs", s)
	s = open(t)
	mustLoad(t, s, opts(files[2:], 2))
	mustLoad(t, s, opts(files[:2], 2))
	check("the namesake first", s)
}

func TestNamesakeUndoesSurnameMerge(t *testing.T) {
	onBothStores(t, namesakeRuns)
}

// thirdSpelling is one name written three ways in three articles: the first two share two
// organisations, the last two share two others, the first and the last share none. With all three
// known, the middle spelling has two candidates that are not each other's, so no two are one person.
var thirdSpelling = []graph.Article{
	{ID: "third-1", Title: "Generated", Published: "2024-05-03", Text: "Talks in Lisbon\n\n" +
		"On May 3, Trade Minister Corin Ashgrove met with Anatoli Serebrensky, the ambassador of the Mountain Rescue League, in Lisbon. " +
		"Ashgrove said the talks with the Northern Trade Council had been useful.\n"},
	{ID: "third-2", Title: "Generated", Published: "2024-05-05", Text: "Talks in Hanoi\n\n" +
		"On May 5, Ambassador Tamsin Brown met with Anatoly Serebrenskiy, the ambassador of the Mountain Rescue League, in Hanoi. " +
		"Brown said the talks with the Northern Trade Council, the Harbour Development Bank and the Bank of Velmora had been useful.\n"},
	{ID: "third-3", Title: "Generated", Published: "2024-05-07", Text: "Visit to Oslo\n\n" +
		"On May 7, Finance Minister Delphine Pellinger met with Anatoliy Serebrenskyi, the chairman of the Harbour Development Bank, in Oslo. " +
		"Pellinger said the talks with the Bank of Velmora had been useful.\n"},
}

// thirdSpellingRuns loads the thirdSpelling articles in one batch, where no spelling is another's
// one candidate and nothing is joined, and in ways where two were joined before the third came (the
// first two in one batch or run, the third in the next, and the reverse) or never met in one batch
// (the first and last, then the middle one): every way must end as three nodes of one spelling each,
// ids included, and the load that undid a merge must say why.
func thirdSpellingRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	file := func(name string, arts ...graph.Article) string {
		p := filepath.Join(dir, name+".jsonl")
		writeJSONL(t, p, arts)
		return p
	}
	a, b, c := thirdSpelling[0], thirdSpelling[1], thirdSpelling[2]
	ab, cf, ac, bf := file("ab", a, b), file("c", c), file("ac", a, c), file("b", b)
	ref := open(t)
	sum := mustLoad(t, ref, opts([]string{ab, cf}, 10))
	want := comparable(dump(t, ref))
	var held []string
	for _, e := range want.Entities {
		for _, s := range e.Aliases {
			if strings.Contains(s, "Serebrensk") {
				held = append(held, strings.Join(e.Aliases, "|"))
			}
		}
	}
	sort.Strings(held)
	if strings.Join(held, ", ") != "Anatoli Serebrensky, Anatoliy Serebrenskyi, Anatoly Serebrenskiy" {
		t.Fatalf("one batch: the spellings are held as %q, want three nodes of one spelling each", held)
	}
	if len(sum.Undone) != 0 {
		t.Errorf("one batch: undone %q, want nothing: no two spellings are each other's one candidate", sum.Undone)
	}
	check := func(name string, runs ...[]string) []string {
		t.Helper()
		s := open(t)
		var undone []string
		for _, r := range runs {
			undone = append(undone, mustLoad(t, s, opts(r, 2)).Undone...)
		}
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		if t.Failed() {
			t.Fatalf("%s differs from one batch (undone: %q)", name, undone)
		}
		sameIDs(t, name, dump(t, s), dump(t, ref))
		return undone
	}
	if u := check("two batches", []string{ab, cf}); !strings.Contains(strings.Join(u, "\n"), "spelling variant of both") {
		t.Errorf("two batches: undone %q, want the variant merge of the first batch split off with its reason", u)
	}
	check("two batches, the third first", []string{cf, ab})
	check("two runs", []string{ab}, []string{cf})
	check("two runs, the third first", []string{cf}, []string{ab})
	check("two runs, the middle last", []string{ac}, []string{bf})
	check("two runs, the middle first", []string{bf}, []string{ac})

	// a researcher's forced merge of the first and the last is never doubtful: the middle spelling,
	// a variant of both, stays with them
	fix := mustCorrections(t, filepath.Join(dir, "none.tsv"))
	fix.Merge("Anatoli Serebrensky", "Anatoliy Serebrenskyi")
	o := opts([]string{ab, cf}, 10)
	o.Corrections = fix
	s := open(t)
	if u := mustLoad(t, s, o).Undone; len(u) != 0 {
		t.Errorf("with the first and the last forced together: undone %q, want nothing", u)
	}
	for _, e := range dump(t, s).Entities {
		if all := append([]string{e.Name}, e.Aliases...); slices.Contains(all, "Anatoly Serebrenskiy") && len(all) != 3 {
			t.Errorf("with the first and the last forced together, the middle spelling is held with %q, want all three", all)
		}
	}
}

func TestThirdSpellingUndoesVariantMerge(t *testing.T) {
	onBothStores(t, thirdSpellingRuns)
}

// batchSizeArticles join or stay apart on evidence the lasting rules read, whatever the batches: a
// surname alone sharing only a place with the one full name known with it (a partial node, as a
// place is no evidence), a surname alone in two articles of which one shares an organisation with
// the full name (both join it), and two spellings of one name with an organisation and a post in
// common (one node).
var batchSizeArticles = []graph.Article{
	{ID: "size-1", Title: "Generated", Published: "2024-06-02", Text: "Talks in Oslo\n\n" +
		"On June 2, Finance Minister Delphine Pellinger met with Corin Ashgrove in Oslo. " +
		"Pellinger said the talks had been useful.\n"},
	{ID: "size-2", Title: "Generated", Published: "2024-06-03", Text: "Port reopens\n\n" +
		"Mr Pellinger said on June 3 that the port of Oslo would reopen next week.\n"},
	laterBatches[0][0], // Mr Thorncliffe of the Harbour Development Bank, in Accra
	{ID: "size-3", Title: "Generated", Published: "2024-06-04", Text: "Council delayed\n\n" +
		"Mr Thorncliffe said on June 4 that the council would not meet in Accra this month.\n"},
	laterBatches[1][0], // Aldous Thorncliffe and the Harbour Development Bank
	laterBatches[0][1], // Anatoli Serebrensky
	laterBatches[1][1], // Anatoly Serebrenskiy
}

// batchSizeRuns loads batchSizeArticles in one batch and in batches of one article, in order and in
// reverse, and requires the same nodes, spellings, mentions, relations, names and ids.
func batchSizeRuns(t *testing.T, open func(t *testing.T) graph.Store) {
	dir := t.TempDir()
	fwd, rev := filepath.Join(dir, "fwd.jsonl"), filepath.Join(dir, "rev.jsonl")
	writeJSONL(t, fwd, batchSizeArticles)
	back := slices.Clone(batchSizeArticles)
	slices.Reverse(back)
	writeJSONL(t, rev, back)
	ref := open(t)
	mustLoad(t, ref, opts([]string{fwd}, 100))
	want := comparable(dump(t, ref))
	holders := func(spelling string) []string {
		var out []string
		for _, e := range want.Entities {
			if slices.Contains(e.Aliases, spelling) {
				out = append(out, e.ID)
			}
		}
		return out
	}
	for spelling, nodes := range map[string][]string{
		// the full name's own article calls it "Pellinger" too; the other article's is a partial node
		"Pellinger":            {"person:Delphine Pellinger|Pellinger", "person:Pellinger"},
		"Thorncliffe":          {"person:Aldous Thorncliffe|Thorncliffe"},
		"Anatoly Serebrenskiy": {"person:Anatoli Serebrensky|Anatoly Serebrenskiy"},
	} {
		if h := holders(spelling); !slices.Equal(h, nodes) {
			t.Errorf("one batch: %q is held by %q, want %q", spelling, h, nodes)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	for _, c := range []struct {
		name string
		file string
	}{{"batches of one", fwd}, {"batches of one, in reverse", rev}} {
		s := open(t)
		mustLoad(t, s, opts([]string{c.file}, 1))
		storetest.CompareBatches(t, comparable(dump(t, s)), want)
		if t.Failed() {
			t.Fatalf("%s differs from one batch", c.name)
		}
		sameIDs(t, c.name, dump(t, s), dump(t, ref))
	}
}

func TestBatchSizeIndependent(t *testing.T) {
	onBothStores(t, batchSizeRuns)
}

// onBothStores runs a test against a store of each kind: the embedded SQLite file, and the test Neo4j
// (skipped, with the reason, when no test server is named).
func onBothStores(t *testing.T, run func(t *testing.T, open func(t *testing.T) graph.Store)) {
	t.Run("embedded", func(t *testing.T) { run(t, openSQLite) })
	t.Run("neo4j", func(t *testing.T) {
		run(t, func(t *testing.T) graph.Store { return neo4jtest.Open(t) })
	})
}
