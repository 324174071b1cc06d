package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/load"
)

// TestEntityErrorClasses: every entity error of an invented article is listed once, in its class.
func TestEntityErrorClasses(t *testing.T) {
	dir := t.TempDir()
	text := "Prime Minister Ana Velloso met Olek Brandt in Lisbon on Monday.\n"
	// gold says Lisbon is an organisation (a type error), names Ana Velloso longer (a boundary
	// error), misses Olek Brandt (a spurious extraction) and lists a body the text never names
	gold := `{"doc": "a.txt", "entities": [
		{"name": "Ana Maria Velloso", "type": "Person"},
		{"name": "Lisbon", "type": "Organisation"},
		{"name": "Driftholm Trust", "type": "Organisation"}]}`
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	gdir := filepath.Join(dir, "gold")
	if err := os.Mkdir(gdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gdir, "a.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := eval.LoadGold(gdir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Extract(context.Background(), load.Options{Paths: []string{filepath.Join(dir, "a.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(res.Docs, res.Resolver, g)
	want := []string{
		`boundary: a.txt: extracted Person "Ana Velloso" (gold Person "Ana Maria Velloso")`,
		`boundary: a.txt: gold Person "Ana Maria Velloso" (extracted Person "Ana Velloso")`,
		`missed: a.txt: gold Organisation "Driftholm Trust"`,
		`spurious: a.txt: extracted Person "Olek Brandt"`,
		`type: a.txt: extracted Place "Lisbon" (gold Organisation)`,
		`type: a.txt: gold Organisation "Lisbon" (extracted Place)`,
	}
	got := slices.Sorted(slices.Values(rep.EntityClasses))
	if !slices.Equal(got, want) {
		t.Errorf("entity error classes:\n got %q\nwant %q", got, want)
	}
}
