package ingest

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kgnews/kg/internal/graph"
)

// parseHTML reads a news page: its title, date and URL from the page's metadata, and its text from the
// paragraphs and headings of the <article> element (or of the whole body when there is none), leaving
// out scripts, navigation, asides and footers.
func parseHTML(path string, data []byte) (*graph.Article, error) {
	if err := checkText(path, 0, data); err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{Path: path, Reason: "unreadable HTML: " + err.Error()}
	}
	m := &pageMeta{}
	m.walk(doc)
	root := m.article
	if root == nil {
		root = doc
	}
	a := &graph.Article{Title: m.title, Published: m.published, URL: m.url}
	a.Text = strings.Join(paragraphs(root, root, nil), "\n")
	if strings.TrimSpace(a.Text) == "" {
		return nil, &Error{Path: path, Reason: "no article text found in the page"}
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	return a, nil
}

// pageMeta is what a page says of itself: title, date and URL, and its <article> element.
type pageMeta struct {
	title, published, url string
	article               *html.Node
}

// walk reads n and the nodes under it into m.
func (m *pageMeta) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			if m.title == "" && n.FirstChild != nil {
				m.title = strings.TrimSpace(n.FirstChild.Data)
			}
		case atom.Meta:
			m.meta(n)
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
				m.url = attr(n, "href")
			}
		case atom.Time:
			if m.published == "" {
				m.published = isoDate(attr(n, "datetime"))
			}
		case atom.Article:
			if m.article == nil {
				m.article = n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c)
	}
}

// meta reads one <meta> element: an og:title wins over <title>, the first date given wins, og:url
// wins over a canonical link.
func (m *pageMeta) meta(n *html.Node) {
	prop := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
	content := strings.TrimSpace(attr(n, "content"))
	switch prop {
	case "og:title":
		if content != "" {
			m.title = content
		}
	case "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
		"dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date":
		if m.published == "" {
			m.published = isoDate(content)
		}
	case "og:url":
		m.url = content
	}
}

// paragraphs appends the text of the paragraphs, headings, list items and quotes under n to paras,
// leaving out scripts, styles, navigation, footers, asides, forms and headers below root.
func paragraphs(root, n *html.Node, paras []string) []string {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Nav, atom.Footer, atom.Aside, atom.Noscript, atom.Form, atom.Header:
			if n != root {
				return paras
			}
		case atom.P, atom.H1, atom.H2, atom.H3, atom.Li, atom.Blockquote:
			if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" {
				paras = append(paras, t)
			}
			return paras
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		paras = paragraphs(root, c, paras)
	}
	return paras
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
