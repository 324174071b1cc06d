package graph

import (
	"errors"
	"fmt"
	"testing"
)

func TestRelationKeyIsSymmetricForMET(t *testing.T) {
	a := Relation{Type: Met, From: "person:a", To: "person:b"}
	b := Relation{Type: Met, From: "person:b", To: "person:a"}
	if a.Key() != b.Key() {
		t.Error("MET A-B and MET B-A have different keys")
	}
	p := Relation{Type: HoldsPost, From: "person:a", To: "place:b", Title: "Minister"}
	q := Relation{Type: HoldsPost, From: "place:b", To: "person:a", Title: "Minister"}
	if p.Key() == q.Key() {
		t.Error("HOLDS_POST is directed but both directions share a key")
	}
	r := p
	r.Status = "former"
	if p.Key() == r.Key() {
		t.Error("a current and a former post share a key")
	}
}

func TestDisputed(t *testing.T) {
	mk := func(ds ...string) Relation {
		var r Relation
		for i, d := range ds {
			r.Facts = append(r.Facts, Fact{Article: "a", Start: i, Date: d})
		}
		return r
	}
	if mk("2024-03-17", "2024-03-18").Disputed() != true {
		t.Error("two different days are not reported as disagreeing")
	}
	if mk("2024-03", "2024-03-18", "").Disputed() {
		t.Error("a month and a day within it are reported as disagreeing")
	}
	if mk("2024-03-18", "2024-03-18").Disputed() {
		t.Error("equal dates are reported as disagreeing")
	}
}

func TestErrNotFound(t *testing.T) {
	err := fmt.Errorf("query: %w", Errorf(ENotFound, "no entity with id %q", "x"))
	if !errors.Is(err, ErrNotFound) {
		t.Error("a wrapped ENotFound error does not match ErrNotFound")
	}
	if errors.Is(Errorf(EInvalid, "bad"), ErrNotFound) || errors.Is(errors.New("no entity"), ErrNotFound) {
		t.Error("an error of another code matches ErrNotFound")
	}
}
