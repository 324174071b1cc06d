package query

import "testing"

func TestInWindow(t *testing.T) {
	cases := []struct {
		date, since, until string
		want               bool
	}{
		{"2024-03-18", "2024-03", "2024-03", true},
		{"2024-03", "2024-03-10", "2024-03-20", true}, // a month overlapping the window
		{"2024-02-29", "2024-03", "", false},
		{"2024", "2023", "2025", true},
		{"", "2024", "", false},
		{"2024-03-18", "", "", true},
		{"2024-04-01", "", "2024-03-31", false},
	}
	for _, c := range cases {
		if got := InWindow(c.date, c.since, c.until); got != c.want {
			t.Errorf("InWindow(%q, %q, %q) = %v, want %v", c.date, c.since, c.until, got, c.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	close := [][2]string{{"hanyeh", "ismail haniyeh"}, {"merkle", "angela merkel"}, {"angela merkel", "angela merkel"}, {"gadafi", "muammar gaddafi"}}
	for _, c := range close {
		if s, _ := similarity(c[0], c[1]); s < fuzzyFloor {
			t.Errorf("similarity(%q, %q) = %.2f, below %.2f", c[0], c[1], s, fuzzyFloor)
		}
	}
	far := [][2]string{{"wang", "ismail haniyeh"}, {"paris", "peru"}, {"hamas", "fatah"}}
	for _, c := range far {
		if s, _ := similarity(c[0], c[1]); s >= fuzzyFloor {
			t.Errorf("similarity(%q, %q) = %.2f, a match", c[0], c[1], s)
		}
	}
	if s, how := similarity("cao xiaolin", "cao xiaolin"); s != 1 || how != "exact" {
		t.Errorf("equal names: %.2f %s", s, how)
	}
}

func TestTypeOf(t *testing.T) {
	for id, want := range map[string]string{"person:a": "Person", "organisation:b": "Organisation", "place:c": "Place", "x": ""} {
		if got := string(TypeOf(id)); got != want {
			t.Errorf("TypeOf(%q) = %q, want %q", id, got, want)
		}
	}
}
