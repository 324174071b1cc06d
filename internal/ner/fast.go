package ner

import (
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kgnews/kg/internal/lexicon"
)

// The fast path tags with a quantised model (one read from its file), where every sum of weights is
// exact in float64 (see Model), so the order of adding does not matter. The features of each word
// that do not depend on the tags before it are summed once, before decoding; those of the bias, of
// the two tags before a word and of the lexicon flags come from small tables made once per tagger;
// what a word alone gives (its strings, flags, own features' sum and rows as a neighbour and after
// each tag) is kept for the first maxWords words a process reads. While decoding, only the three
// features that join the previous tag with the word, its shape and the next word are added. Tag gives
// the same tags and margins, to the bit, as the plain path (TestFastPathAgrees).

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
	// the rows of templates 7 to 10 and 26 where the neighbour word is before the first or after the
	// last word
	edge  wordInfo
	pool  sync.Pool // *fastScratch
	words wordCache
}

// wordInfo is what tagging reads of one word alone, with its features' rows looked up.
type wordInfo struct {
	tok  token
	self [nTags]float64 // templates 2, 3, 4, 5, 6 and 21
	// rows (-1 for none) of templates 7, 8, 9 and 10, with this word as the one before, after, two
	// before and two after the word tagged
	near [4]int32
	// rows of templates 15 (tag and word), 22 (tag and shape), and 26 (tag and next word, this one)
	// after each previous tag, for a word kept in the cache (kept); others look them up as needed
	prev [3][nPrev]int32
	kept bool
}

// The templates of wordInfo.prev.
const (
	prevWord = iota
	prevShape
	prevNext
)

// fastScratch is what tagging one sentence needs, kept between sentences.
type fastScratch struct {
	static [][nTags]float64
	toks   []token
	info   []*wordInfo
	words  []wordInfo // the sentence's words the cache does not keep
	hashes []uint64
	rows   []int32
	sink   uint64
}

func newFastTables(m *Model) *fastTables {
	ft := &fastTables{pool: sync.Pool{New: func() any { return &fastScratch{} }}}
	ft.words.limit = maxWords
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
	e := &ft.edge
	e.near = [4]int32{m.row32(hashStr(feat(7), "<s>")), m.row32(hashStr(feat(8), "</s>")),
		m.row32(hashStr(feat(9), "<s>")), m.row32(hashStr(feat(10), "</s>"))}
	for p := range nPrev {
		e.prev[prevNext][p] = m.row32(hashStr(ft.h26[p], "</s>"))
	}
	e.kept = true
	for i, tmpl := range flagTemplates {
		for f := 0; f < nFlags; f++ {
			m.add(&ft.flags[i][f], hashByte(feat(tmpl), byte(f)))
		}
	}
	return ft
}

// add adds the weights of one feature into out.
func (m *Model) add(out *[nTags]float64, f uint64) { m.addRow(out, m.row(f)) }

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

func (m *Model) row32(f uint64) int32 { return int32(m.row(f)) }

// findRows appends the rows of features (-1 for none) to out. It first reads where each one's
// bucket begins and the first row there, for all of them, in a loop with no branch that depends on
// the data, so that the processor has many of those reads under way at once; the search that follows
// then finds them in the cache.
func (m *Model) findRows(fs []uint64, out []int32, sink *uint64) []int32 {
	last := uint32(len(m.rows) - 1)
	if len(m.rows) == 0 {
		for range fs {
			out = append(out, -1)
		}
		return out
	}
	sum := uint64(0)
	for _, f := range fs {
		sum += m.rows[min(m.start[f>>m.shift], last)].key
	}
	*sink += sum // kept, so that the reads are not left out
	for _, f := range fs {
		out = append(out, int32(m.row(f)))
	}
	return out
}

func (m *Model) addRow32(out *[nTags]float64, row int32) { m.addRow(out, int(row)) }

