// Package ingest reads articles from files, folders and standard input: plain text and Markdown (one
// article a file, title on the first line), JSON Lines (one article a line) and HTML pages. Each bad
// input becomes one Error naming the file (and line) and the reason; the rest is still read.
package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg/internal/graph"
)

// Error is one input that could not be read as an article.
type Error struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Reason string `json:"reason"`
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

// Options tune reading.
type Options struct {
	MaxBytes  int64  // larger files are refused; 0 means DefaultMaxBytes
	Published string // date for articles that carry none (YYYY-MM-DD), from --date
	// PassDuplicates passes on the articles of a file that repeat an id of the same file: the caller
	// finds duplicate ids across all its inputs itself (kgload), so one set of ids is kept, not two.
	PassDuplicates bool
}

// DefaultMaxBytes is the largest file read by default.
const DefaultMaxBytes = 64 << 20

// StdinName names standard input in paths and errors.
const StdinName = "-"

// Reader yields articles from a list of paths.
type Reader struct {
	opts  Options
	stdin io.Reader
}

// NewReader returns a reader; stdin is read when a path is "-".
func NewReader(opts Options, stdin io.Reader) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	return &Reader{opts: opts, stdin: stdin}
}

// Files expands paths into the files to read: folders recursively (files with a known extension, in
// name order), everything else as given. Globs are expanded by the shell, or here when quoted.
func Files(paths []string) ([]string, []error) {
	var out []string
	var errs []error
	for _, p := range paths {
		if p == StdinName {
			out = append(out, p)
			continue
		}
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil || len(m) == 0 {
				errs = append(errs, &Error{Path: p, Reason: "no file matches this pattern"})
				continue
			}
			matches = m
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				errs = append(errs, &Error{Path: m, Reason: reason(err)})
				continue
			}
			if !info.IsDir() {
				out = append(out, m)
				continue
			}
			var found []string
			err = filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					errs = append(errs, &Error{Path: path, Reason: reason(err)})
					return nil
				}
				if d.IsDir() {
					if path != m && strings.HasPrefix(d.Name(), ".") {
						return filepath.SkipDir
					}
					return nil
				}
				if !strings.HasPrefix(d.Name(), ".") && Format(path) != "" {
					found = append(found, path)
				}
				return nil
			})
			if err != nil {
				errs = append(errs, &Error{Path: m, Reason: reason(err)})
			}
			if len(found) == 0 && err == nil {
				errs = append(errs, &Error{Path: m, Reason: "no article files in this folder (.txt, .md, .jsonl, .json, .html)"})
			}
			sort.Strings(found)
			out = append(out, found...)
		}
	}
	return out, errs
}

// Format returns the input format a file name says: "text", "jsonl", "json" (an array of articles,
// or one), "html" or "" when unknown.
func Format(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".text":
		return "text"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".json":
		return "json"
	case ".html", ".htm":
		return "html"
	}
	return ""
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// Read reads one path and calls emit for each article and each error, in input order.
func (r *Reader) Read(path string, emit func(*graph.Article, error)) {
	// JSON Lines are streamed, a line at a time: a file of any number of articles takes the memory
	// of one
	if path == StdinName && r.stdin != nil {
		br := bufio.NewReaderSize(r.stdin, 64<<10)
		if sniff(peekStart(br)) == "jsonl" {
			r.readJSONL(path, r.limited(path, br, emit), emit)
			return
		}
		r.stdin = br
	} else if Format(path) == "jsonl" {
		f, err := os.Open(path)
		if err != nil {
			emit(nil, &Error{Path: path, Reason: reason(err)})
			return
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Size() > r.opts.MaxBytes {
			emit(nil, &Error{Path: path, Reason: fmt.Sprintf("file is %d bytes, over the %d-byte limit (--max-bytes)", info.Size(), r.opts.MaxBytes)})
			return
		}
		r.readJSONL(path, r.limited(path, f, emit), emit)
		return
	}
	data, err := r.load(path)
	if err != nil {
		emit(nil, err)
		return
	}
	format := Format(path)
	if path == StdinName || format == "" {
		format = sniff(data)
	}
	switch format {
	case "jsonl":
		r.readJSONL(path, bytes.NewReader(data), emit)
	case "json":
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
			r.readJSONArray(path, data, emit)
		} else {
			r.readJSONL(path, bytes.NewReader(data), emit)
		}
	case "html":
		a, err := parseHTML(path, data)
		if err != nil {
			emit(nil, err)
			return
		}
		r.finish(a, path)
		if why := checkArticle(a); why != "" {
			emit(nil, &Error{Path: path, Reason: why})
			return
		}
		emit(a, nil)
	default:
		if err := checkText(path, 0, data); err != nil {
			emit(nil, err)
			return
		}
		a := &graph.Article{Text: normalize(string(data))}
		a.Title = firstLine(a.Text)
		r.finish(a, path)
		emit(a, nil)
	}
}

