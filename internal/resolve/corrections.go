package resolve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kgnews/kg/internal/names"
)

// Corrections are a researcher's decisions that override resolution, read from a corrections file
// (kgload merge / kgload split write it) on every load, so they hold across reloads.
//
// The file has one decision a line, fields separated by tabs; # starts a comment:
//
//	merge	Yousri Qassimi	Yusri Qasimi	# the second spelling is the same entity as the first
//	split	Okafor	# this spelling joins nothing it is not spelled as
type Corrections struct {
	merge map[string]string // folded spelling → folded spelling of the entity it is forced into
	split map[string]bool   // folded spellings that join no other spelling
}

// ReadCorrections reads a corrections file; a missing file is no corrections. A malformed line is an
// error naming the file and line.
func ReadCorrections(path string) (*Corrections, error) {
	c := &Corrections{merge: map[string]string{}, split: map[string]bool{}}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Split(strings.TrimSpace(line), "\t")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		switch {
		case len(fs) == 1 && fs[0] == "":
		case fs[0] == "merge" && len(fs) == 3 && fs[1] != "" && fs[2] != "":
			c.Merge(fs[1], fs[2])
		case fs[0] == "split" && len(fs) == 2 && fs[1] != "":
			c.Split(fs[1])
		default:
			return nil, fmt.Errorf("%s:%d: want \"merge<TAB>A<TAB>B\" or \"split<TAB>X\"", path, n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corrections: %s: %w", path, err)
	}
	return c, nil
}

// Merge forces spelling b into the entity of spelling a; a later split of b undoes it.
func (c *Corrections) Merge(a, b string) {
	fa, fb := names.Fold(a), names.Fold(b)
	if fa == fb {
		return
	}
	for c.merge[fa] != "" && c.merge[fa] != fb { // a itself forced into another: go there
		fa = c.merge[fa]
	}
	c.merge[fb] = fa
	delete(c.split, fb)
}

// Split makes spelling x an entity of its own: it undoes a forced merge of x and every merge that
// evidence would make of x with another spelling.
func (c *Corrections) Split(x string) {
	fx := names.Fold(x)
	c.split[fx] = true
	delete(c.merge, fx)
}

// target returns the spelling a forced merge sends a name to.
func (c *Corrections) target(name string) (string, bool) {
	if c == nil {
		return "", false
	}
	t, ok := c.merge[names.Fold(name)]
	return t, ok
}

// forced reports whether a spelling is one side of a researcher's forced merge.
func (c *Corrections) forced(name string) bool {
	if c == nil {
		return false
	}
	f := names.Fold(name)
	if _, ok := c.merge[f]; ok {
		return true
	}
	for _, t := range c.merge {
		if t == f {
			return true
		}
	}
	return false
}

// isSplit reports whether a spelling must join no other spelling.
func (c *Corrections) isSplit(name string) bool { return c != nil && c.split[names.Fold(name)] }

// AppendCorrection adds one decision to a corrections file, creating it when missing.
func AppendCorrection(path string, fields ...string) error {
	for _, f := range fields {
		if f == "" || strings.ContainsAny(f, "\t\n#") {
			return fmt.Errorf("corrections: %q: a name may not be empty or hold a tab, a line break or #", f)
		}
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("corrections: %w", err)
	}
	if _, err := io.WriteString(f, strings.Join(fields, "\t")+"\n"); err != nil {
		f.Close()
		return fmt.Errorf("corrections: %w", err)
	}
	return f.Close()
}
