// Package schema holds the Cypher constraints and indexes of the Neo4j graph, applied in file order by
// kgload before it loads and by `kgload schema`; kgquery never applies them.
package schema

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.cypher
var files embed.FS

// Statements returns every schema statement, file by file in name order, without comments.
func Statements() []string {
	names, _ := fs.Glob(files, "*.cypher")
	sort.Strings(names)
	var out []string
	for _, n := range names {
		data, _ := files.ReadFile(n)
		var cur strings.Builder
		for _, line := range strings.Split(string(data), "\n") {
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "//") {
				continue
			}
			cur.WriteString(t)
			cur.WriteByte(' ')
			if strings.HasSuffix(t, ";") {
				out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
				cur.Reset()
			}
		}
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
	}
	return out
}
