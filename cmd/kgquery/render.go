package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
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
	Title      string  `json:"title,omitempty"`
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

// lookup resolves entity and article ids to names for display, remembering what it read.
type lookup struct {
	ctx      context.Context
	q        *query.Engine
	names    map[string]string
	articles map[string]graph.Article
}

func newLookup(ctx context.Context, q *query.Engine) *lookup {
	return &lookup{ctx: ctx, q: q, names: map[string]string{}, articles: map[string]graph.Article{}}
}

func (l *lookup) name(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := l.names[id]; ok {
		return n
	}
	n := id
	if e, err := l.q.S.Entity(l.ctx, id); err == nil {
		n = e.Name
	}
	l.names[id] = n
	return n
}

// loadArticles reads the articles the relations cite, in one call.
func (l *lookup) loadArticles(rs []graph.Relation) error {
	var ids []string
	for _, r := range rs {
		for _, f := range r.Facts {
			if _, ok := l.articles[f.Article]; !ok {
				ids = append(ids, f.Article)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	as, err := l.q.S.Articles(l.ctx, ids)
	if err != nil {
		return err
	}
	for _, a := range as {
		l.articles[a.ID] = a
	}
	return nil
}

// source is how an article is shown: its file's name, or its id.
func (l *lookup) source(id string) string {
	a, ok := l.articles[id]
	if !ok || a.Source == "" {
		return id
	}
	return filepath.Base(a.Source)
}

func (l *lookup) relation(r graph.Relation) relationView {
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
		rv.Facts = append(rv.Facts, factView{Article: f.Article, Source: l.source(f.Article), Title: a.Title,
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

// writeRelation prints a relation with every evidence sentence and its article.
func writeRelation(w io.Writer, indent string, r relationView) {
	fmt.Fprintf(w, "%s%s\n", indent, describe(r))
	if r.Disputed {
		fmt.Fprintf(w, "%s! sources disagree on the date: %s\n", indent, disagreement(r))
	}
	for _, f := range r.Facts {
		extra := ""
		if f.Date != "" {
			extra = " (" + f.Date + ")"
		}
		fmt.Fprintf(w, "%s  “%s”\n%s    — %s%s\n", indent, oneLine(f.Evidence), indent, f.Source, extra)
	}
}

func firstEvidence(r relationView) (string, string) {
	if len(r.Facts) == 0 {
		return "", ""
	}
	return oneLine(r.Facts[0].Evidence), r.Facts[0].Source
}

// ---- paths ----

type hopView struct {
	From      entityRef      `json:"from"`
	To        entityRef      `json:"to"`
	Relations []relationView `json:"relations"`
}

type pathView struct {
	From   entityRef `json:"from"`
	To     entityRef `json:"to"`
	Length int       `json:"length"`
	Hops   []hopView `json:"hops"`
}

func pathsView(ctx context.Context, q *query.Engine, ps []*graph.Path) (*view, error) {
	l := newLookup(ctx, q)
	var all []graph.Relation
	for _, p := range ps {
		for _, h := range p.Hops {
			all = append(all, h.Relations...)
		}
	}
	if err := l.loadArticles(all); err != nil {
		return nil, err
	}
	var pvs []pathView
	pic := &picture{}
	v := &view{Columns: []string{"path", "hop", "from", "relation", "to", "title", "dates", "places", "disputed", "evidence", "source"}}
	for pi, p := range ps {
		pv := pathView{From: ref(p.Nodes[0]), To: ref(p.Nodes[len(p.Nodes)-1]), Length: p.Len(), Hops: []hopView{}}
		for _, n := range p.Nodes {
			pic.node(n)
		}
		for hi, h := range p.Hops {
			hv := hopView{From: ref(h.From), To: ref(h.To)}
			for _, r := range h.Relations {
				rv := l.relation(r)
				hv.Relations = append(hv.Relations, rv)
				pic.edge(r, l.name)
				ev, src := firstEvidence(rv)
				v.Rows = append(v.Rows, []string{strconv.Itoa(pi + 1), strconv.Itoa(hi + 1), rv.From, string(rv.Type), rv.To, rv.Title,
					strings.Join(rv.Dates, " "), strings.Join(rv.Places, "; "), strconv.FormatBool(rv.Disputed), ev, src})
			}
			pv.Hops = append(pv.Hops, hv)
		}
		pvs = append(pvs, pv)
	}
	v.Picture = pic
	if len(pvs) == 1 {
		v.JSON = pvs[0]
	} else {
		v.JSON = pvs
	}
	v.Text = func(w io.Writer) {
		for i, pv := range pvs {
			if len(pvs) > 1 {
				fmt.Fprintf(w, "Path %d of %d: ", i+1, len(pvs))
			}
			fmt.Fprintf(w, "%s → %s: %d hop%s\n\n", pv.From.Name, pv.To.Name, pv.Length, plural(pv.Length))
			for hi, h := range pv.Hops {
				fmt.Fprintf(w, "%d. %s (%s) — %s (%s)\n", hi+1, h.From.Name, h.From.Type, h.To.Name, h.To.Type)
				for _, r := range h.Relations {
					writeRelation(w, "   ", r)
				}
				fmt.Fprintln(w)
			}
		}
	}
	return v, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ---- neighbours ----

type linkView struct {
	Other    entityRef    `json:"other"`
	Outgoing bool         `json:"outgoing"`
	Relation relationView `json:"relation"`
}

func linkRows(l *lookup, links []query.Link) ([]linkView, [][]string) {
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
		ev, src := firstEvidence(rv)
		rows = append(rows, []string{string(rv.Type), dir, k.Other.Name, string(k.Other.Type), rv.Title, rv.Status,
			strings.Join(rv.Dates, " "), strings.Join(rv.Places, "; "), strconv.Itoa(len(rv.Facts)), ev, src})
	}
	return out, rows
}

var linkColumns = []string{"relation", "dir", "entity", "type", "title", "status", "dates", "places", "sources", "evidence", "source"}

func linksView(ctx context.Context, q *query.Engine, e graph.Entity, links []query.Link) (*view, error) {
	l := newLookup(ctx, q)
	var rs []graph.Relation
	for _, k := range links {
		rs = append(rs, k.Relation)
	}
	if err := l.loadArticles(rs); err != nil {
		return nil, err
	}
	lv, rows := linkRows(l, links)
	pic := &picture{}
	pic.node(e)
	for _, k := range links {
		pic.node(k.Other)
		pic.edge(k.Relation, l.name)
	}
	if lv == nil {
		lv = []linkView{}
	}
	v := &view{JSON: map[string]any{"entity": ref(e), "links": lv}, Columns: linkColumns, Rows: rows, Picture: pic}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "%s (%s): %d relation%s\n\n", e.Name, e.Type, len(links), plural(len(links)))
		if len(rows) > 0 {
			writeGrid(w, linkColumns[:9], trimCols(rows, 9))
		}
	}
	return v, nil
}

func trimCols(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:min(n, len(r))]
	}
	return out
}

// ---- common ----

func commonView(ctx context.Context, q *query.Engine, a, b graph.Entity, ss []query.Shared) (*view, error) {
	l := newLookup(ctx, q)
	var rs []graph.Relation
	for _, s := range ss {
		for _, k := range append(append([]query.Link{}, s.WithA...), s.WithB...) {
			rs = append(rs, k.Relation)
		}
	}
	if err := l.loadArticles(rs); err != nil {
		return nil, err
	}
	type sharedView struct {
		Entity entityRef  `json:"entity"`
		WithA  []linkView `json:"with_a"`
		WithB  []linkView `json:"with_b"`
	}
	out := []sharedView{}
	var rows [][]string
	pic := &picture{}
	pic.node(a)
	pic.node(b)
	for _, s := range ss {
		la, ra := linkRows(l, s.WithA)
		lb, rb := linkRows(l, s.WithB)
		out = append(out, sharedView{Entity: ref(s.Entity), WithA: la, WithB: lb})
		for _, r := range ra {
			rows = append(rows, append([]string{s.Entity.Name, string(s.Entity.Type), a.Name}, r[0], r[4], r[6], r[7], r[9], r[10]))
		}
		for _, r := range rb {
			rows = append(rows, append([]string{s.Entity.Name, string(s.Entity.Type), b.Name}, r[0], r[4], r[6], r[7], r[9], r[10]))
		}
		pic.node(s.Entity)
		for _, k := range append(append([]query.Link{}, s.WithA...), s.WithB...) {
			pic.edge(k.Relation, l.name)
		}
	}
	cols := []string{"entity", "type", "linked to", "relation", "title", "dates", "places", "evidence", "source"}
	v := &view{JSON: map[string]any{"a": ref(a), "b": ref(b), "common": out}, Columns: cols, Rows: rows, Picture: pic}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "Linked to both %s and %s: %d\n\n", a.Name, b.Name, len(ss))
		for _, s := range out {
			fmt.Fprintf(w, "%s (%s)\n", s.Entity.Name, s.Entity.Type)
			for _, k := range append(append([]linkView{}, s.WithA...), s.WithB...) {
				writeRelation(w, "   ", k.Relation)
			}
			fmt.Fprintln(w)
		}
	}
	return v, nil
}

