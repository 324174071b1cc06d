package main

import (
	"context"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg/internal/heapsample"
	"github.com/kgnews/kg/internal/storetest"
)

// writeGenerated writes n generated articles as one JSON Lines file, a thousand at a time so that the

// BenchmarkExportPeakHeap runs `kgload export` on one JSON Lines file of 2,000, 8,000 and 32,000
// generated articles and reports the peak live heap (MB): the export goes batch by batch, so the
// heap should stay flat as the input grows (what grows is the resolver's entities and one small
// index entry per relation fact, not the articles): 54, 69 and 105 MB (holding every article, it was
// 64, 149 and 541 MB).
// Run: go test -run XXX -bench ExportPeakHeap -benchtime 1x ./cmd/kgload/
func BenchmarkExportPeakHeap(b *testing.B) {
	for _, n := range []int{2000, 8000, 32000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "in.jsonl")
			storetest.WriteGeneratedJSONL(b, in, n)
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, "out"+strconv.Itoa(i))
				runtime.GC()
				stop := heapsample.Peak()
				var stdout, stderr strings.Builder
				code := run(context.Background(), []string{"kgload", "export", "--format", "neo4j-admin", out, in}, strings.NewReader(""), &stdout, &stderr)
				peak := stop()
				if code != exitOK || !strings.Contains(stdout.String(), "wrote "+strconv.Itoa(n)+" articles") {
					b.Fatalf("export: exit %d: %s%s", code, stdout.String(), stderr.String())
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			}
		})
	}
}
