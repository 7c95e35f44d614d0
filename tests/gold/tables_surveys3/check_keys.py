"""Check tests/gold/tables_surveys3 against tests/gold/surveys3 (stdlib only).

surveys2's checker (``../tables_surveys2/check_keys.py``: the row rules, ``restates``, no duplicate
rows, the catalog rules) run on this set's folders, with ids ``sv3_NN_slug``, the note "written for
the explore project (blind key, surveys3)" and texts of 1,500 to 3,500 characters.

    python3 tests/gold/tables_surveys3/check_keys.py [--quiet] [--uncovered]
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check_keys_surveys2", HERE.parent / "tables_surveys2" / "check_keys.py")
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)
base.HERE, base.DOCS, base.SET = HERE, HERE.parent / "surveys3", "surveys3"
base.ID_RE = re.compile(r"^sv3_\d\d_[a-z0-9_]+$")
base.NOTE = "written for the explore project (blind key, surveys3)"
base.MIN_CHARS, base.MAX_CHARS = 1500, 3500

if __name__ == "__main__":
    sys.exit(base.main(sys.argv[1:]))
