package extract

import (
	"fmt"
	"regexp"
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

const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`

var (
	reISO       = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reMonthDayY = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	reDayMonthY = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `(?:,?\s+(\d{4}))?\b`)
	reMonthYear = regexp.MustCompile(`\b(?:in|since|during|of|early|late|mid-?)\s+` + monthRe + `(?:\s+(\d{4}))?\b`)
	reLastDayOf = regexp.MustCompile(`(?i)\b(?:the\s+)?last\s+day\s+of\s+` + monthRe)
	reWeekday   = regexp.MustCompile(`(?i)\b(?:on|last|this\s+past)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b`)
	reRelMonth  = regexp.MustCompile(`(?i)\b(?:(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+)?(last|this|next)\s+month\b|\bearlier\s+this\s+month\b`)
	reRelYear   = regexp.MustCompile(`(?i)\b(last|this)\s+year\b|\b(?:at\s+)?the\s+(?:beginning|start)\s+of\s+the\s+year\b`)
	reYearLine  = regexp.MustCompile(`(?i)(?:copyright|©)\s*(\d{4})`)
)

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
	for _, m := range reISO.FindAllStringSubmatch(d.Text, -1) {
		y, _ := strconv.Atoi(m[1])
		see(y)
	}
	for _, re := range []*regexp.Regexp{reMonthDayY, reDayMonthY} {
		for _, m := range re.FindAllStringSubmatch(d.Text, -1) {
			if m[3] != "" {
				y, _ := strconv.Atoi(m[3])
				see(y)
			}
		}
	}
	for _, m := range reYearLine.FindAllStringSubmatch(d.Text, -1) {
		y, _ := strconv.Atoi(m[1])
		see(y)
	}
	return RefDate{Year: year}
}

// findDates resolves the date phrases of every sentence against the article's reference date.
func (x *Extractor) findDates(d *Doc) {
	d.dates = make([][]dateSpan, len(d.Sents))
	for i, s := range d.Sents {
		d.dates[i] = datesIn(d.Text[s.Start:s.End], s.Start, d.Ref)
	}
}

func datesIn(s string, base int, ref RefDate) []dateSpan {
	var out []dateSpan
	taken := make([]bool, len(s))
	add := func(start, end int, v string) {
		for i := start; i < end; i++ {
			if taken[i] {
				return
			}
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		if v != "" {
			out = append(out, dateSpan{base + start, base + end, v})
		}
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], m[1], s[m[0]:m[1]])
	}
	for _, m := range reLastDayOf.FindAllStringSubmatchIndex(s, -1) {
		mon := months[strings.ToLower(s[m[2]:m[3]])]
		y := yearFor(ref, mon)
		v := ""
		if y > 0 {
			v = time.Date(y, time.Month(mon)+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		add(m[0], m[1], v)
	}
	for _, m := range reMonthDayY.FindAllStringSubmatchIndex(s, -1) {
		mon := months[strings.ToLower(s[m[2]:m[3]])]
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		add(m[0], m[1], dayValue(ref, mon, day, s, m[6], m[7]))
	}
	for _, m := range reDayMonthY.FindAllStringSubmatchIndex(s, -1) {
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		mon := months[strings.ToLower(s[m[4]:m[5]])]
		add(m[0], m[1], dayValue(ref, mon, day, s, m[6], m[7]))
	}
	for _, m := range reMonthYear.FindAllStringSubmatchIndex(s, -1) {
		mon := months[strings.ToLower(s[m[2]:m[3]])]
		y := 0
		if m[4] >= 0 {
			y, _ = strconv.Atoi(s[m[4]:m[5]])
		} else {
			y = yearFor(ref, mon)
		}
		v := ""
		if y > 0 {
			v = fmt.Sprintf("%04d-%02d", y, mon)
		}
		add(m[0], m[1], v)
	}
	for _, m := range reWeekday.FindAllStringSubmatchIndex(s, -1) {
		v := ""
		if ref.Full() {
			wd := weekdays[strings.ToLower(s[m[2]:m[3]])]
			t := ref.time()
			back := (int(t.Weekday()) - int(wd) + 7) % 7
			v = t.AddDate(0, 0, -back).Format("2006-01-02")
		}
		add(m[0], m[1], v)
	}
	for _, m := range reRelMonth.FindAllStringSubmatchIndex(s, -1) {
		v := ""
		if ref.Year > 0 && ref.Month > 0 {
			shift := 0
			if m[2] >= 0 {
				switch strings.ToLower(s[m[2]:m[3]]) {
				case "last":
					shift = -1
				case "next":
					shift = 1
				}
			}
			t := time.Date(ref.Year, time.Month(ref.Month)+time.Month(shift), 1, 0, 0, 0, 0, time.UTC)
			v = t.Format("2006-01")
		}
		add(m[0], m[1], v)
	}
	for _, m := range reRelYear.FindAllStringSubmatchIndex(s, -1) {
		v := ""
		if ref.Year > 0 && ref.Month > 0 {
			y := ref.Year
			if m[2] >= 0 && strings.EqualFold(s[m[2]:m[3]], "last") {
				y--
			}
			v = strconv.Itoa(y)
			if m[2] < 0 { // the beginning of the year
				v = fmt.Sprintf("%04d-01", y)
			}
		}
		add(m[0], m[1], v)
	}
	return out
}

// dayValue formats a month-and-day date, with its own year when written, else the reference year
// (the year before when the date would fall well after the reference date).
func dayValue(ref RefDate, mon, day int, s string, ys, ye int) string {
	if mon == 0 || day < 1 || day > 31 {
		return ""
	}
	y := 0
	if ys >= 0 {
		y, _ = strconv.Atoi(s[ys:ye])
	} else {
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
