package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
)

// corefer groups the typed mentions of an article into entities. Full names come first; a surname or a
// given name alone ("Chen", "Ambassador Okafor") joins the full name it fits, preferring one whose known
// titles agree with its own and, among those, the one named most recently, so that "Foreign Minister
// Chen" does not join the diplomat Chen Liang. Spellings one transliteration apart join ("Gaddafi",
// "Qaddafi"); an organisation name one typing slip from another joins it ("Untied Nations").
func (x *Extractor) corefer(d *Doc) {
	byKey := map[string]*Entity{}
	var persons []*Entity
	newEntity := func(m *Mention) *Entity {
		e := &Entity{Type: m.Type}
		d.Entities = append(d.Entities, e)
		return e
	}
	join := func(e *Entity, m *Mention) {
		m.Ent = e
		e.Mentions = append(e.Mentions, m)
		if m.Title != "" && !slices.Contains(e.Titles, m.Title) {
			e.Titles = append(e.Titles, m.Title) // each title once: a person named a thousand times keeps one
		}
	}
	// 1. full names of people, and all organisations and places, by name
	for _, m := range d.Mentions {
		if m.Type == "" || (m.Weak && len(names.Words(m.Text)) < 2) {
			continue // single names typed only by votes wait for step 2
		}
		toks := names.Words(m.Text)
		if m.Type == graph.Person && len(toks) < 2 {
			continue
		}
		key := x.entityKey(m)
		e := byKey[key]
		if e == nil && m.Type == graph.Person {
			e = findBySkeleton(persons, toks, !strings.ContainsRune(m.Text, ' '))
		}
		if e == nil && m.Type == graph.Organisation {
			e = findByTypo(d.Entities, m)
		}
		if e == nil {
			e = newEntity(m)
			if m.Type == graph.Person {
				persons = append(persons, e)
			}
		}
		byKey[key] = e
		join(e, m)
	}
	for _, e := range d.Entities {
		e.sorted = len(e.Mentions) // in text order so far; step 2 appends in text order too
	}
	// 2. single names, and untyped names that are a known person's surname or given name
	for _, m := range d.Mentions {
		if m.Ent != nil {
			continue
		}
		toks := names.Words(m.Text)
		if len(toks) == 0 {
			continue
		}
		if e := bestPersonFor(persons, m, toks[len(toks)-1]); e != nil && (len(toks) == 1 || findBySkeleton([]*Entity{e}, toks, true) != nil) {
			m.Type = graph.Person
			join(e, m)
			continue
		}
		if m.Type == "" {
			continue
		}
		if m.Type != graph.Person {
			key := x.entityKey(m)
			e := byKey[key]
			if e == nil {
				e = newEntity(m)
				byKey[key] = e
			}
			join(e, m)
			continue
		}
		e := newEntity(m)
		persons = append(persons, e)
		join(e, m)
	}
	x.settleEntities(d)
}

// settleEntities joins the article's organisation variants, then names every entity and marks the
// one a wire's sign-off alone names.
func (x *Extractor) settleEntities(d *Doc) {
	x.joinOrgVariants(d)
	for _, e := range d.Entities {
		nameEntity(e, x.lex)
		e.Filer = d.namedInSignOffOnly(e)
	}
}

// namedInSignOffOnly reports whether every mention of e is in the wire's sign-off (see Entity.Filer).
func (d *Doc) namedInSignOffOnly(e *Entity) bool {
	return d.signOffSent > 0 && !slices.ContainsFunc(e.Mentions, func(m *Mention) bool { return m.Sent != d.signOffSent-1 })
}

// entityKey is the in-article identity of a name: its type and folded spelling, places under
// lexicon.PlaceKey.
func (x *Extractor) entityKey(m *Mention) string {
	name := m.Text
	switch m.Type {
	case graph.Place:
		name = x.lex.PlaceKey(name)
	case graph.Organisation:
		if p, ok := lexicon.PartyName(cleanName(name)); ok {
			name = p // "Tories", "Conservative Party": one party
		}
		return string(m.Type) + "|" + names.OrgKey(name)
	}
	return string(m.Type) + "|" + names.Fold(name)
}

