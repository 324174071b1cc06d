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

func TestHardWrappedText(t *testing.T) {
	text := "TRADE TALKS OPEN IN GENEVA\n\nGeneva, March 3 - Trade ministers from the leading\nindustrial nations met in Geneva on Monday to discuss\nthe dispute over farm subsidies, officials said.\n    The talks are expected to last until Friday, and a\nfinal statement will be released on Saturday evening\nby the chairman of the meeting.\n"
	var got []string
	for _, s := range splitSentences(text) {
		got = append(got, strings.Join(strings.Fields(text[s.Start:s.End]), " "))
	}
	want := []string{
		"TRADE TALKS OPEN IN GENEVA",
		"Geneva, March 3 - Trade ministers from the leading industrial nations met in Geneva on Monday to discuss the dispute over farm subsidies, officials said.",
		"The talks are expected to last until Friday, and a final statement will be released on Saturday evening by the chairman of the meeting.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
