"""Check the blind table keys of tests/gold/tables_market78 against the texts of tests/gold/market78 (stdlib only).

Adapted from tables_market26/check_keys.py (one self-contained script) with market78's names, frozen-text prefixes,
expected counts and the brief's limits:

- catalog.csv: the market26 columns, one row per text, ids `m78_NN_slug`, title = first line of the text,
  publisher marked "(fictional)", a March or April 2027 date, language `de`, the set's note; texts of 1,800 to
  4,000 characters, no non-breaking spaces and no tabs, each text's sha256 starting with its TEXT_SHA256 prefix
  (the texts were frozen before any key row was written);
- every row of money.jsonl, stock_moves.jsonl, changes.jsonl and adoption.jsonl: exactly the fields of its
  table, a known article, a surface that occurs at least `occurrence` times (overlapping matches, counted like
  `str.find` from the previous hit + 1) and whose chosen occurrence is not part of a longer number, valid enums
  and types, aliases that the article uses, `stated_for` / `restates` surfaces that occur in the article;
- money and stock-move rows without an owner (entity null) must be optional;
- change rows state one of change_pct / change_abs (with a unit) / change_factor, or both levels; a row with only
  the new level must be optional; signs agree with the levels; levels need a level_unit;
- no duplicate rows; at least MINIMUM_REQUIRED required rows per key file in total (the brief's floors: money 100,
  stock moves 35, changes 90, adoption 20); per document, exactly the (required, optional) counts of EXPECTED.

    python3 tests/gold/tables_market78/check_keys.py              # counts and errors
    python3 tests/gold/tables_market78/check_keys.py --quiet      # errors only
    python3 tests/gold/tables_market78/check_keys.py --uncovered  # also list numbers no row covers
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "market78"
SET = "market78"
ID_RE = re.compile(r"^m78_\d\d_[a-z0-9_-]+$")
NOTE = "written for the explore project (blind key, market78)"
CATALOG_COLUMNS = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]
MIN_CHARS, MAX_CHARS = 1800, 4000  # characters (the brief's limits), not bytes
MINIMUM_REQUIRED = {"money": 100, "stock_moves": 35, "changes": 90, "adoption": 20}  # the brief's floors
TEXT_SHA256 = {  # first 12 hex digits of each frozen text's sha256 (texts frozen before any key row was written)
    "m78_01_berlin_landesunternehmen": "016d2fd8056f",
    "m78_02_swm_mvg": "feeaf7b48dd2",
    "m78_03_wiener_stadtwerke": "d0f715cd8eec",
    "m78_04_deutschlandticket": "7421df85c376",
    "m78_05_deutsche_bahn": "b102b6ad4a34",
    "m78_06_flix_transdev": "6349d5acdfcd",
    "m78_07_schweiz_service_public": "4c2e96dadea0",
    "m78_08_stadtwerke_bilanzen": "5a8e95fa6631",
    "m78_09_flughaefen": "b02090147be6",
    "m78_10_boersen_versorger_flughaefen": "3f44801d0737",
    "m78_11_pendler_umfrage": "cef807075e2a",
    "m78_12_destatis_oepnv": "ccf4cca38b82",
}
EXPECTED = {  # (required, optional) rows per document and key file: money, stock_moves, changes, adoption
    "m78_01_berlin_landesunternehmen": ((14, 3), (0, 0), (11, 1), (0, 0)),
    "m78_02_swm_mvg": ((10, 2), (0, 0), (10, 2), (0, 0)),
    "m78_03_wiener_stadtwerke": ((13, 3), (2, 0), (12, 0), (1, 0)),
    "m78_04_deutschlandticket": ((3, 6), (0, 0), (2, 5), (3, 0)),
    "m78_05_deutsche_bahn": ((17, 0), (0, 0), (8, 3), (0, 0)),
    "m78_06_flix_transdev": ((12, 0), (0, 0), (9, 0), (0, 0)),
    "m78_07_schweiz_service_public": ((14, 5), (2, 0), (10, 2), (0, 0)),
    "m78_08_stadtwerke_bilanzen": ((17, 1), (0, 0), (11, 0), (0, 0)),
    "m78_09_flughaefen": ((18, 1), (5, 0), (10, 1), (0, 0)),
    "m78_10_boersen_versorger_flughaefen": ((9, 1), (27, 0), (3, 2), (0, 0)),
    "m78_11_pendler_umfrage": ((0, 1), (0, 0), (0, 3), (19, 2)),
    "m78_12_destatis_oepnv": ((0, 1), (0, 0), (17, 1), (0, 0)),
}

COMMON = ["article", "surface", "occurrence"]
FIELDS = {
    "money": COMMON + ["entity", "aliases", "value", "currency", "measure", "period", "stated_for", "optional", "note"],
    "stock_moves": COMMON + ["entity", "aliases", "change_pct", "change_points", "period", "optional", "note"],
    "changes": COMMON + ["entity", "aliases", "measure", "change_pct", "change_abs", "unit", "change_factor", "period",
                         "from", "to", "level_unit", "qualifier", "optional", "note"],
    "adoption": COMMON + ["group", "subject", "region", "period", "low", "high", "qualifier", "restates", "optional",
                          "note"],
}
MONEY_MEASURES = {"revenue", "profit", "loss", "orders", "dividend", "share_price", "price_target", "buyback", "fine",
                  "investment", "funding", "budget", "campaign", "valuation", "other"}
CURRENCIES = {"EUR", "USD", "CHF", "CNY", "HKD", "GBP", "JPY", "DKK", "SEK", "NOK"}
MOVE_PERIODS = {"1d", "intraday", "after-hours", "wtd", "7d", "ytd", "12m", "other"}
CHANGE_MEASURES = {"revenue", "profit", "loss", "orders", "sales_volume", "employment", "unemployment", "prices",
                   "exports", "production", "market_share", "users", "dividend", "gdp", "wages", "costs",
                   "passengers", "other"}
QUALIFIERS = {None, "approx", "more_than", "less_than", "up_to"}
DUP_KEYS = {
    "money": ("article", "surface", "occurrence", "entity", "value"),
    "stock_moves": ("article", "surface", "occurrence", "entity", "period"),
    "changes": ("article", "surface", "occurrence", "entity", "change_pct", "change_abs", "change_factor", "from",
                "to"),
    "adoption": ("article", "surface", "occurrence", "group", "low"),
}


def span_start(text: str, surface: str, occurrence: int) -> int:
    """Start of the `occurrence`-th (from 1) match of `surface`, overlapping matches counted; -1 if missing."""
    at = -1
    for _ in range(occurrence):
        at = text.find(surface, at + 1)
        if at < 0:
            return -1
    return at


def count_overlapping(text: str, surface: str) -> int:
    n, at = 0, -1
    while True:
        at = text.find(surface, at + 1)
        if at < 0:
            return n
        n += 1


def inside_number(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins or ends inside a longer number ('6 Prozent' in '0,6 Prozent')."""
    before = text[max(0, start - 2):start]
    if text[start].isdigit() and before:
        if before[-1].isdigit() or (len(before) == 2 and before[-1] in ",.'" and before[0].isdigit()):
            return True
    if text[end - 1].isdigit() and end < len(text):
        nxt = text[end:end + 2]
        if nxt[0].isdigit() or (len(nxt) == 2 and nxt[0] in ",.'" and nxt[1].isdigit()):
            return True
    return False


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _opt_num(v) -> bool:
    return v is None or _num(v)


