package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/query"
)

// kgquery entity: one entity's profile.

// entityCommand is kgquery entity.
func entityCommand() *cli.Command {
	return &cli.Command{
		Name:      "entity",
		Usage:     "a profile: type, spellings and why they merged, posts, meetings, visits, articles",
		ArgsUsage: "ENTITY",
		Action:    entityAction,
	}
}

func entityAction(c *cli.Context) error {
	a, err := args(c, 1, "an entity: kgquery entity ENTITY")
	if err != nil {
		return err
	}
	return withSession(c, true, func(q *query.Engine, f string) error {
		return answerEntity(c.Context, q, c.App.Writer, f, a[0])
	})
}

func answerEntity(ctx context.Context, q *query.Engine, w io.Writer, f, name string) error {
	e, err := q.Resolve(ctx, name)
	if err != nil {
		return err
	}
	p, err := q.Profile(ctx, e.ID)
	if err != nil {
		return err
	}
	l, err := fetchSources(ctx, q, linkRelations(p.Posts, p.Holders, p.Met, p.Visits, p.Visitors))
	if err != nil {
		return err
	}
	return emit(w, f, profileView(l, p))
}

func profileView(l *sources, p *query.Profile) *view {
	sections := []struct {
		name  string
		links []query.Link
	}{{"posts", p.Posts}, {"people holding posts here", p.Holders}, {"met", p.Met}, {"visited", p.Visits}, {"visitors", p.Visitors}}
	type articleView struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Published string `json:"published,omitempty"`
		Source    string `json:"source"`
		Mentions  int    `json:"mentions"`
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
		// cited as evidence is: by file name, or by id for a JSON Lines record (not "news.jsonl:1234")
		av := articleView{ID: a.Article.ID, Title: a.Article.Title, Published: a.Article.Published, Source: ingest.DocName(a.Article), Mentions: a.Count}
		arts = append(arts, av)
		rows = append(rows, []string{"articles", "", "", av.Title, "", "", "", "", "", strconv.Itoa(a.Count), "", av.Source, oneLine(av.Title), av.Published})
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
				fmt.Fprintf(w, "  %3d× %s\n", a.Mentions, cite(a.Source, a.Title, a.Published, 72))
			}
		}
	}
	return v
}
