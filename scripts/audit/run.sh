#!/usr/bin/env bash
# Draws the precision-audit sample: builds kgload, extracts every fact from a corpus into
# .cache/audit/facts.jsonl (git-ignored; never commit it or the corpus) and writes N randomly drawn facts
# (default 100, seed 1) as a Markdown table with an empty verdict column to docs/audit/sample-<commit>.md.
# An existing sample (it may hold verdicts) is not overwritten: set OUT=path to write elsewhere.
# SEED=N draws with another seed (default 1; the sample is written to ...-seedN.md): a fresh sample of the
# same commit. TYPES=MET,VISITED draws from those relation types only (a stratified sample of the rarer types, written
# to docs/audit/sample-<commit>-met-visited.md); the facts of a commit are extracted once and reused.
#
# Usage: scripts/audit/run.sh CORPUS.jsonl [N]      e.g. scripts/audit/run.sh /work/shared/corpus/news.jsonl
#        TYPES=MET,VISITED scripts/audit/run.sh /work/shared/corpus/news.jsonl 100
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 CORPUS.jsonl [N]" >&2; exit 2; }
corpus=$(realpath "$1")
n=${2:-100}
cd "$(dirname "$0")/../.."

commit=$(git rev-parse --short HEAD)
types=${TYPES:-}
seed=${SEED:-1}
suffix=""
[ -z "$types" ] || suffix=-$(echo "$types" | tr 'A-Z,' 'a-z-')
[ "$seed" = 1 ] || suffix=$suffix-seed$seed
out=${OUT:-docs/audit/sample-$commit$suffix.md}
if [ -e "$out" ]; then
  echo "run.sh: $out exists (it may hold verdicts); set OUT=path to write elsewhere" >&2
  exit 1
fi
mkdir -p .cache/audit "$(dirname "$out")"

facts=.cache/audit/facts-$commit.jsonl
[ -z "$(git status --porcelain -- cmd internal)" ] || facts=.cache/audit/facts-uncommitted.jsonl
if [ "$facts" = .cache/audit/facts-uncommitted.jsonl ] || [ ! -s "$facts" ]; then
  echo "run.sh: building kgload at $commit" >&2
  go build -o .cache/audit/kgload ./cmd/kgload
  echo "run.sh: extracting $corpus (takes minutes)" >&2
  .cache/audit/kgload extract "$corpus" > "$facts.part"
  mv "$facts.part" "$facts"
fi
echo "run.sh: sampling $n ${types:-} facts into $out" >&2
go run ./scripts/audit -facts "$facts" -corpus "$corpus" -commit "$commit" -n "$n" -types "$types" -seed "$seed" \
  -cmd "${types:+TYPES=$types }${SEED:+SEED=$SEED }scripts/audit/run.sh $1${2:+ $2}" > "$out"
echo "run.sh: wrote $out" >&2
