// Package ner is the learned part of entity recognition: a greedy left-to-right averaged-perceptron
// tagger that labels each word of a sentence as the beginning or inside of a Person, Organisation or
// Place name, or as outside any name. Its features are the word itself, its shape, affixes and
// neighbours, the tags already given, and the project's lexicons (gazetteer, titles, demonyms,
// organisation heads) as evidence rather than as decisions.
//
// The model is trained by scripts/train (see its README) on silver labels from a public English
// pipeline over public news, stored as a compressed table of hashed feature weights
// (model.bin.gz), embedded in the binary and read once. Tagging is deterministic.
package ner

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// Tag is the label of one word.
type Tag uint8

// The tags: O, then B and I for each entity type, and for groups (nationalities, parties, faiths:
// names that extraction keeps as an organisation only when they are no nationality). tagStart stands
// before the first word.
const (
	O Tag = iota
	BPer
	IPer
	BOrg
	IOrg
	BLoc
	ILoc
	BGrp
	IGrp
	nTags
	tagStart Tag = 255
)

// Type is the entity type of a tag: groups are organisations.
func (t Tag) Type() graph.EntityType {
	switch t {
	case BPer, IPer:
		return graph.Person
	case BOrg, IOrg, BGrp, IGrp:
		return graph.Organisation
	case BLoc, ILoc:
		return graph.Place
	}
	return ""
}

// Group reports whether the tag is part of a group's name.
func (t Tag) Group() bool { return t == BGrp || t == IGrp }

func (t Tag) inside() bool { return t == IPer || t == IOrg || t == ILoc || t == IGrp }

// begin returns the B tag of a span's type.
func begin(sp Span) Tag {
	if sp.Group {
		return BGrp
	}
	switch sp.Type {
	case graph.Person:
		return BPer
	case graph.Organisation:
		return BOrg
	case graph.Place:
		return BLoc
	}
	return O
}

// allowed reports whether tag may follow prev: an I tag continues a name of its own type.
func allowed(prev, tag Tag) bool {
	if !tag.inside() {
		return true
	}
	return prev == tag || prev == tag-1
}

// Model is a table of feature weights, one per tag.
type Model struct {
	index   map[uint64]int32 // feature hash -> row in weights
	weights []float32        // rows of nTags
}

// Span is one name the tagger found: words [From, To) of the sentence.
type Span struct {
	From, To int
	Type     graph.EntityType
	Group    bool // a nationality, party or faith, typed Organisation
	// Margin is the smallest lead, over the span's words, of the chosen tag over the best other one:
	// how sure the tagger is (0 means a tie; a few units is sure).
	Margin float64
}

// Result is the tagging of one sentence.
type Result struct {
	Tags  []Tag
	Spans []Span
	// OMargin[i] is how far the outside tag led the best name tag at word i (negative where the word is in a name).
	OMargin []float64
}

// Tagger tags sentences with a model and a lexicon. It is safe for concurrent use.
type Tagger struct {
	model *Model
	lex   *lexicon.Lexicon
	pool  sync.Pool
}

//go:embed model.bin.gz
var modelGz []byte

var (
	defaultOnce sync.Once
	defaultTag  *Tagger
	defaultErr  error
)

// Default returns the tagger with the embedded model, loaded once.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		m, err := ReadModel(bytes.NewReader(modelGz))
		if err != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", err)
			return
		}
		defaultTag = NewTagger(m, lexicon.Default())
	})
	return defaultTag, defaultErr
}

// NewTagger returns a tagger over a model.
func NewTagger(m *Model, lex *lexicon.Lexicon) *Tagger {
	return &Tagger{model: m, lex: lex, pool: sync.Pool{New: func() any { b := make([]uint64, 0, 96); return &b }}}
}

// scores adds the weights of the features into out.
func (m *Model) scores(fs []uint64, out *[nTags]float64) {
	*out = [nTags]float64{}
	for _, f := range fs {
		row, ok := m.index[f]
		if !ok {
			continue
		}
		w := m.weights[int(row)*int(nTags) : int(row+1)*int(nTags)]
		for k := range w {
			out[k] += float64(w[k])
		}
	}
}

