package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
)

func readAll(t *testing.T, path string) ([]*graph.Article, []error) {
	t.Helper()
	var arts []*graph.Article
	var errs []error
	NewReader(Options{}, nil).Read(path, func(a *graph.Article, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		arts = append(arts, a)
	})
	return arts, errs
}

func TestHTML(t *testing.T) {
	page := `<!doctype html><html><head><title>Site | Story</title>
<meta property="og:title" content="Envoy meets minister">
<meta property="article:published_time" content="2024-03-19T08:00:00Z">
<link rel="canonical" href="https://example.org/story"></head>
<body><nav><p>Home News Sport</p></nav>
<article><h1>Envoy meets minister</h1><p>The envoy met the minister in Cairo.</p>
<script>var x = 1;</script><p>They discussed   the war.</p></article>
<footer><p>Copyright</p></footer></body></html>`
	path := filepath.Join(t.TempDir(), "story.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := readAll(t, path)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("articles %v, errors %v", arts, errs)
	}
	a := arts[0]
	if a.Title != "Envoy meets minister" || a.Published != "2024-03-19" || a.URL != "https://example.org/story" || a.ID != a.URL {
		t.Errorf("metadata: %+v", a)
	}
	if want := "Envoy meets minister\nThe envoy met the minister in Cairo.\nThey discussed the war."; a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
}

func TestTextIdentityAndTitle(t *testing.T) {
	dir := t.TempDir()
	body := "# A title\r\n\r\nSome text.\r\n"
	for _, n := range []string{"a.md", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, _ := readAll(t, filepath.Join(dir, "a.md"))
	b, _ := readAll(t, filepath.Join(dir, "b.txt"))
	if a[0].ID != b[0].ID || !strings.HasPrefix(a[0].ID, "sha256:") {
		t.Errorf("the same text under two names has ids %q and %q; want one id from the text", a[0].ID, b[0].ID)
	}
	if a[0].Title != "A title" || strings.Contains(a[0].Text, "\r") {
		t.Errorf("title %q, text %q", a[0].Title, a[0].Text)
	}
}

func TestFilesWalksFoldersInOrder(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.jsonl", "sub/c.html", "notes.pdf", ".hidden/d.txt"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	files, errs := Files([]string{dir, filepath.Join(dir, "missing.txt")})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if got := strings.Join(rel, ","); got != "a.jsonl,b.txt,sub/c.html" {
		t.Errorf("files = %s", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt: ") {
		t.Errorf("errors = %v, want one naming missing.txt", errs)
	}
}

func TestDocName(t *testing.T) {
	cases := []struct {
		a    graph.Article
		want string
	}{
		{graph.Article{ID: "sha256:1", Source: "/data/seeds/001.txt"}, "001.txt"},
		{graph.Article{ID: "r-17", Source: "/data/news.jsonl:17"}, "r-17"},
		{graph.Article{ID: "r-2", Source: "-:2"}, "r-2"},
		{graph.Article{ID: "sha256:2", Source: "-"}, "sha256:2"},
	}
	for _, c := range cases {
		if got := DocName(c.a); got != c.want {
			t.Errorf("DocName(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}
