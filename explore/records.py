"""Figure records as pandas DataFrames: the columns of ``../shared/FIGURES.md`` plus provenance.

>>> df = extract("Die Aktie liegt auf 7 Tage 5,08% im Minus.")
>>> for r in df.itertuples():
...     print(r.text, r.kind, r.value, r.unit, r.direction)
7 Tage duration 7.0 day <NA>
5,08% percent 5.08 % down
"""
from __future__ import annotations

import datetime as dt
import os
import time
import warnings
from collections.abc import Iterable

import pandas as pd

from .carry import carry_currency
from .corpus import Article, Corpus, InputWarning, Problem, load_corpus, shown
from .extract import ScanTimeout, scan

#: column -> (dtype, meaning); the order is the order of the frame
FIGURE_COLUMNS: dict[str, tuple[str, str]] = {
    "article": ("string", "the article's id: its file name without .txt"),
    "start": ("int64", "offset of the first character in the article's text"),
    "end": ("int64", "offset after the last character (text == article_text[start:end])"),
    "text": ("string", "the exact surface that states the figure"),
    "kind": ("string", "money, percent, count, duration, date, index, ratio, multiple, other"),
    "value": ("float64", "point value, or the midpoint of a range (low when open-ended)"),
    "low": ("float64", "magnitude in plain units after scale words, never negative"),
    "high": ("float64", "upper end of a range; equal to low for a point; empty when open"),
    "unit": ("string", "ISO currency, %, pp, second..year, date, counted noun, index name, short unit"),
    "date": ("string", "kind date: ISO YYYY, YYYY-MM or YYYY-MM-DD (start of a range)"),
    "date_end": ("string", "kind date: end of a date range"),
    "qualifier": ("string", "approx, more_than, less_than, up_to"),
    "direction": ("string", "up or down, for a change"),
    "hard": ("boolean", "written in words (neuntägige, zwei Drittel, verdreifacht)"),
    "sentence": ("string", "the sentence (or table row) the figure stands in"),
    "sentence_start": ("int64", "offset of the sentence in the article's text"),
    "in_table": ("boolean", "the figure is a cell of a pipe table"),
    "row_header": ("string", "table cells: the first cell of the row"),
    "col_header": ("string", "table cells: the header of the column"),
    "published": ("string", "the article's publication date (ISO), from the catalog"),
    "publisher": ("string", "the article's publisher, from the catalog"),
    "title": ("string", "the article's title, from the catalog"),
}

UNMATCHED_COLUMNS: dict[str, tuple[str, str]] = {
    "article": ("string", "the article's id"),
    "start": ("int64", "offset of the skipped digits"),
    "end": ("int64", "offset after them"),
    "text": ("string", "the skipped text"),
    "reason": ("string", "why it is not a figure: clock time, list number, name or code, ..."),
    "sentence": ("string", "the sentence it stands in"),
}


def _frame(rows: list[dict], columns: dict) -> pd.DataFrame:
    # each column built at its type at once: a frame of objects cast column by column cost most of
    # the time of extracting one short article
    key = tuple((c, t) for c, (t, _) in columns.items())
    types = _DTYPES.get(key)
    if types is None:
        types = _DTYPES[key] = {c: pd.api.types.pandas_dtype(t) for c, t in key}
    return pd.DataFrame({c: pd.array([r.get(c) for r in rows], dtype=t) for c, t in types.items()})


_DTYPES: dict[tuple, dict] = {}     # (column, type name) pairs -> the resolved dtypes


#: seconds one file may take to extract before it is reported and skipped (both engines);
#: ``EXPLORE_TIME_BUDGET`` in the environment, or ``--time-budget`` on the command line, changes it
TIME_BUDGET = float(os.environ.get("EXPLORE_TIME_BUDGET") or 120)
#: malformed table rows reported one by one; more are summed up in one warning per article
MAX_ROW_WARNINGS = 5


class ExtractionTimeout(RuntimeError):
    """One file took longer than the time budget to extract."""


def _rows(article: Article, time_budget: float | None = None) -> tuple[list[dict], list[dict]]:
    budget = TIME_BUDGET if time_budget is None else time_budget
    where = shown(article.path or article.id or "<text>")
    try:
        result = scan(article.text, article.published, article.language,
                      deadline=time.monotonic() + budget if budget and budget > 0 else None)
    except ScanTimeout as exc:
        raise ExtractionTimeout(f"{where}: extraction took more than the time budget of {budget:g} s ({exc}); "
                                f"no figures from this file (raise it with --time-budget)") from None
    figs, skipped = carry_currency(result.figures, article.text), result.skipped
    for problem in result.problems[:MAX_ROW_WARNINGS]:
        warnings.warn(f"{where}: malformed table, {problem}", InputWarning, stacklevel=3)
    if len(result.problems) > MAX_ROW_WARNINGS:
        warnings.warn(f"{where}: malformed table, {len(result.problems) - MAX_ROW_WARNINGS} more malformed rows "
                      f"(the cells are still read)", InputWarning, stacklevel=3)
    published = article.published.isoformat() if article.published else None
    for f in figs:
        f["article"] = article.id
        f["published"] = published
        f["publisher"] = article.publisher
        f["title"] = article.title
        lo, hi = f["low"], f["high"]
        f["value"] = lo if hi is None else (hi if lo is None else (lo + hi) / 2)
    for s in skipped:              # their "sentence" (the line, or a window of it) comes from scan
        s["article"] = article.id
    return figs, skipped


