package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// longArticle is one article of at least n bytes in which a titled person recurs throughout, with
// others coming and going: the shape that made extraction quadratic in article length.
func longArticle(n int) string {
	var b strings.Builder
	b.WriteString("Talks in Lima\n\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Foreign Minister Ana Lopes met Trade Minister Ivo Marek%d in Lima on Monday. ", i)
		fmt.Fprintf(&b, "Lopes said the talks on round %d were useful, and the minister later visited Quito. ", i)
		fmt.Fprintf(&b, "Marek%d, who heads the Andean Trade Council, returned to Bogota. ", i)
		b.WriteString("Analysts expect further meetings next month.\n\n")
	}
	return b.String()
}

func benchmarkLong(b *testing.B, n int) {
	text := longArticle(n)
	x := New(lexicon.Default())
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(graph.Article{ID: "long", Text: text, Published: "2024-03-19"})
	}
}

// BenchmarkExtractLong: extraction time must grow linearly with the length of one article (compare
// the MB/s of the three sizes; quadratic work shows as MB/s falling tenfold from one size to the next).
func BenchmarkExtractLong100KB(b *testing.B) { benchmarkLong(b, 100<<10) }
func BenchmarkExtractLong400KB(b *testing.B) { benchmarkLong(b, 400<<10) }
func BenchmarkExtractLong1MB(b *testing.B)   { benchmarkLong(b, 1<<20) }
func BenchmarkExtractLong10MB(b *testing.B)  { benchmarkLong(b, 10<<20) }

// countdown is a context that reports itself cancelled from its n-th Err call on, and counts the calls:
// a deterministic stand-in for a Ctrl-C arriving while an article is being extracted.
type countdown struct {
	context.Context
	n, calls int
}

func (c *countdown) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

// TestExtractCancelsMidArticle: a cancellation arriving while one long article is being extracted stops
// the work within a sentence, not at the end of the article.
func TestExtractCancelsMidArticle(t *testing.T) {
	text := longArticle(200 << 10)
	x := New(lexicon.Default())
	full := &countdown{Context: context.Background(), n: 1 << 30}
	if _, err := x.ExtractContext(full, graph.Article{ID: "long", Text: text}); err != nil {
		t.Fatal(err)
	}
	if full.calls < 1000 {
		t.Fatalf("a 200 KB article is checked for cancellation only %d times: not between sentences", full.calls)
	}
	ctx := &countdown{Context: context.Background(), n: full.calls / 3} // cancelled a third of the way in
	d, err := x.ExtractContext(ctx, graph.Article{ID: "long", Text: text})
	if !errors.Is(err, context.Canceled) || d != nil {
		t.Fatalf("ExtractContext after cancellation = %v, %v; want nil, context.Canceled", d, err)
	}
	if extra := ctx.calls - ctx.n; extra > 20 {
		t.Errorf("after the cancellation the extraction went on through %d more checks", extra)
	}
}
