package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/lexicon"
)

// realSentences reads the committed articles (the real news of testdata/gold-news and the seeds), one
// sentence a line, with the words each article writes in lower case.
func realSentences(t testing.TB) []Sentence {
	t.Helper()
	var files []string
	for _, pat := range []string{"../../testdata/gold-news/*.txt", "../../seeds/*.txt"} {
		fs, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 40 {
		t.Fatalf("found %d articles, want the 36 of gold-news and the seeds", len(files))
	}
	var out []Sentence
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lower := map[string]bool{}
		var lines [][]string
		for _, line := range strings.Split(string(data), "\n") {
			ws := splitWords(line)
			for _, w := range ws {
				if strings.ToLower(w) == w {
					lower[w] = true
				}
			}
			lines = append(lines, ws)
		}
		for _, ws := range lines {
			if len(ws) > 0 {
				out = append(out, Sentence{Words: ws, LowerSeen: lower})
			}
		}
	}
	return out
}

// splitWords splits a line at spaces and splits punctuation off the words.
func splitWords(line string) []string {
	var out []string
	for _, w := range strings.Fields(line) {
		var tail []string
		for len(w) > 0 {
			r, n := utf8.DecodeRuneInString(w)
			if !unicode.IsPunct(r) || n == len(w) {
				break
			}
			out = append(out, w[:n])
			w = w[n:]
		}
		for len(w) > 1 {
			r, n := utf8.DecodeLastRuneInString(w)
			if !unicode.IsPunct(r) {
				break
			}
			tail = append(tail, w[len(w)-n:])
			w = w[:len(w)-n]
		}
		if w != "" {
			out = append(out, w)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

// The fast path (a model read from its file) tags every sentence of the committed articles exactly as
// the plain path does, feature by feature in order: the same tags and the same margins, to the bit, as
// headlines and as text.
func TestFastPathAgrees(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(modelGz))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if tg.fast == nil {
		t.Fatal("the embedded model does not take the fast path")
	}
	plain := &Tagger{model: m, lex: tg.lex}
	plain.pool.New = tg.pool.New
	// a tagger that keeps few words, so that most are read afresh each time
	small := NewTagger(m, tg.lex)
	small.fast.words.limit = 300
	sents := realSentences(t)
	names := 0
	for i, s := range sents {
		for _, headline := range []bool{false, true} {
			want := plain.Tag(s, headline)
			for _, fast := range []*Tagger{tg, small} {
				if got := fast.Tag(s, headline); !reflect.DeepEqual(want, got) {
					t.Fatalf("sentence %d (headline %v) %q:\n fast  %+v\n plain %+v", i, headline, s.Words, got, want)
				}
			}
			names += len(want.Spans)
		}
	}
	if n := small.fast.words.n.Load(); n != 300 {
		t.Fatalf("the small tagger kept %d words, want 300", n)
	}
	if len(sents) < 500 || names < 1000 {
		t.Fatalf("compared %d sentences with %d names: too few to tell", len(sents), names)
	}
}

// BenchmarkTag tags the sentences of the committed articles with the embedded model: MB/s is MB of
// words per second.
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := realSentences(b)
	size := 0
	for _, s := range sents {
		for _, w := range s.Words {
			size += len(w) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			tg.Tag(s, false)
		}
	}
}

// Taggers are shared by the loader's workers: tagging from several goroutines at once, while the word
// cache fills and after it is full, gives what tagging alone gives.
func TestFastPathConcurrent(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(modelGz))
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.Default()
	sents := realSentences(t)
	alone := NewTagger(m, lex)
	want := make([]Result, len(sents))
	for i, s := range sents {
		want[i] = alone.Tag(s, i%7 == 0)
	}
	shared := NewTagger(m, lex)
	shared.fast.words.limit = 2000
	errs := make(chan string, 4)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range sents {
				i := (k + g*len(sents)/4) % len(sents)
				if got := shared.Tag(sents[i], i%7 == 0); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, sentence %d %q: got %+v, want %+v", g, i, sents[i].Words, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := shared.fast.words.n.Load(); n != 2000 {
		t.Fatalf("the shared tagger kept %d words, want 2000", n)
	}
}
