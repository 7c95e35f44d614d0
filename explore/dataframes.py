"""Figure records as pandas DataFrames, with the columns of ``FIGURE_COLUMNS`` (the contract of
``../shared/FIGURES.md`` plus provenance), on top of the record-level API (``explore.records``).

>>> df = extract("Die Aktie liegt auf 7 Tage 5,08% im Minus.")
>>> for r in df.itertuples():
...     print(r.text, r.kind, r.value, r.unit, r.direction)
7 Tage duration 7.0 day <NA>
5,08% percent 5.08 % down
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from . import engines
from .columns import FIGURE_COLUMNS, UNMATCHED_COLUMNS, frame
from .records import _text_records, as_corpus, figures_or_report, iter_unmatched


def extract(text: str, published: dt.date | str | None = None, article: str | None = None) -> pd.DataFrame:
    """Every figure in one German text, as a DataFrame with the columns of ``FIGURE_COLUMNS``.

    ``published`` (a date or ISO string) supplies the year of dates written without one.
    ``explore.extract_records`` gives the same as plain dicts.
    """
    return frame(_text_records(text, published, article), FIGURE_COLUMNS)


def figures(corpus=None, progress: bool = False, engine: str = "pandas", out=None,
            workers: int | None = None, scheduler: str | None = None, client=None,
            time_budget: float | None = None):
    """Every figure of every article in a corpus (a ``Corpus``, a folder, or a list of paths).

    ``engine="dask"`` extracts on a Dask cluster instead (``explore.engines``): a local one
    with ``workers`` processes (default: one per core), or the cluster at ``scheduler``
    (``"tcp://host:8786"``) or of ``client``. It returns the same frame; with ``out=FOLDER``
    it writes a Parquet dataset there (open it with ``read_figures``) and returns the run.
    ``time_budget`` (seconds, default ``TIME_BUDGET``) bounds each file's extraction: a file
    that takes longer is reported by name and skipped. ``explore.iter_figures`` streams the
    same records as plain dicts.

    >>> df = figures("seeds")
    >>> sorted(df["kind"].unique())[:3]
    ['count', 'date', 'duration']
    """
    if engine != "pandas" or out is not None:
        return engines.figures(corpus, engine, out=out, progress=progress, workers=workers,
                               scheduler=scheduler, client=client, time_budget=time_budget)
    corpus = as_corpus(corpus)
    rows: list[dict] = []
    for a in _progress(corpus, progress, "figures"):
        rows.extend(figures_or_report(a, corpus, time_budget))
    return frame(rows, FIGURE_COLUMNS)


def unmatched(corpus=None) -> pd.DataFrame:
    """Every run of digits that is not inside a figure, with where it is and why it was skipped."""
    return frame(list(iter_unmatched(corpus)), UNMATCHED_COLUMNS)


def _progress(corpus, enabled: bool, what: str):
    if not enabled:
        return corpus
    from tqdm import tqdm
    return tqdm(corpus, desc=what, unit="article", total=len(corpus))
