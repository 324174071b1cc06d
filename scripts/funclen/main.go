// Command funclen fails when a Go function is longer than 80 lines and not in the allowlist.
//
// It reads every .go file under the root (tests and scripts too; vendor, testdata and hidden folders
// left out) and measures each function declaration from its func line to its closing brace. The
// allowlist (scripts/funclen/allow.txt) holds only true tables — a table-driven test's case list, a
// rule table — one a line as "FILE FUNCTION reason"; a method is named RECEIVER.METHOD. An entry
// whose function is gone or no longer over the limit fails too, so the list stays true.
// scripts/test.sh runs it.
//
// Usage:
//
//	go run ./scripts/funclen [-max 80] [-allow scripts/funclen/allow.txt] [ROOT]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	max := flag.Int("max", 80, "longest function allowed, in `LINES`")
	allowPath := flag.String("allow", "scripts/funclen/allow.txt", "allowlist `FILE`")
	flag.Parse()
	root := "."
	if flag.NArg() > 0 {
		root = flag.Arg(0)
	}
	if err := run(os.Stdout, root, *allowPath, *max); err != nil {
		fmt.Fprintf(os.Stderr, "funclen: %v\n", err)
		os.Exit(1)
	}
}

// run reports every function over max lines that the allowlist does not hold, and every allowlist
// entry that holds nothing over max, and fails when there is any.
func run(w io.Writer, root, allowPath string, max int) error {
	allow, err := readAllow(allowPath)
	if err != nil {
		return err
	}
	long, err := longFuncs(root, max)
	if err != nil {
		return err
	}
	var bad []string
	for _, f := range long {
		if _, ok := allow[f.key()]; ok {
			delete(allow, f.key())
			continue
		}
		bad = append(bad, fmt.Sprintf("%s:%d: %s is %d lines (over %d): split it", f.file, f.line, f.name, f.lines, max))
	}
	var stale []string
	for k, line := range allow {
		stale = append(stale, fmt.Sprintf("%s:%d: %s is no longer over %d lines (or gone): remove it from the list", allowPath, line, k, max))
	}
	sort.Strings(stale)
	bad = append(bad, stale...)
	for _, b := range bad {
		fmt.Fprintln(w, b)
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d problem%s with function length", len(bad), map[bool]string{true: "s"}[len(bad) > 1])
	}
	return nil
}

// longFunc is one function over the limit.
type longFunc struct {
	file  string // slash-separated, relative to the root
	name  string // FUNCTION or RECEIVER.METHOD
	line  int
	lines int
}

func (f longFunc) key() string { return f.file + " " + f.name }

// longFuncs lists the functions over max lines in the .go files under root, in file order.
func longFuncs(root string, max int) ([]longFunc, error) {
	var out []longFunc
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if p != root && (n == "vendor" || n == "testdata" || strings.HasPrefix(n, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			start, end := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
			if n := end - start + 1; n > max {
				out = append(out, longFunc{file: filepath.ToSlash(rel), name: funcName(fd), line: start, lines: n})
			}
		}
		return nil
	})
	return out, err
}

// funcName is a function's name, or RECEIVER.METHOD for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr: // a generic receiver, T[P]
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.Ident:
			return x.Name + "." + fd.Name.Name
		}
		return fd.Name.Name
	}
}

// readAllow reads the allowlist: "FILE FUNCTION reason" a line, '#' comments and blank lines left
// out. It maps "FILE FUNCTION" to the entry's line; an entry without a reason is an error.
func readAllow(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s:%d: want \"FILE FUNCTION reason\", got %q", path, n, line)
		}
		key := fields[0] + " " + fields[1]
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("%s:%d: %s listed twice", path, n, key)
		}
		out[key] = n
	}
	return out, sc.Err()
}
