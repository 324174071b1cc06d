//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks that report throughput per
// CPU-second beside wall time (a shared machine disturbs wall time far more).
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time the process has used so far, in user and system mode, on every thread.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
