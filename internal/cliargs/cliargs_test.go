package cliargs

import (
	"reflect"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestReorder(t *testing.T) {
	app := &cli.App{
		Flags: []cli.Flag{&cli.StringFlag{Name: "db"}, &cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}}},
		Commands: []*cli.Command{{Name: "path", Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}}, &cli.IntFlag{Name: "max-hops"}}}},
	}
	cases := []struct{ in, want []string }{
		{[]string{"q", "path", "A", "B", "--format", "json", "--db", "x.db"},
			[]string{"q", "--db", "x.db", "path", "--format", "json", "A", "B"}},
		{[]string{"q", "--db=x", "path", "-f", "json", "A", "-v", "B", "--max-hops=3"},
			[]string{"q", "--db=x", "-v", "path", "-f", "json", "--max-hops=3", "A", "B"}},
		{[]string{"q", "seeds/", "--db", "y"}, []string{"q", "--db", "y", "seeds/"}},
		{[]string{"q", "path", "A", "--", "--format"}, []string{"q", "path", "A", "--", "--format"}},
		{[]string{"q", "-"}, []string{"q", "-"}},
	}
	for _, c := range cases {
		if got := Reorder(app, c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Reorder(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
