//go:build !unix

package extract

import "time"

// cpuTime is unknown here: BenchmarkExtract reports wall-clock throughput only.
func cpuTime() time.Duration { return 0 }
