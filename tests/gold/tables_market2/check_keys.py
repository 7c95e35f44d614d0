"""Check the blind table keys (money, stock moves, changes) against tests/gold/market2 (stdlib only).

Rows: the rules and report of the first blind key's checker (tests/gold/tables_blind/
check_blind_keys.py; see its docstring). The catalog of a written set: exactly the columns id,title,publisher,published,published_inferred,
language,url,note, listing exactly the .txt files; ids match ``^m2_\\d\\d_[a-z0-9_-]+$`` (the set's
prefix) with at most 50 characters; the title is the article's first line; the publisher is marked
"(fictional)"; ``published`` is an ISO date in 2026, ``published_inferred`` false, ``language`` de,
``url`` empty; no two documents share a text; each text has 1,500 to 3,500 characters (the set's
range) and no non-breaking space. Other written sets call ``main_for`` from their own checker.

    python3 tests/gold/tables_market2/check_keys.py [--quiet]
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "market2"
COLUMNS = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]

# the first blind key's checker, loaded under its own name (several checkers share file names)
_spec = importlib.util.spec_from_file_location("check_blind_keys_1",
                                               HERE.parent / "tables_blind" / "check_blind_keys.py")
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)


def written_set_catalog(docs: Path, name: str, lengths: tuple[int, int]):
    """The catalog check of a set of texts written for the project (``name``: "market2", ids "m2_..."),
    each text between ``lengths`` characters long. Also used by tests/gold/tables_market3."""
    id_re = re.compile(r"^m" + name.removeprefix("market") + r"_\d\d_[a-z0-9_-]+$")     # "market10": "m10_..."
    note = f"written for the explore project (blind key, {name})"
    low, high = lengths

    def check_catalog(texts: dict[str, str]) -> list[str]:
        rows, errs = first.catalog_basics(docs, texts, COLUMNS)
        seen_texts: dict[str, str] = {}
        for r in rows:
            rid = r.get("id") or ""
            if not id_re.match(rid) or len(rid) > 50:
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
            if r.get("note") != note:
                errs.append(f"{rid}: note must be {note!r}")
        return errs

    return check_catalog


def main(argv: list[str], docs: Path = DOCS, keys: Path = HERE, name: str = "market2",
         lengths: tuple[int, int] = (1500, 3500)) -> int:
    return first.main(argv, docs=docs, keys=keys, catalog=written_set_catalog(docs, name, lengths))


def main_for(checker_file: str, lengths: tuple[int, int]) -> int:
    """The check of another written set, run from its checker (``tests/gold/tables_<name>/check_keys.py``)."""
    keys = Path(checker_file).resolve().parent
    name = keys.name.removeprefix("tables_")
    return main(sys.argv[1:], docs=keys.parent / name, keys=keys, name=name, lengths=lengths)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
