package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path → text) under a new folder and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, text := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// body is a function of n lines in all.
func body(decl string, n int) string {
	return decl + " {\n" + strings.Repeat("\t_ = 1\n", n-2) + "}\n"
}

// TestRun: a function over the limit fails unless listed; a listed one passes; a listed one that is
// short or gone fails; testdata and hidden folders are not read; methods are RECEIVER.METHOD.
func TestRun(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a/a.go":          "package a\n\n" + body("func Short()", 10) + body("func Long()", 11) + "type T struct{}\n\n" + body("func (t *T) M()", 11),
		"a/a_test.go":     "package a\n\n" + body("func TestCases()", 11),
		"a/testdata/x.go": "package x\n\n" + body("func Ignored()", 50),
		".hidden/y.go":    "package y\n\n" + body("func Ignored()", 50),
	})
	allow := filepath.Join(t.TempDir(), "allow.txt")
	check := func(list string, wantErr bool, want ...string) {
		t.Helper()
		if err := os.WriteFile(allow, []byte(list), 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err := run(&out, root, allow, 10)
		if (err != nil) != wantErr {
			t.Errorf("allow %q: err %v, want error %v; output:\n%s", list, err, wantErr, out.String())
		}
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("allow %q: output lacks %q:\n%s", list, w, out.String())
			}
		}
		if strings.Contains(out.String(), "Ignored") || strings.Contains(out.String(), "Short is 10") {
			t.Errorf("a short function or a testdata file reported:\n%s", out.String())
		}
	}
	check("", true, "a/a.go:13: Long is 11 lines (over 10)", "a/a.go:26: T.M is 11 lines", "a/a_test.go:3: TestCases is 11 lines")
	full := "# tables\na/a.go Long a rule table\na/a.go T.M a rule table\na/a_test.go TestCases the test's case list\n"
	check(full, false)
	check(full+"a/a.go Short no longer long\n", true, "a/a.go Short is no longer over 10 lines")
	if err := os.WriteFile(allow, []byte("a/a.go Long\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(&bytes.Buffer{}, root, allow, 10); err == nil || !strings.Contains(err.Error(), "FILE FUNCTION reason") {
		t.Errorf("an entry without a reason: %v", err)
	}
}
