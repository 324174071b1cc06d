package main

import (
	"testing"
)

func TestEntitiesAndJoin(t *testing.T) {
	es := entities([]ent{
		{Text: "Baker", Type: "Person"}, {Text: "James Baker", Type: "Person"}, {Text: "BAKER", Type: "Person"},
		{Text: "Reed", Type: "Person"}, {Text: "Lou Reed", Type: "Person"}, {Text: "Oliver Reed", Type: "Person"},
		{Text: "Baker", Type: "Place"},
	})
	if len(es) != 6 || len(es[0].Mentions) != 2 {
		t.Fatalf("entities: %d, first has %d mentions; want 6 and 2", len(es), len(es[0].Mentions))
	}
	got := map[string]int{}
	for _, e := range joinSurnames(es) {
		got[string(e.Type)+" "+e.Name] = len(e.Mentions)
	}
	// "Baker" joins James Baker; "Reed" names two people and stays; the place is not a person
	want := map[string]int{"Person James Baker": 3, "Person Reed": 1, "Person Lou Reed": 1, "Person Oliver Reed": 1, "Place Baker": 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d mentions, want %d (all %v)", k, got[k], n, got)
		}
	}
}
