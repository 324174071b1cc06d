package neo4j

import (
	"regexp"
	"strings"

	"github.com/kgnews/kg/internal/graph"
)

// readProcedures are the procedures a read-only query may call: what the graph's schema is, and
// full-text search. Everything else (dbms.*, db.createLabel, apoc.*, …) needs --write.
var readProcedures = map[string]bool{
	"db.labels": true, "db.relationshiptypes": true, "db.propertykeys": true,
	"db.schema.visualization": true, "db.schema.nodetypeproperties": true, "db.schema.reltypeproperties": true,
	"db.index.fulltext.querynodes": true, "db.index.fulltext.queryrelationships": true,
}

// adminWords open the administration commands (users, roles, databases, transactions, settings):
// none is a read of the graph.
var adminWords = map[string]bool{
	"show": true, "terminate": true, "grant": true, "deny": true, "revoke": true, "create": true, "drop": true,
	"alter": true, "rename": true, "start": true, "stop": true, "enable": true, "deallocate": true, "reallocate": true,
}

var (
	reLoadCSV = regexp.MustCompile(`(?i)\bLOAD\s+CSV\b`)
	reCall    = regexp.MustCompile(`(?i)\bCALL\s+([a-z_][\w.]*)`)
	reFirst   = regexp.MustCompile(`(?i)^\s*(?:USE\s+[\w.]+\s+)?([a-z]+)`)
)

// CheckReadOnly refuses, before it reaches the server, a query that a read transaction would still
// let do more than read the graph: LOAD CSV (reads the server's files or fetches URLs), administration
// commands (SHOW USERS, TERMINATE TRANSACTIONS, …) and procedures outside readProcedures.
func CheckReadOnly(query string) error {
	q := stripLiterals(query)
	if reLoadCSV.MatchString(q) {
		return graph.Errorf(graph.EInvalid, "LOAD CSV reads files on the server: refused without --write")
	}
	if m := reFirst.FindStringSubmatch(q); m != nil && adminWords[strings.ToLower(m[1])] {
		return graph.Errorf(graph.EInvalid, "a query starting with %s (an administration command, or a write) is refused without --write", strings.ToUpper(m[1]))
	}
	for _, m := range reCall.FindAllStringSubmatch(q, -1) {
		if !readProcedures[strings.ToLower(m[1])] {
			return graph.Errorf(graph.EInvalid, "procedure %s is not one of the read-only ones (%s): refused without --write", m[1], readList())
		}
	}
	return nil
}

func readList() string {
	return "db.labels, db.relationshipTypes, db.propertyKeys, db.schema.*, db.index.fulltext.query*"
}

// stripLiterals blanks out string literals and comments, and drops the backticks of quoted names,
// so that only the query's own words are looked at.
func stripLiterals(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			b.WriteString("''")
			for i++; i < len(q) && q[i] != c; i++ {
				if q[i] == '\\' {
					i++
				}
			}
		case c == '`':
			for i++; i < len(q) && q[i] != '`'; i++ {
				b.WriteByte(q[i])
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '/':
			for ; i < len(q) && q[i] != '\n'; i++ {
			}
			b.WriteByte(' ')
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			i += 2
			for ; i+1 < len(q) && !(q[i] == '*' && q[i+1] == '/'); i++ {
			}
			i++
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