func (r *Reader) load(path string) ([]byte, error) {
	var rd io.Reader
	size := int64(0)
	if path == StdinName {
		if r.stdin == nil {
			return nil, &Error{Path: path, Reason: "no standard input"}
		}
		rd = r.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Path: path, Reason: reason(err)}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Size() > r.opts.MaxBytes {
			return nil, &Error{Path: path, Reason: fmt.Sprintf("file is %d bytes, over the %d-byte limit (--max-bytes)", info.Size(), r.opts.MaxBytes)}
		} else if err == nil {
			size = info.Size()
		}
		rd = f
	}
	// a file is read into a buffer of its size: a 50 MB text takes 50 MB, not the copies of a growing one
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(rd, r.opts.MaxBytes+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &Error{Path: path, Reason: reason(err)}
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return nil, &Error{Path: path, Reason: fmt.Sprintf("input is over the %d-byte limit (--max-bytes)", r.opts.MaxBytes)}
	}
	return data, nil
}

// sniff guesses the format of data with no telling file name.
func sniff(data []byte) string {
	t := bytes.TrimSpace(data)
	switch {
	case bytes.HasPrefix(t, []byte("{")):
		return "jsonl"
	case bytes.HasPrefix(t, []byte("[")):
		return "json"
	case bytes.HasPrefix(bytes.ToLower(t), []byte("<!doctype html")) || bytes.HasPrefix(bytes.ToLower(t), []byte("<html")):
		return "html"
	}
	return "text"
}

// MaxKeyBytes is the longest article id, URL or field name, and the longest entity name, a store
// takes: Neo4j refuses to index a value much over 8 KB, and no real id or name comes near it.
const MaxKeyBytes = 4096

// checkArticle refuses what a store cannot key on: an id or URL over MaxKeyBytes, a field name that is
// empty, too long, or holds control characters (a NUL cannot be a Neo4j property name). It returns
// the reason, or "".
func checkArticle(a *graph.Article) string {
	if len(a.URL) > MaxKeyBytes {
		return fmt.Sprintf("url is %d bytes, over the %d-byte limit", len(a.URL), MaxKeyBytes)
	}
	if len(a.ID) > MaxKeyBytes {
		return fmt.Sprintf("id is %d bytes, over the %d-byte limit", len(a.ID), MaxKeyBytes)
	}
	for k := range a.Extra {
		switch {
		case k == "":
			return "empty field name"
		case len(k) > 256:
			return fmt.Sprintf("field name of %d bytes, over the 256-byte limit", len(k))
		case strings.IndexFunc(k, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
			return fmt.Sprintf("field name %q holds a control character", k)
		}
	}
	return ""
}

// checkText refuses empty, binary and invalid UTF-8 input with a reason a person can act on.
func checkText(path string, line int, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Error{Path: path, Line: line, Reason: "empty: no article text"}
	}
	if bytes.IndexByte(data, 0) >= 0 || controlShare(data) > 0.1 {
		return &Error{Path: path, Line: line, Reason: "binary data, not text"}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, w := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && w <= 1 {
				break
			}
			off += w
		}
		return &Error{Path: path, Line: line, Reason: fmt.Sprintf("invalid UTF-8 at byte %d", off)}
	}
	return nil
}

