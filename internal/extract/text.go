package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark, with byte offsets into the article text.
type Token struct {
	Start, End int
	Text       string
	Word       bool   // letters or digits, as opposed to punctuation
	capital    uint8  // 1 + capitalised(Text), set by tokenize; 0 when not set
	low        string // Text in lower case, set by tokenize
}

// Cap reports whether the token starts with an upper-case letter, or is a particle-joined name such as
// "al-Rashid".
func (t Token) Cap() bool {
	if t.capital != 0 {
		return t.capital == 2
	}
	return capitalised(t.Text)
}

func capitalised(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if unicode.IsUpper(r) {
		return true
	}
	if i := strings.IndexByte(text, '-'); i > 0 && i+1 < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[i+1:])
		return unicode.IsUpper(r2) && unicode.IsLower(r)
	}
	return false
}

// AllCaps reports whether every letter of the token is upper case and it has at least two letters.
func (t Token) AllCaps() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Lower is the token in lower case.
func (t Token) Lower() string {
	if t.low != "" {
		return t.low
	}
	return strings.ToLower(t.Text)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenize splits text[start:end] into tokens. Words keep inner hyphens and apostrophes ("Ta’izz",
// "Secretary-General"); a possessive 's or a trailing apostrophe is its own token; dotted initials
// ("U.S.") are one word.
func tokenize(text string, start, end int) []Token {
	toks := make([]Token, 0, (end-start)/4+1) // news has a token for every five or six bytes
	i := start
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			// possessive: 's / ’s followed by a non-letter
			if isApos(r) && i+w < end && (text[i+w] == 's' || text[i+w] == 'S') && (i+w+1 >= end || !isWordByteAt(text, i+w+1)) {
				toks = append(toks, Token{Start: i, End: i + w + 1, Text: text[i : i+w+1]})
				i += w + 1
				continue
			}
			toks = append(toks, Token{Start: i, End: i + w, Text: text[i : i+w]})
			i += w
			continue
		}
		// "ex-minister", "Ex-Downing Street": the prefix is a word of its own, so the name or title after
		// it is read whole and "ex" says the post is a former one
		if i+3 < end && (text[i] == 'e' || text[i] == 'E') && text[i+1] == 'x' && text[i+2] == '-' && isWordByteAt(text, i+3) {
			toks = append(toks, Token{Start: i, End: i + 2, Text: text[i : i+2], Word: true},
				Token{Start: i + 2, End: i + 3, Text: "-"})
			i += 3
			continue
		}
		j := i
		for j < end {
			r, w := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += w
				continue
			}
			if (r == '-' || isApos(r) || r == '.') && j+w < end {
				r2, _ := utf8.DecodeRuneInString(text[j+w:])
				if !isWordRune(r2) {
					break
				}
				if isApos(r) && (r2 == 's' || r2 == 'S') && (j+w+1 >= end || !isWordByteAt(text, j+w+1)) {
					break // possessive
				}
				if r == '.' && !dottedInitial(text, i, j) {
					break
				}
				j += w
				continue
			}
			break
		}
		// a trailing dot after dotted initials ("U.S.") belongs to the word
		if j < end && text[j] == '.' && strings.Contains(text[i:j], ".") && dottedInitial(text, i, j) {
			j++
		}
		toks = append(toks, Token{Start: i, End: j, Text: text[i:j], Word: true})
		i = j
	}
	// whether capitalised, and in lower case, once: the rules ask again and again; ASCII text is
	// lowered in one piece
	for k := range toks {
		toks[k].capital = 1
		if capitalised(toks[k].Text) {
			toks[k].capital = 2
		}
	}
	if ascii(text[start:end]) {
		low := strings.ToLower(text[start:end])
		for k := range toks {
			toks[k].low = low[toks[k].Start-start : toks[k].End-start]
		}
		return toks
	}
	for k := range toks {
		toks[k].low = strings.ToLower(toks[k].Text)
	}
	return toks
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// dottedInitial reports whether text[i:j] is a run of single letters joined by dots ("U", "U.S").
func dottedInitial(text string, i, j int) bool {
	for _, part := range strings.Split(text[i:j], ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the letters and digits of ASCII; no mark is ASCII
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordByteAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// Sentence is a span of the text with its tokens.
type Sentence struct {
	Start, End int
	Tokens     []Token
	// Headline is set for lines that look like titles, captions or section heads: no closing
	// punctuation and mostly capitalised words, or all capitals. They yield no relations.
	Headline bool
}

// abbreviations end in a dot without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sr": true, "jr": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "gov": true, "sen": true, "rep": true,
	"rev": true, "hon": true, "no": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "approx": true, "est": true, "fig": true,
}

// splitSentences splits the text into sentences: at line breaks, and after ., ! or ? (and closing quotes
// or brackets) followed by a space and an upper-case letter, digit or quote, unless the dot ends an
// abbreviation or an initial. Hard-wrapped text (newswire lines cut at a fixed width) is read by
// paragraph instead, so that a sentence running over several lines stays one.
func splitSentences(text string) []Sentence {
	var out []Sentence
	if hardWrapped(text) {
		start := 0
		for start < len(text) {
			end := paragraphEnd(text, start)
			out = appendLineSentences(out, text, start, end)
			start = end
		}
		return out
	}
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		out = appendLineSentences(out, text, lineStart, lineEnd)
		lineStart = lineEnd + 1
	}
	return out
}

