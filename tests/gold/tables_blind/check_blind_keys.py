"""Check the blind table keys (money, stock moves, changes) against tests/gold/smartdata2 (stdlib only).

The rules of tests/gold/tables/check_keys.py (money, stock moves) and check_shares_changes.py
(changes), called from there, and:

- every row's ``surface`` occurs at least ``occurrence`` times in its article, and the chosen
  occurrence does not start or end inside a longer number ("6 Prozent" in "6,6 Prozent");
- the fields of FORMAT.md are present (and no others), enums and types are valid;
- a row without an entity is optional; a printed conversion's ``stated_for`` is in the article;
- a change row states a value (change_pct, change_abs with a unit, change_factor) or both levels;
  a row with only the new level (``to``) is optional;
- no duplicate (article, surface, occurrence, entity) rows;
- the catalog lists exactly the .txt files, ids are lowercase ascii and at most 50 characters, and
  no document repeats a document of tests/gold/smartdata (by text or by SmartData id).

Prints per-document counts (required/optional) and exits non-zero on any error.

    python3 tests/gold/tables_blind/check_blind_keys.py
    python3 tests/gold/tables_blind/check_blind_keys.py --quiet
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "smartdata2"
OLD_DOCS = HERE.parent / "smartdata"
sys.path.insert(0, str(HERE.parent / "tables"))
import check_keys                      # noqa: E402  the money and stock-move rules of the first key
import check_shares_changes            # noqa: E402  the changes rules and the longer-number test

FIELDS = {**check_keys.FIELDS, "changes.jsonl": check_shares_changes.CHANGES}
ID_RE = re.compile(r"^s2_\d\d_[a-z0-9-]+$")


def check_row(name: str, row: dict, texts: dict[str, str]) -> list[str]:
    """The rules of the first key's checkers, plus: the chosen occurrence is no part of a longer
    number, aliases only with an entity, a note is text."""
    if name == "changes.jsonl":
        errs: list[str] = []
        check_shares_changes.check_change(row, "", texts, errs)
        return [e.removeprefix(": ") for e in errs]
    errs = check_keys.check_row(name, row, texts)
    text, surface, occ = texts.get(row.get("article")), row.get("surface"), row.get("occurrence")
    if text is not None and isinstance(surface, str) and surface and isinstance(occ, int) and 0 < occ \
            and text.count(surface) >= occ:
        at = check_shares_changes.span_start(text, surface, occ)
        if check_shares_changes.inside_number(text, at, at + len(surface)):
            errs.append(f"surface {surface!r} (occurrence {occ}) is part of a longer number")
    if row.get("entity") is None and row.get("aliases"):
        errs.append("aliases without an entity")
    if not (row.get("note") is None or isinstance(row.get("note"), str)):
        errs.append("note must be text or null")
    return errs


def catalog_basics(docs: Path, texts: dict[str, str], columns: list[str]) -> tuple[list[dict], list[str]]:
    """The rows of ``docs``/catalog.csv and the errors every set shares: columns other than ``columns``,
    ids that are not exactly the .txt files, duplicate ids. Used by the later sets' checkers."""
    errs = []
    with open(docs / "catalog.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    if header != columns:
        errs.append(f"catalog columns {header} differ from {columns}")
    with open(docs / "catalog.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    ids = [r.get("id") or "" for r in rows]
    if sorted(ids) != sorted(texts):
        errs.append(f"catalog ids and .txt files differ: {sorted(set(ids) ^ set(texts))}")
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids in catalog")
    return rows, errs


def text_errors(rid: str, text: str, seen_texts: dict[str, str]) -> list[str]:
    """A text's errors every set shares (a non-breaking space, the same text as an earlier document);
    records the text in ``seen_texts``."""
    errs = [f"{rid}: non-breaking space in the text"] if "\u00a0" in text else []
    if text in seen_texts:
        errs.append(f"{rid}: same text as {seen_texts[text]}")
    seen_texts[text] = rid
    return errs


def check_catalog(texts: dict[str, str]) -> list[str]:
    errs = []
    rows = list(csv.DictReader(open(DOCS / "catalog.csv", encoding="utf-8", newline="")))
    old_cols = next(csv.reader(open(OLD_DOCS / "catalog.csv", encoding="utf-8", newline="")))
    if list(rows[0].keys()) != old_cols:
        errs.append(f"catalog columns {list(rows[0].keys())} differ from {old_cols}")
    ids = [r["id"] for r in rows]
    if sorted(ids) != sorted(texts):
        errs.append(f"catalog ids and .txt files differ: {sorted(set(ids) ^ set(texts))}")
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids in catalog")
    old_ids = set()
    for r in csv.DictReader(open(OLD_DOCS / "catalog.csv", encoding="utf-8", newline="")):
        m = re.search(r"id (.+?); CC BY", r["note"])
        if m:
            old_ids.add(m.group(1))
    old_texts = {p.read_text(encoding="utf-8") for p in OLD_DOCS.glob("*.txt")}
    for r in rows:
        if not ID_RE.match(r["id"]) or len(r["id"]) > 50:
            errs.append(f"bad id {r['id']!r}")
        m = re.search(r"id (.+?); CC BY", r["note"])
        if not m:
            errs.append(f"{r['id']}: no SmartData id in note")
        elif m.group(1) in old_ids:
            errs.append(f"{r['id']}: SmartData id already in tests/gold/smartdata")
        elif not m.group(1).startswith(r["url"] + "@"):
            errs.append(f"{r['id']}: url does not match the SmartData id")
        if texts.get(r["id"]) in old_texts:
            errs.append(f"{r['id']}: text already in tests/gold/smartdata")
        if r["title"] or r["published"]:
            errs.append(f"{r['id']}: title and published must be empty")
    return errs


def main(argv: list[str], docs: Path = DOCS, keys: Path = HERE, catalog=None) -> int:
    """Check the key files in ``keys`` against the documents in ``docs``; ``catalog``: the catalog
    check (texts -> errors), by default this set's (another blind key passes its own)."""
    quiet = "--quiet" in argv
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))}
    n_errors = 0
    for e in (catalog or check_catalog)(texts):
        print(f"catalog.csv: {e}")
        n_errors += 1
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for name in FIELDS:
        seen = set()
        for lineno, line in enumerate((keys / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{name}:{lineno}: bad JSON: {exc}")
                n_errors += 1
                continue
            errs = check_row(name, row, texts)
            key = (row.get("article"), row.get("surface"), row.get("occurrence"), (row.get("entity") or "").casefold())
            if key in seen:
                errs.append("duplicate row (article, surface, occurrence, entity)")
            seen.add(key)
            for e in errs:
                print(f"{name}:{lineno}: {row.get('article')}: {e}")
            n_errors += len(errs)
            counts[row.get("article")][name]["optional" if row.get("optional") else "required"] += 1
    if not quiet:
        print(f"{'document':50} {'money':>9} {'moves':>9} {'changes':>9}   (required/optional)")
        for art in sorted(texts):
            cells = [f"{counts[art][n]['required']}/{counts[art][n]['optional']}" for n in FIELDS]
            print(f"{art[:50]:50} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9}")
    for n in FIELDS:
        tot = Counter()
        for art in counts:
            tot.update(counts[art][n])
        covered = sum(1 for a in counts if sum(counts[a][n].values()))
        req_docs = sum(1 for a in counts if counts[a][n]["required"])
        print(f"{n}: {tot['required']} required, {tot['optional']} optional rows in {covered} documents "
              f"({req_docs} with required rows)")
    print(f"{len(texts)} documents, {n_errors} errors")
    return 1 if n_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
