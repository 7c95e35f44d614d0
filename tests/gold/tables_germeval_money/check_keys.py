"""Check the blind table keys (money, stock moves, changes) on tests/gold/germeval_money (stdlib only).

Rows: the rules and report of the first blind key's checker (tests/gold/tables_blind/
check_blind_keys.py, loaded by file; see its docstring): surfaces and occurrences, no surface
inside a longer number, fields, enums, types, rows without entity optional, to-only change rows
optional, change aliases present in the text, ``stated_for`` in the article, no duplicates.

Catalog of this set (GermEval 2014 sentences, one sentence per document):

- exactly the columns id,title,publisher,published,published_inferred,language,url,note, listing
  exactly the .txt files, each id once;
- ids ``gmNNN_<split>_<sentence>`` (running number from 001 without gaps, split dev or test,
  the sentence index), lowercase ascii, at most 50 characters;
- title empty, ``published_inferred`` false, language de, ``published`` an ISO date, publisher
  = the host of the source (without ``www.``), url = the source when it is a URL, else empty;
- note ``GermEval 2014 NER (<split> sentence <n>; NER-de-<split>.tsv line <l>), CC BY 4.0;
  Benikova et al. 2014`` with the split and sentence of the id;
- each text is one line ending in a newline, without non-breaking space; no two texts equal;
- no sentence is one of ../germeval_changes/ or ../germeval_shares/ (by split and index from
  their catalogs, and by text);
- when /work/shared/data/germeval2014/ is present: every text is the sentence the note names,
  rebuilt with the joining rule of ../germeval_changes/README.md, starting at the named line, and
  url, publisher and published agree with the sentence's comment line.

    python3 tests/gold/tables_germeval_money/check_keys.py [--quiet]
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "germeval_money"
EARLIER = (HERE.parent / "germeval_changes", HERE.parent / "germeval_shares")
DATA = Path("/work/shared/data/germeval2014")
COLUMNS = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]
ID_RE = re.compile(r"^gm(\d{3})_(dev|test)_(\d+)$")
NOTE_RE = re.compile(r"^GermEval 2014 NER \((dev|test) sentence (\d+); NER-de-(dev|test)\.tsv line (\d+)\), "
                     r"CC BY 4\.0; Benikova et al\. 2014$")
EARLIER_NOTE_RE = re.compile(r"\((train|dev|test) sentences ([0-9 ]+);")

# the first blind key's checker, loaded under its own name (several checkers share file names)
_spec = importlib.util.spec_from_file_location("check_blind_keys_1",
                                               HERE.parent / "tables_blind" / "check_blind_keys.py")
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)


def detok(tokens: list[str]) -> str:
    """The joining rule of ../germeval_changes/README.md."""
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?)%])", r"\1", s)
    return re.sub(r"([(„]) ", r"\1", s)


def load_split(split: str) -> dict[int, dict] | None:
    """{sentence index: {line, text, source, date}} of NER-de-<split>.tsv, or None when absent."""
    path = DATA / f"NER-de-{split}.tsv"
    if not path.exists():
        return None
    out: dict[int, dict] = {}
    toks: list[str] = []
    first_line = None
    comment = ["", ""]
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    out[len(out) + 1] = {"line": first_line, "text": detok(toks), "source": comment[0],
                                         "date": comment[1]}
                toks, first_line = [], None
                continue
            if line.startswith("#\t") and not toks:
                parts = line.split("\t")
                comment = [parts[1] if len(parts) > 1 else "", (parts[2] if len(parts) > 2 else "").strip("[]")]
                continue
            if first_line is None:
                first_line = ln
            toks.append(line.split("\t")[1])
    if toks:
        out[len(out) + 1] = {"line": first_line, "text": detok(toks), "source": comment[0], "date": comment[1]}
    return out


def host_of(source: str) -> str:
    host = (urlparse(source).hostname or "") if source.startswith("http") else source.split(" ")[0]
    return host[4:] if host.startswith("www.") else host


def earlier_sentences() -> tuple[set[tuple[str, int]], set[str]]:
    """(split, index) pairs and sentence texts of the earlier GermEval sets."""
    keys, texts = set(), set()
    for d in EARLIER:
        cat = d / "catalog.csv"
        if cat.exists():
            with open(cat, encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    for m in EARLIER_NOTE_RE.finditer(r.get("note") or ""):
                        keys |= {(m.group(1), int(i)) for i in m.group(2).split()}
        for p in d.glob("*.txt"):
            texts |= {line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    return keys, texts


def check_catalog(texts: dict[str, str]) -> list[str]:
    rows, errs = first.catalog_basics(DOCS, texts, COLUMNS)
    ids = [r.get("id") or "" for r in rows]
    numbers = sorted(int(m.group(1)) for m in map(ID_RE.match, ids) if m)
    if numbers != list(range(1, len(numbers) + 1)):
        errs.append("running numbers of the ids are not 001 ... N without gaps")
    old_keys, old_texts = earlier_sentences()
    corpora: dict[str, dict | None] = {}
    seen_texts: dict[str, str] = {}
    seen_sentences: dict[tuple[str, int], str] = {}
    for r in rows:
        rid = r.get("id") or ""
        m = ID_RE.match(rid)
        if not m or len(rid) > 50:
            errs.append(f"bad id {rid!r}")
            continue
        split, index = m.group(2), int(m.group(3))
        if (split, index) in seen_sentences:
            errs.append(f"{rid}: same sentence as {seen_sentences[(split, index)]}")
        seen_sentences[(split, index)] = rid
        if (split, index) in old_keys:
            errs.append(f"{rid}: {split} sentence {index} is already used by germeval_changes/germeval_shares")
        if r.get("title"):
            errs.append(f"{rid}: title must be empty")
        if r.get("published_inferred") != "false":
            errs.append(f"{rid}: published_inferred must be false")
        if r.get("language") != "de":
            errs.append(f"{rid}: language must be de")
        try:
            datetime.date.fromisoformat(r.get("published") or "")
        except ValueError:
            errs.append(f"{rid}: published {r.get('published')!r} is not an ISO date")
        url, publisher = r.get("url") or "", r.get("publisher") or ""
        if not publisher:
            errs.append(f"{rid}: publisher empty")
        if url and (not url.startswith("http") or host_of(url) != publisher):
            errs.append(f"{rid}: publisher {publisher!r} is not the host of {url!r}")
        nm = NOTE_RE.match(r.get("note") or "")
        if not nm or nm.group(1) != split or nm.group(3) != split or int(nm.group(2)) != index:
            errs.append(f"{rid}: note does not name {split} sentence {index} in the set's form")
            continue
        text = texts.get(rid)
        if text is None:
            continue
        if not text.endswith("\n") or "\n" in text[:-1] or "\r" in text or not text.strip():
            errs.append(f"{rid}: the text must be one line ending in a newline")
        errs += first.text_errors(rid, text, seen_texts)
        if text.rstrip("\n") in old_texts:
            errs.append(f"{rid}: sentence text already in germeval_changes/germeval_shares")
        if split not in corpora:
            corpora[split] = load_split(split)
        corpus = corpora[split]
        if corpus is None:
            continue
        sent = corpus.get(index)
        if sent is None:
            errs.append(f"{rid}: {split} sentence {index} does not exist")
            continue
        if sent["text"] + "\n" != text:
            errs.append(f"{rid}: text differs from {split} sentence {index}")
        if sent["line"] != int(nm.group(4)):
            errs.append(f"{rid}: {split} sentence {index} starts at line {sent['line']}, note says {nm.group(4)}")
        src = sent["source"]
        if url != (src if src.startswith("http") else ""):
            errs.append(f"{rid}: url {url!r} differs from the comment line's source {src!r}")
        if publisher != host_of(src):
            errs.append(f"{rid}: publisher {publisher!r} differs from the source host {host_of(src)!r}")
        if (r.get("published") or "") != sent["date"]:
            errs.append(f"{rid}: published {r.get('published')!r} differs from the comment date {sent['date']!r}")
    if corpora and all(v is None for v in corpora.values()):
        print("(GermEval data not found: texts not compared with the corpus)")
    return errs


def main(argv: list[str]) -> int:
    return first.main(argv, docs=DOCS, keys=HERE, catalog=check_catalog)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
