package ner

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/cputime"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// invented builds labelled sentences from templates and invented names: a toy task the trainer must
// learn, and names it must carry over to sentences it never saw.
func invented(people, orgs, places []string) []Example {
	templates := []string{
		"On Monday {P} met officials of the {O} in {L} .",
		"{P} , a spokesman for the {O} , said prices would rise .",
		"The {O} said {P} had flown to {L} .",
		"Shares in {O} fell after {P} left {L} .",
		"In {L} , {P} told reporters the {O} was ready .",
	}
	var out []Example
	for i, p := range people {
		o, l := orgs[i%len(orgs)], places[i%len(places)]
		for _, t := range templates {
			var words []string
			var spans []Span
			for _, w := range strings.Fields(t) {
				name, typ := "", graph.EntityType("")
				switch w {
				case "{P}":
					name, typ = p, graph.Person
				case "{O}":
					name, typ = o, graph.Organisation
				case "{L}":
					name, typ = l, graph.Place
				default:
					words = append(words, w)
					continue
				}
				from := len(words)
				words = append(words, strings.Fields(name)...)
				spans = append(spans, Span{From: from, To: len(words), Type: typ})
			}
			out = append(out, Example{Sentence: Sentence{Words: words}, Tags: TagsFromSpans(len(words), spans)})
		}
	}
	return out
}

var (
	trainPeople = []string{"Arvid Tolkov", "Mirela Santoni", "Kofi Abenaa", "Ilse Varga", "Tomas Kreel", "Nadia Ferrow",
		"Olek Brandt", "Sunita Ravel", "Piet Hollander", "Ana Quiroga", "Lars Odegaard", "Yara Melis"}
	trainOrgs   = []string{"Varnish Corporation", "Bureau of Tides", "Helvex Bank", "Northwind Union"}
	trainPlaces = []string{"Quellburg", "Port Amsel", "Driftholm"}
)

func trainToy(t testing.TB, seed int64) *Model {
	t.Helper()
	return Train(invented(trainPeople, trainOrgs, trainPlaces), lexicon.Default(), TrainOptions{Epochs: 8, Seed: seed})
}

func TestTrainLearnsNamesItNeverSaw(t *testing.T) {
	tg := NewTagger(trainToy(t, 1), lexicon.Default())
	test := invented([]string{"Bruno Castellane", "Edda Morrow", "Ivo Petrak"}, []string{"Calder Corporation"}, []string{"Lindqvist"})
	right, total := 0, 0
	for _, ex := range test {
		got := tg.Tag(ex.Sentence, false)
		total++
		if fmt.Sprint(got.Tags) == fmt.Sprint(ex.Tags) {
			right++
		} else {
			t.Logf("%v\n got  %v\n want %v", ex.Sentence.Words, got.Tags, ex.Tags)
		}
	}
	if right*10 < total*8 {
		t.Fatalf("tagged %d of %d unseen sentences right, want at least 80%%", right, total)
	}
}

func TestModelRoundTripAndDeterminism(t *testing.T) {
	a, b := trainToy(t, 7), trainToy(t, 7)
	var ba, bb bytes.Buffer
	if err := a.WriteModel(&ba); err != nil {
		t.Fatal(err)
	}
	if err := b.WriteModel(&bb); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Fatal("two trainings with the same data and seed wrote different models")
	}
	r, err := ReadModel(bytes.NewReader(ba.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Features() != a.Features() {
		t.Fatalf("read %d features, wrote %d", r.Features(), a.Features())
	}
	lex := lexicon.Default()
	for _, ex := range invented([]string{"Greta Solberg"}, []string{"Marlow Trust"}, []string{"Kestrel Bay"}) {
		x, y := NewTagger(a, lex).Tag(ex.Sentence, false), NewTagger(r, lex).Tag(ex.Sentence, false)
		if fmt.Sprint(x.Tags) != fmt.Sprint(y.Tags) {
			t.Fatalf("the model read back tags %v, the trained one %v", y.Tags, x.Tags)
		}
	}
}

func TestReadModelRefusesOtherFiles(t *testing.T) {
	if _, err := ReadModel(strings.NewReader("not gzip")); err == nil {
		t.Fatal("read a model from bytes that are not one")
	}
}

// The embedded model reads plain news sentences with invented names.
func TestDefaultModel(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if tg.model.Features() < 1000 {
		t.Fatalf("the embedded model has %d features", tg.model.Features())
	}
	cases := []struct {
		text string
		want []string
	}{
		{"Foreign Minister Halvard Brekke flew to Nairobi on Tuesday .", []string{"Person:Halvard Brekke", "Place:Nairobi"}},
		{"Shares of General Motors rose 3 % in New York .", []string{"Organisation:General Motors", "Place:New York"}},
	}
	for _, c := range cases {
		words := strings.Fields(c.text)
		res := tg.Tag(Sentence{Words: words}, false)
		var got []string
		for _, sp := range res.Spans {
			got = append(got, string(sp.Type)+":"+strings.Join(words[sp.From:sp.To], " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// BenchmarkModelLoad reads the embedded model, as the first extraction of a process does, and reports
// the milliseconds one read takes, and the milliseconds of the process's CPU time, which a busy
// machine disturbs less.
func BenchmarkModelLoad(b *testing.B) {
	b.SetBytes(int64(len(modelGz)))
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, err := ReadModel(bytes.NewReader(modelGz)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(float64(used.Milliseconds())/float64(b.N), "cpu-ms/load")
	}
}
