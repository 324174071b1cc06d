package names

import "testing"

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Isma’il Haniya":    "ismail haniya",
		"ISMAIL  HANIYEH":   "ismail haniyeh",
		"Hamas’":            "hamas",
		"China's":           "china",
		"the Arab League":   "arab league",
		"Riyad al-Maliki":   "riyad al maliki",
		"Zürich":            "zurich",
		"Secretary-General": "secretary general",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSkeleton(t *testing.T) {
	same := [][2]string{{"haniyeh", "haniya"}, {"haniyeh", "haniye"}, {"ismail", "ismail"}, {"qasim", "kasim"}, {"mohammed", "mohamed"}}
	for _, p := range same {
		if Skeleton(p[0]) != Skeleton(p[1]) {
			t.Errorf("Skeleton(%q)=%q, Skeleton(%q)=%q: want equal", p[0], Skeleton(p[0]), p[1], Skeleton(p[1]))
		}
	}
	differ := [][2]string{{"kejian", "yi"}, {"wang", "zhang"}, {"wang", "yang"}}
	for _, p := range differ {
		if Skeleton(p[0]) == Skeleton(p[1]) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q: want different", p[0], p[1], Skeleton(p[0]))
		}
	}
}

func TestSurname(t *testing.T) {
	for in, want := range map[string]string{"Riyad al-Maliki": "maliki", "Ursula von der Leyen": "leyen", "Cao Xiaolin": "xiaolin"} {
		if got := Surname(in); got != want {
			t.Errorf("Surname(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrgKey(t *testing.T) {
	if OrgKey("Ministry of Foreign Affairs") != OrgKey("Foreign Affairs Ministry") {
		t.Error("word order changes the organisation key")
	}
	if OrgKey("Israeli Ministry of Foreign Affairs") == OrgKey("Ministry of Foreign Affairs") {
		t.Error("a nationality in the name is dropped from the key")
	}
	if OrgKey("The Washington Post") != OrgKey("Washington Post") {
		t.Error("a leading article changes the key")
	}
}
