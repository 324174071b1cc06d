// Package extract reads entities and relations out of one article's text. It is a pipeline of ordered
// stages over one Doc, set in one place (New); each stage says what it needs and what it adds, and every
// mention and relation keeps byte offsets into the text so its evidence can be shown.
package extract

import (
	"context"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/lexicon"
	"github.com/kgnews/kg/internal/names"
	"github.com/kgnews/kg/internal/ner"
)

// Mention is one naming of an entity in the text.
type Mention struct {
	Start, End int
	Text       string
	Type       graph.EntityType // "" while unknown
	Weak       bool             // the type is a guess (a bare two-word name, a vote) that context may overrule
	Sent       int              // index of the sentence
	Tok        int              // index of the first token in the sentence
	TokEnd     int              // index after the last token
	Title      string           // job title written before the name ("Foreign Minister")
	TitleFrom  int              // token index where the title starts (== Tok when none)
	Affil      string           // what the title belongs to: a country name from a demonym, or ""
	Ent        *Entity          // the in-article entity it names, set by the coreference stage
	InTitle    bool             // a place or organisation inside a job title ("Ambassador to Qatar")
	dateline   bool             // a place of a wire dateline ("AKRON, Ohio, March 2 -"), whatever the tagger reads

	affilMention *Mention         // organisation the title belongs to, when named in the same chunk
	learned      float64          // the learned tagger's margin for the type it gave, 0 when it gave none
	learnedType  graph.EntityType // the type the learned tagger gave, "" when none
	ruleWeak     bool             // the rules left the type open or weak
	typeVotes    map[graph.EntityType]int
	foldOf, fold string   // fold is names.Fold(foldOf), kept for folded while Text is foldOf
	foldWords    []string // strings.Fields(fold), kept for foldedWords with fold
}

// Entity is one entity within one article: the mentions that name it.
type Entity struct {
	Name     string
	Type     graph.EntityType
	Mentions []*Mention
	Titles   []string
	Aliases  []string
	// Signs are the types its article shows signs of, read from the text by a stage a caller adds
	// (AddStage; see resolve.Signs) before the text is dropped. Nil when no such stage ran.
	Signs []graph.EntityType

	words   []string // folded name words of the first mention, without particles (see nameWords)
	sorted  int      // the first sorted Mentions are in text order, and so are the rest (see corefer)
	nat     string   // nationality, once read (see nationality)
	natRead bool
	count   int // len(Mentions) before Compact dropped them (see MentionCount)

	// Filer is set when the article names the entity only in a wire's sign-off ("Reuter" on the last
	// line): the agency that filed the story, which the text does not speak of. It is an entity of the
	// article, but no mention in the graph and no evidence that the people of the article belong to it.
	Filer bool
}

// MentionCount is how many times the article names the entity, also after Compact.
func (e *Entity) MentionCount() int { return max(len(e.Mentions), e.count) }

// nameWords returns the folded words of the entity's first name, without particles, computed once.
func (e *Entity) nameWords() []string {
	if e.words == nil && len(e.Mentions) > 0 {
		e.words = names.Words(e.Mentions[0].Text)
	}
	return e.words
}

// Relation is one relation read from one sentence.
type Relation struct {
	Type       graph.RelType
	From, To   *Entity
	Place      *Entity
	Date       string
	Title      string
	Status     string
	Sent       int
	Tok        int    // token index of the word that states it (the verb, or the name for a post)
	Evidence   string // the sentence, and its byte offsets in the article
	Start, End int
	Confidence float64
	Rule       string
}

// Doc is one article under extraction.
type Doc struct {
	Article       graph.Article
	Text          string
	Ref           RefDate
	Sents         []Sentence
	Mentions      []*Mention // in text order
	Entities      []*Entity
	Relations     []Relation
	dates         [][]dateSpan    // per sentence
	bySent        [][]*Mention    // resolved mentions per sentence, in text order (built by view)
	openPosts     []openPost      // state posts whose titles name no state, settled after all posts are read
	visitsIn      map[int][]int   // indices of the VISITED relations of each sentence (see visitBefore)
	ctx           context.Context // cancels a long article between sentences (see ExtractContext)
	lead          **Entity        // the article's protagonist, once read (see protagonist)
	leadPostTitle string          // the post the protagonist may be described by (see leadPost)
	leadPostRead  bool
	countryOf     map[string]string  // present-day country -> the former state the article means by it (see homeState)
	orgsByName    map[string]*Entity // folded organisation names and aliases, once read (see bodyOfMembersNamed)
	lowerSeen     map[string]bool    // the words the article writes in lower case (see lowercaseWords)
	refSet        bool               // Ref is given (a piece of a long text, see ExtractCompact): not read from the text
	signOffSent   int                // index+1 of the sentence that is a wire's sign-off, 0 when none (see signOff)
	lex           *lexicon.Lexicon
}

