// Package export writes a graph as the CSV files `neo4j-admin database import` reads, for first loads
// too large for transactions. The files hold the same nodes, labels, relationships and properties a
// load through the driver gives, so kgquery reads an imported graph like a loaded one.
package export

import (
	"bufio"
	"encoding/binary"
	"encoding/csv"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kgnews/kg/internal/graph"
	"github.com/kgnews/kg/internal/names"
)

// ArrayDelimiter separates the items of list properties: the ASCII unit separator, which no article
// text contains.
const ArrayDelimiter = "\x1f"

// Files are the files AdminCSV writes, in the order the import command lists them.
var Files = []string{"entities.csv", "articles.csv", "mentions.csv", "relations.csv"}

// Writer writes neo4j-admin import files batch by batch, in memory that does not grow with the
// articles: mentions go straight to their file; articles and relation facts go to scratch files in
// dir and are written out by Close, since the articles' header names every extra field of any batch
// and a relation's row lists the facts of every batch. What it keeps is each entity (the latest copy,
// whose spellings include the earlier ones') and, per relation, where its facts are in the scratch file.
type Writer struct {
	dir      string
	entities []graph.Entity
	entityAt map[string]int // entity id -> index in entities
	mentions *csvFile
	articles *os.File // gob stream of the articles
	artEnc   *gob.Encoder
	artBuf   *bufio.Writer
	nArt     int
	extra    map[string]bool
	facts    *os.File // length-prefixed fact records
	factBuf  *bufio.Writer
	factEnd  int64
	rels     map[string]*relFacts
	relOrder []*relFacts
	rec      []byte
	renamed  map[string]string // id of an entity merged into another -> the other's id (see Merge)
}

// relFacts is one relation without its facts, and where they are in the scratch file.
type relFacts struct {
	rel   graph.Relation
	at    []int64 // offsets of the fact records
	best  float64 // highest confidence
	first string  // earliest date
}

// NewWriter starts the import files in dir.
func NewWriter(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	w := &Writer{dir: dir, entityAt: map[string]int{}, extra: map[string]bool{}, rels: map[string]*relFacts{}}
	var err error
	if w.mentions, err = createCSV(dir, "mentions.csv", []string{":START_ID(Entity)", ":END_ID(Article)", "count:long", ":TYPE", "names:string[]", "signs:string[]"}); err != nil {
		return nil, err
	}
	if w.articles, err = os.CreateTemp(dir, ".articles-*"); err == nil {
		w.facts, err = os.CreateTemp(dir, ".facts-*")
	}
	if err != nil {
		w.removeScratch()
		w.mentions.f.Close()
		return nil, fmt.Errorf("export: %w", err)
	}
	w.artBuf = bufio.NewWriter(w.articles)
	w.artEnc = gob.NewEncoder(w.artBuf)
	w.factBuf = bufio.NewWriter(w.facts)
	return w, nil
}

// Articles, Entities and Relations count what the files hold so far.
func (w *Writer) Articles() int  { return w.nArt }
func (w *Writer) Entities() int  { return len(w.entities) }
func (w *Writer) Relations() int { return len(w.relOrder) }

// Write adds a batch. The batch may name entities and relations earlier batches named: each is
// written once, with the facts of every batch.
func (w *Writer) Write(b *graph.Batch) error {
	for _, e := range b.Entities {
		if i, ok := w.entityAt[e.ID]; ok {
			// as a store writes an entity again: the new copy, with the spellings and merge reasons
			// of the earlier ones too
			w.entities[i] = joinEntity(w.entities[i], e)
			continue
		}
		w.entityAt[e.ID] = len(w.entities)
		w.entities = append(w.entities, e)
	}
	for _, a := range b.Articles {
		for k := range a.Extra {
			w.extra[k] = true
		}
		a.Text = ""
		if err := w.artEnc.Encode(&a); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		w.nArt++
	}
	for _, m := range b.Mentions {
		w.mentions.w.Write([]string{m.Entity, m.Article, strconv.Itoa(m.Count), "MENTIONED_IN", list(m.Names), signsList(m.Signs)})
	}
	for _, r := range b.Relations {
		if err := w.addRelation(r); err != nil {
			return err
		}
	}
	return nil
}

