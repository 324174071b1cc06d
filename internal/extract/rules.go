package extract

import "github.com/kgnews/kg/internal/graph"

// A Rule is one way a relation is read from a sentence. Every relation carries the id of the rule that
// read it; `kgload eval` scores each rule on its own, and TestRuleExamples reads every example and
// non-example below, so a rule's table row says what it does and proves it. The matching code lives
// in meetings.go, visits.go, posts.go and state.go; the words they read are in vocab.go.
type Rule struct {
	ID   string
	Type graph.RelType
	// Trigger is what sets the rule off; Arguments where its two ends come from; Hedges what stops it.
	Trigger, Arguments, Hedges string
	// Confidence is the relation's base confidence (less 0.1 when a pronoun or a description stands
	// for a participant).
	Confidence float64
	// Examples must each yield at least one relation by this rule; NonExamples none by this rule.
	// They are invented sentences, never taken from an evaluation set.
	Examples, NonExamples []string
}

// Rule ids.
const (
	ruleMetVerb       = "met.verb"
	ruleMetNoun       = "met.noun"
	ruleMetBetween    = "met.between"
	ruleMetDiscussed  = "met.discussed"
	ruleMetAttended   = "met.attended"
	ruleMetTogether   = "met.together"
	ruleMetHost       = "met.host"
	ruleMetCall       = "met.call"
	ruleVisited       = "visited.verb"
	ruleVisitedEvent  = "visited.event"
	rulePostTitle     = "post.title"
	rulePostAppos     = "post.appos"
	rulePostReverse   = "post.reverse"
	rulePostHome      = "post.home"
	rulePostParty     = "post.party"
	rulePostDescribed = "post.described"
	rulePostCopula    = "post.copula"
)