// joinOrgVariants merges organisations an article names in several ways: an acronym and the name
// it abbreviates ("UN", "United Nations"; "the Armed Forces (AFP)"), and a short name with the one
// longer name that adds only a country or an acronym in front ("Security Council", "UN Security
// Council"; "Foreign Ministry", "Chinese Foreign Ministry").
func (x *Extractor) joinOrgVariants(d *Doc) {
	var orgs []*Entity
	for _, e := range d.Entities {
		if e.Type == graph.Organisation && len(e.Mentions) > 0 {
			orgs = append(orgs, e)
		}
	}
	for _, a := range orgs {
		if len(a.Mentions) == 0 {
			continue // already merged
		}
		text := a.Mentions[0].Text
		var target *Entity
		if isAcronym(text) {
			target = acronymTarget(d, orgs, a)
		} else {
			target = x.longerVariant(orgs, a)
			if target == nil {
				target = bodyOfMembers(orgs, a)
			}
		}
		if target == nil {
			target = clippedTarget(orgs, a)
		}
		if target == nil {
			target = x.leadingWordTarget(orgs, a)
		}
		if target != nil && target != a {
			mergeInto(d, target, a)
		}
	}
	// a clipped name read as a person's ("Lib Dems said ...") is the organisation it clips
	for _, a := range slices.Clone(d.Entities) {
		if a.Type != graph.Person || len(a.Mentions) == 0 || slices.ContainsFunc(a.Mentions, func(m *Mention) bool { return !m.Weak || m.Title != "" }) {
			continue
		}
		target := clippedTarget(orgs, a)
		if target == nil {
			target = x.leadingWordTarget(orgs, a) // "Goldman said" beside "Goldman Sachs and Co"
		}
		if target != nil {
			for _, m := range a.Mentions {
				m.Type = graph.Organisation
			}
			mergeInto(d, target, a)
		}
	}
}

// leadingWordTarget finds the one company of the article whose full name is a's one word and at most
// one more, with legal forms (firmOf: "Goldman" for "Goldman Sachs and Co", "Boeing" for "Boeing Co"):
// the firm's short name, when the word is no English word, nationality or place. A name with no legal
// form may be a division's ("BBC News", "Barclays Capital"), one with more words or a place a
// subsidiary's ("IBM Canada Ltd"), which the short name is not.
func (x *Extractor) leadingWordTarget(orgs []*Entity, a *Entity) *Entity {
	ws := a.Mentions[0].foldedWords()
	if len(ws) != 1 || len(ws[0]) < 3 || lexicon.IsEnglishWord(ws[0]) {
		return nil
	}
	if _, ok := x.lex.Demonym(ws[0]); ok {
		return nil
	}
	if _, ok := x.lex.Place(ws[0]); ok {
		return nil
	}
	var found *Entity
	for _, o := range orgs {
		if o == a || len(o.Mentions) == 0 {
			continue
		}
		if ow := o.Mentions[0].foldedWords(); len(ow) >= 2 && ow[0] == ws[0] && x.firmOf(ow) {
			if found != nil {
				return nil // "Jardine" beside Jardine Matheson and Jardine Fleming: which?
			}
			found = o
		}
	}
	return found
}

// firmOf reports whether folded name words are a firm's full name that its first word alone stands
// for: the word, at most one more word that names no place or nationality, and legal forms ("Boeing
// Co", "Goldman Sachs and Co"; not "IBM Canada Ltd", a subsidiary, nor "BBC News", no firm's name).
func (x *Extractor) firmOf(ws []string) bool {
	n := len(ws)
	for n > 1 && lexicon.IsLegalForm(ws[n-1]) {
		n--
	}
	if n == len(ws) {
		return false
	}
	rest := slices.DeleteFunc(slices.Clone(ws[1:n]), func(w string) bool { return lexicon.IsFunctionWord(w) })
	if len(rest) > 1 {
		return false
	}
	for _, w := range rest {
		if _, ok := x.lex.Place(w); ok {
			return false
		}
		if _, ok := x.lex.Demonym(w); ok {
			return false
		}
	}
	return true
}

