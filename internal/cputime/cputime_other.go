//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks that report throughput per
// CPU-second beside wall time (a shared machine disturbs wall time far more).
package cputime

import "time"

// Process is 0 where the CPU time cannot be read: benchmarks then report wall time only.
func Process() time.Duration { return 0 }
