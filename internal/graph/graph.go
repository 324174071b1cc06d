// Package graph owns the vocabulary of the knowledge graph: entity kinds, relation types, articles, evidence,
// paths, and the Store interface every backend implements. It imports no driver, SQL or NLP package.
package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/kgnews/kg/internal/names"
)

// EntityType is the kind of a named entity.
type EntityType string

// The entity kinds the graph knows.
const (
	Person       EntityType = "Person"
	Organisation EntityType = "Organisation"
	Place        EntityType = "Place"
)

// EntityTypes lists every entity kind, in a fixed order.
var EntityTypes = []EntityType{Person, Organisation, Place}

// Valid reports whether t is one of the known entity kinds.
func (t EntityType) Valid() bool {
	return t == Person || t == Organisation || t == Place
}

// RelType is the type of a fact between two entities.
type RelType string

// The relation types the graph knows.
const (
	Met       RelType = "MET"
	HoldsPost RelType = "HOLDS_POST"
	Visited   RelType = "VISITED"
)

// RelTypes lists every relation type, in a fixed order.
var RelTypes = []RelType{Met, HoldsPost, Visited}

// Valid reports whether t is one of the known relation types.
func (t RelType) Valid() bool {
	return t == Met || t == HoldsPost || t == Visited
}

// Symmetric reports whether the relation reads the same in both directions.
func (t RelType) Symmetric() bool { return t == Met }

// Article is one news article: the source of every fact read from it.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // ISO date (YYYY-MM-DD) when known
	Source    string `json:"source,omitempty"`    // file the article was read from (with line for JSONL)
	// Hash identifies the article's content: a changed article is one whose hash changed.
	Hash string `json:"hash,omitempty"`
	// Extra keeps the fields of a JSON Lines record that kg does not use, as text (JSON for non-strings).
	Extra map[string]string `json:"extra,omitempty"`
	Text  string            `json:"-"`
}

// Entity is one real-world person, organisation or place: one node in the graph.
type Entity struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
	// Merges say why other spellings became this entity, e.g. "Muammar Qaddafi: spelling variant of
	// Muammar Gaddafi".
	Merges []string `json:"merges,omitempty"`
}

// Partial reports whether the entity is a partial node: a person known only by one name ("Okafor",
// "President Okafor") in articles that give no full name, kept apart from every full name with that
// surname until evidence joins them (see internal/resolve).
func (e Entity) Partial() bool {
	return e.Type == Person && len(names.Words(e.Name)) < 2
}

// Mention records that an entity is named in an article, how often, and by which spellings: every
// name and alias the article gives the entities resolution joined into it, sorted, so that a
// spelling can be split off a stored entity with the articles that used it (kgload split). Names
// is empty for a mention stored before spellings were kept. Signs are the types the article shows
// signs of for those entities (a title, a head word, a place preposition: see resolve.Signs),
// sorted: resolution reads them back, so that a name lives as a type
// only where an article signs it, in any batch order and across runs. Signs is nil for a mention
// stored before signs were kept (read as signing its entity's type), empty for one with none.
type Mention struct {
	Entity  string       `json:"entity"`
	Article string       `json:"article"`
	Count   int          `json:"count"`
	Names   []string     `json:"names,omitempty"`
	Signs   []EntityType `json:"signs,omitempty"`
}

// NoSigns is how a mention with no signs is written where an empty list cannot be: the
// neo4j-admin import files, where an empty cell is no property (a mention stored before signs were
// kept). A store reading it back drops it.
const NoSigns EntityType = "none"

// Fact is one reading of a relation in one article: the evidence that backs an edge.
type Fact struct {
	Article    string  `json:"article"`
	Evidence   string  `json:"evidence"`
	Start      int     `json:"start"` // byte offsets of the evidence sentence in the article text
	End        int     `json:"end"`
	Date       string  `json:"date,omitempty"`  // ISO date, YYYY-MM or YYYY; empty when unknown
	Place      string  `json:"place,omitempty"` // entity id of the place, when stated
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule,omitempty"`
}

// ID identifies the fact within its relation: one article, one sentence.
func (f Fact) ID() string { return fmt.Sprintf("%s@%d", f.Article, f.Start) }

// Relation is one edge of the graph with every fact that backs it.
// For HOLDS_POST, Title and Status are part of the edge's identity: two posts are two edges.
type Relation struct {
	Type   RelType `json:"type"`
	From   string  `json:"from"`
	To     string  `json:"to"`
	Title  string  `json:"title,omitempty"`
	Status string  `json:"status,omitempty"` // "current" or "former" for HOLDS_POST
	Facts  []Fact  `json:"facts"`
}

// Normalize puts a symmetric relation's ends in a fixed order so that A–B and B–A are one edge.
func (r *Relation) Normalize() {
	if r.Type.Symmetric() && r.To < r.From {
		r.From, r.To = r.To, r.From
	}
}