// clippedTarget finds the one organisation whose name a's name clips word by word ("Lib Dem", "Lib Dems"
// for "Liberal Democrats"): as many words, each the start of the other's word, at least one cut short or a
// plural ending the only difference.
func clippedTarget(orgs []*Entity, a *Entity) *Entity {
	short := a.Mentions[0].foldedWords()
	if len(short) == 1 && len(short[0]) >= 5 {
		// one word: only its plural ("Radical" beside "the Radicals": the members' body)
		plural := short[0] + "s"
		for _, o := range orgs {
			if o != a && len(o.Mentions) > 0 && o.Mentions[0].folded() == plural {
				return o
			}
		}
		return nil
	}
	if len(short) < 2 {
		return nil
	}
	var found *Entity
	for _, o := range orgs {
		if o == a || len(o.Mentions) == 0 {
			continue
		}
		long := o.Mentions[0].foldedWords()
		if len(long) != len(short) {
			continue
		}
		cut, ok := false, true
		for i, w := range short {
			if i == len(short)-1 && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasPrefix(long[i], w) {
				w = w[:len(w)-1] // "Dems"
			}
			if len(w) < 3 || !strings.HasPrefix(long[i], w) {
				ok = false
				break
			}
			if len(w) < len(long[i])-1 {
				if len(w) > 4 {
					ok = false // "Social" is no clipping of "Socialist": clippings are short ("Lib", "Nat")
					break
				}
				cut = true
			}
		}
		if !ok || (!cut && strings.Join(short, " ") == strings.Join(long, " ")) {
			continue // nothing cut and no plural ending: the same name, or another one
		}
		if found != nil && found != o {
			return nil
		}
		found = o
	}
	return found
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			if r == '.' {
				continue
			}
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// initials are the first letters of a name's words, leaving out of/the/and/for.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ReplaceAll(name, "-", " ")) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "de", "la":
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}

func acronymTarget(d *Doc, orgs []*Entity, a *Entity) *Entity {
	acr := strings.ReplaceAll(a.Mentions[0].Text, ".", "")
	// "NAME (ACR)": the name right before the bracket
	for _, m := range a.Mentions {
		toks := d.Sents[m.Sent].Tokens
		if m.Tok >= 2 && toks[m.Tok-1].Text == "(" {
			for _, o := range orgs {
				for _, om := range o.Mentions {
					if o != a && om.Sent == m.Sent && om.TokEnd == m.Tok-1 {
						return o
					}
				}
			}
		}
	}
	var found *Entity
	for _, o := range orgs {
		if o == a || len(o.Mentions) == 0 {
			continue
		}
		for _, om := range o.Mentions {
			if initials(om.Text) == acr {
				if found != nil && found != o {
					return nil // two names fit: leave it
				}
				found = o
			}
		}
	}
	return found
}

// longerVariant finds the one organisation whose name is a's name with a country, nationality or
// acronym in front, agreeing with the country a's article ties it to ("France's Interior Ministry").
func (x *Extractor) longerVariant(orgs []*Entity, a *Entity) *Entity {
	short := a.Mentions[0].folded()
	affil := ""
	for _, m := range a.Mentions {
		if m.Affil != "" {
			affil = m.Affil
		}
	}
	var found *Entity
	for _, o := range orgs {
		if o == a || len(o.Mentions) == 0 {
			continue
		}
		long := o.Mentions[0].folded()
		if !strings.HasSuffix(long, " "+short) {
			continue
		}
		prefix := strings.Fields(o.Mentions[0].Text)
		prefix = prefix[:len(prefix)-len(strings.Fields(a.Mentions[0].Text))]
		if len(prefix) > 2 {
			continue
		}
		country, ok := "", true
		for _, w := range prefix {
			if c, isDem := x.lex.Demonym(w); isDem {
				country = c
			} else if p, isPlace := x.lex.Place(w); isPlace && p.Kind == lexicon.Country {
				country = p.Country
			} else if !isAcronym(w) {
				ok = false
			}
		}
		if !ok || (affil != "" && country != "" && affil != country) {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = o
	}
	return found
}

// bodyOfMembers finds the one organisation named by a's members' name and one organisation head
// ("Conservatives", "Conservative" -> "Conservative Party"; "Greens" -> "Green Party").
func bodyOfMembers(orgs []*Entity, a *Entity) *Entity {
	f := a.Mentions[0].folded()
	forms := append([]string{f}, singulars(f)...)
	var found *Entity
	for _, o := range orgs {
		if o == a || len(o.Mentions) == 0 {
			continue
		}
		long := o.Mentions[0].folded()
		i := strings.LastIndexByte(long, ' ')
		if i < 0 || !lexicon.IsOrgHead(long[i+1:]) {
			continue
		}
		for _, form := range forms {
			if long[:i] == form {
				if found != nil && found != o {
					return nil
				}
				found = o
			}
		}
	}
	return found
}

// mergeInto moves every mention of b to a and empties b; b is dropped from the article's entities.
func mergeInto(d *Doc, a, b *Entity) {
	for _, m := range b.Mentions {
		m.Ent = a
		a.Mentions = append(a.Mentions, m)
	}
	for _, t := range b.Titles {
		if !slices.Contains(a.Titles, t) {
			a.Titles = append(a.Titles, t)
		}
	}
	b.Mentions = nil
	out := d.Entities[:0]
	for _, e := range d.Entities {
		if e != b {
			out = append(out, e)
		}
	}
	d.Entities = out
}

// findBySkeleton finds the person a full name is of, written another way: word for word the same or
// one transliteration apart, a given name also as its initial ("B Kay", "Ben Kay"). A hyphenated
// surname written alone ("Aynsley-Green") is of the person whose name ends in it.
func findBySkeleton(persons []*Entity, toks []string, surname bool) *Entity {
	for _, e := range persons {
		et := e.nameWords()
		if surname && len(et) > len(toks) {
			et = et[len(et)-len(toks):]
		}
		if len(et) != len(toks) {
			continue
		}
		ok := true
		for i := range et {
			if !names.SameWord(et[i], toks[i]) && (i == len(et)-1 || !initialOf(et[i], toks[i])) {
				ok = false
				break
			}
		}
		if ok {
			return e
		}
	}
	return nil
}

// initialOf reports whether one of two name words is the other's initial.
func initialOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 1 && len(b) > 1 && b[0] == a[0]
}

