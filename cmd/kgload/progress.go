package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/internal/load"
)

// stderrIsTerminal reports whether the tool's error stream is a terminal, where a progress bar helps;
// on a pipe or in a file it would only be noise.
func stderrIsTerminal(c *cli.Context) bool {
	f, ok := c.App.ErrWriter.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws one line that it rewrites: share of input read, articles, rate, time left.
type progressBar struct {
	w     io.Writer
	on    bool
	last  time.Time
	drawn bool
}

func newProgressBar(w io.Writer, on bool) *progressBar { return &progressBar{w: w, on: on} }

func (p *progressBar) update(pr load.Progress) {
	if !p.on || time.Since(p.last) < 150*time.Millisecond {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(pr.Started).Seconds()
	rate := float64(pr.Articles) / max(elapsed, 0.001)
	line := fmt.Sprintf("%d articles  %.0f/s", pr.Articles, rate)
	if pr.Total > 0 {
		frac := min(float64(pr.Bytes)/float64(pr.Total), 1)
		const width = 28
		full := int(frac * width)
		bar := strings.Repeat("█", full) + strings.Repeat("░", width-full)
		eta := "?"
		if frac > 0.001 {
			eta = (time.Duration(elapsed*(1-frac)/frac) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("%s %3.0f%%  %s  ETA %s", bar, 100*frac, line, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

func (p *progressBar) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