// Merge makes the entities with the ids in from part of into, as a store's MergeEntities does
// (graph.EntityMerger): into takes their spellings and merge reasons, and their mentions and relations
// are written as into's by Close.
func (w *Writer) Merge(into graph.Entity, from []string) {
	if i, ok := w.entityAt[into.ID]; ok {
		w.entities[i] = joinEntity(w.entities[i], into)
	} else {
		w.entityAt[into.ID] = len(w.entities)
		w.entities = append(w.entities, into)
	}
	if w.renamed == nil {
		w.renamed = map[string]string{}
	}
	for _, f := range from {
		if f == into.ID {
			continue
		}
		w.renamed[f] = into.ID
		for k, v := range w.renamed { // an earlier merge into f now ends at into
			if v == f {
				w.renamed[k] = into.ID
			}
		}
	}
}

// applyRenames moves what merged entities held to the entities they were merged into: their entity
// rows go, their relations become the survivors' (joined with a relation of the same key; one
// between the two is dropped) and their mention rows are rewritten, counts added up per article.
func (w *Writer) applyRenames() error {
	if len(w.renamed) == 0 {
		return nil
	}
	kept := w.entities[:0]
	for _, e := range w.entities {
		if _, gone := w.renamed[e.ID]; !gone {
			kept = append(kept, e)
		}
	}
	w.entities = kept
	to := func(id string) string {
		if n, ok := w.renamed[id]; ok {
			return n
		}
		return id
	}
	rels, order := map[string]*relFacts{}, []*relFacts(nil)
	for _, rf := range w.relOrder {
		rf.rel.From, rf.rel.To = to(rf.rel.From), to(rf.rel.To)
		if rf.rel.From == rf.rel.To {
			continue
		}
		rf.rel.Normalize()
		if o := rels[rf.rel.Key()]; o != nil {
			o.at = append(o.at, rf.at...)
			o.best = max(o.best, rf.best)
			if rf.first != "" && (o.first == "" || rf.first < o.first) {
				o.first = rf.first
			}
			o.rel.Title = min(o.rel.Title, rf.rel.Title)
			continue
		}
		rels[rf.rel.Key()] = rf
		order = append(order, rf)
	}
	w.rels, w.relOrder = rels, order
	return w.renameMentions(to)
}

// renameMentions rewrites the mentions file with merged entities' rows as the survivors', keeping in
// memory only the rows that move.
func (w *Writer) renameMentions(to func(string) string) error {
	path := filepath.Join(w.dir, "mentions.csv")
	in, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer in.Close()
	rows, err := csv.NewReader(in).ReadAll()
	if err != nil || len(rows) == 0 {
		return fmt.Errorf("export: reading back the mentions: %v", err)
	}
	type share struct {
		count int
		names []string
		signs []string
	}
	moved := map[[2]string]*share{}
	var order [][2]string
	for _, r := range rows[1:] {
		if n := to(r[0]); n != r[0] {
			k := [2]string{n, r[1]}
			if _, ok := moved[k]; !ok {
				order = append(order, k)
				moved[k] = &share{}
			}
			c, _ := strconv.Atoi(r[2])
			moved[k].count += c
			moved[k].names = append(moved[k].names, splitList(r[4])...)
			moved[k].signs = append(moved[k].signs, splitList(r[5])...)
		}
	}
	c, err := createCSV(w.dir, "mentions.csv", rows[0])
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		if to(r[0]) != r[0] {
			continue
		}
		if sh, ok := moved[[2]string{r[0], r[1]}]; ok {
			cnt, _ := strconv.Atoi(r[2])
			r[2] = strconv.Itoa(cnt + sh.count)
			r[4] = list(sortedSet(append(splitList(r[4]), sh.names...)))
			r[5] = list(sortedSet(append(splitList(r[5]), sh.signs...)))
			delete(moved, [2]string{r[0], r[1]})
		}
		c.w.Write(r)
	}
	for _, k := range order {
		if sh, ok := moved[k]; ok {
			c.w.Write([]string{k[0], k[1], strconv.Itoa(sh.count), "MENTIONED_IN", list(sortedSet(sh.names)), list(sortedSet(sh.signs))})
		}
	}
	return c.close()
}

