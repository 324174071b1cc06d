// Package names owns how names are compared: folding case, diacritics, apostrophes and punctuation, and
// the transliteration-tolerant keys used to tell when two spellings may name the same entity.
package names

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison form of a name: lower case, diacritics removed, apostrophes and
// possessive 's dropped, other punctuation turned into spaces, spaces collapsed, a leading "the" dropped.
// "Ta’izz" and "ta'izz" fold alike; so do "Reuters’" and "Reuters", "Zürich" and "zurich".
func Fold(s string) string {
	if isASCII(s) {
		var buf [64]byte
		b := appendFoldASCII(buf[:0], s)
		if string(b) == s {
			return s
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	s = norm.NFD.String(s) // split accents off their letters so they can be dropped
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimSpace(b.String())
	out = strings.TrimPrefix(out, "the ")
	if strings.HasSuffix(out, "s") && possessive(s) {
		out = strings.TrimSuffix(out, "s")
	}
	return out
}

// AppendFold appends Fold(s) to dst. It allocates nothing when s is ASCII and dst has room: callers
// look a name up with m[string(AppendFold(buf[:0], name))].
func AppendFold[S string | []byte](dst []byte, s S) []byte {
	if !isASCII(s) {
		return append(dst, Fold(string(s))...)
	}
	return appendFoldASCII(dst, s)
}

// appendFoldASCII is Fold for ASCII text: the letters and digits in lower case, apostrophes dropped,
// runs of anything else one space, no space at either end, a leading "the " and a possessive's s
// dropped.
func appendFoldASCII[S string | []byte](dst []byte, s S) []byte {
	start := len(dst)
	space := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' || c == '`':
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			dst = append(dst, c)
			space = false
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
			space = false
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	if len(dst) > start && space {
		dst = dst[:len(dst)-1]
	}
	if out := dst[start:]; len(out) >= 4 && string(out[:4]) == "the " {
		dst = append(dst[:start], out[4:]...)
	}
	if len(dst) > start && dst[len(dst)-1] == 's' {
		// a possessive: the raw name ends in 's, spaces aside
		end := len(s)
		for end > 0 && asciiSpace(s[end-1]) {
			end--
		}
		if end >= 2 && s[end-2] == '\'' && s[end-1] == 's' {
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isASCII[S string | []byte](s S) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// possessive reports whether the raw name ends in 's or ’s.
func possessive(s string) bool {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"'s", "’s", "ʼs"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', '`', '´', 'ʾ', 'ʿ':
		return true
	}
	return false
}

// Tokens returns the folded words of a name.
func Tokens(s string) []string { return strings.Fields(Fold(s)) }

// Skeleton returns a transliteration-tolerant key for one folded word: digraphs that romanisations
// spell differently are unified, vowels after the first letter and a final h are dropped, doubled
// letters collapse. "haniyeh", "haniya" and "haniye" share the skeleton "hn"; so do "ismail" and "ismail".
func Skeleton(word string) string {
	w := strings.ToLower(word)
	for _, p := range [][2]string{{"kh", "k"}, {"q", "k"}, {"ph", "f"}, {"ou", "u"}, {"dh", "d"}, {"th", "t"}, {"gh", "g"}, {"ee", "i"}, {"sh", "s"}} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	w = strings.TrimRight(w, "h")
	var b strings.Builder
	var last rune
	for i, r := range w {
		if i > 0 && strings.ContainsRune("aeiouyw", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// Particles are name parts that attach to the following word and never stand for the person alone.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "de": true, "del": true,
	"della": true, "der": true, "di": true, "da": true, "van": true, "von": true, "le": true, "la": true, "du": true,
	"dos": true, "das": true, "ben": true,
}

// IsParticle reports whether a folded word is a name particle such as al, bin, de or van.
func IsParticle(w string) bool { return particles[w] }

// Surname returns the folded last word of a person's name that is not a particle ("al-Rashid" → "rashid").
func Surname(name string) string {
	ts := Tokens(name)
	for i := len(ts) - 1; i >= 0; i-- {
		if !IsParticle(ts[i]) {
			return ts[i]
		}
	}
	return ""
}

// Words returns the folded words of a name without particles ("Ana al-Rashid" → ana, rashid). A
// particle that is also a given name is the given name when it opens the name written apart from the
// word after it ("Al Jolson", "Ben Kay" → al, jolson; ben, kay; not "al-Rashid", "Ben-Ami").
func Words(name string) []string {
	var out []string
	for i, t := range Tokens(name) {
		if !IsParticle(t) || i == 0 && opensWithGivenParticle(name) {
			out = append(out, t)
		}
	}
	return out
}

// givenParticles are the particles that are given names too, as a name opening with one is written.
var givenParticles = []string{"Al ", "Ben "}

func opensWithGivenParticle(name string) bool {
	for _, p := range givenParticles {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return true
		}
	}
	return false
}

// SameWord reports whether two folded name words are one name written two ways: equal, or of at
// least four letters with the same first letter, the same transliteration skeleton and lengths
// within two letters ("haniyeh", "haniya").
func SameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 4 || len(b) < 4 || a[0] != b[0] {
		return false
	}
	if d := len(a) - len(b); d > 2 || d < -2 {
		return false
	}
	return Skeleton(a) == Skeleton(b)
}

// WordKey is equal for two words whenever SameWord may hold between them: short words as they are,
// longer ones by first letter and skeleton. It indexes names for SameWord look-ups.
func WordKey(w string) string {
	if len(w) < 4 {
		return "=" + w
	}
	return w[:1] + Skeleton(w)
}

// orgFillers are the small words an organisation's name may or may not spell out.
var orgFillers = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "de": true, "la": true, "du": true}

// OrgKey compares organisation names regardless of word order: "Ministry of Foreign Affairs" and
// "Foreign Affairs Ministry" share a key; "Israeli Foreign Affairs Ministry" does not.
func OrgKey(name string) string {
	words := Tokens(name)
	kept := words[:0]
	for _, w := range words {
		if !orgFillers[w] {
			kept = append(kept, w)
		}
	}
	sort.Strings(kept)
	out := kept[:0]
	for i, w := range kept {
		if i == 0 || w != kept[i-1] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// Distance is the optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of neighbours each cost one.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n, m := len(ra), len(rb)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for j := 0; j <= m; j++ {
		d[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[n][m]
}
