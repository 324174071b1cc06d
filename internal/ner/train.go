package ner

import (
	"math/rand"
	"slices"

	"github.com/kgnews/kg/internal/lexicon"
)

// Example is one labelled sentence for training.
type Example struct {
	Sentence Sentence
	Headline bool
	Tags     []Tag
}

// TagsFromSpans turns labelled spans of words ([from, to) with a type) into tags.
func TagsFromSpans(n int, spans []Span) []Tag {
	tags := make([]Tag, n)
	for _, sp := range spans {
		b := begin(sp)
		if b == O || sp.From < 0 || sp.To > n || sp.From >= sp.To {
			continue
		}
		tags[sp.From] = b
		for k := sp.From + 1; k < sp.To; k++ {
			tags[k] = b + 1
		}
	}
	return tags
}

// trainRow is a feature's weights with what averaging needs: the running sums and when each weight
// last changed.
type trainRow struct {
	w, sum [nTags]float64
	stamp  [nTags]int
}

// TrainOptions set a training run.
type TrainOptions struct {
	Epochs int
	Seed   int64
	// MinWeight drops features whose averaged weights all stay below it in size (0 keeps all).
	MinWeight float64
	// Progress, when set, is called after each epoch with the share of words tagged right.
	Progress func(epoch int, accuracy float64)
}

// Train learns a model from labelled sentences with the averaged perceptron: tag each sentence greedily
// with the current weights, as at run time, and where a word's tag is wrong, move the weights of its
// features toward the right tag and away from the wrong one. The final weights are the averages over
// every step, which generalise better than the last ones. The same examples and seed give the same
// model.
func Train(examples []Example, lex *lexicon.Lexicon, opt TrainOptions) *Model {
	tr := &trainer{rows: map[uint64]*trainRow{}}
	prepared := make([][]token, len(examples))
	for i, ex := range examples {
		prepared[i] = prepare(ex.Sentence, lex)
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.right, tr.total = 0, 0
		for _, ei := range order {
			tr.sentence(examples[ei], prepared[ei])
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(tr.right)/float64(max(tr.total, 1)))
		}
	}
	mkeys, weights := tr.averaged(opt.MinWeight)
	m := newModel(mkeys, weights)
	m.normalise(examples, lex)
	return m
}

// trainer is the state of one training run: every feature's row, the step count, and the words
// tagged right and in all in the current epoch.
type trainer struct {
	rows         map[uint64]*trainRow
	step         int
	fs           []uint64
	right, total int
}

func (tr *trainer) update(r *trainRow, k Tag, d float64) {
	r.sum[k] += float64(tr.step-r.stamp[k]) * r.w[k]
	r.stamp[k] = tr.step
	r.w[k] += d
}

// sentence tags one example (its words prepared as toks) greedily and moves the weights of every
// wrongly tagged word's features.
func (tr *trainer) sentence(ex Example, toks []token) {
	rows := tr.rows
	prev, prev2 := tagStart, tagStart
	for i := range toks {
		tr.step++
		tr.fs = features(tr.fs[:0], toks, i, prev, prev2, ex.Headline)
		var sc [nTags]float64
		for _, f := range tr.fs {
			if r, ok := rows[f]; ok {
				for k := range sc {
					sc[k] += r.w[k]
				}
			}
		}
		guess := O
		for k := Tag(1); k < nTags; k++ {
			if allowed(prev, k) && sc[k] > sc[guess] {
				guess = k
			}
		}
		gold := ex.Tags[i]
		if !allowed(prev, gold) {
			gold = gold - 1 // an I after a different tag: read it as a B
		}
		tr.total++
		if guess == gold {
			tr.right++
		} else {
			for _, f := range tr.fs {
				r, ok := rows[f]
				if !ok {
					r = &trainRow{}
					rows[f] = r
				}
				tr.update(r, gold, 1)
				tr.update(r, guess, -1)
			}
		}
		prev2, prev = prev, guess
	}
}

// averaged averages every row over the run, drops those whose averages all stay below minWeight in
// size, and returns the rest in hash order: their keys, and their weights nTags a row.
func (tr *trainer) averaged(minWeight float64) ([]uint64, []float32) {
	keys := make([]uint64, 0, len(tr.rows))
	for k := range tr.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var mkeys []uint64
	var weights []float32
	for _, k := range keys {
		r := tr.rows[k]
		var avg [nTags]float32
		big := false
		for t := range avg {
			s := r.sum[t] + float64(tr.step-r.stamp[t])*r.w[t]
			v := s / float64(tr.step)
			avg[t] = float32(v)
			if v > minWeight || -v > minWeight {
				big = true
			}
		}
		if !big {
			continue
		}
		mkeys = append(mkeys, k)
		weights = append(weights, avg[:]...)
	}
	return mkeys, weights
}

// MedianMargin is the median span margin of a trained model over its training sentences: weights are
// scaled so that margins read on the same scale whatever the size of the training data, and callers can
// set thresholds in these units.
const MedianMargin = 10

// normalise scales the weights so that the median span margin over (up to 5,000 of) the training
// sentences is MedianMargin. Scaling changes no tagging decision.
func (m *Model) normalise(examples []Example, lex *lexicon.Lexicon) {
	t := NewTagger(m, lex)
	var ms []float64
	for i := 0; i < len(examples) && i < 5000; i++ {
		for _, sp := range t.Tag(examples[i].Sentence, examples[i].Headline).Spans {
			ms = append(ms, sp.Margin)
		}
	}
	if len(ms) == 0 {
		return
	}
	slices.Sort(ms)
	med := ms[len(ms)/2]
	if med <= 0 {
		return
	}
	f := float32(MedianMargin / med)
	for i := range m.weights {
		m.weights[i] *= f
	}
}
