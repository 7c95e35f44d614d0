"""explore.adoption() from prose and explore.changes(): the case table cases/shares_changes.yaml,
the checks of a stated change, the CLI, and the floors on the real-news key."""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
import yaml

import explore
from explore import views
from explore.cli import main
from explore.corpus import Article, Corpus

HERE = Path(__file__).resolve().parent
CASES = yaml.safe_load((HERE / "cases" / "shares_changes.yaml").read_text(encoding="utf-8"))
TOL = 0.005
FIELDS = {"adoption": ("low", "high", "group", "period", "qualifier", "restates"),
          "changes": ("entity", "measure", "change_pct", "change_abs", "unit", "change_factor", "period", "from", "to",
                      "qualifier")}
COLUMN = {"from": "from_value", "to": "to_value"}


def _params():
    out = []
    for group, cases in CASES.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            out.append(pytest.param(case, id=f"{group}/{case['id']}", marks=marks))
    return out


def _null(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _same(got, want) -> bool:
    if _null(want):
        return _null(got)
    if _null(got):
        return False
    if isinstance(want, (int, float)) or (isinstance(want, str) and want.replace(".", "").replace("e", "").isdigit()
                                          and not isinstance(got, str)):
        return abs(float(got) - float(want)) <= TOL * max(abs(float(want)), 1e-9)
    return str(got) == str(want)


def _table(case) -> pd.DataFrame:
    corpus = Corpus([Article("a", case["text"], published=dt.date(2025, 3, 14))])
    return getattr(views, case["table"])(corpus)


@pytest.mark.parametrize("case", _params())
def test_case(case):
    df = _table(case)
    rows = df.to_dict("records")
    problems = []
    for want in case["expected"]:
        hits = [r for r in rows if r["text"] == want["text"]]
        if not hits:
            problems.append(f"no row for {want['text']!r}")
            continue
        r = hits[0]
        rows.remove(r)
        for f in FIELDS[case["table"]]:
            if f in want and not _same(r[COLUMN.get(f, f)], want[f]):
                problems.append(f"{want['text']!r}: {f} = {r[COLUMN.get(f, f)]!r}, want {want[f]!r}")
        if "subject_has" in want and want["subject_has"].lower() not in str(r["subject"]).lower():
            problems.append(f"{want['text']!r}: subject {r['subject']!r} lacks {want['subject_has']!r}")
    problems += [f"extra row {r['text']!r}" for r in rows]
    assert not problems, "; ".join(problems)
