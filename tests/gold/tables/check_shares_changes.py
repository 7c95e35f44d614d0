"""Check the adoption and changes keys against their documents (stdlib only).

Every row's `surface` must occur at least `occurrence` times in its article, fields and enums
must be valid, and each change row must state a value (change_pct, change_abs with a unit,
change_factor) or both levels (from, to); to-only rows must be optional. Prints counts.

    python3 tests/gold/tables/check_shares_changes.py
    python3 tests/gold/tables/check_shares_changes.py --quiet   # errors only
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOC_DIRS = [HERE.parent / "smartdata", HERE.parent / "surveys"]

COMMON = {"article", "surface", "occurrence", "optional", "note"}
ADOPTION = COMMON | {"group", "subject", "region", "period", "low", "high", "qualifier", "restates"}
CHANGES = COMMON | {"entity", "aliases", "measure", "change_pct", "change_abs", "unit", "change_factor",
                    "period", "from", "to", "level_unit", "qualifier"}
QUALIFIERS = {None, "approx", "more_than", "less_than", "up_to"}
MEASURES = {"revenue", "profit", "loss", "orders", "sales_volume", "employment", "unemployment", "prices",
            "exports", "production", "market_share", "users", "dividend", "gdp", "wages", "costs",
            "passengers", "other"}


def load_texts() -> dict[str, str]:
    """Map article id (file name without .txt) to its text, for all key documents."""
    texts = {}
    for d in DOC_DIRS:
        for p in sorted(d.glob("*.txt")):
            texts[p.stem] = p.read_text(encoding="utf-8")
    return texts


def span_start(text: str, surface: str, occurrence: int) -> int:
    """Start of the `occurrence`-th (from 1) match of `surface`, counting overlapping matches like str.count does not."""
    at = -1
    for _ in range(occurrence):
        at = text.find(surface, at + 1)
    return at


def inside_number(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins or ends in the middle of a longer number ('6 Prozent' in '6,6 Prozent')."""
    before = text[max(0, start - 2):start]
    if text[start].isdigit() and before:
        if before[-1].isdigit() or (len(before) == 2 and before[-1] in ",." and before[0].isdigit()):
            return True
    if text[end - 1].isdigit() and end < len(text):
        nxt = text[end:end + 2]
        if nxt[0].isdigit() or (len(nxt) == 2 and nxt[0] in ",." and nxt[1].isdigit()):
            return True
    return False


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _opt_num(v) -> bool:
    return v is None or _num(v)


def check_common(row: dict, where: str, texts: dict[str, str], errors: list[str]) -> None:
    """Article exists, surface occurs `occurrence` times, optional is a bool."""
    art = row.get("article")
    if art not in texts:
        errors.append(f"{where}: unknown article {art!r}")
        return
    surf, occ = row.get("surface"), row.get("occurrence")
    if not isinstance(surf, str) or not surf:
        errors.append(f"{where}: surface must be a non-empty string")
    elif not isinstance(occ, int) or occ < 1:
        errors.append(f"{where}: occurrence must be an int >= 1")
    elif texts[art].count(surf) < occ:
        errors.append(f"{where}: surface {surf!r} occurs {texts[art].count(surf)}x in {art}, occurrence {occ}")
    else:
        at = span_start(texts[art], surf, occ)
        if inside_number(texts[art], at, at + len(surf)):
            errors.append(f"{where}: occurrence {occ} of {surf!r} is part of a longer number: "
                          f"{texts[art][max(0, at - 12):at + len(surf) + 12]!r}")
    if not isinstance(row.get("optional"), bool):
        errors.append(f"{where}: optional must be true/false")
    if row.get("qualifier") not in QUALIFIERS:
        errors.append(f"{where}: bad qualifier {row.get('qualifier')!r}")


def check_adoption(row: dict, where: str, texts: dict[str, str], errors: list[str]) -> None:
    if set(row) != ADOPTION:
        errors.append(f"{where}: fields differ: missing {sorted(ADOPTION - set(row))}, extra {sorted(set(row) - ADOPTION)}")
        return
    check_common(row, where, texts, errors)
    for f in ("group", "subject"):
        if not isinstance(row[f], str) or not row[f]:
            errors.append(f"{where}: {f} must be a non-empty string")
    lo, hi = row["low"], row["high"]
    if not _num(lo) or not _opt_num(hi) or not 0 <= lo <= 100 or (hi is not None and not lo <= hi <= 100):
        errors.append(f"{where}: low/high must be percents with 0 <= low <= high <= 100 (got {lo}, {hi})")
    r = row["restates"]
    if r is not None and (row["article"] not in texts or r not in texts[row["article"]]):
        errors.append(f"{where}: restates {r!r} not found in the article")


