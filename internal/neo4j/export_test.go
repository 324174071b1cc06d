package neo4j

import (
	"fmt"

	"github.com/kgnews/kg/internal/graph"
)

// RelationStatement is the statement that writes relations of type t, and RelationRow its row for r:
// the write benchmarks profile them.
func RelationStatement(t graph.RelType) string { return fmt.Sprintf(qRelations, string(t)) }

func RelationRow(r graph.Relation) map[string]any { return relationRow(r) }