def _opt_str(v) -> bool:
    return v is None or (isinstance(v, str) and v != "")


def load_texts(errors: list[str]) -> dict[str, str]:
    texts = {}
    for p in sorted(DOCS.glob("*.txt")):
        raw = p.read_bytes()
        text = raw.decode("utf-8")
        texts[p.stem] = text
        if not ID_RE.match(p.stem):
            errors.append(f"{p.name}: id does not match {ID_RE.pattern}")
        if not MIN_CHARS <= len(text) <= MAX_CHARS:
            errors.append(f"{p.name}: {len(text)} characters, expected {MIN_CHARS} to {MAX_CHARS}")
        if "\u00a0" in text:
            errors.append(f"{p.name}: contains a non-breaking space")
        if "\t" in text:
            errors.append(f"{p.name}: contains a tab")
        digest = hashlib.sha256(raw).hexdigest()
        if p.stem not in TEXT_SHA256:
            errors.append(f"{p.name}: no frozen sha256 prefix in TEXT_SHA256")
        elif not digest.startswith(TEXT_SHA256[p.stem]):
            errors.append(f"{p.name}: sha256 {digest[:12]} differs from the frozen {TEXT_SHA256[p.stem]} (text changed)")
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
            errors.append(f"{p.name}: expected the title on line 1, then a blank line")
    if len(texts) != 12:
        errors.append(f"{DOCS}: {len(texts)} texts, expected 12")
    return texts