// Rules is the table of every relation rule.
var Rules = []Rule{
	{ID: ruleMetVerb, Type: graph.Met, Confidence: 0.9,
		Trigger:     `a form of WordNet's meet verbs ("met", "meets", "meet (with)", "encountered"); "held/holding/had talks (discussions, negotiations) with"`,
		Arguments:   "the clause's subject (a name, the names listed with it, a pronoun or a description) and the people, else the organisation, after the trigger",
		Hedges:      "a modal, plan, hope or negation word within five words before; an infinitive; the present (\"meets\": a schedule or a fixture); a speaker after the object (\", Y said\") is no side",
		Examples:    []string{"Foreign Minister Ana Lopes met with President Tomas Berg in Oslo on Monday.", "Pia Holm held talks with Ivo Marek in Lima."},
		NonExamples: []string{"Ana Lopes did not meet Tomas Berg.", "Ana Lopes will meet Tomas Berg in Paris next week.", "Tom Reed's cross was met by Scott Ward."}},
	{ID: ruleMetNoun, Type: graph.Met, Confidence: 0.75,
		Trigger:     `"talks/meeting/discussions with" without a verb of holding`,
		Arguments:   "the clause's subject, or the main clause's for a clause with none of its own (after talks with), and the people after \"with\"",
		Hedges:      "as met.verb, anywhere in the clause",
		Examples:    []string{"Pia Holm left Vienna early yesterday after talks with Chancellor Karl Brandt."},
		NonExamples: []string{"Pia Holm hopes for talks with Karl Brandt."}},
	{ID: ruleMetBetween, Type: graph.Met, Confidence: 0.85,
		Trigger:     `"a meeting (talks) between X and Y"`,
		Arguments:   "the names listed on each side of \"and\"",
		Hedges:      "as met.verb, anywhere in the clause",
		Examples:    []string{"A meeting between Ivo Marek and Rosa Lindqvist took place in Vienna."},
		NonExamples: []string{"A meeting between Ivo Marek and Rosa Lindqvist is planned for May."}},
	{ID: ruleMetDiscussed, Type: graph.Met, Confidence: 0.75,
		Trigger:     `"X and Y discussed / talked / conferred": the past of WordNet's discuss and confer verbs, and of talk`,
		Arguments:   "two people joined by \"and\" before the verb",
		Hedges:      "as met.verb",
		Examples:    []string{"Ivo Marek and Rosa Lindqvist discussed the harbour project."},
		NonExamples: []string{"Ivo Marek discussed the harbour project."}},
	{ID: ruleMetAttended, Type: graph.Met, Confidence: 0.7,
		Trigger:     `"attended the meeting (talks) with"; "the meeting was attended by"`,
		Arguments:   "the attendees and the people they met",
		Hedges:      "as met.verb",
		Examples:    []string{"Ivo Marek attended the meeting with Rosa Lindqvist in Oslo."},
		NonExamples: []string{"Ivo Marek attended the funeral of Rosa Lindqvist."}},
	{ID: ruleMetTogether, Type: graph.Met, Confidence: 0.8,
		Trigger:   `"met" with no object, "held talks (a meeting)" with no "with": "X and Y met in Lima", "X and Y held talks"`,
		Arguments: "the subjects (or the people listed before \", who\", or a plural group — \"the two leaders\", \"both men\", \"the pair\" — standing for the two people the sentence before names), every pair of them",
		Hedges:    "as met.verb; an object after the verb (\"met the deadline\"); a group when the sentence before names another number of people",
		Examples: []string{"Pia Holm and Ivo Marek met in Lima yesterday.", "The band is Tom Reed, Anna Berg and Ivo Marek, who met in their teens.",
			"Tom Reed arrived in Oslo on Monday to see Ivo Marek. The two leaders held talks on trade."},
		NonExamples: []string{"Pia Holm and Ivo Marek met the deadline.",
			"Tom Reed arrived in Oslo on Monday to see Ivo Marek and Pia Holm. The two leaders held talks on trade."}},
	{ID: ruleMetHost, Type: graph.Met, Confidence: 0.75,
		Trigger:     `the past of WordNet's host, greet and welcome verbs: "hosted", "received", "welcomed", "greeted" (and "was received by")`,
		Arguments:   "the subject and the person named, or titled and named, right after the verb",
		Hedges:      "as met.verb; anything but a person right after the verb",
		Examples:    []string{"Pia Holm greeted President Ivo Marek at the airport.", "Ivo Marek was received by Pia Holm in Lima."},
		NonExamples: []string{"Pia Holm received the letter from Ivo Marek.", "The book was well received by Ivo Marek."}},
	{ID: ruleMetCall, Type: graph.Met, Confidence: 0.8,
		Trigger:     `a call: "spoke (talked) by telephone (phone) with/to", the past of WordNet's telephone verbs: "telephoned", "phoned", "rang" a person; "had called" a person`,
		Arguments:   "the clause's subject and the person after the trigger",
		Hedges:      "as met.verb; \"called\" alone (\"a street called X\")",
		Examples:    []string{"Yesterday Ivo Marek spoke by telephone with Mexican president Pia Holm.", "Mr Ivo Marek says he rang Anna Berg as soon as he got her letter."},
		NonExamples: []string{"The new street is called Tom Reed Avenue.", "Ivo Marek spoke by telephone to the press."}},
	{ID: ruleVisited, Type: graph.Visited, Confidence: 0.85,
		Trigger:     `WordNet's verb classes in every form (scripts/lexicon/verbs.mjs): visit ("visited", "toured"), travel + "to" ("travelled", "flew", "went", "returned", "continued"), arrive + "in/at" ("arrived", "landed", "stopped"); "a visit (trip, tour) to", "returned from"; "is/was in P" and "left P" with the place right after`,
		Arguments:   "the clause's subject (or the main clause's, or the person before \", who\") and the places listed after the trigger",
		Hedges:      "as met.verb; \"leaves\"/\"departs\"; the present of visit after a name or pronoun (\"when he visits Lima\": a schedule); \"was in\" after anything but a person (\"her last race was in\"); leaving or returning to one's own country or capital; \"left\" a place not in the gazetteer (a job, a club: \"left Downing Street\") or a possessor (\"left London's Capital FM\"); a date after the article's own date",
		Examples:    []string{"Jane Smith MP visited Kenya and Uganda last week.", "Pia Holm is in New York with the team.", "Pia Holm, who has just returned from Lima, said talks went well."},
		NonExamples: []string{"Ana Lopes hopes to visit Peru.", "Pia Holm was born in Lima.", "Pia Holm left the party in Lima.", "Ivo Marek leaves on Saturday on a ten-day trip to Peru.", "Rates will be set this week when Ivo Marek visits Lima.", "In 1990 Tom Reed moved to Lima with his wife."}},
	{ID: ruleVisitedEvent, Type: graph.Visited, Confidence: 0.75,
		Trigger:     `speaking at an event held in a place: "speaking (spoke) in P", "a speech (lecture, rally, conference) in/at … P", "told reporters in P"`,
		Arguments:   "the clause's subject, or for an opening phrase the person named or described right after its comma, and the place",
		Hedges:      "as visited.verb; the capital of the speaker's own state (a press conference at home is no visit)",
		Examples:    []string{"Speaking in Oslo on Monday, Pia Holm said talks were over.", "Ivo Marek told reporters in Lima that the deal was done."},
		NonExamples: []string{"Pia Holm will be speaking in Rome next week.", "Norwegian minister Anna Berg told a news conference in Oslo that taxes would rise."}},
	{ID: rulePostTitle, Type: graph.HoldsPost, Confidence: 0.85,
		Trigger:     "a title written before a name",
		Arguments:   "the person, and the organisation or country the title names (before it, after \"of\", or by a nationality adjective); a post coordinated with one that names its state shares it",
		Hedges:      "\"former\", \"ex-\", \"then\" make the post former",
		Examples:    []string{"French Ambassador to Kenya Marie Dupont arrived.", "Labour leader Tim Hale said the plans would fail.", "Yesterday U.S. Secretary of State Tom Reed spoke."},
		NonExamples: []string{"Pia Holm, a veteran campaigner, spoke."}},
	{ID: rulePostAppos, Type: graph.HoldsPost, Confidence: 0.8,
		Trigger:     `"X, the TITLE of ORG," and "As TITLE, he"`,
		Arguments:   "the person and the organisation or country the title names, else the person's nationality",
		Hedges:      "as post.title",
		Examples:    []string{"Kenyan diplomat Amina Odhiambo, the former ambassador to Chile, visited Lima."},
		NonExamples: []string{"Amina Odhiambo, a keen sailor, visited Lima."}},
	{ID: rulePostReverse, Type: graph.HoldsPost, Confidence: 0.75,
		Trigger:     `"the TITLE of ORG, X"`,
		Arguments:   "the person after the comma and the organisation",
		Hedges:      "as post.title",
		Examples:    []string{"The Deputy Director-General of the Kenyan Ministry of Health, Amina Odhiambo, spoke."},
		NonExamples: []string{"The harbour of Mombasa, Amina Odhiambo said, is full."}},
	{ID: rulePostCopula, Type: graph.HoldsPost, Confidence: 0.75,
		Trigger:     `a post stated by a verb: "X is/was/became/remains the TITLE of ORG", "has/had been", "served as"`,
		Arguments:   "the person (or he/she) right before the verb and the organisation or country the title phrase names, else as post.home (not for a pronoun)",
		Hedges:      `as met.verb; "was", "had been" and "served as" make the post former; a name after the title ("is President X's adviser")`,
		Examples:    []string{"Critics said Ann Lee was chairman of the Acme Corp board until 2001.", "Tom Reed is the chairman of Acme Corp."},
		NonExamples: []string{"Tom Reed is President Ivo Marek's adviser.", "Tom Reed is unhappy with the chairman of Acme Corp."}},
	{ID: rulePostDescribed, Type: graph.HoldsPost, Confidence: 0.6,
		Trigger:   `a description by a state post or a leader ("the home secretary", "the Tory leader") that no named person's written title matches`,
		Arguments: "the article's protagonist (named in its opening and more often than anyone, three times or more, with no title of their own) and the post's state: the description's nationality, else as post.home",
		Hedges:    "a protagonist with a title of their own or of another nationality; an article with no clear protagonist; a description by another post than the one the article describes the protagonist by (the post word before their name, else the title its descriptions use most; a state's \"leader\" is any)",
		Examples:  []string{"Tom Reed has apologised to MPs. Mr Reed said the release was premature. Critics in London, Leeds and Oxford were angry.\n\nThe home secretary said a review would follow. Mr Reed will speak on Monday."},
		NonExamples: []string{"Foreign Minister Tom Reed has apologised to MPs. Mr Reed said the release was premature. Critics in London, Leeds and Oxford were angry.\n\nThe home secretary said a review would follow. Mr Reed will speak on Monday.",
			"Tom Reed has apologised to MPs. Mr Reed said the release was premature. Critics in London, Leeds and Oxford were angry.\n\nHe urged the home secretary to act. Mr Reed will speak on Monday.",
			"Tom Reed has apologised to MPs. Anna Berg said the release was premature.\n\nThe home secretary said a review would follow."}},
	{ID: rulePostParty, Type: graph.HoldsPost, Confidence: 0.65,
		Trigger:   `an opposition "shadow" post whose title names no party ("shadow home secretary X")`,
		Arguments: "the person and the one party the sentence names before them, not as a possessor (\"For the Tories, shadow …\"), else the party the article's other shadow posts name (\"Tory shadow chancellor Y\"), when they name one",
		Hedges:    "no party named so, or two",
		Examples: []string{"Tory shadow chancellor Ann Lee spoke first.\n\nYesterday shadow home secretary Tim Hale said the plan would fail.",
			"Labour MPs cheered and Labour ministers smiled.\n\nFor the Conservatives, shadow home secretary Tim Hale said the plan would fail."},
		NonExamples: []string{"Yesterday shadow home secretary Tim Hale said the plan would fail.",
			"Labour MPs cheered and Labour ministers smiled.\n\nYesterday shadow home secretary Tim Hale said the plan would fail.",
			"The poster was taken off Labour's website after a vote on shadow home secretary Tim Hale."}},
	{ID: rulePostHome, Type: graph.HoldsPost, Confidence: 0.7,
		Trigger:   "a state post (WordNet: minister, secretary, chancellor, president…) whose title names no state or organisation",
		Arguments: "the person's nationality read in the article, else the country the article is about (three signs or more, twice any other)",
		Hedges:    "a shadow post; a capitalised name before the title; a sentence (or the one before) naming another country; a title that is a company's post too (WordNet: president, vice president) in an article naming a company, written in lower case, or with a company's post beside it (\"president and chief executive\")",
		Examples: []string{"Norwegian voters are unhappy. Oslo and Bergen saw protests, and the Norwegian press agreed.\n\nFinance Minister Anna Berg said the budget would pass.",
			"Norwegian voters are unhappy. Oslo and Bergen saw protests, and the Norwegian press agreed.\n\nPresident Anna Berg said the budget would pass."},
		NonExamples: []string{"Oslo was cold. Finance Minister Anna Berg said the budget would pass.",
			// a company's president: the article names a company, or the title is a company's alone
			"Norwegian voters are unhappy. Oslo and Bergen saw protests, and the Norwegian press agreed.\n\nHale Shipping Corp said profits fell. President Anna Berg said the yard would close.",
			"Norwegian voters are unhappy. Oslo and Bergen saw protests, and the Norwegian press agreed.\n\nPresident and chief executive Anna Berg said the yard would close.",
			"Norwegian voters are unhappy. Oslo and Bergen saw protests, and the Norwegian press agreed.\n\nLater, vice president Anna Berg said the utility would sell power."}},
}

// baseConfidence is each rule's confidence, by id.
var baseConfidence = func() map[string]float64 {
	m := map[string]float64{}
	for _, r := range Rules {
		m[r.ID] = r.Confidence
	}
	return m
}()
