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
	a := &graph.Article{}
	var title string
	var article *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				content := strings.TrimSpace(attr(n, "content"))
				switch prop {
				case "og:title":
					if content != "" {
						title = content
					}
				case "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
					"dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date":
					if a.Published == "" {
						a.Published = isoDate(content)
					}
				case "og:url":
					a.URL = content
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && a.URL == "" {
					a.URL = attr(n, "href")
				}
			case atom.Time:
				if a.Published == "" {
					a.Published = isoDate(attr(n, "datetime"))
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	root := article
	if root == nil {
		root = doc
	}
	var paras []string
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Nav, atom.Footer, atom.Aside, atom.Noscript, atom.Form, atom.Header:
				if n != root {
					return
				}
			case atom.P, atom.H1, atom.H2, atom.H3, atom.Li, atom.Blockquote:
				if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" {
					paras = append(paras, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(root)
	a.Title = title
	a.Text = strings.Join(paras, "\n")
	if strings.TrimSpace(a.Text) == "" {
		return nil, &Error{Path: path, Reason: "no article text found in the page"}
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	return a, nil
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
