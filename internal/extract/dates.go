package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RefDate is the date an article's relative phrases ("on Sunday", "last month") are read against. When
// only the year is known (from a dated line in the text), month-and-day dates get that year and
// relative phrases stay unresolved rather than guessed.
type RefDate struct {
	Year, Month, Day int
}

// Known reports whether at least the year is known.
func (r RefDate) Known() bool { return r.Year > 0 }

// Full reports whether the whole date is known.
func (r RefDate) Full() bool { return r.Year > 0 && r.Month > 0 && r.Day > 0 }

func (r RefDate) time() time.Time {
	return time.Date(r.Year, time.Month(r.Month), r.Day, 12, 0, 0, 0, time.UTC)
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// dateSpan is one date phrase in a sentence, resolved.
type dateSpan struct {
	Start, End int // byte offsets in the text
	Value      string
}

// findRefDate takes the article's published date when it has one; otherwise the year of the latest
// full date written in the text or of a copyright line.
func findRefDate(d *Doc) RefDate {
	if p := d.Article.Published; len(p) >= 10 {
		if t, err := time.Parse("2006-01-02", p[:10]); err == nil {
			return RefDate{t.Year(), int(t.Month()), t.Day()}
		}
	}
	year := 0
	see := func(y int) {
		if y >= 1800 && y <= 2200 && y > year {
			year = y
		}
	}
	for _, s := range d.Sents {
		if !hasYearToken(s.Tokens) {
			continue // every pattern below needs a four-digit year
		}
		for i, t := range s.Tokens {
			// "Copyright 2024", "© 2024"
			if y := yearNumber(t); y > 0 && i > 0 && (strings.EqualFold(s.Tokens[i-1].Text, "copyright") || s.Tokens[i-1].Text == "©") {
				see(y)
			}
		}
		for _, dt := range datesInTokens(s.Tokens, RefDate{}) {
			if len(dt.Value) >= 4 { // only dates that carry their own year resolve without a reference
				y, _ := strconv.Atoi(dt.Value[:4])
				see(y)
			}
		}
	}
	return RefDate{Year: year}
}

func hasYearToken(toks []Token) bool {
	for _, t := range toks {
		if len(t.Text) >= 4 && t.Text[0] >= '0' && t.Text[0] <= '9' {
			return true
		}
	}
	return false
}

// dateWords are the words without which a sentence holds no date phrase this package reads.
var dateWords = func() map[string]bool {
	m := map[string]bool{"month": true, "year": true}
	for w := range months {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	return m
}()

// mayHoldDate reports whether a sentence has a number or a month, weekday, "month" or "year": the
// cheap test that spares the regular expressions most sentences.
func mayHoldDate(toks []Token) bool {
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		if c := t.Text[0]; c >= '0' && c <= '9' {
			return true
		}
		if len(t.Text) >= 3 && len(t.Text) <= 9 && dateWords[strings.TrimSuffix(t.Lower(), ".")] {
			return true
		}
	}
	return false
}

// findDates resolves the date phrases of every sentence against the article's reference date.
func (x *Extractor) findDates(d *Doc) {
	d.dates = make([][]dateSpan, len(d.Sents))
	for i, s := range d.Sents {
		if mayHoldDate(s.Tokens) {
			d.dates[i] = datesInTokens(s.Tokens, d.Ref)
		}
	}
}

func monthOf(t Token) int {
	if len(t.Text) < 3 || len(t.Text) > 9 {
		return 0
	}
	m := months[t.Lower()]
	if m == 5 && t.Text == "may" {
		return 0 // the verb
	}
	if m > 0 && !t.Cap() {
		return 0
	}
	return m
}

// dayNumber reads "18", "18th", "1st" as a day of the month.
func dayNumber(t Token) int {
	s := t.Lower()
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	if len(s) == 0 || len(s) > 2 || !mayBeNumber(s) {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

// mayBeNumber reports whether strconv.Atoi may read s: it has only digits and signs. A word that is
// not skips Atoi, and the error it would make for nothing.
func mayBeNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

func yearNumber(t Token) int {
	if len(t.Text) != 4 || !mayBeNumber(t.Text) {
		return 0
	}
	n, err := strconv.Atoi(t.Text)
	if err != nil || n < 1000 {
		return 0
	}
	return n
}

// datesInTokens reads date phrases from a sentence's tokens, longest patterns first, each token in at
// most one phrase: ISO dates; "March 18th, 2024", "18 March 2024"; "the last day of February";
// "in November (2023)"; "on Sunday"; "last month", "earlier this month", "the end of last month";
// "last year", "the beginning of the year".
func datesInTokens(toks []Token, ref RefDate) []dateSpan {
	s := &dateScan{toks: toks, ref: ref}
	phrases := [...]func(int) (int, bool){s.isoDate, s.lastDayOf, s.monthFirst, s.dayFirst} // longest first
tokens:
	for i := 0; i < len(toks); i++ {
		for _, phrase := range phrases {
			if j, ok := phrase(i); ok {
				i = j // the phrase's last token: the loop goes on after it
				continue tokens
			}
		}
		if s.weekday(i) || s.relativeMonth(i) {
			continue
		}
		s.relativeYear(i)
	}
	// unresolved phrases are found (so they claim their words) but not reported
	kept := s.out[:0]
	for _, d := range s.out {
		if d.Value != "" {
			kept = append(kept, d)
		}
	}
	return kept
}

// dateScan is one pass of datesInTokens over a sentence's tokens. Each of its patterns reads the
// phrase at token i and, when it ends the look at i, says so (with the last token it took).
type dateScan struct {
	toks []Token
	ref  RefDate
	out  []dateSpan
}

// low is token i in lower case, "" outside the sentence.
func (s *dateScan) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Lower()
}

func (s *dateScan) emit(from, to int, v string) {
	s.out = append(s.out, dateSpan{Start: s.toks[from].Start, End: s.toks[to-1].End, Value: v})
}

// isoDate reads "2024-03-18".
func (s *dateScan) isoDate(i int) (int, bool) {
	t := s.toks[i]
	if len(t.Text) == 10 && t.Text[4] == '-' && t.Text[7] == '-' {
		if d, err := time.Parse("2006-01-02", t.Text); err == nil {
			s.emit(i, i+1, d.Format("2006-01-02"))
			return i, true
		}
	}
	return i, false
}

// lastDayOf reads "the last day of February".
func (s *dateScan) lastDayOf(i int) (int, bool) {
	toks := s.toks
	if s.low(i) == "last" && s.low(i+1) == "day" && s.low(i+2) == "of" {
		if mon := monthOf(toks[min(i+3, len(toks)-1)]); mon > 0 && i+3 < len(toks) {
			from := i
			if s.low(i-1) == "the" {
				from = i - 1
			}
			v := ""
			if y := yearFor(s.ref, mon); y > 0 {
				v = time.Date(y, time.Month(mon)+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
			}
			s.emit(from, i+4, v)
			return i + 3, true
		}
	}
	return i, false
}

// monthFirst reads Month Day[, Year], Month Year and "in November"; any month ends the look at i.
func (s *dateScan) monthFirst(i int) (int, bool) {
	toks := s.toks
	mon := monthOf(toks[i])
	if mon <= 0 {
		return i, false
	}
	j := i + 1
	if s.low(j) == "." {
		j++
	}
	if j < len(toks) {
		if day := dayNumber(toks[j]); day > 0 {
			end, y := j+1, 0
			k := j + 1
			if s.low(k) == "," {
				k++
			}
			if k < len(toks) {
				if yy := yearNumber(toks[k]); yy > 0 {
					y, end = yy, k+1
				}
			}
			s.emit(i, end, dayValue(s.ref, mon, day, y))
			return end - 1, true
		}
		if yy := yearNumber(toks[j]); yy > 0 {
			s.emit(i, j+1, fmt.Sprintf("%04d-%02d", yy, mon))
			return j, true
		}
	}
	switch s.low(i - 1) {
	case "in", "since", "during", "of", "early", "late", "mid", "mid-", "until", "by":
		v := ""
		if y := yearFor(s.ref, mon); y > 0 {
			v = fmt.Sprintf("%04d-%02d", y, mon)
		}
		s.emit(i-1, i+1, v)
	}
	return i, true
}

// dayFirst reads Day Month [Year] and "18th of March".
func (s *dateScan) dayFirst(i int) (int, bool) {
	toks := s.toks
	if day := dayNumber(toks[i]); day > 0 && i+1 < len(toks) {
		j := i + 1
		if s.low(j) == "of" {
			j++
		}
		if j < len(toks) {
			if mon := monthOf(toks[j]); mon > 0 {
				end, y := j+1, 0
				if j+1 < len(toks) {
					if yy := yearNumber(toks[j+1]); yy > 0 {
						y, end = yy, j+2
					}
				}
				s.emit(i, end, dayValue(s.ref, mon, day, y))
				return end - 1, true
			}
		}
	}
	return i, false
}

// weekday reads "on Sunday", "last Sunday"; any capitalised weekday ends the look at i.
func (s *dateScan) weekday(i int) bool {
	wd, ok := weekdays[s.low(i)]
	if !ok || !s.toks[i].Cap() {
		return false
	}
	p := s.low(i - 1)
	if p == "on" || p == "last" || p == "past" {
		v := ""
		if s.ref.Full() {
			rt := s.ref.time()
			back := (int(rt.Weekday()) - int(wd) + 7) % 7
			v = rt.AddDate(0, 0, -back).Format("2006-01-02")
		}
		s.emit(i-1, i+1, v)
	}
	return true
}

// relativeMonth reads last / this / next month, earlier this month, the end of last month; any
// "month" after a word ends the look at i.
func (s *dateScan) relativeMonth(i int) bool {
	if s.low(i) != "month" || i == 0 {
		return false
	}
	shift, ok := 0, true
	switch s.low(i - 1) {
	case "last":
		shift = -1
	case "this":
	case "next":
		shift = 1
	default:
		ok = false
	}
	if ok {
		from := i - 1
		if s.low(from-1) == "earlier" || s.low(from-1) == "later" {
			from--
		}
		if s.low(from-1) == "of" && s.low(from-3) == "the" {
			from -= 3 // the end of last month
			if s.low(from-1) == "at" {
				from--
			}
		}
		v := ""
		if s.ref.Year > 0 && s.ref.Month > 0 {
			v = time.Date(s.ref.Year, time.Month(s.ref.Month)+time.Month(shift), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		s.emit(from, i+1, v)
	}
	return true
}

// relativeYear reads last / this year and the beginning of the year.
func (s *dateScan) relativeYear(i int) {
	if s.low(i) != "year" || i == 0 {
		return
	}
	ref := s.ref
	v := ""
	switch s.low(i - 1) {
	case "last", "this":
		if ref.Year > 0 && ref.Month > 0 {
			y := ref.Year
			if s.low(i-1) == "last" {
				y--
			}
			v = strconv.Itoa(y)
		}
		s.emit(i-1, i+1, v)
	case "the":
		if (s.low(i-2) == "of") && (s.low(i-3) == "beginning" || s.low(i-3) == "start") {
			if ref.Year > 0 && ref.Month > 0 {
				v = fmt.Sprintf("%04d-01", ref.Year)
			}
			from := i - 3
			if s.low(from-1) == "the" {
				from--
			}
			if s.low(from-1) == "at" {
				from--
			}
			s.emit(from, i+1, v)
		}
	}
}

// dayValue formats a month-and-day date, with its own year when written (y > 0), else the reference
// year (the year before when the date would fall well after the reference date).
func dayValue(ref RefDate, mon, day, y int) string {
	if mon == 0 || day < 1 || day > 31 {
		return ""
	}
	if y == 0 {
		y = yearFor(ref, mon)
	}
	if y == 0 {
		return ""
	}
	t := time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return ""
	}
	return t.Format("2006-01-02")
}

// yearFor is the year a month without a year most likely belongs to: the reference year, or the one
// before when the month lies more than a month after the reference month.
func yearFor(ref RefDate, mon int) int {
	if ref.Year == 0 {
		return 0
	}
	if ref.Month > 0 && mon > ref.Month+1 {
		return ref.Year - 1
	}
	return ref.Year
}
