package extract

import "testing"

func TestDatesAgainstReference(t *testing.T) {
	ref := RefDate{2024, 3, 19} // a Tuesday
	cases := map[string]string{
		"They met on Sunday in Doha.":                   "2024-03-17",
		"On the last day of February, they met.":        "2024-02-29",
		"a meeting at the end of last month":            "2024-02",
		"Earlier this month, he spoke.":                 "2024-03",
		"On March 18th, he met X.":                      "2024-03-18",
		"the attacks on October 7":                      "2023-10-07",
		"on 13 March 2023 they met":                     "2023-03-13",
		"in November, Beijing hosted a delegation":      "2023-11",
		"published 2022-05-01 online":                   "2022-05-01",
		"Last year, there was news":                     "2023",
		"he held meetings at the beginning of the year": "2024-01",
	}
	for in, want := range cases {
		ds := datesIn(in, 0, ref)
		if len(ds) != 1 || ds[0].Value != want {
			t.Errorf("datesIn(%q) = %+v, want one date %s", in, ds, want)
		}
	}
}

func TestDatesWithoutFullReference(t *testing.T) {
	yearOnly := RefDate{Year: 2024}
	if ds := datesIn("They met on Sunday.", 0, yearOnly); len(ds) != 0 {
		t.Errorf("a weekday was resolved without a full reference date: %+v", ds)
	}
	if ds := datesIn("On March 18th, they met.", 0, yearOnly); len(ds) != 1 || ds[0].Value != "2024-03-18" {
		t.Errorf("month and day with a known year: %+v", ds)
	}
	if ds := datesIn("On March 18th, they met.", 0, RefDate{}); len(ds) != 0 {
		t.Errorf("a date was given a year no source states: %+v", ds)
	}
}