def check_catalog(texts: dict[str, str], errors: list[str]) -> None:
    path = DOCS / "catalog.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    if header != CATALOG_COLUMNS:
        errors.append(f"catalog.csv: header {header} != {CATALOG_COLUMNS}")
        return
    ids = []
    for i, values in enumerate(rows, 2):
        row = dict(zip(header, values))
        where = f"catalog.csv:{i}"
        ids.append(row["id"])
        if row["id"] not in texts:
            errors.append(f"{where}: no text for id {row['id']!r}")
            continue
        if row["title"] != texts[row["id"]].split("\n", 1)[0]:
            errors.append(f"{where}: title differs from the text's first line")
        if not row["publisher"].endswith("(fictional)"):
            errors.append(f"{where}: publisher must be marked (fictional)")
        if not re.fullmatch(r"2027-0[34]-(0[1-9]|[12]\d|3[01])", row["published"]):
            errors.append(f"{where}: published {row['published']!r} is not a March or April 2027 date")
        if row["published_inferred"] != "false" or row["language"] != "de" or row["url"] != "":
            errors.append(f"{where}: published_inferred/language/url must be false/de/empty")
        if row["note"] != NOTE:
            errors.append(f"{where}: note must be {NOTE!r}")
    if sorted(ids) != sorted(texts) or len(ids) != len(set(ids)):
        errors.append("catalog.csv: ids do not list every text exactly once")


def check_surface(row: dict, where: str, texts: dict[str, str], errors: list[str]) -> None:
    art, surf, occ = row["article"], row["surface"], row["occurrence"]
    if art not in texts:
        errors.append(f"{where}: unknown article {art!r}")
        return
    if not isinstance(surf, str) or not surf:
        errors.append(f"{where}: surface must be a non-empty string")
        return
    if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
        errors.append(f"{where}: occurrence must be an int >= 1")
        return
    text = texts[art]
    at = span_start(text, surf, occ)
    if at < 0:
        errors.append(f"{where}: surface {surf!r} occurs {count_overlapping(text, surf)}x in {art}, occurrence {occ}")
    elif inside_number(text, at, at + len(surf)):
        errors.append(f"{where}: occurrence {occ} of {surf!r} is part of a longer number: "
                      f"{text[max(0, at - 12):at + len(surf) + 12]!r}")


