package ner

import (
	"math/bits"
	"sync"
)

// The fast path tags with a quantised model (one read from its file), where every sum of weights is
// exact in float64 (see Model.quantised): the features of a word that do not depend on the tags
// before it are summed once per word, before decoding, and those of the first words' tags, of the
// bias and of the lexicon flags come from small tables made once per tagger. Only the three features
// that join the previous tag with the word, its shape and the next word are looked up while decoding.
// Tag gives the same tags and margins, to the bit, as the plain path (TestFastPathAgrees).

// nPrev is the number of values a previous tag takes: the nine tags and tagStart.
const nPrev = int(nTags) + 1

func prevIndex(t Tag) int {
	if t == tagStart {
		return int(nTags)
	}
	return int(t)
}

// The templates whose features carry lexicon flags, in the order of fastTables.flags.
var flagTemplates = [4]byte{16, 17, 18, 23}

type fastTables struct {
	bias  [nTags]float64
	prev  [nPrev][nTags]float64        // template 13
	prev2 [nPrev][nPrev][nTags]float64 // template 14: prev, prev2
	flags [4][nFlags][nTags]float64    // templates 16, 17, 18 and 23, one flag each
	// the hashes of templates 15 (tag and word), 22 (tag and shape) and 26 (tag and next word)
	// after the previous tag, to go on with the word
	h15, h22, h26 [nPrev]uint64
	pool          sync.Pool // *fastScratch
}

// fastScratch is what tagging one sentence needs, kept between sentences.
type fastScratch struct {
	static [][nTags]float64
	fs     []uint64
}

func newFastTables(m *Model) *fastTables {
	ft := &fastTables{pool: sync.Pool{New: func() any { return &fastScratch{} }}}
	m.add(&ft.bias, feat(1))
	tags := func(yield func(Tag) bool) {
		for t := Tag(0); t < nTags; t++ {
			if !yield(t) {
				return
			}
		}
		yield(tagStart)
	}
	for p := range tags {
		pi := prevIndex(p)
		m.add(&ft.prev[pi], hashByte(feat(13), byte(p)))
		for p2 := range tags {
			m.add(&ft.prev2[pi][prevIndex(p2)], hashByte(hashByte(feat(14), byte(p)), byte(p2)))
		}
		ft.h15[pi] = hashByte(feat(15), byte(p))
		ft.h22[pi] = hashByte(feat(22), byte(p))
		ft.h26[pi] = hashByte(feat(26), byte(p))
	}
	for i, tmpl := range flagTemplates {
		for f := 0; f < nFlags; f++ {
			m.add(&ft.flags[i][f], hashByte(feat(tmpl), byte(f)))
		}
	}
	return ft
}

// add adds the weights of one feature into out.
func (m *Model) add(out *[nTags]float64, f uint64) {
	row := m.row(f)
	if row < 0 {
		return
	}
	w := m.weights[row*int(nTags) : (row+1)*int(nTags) : (row+1)*int(nTags)]
	for k := range out {
		out[k] += float64(w[k])
	}
}

// addFlags adds the weights of one flag template's features.
func (ft *fastTables) addFlags(out *[nTags]float64, tmpl int, flags uint32) {
	for flags != 0 {
		f := bits.TrailingZeros32(flags)
		flags &^= 1 << f
		w := &ft.flags[tmpl][f]
		for k := range out {
			out[k] += w[k]
		}
	}
}

func (t *Tagger) tagFast(s Sentence, headline bool) Result {
	ft, m := t.fast, t.model
	toks := prepare(s, t.lex)
	n := len(toks)
	res := Result{Tags: make([]Tag, n), OMargin: make([]float64, n)}
	margins := make([]float64, n)
	sc := ft.pool.Get().(*fastScratch)
	defer ft.pool.Put(sc)
	if cap(sc.static) < n {
		sc.static = make([][nTags]float64, n+16)
	}
	static := sc.static[:n]
	for i := range toks {
		out := &static[i]
		*out = ft.bias
		sc.fs = staticFeatures(sc.fs[:0], toks, i, headline)
		for _, f := range sc.fs {
			m.add(out, f)
		}
		ft.addFlags(out, 0, toks[i].flags)
		if i > 0 {
			ft.addFlags(out, 1, toks[i-1].flags)
		}
		if i+1 < n {
			ft.addFlags(out, 2, toks[i+1].flags)
		}
		if i+2 < n {
			ft.addFlags(out, 3, toks[i+2].flags&(fOrgHead|fGeoHead))
		}
	}
	prev, prev2 := tagStart, tagStart
	var scores [nTags]float64
	for i := range toks {
		p, p2 := prevIndex(prev), prevIndex(prev2)
		scores = static[i]
		for k := range scores {
			scores[k] += ft.prev[p][k] + ft.prev2[p][p2][k]
		}
		m.add(&scores, hashStr(ft.h15[p], toks[i].lower))
		m.add(&scores, hashStr(ft.h22[p], toks[i].shape))
		m.add(&scores, hashStr(ft.h26[p], wordAt(toks, i+1)))
		res.Tags[i], margins[i], res.OMargin[i] = decide(&scores, prev)
		prev2, prev = prev, res.Tags[i]
	}
	res.Spans = spans(res.Tags, margins)
	return res
}
