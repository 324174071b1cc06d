package extract

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/graph"
)

// PieceBytes is the most text one run of the pipeline reads (news articles are shorter). A longer text (a book, a day of wire
// copy saved as one file) is extracted in pieces of at most this size, cut at paragraph breaks (else
// line breaks, else sentence ends), so that its tokens and mentions take the memory of one piece,
// not of the whole text. The pieces' entities and relations are joined into the one article, with
// offsets in the whole text; a surname, title or pronoun is joined to a name within its piece only.
const PieceBytes = 256 << 10

// ExtractCompact extracts one article, a long one piece by piece (see PieceBytes), and returns it
// compacted (see Compact); without mentions, each entity keeps only their number (see DropMentions),
// which is all a store needs. It stops as ExtractContext does when ctx is cancelled.
func (x *Extractor) ExtractCompact(ctx context.Context, a graph.Article, mentions bool) (*Doc, error) {
	return x.extractPieces(ctx, a, mentions, PieceBytes)
}

func (x *Extractor) extractPieces(ctx context.Context, a graph.Article, mentions bool, size int) (*Doc, error) {
	if len(a.Text) <= size {
		d, err := x.ExtractContext(ctx, a)
		if err != nil {
			return nil, err
		}
		d.Compact()
		if !mentions {
			d.DropMentions()
		}
		return d, nil
	}
	ends := pieceEnds(a.Text, size)
	ref, err := refOfPieces(ctx, a, ends)
	if err != nil {
		return nil, err
	}
	out := &Doc{Article: a, Ref: ref, lex: x.lex}
	out.Article.Text = ""
	out.Article.Title = strings.Clone(a.Title)
	same := map[string]*Entity{}
	start, sents := 0, 0
	for _, end := range ends {
		p := a
		p.Text = a.Text[start:end]
		d, err := x.run(ctx, &Doc{Article: p, Text: p.Text, Ref: ref, refSet: true, ctx: ctx, lex: x.lex})
		if err != nil {
			return nil, err
		}
		n := len(d.Sents)
		d.Compact()
		if !mentions {
			d.DropMentions()
		}
		out.join(d, start, sents, same)
		start, sents = end, sents+n
		// the piece's tokens and mentions are garbage now: collected before the next piece, else the
		// collector lets the heap grow to twice what the article holds so far (the text and the
		// relations read), which for a long text is far more than one piece's work
		runtime.GC()
	}
	return out, nil
}

// refOfPieces is the date a text's relative dates are read against: its publication date, else the
// latest year the whole text names, as findRefDate reads it, a piece at a time.
func refOfPieces(ctx context.Context, a graph.Article, ends []int) (RefDate, error) {
	ref := findRefDate(&Doc{Article: a})
	if ref.Month != 0 {
		return ref, nil // the publication date
	}
	start := 0
	for _, end := range ends {
		if err := ctx.Err(); err != nil {
			return RefDate{}, err
		}
		d := &Doc{Article: a, Text: a.Text[start:end]}
		d.Sents = splitSentences(d.Text)
		ref.Year = max(ref.Year, findRefDate(d).Year)
		start = end
	}
	return ref, nil
}

// pieceEnds cuts text into pieces of at most size bytes, at the last paragraph break of a piece's
// second half, else its last line break, else its last sentence end, else a character boundary.
func pieceEnds(text string, size int) []int {
	var ends []int
	for start := 0; start < len(text); {
		end := start + size
		if end >= len(text) {
			return append(ends, len(text))
		}
		half := start + size/2
		cut := -1
		for _, sep := range []string{"\n\n", "\n", ". "} {
			if i := strings.LastIndex(text[half:end], sep); i >= 0 {
				cut = half + i + len(sep)
				break
			}
		}
		if cut < 0 {
			for cut = end; cut > half && !utf8.RuneStart(text[cut]); cut-- {
			}
		}
		ends = append(ends, cut)
		start = cut
	}
	return ends
}

// join adds one compacted piece of d's text, starting at byte off and sentence sent of the whole, to
// d: its relations and mentions with offsets in the whole text, its entities joined to the same
// (type and name) entity of an earlier piece.
func (d *Doc) join(p *Doc, off, sent int, same map[string]*Entity) {
	into := map[*Entity]*Entity{}
	for _, e := range p.Entities {
		k := string(e.Type) + "\x00" + e.Name
		have := same[k]
		if have == nil {
			same[k] = e
			d.Entities = append(d.Entities, e)
			continue
		}
		into[e] = have
		have.count += e.count
		have.Mentions = append(have.Mentions, e.Mentions...)
		for _, t := range e.Titles {
			if !slices.Contains(have.Titles, t) {
				have.Titles = append(have.Titles, t)
			}
		}
		for _, al := range e.Aliases {
			if !slices.Contains(have.Aliases, al) {
				have.Aliases = append(have.Aliases, al)
			}
		}
		for _, t := range e.Signs {
			if !slices.Contains(have.Signs, t) {
				have.Signs = append(have.Signs, t)
			}
		}
	}
	joined := func(e *Entity) *Entity {
		if to := into[e]; to != nil {
			return to
		}
		return e
	}
	for _, m := range p.Mentions {
		m.Start, m.End, m.Sent = m.Start+off, m.End+off, m.Sent+sent
		if m.Ent != nil {
			m.Ent = joined(m.Ent)
		}
	}
	d.Mentions = append(d.Mentions, p.Mentions...)
	for _, r := range p.Relations {
		r.Start, r.End, r.Sent = r.Start+off, r.End+off, r.Sent+sent
		r.From, r.To = joined(r.From), joined(r.To)
		if r.Place != nil {
			r.Place = joined(r.Place)
		}
		d.Relations = append(d.Relations, r)
	}
}
