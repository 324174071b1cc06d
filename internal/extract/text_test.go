package extract

import (
	"strings"
	"testing"
)

func words(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := map[string]string{
		"China’s Foreign Ministry":       "China|’s|Foreign|Ministry",
		"Isma’il Haniya met al-Maliki.":  "Isma’il|Haniya|met|al-Maliki|.",
		"the U.S. and Hamas' attacks":    "the|U.S.|and|Hamas|'|attacks",
		"Assistant Secretary-General, X": "Assistant|Secretary-General|,|X",
		"on March 18th, 2024":            "on|March|18th|,|2024",
	}
	for in, want := range cases {
		toks := tokenize(in, 0, len(in))
		if got := strings.Join(words(toks), "|"); got != want {
			t.Errorf("tokenize(%q) = %s, want %s", in, got, want)
		}
		for _, tk := range toks {
			if in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets %d-%d that read %q", in, tk.Text, tk.Start, tk.End, in[tk.Start:tk.End])
			}
		}
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Chinese Official Meets Hamas Head in Qatar\n\nMr. Wang met Dr. Smith in the U.S. on Monday. They talked.\nHe left! \"Why?\" she asked."
	ss := splitSentences(text)
	var got []string
	for _, s := range ss {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"Chinese Official Meets Hamas Head in Qatar",
		"Mr. Wang met Dr. Smith in the U.S. on Monday.",
		"They talked.",
		"He left!",
		"\"Why?\" she asked.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(ss) > 0 && !ss[0].Headline {
		t.Errorf("the title line is not marked as a headline")
	}
	for _, s := range ss[1:] {
		if s.Headline {
			t.Errorf("prose marked as headline: %q", text[s.Start:s.End])
		}
	}
}
