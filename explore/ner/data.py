"""Training and evaluation data for the NER model: GermEval 2014 and the DFKI SmartData corpus.

GermEval 2014 (CC BY 4.0; Benikova, Biemann, Reznicek, LREC 2014) comes as tab-separated files
(index, token, outer tag[, inner tag]); only the outer level of the four main types counts,
``deriv``/``part`` tags (``B-ORGpart``, ``I-PERderiv``) are O. SmartData (CC BY 4.0; Schiersch et
al., LREC 2018) is a stream of JSON documents with character-offset concept mentions; its
types are mapped onto the same labels (:data:`SMARTDATA_LABELS`).

>>> sents = read_germeval_text("1\\tDie\\tO\\tO\\n2\\tDeutsche\\tB-ORG\\tO\\n3\\tBank\\tI-ORG\\tO\\n4\\tBerlins\\tB-LOCderiv\\tO\\n")
>>> sents[0].words, sents[0].tags
(['Die', 'Deutsche', 'Bank', 'Berlins'], ['O', 'B-ORG', 'I-ORG', 'O'])
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

LABELS = ("PER", "ORG", "LOC", "OTH")
SMARTDATA_LABELS = {"organization-company": "ORG", "organization": "ORG", "person": "PER"}
_NO_SPACE_BEFORE = set(",.;:!?)]}%’”“'\"") | {"...", "''"}
_NO_SPACE_AFTER = set("([{„‚")


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]          # BIO over LABELS, deriv/part already O


def outer_tag(tag: str) -> str:
    """``B-ORG`` -> ``B-ORG``; ``I-LOCderiv``, ``B-ORGpart``, anything unknown -> ``O``."""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BI" and tag[2:] in LABELS:
        return tag
    return "O"


def read_germeval_text(text: str, source: str = "<text>") -> list[Sentence]:
    """Sentences of a GermEval-format text: index, token, outer tag[, inner tag]; ``#`` lines skipped."""
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                out.append(Sentence(words, tags))
                words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ValueError(f"{source}, line {n}: expected index, token, tag separated by tabs: {line!r}")
        words.append(cols[1])
        tags.append(outer_tag(cols[2].strip()))
    if words:
        out.append(Sentence(words, tags))
    return out


def read_germeval(path) -> list[Sentence]:
    path = Path(path)
    return read_germeval_text(path.read_text(encoding="utf-8"), str(path))


def guess_spaces(words: list[str]) -> list[bool]:
    """Whitespace after each token of a pre-tokenised sentence, from German punctuation habits."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER)
    return spaces


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIO sequence; an I- without a B- starts a span."""
    out, start, label = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if t != "O":
                start, label = i, t[2:]
    return out


def read_smartdata(path) -> Iterator[dict]:
    """The JSON documents of a SmartData ``.json.gz`` file (a stream of concatenated objects)."""
    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        doc, i = dec.raw_decode(text, i)
        yield doc


def smartdata_label(kind: str) -> str | None:
    k = kind.lower().replace("_", "-")
    if k.startswith("location"):
        return "LOC"
    return SMARTDATA_LABELS.get(k)


def smartdata_entities(doc: dict) -> tuple[str, list[tuple[int, int, str]]]:
    """(text, [(start, end, label)]) of a SmartData document, character offsets, overlaps dropped."""
    text = doc["text"]["string"]
    ents = []
    for m in (doc.get("conceptMentions") or {}).get("array", []):
        label = smartdata_label(m["type"])
        if label:
            ents.append((m["span"]["start"], m["span"]["end"], label))
    ents.sort(key=lambda e: (e[0], -e[1]))
    kept, last = [], -1
    for s, e, label in ents:
        if s >= last and e > s:
            kept.append((s, e, label))
            last = e
    return text, kept


def key_ids(catalog) -> set[str]:
    """SmartData ids of the table key documents (catalog ``note``: "... id <SmartData id>; ...")."""
    ids = set()
    with open(catalog, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            m = re.search(r"\bid (\S+?);", row.get("note") or "")
            if m:
                ids.add(m.group(1))
    return ids