// ---- profile ----

func profileView(ctx context.Context, q *query.Engine, p *query.Profile) (*view, error) {
	l := newLookup(ctx, q)
	var rs []graph.Relation
	sections := []struct {
		name  string
		links []query.Link
	}{{"posts", p.Posts}, {"people holding posts here", p.Holders}, {"met", p.Met}, {"visited", p.Visits}, {"visitors", p.Visitors}}
	for _, s := range sections {
		for _, k := range s.links {
			rs = append(rs, k.Relation)
		}
	}
	if err := l.loadArticles(rs); err != nil {
		return nil, err
	}
	type articleView struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Source   string `json:"source"`
		Mentions int    `json:"mentions"`
	}
	js := map[string]any{"entity": p.Entity}
	var rows [][]string
	texts := map[string][]linkView{}
	for _, s := range sections {
		lv, lr := linkRows(l, s.links)
		if lv == nil {
			lv = []linkView{}
		}
		js[strings.ReplaceAll(s.name, " ", "_")] = lv
		texts[s.name] = lv
		for _, r := range lr {
			rows = append(rows, append([]string{s.name}, r...))
		}
	}
	arts := []articleView{}
	for _, a := range p.Articles {
		arts = append(arts, articleView{ID: a.Article.ID, Title: a.Article.Title, Source: filepath.Base(a.Article.Source), Mentions: a.Count})
		rows = append(rows, []string{"articles", "", a.Article.Title, "", "", "", "", "", "", strconv.Itoa(a.Count), "", filepath.Base(a.Article.Source)})
	}
	js["articles"] = arts
	pic := &picture{}
	pic.node(p.Entity)
	for _, s := range sections {
		for _, k := range s.links {
			pic.node(k.Other)
			pic.edge(k.Relation, l.name)
		}
	}
	v := &view{JSON: js, Columns: append([]string{"section"}, linkColumns...), Rows: rows, Picture: pic}
	v.Text = func(w io.Writer) {
		e := p.Entity
		fmt.Fprintf(w, "%s — %s, id %s\n", e.Name, e.Type, e.ID)
		if e.Partial() {
			fmt.Fprintf(w, "partial: known only by this one name in articles that give no full name\n")
		}
		if len(e.Aliases) > 0 {
			fmt.Fprintf(w, "also written: %s\n", strings.Join(e.Aliases, ", "))
		}
		for _, m := range e.Merges {
			fmt.Fprintf(w, "  merged: %s\n", m)
		}
		for _, s := range sections {
			if len(texts[s.name]) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s (%d)\n", strings.ToUpper(s.name[:1])+s.name[1:], len(texts[s.name]))
			for _, k := range texts[s.name] {
				writeRelation(w, "  ", k.Relation)
			}
		}
		if len(arts) > 0 {
			fmt.Fprintf(w, "\nArticles (%d)\n", len(arts))
			for _, a := range arts {
				fmt.Fprintf(w, "  %-28s %3d× %s\n", a.Source, a.Mentions, a.Title)
			}
		}
	}
	return v, nil
}

