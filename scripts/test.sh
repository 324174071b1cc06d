#!/usr/bin/env bash
# Runs every test, including the Neo4j ones: builds and starts a throwaway Neo4j 5 Community server
# (testenv/neo4j, from Maven Central) on 127.0.0.1 with a random password, runs `go test ./...` against
# it through test-only variables, and stops it. Fails, never skips, when Neo4j cannot be started.
#
# Usage: scripts/test.sh [go test flags...]     e.g. scripts/test.sh -run Store -v
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf 'test.sh: %s\n' "$*" >&2; }
die() { say "FAIL: $*"; exit 1; }

# --- what the tests need on this machine -------------------------------------------------------
need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
      || die "could not install ${need_apt[*]}"
  else
    die "please install ${need_apt[*]} (Java 17 and Maven run the test Neo4j)"
  fi
fi
command -v go >/dev/null 2>&1 || die "Go is not installed (see go.mod for the version)"
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
[ "${java_major:-0}" -ge 17 ] || die "Java 17 or newer is needed for Neo4j 5.26, found: $(java -version 2>&1 | head -1)"

# --- build and start the test Neo4j ------------------------------------------------------------
say "building the test Neo4j (testenv/neo4j, Maven)"
mvn -B -q -f testenv/neo4j/pom.xml package -DskipTests >"${TMPDIR:-/tmp}/kg-neo4j-build.log" 2>&1 \
  || { cat "${TMPDIR:-/tmp}/kg-neo4j-build.log" >&2; die "could not build the test Neo4j (Maven log above)"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kg-neo4j.XXXXXX")
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say "starting the test Neo4j"
KG_TEST_NEO4J_PASSWORD="$password" java -Xmx2g -cp "testenv/neo4j/target/classes:testenv/neo4j/target/lib/*" \
  kgtest.TestServer "$work/data" "$work/port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
  [ -s "$work/port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the test Neo4j exited while starting (log above)"; }
  sleep 0.5
done
[ -s "$work/port" ] || { cat "$work/server.log" >&2; die "the test Neo4j did not start within 300 s (log above)"; }
port=$(cat "$work/port")
# wait until Bolt answers
for _ in $(seq 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "the test Neo4j does not answer on 127.0.0.1:$port"
say "test Neo4j answers on bolt://127.0.0.1:$port"

# --- run the tests -----------------------------------------------------------------------------
export KG_TEST_NEO4J_URI="bolt://127.0.0.1:$port"
export KG_TEST_NEO4J_USERNAME=neo4j
export KG_TEST_NEO4J_PASSWORD="$password"
export KG_TEST_NEO4J_REQUIRED=1
# never let the tests see a user's real database settings
unset NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE KG_DB

cd "$root"
go vet ./...
go vet -tags kgtest ./cmd/kgload   # the crash-test hooks, built only into the tests' kgload
# no function over 80 lines but the tables scripts/funclen/allow.txt lists
say "function length"
go run ./scripts/funclen || die "functions over 80 lines (split them; the allowlist is for true tables only)"
# static checks, pinned (fetched from the Go module proxy on first use)
say "staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags kgtest ./cmd/kgload
# code no command reaches: none outside the packages that exist for tests
say "deadcode"
dead=$(go run golang.org/x/tools/cmd/deadcode@v0.53.0 ./...) || die "deadcode did not run"
dead=$(printf '%s\n' "$dead" | grep -v -E '^(internal/(storetest|neo4j/neo4jtest|cputime|heapsample)/|$)' || true)
[ -z "$dead" ] || { printf '%s\n' "$dead" >&2; die "functions no command reaches (move test helpers into _test.go files, or remove them)"; }
# -p 1: the Neo4j tests of several packages share one server and wipe it
go test -count=1 -p 1 -timeout 45m "$@" ./...
