// Package cliargs lets the command-line tools take flags after their arguments ("kgquery path A B
// --format json"), which urfave/cli alone does not: it moves every flag in front of the positional
// arguments, and the app's own flags in front of the command name.
package cliargs

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// Reorder returns args (args[0] is the program) with flags moved ahead of positional arguments.
// Everything after a "--" stays where it is.
func Reorder(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	global := index(app.Flags)
	rest := args[1:]
	var globalFlags, cmdFlags, positional []string
	var cmd *cli.Command
	var local map[string]bool
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			positional = append(positional, rest[i:]...)
			break
		}
		if len(a) > 1 && strings.HasPrefix(a, "-") {
			name := strings.TrimLeft(a, "-")
			hasValue := strings.Contains(name, "=")
			if hasValue {
				name = name[:strings.Index(name, "=")]
			}
			takesValue, isLocal := false, false
			if cmd != nil {
				if tv, ok := local[name]; ok {
					takesValue, isLocal = tv, true
				}
			}
			if !isLocal {
				takesValue = global[name]
			}
			group := []string{a}
			if takesValue && !hasValue && i+1 < len(rest) {
				group = append(group, rest[i+1])
				i++
			}
			if isLocal {
				cmdFlags = append(cmdFlags, group...)
			} else {
				globalFlags = append(globalFlags, group...)
			}
			continue
		}
		if cmd == nil && len(positional) == 0 {
			if c := app.Command(a); c != nil {
				cmd = c
				m := index(c.Flags)
				local = m
				continue
			}
		}
		positional = append(positional, a)
	}
	out := []string{args[0]}
	out = append(out, globalFlags...)
	if cmd != nil {
		out = append(out, cmd.Name)
		out = append(out, cmdFlags...)
	}
	return append(out, positional...)
}

// index maps every flag name and alias to whether the flag takes a value.
func index(flags []cli.Flag) map[string]bool {
	m := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			m[n] = !isBool
		}
	}
	return m
}