// Tag labels the words of one sentence. headline marks a title or caption line.
func (t *Tagger) Tag(s Sentence, headline bool) Result {
	toks := prepare(s, t.lex)
	res := Result{Tags: make([]Tag, len(toks)), OMargin: make([]float64, len(toks))}
	margins := make([]float64, len(toks))
	bp := t.pool.Get().(*[]uint64)
	defer t.pool.Put(bp)
	prev, prev2 := tagStart, tagStart
	var sc [nTags]float64
	for i := range toks {
		*bp = features((*bp)[:0], toks, i, prev, prev2, headline)
		t.model.scores(*bp, &sc)
		best, second := O, Tag(255)
		for k := Tag(0); k < nTags; k++ {
			if !allowed(prev, k) {
				continue
			}
			if sc[k] > sc[best] {
				best = k
			}
		}
		for k := Tag(0); k < nTags; k++ {
			if k == best || !allowed(prev, k) {
				continue
			}
			if second == 255 || sc[k] > sc[second] {
				second = k
			}
		}
		if second != 255 {
			margins[i] = sc[best] - sc[second]
		}
		bestName := math.Inf(-1)
		for k := BPer; k < nTags; k++ {
			if allowed(prev, k) && sc[k] > bestName {
				bestName = sc[k]
			}
		}
		res.OMargin[i] = sc[O] - bestName
		res.Tags[i] = best
		prev2, prev = prev, best
	}
	res.Spans = spans(res.Tags, margins)
	return res
}

// spans reads the names out of a tag sequence.
func spans(tags []Tag, margins []float64) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		if tags[i] == O || tags[i].inside() {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == tags[i]+1 {
			j++
		}
		sp := Span{From: i, To: j, Type: tags[i].Type(), Group: tags[i].Group(), Margin: math.Inf(1)}
		for k := i; k < j; k++ {
			if margins != nil {
				sp.Margin = math.Min(sp.Margin, margins[k])
			}
		}
		if margins == nil {
			sp.Margin = 0
		}
		out = append(out, sp)
		i = j
	}
	return out
}

// The model file: magic, number of tags, number of rows, the scale of the quantised weights, then each
// row's feature hash and its weights as int16, all little-endian, gzip-compressed.
var magic = [8]byte{'K', 'G', 'N', 'E', 'R', 0, 0, 1}

// WriteModel writes the model in its file format. Rows are written in increasing hash order, so the
// same model always gives the same bytes.
func (m *Model) WriteModel(w io.Writer) error {
	keys := make([]uint64, 0, len(m.index))
	maxAbs := float32(0)
	for k, row := range m.index {
		keys = append(keys, k)
		for _, v := range m.weights[int(row)*int(nTags) : int(row+1)*int(nTags)] {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	sortUint64(keys)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	hdr := make([]byte, 0, 24)
	hdr = append(hdr, magic[:]...)
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(nTags))
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(len(keys)))
	hdr = binary.LittleEndian.AppendUint32(hdr, math.Float32bits(scale))
	if _, err := zw.Write(hdr); err != nil {
		return err
	}
	buf := make([]byte, 0, 8+2*int(nTags))
	for _, k := range keys {
		row := m.index[k]
		buf = binary.LittleEndian.AppendUint64(buf[:0], k)
		for _, v := range m.weights[int(row)*int(nTags) : int(row+1)*int(nTags)] {
			q := int16(math.Round(float64(v / scale)))
			buf = binary.LittleEndian.AppendUint16(buf, uint16(q))
		}
		if _, err := zw.Write(buf); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if len(data) < 20 || !bytes.Equal(data[:8], magic[:]) {
		return nil, errors.New("not a model file")
	}
	if binary.LittleEndian.Uint32(data[8:]) != uint32(nTags) {
		return nil, errors.New("model has another tag set")
	}
	n := int(binary.LittleEndian.Uint32(data[12:]))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(data[16:]))
	rowLen := 8 + 2*int(nTags)
	body := data[20:]
	if len(body) != n*rowLen {
		return nil, fmt.Errorf("model is %d bytes, want %d", len(body), n*rowLen)
	}
	m := &Model{index: make(map[uint64]int32, n), weights: make([]float32, n*int(nTags))}
	for i := 0; i < n; i++ {
		row := body[i*rowLen:]
		m.index[binary.LittleEndian.Uint64(row)] = int32(i)
		for k := 0; k < int(nTags); k++ {
			m.weights[i*int(nTags)+k] = float32(int16(binary.LittleEndian.Uint16(row[8+2*k:]))) * scale
		}
	}
	return m, nil
}

// Features is the number of feature rows in the model.
func (m *Model) Features() int { return len(m.index) }
