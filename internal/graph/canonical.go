package graph

import (
	"sort"
	"strings"
)

// Canonicalize sorts everything in a batch into one fixed order: articles and entities by id, aliases
// alphabetically, mentions by entity then article, relations by key, and facts by article then offset.
// Two stores holding the same graph dump to equal canonical batches.
func Canonicalize(b *Batch) {
	sort.Slice(b.Articles, func(i, j int) bool { return b.Articles[i].ID < b.Articles[j].ID })
	sort.Slice(b.Entities, func(i, j int) bool { return b.Entities[i].ID < b.Entities[j].ID })
	for i := range b.Entities {
		sort.Strings(b.Entities[i].Aliases)
		if len(b.Entities[i].Aliases) == 0 {
			b.Entities[i].Aliases = nil
		}
		sort.Strings(b.Entities[i].Merges)
		if len(b.Entities[i].Merges) == 0 {
			b.Entities[i].Merges = nil
		}
	}
	sort.Slice(b.Mentions, func(i, j int) bool {
		mi, mj := b.Mentions[i], b.Mentions[j]
		if mi.Entity != mj.Entity {
			return mi.Entity < mj.Entity
		}
		return mi.Article < mj.Article
	})
	for i := range b.Relations {
		b.Relations[i].Normalize()
		SortFacts(b.Relations[i].Facts)
	}
	sort.Slice(b.Relations, func(i, j int) bool { return b.Relations[i].Key() < b.Relations[j].Key() })
}

// SortFacts orders facts by article, then position in the article.
func SortFacts(fs []Fact) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Article != fs[j].Article {
			return fs[i].Article < fs[j].Article
		}
		return fs[i].Start < fs[j].Start
	})
}

// SortRelations orders relations by type, then title, then key: the order hops list them in.
func SortRelations(rs []Relation) {
	for i := range rs {
		SortFacts(rs[i].Facts)
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Type != rs[j].Type {
			return rs[i].Type < rs[j].Type
		}
		if !strings.EqualFold(rs[i].Title, rs[j].Title) {
			return strings.ToLower(rs[i].Title) < strings.ToLower(rs[j].Title)
		}
		return rs[i].Key() < rs[j].Key()
	})
}

// LessIDs compares two id sequences lexicographically: the tie-break between equally short paths.
func LessIDs(a, b []string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}
