"""Attribution: the case table (tests/cases/attribution.yaml) and the real-text table key."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml

from explore import views
from explore.corpus import Article, Corpus

HERE = Path(__file__).resolve().parent
CASES = yaml.safe_load((HERE / "cases" / "attribution.yaml").read_text(encoding="utf-8"))
FIELDS = ("entity", "period", "change_pct", "measure", "currency", "amount", "as_of", "fiscal_period")


def _params():
    for group, cases in CASES.items():
        for n, c in enumerate(cases):
            marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
            yield pytest.param(c, id=f"{group}-{n}-{c['surface']}", marks=marks)


def row_of(case) -> dict | None:
    published = dt.date.fromisoformat(case.get("published", "2025-06-06"))
    article = Article("a", case["text"], published=published, title=case.get("title"))
    df = getattr(views, case["table"])(Corpus([article]))
    text = case["text"]
    pos = -1
    for _ in range(case.get("occurrence", 1)):
        pos = text.index(case["surface"], pos + 1)
    hit = df[(df.start <= pos) & (df.end > pos)]
    return None if hit.empty else {k: (None if v is pd.NA or v != v else v) for k, v in hit.iloc[0].items()}


@pytest.mark.parametrize("case", list(_params()))
def test_case(case):
    row = row_of(case)
    if case.get("absent"):
        assert row is None, row
        return
    assert row is not None, f"no {case['table']} row for {case['surface']!r}"
    want = {f: case[f] for f in FIELDS if f in case}
    got = {f: row.get(f) for f in want}
    assert got == want