// Stage is one step of the pipeline.
type Stage struct {
	Name string
	Run  func(*Doc)
}

// Extractor runs the stages in order.
type Extractor struct {
	lex    *lexicon.Lexicon
	tagger *ner.Tagger
	stages []Stage
}

// New returns the extractor with its stages in order.
func New(lex *lexicon.Lexicon) *Extractor {
	tagger, err := ner.Default()
	if err != nil {
		panic(err) // the embedded model is part of the build; a test reads it
	}
	x := &Extractor{lex: lex, tagger: tagger}
	x.stages = []Stage{
		// needs: Text. adds: Sents (tokens, headline flags).
		{"sentences", func(d *Doc) { d.Sents = splitSentences(d.Text) }},
		// needs: Article.Published, Sents. adds: Ref (the date relative phrases are read against).
		{"refdate", func(d *Doc) {
			if !d.refSet {
				d.Ref = findRefDate(d)
			}
		}},
		// needs: Sents. adds: Mentions with spans, titles and first types.
		{"mentions", x.findMentions},
		// needs: Sents, Mentions. adds: the learned tagger's boundaries and types; names the rules missed.
		{"learned", x.learnedMentions},
		// needs: Mentions. adds: types from context (apposition, followers, coordination).
		{"types", x.typeFromContext},
		// needs: Mentions typed by rules and context, the tagger's types. adds: final types, one per name.
		{"learned-types", x.learnedTypes},
		// needs: final types. adds: leaders' names before a government noun typed as people, whatever the
		// tagger read ("the Reagan administration").
		{"leaders", leadersOfGovernments},
		// needs: typed Mentions. adds: Entities; joins surnames, titles and pronouns to full names.
		{"coref", x.corefer},
		// needs: Sents, Ref. adds: date phrases per sentence.
		{"dates", x.findDates},
		// needs: Entities, dates. adds: Relations.
		{"relations", x.findRelations},
	}
	return x
}

// AddStage appends a stage that runs after the extractor's own, while the article's text and
// tokens are still there (before Compact).
func (x *Extractor) AddStage(s Stage) { x.stages = append(x.stages, s) }

// Compact drops what only the pipeline needed (tokens, sentence spans, the text) and copies the
// strings that stay, so that a batch can hold many extracted articles without their texts.
func (d *Doc) Compact() {
	for _, m := range d.Mentions {
		m.Text, m.Title, m.Affil = strings.Clone(m.Text), strings.Clone(m.Title), strings.Clone(m.Affil)
		m.typeVotes = nil
		m.foldOf, m.fold, m.foldWords = "", "", nil
	}
	for _, e := range d.Entities {
		e.words = nil
		e.Name = strings.Clone(e.Name)
		for i := range e.Aliases {
			e.Aliases[i] = strings.Clone(e.Aliases[i])
		}
		for i := range e.Titles {
			e.Titles[i] = strings.Clone(e.Titles[i])
		}
	}
	evidence := map[int]string{} // one copy of a sentence for all the relations it states
	for i := range d.Relations {
		r := &d.Relations[i]
		ev, ok := evidence[r.Start]
		if !ok || ev != r.Evidence {
			ev = strings.Clone(r.Evidence)
			evidence[r.Start] = ev
		}
		r.Evidence, r.Title = ev, strings.Clone(r.Title)
	}
	d.Text, d.Article.Text = "", ""
	d.Article.Title = strings.Clone(d.Article.Title) // a text file's title is its first line
	d.Sents, d.dates, d.bySent, d.visitsIn = nil, nil, nil, nil
	d.lowerSeen, d.orgsByName, d.openPosts, d.countryOf, d.lead = nil, nil, nil, nil, nil
}

// DropMentions drops the mentions, keeping each entity's number of them (see MentionCount): all a
// store needs of them.
func (d *Doc) DropMentions() {
	for _, e := range d.Entities {
		e.count, e.Mentions = e.MentionCount(), nil
	}
	d.Mentions = nil
}

// ExtractContext runs the pipeline over one article, and stops within a sentence's work when ctx is
// cancelled, returning ctx's error (and no Doc): even a 50 MB article gives way to Ctrl-C at once.
func (x *Extractor) ExtractContext(ctx context.Context, a graph.Article) (*Doc, error) {
	return x.run(ctx, &Doc{Article: a, Text: a.Text, ctx: ctx, lex: x.lex})
}

// run runs the stages over d.
func (x *Extractor) run(ctx context.Context, d *Doc) (*Doc, error) {
	for _, s := range x.stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.Run(d)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.ctx = nil
	return d, nil
}

// stopped reports whether the extraction was cancelled; the long per-sentence loops ask it.
func (d *Doc) stopped() bool { return d.ctx != nil && d.ctx.Err() != nil }
