package neo4jtest

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"
)

// Proxy forwards TCP connections to a Neo4j server until Mute is called; from then on it drops the
// connections it carries and accepts new ones without ever answering: a server that hangs.
type Proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	muted  bool
	conns  []net.Conn
}

// NewProxy starts a proxy to the server of uri (bolt://host:port) on a free local port.
func NewProxy(t testing.TB, uri string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	target := uri
	if i := strings.Index(target, "://"); i >= 0 {
		target = target[i+3:]
	}
	p := &Proxy{ln: ln, target: target}
	t.Cleanup(p.close)
	go p.serve()
	return p
}

// MuteServer starts a server that accepts connections and never answers, and returns its bolt URI.
func MuteServer(t testing.TB) string {
	t.Helper()
	p := NewProxy(t, "bolt://127.0.0.1:1")
	p.Mute()
	return p.URI()
}

// URI is the proxy's bolt URI.
func (p *Proxy) URI() string { return "bolt://" + p.ln.Addr().String() }

// Mute drops the forwarded connections and makes the proxy silent.
func (p *Proxy) Mute() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.muted = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *Proxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

func (p *Proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		muted := p.muted
		p.conns = append(p.conns, c)
		p.mu.Unlock()
		if muted {
			continue // held open, never answered
		}
		go p.forward(c)
	}
}

func (p *Proxy) forward(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	if p.muted {
		p.mu.Unlock()
		s.Close()
		return
	}
	p.conns = append(p.conns, s)
	p.mu.Unlock()
	go func() { io.Copy(s, c); s.Close() }()
	io.Copy(c, s)
	c.Close()
}
