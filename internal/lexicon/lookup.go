package lexicon

import (
	"strings"

	"github.com/kgnews/kg/internal/names"
)

// Lookups under a word's lower-case or folded form, done in a buffer on the stack for ASCII words so
// that the many lookups of every word of every article allocate nothing.

// inLower reports m[strings.ToLower(w)].
func inLower(m map[string]bool, w string) bool { return lookupLower(m, w) }

// lookupLower is m[strings.ToLower(w)], lowered in a buffer on the stack for a short ASCII word.
func lookupLower[V any](m map[string]V, w string) V {
	var buf [32]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

// folded returns m[names.Fold(name)].
func folded[V any, S string | []byte](m map[string]V, name S) (V, bool) {
	var buf [64]byte
	v, ok := m[string(names.AppendFold(buf[:0], name))]
	return v, ok
}

// foldedOrUndotted returns m[names.Fold(name)], or when that is missing and the name has dots, the
// entry of the name without them ("U.S." is "US").
func foldedOrUndotted[V any, S string | []byte](m map[string]V, name S) (V, bool) {
	v, ok := folded(m, name)
	if ok {
		return v, ok
	}
	var buf [64]byte
	undotted, dots := buf[:0], false
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			dots = true
		} else {
			undotted = append(undotted, name[i])
		}
	}
	if !dots {
		return v, false
	}
	return folded(m, undotted)
}

// joined writes words with a space between them into buf: strings.Join(words, " ") without a new string.
func joined(buf []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, w...)
	}
	return buf
}
