package neo4j

import (
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestErrorKinds checks that passing failures are told from lasting ones by the errors' types,
// wrapped as the store wraps them, whatever their wording.
func TestErrorKinds(t *testing.T) {
	s := &Store{}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	cases := []struct {
		name      string
		err       error
		retryable bool
	}{
		{"connection refused", fmt.Errorf("neo4j: %w", refused), true},
		{"connectivity", fmt.Errorf("neo4j: %w", &driver.ConnectivityError{Inner: errors.New("gone")}), true},
		{"retries spent", fmt.Errorf("neo4j: %w", &driver.TransactionExecutionLimit{Cause: "timeout"}), true},
		{"transient server error", fmt.Errorf("neo4j: %w", &driver.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable", Msg: "x"}), true},
		{"syntax error", fmt.Errorf("neo4j: %w", &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "connection refused"}), false},
		{"plain error naming a refusal", errors.New("connection refused EOF ServiceUnavailable"), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := s.Retryable(c.err); got != c.retryable {
			t.Errorf("%s: Retryable = %v, want %v", c.name, got, c.retryable)
		}
	}
	if !accessModeRefused(fmt.Errorf("neo4j: %w", &driver.Neo4jError{Code: "Neo.ClientError.Statement.AccessMode", Msg: "m"})) {
		t.Error("a write refused in a read transaction is not recognised")
	}
	if accessModeRefused(errors.New("Writing in read access mode not allowed")) {
		t.Error("an error's wording alone is taken for the server's refusal")
	}
}
