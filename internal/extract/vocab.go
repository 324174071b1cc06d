package extract

import "github.com/kgnews/kg/internal/lexicon"

// The words relation rules read. Trigger and hedge vocabularies are WordNet 3.1 classes with every
// inflected form (internal/lexicon/data/wn_triggers.tsv, written by scripts/lexicon/verbs.mjs): the
// verbs of saying, speaking, planning and refusing, the nouns of meetings, journeys, speeches and
// people. What stays here is closed-class grammar — conjunctions, modals, negation, the copula — and the
// honorifics that tell a gender.

// clauseStops end the stretch of a sentence that holds a verb's subject or objects: punctuation,
// conjunctions and relative words. A form of a WordNet verb of saying does too (clauseStop).
var clauseStops = map[string]bool{
	";": true, "that": true, "which": true, "who": true, "whom": true, "where": true, "while": true, "when": true,
	"after": true, "before": true, "because": true, "but": true, "although": true, "though": true, "since": true,
	"according": true, "becoming": true, "whereas": true, ":": true, "(": true, ")": true,
}

// clauseStop reports whether a lower-case word ends a clause's stretch: one of clauseStops, the past of
// a WordNet verb of saying ("said", "added", "told", "warned", "announced"), or "says".
func clauseStop(w string) bool {
	if clauseStops[w] {
		return true
	}
	inf, lemma, ok := lexicon.Verb(w, "say")
	return ok && (inf == "past" || inf == "part" || inf == "s" && lemma == "say") // "remarks", "notes" are nouns as often
}

// hedges before a verb make the meeting or visit not a fact: planned, hoped for, denied or uncertain.
// These are the modals, negations, conditions and adjectives of chance; the verbs of planning, hoping,
// refusing and cancelling are WordNet's, in every form (hedgeWord).
var hedges = map[string]bool{
	"will": true, "would": true, "could": true, "may": true, "might": true, "shall": true, "should": true,
	"next": true, "upcoming": true, "forthcoming": true,
	"probable": true, "possible": true, "likely": true, "potential": true, "due": true, "not": true, "never": true, "n't": true, "unclear": true, "whether": true,
	"if": true, "unless": true, "no": true,
	"leaves": true, "departs": true, // "leaves on Saturday on a trip to": news present tense for a departure to come
}

// hedgeWord reports whether a word makes an event after it in its clause not a fact: a hedge above, or a
// form of a WordNet verb of planning, hoping and proposing ("planned", "hopes", "sought") or of denying,
// refusing and cancelling ("denied", "declined", "called off" excepted: one-word verbs only).
func hedgeWord(w string) bool {
	if hedges[w] {
		return true
	}
	fs := lexicon.Triggers(w)
	return isOf(fs, "plan") || isOf(fs, "deny")
}

// planWords make an event after them a plan: "ahead of talks with", "to prepare for his visit to". They
// say nothing of an event before them ("left after talks with X ahead of her visit to Moscow").
var planWords = map[string]bool{"ahead": true, "prepare": true, "prepares": true, "preparing": true}

var masculineTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "baron": true, "earl": true,
	"duke": true, "king": true, "prince": true, "viscount": true, "marquess": true, "count": true}

var feminineTitles = map[string]bool{"mrs": true, "ms": true, "miss": true, "lady": true, "dame": true,
	"baroness": true, "queen": true, "princess": true, "duchess": true, "countess": true, "viscountess": true,
	"marchioness": true}

// speechForms reports whether a word (its trigger readings) tells of speaking at an event, which puts
// the speaker where it is held: a form of a WordNet verb of speaking ("speaking", "spoke", "addressed"),
// the past of "tell" (told says so), or a WordNet noun of speeches and rallies ("speech", "lecture",
// "rally", "conference").
func speechForms(fs lexicon.Forms) (speech, told bool) {
	if len(fs) == 0 {
		return false, false
	}
	if inf, lemma, ok := fs.Of("say"); ok && lemma == "tell" && (inf == "past" || inf == "part") {
		return true, true
	}
	if inf, _, ok := fs.Of("speak"); ok && inf != "base" && inf != "s" {
		return true, false
	}
	number, _, ok := fs.Of("speech")
	return ok && number == "singular", false
}

// isOf reports whether a word's readings include a class.
func isOf(fs lexicon.Forms, class string) bool {
	_, _, ok := fs.Of(class)
	return ok
}

// visitNoun reports whether a word is one of WordNet's nouns of travel a possessor can be the traveller
// of ("his visit to", "her trip", "the tour"), singular or plural.
func visitNoun(w string) bool {
	_, _, ok := lexicon.Verb(w, "journey")
	return ok
}

// meetingNoun reports whether a word is one of WordNet's nouns of what one attends when one meets people
// ("meeting", "talks", "summit", "conference"), singular or plural.
func meetingNoun(w string) bool {
	_, _, ok := lexicon.Verb(w, "meeting")
	return ok
}

// peopleNoun reports whether a word is one of WordNet's nouns for people or groups of them, singular or
// plural ("delegation", "officials", "mother"): someone one can meet.
func peopleNoun(w string) bool {
	_, _, ok := lexicon.Verb(w, "people")
	return ok
}

// copulaVerbs state a post by a verb: "X is the party's chairman", "when he was Home Secretary", "X
// became president", "X served as ambassador to Chile". The bool says the post is a past one.
var copulaVerbs = map[string]bool{"is": false, "was": true, "became": false, "becomes": false, "remains": false}

// callWords are the means of a call: "spoke by telephone with".
var callWords = map[string]bool{"telephone": true, "phone": true, "telephones": true, "video": true, "videolink": true}

// pastWords before a title make the post a past one: "then Home Office Minister X", "deposed president X".
var pastWords = map[string]bool{"former": true, "then": true, "deposed": true, "ousted": true, "late": true}
