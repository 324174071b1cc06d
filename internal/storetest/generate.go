package storetest

import (
	"fmt"
	"math/rand"

	"github.com/kgnews/kg/internal/graph"
)

// GenOptions shape a generated graph.
type GenOptions struct {
	Entities  int   // number of entities: a third each people, organisations, places
	Relations int   // number of relations
	Articles  int   // number of articles the facts are spread over
	Seed      int64 // the same seed gives the same graph
}

// Generate builds a random but reproducible graph: people meet people and organisations, hold posts
// at organisations and places, and visit places; each relation has one or two facts with dates in
// 2024, some without, some disagreeing.
func Generate(o GenOptions) *graph.Batch {
	r := rand.New(rand.NewSource(o.Seed))
	b := &graph.Batch{}
	if o.Articles <= 0 {
		o.Articles = max(1, o.Relations/10)
	}
	for i := 0; i < o.Articles; i++ {
		b.Articles = append(b.Articles, graph.Article{ID: fmt.Sprintf("gen-%06d", i), Title: fmt.Sprintf("Generated article %d", i), Source: fmt.Sprintf("gen/%06d.txt", i)})
	}
	var people, orgs, places []string
	for i := 0; i < o.Entities; i++ {
		var e graph.Entity
		switch i % 3 {
		case 0:
			e = graph.Entity{ID: fmt.Sprintf("person:p%07d", i), Name: fmt.Sprintf("Person %07d", i), Type: graph.Person}
			people = append(people, e.ID)
		case 1:
			e = graph.Entity{ID: fmt.Sprintf("organisation:o%07d", i), Name: fmt.Sprintf("Organisation %07d", i), Type: graph.Organisation}
			orgs = append(orgs, e.ID)
		default:
			e = graph.Entity{ID: fmt.Sprintf("place:l%07d", i), Name: fmt.Sprintf("Place %07d", i), Type: graph.Place}
			places = append(places, e.ID)
		}
		b.Entities = append(b.Entities, e)
	}
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	seen := map[string]bool{}
	for len(b.Relations) < o.Relations {
		var rel graph.Relation
		switch k := r.Intn(10); {
		case k < 5:
			to := pick(people)
			if r.Intn(5) == 0 {
				to = pick(orgs)
			}
			rel = graph.Relation{Type: graph.Met, From: pick(people), To: to}
		case k < 8:
			to := pick(orgs)
			if r.Intn(3) == 0 {
				to = pick(places)
			}
			status := "current"
			if r.Intn(4) == 0 {
				status = "former"
			}
			rel = graph.Relation{Type: graph.HoldsPost, From: pick(people), To: to, Title: []string{"Minister", "Ambassador", "Director", "Spokesperson"}[r.Intn(4)], Status: status}
		default:
			rel = graph.Relation{Type: graph.Visited, From: pick(people), To: pick(places)}
		}
		if rel.From == rel.To {
			continue
		}
		rel.Normalize()
		if seen[rel.Key()] {
			continue
		}
		seen[rel.Key()] = true
		for f := 0; f < 1+r.Intn(2); f++ {
			date := ""
			if r.Intn(4) > 0 {
				date = fmt.Sprintf("2024-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28))
			}
			place := ""
			if rel.Type == graph.Met && r.Intn(2) == 0 {
				place = pick(places)
			}
			art := b.Articles[r.Intn(len(b.Articles))].ID
			rel.Facts = append(rel.Facts, graph.Fact{Article: art, Evidence: fmt.Sprintf("Generated sentence %d.", len(b.Relations)),
				Start: 100 * f, End: 100*f + 40, Date: date, Place: place, Confidence: 0.5 + float64(r.Intn(50))/100, Rule: "generated"})
		}
		b.Relations = append(b.Relations, rel)
	}
	return b
}