def extract(text: str, published: dt.date | str | None = None, article: str | None = None) -> pd.DataFrame:
    """Every figure in one German text, as a DataFrame with the columns of ``FIGURE_COLUMNS``.

    ``published`` (a date or ISO string) supplies the year of dates written without one.
    """
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("extract() takes text (str), not bytes: decode them first, e.g. "
                        "explore.corpus.decode(data)[0], or read files with explore.load_corpus")
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text (str), not {type(text).__name__}")
    a = Article(id=article or "", text=text, published=_as_date(published))
    figs, _ = _rows(a)
    df = _frame(figs, FIGURE_COLUMNS)
    if article is None:
        df["article"] = pd.NA
    return df


def _as_date(published) -> dt.date | None:
    """A publication date from a date, datetime, pandas Timestamp or ISO string (None stays None).

    >>> _as_date("2025-02-17"), _as_date(pd.Timestamp("2025-02-17 10:30"))
    (datetime.date(2025, 2, 17), datetime.date(2025, 2, 17))
    """
    if published is None or published is pd.NaT:
        return None
    if isinstance(published, dt.datetime):          # also pandas.Timestamp
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            raise ValueError(f"published={published!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(f"published must be a date, datetime or ISO string, not {type(published).__name__}")


def _as_corpus(corpus) -> Corpus:
    if corpus is None:
        return load_corpus("seeds")
    if isinstance(corpus, Corpus):
        return corpus
    if isinstance(corpus, Article):
        return Corpus([corpus])
    if isinstance(corpus, (str, bytes)) or hasattr(corpus, "__fspath__"):
        return load_corpus(corpus)
    if isinstance(corpus, Iterable):
        items = list(corpus)
        if all(isinstance(a, Article) for a in items):
            return Corpus(items)
        return load_corpus(*items)
    raise TypeError(f"expected a Corpus, Article, path or list of paths, got {type(corpus).__name__}")


def figures(corpus=None, progress: bool = False, engine: str = "pandas", out=None,
            workers: int | None = None, scheduler: str | None = None, client=None,
            time_budget: float | None = None):
    """Every figure of every article in a corpus (a ``Corpus``, a folder, or a list of paths).

    ``engine="dask"`` extracts on a Dask cluster instead (``explore.engines``): a local one
    with ``workers`` processes (default: one per core), or the cluster at ``scheduler``
    (``"tcp://host:8786"``) or of ``client``. It returns the same frame; with ``out=FOLDER``
    it writes a Parquet dataset there (open it with ``read_figures``) and returns the run.
    ``time_budget`` (seconds, default ``TIME_BUDGET``) bounds each file's extraction: a file
    that takes longer is reported by name and skipped.

    >>> df = figures("seeds")
    >>> sorted(df["kind"].unique())[:3]
    ['count', 'date', 'duration']
    """
    if engine != "pandas" or out is not None:
        from . import engines
        return engines.figures(corpus, engine, out=out, progress=progress, workers=workers,
                               scheduler=scheduler, client=client, time_budget=time_budget)
    corpus = _as_corpus(corpus)
    rows: list[dict] = []
    for a in _progress(corpus, progress, "figures"):
        rows.extend(_extract_or_report(a, corpus, time_budget))
    return _frame(rows, FIGURE_COLUMNS)


def _extract_or_report(article: Article, corpus: Corpus, time_budget: float | None) -> list[dict]:
    """The figures of one article; a file over the time budget is reported (a fatal ``Problem`` in
    ``corpus.problems`` and an ``InputWarning``) and gives none, and the run goes on."""
    try:
        return _rows(article, time_budget)[0]
    except ExtractionTimeout as exc:
        where = shown(article.path or article.id)
        msg = str(exc).removeprefix(f"{where}: ")
        corpus.problems.append(Problem(where, msg, fatal=True))
        warnings.warn(f"{where}: {msg}", InputWarning, stacklevel=3)
        return []


def unmatched(corpus=None) -> pd.DataFrame:
    """Every run of digits that is not inside a figure, with where it is and why it was skipped."""
    corpus = _as_corpus(corpus)
    rows: list[dict] = []
    for a in corpus:
        rows.extend(_rows(a)[1])
    return _frame(rows, UNMATCHED_COLUMNS)


def _progress(corpus, enabled: bool, what: str):
    if not enabled:
        return corpus
    from tqdm import tqdm
    return tqdm(corpus, desc=what, unit="article", total=len(corpus))
