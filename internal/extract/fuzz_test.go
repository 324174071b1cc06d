package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// FuzzExtract checks that no text makes the extractor panic and that every offset it reports lies
// inside the text and reads back as the mention. `go test` runs it over the seeds and the cases below;
// `go test -fuzz FuzzExtract ./internal/extract` explores further.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "2024-03-19")
		}
	}
	for _, s := range []string{"", ".", "The The The", "A B. C D! E", "Mr. . Dr.", "On the On The X met Y.",
		"“Quote” — he met her in ’s.", "U.S.-China talks; al-X bin Y met de Z.", "X-Y-Z visited A-B.",
		"As a former, he", "a meeting between and", "March 32nd 2024", "The The Acquisition The",
		"Tom Reed said sales for the", "Sales rose. He said of the"} {
		f.Add(s, "")
	}
	x := New(lexicon.Default())
	f.Fuzz(func(t *testing.T, text, date string) {
		d := x.Extract(graph.Article{ID: "f", Text: text, Published: date})
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %q at %d-%d does not read back from the text", m.Text, m.Start, m.End)
			}
		}
		for _, r := range d.Relations {
			if r.From == nil || r.To == nil || r.Sent < 0 || r.Sent >= len(d.Sents) {
				t.Fatalf("relation %+v is incomplete", r)
			}
		}
	})
}
