"""Check the blind table keys (money, stock moves, changes) against tests/gold/market3 (stdlib only).

The row rules and the report of the first blind key's checker (tests/gold/tables_blind/
check_blind_keys.py, which calls tests/gold/tables/check_keys.py and check_shares_changes.py),
with this set's catalog check:

- every row's ``surface`` occurs at least ``occurrence`` times in its article, and the chosen
  occurrence does not start or end inside a longer number ("6 Prozent" in "6,6 Prozent");
- the fields of FORMAT.md are present (and no others), enums and types are valid;
- a row without an entity is optional; a printed conversion's ``stated_for`` is in the article;
- a change row states a value (change_pct, change_abs with a unit, change_factor) or both levels;
  a row with only the new level (``to``) is optional; a change row's aliases occur in its article;
- no duplicate (article, surface, occurrence, entity) rows;
- the catalog has exactly the columns id,title,publisher,published,published_inferred,language,url,note
  and lists exactly the .txt files; ids match ``^m3_\\d\\d_[a-z0-9_-]+$`` and have at most 50
  characters; the title is the article's first line; the publisher is marked "(fictional)";
  ``published`` is an ISO date in 2026, ``published_inferred`` is false, ``language`` is de, ``url``
  is empty; no two documents share a text; each text has 1,200 to 3,000 characters and no
  non-breaking space.

Prints per-document counts (required/optional) and exits non-zero on any error.

    python3 tests/gold/tables_market3/check_keys.py
    python3 tests/gold/tables_market3/check_keys.py --quiet
"""

import runpy
import sys
from pathlib import Path

# the market2 checker: its catalog check takes the set's name and text lengths
market2 = runpy.run_path(str(Path(__file__).resolve().parent.parent / "tables_market2" / "check_keys.py"))

if __name__ == "__main__":
    sys.exit(market2["main_for"](__file__, lengths=(1200, 3000)))
