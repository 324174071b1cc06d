package lexicon

// Helpers only the tests use.

// Town reports whether a name is a town of 1,000 people or more (GeoNames) that the gazetteer lacks.
func Town(name string) bool {
	town, _ := folded(featureData().towns, name)
	return town
}
