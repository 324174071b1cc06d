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
	rows := map[uint64]*trainRow{}
	step := 0
	prepared := make([][]token, len(examples))
	for i, ex := range examples {
		prepared[i] = prepare(ex.Sentence, lex)
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	var fs []uint64
	update := func(r *trainRow, k Tag, d float64) {
		r.sum[k] += float64(step-r.stamp[k]) * r.w[k]
		r.stamp[k] = step
		r.w[k] += d
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, ei := range order {
			ex := examples[ei]
			toks := prepared[ei]
			prev, prev2 := tagStart, tagStart
			for i := range toks {
				step++
				fs = features(fs[:0], toks, i, prev, prev2, ex.Headline)
				var sc [nTags]float64
				for _, f := range fs {
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
				total++
				if guess == gold {
					right++
				} else {
					for _, f := range fs {
						r, ok := rows[f]
						if !ok {
							r = &trainRow{}
							rows[f] = r
						}
						update(r, gold, 1)
						update(r, guess, -1)
					}
				}
				prev2, prev = prev, guess
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(right)/float64(max(total, 1)))
		}
	}
	// average, drop what hardly counts, and lay the rows out in hash order
	keys := make([]uint64, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var mkeys []uint64
	var weights []float32
	for _, k := range keys {
		r := rows[k]
		var avg [nTags]float32
		big := false
		for t := range avg {
			s := r.sum[t] + float64(step-r.stamp[t])*r.w[t]
			v := s / float64(step)
			avg[t] = float32(v)
			if v > opt.MinWeight || -v > opt.MinWeight {
				big = true
			}
		}
		if !big {
			continue
		}
		mkeys = append(mkeys, k)
		weights = append(weights, avg[:]...)
	}
	m := newModel(mkeys, weights)
	m.normalise(examples, lex)
	return m
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
