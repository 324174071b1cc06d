package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/query"
)

// view is one answer, ready for every output format.
type view struct {
	JSON    any               // the answer for scripts
	Columns []string          // one row per item, for csv, tsv and the terminal table
	Rows    [][]string        //
	Text    func(w io.Writer) // the terminal rendering when a grid is not enough; nil: the grid
	Picture *picture          // for dot and mermaid; nil when the answer is no graph
}

// picture is a small graph to draw.
type picture struct {
	Nodes []graph.Entity
	Edges []pictureEdge
}

type pictureEdge struct {
	From, To string
	Label    string
}

func (p *picture) node(e graph.Entity) {
	for _, n := range p.Nodes {
		if n.ID == e.ID {
			return
		}
	}
	p.Nodes = append(p.Nodes, e)
}

func (p *picture) edge(r graph.Relation, names func(string) string) {
	label := string(r.Type)
	if r.Title != "" {
		label += ": " + r.Title
	}
	if ds := r.Dates(); len(ds) > 0 {
		label += "\n" + strings.Join(ds, " / ")
	}
	if ps := r.Places(); len(ps) > 0 {
		var n []string
		for _, id := range ps {
			n = append(n, names(id))
		}
		label += "\nin " + strings.Join(n, " / ")
	}
	for _, e := range p.Edges {
		if e.From == r.From && e.To == r.To && e.Label == label {
			return
		}
	}
	p.Edges = append(p.Edges, pictureEdge{From: r.From, To: r.To, Label: label})
}

// format returns the output format the command should use: the flag, else a table on a terminal and
// tab-separated values on a pipe. drawable says whether the answer can be a picture.
func format(c *cli.Context, drawable bool) (string, error) {
	f := c.String("format")
	if f == "" {
		f = "tsv"
		if tty, _ := c.App.Metadata["tty"].(bool); tty {
			f = "table"
		}
	}
	switch f {
	case "table", "json", "csv", "tsv":
		return f, nil
	case "dot", "mermaid":
		if !drawable {
			return "", usageError{fmt.Sprintf("--format %s draws paths and neighbourhoods; %s has no picture", f, c.Command.Name)}
		}
		return f, nil
	}
	return "", usageError{fmt.Sprintf("unknown format %q (want table, json, csv, tsv, dot or mermaid)", f)}
}

func emit(w io.Writer, f string, v *view) error {
	switch f {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(v.JSON)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(v.Columns)
		cw.WriteAll(v.Rows)
		return cw.Error()
	case "tsv":
		fmt.Fprintln(w, strings.Join(v.Columns, "\t"))
		for _, r := range v.Rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
			}
			fmt.Fprintln(w, strings.Join(cells, "\t"))
		}
		return nil
	case "dot":
		writeDot(w, v.Picture)
		return nil
	case "mermaid":
		writeMermaid(w, v.Picture)
		return nil
	}
	// a table is for a person at a terminal: article text is shown, never obeyed
	var buf bytes.Buffer
	if v.Text != nil {
		v.Text(&buf)
	} else {
		writeGrid(&buf, v.Columns, v.Rows)
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls writes control characters other than newline and tab — escape sequences, carriage
// returns, backspaces, C1 controls, bidirectional overrides — and invalid UTF-8 as visible escapes
// (\x1b, \u202e), so that text from articles cannot move the cursor, recolour or rewrite the terminal.
func escapeControls(b []byte) []byte {
	clean := true
	for _, c := range b {
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	var out bytes.Buffer
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&out, "\\x%02x", b[0])
		case r == '\n' || r == '\t':
			out.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			fmt.Fprintf(&out, "\\x%02x", r)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
			fmt.Fprintf(&out, "\\u%04x", r)
		default:
			out.Write(b[:n])
		}
		b = b[n:]
	}
	return out.Bytes()
}

