//go:build !kgtest

package main

import "github.com/kgnews/kg/internal/graph"

// testHooks gives the step function that crash tests use to kill a load at chosen points: none in
// kgload itself. The tests build kgload with -tags kgtest to have them (hooks_kgtest.go).
func testHooks(graph.Store) func() { return nil }
