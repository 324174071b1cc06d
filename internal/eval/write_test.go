package eval_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/eval"
	"github.com/kgnews/kg/internal/extract"
	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/resolve"
)

// Another extractor's entities, made into extract.Docs by hand as scripts/baseline/score makes them,
// score as kg's do, and WriteEntities prints the head of Write's table.
func TestWriteEntitiesOfOtherExtractor(t *testing.T) {
	gold := map[string]*eval.GoldDoc{"a.txt": {Doc: "a.txt", Entities: []eval.GoldEntity{
		{Name: "James Baker", Type: graph.Person, Aliases: []string{"Baker"}},
		{Name: "United States", Type: graph.Place, Aliases: []string{"U.S."}},
	}}}
	ent := func(name string, t graph.EntityType) *extract.Entity {
		return &extract.Entity{Name: name, Type: t, Mentions: []*extract.Mention{{Text: name, Type: t}}}
	}
	doc := &extract.Doc{Article: graph.Article{ID: "a.txt", Source: "x.jsonl:1"}, Entities: []*extract.Entity{
		ent("James Baker", graph.Person), ent("Baker", graph.Person), ent("U.S.", graph.Organisation),
	}}
	rep := eval.Score([]*extract.Doc{doc}, resolve.New(nil), gold)
	p, pl := rep.EntitiesBy[graph.Person], rep.EntitiesBy[graph.Place]
	if p.TP != 1 || p.FP != 1 || p.FN != 0 || pl.FN != 1 || rep.EntitiesBy[graph.Organisation].FP != 1 {
		t.Errorf("Person %+v, Place %+v, Organisation %+v", *p, *pl, *rep.EntitiesBy[graph.Organisation])
	}
	var head, all bytes.Buffer
	rep.WriteEntities(&head)
	rep.Write(&all)
	if !strings.HasPrefix(all.String(), head.String()) {
		t.Errorf("Write does not start with WriteEntities:\n%s\n---\n%s", all.String(), head.String())
	}
	if want := "  Person        0.500  1.000  0.667      1    1    0\n"; !strings.Contains(head.String(), want) {
		t.Errorf("no line %q in\n%s", want, head.String())
	}
	if strings.Contains(head.String(), "relations") {
		t.Errorf("WriteEntities prints relations:\n%s", head.String())
	}
}
