package storetest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/graph"
)

// Invented name parts for generated articles: they name nobody in particular.
var (
	givenNames = []string{"Aliya", "Boris", "Carmen", "Dario", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
		"Kamala", "Lars", "Mirela", "Nikos", "Olga", "Pavel", "Rosa", "Samir", "Tomas", "Vera"}
	familyNames = []string{"Andersen", "Borowski", "Castellano", "Dimitrov", "Ekwueme", "Fontaine", "Gustafsson",
		"Halvorsen", "Iwasaki", "Jovanovic", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okonkwo", "Petrescu"}
	orgNames = []string{"Northern Trade Council", "Ministry of Water Resources", "Coastal Workers Party",
		"Federal Energy Agency", "Harbour Development Bank", "Mountain Rescue League"}
	countries = []string{"Norway", "Chile", "Kenya", "Vietnam", "Portugal", "Canada", "Ghana", "Peru", "Japan", "Egypt"}
	titles    = []string{"Foreign Minister", "Trade Minister", "Ambassador", "Deputy Director", "Spokesperson"}
	months    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// GenerateArticles writes n reproducible news-like articles, each with people who meet, hold posts
// and travel, in the plain-text form kgload reads. The same seed gives the same articles.
func GenerateArticles(n int, seed int64) []graph.Article {
	r := rand.New(rand.NewSource(seed))
	person := func() string {
		return givenNames[r.Intn(len(givenNames))] + " " + familyNames[r.Intn(len(familyNames))]
	}
	var out []graph.Article
	for i := 0; i < n; i++ {
		a, b, c := person(), person(), person()
		org, place, other := orgNames[r.Intn(len(orgNames))], countries[r.Intn(len(countries))], countries[r.Intn(len(countries))]
		t1, t2 := titles[r.Intn(len(titles))], titles[r.Intn(len(titles))]
		day, month := 1+r.Intn(28), months[r.Intn(12)]
		var b2 strings.Builder
		fmt.Fprintf(&b2, "Talks in %s on %s\n\n", place, strings.ToLower(org[:1])+org[1:])
		fmt.Fprintf(&b2, "On %s %d, %s met with %s, the %s of the %s, in %s. ", month, day, a, b, t1, org, place)
		fmt.Fprintf(&b2, "%s %s %s also attended the meeting. ", demonymOf(place), t2, c)
		fmt.Fprintf(&b2, "%s later travelled to %s and %s.\n", lastName(a), other, place)
		fmt.Fprintf(&b2, "The two sides discussed trade and security, according to a statement.\n")
		out = append(out, graph.Article{ID: fmt.Sprintf("generated-%06d", i), Title: "Talks in " + place,
			Published: fmt.Sprintf("2024-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28)), Text: b2.String()})
	}
	return out
}

func lastName(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

func demonymOf(country string) string {
	switch country {
	case "Norway":
		return "Norwegian"
	case "Chile":
		return "Chilean"
	case "Kenya":
		return "Kenyan"
	case "Vietnam":
		return "Vietnamese"
	case "Portugal":
		return "Portuguese"
	case "Canada":
		return "Canadian"
	case "Ghana":
		return "Ghanaian"
	case "Peru":
		return "Peruvian"
	case "Japan":
		return "Japanese"
	}
	return "Egyptian"
}

// WriteGeneratedJSONL writes n generated articles (GenerateArticles) as one JSON Lines file with ids
// g0, g1, …, a thousand at a time so that a memory benchmark's own memory stays small.
func WriteGeneratedJSONL(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for done := 0; done < n; done += 1000 {
		for i, a := range GenerateArticles(min(1000, n-done), int64(done)) {
			line, _ := json.Marshal(map[string]string{"id": "g" + strconv.Itoa(done+i), "text": a.Text, "published": a.Published})
			w.Write(line)
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
}
