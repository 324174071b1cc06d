package storetest

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/kgnews/kg/internal/graph"
)

// HardCorpus is a generated corpus built to make cross-article resolution fail: many people share
// a surname (and sometimes an employer), companies are named after people, pairs of different people
// have names one letter apart where one is an English word ("Medley", "Madeley"), people appear under
// transliteration variants of their name, and some articles name a person by surname only. Truth
// says, for each article, which real entity each name written in it stands for.
type HardCorpus struct {
	Articles []graph.Article
	Truth    map[string]map[string]string // article id → name as written → true entity id
	// Variants lists the true ids of people written more than one way: they should end as one node.
	Variants []string
}

type hardEntity struct {
	id, title, org string
	spellings      []string
}

// GenerateHard writes n articles of the hard corpus; the same seed gives the same corpus. All names
// are invented. Without variants every person is written one way.
func GenerateHard(n int, seed int64, variants bool) *HardCorpus {
	r := rand.New(rand.NewSource(seed))
	orgs := []string{"Northern Trade Council", "Harbour Development Bank", "Federal Energy Agency",
		"Coastal Workers Party", "Ministry of Water Resources", "Mountain Rescue League"}
	ttls := []string{"Trade Minister", "Deputy Director", "Ambassador", "Spokesperson", "Finance Minister"}
	var people []*hardEntity
	add := func(id, title, org string, spellings ...string) {
		people = append(people, &hardEntity{id: id, title: title, org: org, spellings: spellings})
	}
	// many people share four surnames; people sharing a surname often share an employer too
	for i, s := range []string{"Ashgrove", "Pellinger", "Varnado", "Quennell"} {
		for j, g := range []string{"Corin", "Delphine", "Everard", "Mirabel", "Thaddeus"} {
			add("p:"+strings.ToLower(g+"-"+s), ttls[(i+j)%len(ttls)], orgs[(i+j/2)%len(orgs)], g+" "+s)
		}
	}
	// different people whose names are one letter apart, one of them an English word, same employer
	add("p:rowan-medley", "Spokesperson", orgs[0], "Rowan Medley")
	add("p:rowan-madeley", "Deputy Director", orgs[0], "Rowan Madeley")
	add("p:tamsin-brown", "Ambassador", orgs[1], "Tamsin Brown")
	add("p:tamsin-born", "Trade Minister", orgs[1], "Tamsin Born")
	add("p:felix-mason", "Finance Minister", orgs[2], "Felix Mason")
	add("p:felix-mayson", "Spokesperson", orgs[2], "Felix Mayson")
	// one person, several transliterations
	add("p:yusri-qasimi", "Trade Minister", orgs[3], "Yusri Qasimi", "Yousri Qassimi")
	add("p:dmitri-volkonsky", "Ambassador", orgs[4], "Dmitri Volkonsky", "Dmitry Volkonskiy")
	companies := []struct{ id, name string }{
		{"o:pellinger-holdings", "Pellinger Holdings Ltd"}, {"o:varnado-corp", "Varnado Corp"},
		{"o:ashgrove-sons", "Ashgrove Brothers Inc"},
	}
	places := []string{"Oslo", "Lima", "Nairobi", "Hanoi", "Lisbon", "Accra"}
	months := []string{"January", "February", "March", "April", "May", "June"}
	hc := &HardCorpus{Truth: map[string]map[string]string{}, Variants: []string{"p:yusri-qasimi", "p:dmitri-volkonsky"}}
	bySurname := map[string]int{}
	for _, p := range people {
		bySurname[surname(p)]++
	}
	spell := func(p *hardEntity) string {
		if !variants {
			return p.spellings[0]
		}
		return p.spellings[r.Intn(len(p.spellings))]
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("hard-%04d", i)
		truth := map[string]string{}
		var b strings.Builder
		place, month, day := places[r.Intn(len(places))], months[r.Intn(len(months))], 1+r.Intn(28)
		a := people[r.Intn(len(people))]
		c := people[r.Intn(len(people))]
		for names(c) == names(a) || surname(c) == surname(a) {
			c = people[r.Intn(len(people))]
		}
		switch i % 4 {
		case 0, 1: // two people meet, each with post and employer
			an, cn := spell(a), spell(c)
			truth[an], truth[cn] = a.id, c.id
			fmt.Fprintf(&b, "Talks in %s\n\n", place)
			fmt.Fprintf(&b, "On %s %d, %s %s met with %s, the %s of the %s, in %s. ", month, day, a.title, an, cn, strings.ToLower(c.title), c.org, place)
			fmt.Fprintf(&b, "%s said the talks with the %s had been useful.\n", surname(a), a.org)
		case 2: // a surname only, with the employer: the article gives no full name
			// one person with the surname: it is that person; several: nobody can tell which
			truth[surname(a)] = a.id
			if bySurname[surname(a)] > 1 {
				truth[surname(a)] = "partial:" + strings.ToLower(surname(a))
			}
			fmt.Fprintf(&b, "Council meets again\n\n")
			fmt.Fprintf(&b, "Mr %s of the %s said on %s %d that the council would meet again in %s.\n", surname(a), a.org, month, day, place)
		default: // a company named after a person, and a person
			co := companies[r.Intn(len(companies))]
			an := spell(a)
			truth[co.name], truth[an] = co.id, a.id
			fmt.Fprintf(&b, "Company news\n\n")
			fmt.Fprintf(&b, "%s said on %s %d that it had hired %s, the former %s of the %s. ", co.name, month, day, an, strings.ToLower(a.title), a.org)
			fmt.Fprintf(&b, "Shares of %s rose in %s.\n", co.name, place)
		}
		hc.Articles = append(hc.Articles, graph.Article{ID: id, Title: "Generated", Published: fmt.Sprintf("2024-%02d-%02d", 1+r.Intn(6), day), Text: b.String()})
		hc.Truth[id] = truth
	}
	return hc
}

func names(p *hardEntity) string { return p.spellings[0] }

func surname(p *hardEntity) string { return lastName(p.spellings[0]) }
