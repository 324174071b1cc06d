package load_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/kgnews/kg/internal/heapsample"
	"github.com/kgnews/kg/internal/ingest"
	"github.com/kgnews/kg/internal/load"
	"github.com/kgnews/kg/internal/sqlite"
	"github.com/kgnews/kg/internal/storetest"
)

// writeJSONL writes n generated articles as one JSON Lines file, a thousand at a time so that the

func itoa(n int) string { return jsonInt(n) }

func jsonInt(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// BenchmarkLoadPeakHeap loads one JSON Lines file of 1,000, 20,000 and 200,000 generated articles into
// a fresh embedded store and reports the peak live heap (MB): it should stay flat as the file grows
// (it grew with the number of articles: 310 MB at 21k, 641 MB at 200k).
// Run: go test -run XXX -bench LoadPeakHeap -benchtime 1x ./internal/load/
func BenchmarkLoadPeakHeap(b *testing.B) {
	for _, n := range []int{1000, 20000, 200000} {
		b.Run(itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "in.jsonl")
			storetest.WriteGeneratedJSONL(b, in, n)
			for i := 0; i < b.N; i++ {
				sum, peak, err := peakLoad(b, filepath.Join(dir, "kg"+itoa(i)+".db"), in, 1<<40)
				if err != nil || sum.Stored != n {
					b.Fatalf("load: %v (%d stored)", err, sum.Stored)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			}
		})
	}
}

// writeGeneratedText writes one plain-text file of at least n bytes: generated news paragraphs
// (invented people, posts and places), as a book or a day of wire copy saved as one file would be.
func writeGeneratedText(b *testing.B, path string, n int) int {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	size := 0
	for seed := int64(0); size < n; seed += 1000 {
		for _, a := range storetest.GenerateArticles(1000, seed) {
			k, _ := w.WriteString(a.Text + "\n")
			size += k
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return size
}

// BenchmarkLoadText50MB loads one 50 MB plain-text file (one article) into a fresh embedded store and
// reports the peak live heap in MB and as a multiple of the text's size (it was 1.67 GB, ~33x, when the
// text was extracted whole; it is read in pieces now, see extract.PieceBytes).
// Run: go test -run XXX -bench LoadText50MB -benchtime 1x ./internal/load/
func BenchmarkLoadText50MB(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "book.txt")
	size := writeGeneratedText(b, in, 50<<20)
	for i := 0; i < b.N; i++ {
		sum, peak, err := peakLoad(b, filepath.Join(dir, "kg"+itoa(i)+".db"), in, 1<<30)
		if err != nil || sum.Stored != 1 || sum.Relations < 1000 {
			b.Fatalf("load: %v (%d stored, %d relations)", err, sum.Stored, sum.Relations)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(peak)/float64(size), "heap/text")
		b.ReportMetric(float64(sum.Relations), "relations")
	}
}

// peakLoad loads one input into a new embedded store at db and returns the load's summary and the peak
// live heap sampled while it ran (after a collection before it starts).
func peakLoad(b *testing.B, db, in string, maxBytes int64) (*load.Summary, uint64, error) {
	b.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	runtime.GC()
	stop := heapsample.Peak()
	sum, err := load.Load(context.Background(), s, load.LoadOptions{Options: load.Options{Paths: []string{in}, Ingest: ingest.Options{MaxBytes: maxBytes}}})
	return sum, stop(), err
}