func findByTypo(es []*Entity, m *Mention) *Entity {
	f := m.folded()
	if len(f) < 6 {
		return nil
	}
	for _, e := range es {
		if e.Type != graph.Organisation {
			continue
		}
		g := e.Mentions[0].folded()
		if f[0] == g[0] && names.Distance(f, g) == 1 && lastWord(f) == lastWord(g) {
			return e
		}
	}
	return nil
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// bestPersonFor picks the person a single name refers to: among those with a matching name word and
// no contradicting title, the one whose titles agree with the mention's, else the one mentioned last
// before it, else the first one after it.
func bestPersonFor(persons []*Entity, m *Mention, word string) *Entity {
	var exact, variant []*Entity
	for _, e := range persons {
		for _, w := range e.nameWords() {
			// a spelling variant, never a typo onto an English word ("Beauty" is not Beatty)
			if w == word {
				exact = append(exact, e)
				break
			}
			if names.SameWord(w, word) && !lexicon.IsEnglishWord(word) {
				variant = append(variant, e)
				break
			}
		}
	}
	// a name written as the article writes a person's is that person's before another's spelled alike
	// ("President Reagan" is Ronald Reagan, not Donald Regan of the same article)
	cands := exact
	if len(cands) == 0 {
		cands = variant
	}
	if len(cands) == 0 {
		return nil
	}
	mine := postSet(m.Title)
	if g := titleGender(m.Title); g != 0 {
		// "Mrs Howard" is not the "Mr Howard" of the article: an honorific of the other sex rules one out
		// (given names do not: "Ms Stone" is Joss Stone, "Mr Sharon" Ariel Sharon)
		cands = slices.DeleteFunc(cands, func(e *Entity) bool { return titlesGender(e) == -g })
	}
	var agree, neutral []*Entity
	for _, e := range cands {
		theirs := map[string]bool{}
		for _, t := range e.Titles {
			for w := range postSet(t) {
				theirs[w] = true
			}
		}
		switch {
		case len(mine) == 0 || len(theirs) == 0:
			neutral = append(neutral, e)
		case overlaps(mine, theirs):
			agree = append(agree, e)
		}
	}
	if len(agree) > 0 {
		return closest(agree, m)
	}
	if len(neutral) > 0 {
		return closest(neutral, m)
	}
	return nil
}

func postSet(title string) map[string]bool {
	s := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		for _, p := range strings.Split(w, "-") {
			if lexicon.IsPostWord(p) {
				s[p] = true
			}
		}
	}
	return s
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// closest returns the entity mentioned last before m, or failing that the first after it.
func closest(es []*Entity, m *Mention) *Entity {
	var best *Entity
	bestPos := -1
	for _, e := range es {
		if p := lastStartBefore(e, m.Start); p > bestPos {
			best, bestPos = e, p
		}
	}
	if best != nil {
		return best
	}
	first := -1
	for _, e := range es {
		if p := e.Mentions[0].Start; first < 0 || p < first {
			best, first = e, p
		}
	}
	return best
}

// lastStartBefore is the start of e's last mention before pos, or -1. e.Mentions is two runs in text
// order (the first e.sorted mentions, then the rest), each searched in logarithmic time, so that a
// name mentioned thousands of times does not make coreference quadratic.
func lastStartBefore(e *Entity, pos int) int {
	best := -1
	for _, run := range [][]*Mention{e.Mentions[:min(e.sorted, len(e.Mentions))], e.Mentions[min(e.sorted, len(e.Mentions)):]} {
		i := sort.Search(len(run), func(i int) bool { return run[i].Start >= pos })
		if i > 0 && run[i-1].Start > best {
			best = run[i-1].Start
		}
	}
	return best
}

// nameEntity names an entity by its longest spelling (ties: the most frequent, then the first) and
// keeps the other spellings as aliases.
func nameEntity(e *Entity, lex *lexicon.Lexicon) {
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range e.Mentions {
		t := cleanName(m.Text)
		if _, ok := first[t]; !ok {
			first[t] = i
		}
		count[t]++
	}
	var forms []string
	for t := range count {
		forms = append(forms, t)
	}
	sort.Slice(forms, func(i, j int) bool {
		a, b := forms[i], forms[j]
		if len(names.Words(a)) != len(names.Words(b)) {
			return len(names.Words(a)) > len(names.Words(b))
		}
		if allCaps(a) != allCaps(b) {
			return !allCaps(a) // "Granville Falls" over a dateline's "GRANVILLE FALLS"
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return first[a] < first[b]
	})
	e.Name = forms[0]
	if e.Type == graph.Organisation {
		if p, ok := lexicon.PartyName(e.Name); ok && names.Fold(p) != names.Fold(e.Name) {
			e.Name, forms = p, forms[0:] // a party written by its short or members' name takes its own name
		}
	}
	if e.Type == graph.Place && lex != nil {
		// a country written by a short form or code ("U.S.", "Britain") takes its own name
		if p, ok := lex.Place(e.Name); ok && p.Kind == lexicon.Country && p.Country != "" && names.Fold(p.Country) != names.Fold(e.Name) {
			e.Name = p.Country
		} else if ok && allCaps(e.Name) && !allCaps(p.Name) && names.Fold(p.Name) == names.Fold(e.Name) {
			e.Name = p.Name // a dateline's "LOS ANGELES" is Los Angeles
		} else if allCaps(e.Name) {
			e.Name = titleWords(e.Name) // "STAMFORD", "BOCA RATON" in a dateline: Stamford, Boca Raton
		}
	}
	seen := map[string]bool{names.Fold(e.Name): true}
	for _, f := range forms {
		if k := names.Fold(f); !seen[k] {
			seen[k] = true
			e.Aliases = append(e.Aliases, f)
		}
	}
}

// cleanName drops a possessive ending from a name as written ("Reuters’" → "Reuters") and folds
// its white space.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ") // a name broken over two lines is one name
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// titleGender is 1 for a title with a masculine honorific ("Mr", "Sir"), -1 for a feminine one ("Mrs",
// "Ms"), 0 otherwise.
func titleGender(title string) int {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		w = strings.TrimSuffix(w, ".")
		switch {
		case masculineTitles[w]:
			return 1
		case feminineTitles[w]:
			return -1
		}
	}
	return 0
}

// titlesGender is the gender the honorifics among a person's titles agree on, 0 when none or both.
func titlesGender(e *Entity) int {
	g := 0
	for _, t := range e.Titles {
		switch tg := titleGender(t); {
		case tg != 0 && g == -tg:
			return 0
		case tg != 0:
			g = tg
		}
	}
	return g
}

// allCaps reports whether a name is written in capitals (allCapsWord) and is longer than an acronym:
// more than three letters ("PARIS", not "UN" or "N.J.").
func allCaps(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 3 && allCapsWord(name)
}

// titleWords writes each word of an all-capitals name with a capital and then small letters.
func titleWords(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		rs := []rune(strings.ToLower(w))
		if len(rs) > 0 {
			rs[0] = unicode.ToUpper(rs[0])
		}
		ws[i] = string(rs)
	}
	return strings.Join(ws, " ")
}