def check_change(row: dict, where: str, texts: dict[str, str], errors: list[str]) -> None:
    if set(row) != CHANGES:
        errors.append(f"{where}: fields differ: missing {sorted(CHANGES - set(row))}, extra {sorted(set(row) - CHANGES)}")
        return
    check_common(row, where, texts, errors)
    if row["entity"] is not None and (not isinstance(row["entity"], str) or not row["entity"]):
        errors.append(f"{where}: entity must be a name or null")
    if not isinstance(row["aliases"], list) or not all(isinstance(x, str) for x in row["aliases"]):
        errors.append(f"{where}: aliases must be a list of strings")
    elif row["article"] in texts:
        low = texts[row["article"]].lower()
        for alias in row["aliases"]:
            if alias.lower() not in low:
                errors.append(f"{where}: alias {alias!r} is not a name the article uses")
    if row["measure"] not in MEASURES:
        errors.append(f"{where}: bad measure {row['measure']!r}")
    for f in ("change_pct", "change_abs", "change_factor", "from", "to"):
        if not _opt_num(row[f]):
            errors.append(f"{where}: {f} must be a number or null")
    stated = [f for f in ("change_pct", "change_abs", "change_factor") if row[f] is not None]
    if len(stated) > 1:
        errors.append(f"{where}: more than one of change_pct/change_abs/change_factor")
    if (row["change_abs"] is None) != (row["unit"] is None):
        errors.append(f"{where}: unit goes with change_abs (and only with it)")
    if row["change_factor"] is not None and row["change_factor"] <= 0:
        errors.append(f"{where}: change_factor must be positive")
    if not stated:
        if row["to"] is None:
            errors.append(f"{where}: no change value and no level")
        elif row["from"] is None and not row["optional"]:
            errors.append(f"{where}: a row with only the new level must be optional")
    if (row["from"] is not None or row["to"] is not None) and not row["level_unit"]:
        errors.append(f"{where}: levels need a level_unit")
    # signs agree with the levels where both are given
    if stated and row["from"] is not None and row["to"] is not None and row["from"] != row["to"]:
        v = row[stated[0]]
        up = row["to"] > row["from"]
        if stated[0] == "change_factor":
            ok = (v > 1) == up
        else:
            ok = (v > 0) == up
        if not ok:
            errors.append(f"{where}: sign of {stated[0]} disagrees with from {row['from']} -> to {row['to']}")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    texts = load_texts()
    errors: list[str] = []
    for name, check in (("adoption.jsonl", check_adoption), ("changes.jsonl", check_change)):
        path = HERE / name
        rows = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{i}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            check(row, where, texts, errors)
            rows.append(row)
        seen = {}
        for i, r in enumerate(rows):
            k = (r.get("article"), r.get("surface"), r.get("occurrence"), r.get("change_pct"), r.get("change_abs"),
                 r.get("low"))
            if k in seen:
                errors.append(f"{name}: rows {seen[k] + 1} and {i + 1} are duplicates")
            seen[k] = i
        if not quiet:
            for label, pre in (("smartdata", "sd"), ("surveys", "")):
                sub = [r for r in rows if str(r.get("article", "")).startswith("sd") == (pre == "sd")]
                req = sum(not r.get("optional") for r in sub)
                docs = len({r.get("article") for r in sub})
                print(f"{name:15s} {label:10s} rows {len(sub):4d}  required {req:4d}  optional {len(sub) - req:4d}  "
                      f"documents with rows {docs}")
    if not quiet:
        sd = sorted(a for a in texts if a.startswith("sd"))
        used = set()
        for name in ("adoption.jsonl", "changes.jsonl"):
            used |= {json.loads(x)["article"] for x in (HERE / name).read_text(encoding="utf-8").splitlines() if x.strip()}
        print(f"smartdata documents read: {len(sd)}, with rows: {len([a for a in sd if a in used])}, "
              f"without rows (nothing to annotate): {len([a for a in sd if a not in used])}")
        print(f"survey documents: {len([a for a in texts if not a.startswith('sd')])}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if not quiet:
        print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
