package extract

import (
	"context"

	"github.com/kgnews/kg/internal/graph"
)

// Helpers only the tests use.

// Extract runs the pipeline over one article.
func (x *Extractor) Extract(a graph.Article) *Doc {
	d, _ := x.ExtractContext(context.Background(), a)
	return d
}

// datesIn finds and resolves the date phrases of a text (used by tests and tools on loose text).
func datesIn(s string, base int, ref RefDate) []dateSpan {
	out := datesInTokens(tokenize(s, 0, len(s)), ref)
	for i := range out {
		out[i].Start += base
		out[i].End += base
	}
	return out
}
