"""Check the blind table keys (money, stock moves, changes) against tests/gold/market8 (stdlib only).

The checker of tests/gold/tables_market2/ (its row and catalog rules, see its docstring) with this
set's folders, id pattern ``^m8_\\d\\d_[a-z0-9_-]+$`` and text length 1,500 to 3,500 characters.

    python3 tests/gold/tables_market8/check_keys.py [--quiet]
"""

import runpy
import sys
from pathlib import Path

# the market2 checker: its catalog check takes the set's name and text lengths
market2 = runpy.run_path(str(Path(__file__).resolve().parent.parent / "tables_market2" / "check_keys.py"))

if __name__ == "__main__":
    sys.exit(market2["main_for"](__file__, lengths=(1500, 3500)))
