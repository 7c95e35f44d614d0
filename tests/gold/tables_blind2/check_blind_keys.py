"""Check the blind table keys (money, stock moves, changes) against tests/gold/smartdata3 (stdlib only).

The row rules and the report of the first blind key's checker (tests/gold/tables_blind/
check_blind_keys.py, which calls tests/gold/tables/check_keys.py and check_shares_changes.py),
with this set's catalog check:

- every row's ``surface`` occurs at least ``occurrence`` times in its article, and the chosen
  occurrence does not start or end inside a longer number ("6 Prozent" in "6,6 Prozent");
- the fields of FORMAT.md are present (and no others), enums and types are valid;
- a row without an entity is optional; a printed conversion's ``stated_for`` is in the article;
- a change row states a value (change_pct, change_abs with a unit, change_factor) or both levels;
  a row with only the new level (``to``) is optional;
- no duplicate (article, surface, occurrence, entity) rows;
- the catalog lists exactly the .txt files, ids are lowercase ascii and at most 50 characters, and
  no document repeats a document of tests/gold/smartdata or tests/gold/smartdata2 (by SmartData id, by
  the whole text or by its first 200 characters), nor any SmartData id named in any
  tests/gold/*/catalog.csv; no two documents of the set share a text; the url is the id's URL (for a
  tweet, whose id is a number, the tweet's status address).

Prints per-document counts (required/optional) and exits non-zero on any error.

    python3 tests/gold/tables_blind2/check_blind_keys.py
    python3 tests/gold/tables_blind2/check_blind_keys.py --quiet
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "smartdata3"
OLD_DOCS = (HERE.parent / "smartdata", HERE.parent / "smartdata2")
ID_RE = re.compile(r"^s3_\d\d_[a-z0-9-]+$")
SD_ID = re.compile(r"id (.+?); CC BY")

# the first blind key's checker, loaded under its own name (both files are called check_blind_keys)
_spec = importlib.util.spec_from_file_location("check_blind_keys_1",
                                               HERE.parent / "tables_blind" / "check_blind_keys.py")
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)


def check_catalog(texts: dict[str, str]) -> list[str]:
    errs = []
    rows = list(csv.DictReader(open(DOCS / "catalog.csv", encoding="utf-8", newline="")))
    old_cols = next(csv.reader(open(OLD_DOCS[-1] / "catalog.csv", encoding="utf-8", newline="")))
    if list(rows[0].keys()) != old_cols:
        errs.append(f"catalog columns {list(rows[0].keys())} differ from {old_cols}")
    ids = [r["id"] for r in rows]
    if sorted(ids) != sorted(texts):
        errs.append(f"catalog ids and .txt files differ: {sorted(set(ids) ^ set(texts))}")
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids in catalog")
    used_ids = set()                     # SmartData ids named in any catalog of tests/gold but this one
    for cat in sorted(HERE.parent.glob("*/catalog.csv")):
        if cat.parent == DOCS:
            continue
        for r in csv.DictReader(open(cat, encoding="utf-8", newline="")):
            for m in SD_ID.finditer(r.get("note") or ""):
                used_ids.add(m.group(1))
    old_texts, old_heads = set(), set()
    for d in OLD_DOCS:
        for p in d.glob("*.txt"):
            t = p.read_text(encoding="utf-8")
            old_texts.add(t)
            old_heads.add(t[:200])
    seen_texts: dict[str, str] = {}
    for r in rows:
        if not ID_RE.match(r["id"]) or len(r["id"]) > 50:
            errs.append(f"bad id {r['id']!r}")
        m = SD_ID.search(r["note"])
        if not m:
            errs.append(f"{r['id']}: no SmartData id in note")
        elif m.group(1) in used_ids:
            errs.append(f"{r['id']}: SmartData id already in a catalog of tests/gold")
        elif re.fullmatch(r"\d+", m.group(1)):
            if r["url"] != f"https://twitter.com/i/web/status/{m.group(1)}":
                errs.append(f"{r['id']}: url is not the tweet's status address")
        elif not m.group(1).startswith(r["url"] + "@"):
            errs.append(f"{r['id']}: url does not match the SmartData id")
        text = texts.get(r["id"])
        if text is not None:
            if text in old_texts or text[:200] in old_heads:
                errs.append(f"{r['id']}: text already in tests/gold/smartdata or smartdata2")
            if text in seen_texts:
                errs.append(f"{r['id']}: same text as {seen_texts[text]}")
            seen_texts[text] = r["id"]
        if r["title"] or r["published"]:
            errs.append(f"{r['id']}: title and published must be empty")
    return errs


def main(argv: list[str]) -> int:
    return first.main(argv, docs=DOCS, keys=HERE, catalog=check_catalog)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
