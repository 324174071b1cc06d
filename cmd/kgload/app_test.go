package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"kgload"}, args...), strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// copySeeds copies the seed articles into a fresh folder and returns it.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(storetest.SeedsDir(), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// dumpFile returns the canonical dump of an embedded database file.
func dumpFile(t *testing.T, db string) *graph.Batch {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func counts(t *testing.T, db string) graph.Counts {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLoadTwiceChangesNothing(t *testing.T) {
	in := copySeeds(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	r := runCLI(t, "", "--db", db, in)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	first := counts(t, db)
	if first.Articles != 5 || first.Entities == 0 || first.Relations == 0 {
		t.Fatalf("after one load: %+v", first)
	}
	if !strings.Contains(r.stdout, "read 5 articles") {
		t.Errorf("summary does not say how many articles were read:\n%s", r.stdout)
	}
	r = runCLI(t, "", "--db", db, in)
	if r.code != exitOK {
		t.Fatalf("second load: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if second := counts(t, db); second != first {
		t.Errorf("second load changed the graph: %+v then %+v", first, second)
	}
	if !strings.Contains(r.stdout, "(0 new entities, 0 new relations)") {
		t.Errorf("summary of the second load should report nothing new:\n%s", r.stdout)
	}
}

func TestBadInputsAreReportedAndTheRestLoads(t *testing.T) {
	in := copySeeds(t)
	reasons := writeBadInputs(t, in)
	db := filepath.Join(t.TempDir(), "kg.db")
	errFile := filepath.Join(t.TempDir(), "errors.jsonl")
	r := runCLI(t, "", "--db", db, "--max-bytes", "12000", "--errors", errFile, in)
	if r.code != exitFailure {
		t.Errorf("exit %d, want %d when some inputs fail", r.code, exitFailure)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	for name, reason := range reasons {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, filepath.Join(in, name)+":") {
				n++
				if !strings.Contains(l, reason) {
					t.Errorf("error for %s does not give the reason %q: %s", name, reason, l)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d error lines name %s, want exactly 1:\n%s", n, name, r.stderr)
		}
	}
	got := counts(t, db)
	if got.Articles != 7 {
		t.Errorf("%d articles stored, want the 5 seeds and the 2 good JSON Lines records", got.Articles)
	}
	checkErrorsFile(t, errFile, len(reasons))
}

// writeBadInputs writes every kind of bad input into the folder in, beside two good JSON Lines
// records and a copy of a seed, and returns the reason each failure must give, by file (and line).
func writeBadInputs(t *testing.T, in string) map[string]string {
	t.Helper()
	good := []string{`{"id": "g1", "text": "Foreign Minister Ana Lopes met with President Tomas Berg in Oslo on Monday.", "desk": "world"}`,
		`{"id": "g2", "text": "Trade Minister Ivo Marek visited Peru."}`}
	bad := map[string][]byte{
		"empty.txt":       {},
		"binary.txt":      {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0},
		"latin1.txt":      []byte("Caf\xe9 owners met in S\xe3o Paulo."),
		"spaces.md":       []byte("  \n\t\n"),
		"broken.html":     []byte("<html><head><title>x</title></head><body><nav>menu</nav></body></html>"),
		"huge.txt":        []byte(strings.Repeat("The minister met the envoy. ", 500)),
		"mixed.jsonl":     []byte(good[0] + "\n{not json\n" + good[1] + "\n" + `{"id": "g1", "text": "Same id again."}` + "\n"),
		"copy-of-000.txt": nil, // the same text as a seed: the same article twice in one batch
	}
	seed, _ := os.ReadFile(filepath.Join(in, "000_8a2e45f92d004820.txt"))
	bad["copy-of-000.txt"] = seed
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a file that cannot be read: a link to nowhere
	if err := os.Symlink(filepath.Join(in, "gone", "nowhere.txt"), filepath.Join(in, "unreadable.txt")); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"empty.txt":       "empty",
		"binary.txt":      "binary",
		"latin1.txt":      "invalid UTF-8",
		"spaces.md":       "empty",
		"broken.html":     "no article text",
		"huge.txt":        "over the 12000-byte limit",
		"mixed.jsonl:2":   "malformed JSON",
		"mixed.jsonl:4":   "duplicate id",
		"copy-of-000.txt": "same article id",
		"unreadable.txt":  "no such file",
	}
}

// checkErrorsFile: the --errors file lists every failure (n of them) as JSON Lines, ready to mend and retry.
func checkErrorsFile(t *testing.T, errFile string, n int) {
	t.Helper()
	data, err := os.ReadFile(errFile)
	if err != nil {
		t.Fatal(err)
	}
	recs := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(recs) != n {
		t.Errorf("--errors has %d records, want %d:\n%s", len(recs), n, data)
	}
	for _, rec := range recs {
		var e struct {
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Reason string `json:"reason"`
		}
		if err := json.Unmarshal([]byte(rec), &e); err != nil || e.Path == "" || e.Reason == "" {
			t.Errorf("bad --errors record %q: %v", rec, err)
		}
	}
}

func TestJSONLAndStdin(t *testing.T) {
	lines := []string{
		`{"id": "a1", "title": "One", "published": "2024-03-19T10:00:00", "text": "Foreign Minister Jane Doe met with President John Roe in Paris on Sunday."}`,
		`{"id": "a2", "text": ""}`,
		`{not json`,
		`{"id": "a1", "text": "A duplicate id."}`,
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	r := runCLI(t, strings.Join(lines, "\n")+"\n", "--db", db, "-")
	if r.code != exitFailure {
		t.Errorf("exit %d, want %d", r.code, exitFailure)
	}
	for _, want := range []string{"-:2: empty", "-:3: malformed JSON", "-:4: duplicate id"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := counts(t, db); got.Articles != 1 {
		t.Errorf("%d articles stored, want 1", got.Articles)
	}
}

func TestExtractPrintsOneObjectPerArticle(t *testing.T) {
	in := copySeeds(t)
	r := runCLI(t, "", "extract", in)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want one per article", len(lines))
	}
	ids := map[string]map[string]bool{} // entity name -> ids used across articles
	for i, l := range lines {
		var d docOut
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !strings.HasSuffix(d.Doc, ".txt") || d.Article == "" {
			t.Errorf("line %d: doc %q article %q", i+1, d.Doc, d.Article)
		}
		for _, e := range d.Entities {
			if ids[e.Name] == nil {
				ids[e.Name] = map[string]bool{}
			}
			ids[e.Name][e.ID] = true
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End <= m.Start {
					t.Errorf("%s: bad mention offsets %+v", e.Name, m)
				}
			}
		}
		for _, rel := range d.Relations {
			if rel.Evidence == "" || rel.End <= rel.Start {
				t.Errorf("line %d: relation without evidence: %+v", i+1, rel)
			}
		}
	}
	for name, set := range ids {
		if len(set) > 1 {
			t.Errorf("%q has %d ids across articles; an entity keeps one id in the whole run", name, len(set))
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"--no-such-flag", "x"}, {"--date", "19/03/2024", "x"}} {
		if r := runCLI(t, "", args...); r.code != exitUsage {
			t.Errorf("kgload %v: exit %d, want %d", args, r.code, exitUsage)
		}
	}
}

func TestHelpNeverShowsThePassword(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "pw-must-not-show")
	for _, args := range [][]string{{"--help"}, {"schema", "--help"}} {
		r := runCLI(t, "", args...)
		if strings.Contains(r.stdout+r.stderr, "pw-must-not-show") {
			t.Errorf("kgload %v prints the password", args)
		}
	}
	r := runCLI(t, "", "--neo4j-uri", "bolt://127.0.0.1:1", "schema")
	if r.code != exitFailure || strings.Contains(r.stderr, "pw-must-not-show") || !strings.Contains(r.stderr, "127.0.0.1:1") {
		t.Errorf("unreachable Neo4j: exit %d, stderr %q; want a failure naming the server but not the password", r.code, r.stderr)
	}
}

// TestMergeCommandAppliesToStore forces a merge of two stored people with `kgload merge`: the stored
// graph has one entity fewer at once, holding both names with the correction as a reason, and a
// reload of the same articles keeps it. A split cannot undo it in the store (the articles naming
// Zhai Jun name Wang Kejian too) and says so.
func TestMergeCommandAppliesToStore(t *testing.T) {
	dir := t.TempDir()
	db, fix := filepath.Join(dir, "kg.db"), filepath.Join(dir, "fixes.tsv")
	seeds := copySeeds(t)
	if r := runCLI(t, "", "--db", db, "--corrections", fix, seeds); r.code != 0 {
		t.Fatalf("load: %d %s", r.code, r.stderr)
	}
	before := counts(t, db)
	r := runCLI(t, "", "--db", db, "merge", "--corrections", fix, "Wang Kejian", "Zhai Jun")
	if r.code != 0 || !strings.Contains(r.stdout, "1 stored entities merged") {
		t.Fatalf("merge: %d %q %q", r.code, r.stdout, r.stderr)
	}
	check := func(when string) {
		t.Helper()
		if n := counts(t, db); n.Entities != before.Entities-1 {
			t.Fatalf("%s: %d entities, want %d", when, n.Entities, before.Entities-1)
		}
		for _, e := range dumpFile(t, db).Entities {
			if e.Name == "Wang Kejian" || e.Name == "Zhai Jun" {
				if !slices.Contains(e.Aliases, "Zhai Jun") || len(e.Merges) == 0 || !strings.Contains(strings.Join(e.Merges, "\n"), "by a correction") {
					t.Fatalf("%s: %+v, want Wang Kejian holding Zhai Jun by a correction", when, e)
				}
				return
			}
		}
		t.Fatalf("%s: no entity named Wang Kejian", when)
	}
	check("after kgload merge")
	if r := runCLI(t, "", "--db", db, "--corrections", fix, seeds); r.code != 0 {
		t.Fatalf("reload: %d %s", r.code, r.stderr)
	}
	check("after a reload")

	// the articles naming Zhai Jun name Wang Kejian too: which facts were read from which
	// spelling is not stored, so a split leaves it and says so
	r = runCLI(t, "", "--db", db, "split", "--corrections", fix, "Zhai Jun")
	if r.code != 0 || !strings.Contains(r.stdout, "0 stored entities split") || !strings.Contains(r.stdout, "articles named Zhai Jun beside another") {
		t.Fatalf("split: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestSplitCommandAppliesToStore splits a spelling off a stored entity with `kgload split`: two
// spellings a correction merged, each in articles of its own, come apart at once into the graph a
// load that followed the split gives, which a reload and a second split leave as it is.
func TestSplitCommandAppliesToStore(t *testing.T) {
	dir := t.TempDir()
	in, fix := filepath.Join(dir, "in.jsonl"), filepath.Join(dir, "fixes.tsv")
	os.WriteFile(in, []byte(`{"id":"c1","text":"Talks\n\nTrade Minister Yusri Qasimi met Ambassador Corin Ashgrove in Oslo on Monday.\n"}
{"id":"c2","text":"Talks\n\nTrade Minister Yusri Kasimi met Ambassador Delphine Pellinger in Lima on Monday.\n"}
`), 0o644)
	db, ref := filepath.Join(dir, "kg.db"), filepath.Join(dir, "ref.db")
	os.WriteFile(fix, []byte("merge\tYusri Qasimi\tYusri Kasimi\n"), 0o644)
	if r := runCLI(t, "", "--db", db, "--corrections", fix, in); r.code != 0 {
		t.Fatalf("load: %d %s", r.code, r.stderr)
	}
	merged := counts(t, db)
	r := runCLI(t, "", "--db", db, "split", "--corrections", fix, "Yusri Kasimi")
	if r.code != 0 || !strings.Contains(r.stdout, "1 stored entities split") || !strings.Contains(r.stdout, "1 articles moved") {
		t.Fatalf("split: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if n := counts(t, db); n.Entities != merged.Entities+1 {
		t.Fatalf("%d entities after the split, want %d", n.Entities, merged.Entities+1)
	}
	if r := runCLI(t, "", "--db", ref, "--corrections", fix, in); r.code != 0 {
		t.Fatalf("load: %d %s", r.code, r.stderr)
	}
	want := dumpFile(t, ref)
	storetest.CompareBatches(t, dumpFile(t, db), want)
	if r := runCLI(t, "", "--db", db, "--corrections", fix, in); r.code != 0 {
		t.Fatalf("reload: %d %s", r.code, r.stderr)
	}
	if r = runCLI(t, "", "--db", db, "split", "--corrections", fix, "Yusri Kasimi"); r.code != 0 || !strings.Contains(r.stdout, "0 stored entities split") {
		t.Fatalf("split again: %d %q %q", r.code, r.stdout, r.stderr)
	}
	storetest.CompareBatches(t, dumpFile(t, db), want)
}
