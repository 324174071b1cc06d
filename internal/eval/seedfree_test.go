package eval_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/lexicon"
)

// TestNoSeedNamesInCode checks that no name of a person or organisation from the labelled seed
// articles appears in the code, the word lists or the generated gazetteer: the extractor must work
// from general rules, not from what the seeds say. Tests, seeds/, testdata/ and the test-only store
// suite (internal/storetest) may name them. Places are left out: the gazetteer lists every country.
func TestNoSeedNamesInCode(t *testing.T) {
	names, full := seedNames(t)
	if len(names) < 20 {
		t.Fatalf("only %d distinctive seed names found; the gold file is not what this test expects", len(names))
	}
	var pats []string
	for n := range names {
		pats = append(pats, regexp.QuoteMeta(n))
	}
	re := regexp.MustCompile(`\b(` + strings.Join(pats, "|") + `)\b`)
	root := repoDir()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch rel {
			case ".git", "seeds", "testdata", "node_modules", "target", filepath.Join("internal", "storetest"):
				return filepath.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, "_test.go") {
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".tsv", ".mjs", ".cypher", ".java":
		default:
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checkNoSeedNames(t, rel, string(text), re, full)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkNoSeedNames reports each line of the file rel that names a seed name (re) or, in a word
// list (.tsv), lists a whole one (full).
func checkNoSeedNames(t *testing.T, rel, text string, re *regexp.Regexp, full map[string]bool) {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if filepath.Ext(rel) == ".tsv" {
			if f := strings.SplitN(line, "\t", 2); full[strings.ToLower(f[0])] {
				t.Errorf("%s:%d lists %q from the seed articles", rel, i+1, f[0])
			}
			continue
		}
		if m := re.FindString(line); m != "" {
			t.Errorf("%s:%d names %q from the seed articles", rel, i+1, m)
		}
	}
}

// seedNames reads the labelled seeds' people and organisations: the distinctive words of their names
// (names), and their whole names (full), for the generated lists, where a public gazetteer may
// share a word.
func seedNames(t *testing.T) (names, full map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(repoDir("testdata", "gold", "corpus.json"))
	if err != nil {
		t.Fatal(err)
	}
	var corpus struct {
		Entities []struct {
			Name    string   `json:"name"`
			Type    string   `json:"type"`
			Aliases []string `json:"aliases"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &corpus); err != nil {
		t.Fatal(err)
	}
	lex := lexicon.Default()
	word := regexp.MustCompile(`[\p{L}][\p{L}’'\-]*`)
	names, full = map[string]bool{}, map[string]bool{}
	for _, e := range corpus.Entities {
		// people, and organisations whose names are no phrase of general words ("X Court of Justice")
		if e.Type == "Place" || (e.Type == "Organisation" && hasOrgHead(e.Name)) {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			// a person's one-word alias ("Khalid", "Sullivan") is a given name or surname that any public
			// list of names shares; the generated lists must not hold a whole name or an organisation's
			if e.Type != "Person" || strings.Contains(n, " ") {
				full[strings.ToLower(n)] = true
			}
			for _, w := range word.FindAllString(n, -1) {
				if w = strings.TrimRight(w, "’'"); distinctive(lex, w) {
					names[w] = true
				}
			}
		}
	}
	return names, full
}

// distinctive reports whether a word of a seed name is no general word: not short, a title, an
// organisation's head word, a function word, a direction, an acronym, a place or a demonym.
func distinctive(lex *lexicon.Lexicon, w string) bool {
	if len(w) < 3 || lexicon.IsTitleWord(w) || lexicon.IsOrgHead(w) || lexicon.IsFunctionWord(w) ||
		lexicon.IsDirection(w) || strings.ToUpper(w) == w {
		return false
	}
	if _, ok := lex.Place(w); ok {
		return false
	}
	_, ok := lex.Demonym(strings.TrimSuffix(w, "s"))
	return !ok
}

func hasOrgHead(name string) bool {
	for _, w := range strings.Fields(name) {
		if lexicon.IsOrgHead(w) {
			return true
		}
	}
	return false
}
