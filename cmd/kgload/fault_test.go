package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
)

// storeArgs returns the flags that point kgload at a fresh store of the given kind: "embedded" (a new
// file) or "neo4j" (the test server, emptied).
func storeArgs(t *testing.T, kind string) []string {
	t.Helper()
	if kind == "neo4j" {
		cfg := neo4jtest.Config(t)
		neo4jtest.Open(t) // empties it
		return []string{"--neo4j-uri", cfg.URI, "--neo4j-username", cfg.Username, "--neo4j-password", cfg.Password}
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
