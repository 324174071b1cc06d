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

// Model is a table of feature weights, one row of nTags per feature. The rows are kept in increasing
// order of their feature's hash, as in the file, with an index of where the hashes of each value of
// their top bits begin: finding a feature is one or two comparisons in a flat array, with no map.
type Model struct {
	start []uint32 // rows whose hash's top bits are b are start[b] to start[b+1]
	shift uint     // 64 minus the number of top bits start is indexed by
	// A model being trained has its feature hashes in keys and row i of weights at [i*nTags,
	// (i+1)*nTags). A model read from its file has both in rows, each hash beside its weights, which
	// are float32(q)*scale. Every weight of such a quantised model is a whole multiple of the
	// smallest step of scale's float32 exponent, and every sum of up to thousands of them is exact in
	// float64: any order of adding gives the same bits, and the tagger adds what does not depend on
	// the tags before a word once per sentence (see fast.go).
	keys    []uint64
	weights []float32
	rows    []qrow
	scale   float32
}

// qrow is a feature hash and its quantised weights: a lookup finds both in one cache line.
type qrow struct {
	key uint64
	q   [nTags]int16
}

// quantised reports whether the model was read from its file (see Model).
func (m *Model) quantised() bool { return m.rows != nil }

// weight is weight i of the rows laid end to end.
func (m *Model) weight(i int) float32 {
	if m.rows != nil {
		return float32(m.rows[i/int(nTags)].q[i%int(nTags)]) * m.scale
	}
	return m.weights[i]
}

// key is the feature hash of row i.
func (m *Model) key(i int) uint64 {
	if m.rows != nil {
		return m.rows[i].key
	}
	return m.keys[i]
}

// addRow adds the weights of a row into out, in tag order; row -1 (no feature) adds nothing.
func (m *Model) addRow(out *[nTags]float64, row int) {
	if row < 0 {
		return
	}
	if m.rows != nil {
		w := &m.rows[row].q
		for k := range out {
			out[k] += float64(float32(w[k]) * m.scale)
		}
		return
	}
	w := m.weights[row*int(nTags) : (row+1)*int(nTags) : (row+1)*int(nTags)]
	for k := range out {
		out[k] += float64(w[k])
	}
}

// index makes the index of a model whose n rows are in increasing hash order: about two rows to a
// value of the top bits.
func (m *Model) index(n int) {
	bits := uint(1)
	for bits < 30 && 2<<bits < n {
		bits++
	}
	m.shift = 64 - bits
	m.start = make([]uint32, 1<<bits+1)
	b := 0
	for i := range n {
		for top := int(m.key(i) >> m.shift); b <= top; b++ {
			m.start[b] = uint32(i)
		}
	}
	for ; b < len(m.start); b++ {
		m.start[b] = uint32(n)
	}
}

// newModel lays out a model being trained from rows given in increasing hash order.
func newModel(keys []uint64, weights []float32) *Model {
	m := &Model{keys: keys, weights: weights}
	m.index(len(keys))
	return m
}

// row returns the row of a feature, or -1 when the model has none.
func (m *Model) row(f uint64) int {
	b := f >> m.shift
	lo, hi := m.start[b], m.start[b+1]
	if m.rows != nil {
		for i := lo; i < hi; i++ {
			if m.rows[i].key == f {
				return int(i)
			}
		}
		return -1
	}
	for i := lo; i < hi; i++ {
		if m.keys[i] == f {
			return int(i)
		}
	}
	return -1
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
	fast  *fastTables // for a quantised model
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
	t := &Tagger{model: m, lex: lex, pool: sync.Pool{New: func() any { b := make([]uint64, 0, 96); return &b }}}
	if m.quantised() {
		t.fast = newFastTables(m)
	}
	return t
}

// scores adds the weights of the features into out, in their order.
func (m *Model) scores(fs []uint64, out *[nTags]float64) {
	*out = [nTags]float64{}
	for _, f := range fs {
		m.addRow(out, m.row(f))
	}
}

// Tag labels the words of one sentence. headline marks a title or caption line.
func (t *Tagger) Tag(s Sentence, headline bool) Result {
	if t.fast != nil {
		return t.tagFast(s, headline)
	}
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
		res.Tags[i], margins[i], res.OMargin[i] = decide(&sc, prev)
		prev2, prev = prev, res.Tags[i]
	}
	res.Spans = spans(res.Tags, margins)
	return res
}

// decide picks the best tag allowed after prev from a word's scores, and returns it with its lead
// over the best other tag and how far the outside tag leads the best name tag.
func decide(sc *[nTags]float64, prev Tag) (best Tag, margin, oMargin float64) {
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
		margin = sc[best] - sc[second]
	}
	bestName := math.Inf(-1)
	for k := BPer; k < nTags; k++ {
		if allowed(prev, k) && sc[k] > bestName {
			bestName = sc[k]
		}
	}
	return best, margin, sc[O] - bestName
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
	n := m.Features()
	maxAbs := float32(0)
	for i := range n * int(nTags) {
		maxAbs = max(maxAbs, float32(math.Abs(float64(m.weight(i)))))
	}
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
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(n))
	hdr = binary.LittleEndian.AppendUint32(hdr, math.Float32bits(scale))
	if _, err := zw.Write(hdr); err != nil {
		return err
	}
	buf := make([]byte, 0, 8+2*int(nTags))
	for row := range n {
		buf = binary.LittleEndian.AppendUint64(buf[:0], m.key(row))
		for i := row * int(nTags); i < (row+1)*int(nTags); i++ {
			v := m.weight(i)
			q := int16(math.Round(float64(v / scale)))
			buf = binary.LittleEndian.AppendUint16(buf, uint16(q))
		}
		if _, err := zw.Write(buf); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ReadModel reads a model written by WriteModel. It decodes the rows as they are inflated, straight
// into the model's flat arrays.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	hdr := make([]byte, 20)
	if _, err := io.ReadFull(zr, hdr); err != nil || !bytes.Equal(hdr[:8], magic[:]) {
		return nil, errors.New("not a model file")
	}
	if binary.LittleEndian.Uint32(hdr[8:]) != uint32(nTags) {
		return nil, errors.New("model has another tag set")
	}
	n := int(binary.LittleEndian.Uint32(hdr[12:]))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(hdr[16:]))
	const rowLen = 8 + 2*int(nTags)
	if n > 1<<28 {
		return nil, fmt.Errorf("model claims %d rows", n)
	}
	rows := make([]qrow, n)
	buf := make([]byte, 4096*rowLen)
	for i := 0; i < n; {
		k := min(n-i, 4096)
		if _, err := io.ReadFull(zr, buf[:k*rowLen]); err != nil {
			return nil, fmt.Errorf("model is shorter than its %d rows: %w", n, err)
		}
		for j := 0; j < k; j, i = j+1, i+1 {
			row, r := buf[j*rowLen:(j+1)*rowLen], &rows[i]
			r.key = binary.LittleEndian.Uint64(row)
			if i > 0 && r.key <= rows[i-1].key {
				return nil, errors.New("model rows are not in hash order")
			}
			for t := range r.q {
				r.q[t] = int16(binary.LittleEndian.Uint16(row[8+2*t:]))
			}
		}
	}
	if k, _ := io.ReadFull(zr, buf[:1]); k != 0 {
		return nil, fmt.Errorf("model is longer than its %d rows", n)
	}
	m := &Model{rows: rows, scale: scale}
	m.index(n)
	return m, nil
}

// Features is the number of feature rows in the model.
func (m *Model) Features() int { return max(len(m.keys), len(m.rows)) }
