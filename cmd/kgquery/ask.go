package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/query"
)

// question is one form of plain-English question and the command it maps to.
type question struct {
	form   string // shown to the user
	re     *regexp.Regexp
	answer func(c *cli.Context, q *query.Engine, f string, m []string) error
}

const name = `(.+?)`

// window matches an optional time phrase at the end of a question: "in March 2024", "in 2024", "on 18 March 2024".
const window = `(?:\s+(?:in|on|during)\s+(.+?))?`

var questions = []question{
	{"How is A connected to B? / How are A and B connected? / What connects A and B?",
		regexp.MustCompile(`(?i)^(?:how\s+is\s+` + name + `\s+(?:connected|linked|related)\s+to\s+` + name +
			`|how\s+are\s+` + name + `\s+and\s+` + name + `\s+(?:connected|linked|related)|what\s+(?:connects|links)\s+` + name + `\s+(?:and|with|to)\s+` + name + `)$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			a, b := pick(m[1], m[3], m[5]), pick(m[2], m[4], m[6])
			return answerPath(c.Context, q, c.App.Writer, f, a, b, query.PathOptions{})
		}},
	{"Who met both A and B?",
		regexp.MustCompile(`(?i)^who\s+(?:has\s+)?met\s+(?:with\s+)?both\s+` + name + `\s+and\s+` + name + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return answerCommon(c.Context, q, c.App.Writer, f, m[1], m[2], []graph.RelType{graph.Met})
		}},
	{"Who did A meet [in March 2024]? / Whom has A met?",
		regexp.MustCompile(`(?i)^(?:who|whom)\s+(?:did|has|have)\s+` + name + `\s+(?:meet|met)(?:\s+with)?` + window + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, m[1], graph.Met, query.Both, m[2])
		}},
	{"Who met A [in 2024]?",
		regexp.MustCompile(`(?i)^who\s+(?:met|has\s+met|meets)(?:\s+with)?\s+` + name + window + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, m[1], graph.Met, query.Both, m[2])
		}},
	{"Where did A travel? / Where has A been? / What places did A visit?",
		regexp.MustCompile(`(?i)^(?:where\s+(?:did|has|have)\s+` + name + `\s+(?:travel(?:l?ed)?|go|gone|been|visit(?:ed)?)(?:\s+to)?|(?:what|which)\s+(?:places|countries|cities)\s+(?:did|has)\s+` + name + `\s+visit(?:ed)?)` + window + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, pick(m[1], m[2]), graph.Visited, query.Out, m[3])
		}},
	{"Who visited X?",
		regexp.MustCompile(`(?i)^who\s+(?:visited|has\s+visited|travell?ed\s+to|went\s+to)\s+` + name + window + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, m[1], graph.Visited, query.In, m[2])
		}},
	{"Who holds posts at X? / Who works for X? / Who leads X?",
		regexp.MustCompile(`(?i)^who\s+(?:holds?\s+(?:a\s+)?posts?\s+(?:at|in|with)|works?\s+(?:for|at)|leads|represents|serves)\s+` + name + `$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, m[1], graph.HoldsPost, query.In, "")
		}},
	{"What posts does A hold? / Where does A work?",
		regexp.MustCompile(`(?i)^(?:what\s+(?:posts?|positions?|jobs?|titles?)\s+(?:does|did|has)\s+` + name + `\s+(?:hold|held|have|had)|where\s+does\s+` + name + `\s+work)$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return askLinks(c, q, f, pick(m[1], m[2]), graph.HoldsPost, query.Out, "")
		}},
	{"Who is A? / What is A? / Tell me about A",
		regexp.MustCompile(`(?i)^(?:(?:who|what)\s+(?:is|was|are)\s+` + name + `|tell\s+me\s+about\s+` + name + `)$`),
		func(c *cli.Context, q *query.Engine, f string, m []string) error {
			return answerEntity(c.Context, q, c.App.Writer, f, pick(m[1], m[2]))
		}},
}

func questionForms() []string {
	var out []string
	for _, q := range questions {
		out = append(out, q.form)
	}
	return out
}

func pick(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// askCommand is kgquery ask.
func askCommand() *cli.Command {
	return &cli.Command{
		Name:        "ask",
		Usage:       "answer a plain-English question (see 'kgquery ask --help' for the forms understood)",
		ArgsUsage:   "QUESTION",
		Description: "Questions understood:\n  " + strings.Join(questionForms(), "\n  "),
		Action:      askAction,
	}
}

func askAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError{"ask needs a question: kgquery ask \"How is A connected to B?\""}
	}
	text := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
	text = strings.TrimRight(text, "?.! ")
	for _, qf := range questions {
		m := qf.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		for i := range m {
			m[i] = strings.Trim(strings.TrimSpace(m[i]), `"“”'`)
		}
		return withSession(c, true, func(q *query.Engine, f string) error { return qf.answer(c, q, f, m) })
	}
	return usageError{"cannot read that question; the forms understood are:\n  " + strings.Join(questionForms(), "\n  ")}
}

// askLinks answers with one entity's relations of one type, in a time window when one is named.
func askLinks(c *cli.Context, q *query.Engine, f, who string, t graph.RelType, dir query.Direction, when string) error {
	since, until := "", ""
	if when != "" {
		d, ok := parseWhen(when)
		if !ok {
			return usageError{fmt.Sprintf("cannot read the time %q (try \"in March 2024\", \"in 2024\" or \"on 18 March 2024\")", when)}
		}
		since, until = d, d
	}
	return answerNeighbours(c.Context, q, c.App.Writer, f, who, query.NeighbourOptions{Types: []graph.RelType{t}, Direction: dir}, since, until)
}

// parseWhen reads "March 2024", "2024", "18 March 2024", "March 18, 2024" or an ISO date into
// YYYY, YYYY-MM or YYYY-MM-DD.
func parseWhen(s string) (string, bool) {
	words := strings.Fields(strings.TrimPrefix(strings.ToLower(s), "the "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:] // month names as time.Parse reads them
	}
	s = strings.Join(words, " ")
	for _, l := range []struct{ in, out string }{
		{"2006", "2006"}, {"2006-01", "2006-01"}, {"2006-01-02", "2006-01-02"},
		{"January 2006", "2006-01"}, {"Jan 2006", "2006-01"},
		{"2 January 2006", "2006-01-02"}, {"January 2 2006", "2006-01-02"}, {"January 2, 2006", "2006-01-02"},
	} {
		if t, err := time.Parse(l.in, s); err == nil {
			return t.Format(l.out), true
		}
	}
	return "", false
}
