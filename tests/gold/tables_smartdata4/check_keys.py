"""Check the blind table keys of tests/gold/tables_smartdata4 against the texts of tests/gold/smartdata4 (stdlib only).

Adapted from tests/gold/tables_market24/check_keys.py (rows: surfaces, occurrences, fields, enums, change and adoption
rules, duplicates, per-document counts) and tests/gold/tables_blind2/check_blind_keys.py (catalog of SmartData
documents), written as one self-contained script:

- catalog.csv: the columns of ../smartdata3/catalog.csv, one row per text, ids `s4_NN_slug` (lowercase ascii, at
  most 50 characters), title and published empty, language `de`, publisher given, a note naming the SmartData id,
  the split and CC BY 4.0; the url is the id's URL (for a tweet, whose id is a number, the tweet's status address);
- no document repeats one of ../smartdata/, ../smartdata2/ or ../smartdata3/ (by the whole text or its first 200
  characters), no SmartData id named in any other tests/gold/*/catalog.csv is used again, and no two documents of
  the set share a text or its first 200 characters;
- if the corpus is at /work/shared/data/smartdata/ (or $SMARTDATA_DIR): every text is verbatim one of the corpus's
  texts (`doc["text"]["string"]`) for its id, and the split named in the note is the split(s) the id is in;
- every row of money.jsonl, stock_moves.jsonl, changes.jsonl and adoption.jsonl: exactly the fields of its table
  (in the order of the earlier keys), a known article, a surface that occurs at least `occurrence` times (overlapping
  matches, counted like `str.find` from the previous hit + 1) and whose chosen occurrence is not part of a longer
  number, valid enums and types, aliases that the article uses, `stated_for` / `restates` surfaces that occur in
  the article;
- money and stock-move rows without an owner (entity null) must be optional;
- change rows state at most one of change_pct / change_abs (with a unit) / change_factor, or a level; a row with
  only the new level must be optional; signs agree with the levels; levels need a level_unit;
- adoption rows have percents with 0 <= low <= high <= 100; a restating fraction is optional;
- no duplicate rows.

    python3 tests/gold/tables_smartdata4/check_keys.py              # counts and errors
    python3 tests/gold/tables_smartdata4/check_keys.py --quiet      # errors only
    python3 tests/gold/tables_smartdata4/check_keys.py --uncovered  # also list numbers no row covers
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
DOCS = GOLD / "smartdata4"
OLD_DOCS = (GOLD / "smartdata", GOLD / "smartdata2", GOLD / "smartdata3")
SET = "smartdata4"
N_TEXTS = 30
ID_RE = re.compile(r"^s4_\d\d_[a-z0-9-]+$")
SD_ID = re.compile(r"id (.+?); CC BY 4\.0")
SPLIT_RE = re.compile(r"^DFKI SmartData corpus \((v3 test|v3 test; also in v1 train|v3 dev|v3 dev; also in v1 train|v1)\), ")
CORPUS = Path(os.environ.get("SMARTDATA_DIR", "/work/shared/data/smartdata"))
CORPUS_FILES = {"v1": "v1_20180119_train.json.gz", "v3 dev": "v3_20200302_dev.json.gz",
                "v3 test": "v3_20200302_test.json.gz"}

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
CURRENCIES = {"EUR", "USD", "CHF", "CNY", "HKD", "GBP", "JPY", "DKK", "SEK", "NOK", "AUD", "CAD"}
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
        texts[p.stem] = p.read_bytes().decode("utf-8")
        if not ID_RE.match(p.stem) or len(p.stem) > 50:
            errors.append(f"{p.name}: id does not match {ID_RE.pattern} (at most 50 characters)")
        if not texts[p.stem].strip():
            errors.append(f"{p.name}: empty text")
    if len(texts) != N_TEXTS:
        errors.append(f"{DOCS}: {len(texts)} texts, expected {N_TEXTS}")
    return texts


def load_corpus() -> dict[str, list[tuple[str, str]]] | None:
    """SmartData id -> [(split, text)], or None when the corpus files are not there."""
    if not all((CORPUS / f).exists() for f in CORPUS_FILES.values()):
        return None
    corpus: dict[str, list[tuple[str, str]]] = {}
    dec = json.JSONDecoder()
    for split, name in CORPUS_FILES.items():
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as f:
            s = f.read()
        i = 0
        while True:
            while i < len(s) and s[i].isspace():
                i += 1
            if i >= len(s):
                break
            doc, i = dec.raw_decode(s, i)
            corpus.setdefault(doc["id"], []).append((split, doc["text"]["string"]))
    return corpus


def check_catalog(texts: dict[str, str], errors: list[str], warnings: list[str]) -> Counter:
    with (DOCS / "catalog.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    with (OLD_DOCS[-1] / "catalog.csv").open(encoding="utf-8", newline="") as f:
        old_cols = next(csv.reader(f))
    if header != old_cols:
        errors.append(f"catalog.csv: columns {header} differ from {old_cols}")
        return Counter()
    ids = [r["id"] for r in rows]
    if sorted(ids) != sorted(texts) or len(ids) != len(set(ids)):
        errors.append(f"catalog.csv: ids do not list every text exactly once: {sorted(set(ids) ^ set(texts))}")
    used_ids = set()                     # SmartData ids named in any catalog of tests/gold but this one
    for cat in sorted(GOLD.glob("*/catalog.csv")):
        if cat.parent == DOCS:
            continue
        with cat.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                for m in SD_ID.finditer(r.get("note") or ""):
                    used_ids.add(m.group(1))
    old_texts, old_heads = set(), set()
    for d in OLD_DOCS:
        for p in d.glob("*.txt"):
            t = p.read_text(encoding="utf-8")
            old_texts.add(t)
            old_heads.add(t[:200])
    corpus = load_corpus()
    if corpus is None:
        warnings.append(f"corpus not found at {CORPUS}: texts not compared with the corpus")
    splits: Counter = Counter()
    seen_texts: dict[str, str] = {}
    seen_heads: dict[str, str] = {}
    sd_ids: dict[str, str] = {}
    for r in rows:
        rid = r["id"]
        where = f"catalog.csv {rid}"
        if r["title"] or r["published"] or r["published_inferred"]:
            errors.append(f"{where}: title, published and published_inferred must be empty")
        if r["language"] != "de" or not r["publisher"]:
            errors.append(f"{where}: language must be de and publisher given")
        m = SD_ID.search(r["note"])
        sm = SPLIT_RE.match(r["note"])
        if not m or not sm:
            errors.append(f"{where}: note must name the split and the SmartData id ('DFKI SmartData corpus (...), id "
                          f"...; CC BY 4.0; ...')")
            continue
        sd = m.group(1)
        splits[sm.group(1)] += 1
        if sd in used_ids:
            errors.append(f"{where}: SmartData id already in a catalog of tests/gold")
        if sd in sd_ids:
            errors.append(f"{where}: SmartData id also used by {sd_ids[sd]}")
        sd_ids[sd] = rid
        if re.fullmatch(r"\d+", sd):
            if r["url"] != f"https://twitter.com/i/web/status/{sd}":
                errors.append(f"{where}: url is not the tweet's status address")
            if "; tweet, posted " not in r["note"]:
                errors.append(f"{where}: a tweet's note must give the posting date")
        else:
            if not sd.startswith(r["url"] + "@"):
                errors.append(f"{where}: url does not match the SmartData id")
            if f"; crawled {sd.rsplit('@', 1)[1][:10]} (" not in r["note"]:
                errors.append(f"{where}: note must give the crawl date of the id")
        text = texts.get(rid)
        if text is None:
            continue
        if text in old_texts or text[:200] in old_heads:
            errors.append(f"{where}: text already in tests/gold/smartdata, smartdata2 or smartdata3")
        if text in seen_texts:
            errors.append(f"{where}: same text as {seen_texts[text]}")
        if text[:200] in seen_heads:
            errors.append(f"{where}: same first 200 characters as {seen_heads[text[:200]]}")
        seen_texts[text] = rid
        seen_heads[text[:200]] = rid
        if corpus is not None:
            versions = corpus.get(sd)
            if not versions:
                errors.append(f"{where}: SmartData id not in the corpus")
                continue
            if text not in {t for _, t in versions}:
                errors.append(f"{where}: text is not the corpus's text of its id")
            in_splits = sorted({s for s, _ in versions})
            label = sm.group(1)
            expect = {("v3 test",): "v3 test", ("v1", "v3 test"): "v3 test; also in v1 train", ("v3 dev",): "v3 dev",
                      ("v1", "v3 dev"): "v3 dev; also in v1 train", ("v1",): "v1"}.get(tuple(in_splits))
            if label != expect:
                errors.append(f"{where}: note names split {label!r}, the id is in {in_splits}")
    return splits


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


NUMBER_RE = re.compile(r"\d+(?:[.,'\s]\d{3})*(?:[.,]\d+)?|\b(?:ein|eine|zwei|drei|vier|sieben|jede[rs]?)\s+"
                       r"(?:Drittel|Viertel|Fünftel|Hälfte|Zehnte|Dritte|Vierte|Fünfte|zweite|von zehn)\b|Hälfte|"
                       r"doppelt|verdoppel\w*|Dreifache|Million\w*|Milliard\w*", re.IGNORECASE)


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
                left.append(m.group(0).replace("\n", " "))
        print(f"{art}: not covered: {', '.join(left)}")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    errors: list[str] = []
    warnings: list[str] = []
    texts = load_texts(errors)
    splits = check_catalog(texts, errors, warnings)
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

    if not quiet:
        print(f"{SET}: {len(texts)} texts; splits named in the catalog: {dict(splits.most_common())}")
        print(f"{'key file':20s} {'rows':>5s} {'required':>9s} {'optional':>9s} {'documents (with required)':>26s}")
        for table, rows in all_rows.items():
            req = [r for r in rows if r.get("optional") is False]
            docs = len({r.get("article") for r in rows})
            rdocs = len({r.get("article") for r in req})
            print(f"{table + '.jsonl':20s} {len(rows):5d} {len(req):9d} {len(rows) - len(req):9d} "
                  f"{docs:20d} ({rdocs})")
        print()
        print(f"{'document':52s} " + " ".join(f"{t:>12s}" for t in all_rows))
        for art in sorted(texts):
            cells = []
            for table, rows in all_rows.items():
                sub = [r for r in rows if r.get("article") == art]
                req = sum(r.get("optional") is False for r in sub)
                cells.append(f"{req}/{len(sub) - req}")
            print(f"{art:52s} " + " ".join(f"{c:>12s}" for c in cells))
        changes = [r for r in all_rows["changes"] if r.get("optional") is False]
        print()
        form = Counter("change_pct" if r.get("change_pct") is not None else "change_abs" if r.get("change_abs")
                       is not None else "change_factor" if r.get("change_factor") is not None else "levels"
                       for r in changes)
        print("changes by form (required):", dict(form.most_common()))
        print("changes by measure (required):", dict(Counter(r.get("measure") for r in changes).most_common()))
    if "--uncovered" in argv:
        uncovered(texts, all_rows)
    for w in warnings:
        print("WARNING", w, file=sys.stderr)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if not quiet:
        print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
