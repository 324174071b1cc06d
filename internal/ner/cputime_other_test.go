//go:build !unix

package ner

import "time"

// cpuTime is unknown here: BenchmarkModelLoad reports wall-clock time only.
func cpuTime() time.Duration { return 0 }
