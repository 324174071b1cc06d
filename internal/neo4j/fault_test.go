package neo4j_test

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/neo4j"
	"github.com/kgnews/kg/internal/neo4j/neo4jtest"
	"github.com/kgnews/kg/internal/sqlite"
)

func person(id string) graph.Entity {
	return graph.Entity{ID: "person:" + id, Name: id, Type: graph.Person}
}

func met(article, a, b string) graph.Relation {
	return graph.Relation{Type: graph.Met, From: "person:" + a, To: "person:" + b,
		Facts: []graph.Fact{{Article: article, Evidence: a + " met " + b + ".", Start: 0, End: 10, Confidence: 0.9}}}
}

func articleBatch(id, hash string, people ...string) *graph.Batch {
	b := &graph.Batch{Articles: []graph.Article{{ID: id, Title: id, Source: "test", Hash: hash}}}
	for _, p := range people {
		b.Entities = append(b.Entities, person(p))
		b.Mentions = append(b.Mentions, graph.Mention{Entity: "person:" + p, Article: id, Count: 1})
	}
	for i := 1; i < len(people); i++ {
		b.Relations = append(b.Relations, met(id, people[0], people[i]))
	}
	return b
}

// TestConcurrentReloadLosesNothing: while one load has written its entities but not yet linked them,
// another load replaces a changed article. The replacing load's clean-up must not delete the first
// load's entities (neither new ones nor ones the replaced article also named), and the first load's
// article must end complete, with its hash.
func TestConcurrentReloadLosesNothing(t *testing.T) {
	ctx := context.Background()
	a := open(t).(*neo4j.Store)
	b, err := neo4j.Open(ctx, config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	// load B stored article b1 naming "shared" and "bonly"
	if err := b.Write(ctx, articleBatch("b1", "v1", "shared", "bonly")); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	steps := 0
	a.SetStepHook(func() {
		steps++
		if steps < 2 { // after the articles and the entities, before the mentions
			return
		}
		once.Do(func() {
			// load B reloads b1, changed: it no longer names "shared"
			if err := b.RemoveArticles(ctx, []string{"b1"}); err != nil {
				t.Error(err)
			}
			if err := b.Write(ctx, articleBatch("b1", "v2", "bonly", "other")); err != nil {
				t.Error(err)
			}
		})
	})
	if err := a.Write(ctx, articleBatch("a1", "h1", "anew", "shared")); err != nil {
		t.Fatal(err)
	}
	a.SetStepHook(nil)

	hashes, err := a.ArticleHashes(ctx, []string{"a1", "b1"})
	if err != nil {
		t.Fatal(err)
	}
	if hashes["a1"] != "h1" || hashes["b1"] != "v2" {
		t.Errorf("hashes = %v, want a1=h1 b1=v2", hashes)
	}
	for _, id := range []string{"person:anew", "person:shared", "person:bonly", "person:other"} {
		ms, err := a.Mentions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 {
			t.Errorf("%s: mentions %v, want exactly one article", id, ms)
		}
	}
	rs, err := a.Relations(ctx, []string{"person:anew"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || len(rs[0].Facts) != 1 {
		t.Errorf("relations of anew = %v, want the one MET of a1", rs)
	}
	c, err := a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.Counts{Articles: 2, Entities: 4, Relations: 2, Facts: 2, Mentions: 4}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
}

// TestMuteServerDoesNotHang: a server that accepts connections and never answers makes Open fail
// after the connect timeout, saying so, instead of hanging (it used to wait forever).
func TestMuteServerDoesNotHang(t *testing.T) {
	uri := neo4jtest.MuteServer(t)
	start := time.Now()
	_, err := neo4j.Open(context.Background(), neo4j.Config{URI: uri, Username: "neo4j", Password: "pw", ConnectTimeout: 2 * time.Second})
	if err == nil {
		t.Fatal("Open on a server that never answers succeeded")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Open gave up after %s, want about the 2s connect timeout", d)
	}
	if !strings.Contains(err.Error(), "no answer within 2s") {
		t.Errorf("error does not say the server did not answer: %v", err)
	}
}

// TestStatementTimeout: a server that stops answering in the middle of a session makes each statement
// fail after the statement timeout instead of hanging.
func TestStatementTimeout(t *testing.T) {
	cfg := config(t)
	p := neo4jtest.NewProxy(t, cfg.URI)
	cfg.URI = p.URI()
	cfg.ConnectTimeout, cfg.Timeout = 2*time.Second, 3*time.Second
	s, err := neo4j.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p.Mute()
	start := time.Now()
	if _, err := s.Counts(context.Background()); err == nil {
		t.Fatal("Counts on a muted server succeeded")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("Counts gave up after %s, want about the 3s statement timeout", d)
	}
}

// TestOnePostTitleRule: two articles write one post with different capitalisations of its title; both
// stores keep the same spelling whatever the order (they used to keep the first and the last).
func TestOnePostTitleRule(t *testing.T) {
	ctx := context.Background()
	post := func(article, title string) *graph.Batch {
		return &graph.Batch{
			Articles: []graph.Article{{ID: article, Hash: "h"}},
			Entities: []graph.Entity{person("lopes"), {ID: "place:peru", Name: "Peru", Type: graph.Place}},
			Mentions: []graph.Mention{{Entity: "person:lopes", Article: article, Count: 1}, {Entity: "place:peru", Article: article, Count: 1}},
			Relations: []graph.Relation{{Type: graph.HoldsPost, From: "person:lopes", To: "place:peru", Title: title, Status: "current",
				Facts: []graph.Fact{{Article: article, Evidence: title + " Lopes", Confidence: 0.9}}}},
		}
	}
	n := open(t)
	e, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kg.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for i, order := range [][]*graph.Batch{
		{post("a1", "foreign minister"), post("a2", "Foreign Minister")},
		{post("a2", "Foreign Minister"), post("a1", "foreign minister")},
	} {
		for _, s := range []graph.Store{n, e} {
			for _, b := range order {
				if err := s.Write(ctx, b); err != nil {
					t.Fatal(err)
				}
			}
			rs, err := s.Relations(ctx, []string{"person:lopes"}, []graph.RelType{graph.HoldsPost})
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 || rs[0].Title != "Foreign Minister" {
				t.Errorf("order %d, %T: posts %+v, want one titled \"Foreign Minister\"", i, s, rs)
			}
		}
		if err := n.(*neo4j.Store).Wipe(ctx); err != nil {
			t.Fatal(err)
		}
		e.Close()
		if e, err = sqlite.Open(ctx, filepath.Join(t.TempDir(), "kg.db")); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCypherReadOnlyPolicy: without write, Cypher refuses what a read transaction would still allow
// beyond reading the graph — LOAD CSV, administration commands, procedures outside the read list —
// and runs reads, read procedures and queries that only mention such words in strings.
func TestCypherReadOnlyPolicy(t *testing.T) {
	ctx := context.Background()
	s := open(t).(*neo4j.Store)
	if err := s.Write(ctx, articleBatch("a1", "h1", "anew", "shared")); err != nil {
		t.Fatal(err)
	}
	refused := []string{
		`LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row`,
		`load  csv with headers from "https://example.org/x.csv" as r return r`,
		`MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'file:///x' AS r RETURN r`,
		`TERMINATE TRANSACTIONS 'neo4j-transaction-1'`,
		`SHOW USERS`,
		`show transactions`,
		`USE system SHOW DATABASES`,
		`CALL dbms.listConfig()`,
		`CALL dbms.components() YIELD name RETURN name`,
		"CALL `dbms`.`showCurrentUser`()",
		`CALL db.createLabel('X')`,
		`MATCH (n) CALL db.labels() YIELD label CALL dbms.killQuery('q') RETURN label`,
		`/* comment */ CALL dbms.security.listUsers`,
	}
	for _, q := range refused {
		_, _, err := s.Cypher(ctx, q, nil, false)
		if err == nil || !strings.Contains(err.Error(), "--write") {
			t.Errorf("%s: err %v, want a refusal naming --write", q, err)
		}
	}
	allowed := map[string]int{
		`MATCH (e:Entity) RETURN e.id ORDER BY e.id`:                                    2,
		`CALL db.labels() YIELD label RETURN label`:                                     0, // 0: at least one
		`CALL db.relationshipTypes()`:                                                   0,
		`RETURN 'LOAD CSV FROM x; SHOW USERS; CALL dbms.listConfig()' AS s`:             1,
		`MATCH (e:Entity) WHERE e.name <> "TERMINATE" RETURN count(e) // CALL dbms.x()`: 1,
		`MATCH (a)-[r]->(b) CALL (a) { MATCH (a)--(c) RETURN count(c) AS n } RETURN n`:  3,
	}
	for q, rows := range allowed {
		_, got, err := s.Cypher(ctx, q, nil, false)
		if err != nil {
			t.Errorf("%s: %v", q, err)
		} else if len(got) < 1 || (rows > 0 && len(got) != rows) {
			t.Errorf("%s: %d rows, want %d", q, len(got), rows)
		}
	}
}

// TestURICredentialsNeverShown: a password written inside the URI never appears in a message, and
// the credentials in the URI are used to log in.
func TestURICredentialsNeverShown(t *testing.T) {
	const secret = "s3cret-in-the-uri"
	bad := neo4j.Config{URI: "bolt://neo4j:" + secret + "@127.0.0.1:1", Username: "neo4j", ConnectTimeout: time.Second}
	if strings.Contains(bad.String(), secret) {
		t.Errorf("Config.String shows the password: %s", bad)
	}
	_, err := neo4j.Open(context.Background(), bad)
	if err == nil || strings.Contains(err.Error(), secret) || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("Open on an unreachable server: %v; want an error naming the server, not the password", err)
	}
	for _, uri := range []string{"bolt://u:" + secret + "@[::1", "neo4j://u:" + secret + "@host:7687/?x=1"} {
		if got := neo4j.RedactURI(uri); strings.Contains(got, secret) {
			t.Errorf("RedactURI(%q) = %q", uri, got)
		}
	}
	cfg := config(t)
	host := strings.TrimPrefix(cfg.URI, "bolt://")
	withCreds := neo4j.Config{URI: "bolt://" + cfg.Username + ":" + url.UserPassword("", cfg.Password).String()[1:] + "@" + host}
	s, err := neo4j.Open(context.Background(), withCreds)
	if err != nil {
		t.Fatalf("credentials in the URI: %v", err)
	}
	s.Close()
}
