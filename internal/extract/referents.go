package extract

import (
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
)

// A description names a person by their post: "the Pakistani president", "the prime minister", "the UK
// chancellor". It stands for the one person of the article who holds that post.
type description struct {
	from, to int    // tokens, "the" included
	title    string // the title words, lower case ("prime minister")
	country  string // the state a nationality adjective or country before the title gives, if any
}

// descriptionAt reads a description that starts with "the" at token i.
func (x *Extractor) descriptionAt(v sentenceView, i int) (description, bool) {
	if v.lower(i) != "the" {
		return description{}, false
	}
	desc := description{from: i}
	j := i + 1
	if c, n := x.demonymAt(v.toks, j); n > 0 {
		desc.country, j = c, j+n
	} else if m := v.mentionAt(j); m != nil && m.Type == graph.Place && m.Ent != nil {
		if p, ok := x.lex.Place(m.Ent.Name); ok && p.Kind == lexicon.Country {
			desc.country, j = p.Country, m.TokEnd
		}
	}
	var words []string
	for ; j < len(v.toks) && v.toks[j].Word && lexicon.IsTitleWord(v.toks[j].Text); j++ {
		words = append(words, v.lower(j))
	}
	// a name right after the title makes it a title, not a description ("the president Ivo Marek")
	if len(words) == 0 || !lexicon.IsPostWord(words[len(words)-1]) || v.mentionAt(j) != nil {
		return description{}, false
	}
	desc.to, desc.title = j, strings.Join(words, " ")
	return desc, true
}

// describedPerson is the one person of the article whose titles, as written before their name, are the
// description's title, and whose state (by nationality or a post) does not contradict its country.
func (x *Extractor) describedPerson(d *Doc, desc description) *Entity {
	var found *Entity
	for _, e := range d.Entities {
		if e.Type != graph.Person || !hasTitle(e, desc.title) {
			continue
		}
		if desc.country != "" {
			if c := nationality(e); c != "" && c != desc.country {
				continue
			}
		}
		if found != nil && found != e {
			return nil // two people hold it: the description does not say which
		}
		found = e
	}
	return found
}

// hasTitle reports whether one of a person's titles is the given one, leaving out "former" and the like.
func hasTitle(e *Entity, title string) bool {
	for _, t := range e.Titles {
		var ws []string
		for _, w := range strings.Fields(strings.ToLower(t)) {
			switch w {
			case "former", "ex", "then", "acting", "new", "the":
				continue
			}
			ws = append(ws, w)
		}
		if strings.Join(ws, " ") == title {
			return true
		}
	}
	return false
}

// describedIn finds the person a description in tokens [from, to) stands for, nearest to the end.
func (x *Extractor) describedIn(d *Doc, v sentenceView, from, to int) *Entity {
	for i := to - 1; i >= from; i-- {
		if desc, ok := x.descriptionAt(v, i); ok && desc.to <= to {
			return x.describedPerson(d, desc)
		}
	}
	return nil
}