// hardWrapped reports whether most lines of a text end mid-sentence at a similar width.
func hardWrapped(text string) bool {
	lines, cut := 0, 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " \t\r")
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		lines++
		if n := len(l); n >= 40 && n <= 90 && !strings.ContainsAny(t[len(t)-1:], ".!?:\"”") {
			cut++
		}
	}
	return cut >= 3 && cut*10 >= lines*4
}

// paragraphEnd returns where the paragraph starting at start ends: before a blank line or an
// indented line, or at the end of the text.
func paragraphEnd(text string, start int) int {
	i := strings.IndexByte(text[start:], '\n')
	for i >= 0 {
		nl := start + i
		next := nl + 1
		if next >= len(text) {
			return len(text)
		}
		rest := text[next:]
		lineEnd := strings.IndexByte(rest, '\n')
		if lineEnd < 0 {
			lineEnd = len(rest)
		}
		if strings.TrimSpace(rest[:lineEnd]) == "" || rest[0] == ' ' || rest[0] == '\t' {
			return next
		}
		j := strings.IndexByte(text[next:], '\n')
		if j < 0 {
			return len(text)
		}
		i = next - start + j
	}
	return len(text)
}

func appendLineSentences(out []Sentence, text string, start, end int) []Sentence {
	toks := tokenize(text, start, end)
	if len(toks) == 0 {
		return out
	}
	headline := isHeadline(toks)
	begin := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Text != "." && t.Text != "!" && t.Text != "?" {
			continue
		}
		if t.Text == "." && i > 0 && toks[i-1].Word && toks[i-1].End == t.Start {
			prev := toks[i-1].low
			if first, _ := utf8.DecodeRuneInString(toks[i-1].Text); abbreviations[prev] || (utf8.RuneCountInString(prev) == 1 && unicode.IsUpper(first)) {
				continue
			}
		}
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j < len(toks) && !startsSentence(toks[j]) {
			continue
		}
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[j-1].End, Tokens: toks[begin:j], Headline: headline})
		begin = j
		i = j - 1
	}
	if begin < len(toks) {
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[len(toks)-1].End, Tokens: toks[begin:], Headline: headline})
	}
	return out
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func startsSentence(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([«", r)
}

// isHeadline reports whether a line reads as a title or caption rather than prose.
func isHeadline(toks []Token) bool {
	last := toks[len(toks)-1].Text
	if last == "." || last == "!" || last == "?" || last == ":" || isCloser(last) {
		return false
	}
	words, caps, upper := 0, 0, 0
	for _, t := range toks {
		if !t.Word {
			continue
		}
		words++
		if t.Cap() {
			caps++
		}
		if t.AllCaps() {
			upper++
		}
	}
	if words == 0 {
		return true
	}
	return words <= 20 && (caps*10 >= words*6 || upper*10 >= words*8)
}

// Sentences splits a text into sentences and tokens the way extraction reads it (used to build
// training data for the entity tagger, so that it learns on the same words it later sees).
func Sentences(text string) []Sentence { return splitSentences(text) }
