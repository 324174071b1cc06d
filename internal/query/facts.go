package query

import (
	"context"
	"sort"

	"github.com/kgnews/kg/internal/graph"
)

// Direction restricts neighbours to relations leaving or entering an entity. MET has no direction
// and always counts.
type Direction string

// Directions.
const (
	Both Direction = "both"
	Out  Direction = "out"
	In   Direction = "in"
)

// Link is one relation seen from an entity: the other end and the relation.
type Link struct {
	Other    graph.Entity   `json:"other"`
	Relation graph.Relation `json:"relation"`
	Outgoing bool           `json:"outgoing"` // the entity is the relation's From
}

// NeighbourOptions restrict Neighbours.
type NeighbourOptions struct {
	Types     []graph.RelType
	Direction Direction
	Limit     int // 0: no limit
}

// Neighbours lists the relations of an entity, by relation type, then the other entity's name and
// id, then title.
func (q *Engine) Neighbours(ctx context.Context, id string, o NeighbourOptions) ([]Link, error) {
	if _, err := q.S.Entity(ctx, id); err != nil {
		return nil, err
	}
	rs, err := q.S.Relations(ctx, []string{id}, o.Types)
	if err != nil {
		return nil, err
	}
	var out []Link
	var others []string
	for _, r := range rs {
		others = append(others, r.From, r.To)
	}
	ents, err := q.S.Lookup(ctx, others)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.From != id && r.To != id {
			continue
		}
		outgoing := r.From == id
		if !r.Type.Symmetric() && ((o.Direction == Out && !outgoing) || (o.Direction == In && outgoing)) {
			continue
		}
		other := r.To
		if !outgoing {
			other = r.From
		}
		out = append(out, Link{Other: ents[other], Relation: r, Outgoing: outgoing})
	}
	sortLinks(out)
	if o.Limit > 0 && len(out) > o.Limit {
		out = out[:o.Limit]
	}
	return out, nil
}

func sortLinks(ls []Link) {
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if a.Relation.Type != b.Relation.Type {
			return a.Relation.Type < b.Relation.Type
		}
		if a.Other.Name != b.Other.Name {
			return a.Other.Name < b.Other.Name
		}
		if a.Other.ID != b.Other.ID {
			return a.Other.ID < b.Other.ID
		}
		return a.Relation.Key() < b.Relation.Key()
	})
}

// Shared is an entity linked to both entities of a Common question.
type Shared struct {
	Entity graph.Entity `json:"entity"`
	WithA  []Link       `json:"with_a"`
	WithB  []Link       `json:"with_b"`
}

// Common lists the entities linked to both a and b (for example, the people who met both), by name.
func (q *Engine) Common(ctx context.Context, a, b string, types []graph.RelType) ([]Shared, error) {
	la, err := q.Neighbours(ctx, a, NeighbourOptions{Types: types})
	if err != nil {
		return nil, err
	}
	lb, err := q.Neighbours(ctx, b, NeighbourOptions{Types: types})
	if err != nil {
		return nil, err
	}
	byB := map[string][]Link{}
	for _, l := range lb {
		byB[l.Other.ID] = append(byB[l.Other.ID], l)
	}
	var out []Shared
	idx := map[string]int{}
	for _, l := range la {
		id := l.Other.ID
		if id == a || id == b || byB[id] == nil {
			continue
		}
		i, ok := idx[id]
		if !ok {
			i = len(out)
			idx[id] = i
			out = append(out, Shared{Entity: l.Other, WithB: byB[id]})
		}
		out[i].WithA = append(out[i].WithA, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Entity.Name != out[j].Entity.Name {
			return out[i].Entity.Name < out[j].Entity.Name
		}
		return out[i].Entity.ID < out[j].Entity.ID
	})
	return out, nil
}

// ArticleCount is an article that names an entity, and how often.
type ArticleCount struct {
	Article graph.Article `json:"article"`
	Count   int           `json:"count"`
}