func (w *Writer) addRelation(r graph.Relation) error {
	r.Normalize()
	rf := w.rels[r.Key()]
	if rf == nil {
		rf = &relFacts{rel: r}
		rf.rel.Facts = nil
		w.rels[r.Key()] = rf
		w.relOrder = append(w.relOrder, rf)
	} else {
		// the title rule of both stores: of the spellings of one post (the key folds case), the
		// least is kept
		rf.rel.Title = min(rf.rel.Title, r.Title)
	}
	for _, f := range r.Facts { // a fact is one article's: no two batches give the same one
		w.rec = appendFact(w.rec[:0], f)
		if _, err := w.factBuf.Write(w.rec); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		rf.at = append(rf.at, w.factEnd)
		w.factEnd += int64(len(w.rec))
		rf.best = max(rf.best, f.Confidence)
		if f.Date != "" && (rf.first == "" || f.Date < rf.first) {
			rf.first = f.Date
		}
	}
	return nil
}

// Close writes the entity, article and relation files, finishes the mentions file and removes the
// scratch files.
func (w *Writer) Close() error {
	defer w.removeScratch()
	err := w.mentions.close()
	if err == nil {
		err = w.applyRenames()
	}
	if err == nil {
		err = w.writeEntities()
	}
	if err == nil {
		err = w.writeArticles()
	}
	if err == nil {
		err = w.writeRelations()
	}
	return err
}

func (w *Writer) removeScratch() {
	for _, f := range []*os.File{w.articles, w.facts} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

func list(xs []string) string { return strings.Join(xs, ArrayDelimiter) }

// signsList writes a mention's signs, sorted; graph.NoSigns for none (an empty cell is no property
// to neo4j-admin: a mention stored before signs were kept), an empty cell when not known.
func signsList(ts []graph.EntityType) string {
	if ts == nil {
		return ""
	}
	if len(ts) == 0 {
		return string(graph.NoSigns)
	}
	ss := make([]string, 0, len(ts))
	for _, t := range ts {
		ss = append(ss, string(t))
	}
	return list(sortedSet(ss))
}

// splitList reads what list wrote.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ArrayDelimiter)
}

// sortedSet returns the distinct strings of xs, sorted.
func sortedSet(xs []string) []string {
	sort.Strings(xs)
	return slices.Compact(xs)
}

func ints(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

func floats(xs []float64) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return out
}

func (w *Writer) writeEntities() error {
	c, err := createCSV(w.dir, "entities.csv", []string{"id:ID(Entity)", "name", "type", "aliases:string[]", "keys:string[]", "merge_reasons:string[]", ":LABEL"})
	if err != nil {
		return err
	}
	for _, e := range w.entities {
		keys := []string{names.Fold(e.Name)}
		for _, a := range e.Aliases {
			keys = append(keys, names.Fold(a))
		}
		c.w.Write([]string{e.ID, e.Name, string(e.Type), list(e.Aliases), list(dedupe(keys)), list(e.Merges), "Entity" + ArrayDelimiter + string(e.Type)}) // labels take the array delimiter too
	}
	return c.close()
}

// writeArticles writes the articles back from the scratch file; unknown JSON Lines fields become
// meta_<field> properties, as a load through the driver stores them.
func (w *Writer) writeArticles() error {
	if err := w.artBuf.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := w.articles.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var keys []string
	for k := range w.extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	header := []string{"id:ID(Article)", "title", "url", "published", "source", "hash", ":LABEL"}
	for _, k := range keys {
		header = append(header, graph.ExtraPrefix+k)
	}
	c, err := createCSV(w.dir, "articles.csv", header)
	if err != nil {
		return err
	}
	dec := gob.NewDecoder(bufio.NewReader(w.articles))
	for range w.nArt {
		var a graph.Article
		if err := dec.Decode(&a); err != nil {
			c.f.Close()
			return fmt.Errorf("export: reading back the articles: %w", err)
		}
		row := []string{a.ID, a.Title, a.URL, a.Published, a.Source, a.Hash, "Article"}
		for _, k := range keys {
			row = append(row, a.Extra[k])
		}
		c.w.Write(row)
	}
	return c.close()
}

func (w *Writer) writeRelations() error {
	if err := w.factBuf.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	c, err := createCSV(w.dir, "relations.csv", []string{":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key", "title", "status",
		"fact_ids:string[]", "articles:string[]", "evidence:string[]", "starts:long[]", "ends:long[]", "dates:string[]",
		"places:string[]", "confidences:double[]", "rules:string[]", "confidence:double", "date"})
	if err != nil {
		return err
	}
	for _, rf := range w.relOrder {
		r := rf.rel
		r.Facts = r.Facts[:0]
		for _, at := range rf.at {
			f, err := readFact(w.facts, at)
			if err != nil {
				c.f.Close()
				return fmt.Errorf("export: reading back the facts: %w", err)
			}
			r.Facts = append(r.Facts, f)
		}
		cols := r.Columns() // the layout the Neo4j store writes
		c.w.Write([]string{r.From, r.To, string(r.Type), r.Key(), r.Title, r.Status, list(cols.IDs), list(cols.Articles),
			list(cols.Evidence), list(ints(cols.Starts)), list(ints(cols.Ends)), list(cols.Dates), list(cols.Places),
			list(floats(cols.Confidences)), list(cols.Rules), strconv.FormatFloat(rf.best, 'g', -1, 64), rf.first})
	}
	return c.close()
}

