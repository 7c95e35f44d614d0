"""Check tests/gold/tables_market10 against tests/gold/market10 (stdlib only).

The rows are checked by the market2 checker's rules (``../tables_market2/check_keys.py``, which loads
``../tables_blind/check_blind_keys.py``: surfaces and occurrences, no part of a longer number, fields,
enums, duplicates). The catalog check is market2's with this set's id prefix: the market2 helper
builds the prefix from the set name's last character ("m0_" for market10), so the id pattern
``^m10_\\d\\d_[a-z0-9_-]+$`` is set here. Columns id,title,publisher,published,published_inferred,
language,url,note listing exactly the .txt files; the title is the article's first line; publisher
marked "(fictional)"; published an ISO date in 2026; published_inferred false; language de; url
empty; note "written for the explore project (blind key, market10)"; 1,500 to 3,500 characters; no
non-breaking space; no two documents share a text.

    python3 tests/gold/tables_market10/check_keys.py [--quiet]
"""
from __future__ import annotations

import datetime
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "market10"
NAME = "market10"
ID_RE = re.compile(r"^m10_\d\d_[a-z0-9_-]+$")
NOTE = f"written for the explore project (blind key, {NAME})"
LENGTHS = (1500, 3500)

_spec = importlib.util.spec_from_file_location("check_keys_market2_for_m10",
                                               HERE.parent / "tables_market2" / "check_keys.py")
m2 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(m2)
first = m2.first


def check_catalog(texts: dict[str, str]) -> list[str]:
    rows, errs = first.catalog_basics(DOCS, texts, m2.COLUMNS)
    seen_texts: dict[str, str] = {}
    low, high = LENGTHS
    for r in rows:
        rid = r.get("id") or ""
        if not ID_RE.match(rid) or len(rid) > 50:
            errs.append(f"bad id {rid!r}")
        text = texts.get(rid)
        if text is not None:
            if r.get("title") != text.split("\n", 1)[0]:
                errs.append(f"{rid}: title is not the article's first line")
            if not low <= len(text) <= high:
                errs.append(f"{rid}: {len(text)} characters ({low:,}-{high:,} expected)")
            errs += first.text_errors(rid, text, seen_texts)
        if "(fictional)" not in (r.get("publisher") or ""):
            errs.append(f"{rid}: publisher not marked (fictional)")
        try:
            day = datetime.date.fromisoformat(r.get("published") or "")
            if day.year != 2026:
                errs.append(f"{rid}: published {day} is not in 2026")
        except ValueError:
            errs.append(f"{rid}: published {r.get('published')!r} is not an ISO date")
        if r.get("published_inferred") != "false":
            errs.append(f"{rid}: published_inferred must be false")
        if r.get("language") != "de":
            errs.append(f"{rid}: language must be de")
        if r.get("url"):
            errs.append(f"{rid}: url must be empty")
        if r.get("note") != NOTE:
            errs.append(f"{rid}: note must be {NOTE!r}")
    return errs


if __name__ == "__main__":
    sys.exit(first.main(sys.argv[1:], docs=DOCS, keys=HERE, catalog=check_catalog))