// Key is the relation's stable identity, the same in every run and every store.
func (r Relation) Key() string {
	from, to := r.From, r.To
	if r.Type.Symmetric() && to < from {
		from, to = to, from
	}
	h := sha256.Sum256([]byte(strings.Join([]string{string(r.Type), from, to, strings.ToLower(r.Title), r.Status}, "\x1f")))
	return hex.EncodeToString(h[:12])
}

// Dates returns the distinct non-empty dates the facts give, sorted.
func (r Relation) Dates() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range r.Facts {
		if f.Date != "" && !seen[f.Date] {
			seen[f.Date] = true
			out = append(out, f.Date)
		}
	}
	sort.Strings(out)
	return out
}

// Places returns the distinct non-empty place ids the facts give, sorted.
func (r Relation) Places() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range r.Facts {
		if f.Place != "" && !seen[f.Place] {
			seen[f.Place] = true
			out = append(out, f.Place)
		}
	}
	sort.Strings(out)
	return out
}

// Disputed reports whether the sources give more than one day for the same relation. Two dates of
// which one only narrows the other ("2024-03" and "2024-03-18") do not disagree.
func (r Relation) Disputed() bool {
	ds := r.Dates()
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if !strings.HasPrefix(ds[j], ds[i]) && !strings.HasPrefix(ds[i], ds[j]) {
				return true
			}
		}
	}
	return false
}

// Batch is what one load writes: articles, the entities read from them, who is mentioned where, and relations.
type Batch struct {
	Articles  []Article
	Entities  []Entity
	Mentions  []Mention
	Relations []Relation
}

// Counts are the sizes of a stored graph.
type Counts struct {
	Articles  int `json:"articles"`
	Entities  int `json:"entities"`
	Relations int `json:"relations"`
	Facts     int `json:"facts"`
	Mentions  int `json:"mentions"`
}

// Hop is one step of a path: the entity reached and every relation joining it to the previous one.
type Hop struct {
	From      Entity     `json:"from"`
	To        Entity     `json:"to"`
	Relations []Relation `json:"relations"`
}

// Path is a chain of entities joined by relations.
type Path struct {
	Nodes []Entity `json:"nodes"`
	Hops  []Hop    `json:"hops"`
}

// Len is the number of hops.
func (p Path) Len() int { return len(p.Hops) }

// PathOptions restrict a path search.
type PathOptions struct {
	MaxHops int       // 0 means DefaultMaxHops
	Types   []RelType // empty means all relation types
}

// DefaultMaxHops bounds path searches when the caller gives no limit.
const DefaultMaxHops = 6

// Error codes a store or the tools return, so callers can react without knowing the backend.
const (
	EInvalid  = "invalid"
	ENotFound = "not_found"
)

// ErrNotFound matches (errors.Is) every error of code ENotFound: no such entity, no path.
var ErrNotFound = errors.New("not found")

// Error is an error with a code from the list above and a message fit for a user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Is makes an ENotFound error match ErrNotFound.
func (e *Error) Is(target error) bool { return target == ErrNotFound && e.Code == ENotFound }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ExtraPrefix marks the article properties that keep unknown JSON Lines fields in Neo4j
// (meta_<field>), as the store and the neo4j-admin export both write them.
const ExtraPrefix = "meta_"

// FactColumns are a relation's facts as the parallel lists a Neo4j relationship keeps them in (the
// store and the neo4j-admin export write the same layout), with their highest confidence and earliest
// date.
type FactColumns struct {
	IDs, Articles, Evidence, Dates, Places, Rules []string
	Starts, Ends                                  []int
	Confidences                                   []float64
	Confidence                                    float64
	Date                                          string
}

// Columns returns the relation's facts in the Neo4j layout, in their order.
func (r Relation) Columns() FactColumns {
	n := len(r.Facts)
	c := FactColumns{IDs: make([]string, n), Articles: make([]string, n), Evidence: make([]string, n),
		Dates: make([]string, n), Places: make([]string, n), Rules: make([]string, n),
		Starts: make([]int, n), Ends: make([]int, n), Confidences: make([]float64, n)}
	for i, f := range r.Facts {
		c.IDs[i], c.Articles[i], c.Evidence[i] = f.ID(), f.Article, f.Evidence
		c.Dates[i], c.Places[i], c.Rules[i] = f.Date, f.Place, f.Rule
		c.Starts[i], c.Ends[i], c.Confidences[i] = f.Start, f.End, f.Confidence
		c.Confidence = max(c.Confidence, f.Confidence)
		if f.Date != "" && (c.Date == "" || f.Date < c.Date) {
			c.Date = f.Date
		}
	}
	return c
}