// ---- timeline ----

func timelineView(ctx context.Context, q *query.Engine, e graph.Entity, evs []query.Event) (*view, error) {
	l := newLookup(ctx, q)
	var rs []graph.Relation
	for _, ev := range evs {
		rs = append(rs, graph.Relation{Facts: ev.Facts})
	}
	if err := l.loadArticles(rs); err != nil {
		return nil, err
	}
	type eventView struct {
		Date     string        `json:"date"`
		Type     graph.RelType `json:"type"`
		Other    entityRef     `json:"other"`
		Outgoing bool          `json:"outgoing"`
		Title    string        `json:"title,omitempty"`
		Status   string        `json:"status,omitempty"`
		Place    string        `json:"place,omitempty"`
		Disputed bool          `json:"dates_disputed"`
		Facts    []factView    `json:"facts"`
	}
	out := []eventView{}
	var rows [][]string
	for _, ev := range evs {
		rv := l.relation(graph.Relation{Facts: ev.Facts})
		out = append(out, eventView{Date: ev.Date, Type: ev.Type, Other: ref(ev.Other), Outgoing: ev.Outgoing, Title: ev.Title,
			Status: ev.Status, Place: l.name(ev.Place), Disputed: ev.Disputed, Facts: rv.Facts})
		date := ev.Date
		if date == "" {
			date = "undated"
		}
		ev1, src := firstEvidence(rv)
		rows = append(rows, []string{date, string(ev.Type), ev.Other.Name, ev.Title, l.name(ev.Place), strconv.FormatBool(ev.Disputed), ev1, src})
	}
	cols := []string{"date", "relation", "with", "title", "place", "disputed", "evidence", "source"}
	v := &view{JSON: map[string]any{"entity": ref(e), "events": out}, Columns: cols, Rows: rows}
	v.Text = func(w io.Writer) {
		fmt.Fprintf(w, "Timeline of %s (%s)\n\n", e.Name, e.Type)
		for _, ev := range out {
			date := ev.Date
			if date == "" {
				date = "undated"
			}
			head := fmt.Sprintf("%-10s  %s %s", date, ev.Type, ev.Other.Name)
			if ev.Title != "" {
				head += " as " + ev.Title
			}
			if ev.Place != "" {
				head += " in " + ev.Place
			}
			if ev.Disputed {
				head += "  (sources give other dates too)"
			}
			fmt.Fprintln(w, head)
			for _, f := range ev.Facts {
				fmt.Fprintf(w, "            “%s” — %s\n", clip(oneLine(f.Evidence), 140), f.Source)
			}
		}
	}
	return v, nil
}

// ---- search and stats ----

func searchView(hits []query.Hit) *view {
	var rows [][]string
	for _, h := range hits {
		rows = append(rows, []string{h.Entity.ID, h.Entity.Name, string(h.Entity.Type), h.Name, h.How, strconv.FormatFloat(h.Score, 'f', 2, 64)})
	}
	return &view{JSON: hits, Columns: []string{"id", "name", "type", "matched", "how", "score"}, Rows: rows}
}

func statsView(where string, n graph.Counts) *view {
	rows := [][]string{{"articles", strconv.Itoa(n.Articles)}, {"entities", strconv.Itoa(n.Entities)},
		{"relations", strconv.Itoa(n.Relations)}, {"facts", strconv.Itoa(n.Facts)}, {"mentions", strconv.Itoa(n.Mentions)}}
	v := &view{JSON: n, Columns: []string{"what", "count"}, Rows: rows}
	v.Text = func(w io.Writer) {
		fmt.Fprintln(w, where)
		writeGrid(w, []string{"", ""}, rows)
	}
	return v
}
