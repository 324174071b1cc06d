package neo4j

import (
	"errors"
	"testing"
)

// A relation deleted or rewritten by a concurrent write while a read transaction read it (no type
// or ends; fact lists of unequal length) makes the read run again; a read that keeps meeting it
// gives up after three tries with the error.
func TestReadAgainIfChanged(t *testing.T) {
	deleted := map[string]any{"articles": []any{"a1"}}
	if _, err := relationOf(deleted); !errors.Is(err, errChangedWhileRead) {
		t.Errorf("a relation with no type or ends: %v, want errChangedWhileRead", err)
	}
	halfWritten := map[string]any{"type": "MET", "from": "person:a", "to": "person:b",
		"articles": []any{"a1", "a2"}, "evidence": []any{"x"}, "starts": []any{int64(0)}, "ends": []any{int64(1)},
		"confidences": []any{0.9}}
	if _, err := relationOf(halfWritten); !errors.Is(err, errChangedWhileRead) {
		t.Errorf("fact lists of unequal length: %v, want errChangedWhileRead", err)
	}
	tries := 0
	v, err := readAgainIfChanged(func() (int, error) {
		tries++
		if tries < 2 {
			return 0, errChangedWhileRead
		}
		return 7, nil
	})
	if v != 7 || err != nil || tries != 2 {
		t.Errorf("changed once: got %d, %v after %d tries; want 7, nil after 2", v, err, tries)
	}
	tries = 0
	if _, err := readAgainIfChanged(func() (int, error) { tries++; return 0, errChangedWhileRead }); !errors.Is(err, errChangedWhileRead) || tries != 3 {
		t.Errorf("always changing: %v after %d tries; want the error after 3", err, tries)
	}
}