def check_entity(row: dict, where: str, texts: dict[str, str], errors: list[str], null_needs_optional: bool) -> None:
    ent = row["entity"]
    if not _opt_str(ent):
        errors.append(f"{where}: entity must be a name or null")
    if ent is None and null_needs_optional and row["optional"] is not True:
        errors.append(f"{where}: a row without an owner must be optional")
    aliases = row["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(x, str) and x for x in aliases):
        errors.append(f"{where}: aliases must be a list of names")
    elif row["article"] in texts:
        low = texts[row["article"]].lower()
        for alias in aliases:
            if alias.lower() not in low:
                errors.append(f"{where}: alias {alias!r} is not a name the article uses")


def check_row(table: str, row: dict, where: str, texts: dict[str, str], errors: list[str]) -> None:
    if list(row) != FIELDS[table]:
        missing = sorted(set(FIELDS[table]) - set(row))
        extra = sorted(set(row) - set(FIELDS[table]))
        errors.append(f"{where}: fields differ (missing {missing}, extra {extra}, or another order)")
        return
    check_surface(row, where, texts, errors)
    if not isinstance(row["optional"], bool):
        errors.append(f"{where}: optional must be true/false")
    if not isinstance(row["note"], str):
        errors.append(f"{where}: note must be a string")
    text = texts.get(row["article"], "")
    if table == "money":
        check_entity(row, where, texts, errors, null_needs_optional=True)
        if not _num(row["value"]) or row["value"] <= 0:
            errors.append(f"{where}: value must be a positive number")
        if row["currency"] not in CURRENCIES:
            errors.append(f"{where}: bad currency {row['currency']!r}")
        if row["measure"] not in MONEY_MEASURES:
            errors.append(f"{where}: bad measure {row['measure']!r}")
        if not _opt_str(row["period"]):
            errors.append(f"{where}: period must be a string or null")
        sf = row["stated_for"]
        if sf is not None and (not isinstance(sf, str) or sf not in text):
            errors.append(f"{where}: stated_for {sf!r} is not in the article")
    elif table == "stock_moves":
        check_entity(row, where, texts, errors, null_needs_optional=True)
        if not _num(row["change_pct"]) or row["change_pct"] == 0:
            errors.append(f"{where}: change_pct must be a signed, non-zero number")
        pts = row["change_points"]
        if not _opt_num(pts):
            errors.append(f"{where}: change_points must be a number or null")
        elif pts is not None and _num(row["change_pct"]) and (pts > 0) != (row["change_pct"] > 0):
            errors.append(f"{where}: change_points and change_pct disagree in sign")
        if row["period"] not in MOVE_PERIODS:
            errors.append(f"{where}: bad period {row['period']!r}")
    elif table == "changes":
        check_entity(row, where, texts, errors, null_needs_optional=False)
        if row["measure"] not in CHANGE_MEASURES:
            errors.append(f"{where}: bad measure {row['measure']!r}")
        if row["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier {row['qualifier']!r}")
        for f in ("change_pct", "change_abs", "change_factor", "from", "to"):
            if not _opt_num(row[f]):
                errors.append(f"{where}: {f} must be a number or null")
                return
        if not _opt_str(row["period"]):
            errors.append(f"{where}: period must be a string or null")
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
        if (row["from"] is not None or row["to"] is not None) != bool(row["level_unit"]):
            errors.append(f"{where}: level_unit goes with from/to (and only with them)")
        if stated and row["from"] is not None and row["to"] is not None and row["from"] != row["to"]:
            v, up = row[stated[0]], row["to"] > row["from"]
            if ((v > 1) if stated[0] == "change_factor" else (v > 0)) != up:
                errors.append(f"{where}: sign of {stated[0]} disagrees with from {row['from']} -> to {row['to']}")
    elif table == "adoption":
        for f in ("group", "subject"):
            if not isinstance(row[f], str) or not row[f]:
                errors.append(f"{where}: {f} must be a non-empty string")
        for f in ("region", "period"):
            if not _opt_str(row[f]):
                errors.append(f"{where}: {f} must be a string or null")
        if row["qualifier"] not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier {row['qualifier']!r}")
        lo, hi = row["low"], row["high"]
        if not _num(lo) or not _opt_num(hi) or not 0 <= lo <= 100 or (hi is not None and not lo <= hi <= 100):
            errors.append(f"{where}: low/high must be percents with 0 <= low <= high <= 100 (got {lo}, {hi})")
        r = row["restates"]
        if r is not None:
            if not isinstance(r, str) or r not in text:
                errors.append(f"{where}: restates {r!r} not found in the article")
            elif not row["optional"]:
                errors.append(f"{where}: a restating fraction must be optional")


NUMBER_RE = re.compile(r"\d+(?:[.,']\d+)*|\b(?:ein|eine|zwei|drei|vier|sieben|jede[rs]?)\s+(?:Drittel|Viertel|Fünftel|"
                       r"Hälfte|Zehnte|Dritte|Vierte|Fünfte|zweite|zwölfte|von zehn|von vier|von fünf)\b|Hälfte|doppelt|"
                       r"verdoppel\w*|verdreifach\w*|Dreifache|\bhalb\w*|\b(?:eine[rn]?|zwei|drei)\s+(?:Milliarde\w*|"
                       r"Minuten)", re.IGNORECASE)


def uncovered(texts: dict[str, str], all_rows: dict[str, list[dict]]) -> None:
    """Print the numbers and share or multiple words of each text that no row's surface covers."""
    spans: dict[str, list[tuple[int, int]]] = {a: [] for a in texts}
    for rows in all_rows.values():
        for r in rows:
            if r.get("article") in texts and isinstance(r.get("surface"), str):
                at = span_start(texts[r["article"]], r["surface"], r.get("occurrence", 1))
                if at >= 0:
                    spans[r["article"]].append((at, at + len(r["surface"])))
    for art, text in sorted(texts.items()):
        left = []
        for m in NUMBER_RE.finditer(text):
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in spans[art]):
                left.append(m.group(0))
        print(f"{art}: not covered: {', '.join(left)}")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    errors: list[str] = []
    texts = load_texts(errors)
    check_catalog(texts, errors)
    all_rows: dict[str, list[dict]] = {}
    for table in FIELDS:
        path = HERE / f"{table}.jsonl"
        rows = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{table}.jsonl:{i}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            if not isinstance(row, dict):
                errors.append(f"{where}: not a JSON object")
                continue
            check_row(table, row, where, texts, errors)
            rows.append(row)
        seen: dict[tuple, int] = {}
        for i, r in enumerate(rows, 1):
            key = tuple(json.dumps(r.get(k), sort_keys=True) for k in DUP_KEYS[table])
            if key in seen:
                errors.append(f"{table}.jsonl: rows {seen[key]} and {i} are duplicates")
            seen[key] = i
        all_rows[table] = rows
        required = sum(r.get("optional") is False for r in rows)
        if required < MINIMUM_REQUIRED[table]:
            errors.append(f"{table}.jsonl: {required} required rows, expected at least {MINIMUM_REQUIRED[table]}")

    tables = list(FIELDS)
    for art in sorted(set(texts) | set(EXPECTED)):
        want = EXPECTED.get(art)
        if want is None:
            errors.append(f"{art}: not in EXPECTED")
            continue
        for table, (req, opt) in zip(tables, want):
            sub = [r for r in all_rows.get(table, []) if r.get("article") == art]
            got = (sum(r.get("optional") is False for r in sub), sum(r.get("optional") is True for r in sub))
            if got != (req, opt):
                errors.append(f"{art}: {table} has {got[0]} required / {got[1]} optional rows, expected {req} / {opt}")

    if not quiet:
        print(f"{SET}: {len(texts)} texts")
        print(f"{'key file':20s} {'rows':>5s} {'required':>9s} {'optional':>9s} {'documents (with required)':>26s}")
        for table, rows in all_rows.items():
            req = [r for r in rows if r.get("optional") is False]
            docs = len({r.get("article") for r in rows})
            rdocs = len({r.get("article") for r in req})
            print(f"{table + '.jsonl':20s} {len(rows):5d} {len(req):9d} {len(rows) - len(req):9d} "
                  f"{docs:20d} ({rdocs})")
        print()
        print(f"{'document':34s} " + " ".join(f"{t:>12s}" for t in all_rows))
        for art in sorted(texts):
            cells = []
            for table, rows in all_rows.items():
                sub = [r for r in rows if r.get("article") == art]
                req = sum(r.get("optional") is False for r in sub)
                cells.append(f"{req}/{len(sub) - req}")
            print(f"{art:34s} " + " ".join(f"{c:>12s}" for c in cells))
        moves = [r for r in all_rows["stock_moves"] if r.get("optional") is False]
        money = [r for r in all_rows["money"] if r.get("optional") is False]
        changes = [r for r in all_rows["changes"] if r.get("optional") is False]
        print()
        print("moves by period (required):", dict(Counter(r.get("period") for r in moves).most_common()))
        print("money by currency (required):", dict(Counter(r.get("currency") for r in money).most_common()))
        print("money by measure (required):", dict(Counter(r.get("measure") for r in money).most_common()))
        form = Counter("change_pct" if r.get("change_pct") is not None else "change_abs" if r.get("change_abs")
                       is not None else "change_factor" if r.get("change_factor") is not None else "levels"
                       for r in changes)
        print("changes by form (required):", dict(form.most_common()))
        print("changes by measure (required):", dict(Counter(r.get("measure") for r in changes).most_common()))
    if "--uncovered" in argv:
        uncovered(texts, all_rows)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if not quiet:
        print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
