package names

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldPlain is Fold as first written, rune by rune through the Unicode tables for every name: the
// reference the ASCII fast path must agree with.
func foldPlain(s string) string {
	var b strings.Builder
	space := true
	s = norm.NFD.String(s)
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), isApostrophe(r):
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
	out := strings.TrimPrefix(strings.TrimSpace(b.String()), "the ")
	if strings.HasSuffix(out, "s") && possessive(s) {
		out = strings.TrimSuffix(out, "s")
	}
	return out
}

// Fold and AppendFold agree with the plain fold on every word, pair and line of the committed
// articles, on every ASCII character, and on the corners of its rules.
func TestFoldAgrees(t *testing.T) {
	inputs := []string{"", " ", "the", "The ", "the s", "THE  X's  ", "'s", "s'", "x 's", "O'Neil's\t", "`", "a\x00b",
		"the the", "  The Hague's", "Reuters' ", "US$", "U.S.", "-", "the-s", "x's.", "James's", "co's ", "ľ'S", "Zürich's"}
	for c := 0; c < 128; c++ {
		inputs = append(inputs, string(rune(c)), "A"+string(rune(c))+"s", "the"+string(rune(c))+"x's")
	}
	var files []string
	for _, pat := range []string{"../../testdata/gold-news/*.txt", "../../seeds/*.txt"} {
		fs, _ := filepath.Glob(pat)
		files = append(files, fs...)
	}
	if len(files) < 40 {
		t.Fatalf("found %d articles", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			inputs = append(inputs, line)
			ws := strings.Fields(line)
			for i := range ws {
				inputs = append(inputs, ws[i])
				if i > 0 {
					inputs = append(inputs, ws[i-1]+" "+ws[i])
				}
			}
		}
	}
	for _, in := range inputs {
		want := foldPlain(in)
		if got := Fold(in); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", in, got, want)
		}
		if got := string(AppendFold([]byte("x"), []byte(in))); got != "x"+want {
			t.Fatalf("AppendFold(x, %q) = %q, want %q", in, got, "x"+want)
		}
	}
}

func TestFoldAllocatesNothingForFoldedASCII(t *testing.T) {
	var buf [64]byte
	n := testing.AllocsPerRun(100, func() {
		_ = Fold("arab league")
		_ = AppendFold(buf[:0], "The Arab League's")
	})
	if n != 0 {
		t.Fatalf("%v allocations, want none", n)
	}
}
