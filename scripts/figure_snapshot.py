"""Every figure, skipped digit run and table problem of a set of texts, as JSON lines: run it
before and after a change to the engine and compare the two files (``--compare A B``), so that
a refactoring can show it changed nothing.

    .venv/bin/python scripts/figure_snapshot.py before.jsonl                # all gold texts, seeds, SmartData
    .venv/bin/python scripts/figure_snapshot.py after.jsonl
    .venv/bin/python scripts/figure_snapshot.py --compare before.jsonl after.jsonl

The texts: every .txt under tests/gold/ and seeds/, the documents of the SmartData corpus
(../shared/data/smartdata/, or $EXPLORE_SHARED/data/smartdata/, when present) and the sentences of
the case tables.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SMARTDATA = Path(os.environ.get("EXPLORE_SHARED") or ROOT.parent / "shared") / "data" / "smartdata"


def texts():
    import yaml
    for p in sorted((ROOT / "tests" / "gold").rglob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")):
        yield str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")
    if SMARTDATA.is_dir():
        from explore.ner.data import read_smartdata
        for f in sorted(SMARTDATA.glob("*.json.gz")):
            for i, doc in enumerate(read_smartdata(f)):
                yield f"{f.name}:{i}", doc["text"]["string"]
    for p in sorted((ROOT / "tests" / "cases").rglob("*.yaml")):
        stack = [yaml.safe_load(p.read_text(encoding="utf-8"))]
        n = 0
        while stack:                                       # every mapping with a text, in any layout
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("text"), str) and "expected" in item or "id" in item and "text" in item:
                    n += 1
                    yield f"{p.relative_to(ROOT)}:{item.get('id', n)}", str(item["text"])
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(reversed(item))


def snapshot(out: Path) -> int:
    from explore.extract import scan
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for name, text in texts():
            r = scan(text, dt.date(2025, 3, 1))
            fh.write(json.dumps([name, r.figures, r.skipped, r.problems], ensure_ascii=False, sort_keys=True,
                                default=str) + "\n")
            n += 1
    print(f"{n} texts -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    def load(p):
        seen: Counter = Counter()
        out = {}
        for row in (json.loads(line) for line in p.open(encoding="utf-8")):
            seen[row[0]] += 1                              # a name given twice: its n-th text
            out[f"{row[0]}#{seen[row[0]]}"] = row
        return out
    old, new = load(a), load(b)
    common = old.keys() & new.keys()
    changed = sorted(k for k in common if old[k] != new[k])
    print(f"{len(common)} texts in both, {len(changed)} changed; only in {a.name}: {len(old.keys() - new.keys())}, "
          f"only in {b.name}: {len(new.keys() - old.keys())}")
    for k in changed[:20]:
        before = {json.dumps(f, sort_keys=True) for f in old[k][1]}
        after = {json.dumps(f, sort_keys=True) for f in new[k][1]}
        for f in sorted(before - after):
            print(f"  - {k}: {json.loads(f)['text']!r} {json.loads(f)['kind']}")
        for f in sorted(after - before):
            print(f"  + {k}: {json.loads(f)['text']!r} {json.loads(f)['kind']}")
    return 1 if changed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--compare", action="store_true", help="compare two snapshots; exit 1 when they differ")
    args = ap.parse_args(argv)
    if args.compare:
        if len(args.files) != 2:
            ap.error("--compare takes two files")
        return compare(*args.files)
    return snapshot(args.files[0])


if __name__ == "__main__":
    raise SystemExit(main())
