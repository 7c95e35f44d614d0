"""Check the money and stock-move answer keys against their documents (stdlib only).

Every row's ``surface`` must occur at least ``occurrence`` times in its article, the fields
and enums of FORMAT.md must be valid, and a printed conversion's ``stated_for`` must occur
in the same article. Prints per-document counts (required/optional) and exits non-zero on
any error, naming the key file and line.

Example::

    python3 tests/gold/tables/check_keys.py
    python3 tests/gold/tables/check_keys.py --quiet
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = (HERE.parent / "smartdata", HERE.parent / "market")

MEASURES = {
    "revenue", "profit", "loss", "orders", "dividend", "share_price", "price_target",
    "buyback", "fine", "investment", "funding", "budget", "campaign", "valuation", "other",
}
PERIODS = {"1d", "intraday", "after-hours", "wtd", "7d", "ytd", "12m", "other"}
COMMON = {"article", "surface", "occurrence", "entity", "aliases", "optional", "note"}
FIELDS = {
    "money.jsonl": COMMON | {"value", "currency", "measure", "period", "stated_for"},
    "stock_moves.jsonl": COMMON | {"change_pct", "change_points", "period"},
}
CURRENCY = re.compile(r"^[A-Z]{3}$")


def load_articles() -> dict[str, str]:
    """Map each document id (file name without ``.txt``) to its text."""
    texts = {}
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.txt")):
            texts[path.stem] = path.read_text(encoding="utf-8")
    return texts


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_row(name: str, row: dict, texts: dict[str, str]) -> list[str]:
    """Return the problems of one key row (empty when it is valid)."""
    errs = []
    missing = FIELDS[name] - row.keys()
    extra = row.keys() - FIELDS[name]
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
    elif not isinstance(occ, int) or occ < 1:
        errs.append("occurrence must be an integer >= 1")
    elif text.count(surface) < occ:
        errs.append(f"surface {surface!r} occurs {text.count(surface)}x, occurrence {occ}")
    if not isinstance(row.get("optional"), bool):
        errs.append("optional must be true/false")
    if not isinstance(row.get("aliases"), list) or not all(isinstance(a, str) for a in row.get("aliases", [])):
        errs.append("aliases must be a list of strings")
    entity = row.get("entity")
    if entity is not None and (not isinstance(entity, str) or not entity.strip()):
        errs.append("entity must be a name or null")
    if entity is None and not row.get("optional"):
        errs.append("a row without an entity must be optional")
    if name == "money.jsonl":
        if not _is_number(row.get("value")) or row["value"] <= 0:
            errs.append("value must be a positive number")
        if not isinstance(row.get("currency"), str) or not CURRENCY.match(row["currency"]):
            errs.append(f"currency {row.get('currency')!r} is not an ISO 4217 code")
        if row.get("measure") not in MEASURES:
            errs.append(f"measure {row.get('measure')!r} not in {sorted(MEASURES)}")
        sf = row.get("stated_for")
        if sf is not None and sf not in text:
            errs.append(f"stated_for {sf!r} not in the article")
    else:
        if not _is_number(row.get("change_pct")):
            errs.append("change_pct must be a number")
        cp = row.get("change_points")
        if cp is not None and not _is_number(cp):
            errs.append("change_points must be a number or null")
        if row.get("period") not in PERIODS:
            errs.append(f"period {row.get('period')!r} not in {sorted(PERIODS)}")
    return errs


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    texts = load_articles()
    n_errors = 0
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for name in FIELDS:
        path = HERE / name
        seen = set()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path.name}:{lineno}: bad JSON: {exc}")
                n_errors += 1
                continue
            errs = check_row(name, row, texts)
            key = (row.get("article"), row.get("surface"), row.get("occurrence"),
                   (row.get("entity") or "").casefold())
            if key in seen:
                errs.append("duplicate row (article, surface, occurrence, entity)")
            seen.add(key)
            for e in errs:
                print(f"{path.name}:{lineno}: {row.get('article')}: {e}")
            n_errors += len(errs)
            kind = "optional" if row.get("optional") else "required"
            counts[row.get("article")][name][kind] += 1
    if not quiet:
        print(f"{'document':48} {'money req/opt':>14} {'moves req/opt':>14}")
        for art in sorted(texts):
            m, s = counts[art]["money.jsonl"], counts[art]["stock_moves.jsonl"]
            print(f"{art[:48]:48} {m['required']:>7}/{m['optional']:<6} {s['required']:>7}/{s['optional']:<6}")
    tot = {n: Counter() for n in FIELDS}
    for art in counts:
        for n in FIELDS:
            tot[n].update(counts[art][n])
    for n in FIELDS:
        covered = sum(1 for a in counts if sum(counts[a][n].values()))
        print(f"{n}: {tot[n]['required']} required, {tot[n]['optional']} optional rows in {covered} documents")
    print(f"{len(texts)} documents, {n_errors} errors")
    return 1 if n_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
