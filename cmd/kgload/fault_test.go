package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// storeArgs returns the flags that point kgload at a fresh store of the given kind: "embedded" (a new
// file) or "neo4j" (the test server, emptied).
func storeArgs(t *testing.T, kind string) []string {
	t.Helper()
	if kind == "neo4j" {
		cfg := neo4jtest.Config(t)
		neo4jtest.Open(t) // empties it
		pwFile := filepath.Join(t.TempDir(), "pw")
		if err := os.WriteFile(pwFile, []byte(cfg.Password+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return []string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--neo4j-password-file", pwFile}
	}
	return []string{"--db", filepath.Join(t.TempDir(), "kg.db")}
}

func jsonLine(t *testing.T, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// capitalisedRun is a run of capitalised words of at least n bytes, which extraction reads as one name.
func capitalisedRun(n int) string {
	words := []string{"Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)] + " ")
	}
	return b.String()
}

// TestOversizedValuesRefusedPerArticle: an id, a URL or a capitalised run over ~8 KB and a NUL in a
// field name are each refused with one line naming file:line and the reason; the rest of the batch
// loads, on both stores alike, and a rerun does the same without failing on them.
func TestOversizedValuesRefusedPerArticle(t *testing.T) {
	for _, kind := range []string{"embedded", "neo4j"} {
		t.Run(kind, func(t *testing.T) {
			store := storeArgs(t, kind)
			text := "Trade Minister Ivo Marek met President Tomas Berg in Lima."
			lines := []string{
				jsonLine(t, map[string]any{"id": "good-1", "text": text}),
				jsonLine(t, map[string]any{"id": strings.Repeat("i", 9000), "text": "Envoy Ana Lopes visited Peru."}),
				jsonLine(t, map[string]any{"url": "https://example.org/" + strings.Repeat("u", 9000), "text": "Envoy Rui Sousa visited Chile."}),
				`{"id": "nul", "te\u0000st": "x", "text": "Envoy Eva Kral visited Cuba."}`,
				jsonLine(t, map[string]any{"id": "run", "text": "Yesterday " + capitalisedRun(9000) + "met Prime Minister Olaf Tenn in Oslo."}),
				jsonLine(t, map[string]any{"id": "good-2", "text": "Foreign Minister Jane Roe visited Brazil."}),
			}
			in := filepath.Join(t.TempDir(), "batch.jsonl")
			if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			want := map[int]string{2: "id is 9000 bytes", 3: "url is", 4: "control character", 5: "names an entity of"}
			for run := 1; run <= 2; run++ {
				r := runCLI(t, "", append(append([]string{}, store...), "--batch-size", "2", in)...)
				if r.code != exitFailure {
					t.Fatalf("run %d: exit %d, want %d; stderr:\n%s", run, r.code, exitFailure, r.stderr)
				}
				errLines := strings.Split(strings.TrimSpace(r.stderr), "\n")
				for line, reason := range want {
					prefix := in + ":" + strconv.Itoa(line) + ": "
					n := 0
					for _, l := range errLines {
						if strings.Contains(l, prefix) {
							n++
							if !strings.Contains(l, reason) || len(l) > 300 {
								t.Errorf("run %d: error for line %d does not say %q in one short line: %.300s", run, line, reason, l)
							}
						}
					}
					if n != 1 {
						t.Errorf("run %d: %d error lines for %s, want 1:\n%.2000s", run, n, prefix, r.stderr)
					}
				}
				wantStored := "stored 2 "
				if run == 2 {
					wantStored = "stored 0 (0 changed since last loaded), 2 unchanged"
				}
				if !strings.Contains(r.stdout, wantStored) || !strings.Contains(r.stdout, "store now holds 2 articles") {
					t.Errorf("run %d: summary does not report the 2 good articles stored:\n%s", run, r.stdout)
				}
			}
		})
	}
}

// articleIDs returns the ids of the articles stored in the store the args name.
func articleIDs(t *testing.T, kind string, args []string) []string {
	t.Helper()
	var s storetest.Store
	if kind == "neo4j" {
		n, err := neo4j.Open(context.Background(), neo4jtest.Config(t))
		if err != nil {
			t.Fatal(err)
		}
		s = n
	} else {
		e, err := sqlite.Open(context.Background(), args[1])
		if err != nil {
			t.Fatal(err)
		}
		s = e
	}
	defer s.Close()
	d, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range d.Articles {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	return ids
}

// TestNumberIDsKeptExact: JSON number ids keep their exact text: two ids above 2^53 that a float
// would make one stay two articles (one used to replace the other silently), on both stores.
func TestNumberIDsKeptExact(t *testing.T) {
	for _, kind := range []string{"embedded", "neo4j"} {
		t.Run(kind, func(t *testing.T) {
			store := storeArgs(t, kind)
			in := filepath.Join(t.TempDir(), "ids.jsonl")
			data := `{"id": 1234567890123456789, "text": "Envoy Ana Lopes visited Peru."}` + "\n" +
				`{"id": 1234567890123456788, "text": "Envoy Rui Sousa visited Chile."}` + "\n" +
				`{"id": 1e3, "text": "Envoy Eva Kral visited Cuba."}` + "\n"
			if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			if r := runCLI(t, "", append(append([]string{}, store...), in)...); r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			got := articleIDs(t, kind, store)
			want := []string{"1234567890123456788", "1234567890123456789", "1e3"}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("stored ids %q, want %q", got, want)
			}
		})
	}
}

// TestStrictDateFlag: --date takes only a real calendar date.
func TestStrictDateFlag(t *testing.T) {
	in := copySeeds(t)
	for _, d := range []string{"2024-13-45", "2023-02-29", "2024-00-10", "2024-3-19"} {
		r := runCLI(t, "", "--db", filepath.Join(t.TempDir(), "kg.db"), "--date", d, in)
		if r.code != exitUsage || !strings.Contains(r.stderr, d) {
			t.Errorf("--date %s: exit %d, stderr %q; want a usage error naming it", d, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "", "--db", filepath.Join(t.TempDir(), "kg.db"), "--date", "2024-02-29", in); r.code != exitOK {
		t.Errorf("--date 2024-02-29 (a leap day): exit %d: %s", r.code, r.stderr)
	}
}

// TestJSONFolder: a folder of .json files, each an array of articles (or one article), loads; a bad
// element is named by file and line; a folder with no article files is an error, never exit 0 with
// nothing loaded.
func TestJSONFolder(t *testing.T) {
	dir := t.TempDir()
	arr := "[\n" +
		`  {"id": "j1", "text": "Foreign Minister Ana Lopes met President Tomas Berg in Oslo."},` + "\n" +
		`  {"id": "j2", "text": ""},` + "\n" +
		`  {"id": "j3", "text": "Trade Minister Ivo Marek visited Peru."}` + "\n]\n"
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(arr), 0o644)
	os.WriteFile(filepath.Join(dir, "b.json"), []byte(`{"id": "j4", "text": "Envoy Eva Kral visited Cuba."}`), 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	r := runCLI(t, "", "--db", db, dir)
	if r.code != exitFailure || !strings.Contains(r.stderr, filepath.Join(dir, "a.json")+":3: empty") {
		t.Errorf("exit %d, stderr %q; want the empty article on a.json:3 named", r.code, r.stderr)
	}
	if c := counts(t, db); c.Articles != 3 {
		t.Errorf("%d articles stored from the .json folder, want 3", c.Articles)
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.csv"), []byte("a,b\n"), 0o644)
	r = runCLI(t, "", "--db", filepath.Join(t.TempDir(), "kg.db"), empty)
	if r.code != exitFailure || !strings.Contains(r.stderr, "no article files") {
		t.Errorf("a folder without articles: exit %d, stderr %q; want a failure saying so", r.code, r.stderr)
	}
}

// TestSecretsNeverPrinted: a password inside NEO4J_URI is not echoed in errors; a password given as
// a flag gets a warning that ps shows it, and --neo4j-password-file is read.
func TestSecretsNeverPrinted(t *testing.T) {
	const secret = "pw-in-uri-must-not-show"
	t.Setenv("NEO4J_URI", "bolt://neo4j:"+secret+"@127.0.0.1:1")
	r := runCLI(t, "", "schema")
	if r.code != exitFailure || strings.Contains(r.stdout+r.stderr, secret) || !strings.Contains(r.stderr, "127.0.0.1:1") {
		t.Errorf("exit %d, output %q; want a failure naming the server, not the password", r.code, r.stdout+r.stderr)
	}
	t.Setenv("NEO4J_URI", "")
	r = runCLI(t, "", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "flag-pw-must-not-show", "schema")
	if !strings.Contains(r.stderr, "warning: a password on the command line is visible") || strings.Contains(r.stderr, "flag-pw-must-not-show") {
		t.Errorf("password flag: stderr %q; want a warning, without the password", r.stderr)
	}
	if kind := "neo4j"; os.Getenv("KG_TEST_NEO4J_URI") != "" {
		args := storeArgs(t, kind) // with --neo4j-password-file
		r = runCLI(t, "", append(args, "schema")...)
		if r.code != exitOK || strings.Contains(r.stderr, "warning") {
			t.Errorf("--neo4j-password-file: exit %d, stderr %q", r.code, r.stderr)
		}
	}
}