func controlShare(data []byte) float64 {
	n := 0
	sample := data
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(sample))
}

// normalize turns CRLF into LF and drops a byte-order mark, so offsets mean the same on every system.
func normalize(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.ReplaceAll(s, "\r\n", "\n")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "# "))
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

// finish fills what an article lacks: its id (a hash of the text when no id or URL is given), its
// source and, from --date, its date.
func (r *Reader) finish(a *graph.Article, path string) {
	if a.Source == "" {
		a.Source = path
	}
	if a.Published == "" {
		a.Published = r.opts.Published
	}
	if a.ID == "" {
		if a.URL != "" {
			a.ID = a.URL
		} else {
			a.ID = TextID(a.Text)
		}
	}
	a.Hash = contentHash(a)
}

// contentHash identifies what an article says: its text and metadata, not where it was read from.
func contentHash(a *graph.Article) string {
	h := sha256.New()
	for _, f := range []string{a.Text, a.Title, a.URL, a.Published} {
		hashString(h, f)
		h.Write([]byte{0})
	}
	keys := make([]string, 0, len(a.Extra))
	for k := range a.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h.Write([]byte(k + "\x00" + a.Extra[k] + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// IDKey stands for an article id in the sets that find duplicates: 16 bytes whatever the id's length,
// so that a load of a million articles keeps its memory.
type IDKey [16]byte

// KeyOf returns the IDKey of an id.
func KeyOf(id string) IDKey {
	h := sha256.Sum256([]byte(id))
	return IDKey(h[:16])
}

// TextID is the id of an article known only by its text.
func TextID(text string) string {
	h := sha256.New()
	hashString(h, text)
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:12])
}

// hashString writes s to h a piece at a time, not as one copy of a text of any length.
func hashString(h hash.Hash, s string) {
	var buf [32 << 10]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
}

type jsonArticle struct {
	ID        any    `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Text      string `json:"text"`
	Body      string `json:"body"`
}

func (r *Reader) readJSONL(path string, in io.Reader, emit func(*graph.Article, error)) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), int(min(r.opts.MaxBytes, 1<<30))+1)
	seen := map[IDKey]int{}
	line, records := 0, 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		records++
		r.record(path, line, raw, seen, emit)
	}
	if err := sc.Err(); err != nil {
		emit(nil, &Error{Path: path, Line: line + 1, Reason: reason(err)})
		return
	}
	if records == 0 {
		emit(nil, &Error{Path: path, Reason: "empty: no articles"})
	}
}

// limited reads at most --max-bytes of in, and reports the input as over the limit when there is more.
func (r *Reader) limited(path string, in io.Reader, emit func(*graph.Article, error)) io.Reader {
	return &limitReader{r: in, left: r.opts.MaxBytes, over: func() {
		emit(nil, &Error{Path: path, Reason: fmt.Sprintf("input is over the %d-byte limit (--max-bytes): the rest is not read", r.opts.MaxBytes)})
	}}
}

type limitReader struct {
	r    io.Reader
	left int64
	over func()
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 && l.over != nil {
			l.over()
			l.over = nil
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// peekStart returns the first bytes of the input after leading white space, without consuming them.
func peekStart(br *bufio.Reader) []byte {
	for n := 1; ; n = br.Buffered() + 1 { // what is there, never waiting for more than one byte
		b, err := br.Peek(min(n, br.Size()))
		if t := bytes.TrimSpace(b); len(t) > 0 || err != nil || n >= br.Size() {
			return t
		}
	}
}

// record reads one JSON object, line line of path, as an article.
func (r *Reader) record(path string, line int, raw []byte, seen map[IDKey]int, emit func(*graph.Article, error)) {
	if !utf8.Valid(raw) {
		emit(nil, &Error{Path: path, Line: line, Reason: "invalid UTF-8"})
		return
	}
	var ja jsonArticle
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		emit(nil, &Error{Path: path, Line: line, Reason: "malformed JSON: " + err.Error()})
		return
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // a number id keeps its exact text: 1234567890123456789 is not 1.2345678901234568e+18
	if err := dec.Decode(&ja); err != nil {
		emit(nil, &Error{Path: path, Line: line, Reason: "malformed JSON: " + err.Error()})
		return
	}
	text := ja.Text
	if text == "" {
		text = ja.Body
	}
	if err := checkText(path, line, []byte(text)); err != nil {
		emit(nil, err)
		return
	}
	a := &graph.Article{URL: ja.URL, Title: ja.Title, Text: normalize(text), Source: fmt.Sprintf("%s:%d", path, line), Extra: extraFields(fields)}
	switch id := ja.ID.(type) {
	case string:
		a.ID = id
	case json.Number:
		a.ID = id.String()
	}
	a.Published = isoDate(ja.Published)
	if a.Published == "" {
		a.Published = isoDate(ja.Date)
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	r.finish(a, path)
	if why := checkArticle(a); why != "" {
		emit(nil, &Error{Path: path, Line: line, Reason: why})
		return
	}
	if !r.opts.PassDuplicates {
		key := KeyOf(a.ID)
		if prev, dup := seen[key]; dup {
			emit(nil, DuplicateError(path, line, a.ID, prev))
			return
		}
		seen[key] = line
	}
	emit(a, nil)
}

// DuplicateError is the error of an article, line line of path, whose id the file gave first on
// line first.
func DuplicateError(path string, line int, id string, first int) error {
	return &Error{Path: path, Line: line, Reason: fmt.Sprintf("duplicate id %q (first on line %d)", id, first)}
}

// readJSONArray reads a JSON array of article objects; each is named by the line it starts on.
func (r *Reader) readJSONArray(path string, data []byte, emit func(*graph.Article, error)) {
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:off], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		emit(nil, &Error{Path: path, Line: 1, Reason: "malformed JSON: " + err.Error()})
		return
	}
	seen := map[IDKey]int{}
	n := 0
	for dec.More() {
		var raw json.RawMessage
		start := dec.InputOffset()
		if err := dec.Decode(&raw); err != nil {
			emit(nil, &Error{Path: path, Line: lineAt(start), Reason: "malformed JSON: " + err.Error()})
			return
		}
		// the element starts after the separator and spaces the decoder skipped
		off := start + int64(bytes.Index(data[start:], raw))
		r.record(path, lineAt(off), raw, seen, emit)
		n++
	}
	if n == 0 {
		emit(nil, &Error{Path: path, Reason: "empty: no articles"})
	}
}

// knownFields are the JSON Lines fields kg reads; the others are kept on the article as they are.
var knownFields = map[string]bool{"id": true, "url": true, "title": true, "published": true, "date": true, "text": true, "body": true}

func extraFields(fields map[string]json.RawMessage) map[string]string {
	var out map[string]string
	for k, v := range fields {
		if knownFields[k] {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
		} else {
			out[k] = string(v)
		}
	}
	return out
}

// isoDate keeps the date part of an ISO 8601 timestamp.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return ""
}

// DocName is what tools and gold files call an article: the base name of its file, or its id when it
// was a JSON Lines record ("path:line") or came from standard input.
func DocName(a graph.Article) string {
	src := a.Source
	if src == StdinName {
		return a.ID
	}
	if i := strings.LastIndexByte(src, ':'); i > 0 {
		if _, err := strconv.Atoi(src[i+1:]); err == nil {
			return a.ID
		}
	}
	return filepath.Base(src)
}
