package resolve

import (
	"slices"
	"sort"

	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
)

// Batch turns resolved articles into what a store writes: articles, entities with their corpus-wide
// ids, how often each article names each entity, and relations with one fact per sentence read.
func Batch(docs []*extract.Doc, r *Resolver) *graph.Batch {
	b := &graph.Batch{}
	seenEntity := map[string]bool{}
	rels := map[string]*graph.Relation{}
	var order []string
	for _, d := range docs {
		b.Articles = append(b.Articles, d.Article)
		counts := map[string]int{}
		spelled := map[string][]string{}
		signs := map[string][]graph.EntityType{}
		for _, e := range d.Entities {
			c := r.Of(e)
			if c == nil || e.Filer {
				continue // a sign-off's agency is no mention (extract.Entity.Filer)
			}
			if !seenEntity[c.ID] {
				seenEntity[c.ID] = true
				// copies: the clusters go on changing while this batch is written
				b.Entities = append(b.Entities, graph.Entity{ID: c.ID, Name: c.Name, Type: c.Type,
					Aliases: append([]string(nil), c.Aliases...), Merges: append([]string(nil), c.Reasons...)})
			}
			counts[c.ID] += e.MentionCount()
			if e.MentionCount() > 0 {
				spelled[c.ID] = append(append(spelled[c.ID], e.Name), e.Aliases...)
				signs[c.ID] = append(signs[c.ID], e.Signs...)
			}
		}
		for _, e := range d.Entities {
			if c := r.Of(e); c != nil && counts[c.ID] > 0 {
				b.Mentions = append(b.Mentions, graph.Mention{Entity: c.ID, Article: d.Article.ID, Count: counts[c.ID],
					Names: sortedSet(spelled[c.ID]), Signs: SortSigns(signs[c.ID])})
				delete(counts, c.ID)
			}
		}
		for _, rel := range d.Relations {
			from, to := r.Of(rel.From), r.Of(rel.To)
			if from == nil || to == nil || from == to || !fits(rel.Type, from.Type, to.Type) {
				continue
			}
			gr := graph.Relation{Type: rel.Type, From: from.ID, To: to.ID, Title: rel.Title, Status: rel.Status}
			gr.Normalize()
			k := gr.Key()
			if rels[k] == nil {
				rels[k] = &gr
				order = append(order, k)
			}
			f := graph.Fact{Article: d.Article.ID, Evidence: rel.Evidence, Start: rel.Start, End: rel.End,
				Date: rel.Date, Confidence: rel.Confidence, Rule: rel.Rule}
			if rel.Place != nil {
				if pc := r.Of(rel.Place); pc != nil {
					f.Place = pc.ID
				}
			}
			dup := false
			for _, g := range rels[k].Facts {
				if g.ID() == f.ID() {
					dup = true
					break
				}
			}
			if !dup {
				rels[k].Facts = append(rels[k].Facts, f)
			}
		}
	}
	for _, k := range order {
		b.Relations = append(b.Relations, *rels[k])
	}
	return b
}

// fits reports whether a relation's ends have the types it needs once resolved: a post or a visit
// is a person's, a meeting has a person on one side (a "person" read as a company holds no post).
func fits(t graph.RelType, from, to graph.EntityType) bool {
	if t == graph.Met {
		return from == graph.Person || to == graph.Person
	}
	return from == graph.Person
}

// sortedSet returns the distinct strings of xs, sorted.
func sortedSet(xs []string) []string {
	sort.Strings(xs)
	return slices.Compact(xs)
}
