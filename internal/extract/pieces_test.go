package extract

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// paragraphs returns about n bytes of invented news paragraphs, each of which names its people in
// full before it shortens them, so that reading them one at a time or all together should agree.
func paragraphs(n int, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	given := []string{"Ana", "Ivo", "Mira", "Tomas", "Lena", "Oskar", "Edda", "Pavel"}
	family := []string{"Lopes", "Marek", "Varga", "Holm", "Petrov", "Quiroga", "Sandu", "Toivonen"}
	posts := []string{"Foreign Minister", "Trade Minister", "Finance Minister", "Defence Minister"}
	places := []string{"Lima", "Quito", "Bogota", "Tallinn", "Riga", "Oslo", "Accra", "Hanoi"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		a := pick(given) + " " + pick(family)
		c := pick(given) + " " + pick(family)
		fmt.Fprintf(&b, "%s %s met %s %s in %s on %s. ", pick(posts), a, pick(posts), c, pick(places), days[i%len(days)])
		fmt.Fprintf(&b, "%s said the talks on round %d were useful. ", a[strings.IndexByte(a, ' ')+1:], i)
		fmt.Fprintf(&b, "%s later visited %s.\n\n", c, pick(places))
	}
	return b.String()
}

type relKey struct {
	Type                  graph.RelType
	From, To, Place, Date string
	Start, End            int
}

func relKeys(d *Doc) []relKey {
	var out []relKey
	for _, r := range d.Relations {
		k := relKey{Type: r.Type, From: r.From.Name, To: r.To.Name, Date: r.Date, Start: r.Start, End: r.End}
		if r.Place != nil {
			k.Place = r.Place.Name
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b relKey) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return out
}

func entityCounts(d *Doc) map[string]int {
	out := map[string]int{}
	for _, e := range d.Entities {
		out[string(e.Type)+" "+e.Name] += e.MentionCount()
	}
	return out
}

// TestLongTextInPieces: a text read in pieces gives the relations (with their offsets and evidence in
// the whole text), entities and mention counts that reading it whole gives, when no sentence leans on
// another piece; with mentions kept, they point into the whole text too.
func TestLongTextInPieces(t *testing.T) {
	text := paragraphs(200<<10, 1)
	a := graph.Article{ID: "long", Text: text, Published: "2024-03-19"}
	x := New(lexicon.Default())
	whole := x.Extract(a)
	if len(whole.Relations) < 1000 {
		t.Fatalf("the whole text gives only %d relations: the test text no longer tests much", len(whole.Relations))
	}
	for _, mentions := range []bool{false, true} {
		d, err := x.extractPieces(context.Background(), a, mentions, 16<<10)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(pieceEnds(text, 16<<10)); n < 12 {
			t.Fatalf("the text was cut in %d pieces only", n)
		}
		if got, want := relKeys(d), relKeys(whole); !slices.Equal(got, want) {
			t.Errorf("mentions=%v: %d relations in pieces, %d whole; first in pieces %v, whole %v", mentions, len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
		}
		for _, r := range d.Relations {
			if text[r.Start:r.End] != r.Evidence {
				t.Fatalf("relation evidence %.80q is not the text at its offsets %.80q", r.Evidence, text[r.Start:r.End])
			}
		}
		got, want := entityCounts(d), entityCounts(whole)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("mentions=%v: entities in pieces %v\nwhole %v", mentions, got, want)
		}
		if d.Article.Text != "" || d.Article.ID != "long" {
			t.Errorf("the joined article keeps its text or lost its id (%q)", d.Article.ID)
		}
		if !mentions {
			if len(d.Mentions) > 0 {
				t.Errorf("mentions kept although not asked for")
			}
			continue
		}
		if len(d.Mentions) != len(whole.Mentions) {
			t.Errorf("%d mentions in pieces, %d whole", len(d.Mentions), len(whole.Mentions))
		}
		for _, m := range d.Mentions {
			if text[m.Start:m.End] != m.Text || (m.Ent != nil && !slices.Contains(d.Entities, m.Ent)) {
				t.Fatalf("mention %q at %d-%d: not the text there (%.80q), or of an entity left out", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
		}
	}
}

// TestPieceEnds: pieces are cut at paragraph breaks when there are any, else at line breaks or
// sentence ends, else at a character boundary, and cover the text.
func TestPieceEnds(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		cutAfter   string
	}{
		{"paragraphs", strings.Repeat("One two three.\nFour five six.\n\n", 400), "\n\n"},
		{"lines", strings.Repeat("One two three. Four five six.\n", 400), "\n"},
		{"sentences", strings.Repeat("One two three. Four five six. ", 400), ". "},
		{"no breaks", strings.Repeat("ĳklmnöp", 2000), ""},
	} {
		ends := pieceEnds(tc.text, 1000)
		start := 0
		for i, end := range ends {
			if end <= start || end-start > 1000 {
				t.Fatalf("%s: piece %d is %d-%d", tc.name, i, start, end)
			}
			if end < len(tc.text) && !strings.HasSuffix(tc.text[:end], tc.cutAfter) {
				t.Errorf("%s: piece %d ends with %q, not after %q", tc.name, i, tc.text[max(0, end-10):end], tc.cutAfter)
			}
			if end < len(tc.text) && end-start < 500 {
				t.Errorf("%s: piece %d is only %d bytes", tc.name, i, end-start)
			}
			start = end
		}
		if start != len(tc.text) {
			t.Errorf("%s: the pieces end at %d of %d bytes", tc.name, start, len(tc.text))
		}
		for _, end := range ends {
			if !utf8.ValidString(tc.text[:end]) {
				t.Errorf("%s: cut inside a character at %d", tc.name, end)
			}
		}
	}
}

// TestLongTextReferenceYear: without a publication date, a text read in pieces reads its dates against
// the latest year the whole text names, as reading it whole does, even when only its last piece names it.
func TestLongTextReferenceYear(t *testing.T) {
	text := paragraphs(64<<10, 3) + "In March 2023 Ana Lopes met Ivo Marek in Lima.\n"
	a := graph.Article{ID: "y", Text: text}
	x := New(lexicon.Default())
	whole := x.Extract(a)
	d, err := x.extractPieces(context.Background(), a, false, 16<<10)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Ref.Year != 2023 || d.Ref != whole.Ref {
		t.Errorf("reference date in pieces %+v, whole %+v; want the year 2023", d.Ref, whole.Ref)
	}
	if got, want := relKeys(d), relKeys(whole); !slices.Equal(got, want) {
		t.Errorf("%d relations in pieces, %d whole (dates read against another year?)", len(got), len(want))
	}
}
