package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("KG_DEBUG") == "" {
		t.Skip()
	}
	x := New(lexicon.Default())
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d := x.Extract(graph.Article{ID: filepath.Base(f), Text: string(b), Published: os.Getenv("KG_DATE")})
		fmt.Println("=====", f, d.Ref)
		for _, e := range d.Entities {
			fmt.Printf("  %-12s %-40q %q\n", e.Type, e.Name, e.Aliases)
		}
		for _, r := range d.Relations {
			pl := ""
			if r.Place != nil {
				pl = r.Place.Name
			}
			fmt.Printf("  %s %s -> %s [%s|%s|%s|%s] %s\n", r.Type, r.From.Name, r.To.Name, r.Date, pl, r.Title, r.Status, r.Rule)
		}
	}
}
