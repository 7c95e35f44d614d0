"""Figure records as plain dicts, one per figure, with the keys of ``FIGURE_COLUMNS``: the
record-level API under the DataFrame API (``explore.extract``, ``explore.figures``), for
streaming, for the Dask workers and for callers that do not want a DataFrame.

>>> recs = extract_records("Die Aktie liegt auf 7 Tage 5,08% im Minus.")
>>> [(r["text"], r["kind"], r["value"], r["unit"], r["direction"]) for r in recs]
[('7 Tage', 'duration', 7.0, 'day', None), ('5,08%', 'percent', 5.08, '%', 'down')]
>>> sum(1 for r in iter_figures("seeds") if r["kind"] == "money")
9
"""
from __future__ import annotations

import datetime as dt
import os
import time
import warnings
from collections.abc import Iterable, Iterator

from .carry import carry_currency
from .columns import FIGURE_COLUMNS, UNMATCHED_COLUMNS
from .corpus import Article, Corpus, InputWarning, Problem, load_corpus, shown
from .extract import ScanTimeout, scan

#: seconds one file may take to extract before it is reported and skipped (both engines);
#: ``EXPLORE_TIME_BUDGET`` in the environment, or ``--time-budget`` on the command line, changes it
TIME_BUDGET = float(os.environ.get("EXPLORE_TIME_BUDGET") or 120)
#: malformed table rows reported one by one; more are summed up in one warning per article
MAX_ROW_WARNINGS = 5


class ExtractionTimeout(RuntimeError):
    """One file took longer than the time budget to extract."""


def article_records(article: Article, time_budget: float | None = None) -> tuple[list[dict], list[dict]]:
    """(figures, skipped digit runs) of one article, as working dicts: every key of
    ``FIGURE_COLUMNS`` (resp. ``UNMATCHED_COLUMNS``) and a few of the scanner's own."""
    budget = TIME_BUDGET if time_budget is None else time_budget
    where = shown(article.path or article.id or "<text>")
    pub = as_date(article.published)          # an Article made by hand may carry an ISO string
    try:
        result = scan(article.text, pub, article.language,
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
    published = pub.isoformat() if pub else None
    article_id = article.id or None
    for f in figs:
        f["article"] = article_id
        f["published"] = published
        f["publisher"] = article.publisher
        f["title"] = article.title
        lo, hi = f["low"], f["high"]
        f["value"] = lo if hi is None else (hi if lo is None else (lo + hi) / 2)
    for s in skipped:              # their "sentence" (the line, or a window of it) comes from scan
        s["article"] = article_id
    return figs, skipped


def plain(record: dict, columns=FIGURE_COLUMNS) -> dict:
    """A record with exactly the keys of ``columns``, in their order."""
    return {c: record.get(c) for c in columns}


def extract_records(text: str, published: dt.date | str | None = None, article: str | None = None) -> list[dict]:
    """Every figure in one German text, as plain dicts with the keys of ``FIGURE_COLUMNS``.

    ``published`` (a date or ISO string) supplies the year of dates written without one.
    """
    return [plain(f) for f in _text_records(text, published, article)]


def _text_records(text, published, article) -> list[dict]:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("extract() takes text (str), not bytes: decode them first, e.g. "
                        "explore.corpus.decode(data)[0], or read files with explore.load_corpus")
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text (str), not {type(text).__name__}")
    return article_records(Article(id=article or "", text=text, published=as_date(published)))[0]


def iter_figures(corpus=None, time_budget: float | None = None) -> Iterator[dict]:
    """The figures of every article of a corpus (a ``Corpus``, a folder, or a list of paths),
    one plain dict at a time, article by article; a file over the time budget is reported
    (``corpus.problems`` and an ``InputWarning``) and the stream goes on."""
    corpus = as_corpus(corpus)
    for a in corpus:
        for f in figures_or_report(a, corpus, time_budget):
            yield plain(f)


def figures_or_report(article: Article, corpus: Corpus, time_budget: float | None) -> list[dict]:
    """The figures of one article; a file over the time budget is reported (a fatal ``Problem`` in
    ``corpus.problems`` and an ``InputWarning``) and gives none, and the run goes on."""
    try:
        return article_records(article, time_budget)[0]
    except ExtractionTimeout as exc:
        where = shown(article.path or article.id)
        msg = str(exc).removeprefix(f"{where}: ")
        corpus.problems.append(Problem(where, msg, fatal=True))
        warnings.warn(f"{where}: {msg}", InputWarning, stacklevel=3)
        return []


def iter_unmatched(corpus=None) -> Iterator[dict]:
    """Every run of digits that is not inside a figure, with where it is and why it was skipped."""
    for a in as_corpus(corpus):
        for s in article_records(a)[1]:
            yield plain(s, UNMATCHED_COLUMNS)


def as_date(published) -> dt.date | None:
    """A publication date from a date, datetime, pandas Timestamp or ISO string (None stays None).

    >>> as_date("2025-02-17"), as_date(dt.datetime(2025, 2, 17, 10, 30))
    (datetime.date(2025, 2, 17), datetime.date(2025, 2, 17))
    """
    if published is None or type(published).__name__ == "NaTType":
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


def as_corpus(corpus) -> Corpus:
    """A ``Corpus`` from a corpus, an article, a folder or file path, or a list of them (None: the seeds)."""
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