// appendFact encodes a fact as a record: its byte length, then its fields.
func appendFact(buf []byte, f graph.Fact) []byte {
	var body []byte
	for _, s := range []string{f.Article, f.Evidence, f.Date, f.Place, f.Rule} {
		body = binary.AppendUvarint(body, uint64(len(s)))
		body = append(body, s...)
	}
	body = binary.AppendVarint(body, int64(f.Start))
	body = binary.AppendVarint(body, int64(f.End))
	body = binary.LittleEndian.AppendUint64(body, math.Float64bits(f.Confidence))
	buf = binary.AppendUvarint(buf, uint64(len(body)))
	return append(buf, body...)
}

// readFact reads the fact record at offset at.
func readFact(r io.ReaderAt, at int64) (graph.Fact, error) {
	var head [binary.MaxVarintLen64]byte
	n, err := r.ReadAt(head[:], at)
	if n == 0 {
		return graph.Fact{}, err
	}
	size, k := binary.Uvarint(head[:n])
	if k <= 0 {
		return graph.Fact{}, fmt.Errorf("bad record at %d", at)
	}
	body := make([]byte, size)
	if _, err := r.ReadAt(body, at+int64(k)); err != nil {
		return graph.Fact{}, err
	}
	var f graph.Fact
	str := func() string {
		l, k := binary.Uvarint(body)
		s := string(body[k : k+int(l)])
		body = body[k+int(l):]
		return s
	}
	f.Article, f.Evidence, f.Date, f.Place, f.Rule = str(), str(), str(), str(), str()
	start, k := binary.Varint(body)
	body = body[k:]
	end, k := binary.Varint(body)
	body = body[k:]
	f.Start, f.End = int(start), int(end)
	f.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(body))
	return f, nil
}

// csvFile is one import file being written.
type csvFile struct {
	f    *os.File
	w    *csv.Writer
	name string
}

func createCSV(dir, name string, header []string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	c := &csvFile{f: f, w: csv.NewWriter(f), name: name}
	c.w.Write(header)
	return c, nil
}

func (c *csvFile) close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		c.f.Close()
		return fmt.Errorf("export %s: %w", c.name, err)
	}
	return c.f.Close()
}

// Command is the neo4j-admin invocation that imports the files in dir into database db.
func Command(dir, db string) string {
	return fmt.Sprintf(`neo4j-admin database import full %s --array-delimiter="U+001F" --multiline-fields=true `+
		`--nodes=%s --nodes=%s --relationships=%s --relationships=%s`, db,
		filepath.Join(dir, "entities.csv"), filepath.Join(dir, "articles.csv"),
		filepath.Join(dir, "mentions.csv"), filepath.Join(dir, "relations.csv"))
}

// Args are the arguments of neo4j-admin that import the files in dir into database db, as Command
// prints them, for running the tool directly.
func Args(dir, db string) []string {
	return []string{"database", "import", "full", db, "--array-delimiter=U+001F", "--multiline-fields=true",
		"--nodes=" + filepath.Join(dir, "entities.csv"), "--nodes=" + filepath.Join(dir, "articles.csv"),
		"--relationships=" + filepath.Join(dir, "mentions.csv"), "--relationships=" + filepath.Join(dir, "relations.csv")}
}

// joinEntity is an entity written again as a store keeps it: the new copy's name, and every spelling
// of both copies (the old name too, when it changed) and both copies' merge reasons.
func joinEntity(old, e graph.Entity) graph.Entity {
	spellings := append(append([]string{old.Name}, old.Aliases...), e.Aliases...)
	var aliases []string
	for _, a := range dedupe(spellings) {
		if a != e.Name {
			aliases = append(aliases, a)
		}
	}
	e.Aliases = aliases
	e.Merges = dedupe(append(append([]string(nil), old.Merges...), e.Merges...))
	return e
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
