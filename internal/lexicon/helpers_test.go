package lexicon

// Helpers only the tests use.

// IsTitleNoun reports whether a word is a WordNet noun for a leader, head or official ("chancellor");
// the tagger reads it through ListsOf (OnTitleNouns).
func IsTitleNoun(w string) bool { return inLower(featureData().titleNouns, w) }
