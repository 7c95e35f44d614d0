"""Check the blind table keys (money, stock moves, changes) against tests/gold/smartdata2 (stdlib only).

Ideas copied from tests/gold/tables/check_keys.py and check_shares_changes.py, written anew:

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

MONEY_MEASURES = {
    "revenue", "profit", "loss", "orders", "dividend", "share_price", "price_target",
    "buyback", "fine", "investment", "funding", "budget", "campaign", "valuation", "other",
}
CHANGE_MEASURES = {
    "revenue", "profit", "loss", "orders", "sales_volume", "employment", "unemployment", "prices",
    "exports", "production", "market_share", "users", "dividend", "gdp", "wages", "costs",
    "passengers", "other",
}
PERIODS = {"1d", "intraday", "after-hours", "wtd", "7d", "ytd", "12m", "other"}
QUALIFIERS = {None, "approx", "more_than", "less_than", "up_to"}
COMMON = {"article", "surface", "occurrence", "entity", "aliases", "optional", "note"}
FIELDS = {
    "money.jsonl": COMMON | {"value", "currency", "measure", "period", "stated_for"},
    "stock_moves.jsonl": COMMON | {"change_pct", "change_points", "period"},
    "changes.jsonl": COMMON | {"measure", "change_pct", "change_abs", "unit", "change_factor",
                               "period", "from", "to", "level_unit", "qualifier"},
}
ISO = re.compile(r"^[A-Z]{3}$")
ID_RE = re.compile(r"^s2_\d\d_[a-z0-9-]+$")


def num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def opt_num(x) -> bool:
    return x is None or num(x)


def span_start(text: str, surface: str, occurrence: int) -> int:
    """Start of the occurrence-th match of surface (counting as str.find steps through the text)."""
    at = -1
    for _ in range(occurrence):
        at = text.find(surface, at + 1)
        if at < 0:
            return -1
    return at


def inside_number(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins or ends in the middle of a longer number."""
    if text[start].isdigit() and start > 0:
        before = text[max(0, start - 2):start]
        if before[-1].isdigit() or (len(before) == 2 and before[-1] in ",." and before[0].isdigit()):
            return True
    if text[end - 1].isdigit() and end < len(text):
        nxt = text[end:end + 2]
        if nxt[0].isdigit() or (len(nxt) == 2 and nxt[0] in ",." and nxt[1].isdigit()):
            return True
    return False


def check_row(name: str, row: dict, texts: dict[str, str]) -> list[str]:
    errs = []
    missing, extra = FIELDS[name] - row.keys(), row.keys() - FIELDS[name]
    if missing:
        errs.append(f"missing fields {sorted(missing)}")
    if extra:
        errs.append(f"unknown fields {sorted(extra)}")
    text = texts.get(row.get("article"))
    if text is None:
        return errs + [f"no document {row.get('article')!r}"]
    surface, occ = row.get("surface"), row.get("occurrence")
    if not isinstance(surface, str) or not surface:
        errs.append("surface must be a non-empty string")
    elif not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
        errs.append("occurrence must be an integer >= 1")
    elif text.count(surface) < occ:
        errs.append(f"surface {surface!r} occurs {text.count(surface)}x, occurrence {occ}")
    else:
        at = span_start(text, surface, occ)
        if at < 0:
            errs.append(f"surface {surface!r}: occurrence {occ} not found")
        elif inside_number(text, at, at + len(surface)):
            errs.append(f"surface {surface!r} (occurrence {occ}) is part of a longer number")
    if not isinstance(row.get("optional"), bool):
        errs.append("optional must be true/false")
    aliases = row.get("aliases")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        errs.append("aliases must be a list of names")
    entity = row.get("entity")
    if entity is not None and (not isinstance(entity, str) or not entity.strip()):
        errs.append("entity must be a name or null")
    if entity is None and not row.get("optional"):
        errs.append("a row without an entity must be optional")
    if entity is None and aliases:
        errs.append("aliases without an entity")
    if not (row.get("note") is None or isinstance(row.get("note"), str)):
        errs.append("note must be text or null")

    if name == "money.jsonl":
        if not num(row.get("value")) or row["value"] <= 0:
            errs.append("value must be a positive number")
        if not isinstance(row.get("currency"), str) or not ISO.match(row["currency"]):
            errs.append(f"currency {row.get('currency')!r} is not an ISO 4217 code")
        if row.get("measure") not in MONEY_MEASURES:
            errs.append(f"measure {row.get('measure')!r} not allowed")
        if not (row.get("period") is None or isinstance(row.get("period"), str)):
            errs.append("period must be text or null")
        sf = row.get("stated_for")
        if sf is not None and (not isinstance(sf, str) or sf not in text):
            errs.append(f"stated_for {sf!r} not in the article")
    elif name == "stock_moves.jsonl":
        if not num(row.get("change_pct")):
            errs.append("change_pct must be a number")
        if not opt_num(row.get("change_points")):
            errs.append("change_points must be a number or null")
        if row.get("period") not in PERIODS:
            errs.append(f"period {row.get('period')!r} not in {sorted(PERIODS)}")
    else:
        if row.get("measure") not in CHANGE_MEASURES:
            errs.append(f"measure {row.get('measure')!r} not allowed")
        for f in ("change_pct", "change_abs", "change_factor", "from", "to"):
            if not opt_num(row.get(f)):
                errs.append(f"{f} must be a number or null")
        if row.get("qualifier") not in QUALIFIERS:
            errs.append(f"qualifier {row.get('qualifier')!r} not in {QUALIFIERS}")
        if row.get("change_abs") is not None and not row.get("unit"):
            errs.append("change_abs needs a unit")
        if row.get("change_abs") is None and row.get("unit") is not None:
            errs.append("unit without change_abs")
        if (row.get("from") is not None or row.get("to") is not None) and not row.get("level_unit"):
            errs.append("levels need a level_unit")
        has_value = any(row.get(f) is not None for f in ("change_pct", "change_abs", "change_factor"))
        has_levels = row.get("from") is not None and row.get("to") is not None
        if not (has_value or has_levels):
            if row.get("to") is not None:
                if not row.get("optional"):
                    errs.append("a row with only the new level must be optional")
            else:
                errs.append("no change value and no levels")
        if row.get("change_factor") is not None and row["change_factor"] <= 0:
            errs.append("change_factor must be positive")
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


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt"))}
    n_errors = 0
    for e in check_catalog(texts):
        print(f"catalog.csv: {e}")
        n_errors += 1
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for name in FIELDS:
        seen = set()
        for lineno, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
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
