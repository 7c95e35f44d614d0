"""Check tests/gold/tables_market14 against tests/gold/market14 (stdlib only).

The market2 checker (``../tables_market2/check_keys.py``, which loads
``../tables_blind/check_blind_keys.py``) with this set's folders: surfaces and occurrences, no part
of a longer number, fields, enums, duplicates; the catalog (ids ``m14_NN_slug``, the prefix derived
from the full set number, title the first line, publisher "(fictional)", published in 2026, note
"written for the explore project (blind key, market14)", 1,500 to 3,500 characters).

    python3 tests/gold/tables_market14/check_keys.py [--quiet]
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_spec = importlib.util.spec_from_file_location("check_keys_market2_for_m14",
                                               HERE.parent / "tables_market2" / "check_keys.py")
m2 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(m2)

if __name__ == "__main__":
    sys.exit(m2.main(sys.argv[1:], docs=HERE.parent / "market14", keys=HERE, name="market14"))