// word returns what tagging reads of a word alone: from the cache, or read into spare, which the
// cache keeps when it has room.
func (ft *fastTables) word(m *Model, lex *lexicon.Lexicon, w string, spare *wordInfo) *wordInfo {
	if wi := ft.words.get(w); wi != nil {
		return wi
	}
	keep := ft.words.admit(w)
	if keep {
		w = strings.Clone(w) // the word must not hold on to the article it came from
		spare = &wordInfo{}
	}
	wi := spare
	*wi = wordInfo{tok: newToken(w, lex)}
	t := &wi.tok
	for _, f := range [...]uint64{hashStr(feat(2), t.lower), hashStr(feat(3), t.text), hashStr(feat(4), t.suf3),
		hashStr(feat(5), t.pre3), hashStr(feat(6), t.shape), hashStr(feat(21), t.suf2)} {
		m.add(&wi.self, f)
	}
	wi.near = [4]int32{m.row32(hashStr(feat(7), t.lower)), m.row32(hashStr(feat(8), t.lower)),
		m.row32(hashStr(feat(9), t.lower)), m.row32(hashStr(feat(10), t.lower))}
	if keep {
		for p := range nPrev {
			wi.prev[prevWord][p] = m.row32(hashStr(ft.h15[p], t.lower))
			wi.prev[prevShape][p] = m.row32(hashStr(ft.h22[p], t.shape))
			wi.prev[prevNext][p] = m.row32(hashStr(ft.h26[p], t.lower))
		}
		wi.kept = true
		ft.words.put(w, wi)
	}
	return wi
}

// prevRow is the row of a template of wordInfo.prev after the previous tag p.
func (ft *fastTables) prevRow(m *Model, wi *wordInfo, tmpl, p int) int32 {
	if wi.kept {
		return wi.prev[tmpl][p]
	}
	switch tmpl {
	case prevWord:
		return m.row32(hashStr(ft.h15[p], wi.tok.lower))
	case prevShape:
		return m.row32(hashStr(ft.h22[p], wi.tok.shape))
	}
	return m.row32(hashStr(ft.h26[p], wi.tok.lower))
}

func (t *Tagger) tagFast(s Sentence, headline bool) Result {
	ft, m := t.fast, t.model
	n := len(s.Words)
	res := Result{Tags: make([]Tag, n), OMargin: make([]float64, n)}
	margins := make([]float64, n)
	sc := ft.pool.Get().(*fastScratch)
	defer ft.pool.Put(sc)
	if cap(sc.static) < n {
		sc.static = make([][nTags]float64, n+16)
		sc.toks = make([]token, n+16)
		sc.info = make([]*wordInfo, n+16)
		sc.words = make([]wordInfo, n+16)
	}
	static, toks, info := sc.static[:n], sc.toks[:n], sc.info[:n]
	for i, w := range s.Words {
		info[i] = ft.word(m, t.lex, w, &sc.words[i])
		toks[i] = info[i].tok
	}
	markSentence(toks, s, t.lex)
	ft.pairRows(m, sc, toks, info)
	ft.staticScores(m, sc, static, toks, info, headline)
	prev, prev2 := tagStart, tagStart
	var scores [nTags]float64
	for i := range toks {
		p, p2 := prevIndex(prev), prevIndex(prev2)
		scores = static[i]
		for k := range scores {
			scores[k] += ft.prev[p][k] + ft.prev2[p][p2][k]
		}
		m.addRow32(&scores, ft.prevRow(m, info[i], prevWord, p))
		m.addRow32(&scores, ft.prevRow(m, info[i], prevShape, p))
		m.addRow32(&scores, ft.prevRow(m, ft.near(info, i+1), prevNext, p))
		res.Tags[i], margins[i], res.OMargin[i] = decide(&scores, prev)
		prev2, prev = prev, res.Tags[i]
	}
	// keep no word of the sentence past it
	clear(info)
	clear(toks)
	clear(sc.words[:n])
	res.Spans = spans(res.Tags, margins)
	return res
}

// near is the wordInfo of word k of a sentence, the edge's outside it.
func (ft *fastTables) near(info []*wordInfo, k int) *wordInfo {
	if k < 0 || k >= len(info) {
		return &ft.edge
	}
	return info[k]
}

