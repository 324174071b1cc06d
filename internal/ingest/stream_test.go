package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/internal/graph"
)

// TestJSONLIsStreamed: JSON Lines are read a line at a time: the first article reaches the caller while
// the input is still being written (the whole input used to be read into memory first).
func TestJSONLIsStreamed(t *testing.T) {
	pr, pw := io.Pipe()
	first := make(chan struct{})
	streamed := make(chan bool, 1)
	go func() {
		io.WriteString(pw, `{"id": "s1", "text": "Envoy Ana Lopes visited Peru."}`+"\n")
		select {
		case <-first:
			streamed <- true
		case <-time.After(10 * time.Second):
			streamed <- false
		}
		io.WriteString(pw, `{"id": "s2", "text": "Envoy Rui Sousa visited Chile."}`+"\n")
		pw.Close()
	}()
	var ids []string
	NewReader(Options{}, pr).Read(StdinName, func(a *graph.Article, err error) {
		if err != nil {
			t.Error(err)
			return
		}
		if len(ids) == 0 {
			close(first)
		}
		ids = append(ids, a.ID)
	})
	if !<-streamed {
		t.Error("the first article was given only after the whole input was read")
	}
	if len(ids) != 2 || ids[0] != "s1" || ids[1] != "s2" {
		t.Errorf("read %v, want [s1 s2]", ids)
	}
}

// TestTextHashesUnchanged: ids and content hashes read a text a piece at a time, and stay the ones
// stored before (the SHA-256 of the whole text).
func TestTextHashesUnchanged(t *testing.T) {
	text := strings.Repeat("Ana Lopes met Ivo Marek in Lima. ", 5000) // 165 KB: several pieces
	whole := sha256.Sum256([]byte(text))
	if got, want := TextID(text), "sha256:"+hex.EncodeToString(whole[:12]); got != want {
		t.Errorf("TextID = %s, want %s", got, want)
	}
	a := &graph.Article{Text: text, Title: "T", Published: "2024-01-02"}
	h := sha256.New()
	for _, f := range []string{text, "T", "", "2024-01-02"} {
		h.Write([]byte(f + "\x00"))
	}
	if got, want := contentHash(a), hex.EncodeToString(h.Sum(nil)[:16]); got != want {
		t.Errorf("contentHash = %s, want %s", got, want)
	}
}
