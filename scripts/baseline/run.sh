#!/usr/bin/env bash
# The spaCy baseline of issue 8: en_core_web_md's entities on testdata/gold-news, scored per type with
# kgload eval's own entity scoring, beside kg's at the current commit (docs/baseline.md).
#
# Usage: scripts/baseline/run.sh [-errors]
#
# Prints two scores of spaCy: its mentions as entities (one per name and type within an article), and
# the same with a person's surname joined to the one full name of the article that ends with it (-join).
#
# From a clean clone: the Python environment of scripts/train (spaCy 3.8.18 and en_core_web_md 3.8.0
# from PyPI, both MIT; built once in .cache/train, which git ignores), spaCy over the 36 articles
# (spacy_ents.py, under a minute), then the Go scorer (score/main.go).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/train/venv.sh
out=.cache/baseline/spacy-md.jsonl
mkdir -p .cache/baseline
"$venv/bin/python" scripts/baseline/spacy_ents.py testdata/gold-news/news-dev.jsonl "$out"
go build -o .cache/baseline/score ./scripts/baseline/score
for join in false true; do
  .cache/baseline/score -gold testdata/gold-news -articles testdata/gold-news/news-dev.jsonl -join=$join "$@" "$out"
  echo
done