// pairRows finds the rows of the features that join a word with its neighbours (into sc.rows, four a
// word), hashed for the whole sentence first and then looked up together, so that the lookups of
// different words do not wait on each other.
func (ft *fastTables) pairRows(m *Model, sc *fastScratch, toks []token, info []*wordInfo) {
	hs := sc.hashes[:0]
	for i := range toks {
		t := &toks[i]
		hs = append(hs,
			hashStr(hashStr(feat(11), shapeAt(toks, i-1)), t.shape),
			hashStr(hashStr(feat(12), t.shape), shapeAt(toks, i+1)),
			hashStr(hashStr(feat(24), wordAt(toks, i-1)), t.lower),
			hashStr(hashStr(feat(25), t.lower), wordAt(toks, i+1)))
	}
	sc.hashes = hs
	// read ahead the rows of the neighbours, and those after an outside tag, the likeliest
	if last := int32(len(m.rows) - 1); last >= 0 {
		sum := uint64(0)
		for i := range toks {
			wi := ft.near(info, i+1)
			sum += m.rows[min(max(wi.near[1], 0), last)].key + m.rows[min(max(wi.near[3], 0), last)].key +
				m.rows[min(max(wi.prev[prevNext][O], 0), last)].key + m.rows[min(max(info[i].prev[prevWord][O], 0), last)].key
		}
		sc.sink += sum
	}
	sc.rows = m.findRows(hs, sc.rows[:0], &sc.sink)
}

// staticScores fills static with the scores of every word's features that do not depend on the tags
// before it.
func (ft *fastTables) staticScores(m *Model, sc *fastScratch, static [][nTags]float64, toks []token, info []*wordInfo, headline bool) {
	n := len(toks)
	for i := range toks {
		out := &static[i]
		*out = ft.bias
		for k, v := range info[i].self {
			out[k] += v
		}
		m.addRow32(out, ft.near(info, i-1).near[0])
		m.addRow32(out, ft.near(info, i+1).near[1])
		m.addRow32(out, ft.near(info, i-2).near[2])
		m.addRow32(out, ft.near(info, i+2).near[3])
		for _, row := range sc.rows[4*i : 4*i+4] {
			m.addRow32(out, row)
		}
		t := &toks[i]
		if i == 0 {
			m.add(out, hashStr(feat(19), t.shape))
		}
		if headline {
			m.add(out, hashStr(feat(20), t.shape))
			m.add(out, hashStr(feat(27), t.lower))
		}
		ft.addFlags(out, 0, t.flags)
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
}

// maxWords bounds the words the fast path keeps: the first ones a process reads twice, which are most
// of the frequent ones. Other words are read afresh each time.
const maxWords = 1 << 15

// seenSlots is the size of wordCache.seen.
const seenSlots = 1 << 16

// wordCache is a map of words that readers use without locking: a snapshot replaced, never changed.
// New words wait in pending until there are enough of them to be worth a new snapshot.
type wordCache struct {
	words   atomic.Pointer[map[string]*wordInfo]
	mu      sync.Mutex
	pending map[string]*wordInfo
	n       atomic.Int32 // words in words and pending
	limit   int32        // the most words kept
	// seen holds the hashes of words read once, each in the slot its low bits name (a later word may
	// take the slot): a word is kept when read again while its hash is still there, so that the words
	// kept are the ones a process reads more than once, not every word it meets first. Only which
	// words are kept depends on it, never what tagging gives.
	seen [seenSlots]atomic.Uint64
}

func (c *wordCache) get(w string) *wordInfo {
	if m := c.words.Load(); m != nil {
		return (*m)[w]
	}
	return nil
}

// admit reports whether the cache takes a word it does not hold: when it has room and has seen the
// word before; otherwise it notes the word as seen.
func (c *wordCache) admit(w string) bool {
	if c.n.Load() >= c.limit {
		return false
	}
	h := hashStr(fnvOffset, w)
	slot := &c.seen[h&(seenSlots-1)]
	if slot.Load() == h {
		return true
	}
	slot.Store(h)
	return false
}

func (c *wordCache) put(w string, wi *wordInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil {
		c.pending = map[string]*wordInfo{}
	}
	var cur map[string]*wordInfo
	if m := c.words.Load(); m != nil {
		cur = *m
	}
	if _, ok := cur[w]; ok || c.pending[w] != nil || c.n.Load() >= c.limit {
		return
	}
	c.pending[w] = wi
	c.n.Add(1)
	if len(c.pending) < 64+len(cur)/4 && c.n.Load() < c.limit {
		return
	}
	next := make(map[string]*wordInfo, len(cur)+len(c.pending))
	for k, v := range cur {
		next[k] = v
	}
	for k, v := range c.pending {
		next[k] = v
	}
	c.words.Store(&next)
	clear(c.pending)
}
