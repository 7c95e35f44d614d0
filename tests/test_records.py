"""The record-level API (plain dicts), the typed frame built from it, and the shape of the engine:
its stages import no stage that uses them, and the record API does not import the engines."""
from __future__ import annotations

import ast
import types
from pathlib import Path

import pandas as pd
import pytest

import explore
from explore import columns
from explore.columns import FIGURE_COLUMNS, UNMATCHED_COLUMNS, frame

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro. Im Vorjahr waren es 2,2 Milliarden. "
        "Zwei Drittel der Kunden zahlten bis zu 40 Euro, am 6. Februar 2025 in 3 Filialen.")


def test_extract_records_are_the_rows_of_extract():
    recs = explore.extract_records(TEXT, published="2025-03-01")
    df = explore.extract(TEXT, published="2025-03-01")
    assert recs and all(list(r) == list(FIGURE_COLUMNS) for r in recs)
    assert all(isinstance(r, dict) for r in recs)
    assert pd.DataFrame(recs)["text"].tolist() == df["text"].tolist()
    pd.testing.assert_frame_equal(frame(recs, FIGURE_COLUMNS), df)
    carried = next(r for r in recs if r["text"] == "2,2 Milliarden")
    assert (carried["kind"], carried["unit"], carried["low"]) == ("money", "EUR", 2.2e9)


def test_iter_figures_streams_the_figures_of_a_corpus():
    corpus = explore.load_corpus(ROOT / "seeds")
    stream = explore.iter_figures(corpus)
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)
    assert set(first) == set(FIGURE_COLUMNS) and first["article"]
    rows = [first, *stream]
    df = explore.figures(corpus)
    assert len(rows) == len(df)
    assert [(r["article"], r["start"], r["end"], r["kind"]) for r in rows] == \
        list(df[["article", "start", "end", "kind"]].itertuples(index=False, name=None))


def _dtypes(cols):
    return [pd.api.types.pandas_dtype(t) for t, _ in cols.values()]


@pytest.mark.parametrize("way", ["fast", "blocks", "columns"])
def test_frame_has_the_declared_types(monkeypatch, way):
    plan = columns._plan(tuple((c, t) for c, (t, _) in FIGURE_COLUMNS.items()))
    fast = explore.extract(TEXT)
    if way != "fast":                           # a pandas whose internals fail the probe
        monkeypatch.setattr(plan, "assemble", None)
        for hook in ("string_column", "bool_column"):   # ... and the arrays' public constructors
            monkeypatch.delattr(plan, hook)
    if way == "columns":                        # ... and without create_dataframe_from_blocks
        monkeypatch.setattr(columns, "_from_blocks", None)
    df = explore.extract(TEXT)
    pd.testing.assert_frame_equal(df, fast)
    mine = explore.extract(TEXT)
    mine.loc[0, "kind"] = "x"                    # frames are the caller's to change
    mine["extra"] = 1
    assert explore.extract(TEXT)["kind"].iloc[0] != "x" and "extra" not in explore.extract(TEXT)
    mine.loc[0, "title"] = "T"                   # empty columns may share an array: a write stays in one
    mine.iloc[1, mine.columns.get_loc("publisher")] = "P"
    assert mine["title"].tolist()[:2] == ["T", pd.NA] and mine["publisher"].tolist()[:2] == [pd.NA, "P"]
    assert mine[["article", "row_header", "col_header"]].isna().all().all()
    assert explore.extract(TEXT)[["title", "publisher"]].isna().all().all()
    assert list(df.columns) == list(FIGURE_COLUMNS) and list(df.dtypes) == _dtypes(FIGURE_COLUMNS)
    assert df["article"].isna().all() and df["hard"].dtype == "boolean"
    empty = explore.extract("Kein einziger Wert.")
    assert empty.empty and list(empty.dtypes) == _dtypes(FIGURE_COLUMNS)
    empty["kind"] = "x"                          # the cached empty frame is not shared with callers
    assert explore.extract("Nichts.").columns.tolist() == list(FIGURE_COLUMNS)
    assert "x" not in explore.extract("Nichts.")["kind"].tolist()


def test_frame_takes_odd_values_and_missing_keys():
    rows = [{"article": "a", "start": 1, "end": 3, "text": 17, "reason": None},     # a number in a text column
            {"article": "b", "start": 4, "end": 6}]                               # no text, reason, sentence
    df = frame(rows, UNMATCHED_COLUMNS)
    assert list(df.dtypes) == _dtypes(UNMATCHED_COLUMNS)
    assert df["text"].tolist()[0] == "17" and df["sentence"].isna().all()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_the_stages_form_no_cycle():
    """Each stage imports only the stages below it: a newcomer can read them bottom up."""
    folder = ROOT / "explore" / "extract"
    graph = {p.stem: _imports(p) & {q.stem for q in folder.glob("*.py")} for p in folder.glob("*.py")}
    assert {"lexicon", "characters", "context", "record", "numerals", "modifiers", "quantities", "dates",
            "not_figures", "tables", "digits", "words", "scanner"} <= set(graph)
    done: set[str] = set()

    def visit(node, path):
        assert node not in path, f"import cycle: {' -> '.join(path + [node])}"
        if node in done:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, path + [node])
        done.add(node)

    for node in graph:
        visit(node, [])
    assert "scanner" not in set().union(*(graph[m] for m in graph if m not in ("__init__", "scanner")))


def test_records_and_engines_do_not_import_each_other():
    pkg = ROOT / "explore"
    assert not _imports(pkg / "records.py") & {"engines", "dataframes"}
    assert not _imports(pkg / "engines.py") & {"dataframes"}


def test_an_article_made_by_hand_may_carry_an_iso_date():
    a = explore.Article(id="x", text="Am 6. März stieg der Umsatz um 5 Prozent.", published="2025-06-06")
    df = explore.figures(explore.Corpus([a]))
    assert df.loc[df["kind"] == "date", "date"].tolist() == ["2025-03-06"]
    assert df["published"].unique().tolist() == ["2025-06-06"]