func writeGrid(w io.Writer, cols []string, rows [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = clip(oneLine(c), 60)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func quoteDot(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func writeDot(w io.Writer, p *picture) {
	fmt.Fprintln(w, "graph kg {")
	fmt.Fprintln(w, `  node [fontname="Helvetica"]; edge [fontname="Helvetica", fontsize=10];`)
	for _, n := range p.Nodes {
		shape := map[graph.EntityType]string{graph.Person: "ellipse", graph.Organisation: "box", graph.Place: "hexagon"}[n.Type]
		fmt.Fprintf(w, "  %s [label=%s, shape=%s];\n", quoteDot(n.ID), quoteDot(n.Name), shape)
	}
	for _, e := range p.Edges {
		fmt.Fprintf(w, "  %s -- %s [label=%s];\n", quoteDot(e.From), quoteDot(e.To), quoteDot(e.Label))
	}
	fmt.Fprintln(w, "}")
}

func writeMermaid(w io.Writer, p *picture) {
	fmt.Fprintln(w, "graph LR")
	ids := map[string]string{}
	for i, n := range p.Nodes {
		ids[n.ID] = "n" + strconv.Itoa(i)
		open, close := "(", ")"
		switch n.Type {
		case graph.Organisation:
			open, close = "[", "]"
		case graph.Place:
			open, close = "{{", "}}"
		}
		fmt.Fprintf(w, "  %s%s\"%s\"%s\n", ids[n.ID], open, mermaidText(n.Name), close)
	}
	for _, e := range p.Edges {
		fmt.Fprintf(w, "  %s ---|\"%s\"| %s\n", ids[e.From], mermaidText(e.Label), ids[e.To])
	}
}

func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", "<br/>", "|", "#124;").Replace(s)
}

// ---- shared pieces ----

type entityRef struct {
	ID   string           `json:"id"`
	Name string           `json:"name"`
	Type graph.EntityType `json:"type"`
}

func ref(e graph.Entity) entityRef { return entityRef{ID: e.ID, Name: e.Name, Type: e.Type} }

type factView struct {
	Article    string  `json:"article"`
	Source     string  `json:"source"`
	Title      string  `json:"title,omitempty"`     // the article's title
	Published  string  `json:"published,omitempty"` // the article's date
	Evidence   string  `json:"evidence"`
	Date       string  `json:"date,omitempty"`
	Place      string  `json:"place,omitempty"`
	Confidence float64 `json:"confidence"`
}

type relationView struct {
	Type     graph.RelType `json:"type"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Title    string        `json:"title,omitempty"`
	Status   string        `json:"status,omitempty"`
	Dates    []string      `json:"dates"`
	Places   []string      `json:"places"`
	Disputed bool          `json:"dates_disputed"`
	Facts    []factView    `json:"facts"`
}

// sources are the names and articles an answer cites, read before the answer is drawn, so that
// drawing reads nothing and has no error to swallow.
type sources struct {
	names    map[string]string
	articles map[string]graph.Article
}

// fetchSources reads the names of the entities (ids, and the ends and places of the relations) and
// the articles the relations' facts cite, in one call each.
func fetchSources(ctx context.Context, q *query.Engine, rs []graph.Relation, ids ...string) (*sources, error) {
	l := &sources{names: map[string]string{}, articles: map[string]graph.Article{}}
	var eids, aids []string
	seen := map[string]bool{}
	add := func(list *[]string, kind, id string) {
		if id != "" && !seen[kind+id] {
			seen[kind+id] = true
			*list = append(*list, id)
		}
	}
	for _, id := range ids {
		add(&eids, "e", id)
	}
	for _, r := range rs {
		add(&eids, "e", r.From)
		add(&eids, "e", r.To)
		for _, f := range r.Facts {
			add(&eids, "e", f.Place)
			add(&aids, "a", f.Article)
		}
	}
	if len(eids) > 0 {
		es, err := q.S.Lookup(ctx, eids)
		if err != nil {
			return nil, err
		}
		for id, e := range es {
			l.names[id] = e.Name
		}
	}
	if len(aids) > 0 {
		as, err := q.S.Articles(ctx, aids)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			l.articles[a.ID] = a
		}
	}
	return l, nil
}

// linkRelations lists the relations of links, for fetchSources.
func linkRelations(lists ...[]query.Link) []graph.Relation {
	var rs []graph.Relation
	for _, links := range lists {
		for _, k := range links {
			rs = append(rs, k.Relation)
		}
	}
	return rs
}

// name is an entity's name, or its id when the store does not hold it.
func (l *sources) name(id string) string {
	if n, ok := l.names[id]; ok {
		return n
	}
	return id
}

// source is how an article is cited: its file's name, or its id when it was a JSON Lines record
// (not "news.jsonl:1234") or came from standard input, as kgload names articles.
func (l *sources) source(id string) string {
	a, ok := l.articles[id]
	if !ok || a.Source == "" {
		return id
	}
	return ingest.DocName(a)
}

func (l *sources) relation(r graph.Relation) relationView {
	rv := relationView{Type: r.Type, From: l.name(r.From), To: l.name(r.To), Title: r.Title, Status: r.Status,
		Dates: r.Dates(), Disputed: r.Disputed(), Places: []string{}, Facts: []factView{}}
	if rv.Dates == nil {
		rv.Dates = []string{}
	}
	for _, p := range r.Places() {
		rv.Places = append(rv.Places, l.name(p))
	}
	facts := append([]graph.Fact{}, r.Facts...)
	sort.SliceStable(facts, func(i, j int) bool {
		si, sj := l.source(facts[i].Article), l.source(facts[j].Article)
		if si != sj {
			return si < sj
		}
		return facts[i].Start < facts[j].Start
	})
	for _, f := range facts {
		a := l.articles[f.Article]
		rv.Facts = append(rv.Facts, factView{Article: f.Article, Source: l.source(f.Article), Title: a.Title, Published: a.Published,
			Evidence: f.Evidence, Date: f.Date, Place: l.name(f.Place), Confidence: f.Confidence})
	}
	return rv
}

// describe is a relation in one line: "A MET B as title (former) · dates · in places".
func describe(r relationView) string {
	s := fmt.Sprintf("%s %s %s", r.From, r.Type, r.To)
	if r.Title != "" {
		s += " as " + r.Title
		if r.Status == "former" {
			s += " (former)"
		}
	}
	var meta []string
	if len(r.Dates) > 0 {
		meta = append(meta, strings.Join(r.Dates, " / "))
	}
	if len(r.Places) > 0 {
		meta = append(meta, "in "+strings.Join(r.Places, " / "))
	}
	if len(meta) > 0 {
		s += " · " + strings.Join(meta, " · ")
	}
	return s
}

// disagreement says which sources give which date.
func disagreement(r relationView) string {
	var parts []string
	for _, d := range r.Dates {
		var srcs []string
		seen := map[string]bool{}
		for _, f := range r.Facts {
			if f.Date == d && !seen[f.Source] {
				seen[f.Source] = true
				srcs = append(srcs, f.Source)
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", d, strings.Join(srcs, ", ")))
	}
	return strings.Join(parts, " vs ")
}

// titleWidth is how much of an article's title a terminal citation shows.
const titleWidth = 60

// cite is a compact citation for a terminal: `bbc-042 “Blair meets …” (2005-02-10)`, the title
// shortened to width and the parts the article lacks left out.
func cite(source, title, published string, width int) string {
	s := source
	if t := oneLine(title); t != "" {
		s += " “" + clipWords(t, width) + "”"
	}
	if published != "" {
		s += " (" + published + ")"
	}
	return s
}

// clipWords shortens s to at most n runes, cut at a word break when one is near, ending in "…".
func clipWords(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:—-") + "…"
}

// writeRelation prints a relation with every evidence sentence and the articles that say it.
func writeRelation(w io.Writer, indent string, r relationView) {
	fmt.Fprintf(w, "%s%s\n", indent, describe(r))
	if r.Disputed {
		fmt.Fprintf(w, "%s! sources disagree on the date: %s\n", indent, disagreement(r))
	}
	for _, s := range bySentence(r.Facts) {
		fmt.Fprintf(w, "%s  “%s”\n%s    — %s\n", indent, s.evidence, indent, cites(s.facts, true))
	}
}

// sentence is one evidence sentence and the facts that give it.
type sentence struct {
	evidence string
	facts    []factView
}

// bySentence groups facts by their evidence sentence, in order: the same sentence from copies of
// one article (a story run twice) is shown once, citing each copy.
func bySentence(fs []factView) []sentence {
	var out []sentence
	at := map[string]int{}
	for _, f := range fs {
		ev := oneLine(f.Evidence)
		i, ok := at[ev]
		if !ok {
			i = len(out)
			at[ev] = i
			out = append(out, sentence{evidence: ev})
		}
		out[i].facts = append(out[i].facts, f)
	}
	return out
}

// cites cites the articles of facts that give one sentence: copies with the same title and date
// are named together ("wire-17, wire-17-copy “Talks” (2024-03-10)"), in the order first cited;
// with factDates, the date a fact gives, when it has one, follows its articles.
func cites(fs []factView, factDates bool) string {
	type group struct {
		first factView
		names []string
	}
	var groups []*group
	byKey := map[[3]string]*group{}
	named := map[string]bool{}
	for _, f := range fs {
		key := [3]string{f.Title, f.Published, ""}
		if factDates {
			key[2] = f.Date
		}
		g := byKey[key]
		if g == nil {
			g = &group{first: f}
			byKey[key] = g
			groups = append(groups, g)
		}
		if !named[key[2]+"\x00"+f.Source] {
			named[key[2]+"\x00"+f.Source] = true
			g.names = append(g.names, f.Source)
		}
	}
	var parts []string
	for _, g := range groups {
		c := cite(strings.Join(g.names, ", "), g.first.Title, g.first.Published, titleWidth)
		if factDates && g.first.Date != "" {
			c += " · dates it " + g.first.Date
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, "; ")
}

// firstEvidence is a relation's first fact, for the one-row-per-relation tables.
func firstEvidence(r relationView) (string, factView) {
	if len(r.Facts) == 0 {
		return "", factView{}
	}
	return oneLine(r.Facts[0].Evidence), r.Facts[0]
}

// sourceColumns are the columns that cite a row's first article in full, in tables for scripts.
var sourceColumns = []string{"source", "source title", "source date"}

func sourceCells(f factView) []string { return []string{f.Source, oneLine(f.Title), f.Published} }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

type linkView struct {
	Other    entityRef    `json:"other"`
	Outgoing bool         `json:"outgoing"`
	Relation relationView `json:"relation"`
}

func linkRows(l *sources, links []query.Link) ([]linkView, [][]string) {
	var out []linkView
	var rows [][]string
	for _, k := range links {
		rv := l.relation(k.Relation)
		out = append(out, linkView{Other: ref(k.Other), Outgoing: k.Outgoing, Relation: rv})
		dir := "→"
		if !k.Outgoing {
			dir = "←"
		}
		if k.Relation.Type.Symmetric() {
			dir = "—"
		}
		ev, first := firstEvidence(rv)
		rows = append(rows, append([]string{string(rv.Type), dir, k.Other.Name, string(k.Other.Type), rv.Title, rv.Status,
			strings.Join(rv.Dates, " "), strings.Join(rv.Places, "; "), strconv.Itoa(len(rv.Facts)), ev}, sourceCells(first)...))
	}
	return out, rows
}

var linkColumns = append([]string{"relation", "dir", "entity", "type", "title", "status", "dates", "places", "sources", "evidence"}, sourceColumns...)

func trimCols(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:min(n, len(r))]
	}
	return out
}
