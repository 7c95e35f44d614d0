"""Check explore.extract against the independent case tables in cases/figures/ (one per stage).

One test per case (id "group/case-id"). Every expected figure must be matched by a distinct
predicted figure whose span overlaps the expected surface's span, with equal kind, low/high
within 0.5 % (null must be null), and equal unit/date/qualifier/direction where the case gives
them. A predicted figure that matches no expected figure fails the case.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
import yaml

import explore

CASES_DIR = Path(__file__).parent / "cases" / "figures"
DEFAULT_PUBLISHED = "2025-03-14"
NUMERIC = ("low", "high")
TEXTUAL = ("kind", "unit", "date", "qualifier", "direction")
REL_TOL = 0.005


def _load_cases() -> list:
    params, seen = [], set()
    files = sorted(CASES_DIR.glob("*.yaml"))
    assert files, f"no case tables in {CASES_DIR}"
    groups = [item for f in files for item in yaml.safe_load(f.read_text(encoding="utf-8")).items()]
    for group, cases in groups:
        for case in cases:
            case_id = f"{group}/{case['id']}"
            assert case_id not in seen, f"duplicate case id {case_id}"
            seen.add(case_id)
            marks = []
            if case.get("xfail"):
                marks.append(pytest.mark.xfail(strict=True, reason=str(case["xfail"])))
            params.append(pytest.param(case, id=case_id, marks=marks))
    return params


CASES = _load_cases()


# ---------------------------------------------------------------- helpers

def _is_null(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _as_float(value) -> float:
    return float(value)


def _as_text(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _span(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            raise AssertionError(
                f"case table error: occurrence {occurrence} of {surface!r} not in text {text!r}")
    return pos, pos + len(surface)


def _agrees(field: str, want, got) -> bool:
    """One expected field against the predicted value: null must be null, numbers within REL_TOL."""
    if want is None or _is_null(got):
        return want is None and _is_null(got)
    if field in TEXTUAL:
        return _as_text(got) == _as_text(want)
    want, got = _as_float(want), _as_float(got)
    if want == 0:
        return abs(got) <= 1e-9
    return math.isfinite(got) and abs(got - want) <= REL_TOL * abs(want)


def _field_problems(exp: dict, pred: dict) -> list[str]:
    """Names of the expected fields the prediction disagrees with (empty: it matches)."""
    return [f for f in (*NUMERIC, *TEXTUAL) if f in exp and not _agrees(f, exp[f], pred.get(f))]


def _fmt_num(value) -> str:
    if _is_null(value):
        return "-"
    value = float(value)
    if value != 0 and (abs(value) >= 1e6 or abs(value) < 1e-3):
        return f"{value:.4g}"
    return f"{value:g}"


def _fmt(rec: dict, fields=None) -> str:
    """One compact line per record; `fields` limits it to the fields an expectation gives."""
    def want(name):
        return fields is None or name in fields

    parts = [f"{rec.get('text')!r}[{rec.get('start')}:{rec.get('end')}]"]
    if want("kind"):
        parts.append(str(rec.get("kind")))
    if want("low") or want("high"):
        lo = _fmt_num(rec.get("low")) if want("low") else "?"
        hi = _fmt_num(rec.get("high")) if want("high") else "?"
        parts.append(f"{lo}..{hi}")
    for name in ("unit", "date", "qualifier", "direction"):
        if want(name):
            value = rec.get(name)
            parts.append(f"{name}={'-' if _is_null(value) else _as_text(value)}")
    return " ".join(parts)


def _max_matching(compatible: list[list[int]], n_pred: int) -> list[int | None]:
    """Maximum bipartite matching (expected -> predicted) by augmenting paths."""
    owner: list[int | None] = [None] * n_pred

    def augment(e: int, seen: set) -> bool:
        for p in compatible[e]:
            if p in seen:
                continue
            seen.add(p)
            if owner[p] is None or augment(owner[p], seen):
                owner[p] = e
                return True
        return False

    for e in range(len(compatible)):
        augment(e, set())
    match: list[int | None] = [None] * len(compatible)
    for p, e in enumerate(owner):
        if e is not None:
            match[e] = p
    return match


# ---------------------------------------------------------------- the test

@pytest.mark.parametrize("case", CASES)
def test_case(case):
    text = case["text"]
    published = str(case.get("published", DEFAULT_PUBLISHED))
    expected = []
    for exp in case.get("expected") or []:
        start, end = _span(text, exp["text"], int(exp.get("occurrence", 1)))
        expected.append({**exp, "start": start, "end": end})

    df = explore.extract(text, published=published)
    predicted = []
    for row in df.to_dict("records"):
        rec = {k: (None if _is_null(v) else v) for k, v in row.items()}
        rec["start"], rec["end"] = int(rec["start"]), int(rec["end"])
        predicted.append(rec)

    def overlaps(e, p):
        return p["start"] < e["end"] and e["start"] < p["end"]

    compatible = [
        [j for j, p in enumerate(predicted) if overlaps(e, p) and not _field_problems(e, p)]
        for e in expected
    ]
    match = _max_matching(compatible, len(predicted))
    matched_pred = {p for p in match if p is not None}
    missing = [i for i, p in enumerate(match) if p is None]
    extra = [j for j in range(len(predicted)) if j not in matched_pred]
    if not missing and not extra:
        return

    checked = set(NUMERIC) | set(TEXTUAL)
    lines = [f"text: {text!r}  (published {published})"]
    for i, e in enumerate(expected):
        given = {k for k in e if k in checked}
        if match[i] is not None:
            lines.append(f"  ok       {_fmt(e, given)}")
            continue
        lines.append(f"  MISSING  {_fmt(e, given)}")
        for p in predicted:
            if overlaps(e, p):
                lines.append(f"     near  {_fmt(p)}   differs in: {', '.join(_field_problems(e, p))}")
    for j in extra:
        lines.append(f"  EXTRA    {_fmt(predicted[j])}")
    pytest.fail("\n".join(lines), pytrace=False)