// Profile is everything the graph says about one entity.
type Profile struct {
	Entity   graph.Entity   `json:"entity"`
	Posts    []Link         `json:"posts"`   // posts it holds (HOLDS_POST from it)
	Holders  []Link         `json:"holders"` // people holding posts at it (HOLDS_POST to it)
	Met      []Link         `json:"met"`
	Visits   []Link         `json:"visits"`   // places it visited
	Visitors []Link         `json:"visitors"` // people who visited it
	Articles []ArticleCount `json:"articles"`
}

// Profile gathers an entity's posts, meetings, visits and the articles that name it.
func (q *Engine) Profile(ctx context.Context, id string) (*Profile, error) {
	e, err := q.S.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &Profile{Entity: e}
	ls, err := q.Neighbours(ctx, id, NeighbourOptions{})
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		switch {
		case l.Relation.Type == graph.HoldsPost && l.Outgoing:
			p.Posts = append(p.Posts, l)
		case l.Relation.Type == graph.HoldsPost:
			p.Holders = append(p.Holders, l)
		case l.Relation.Type == graph.Met:
			p.Met = append(p.Met, l)
		case l.Relation.Type == graph.Visited && l.Outgoing:
			p.Visits = append(p.Visits, l)
		case l.Relation.Type == graph.Visited:
			p.Visitors = append(p.Visitors, l)
		}
	}
	ms, err := q.S.Mentions(ctx, id)
	if err != nil {
		return nil, err
	}
	var ids []string
	count := map[string]int{}
	for _, m := range ms {
		ids = append(ids, m.Article)
		count[m.Article] = m.Count
	}
	arts, err := q.S.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		p.Articles = append(p.Articles, ArticleCount{Article: a, Count: count[a.ID]})
	}
	sort.SliceStable(p.Articles, func(i, j int) bool {
		if p.Articles[i].Count != p.Articles[j].Count {
			return p.Articles[i].Count > p.Articles[j].Count
		}
		return p.Articles[i].Article.ID < p.Articles[j].Article.ID
	})
	return p, nil
}

// Event is one dated (or undated) fact in an entity's timeline.
type Event struct {
	Date     string        `json:"date"`
	Type     graph.RelType `json:"type"`
	Other    graph.Entity  `json:"other"`
	Outgoing bool          `json:"outgoing"`
	Title    string        `json:"title,omitempty"`
	Status   string        `json:"status,omitempty"`
	Place    string        `json:"place,omitempty"` // place id
	Facts    []graph.Fact  `json:"facts"`
	Disputed bool          `json:"dates_disputed"` // the relation's sources give other dates too
}

// Timeline lists an entity's facts by date, undated ones last: one event per relation and date, with
// the facts that give that date.
func (q *Engine) Timeline(ctx context.Context, id string, o NeighbourOptions) ([]Event, error) {
	ls, err := q.Neighbours(ctx, id, NeighbourOptions{Types: o.Types, Direction: o.Direction})
	if err != nil {
		return nil, err
	}
	var out []Event
	for _, l := range ls {
		byDate := map[string][]graph.Fact{}
		var dates []string
		for _, f := range l.Relation.Facts {
			if _, ok := byDate[f.Date]; !ok {
				dates = append(dates, f.Date)
			}
			byDate[f.Date] = append(byDate[f.Date], f)
		}
		// an undated sentence repeating a dated fact adds nothing to the timeline
		if len(dates) > 1 {
			if _, ok := byDate[""]; ok {
				delete(byDate, "")
				dates = removeString(dates, "")
			}
		}
		for _, d := range dates {
			ev := Event{Date: d, Type: l.Relation.Type, Other: l.Other, Outgoing: l.Outgoing, Title: l.Relation.Title,
				Status: l.Relation.Status, Facts: byDate[d], Disputed: l.Relation.Disputed()}
			for _, f := range byDate[d] {
				if f.Place != "" {
					ev.Place = f.Place
					break
				}
			}
			out = append(out, ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Other.ID < b.Other.ID
	})
	if o.Limit > 0 && len(out) > o.Limit {
		out = out[:o.Limit]
	}
	return out, nil
}

func removeString(xs []string, x string) []string {
	out := xs[:0]
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}
