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
    corpus = Corpus([Article("a", case["text"], published=dt.date(2025, 3, 14), title=case.get("title"))])
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


def test_stated_change_is_checked_against_its_levels():
    text = "Die Arbeitslosenquote stieg von 5,6 auf 5,9 Prozent, ein Plus von 0,3 Prozentpunkten."
    c = views.checks(Corpus([Article("a", text, published=dt.date(2025, 5, 2))]))
    row = c[c.check == "change"].iloc[0]
    assert row.claimed == pytest.approx(0.3) and row.computed == pytest.approx(0.3) and row.ok
    wrong = views.checks(Corpus([Article("b", text.replace("0,3 Prozentpunkten", "0,8 Prozentpunkten"))]))
    assert not wrong[wrong.check == "change"].iloc[0].ok


def test_a_range_of_changes_is_checked_once_against_both_ends():
    text = "Die Arbeitslosenquote stieg von 5,6 auf 5,9 Prozent, ein Plus von 0,2 bis 0,4 Prozentpunkten."
    c = views.checks(Corpus([Article("a", text, published=dt.date(2025, 5, 2))]))
    rows = c[c.check == "change"]
    assert len(rows) == 1 and rows.iloc[0].ok
    wrong = views.checks(Corpus([Article("b", text.replace("0,2 bis 0,4", "0,5 bis 0,8"))]))
    assert not wrong[wrong.check == "change"].iloc[0].ok
    both = views.checks(Corpus([Article("a", text), Article("b", text)]))     # the same offsets in two articles
    assert sorted(both[both.check == "change"].article) == ["a", "b"]


def test_cli_table_changes_on_the_seeds(tmp_path, capsys):
    assert main(["table", "changes", str(HERE.parent / "seeds"), "-o", str(tmp_path / "c.csv")]) == 0
    df = pd.read_csv(tmp_path / "c.csv")
    assert list(df.columns)[:6] == ["article", "publisher", "published", "title", "entity", "entity_text"]
    assert (df.change_factor == 3).any()                     # "verdreifacht"


def test_changes_in_the_data_package(tmp_path):
    import json
    explore.write_data_package(str(HERE.parent / "seeds"), tmp_path)
    pkg = json.loads((tmp_path / "datapackage.json").read_text())
    assert "changes" in [r["name"] for r in pkg["resources"]]
    assert (tmp_path / "changes.parquet").exists()


# ---------------------------------------------------------------- floors on the table keys
KEYS = HERE / "gold" / "tables"


def _corpus(folder: Path) -> Corpus:
    """The key's documents (the survey catalog is not needed for these tables)."""
    return Corpus([Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))])


@pytest.fixture(scope="module")
def survey_scores():
    from explore.evaluate_tables import evaluate_tables
    return evaluate_tables({"adoption": KEYS / "adoption.jsonl", "changes": KEYS / "changes.jsonl"},
                           source=_corpus(HERE / "gold" / "surveys"))


@pytest.fixture(scope="module")
def news_scores():
    from explore.evaluate_tables import evaluate_tables
    return evaluate_tables({"changes": KEYS / "changes.jsonl"}, source=_corpus(HERE / "gold" / "smartdata"))


def test_survey_shares_floor(survey_scores):
    s = survey_scores["adoption"]
    assert s.recall >= 0.95 and s.precision >= 0.95, (s.recall, s.precision)


def test_survey_changes_floor(survey_scores):
    s = survey_scores["changes"]
    assert s.recall >= 0.97 and s.precision >= 0.97, (s.recall, s.precision)   # measured 1.000 / 0.978


def test_news_changes_floor(news_scores):
    s = news_scores["changes"]
    # measured 0.837 / 0.857 here, without the catalog's titles
    assert s.recall >= 0.8 and s.precision >= 0.82, (s.recall, s.precision)


@pytest.fixture(scope="module")
def germeval_share_scores():
    from explore.evaluate_tables import evaluate_tables
    return evaluate_tables({"adoption": HERE / "gold" / "tables_shares" / "adoption.jsonl"},
                           source=_corpus(HERE / "gold" / "germeval_shares"))


def test_real_text_shares_floor(germeval_share_scores):
    # 76 real GermEval sentences, a key written blind: first 0.549 / 0.966, measured 0.863 / 0.978
    s = germeval_share_scores["adoption"]
    assert s.recall >= 0.86 and s.precision >= 0.97, (s.recall, s.precision)


def test_real_text_changes_floor():
    # 77 real GermEval sentences, a key written blind: first 0.261 / 0.444, measured 0.696 / 0.821,
    # 0.739 / 0.872, 0.826 / 0.884, now 0.848 / 0.907 (README): a floor that only rises
    from explore.evaluate_tables import evaluate_tables
    s = evaluate_tables({"changes": HERE / "gold" / "tables_changes" / "changes.jsonl"},
                        source=_corpus(HERE / "gold" / "germeval_changes"))["changes"]
    assert s.recall >= 0.84 and s.precision >= 0.9, (s.recall, s.precision)


def test_news_changes_target(news_scores):
    s = news_scores["changes"]
    assert s.recall >= 0.8 and s.precision >= 0.8
