"""Check tests/gold/tables_surveys5 against tests/gold/surveys5 (stdlib only).

surveys2's checker (``../tables_surveys2/check_keys.py``: the row rules, ``restates``, no duplicate
rows, the catalog rules) run on this set's folders, with ids ``sv5_NN_slug``, the note "written for
the explore project (blind key, surveys5)" and texts of 1,500 to 3,000 characters (the brief of this
set).

    python3 tests/gold/tables_surveys5/check_keys.py [--quiet] [--uncovered]
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
base.HERE, base.DOCS, base.SET = HERE, HERE.parent / "surveys5", "surveys5"
base.ID_RE = re.compile(r"^sv5_\d\d_[a-z0-9_]+$")
base.NOTE = "written for the explore project (blind key, surveys5)"
base.MIN_CHARS, base.MAX_CHARS = 1500, 3000

if __name__ == "__main__":
    sys.exit(base.main(sys.argv[1:]))
