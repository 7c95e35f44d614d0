"""Topic tables at scale: each Dask worker builds the tables of its own partition of the archive.

The client lists the files (``explore.engines.plan``); each task reads and decodes its articles,
extracts their figures (``records.article_records``, as the figures engine does) and builds the topic table
from those figures and texts (``views.WithTexts``), then writes ``part.NNNNN.parquet`` with the
table's schema (``explore.schemas``). Every rule of a table looks at one article at a time, so
the parts together hold exactly the rows of the in-process table, in the same order.

>>> run = run_table("archive/", "money", out="money.parquet/", workers=2)      # doctest: +SKIP
>>> read_table("money.parquet/", "money").equals(explore.money("archive/"))   # doctest: +SKIP
True
"""
from __future__ import annotations

import contextlib
import os
import time
import uuid
import warnings
from pathlib import Path

import pandas as pd

from .corpus import InputWarning, Problem
from .engines import DaskRun, Part, _articles, _peak_rss, _prepare, _worker_address, connect, plan
from .columns import FIGURE_COLUMNS, frame as _frame
from .records import article_records
from .schemas import columns, dtypes, validate

PART = "part.{:05d}.parquet"
TABLES = ("money", "budgets", "adoption", "stock_moves", "timeframes", "checks")


def arrow_schema(table: str):
    """The Arrow schema of a topic table's parts, from its pandera schema."""
    import pyarrow as pa
    types = {"string": pa.large_string(), "int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(),
             "boolean": pa.bool_()}
    return pa.schema([pa.field(c, types[t]) for c, t in dtypes(table).items()])


def build(table: str, figs: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """One table of a set of articles, from their figures and texts."""
    from . import views
    return getattr(views, table)(views.WithTexts((figs, texts)))


def table_partition(part: Part, out: str | None, table: str) -> dict:
    """Read, extract and tabulate one part; write it to ``out`` (a folder) or return the frame."""
    cpu = time.process_time()
    rows: list[dict] = []
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    articles = nbytes = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        for article, probs, size in _articles(part):
            problems.extend(probs)
            if article is None:
                continue
            try:
                rows.extend(article_records(article)[0])
            except Exception as exc:          # one bad article must not sink an archive run
                problems.append(Problem(article.path or article.id, f"extraction failed: {type(exc).__name__}: {exc}",
                                        fatal=True))
                continue
            texts[article.id] = article.text
            articles += 1
            nbytes += size
    for w in caught:
        if issubclass(w.category, InputWarning):
            problems.append(Problem(part.folder or "", str(w.message)))
    df = build(table, _frame(rows, FIGURE_COLUMNS), texts)
    result = {"index": part.index, "articles": articles, "bytes": nbytes, "rows": len(df), "problems": problems,
              "worker": _worker_address(), "peak_rss": _peak_rss()}
    if out is None:
        result["frame"] = df
    else:
        _write(df, Path(out) / PART.format(part.index), table)
    result["cpu"] = time.process_time() - cpu
    return result


def _write(df: pd.DataFrame, path: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False), tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def run_table(corpus, table: str, out=None, *, scheduler: str | None = None, workers: int | None = None,
              client=None, partition_bytes: int | None = None, retries: int = 2) -> DaskRun:
    """Build one topic table of ``corpus`` on Dask; write its Parquet parts to ``out`` or keep the frame."""
    import dask.bag as db
    from distributed import as_completed

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    t0 = time.perf_counter()
    outdir = _prepare(out) if out is not None else None
    frames: dict[int, pd.DataFrame] = {}
    with connect(scheduler, workers, client) as c:
        parts = plan(corpus, partition_bytes, workers=len(c.nthreads()))
        res = DaskRun(path=outdir, partitions=len(parts), files=sum(map(len, parts)))
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
        tasks = bag.map(table_partition, None if outdir is None else str(outdir), table).to_delayed()
        futures = c.compute(tasks, retries=retries) if parts else []
        index_of = {f.key: i for i, f in enumerate(futures)}
        for fut in as_completed(futures):
            try:
                results = fut.result()
            except Exception as exc:
                i = index_of[fut.key]
                names = parts[i].labels()
                res.problems.append(Problem(f"{names[0]} .. {names[-1]}",
                                            f"partition {i} failed: {type(exc).__name__}: {exc}", fatal=True))
                continue
            finally:
                fut.release()
            for r in results:
                res.articles += r["articles"]
                res.bytes += r["bytes"]
                res.rows += r["rows"]
                res.cpu_seconds += r["cpu"]
                res.problems.extend(r["problems"])
                res.worker_peak_rss[r["worker"]] = max(res.worker_peak_rss.get(r["worker"], 0), r["peak_rss"])
                if "frame" in r:
                    frames[r["index"]] = r["frame"]
    if outdir is None:
        ordered = [frames[i] for i in sorted(frames)]
        res.frame = _order(pd.concat(ordered, ignore_index=True), table) if ordered else validate(
            pd.DataFrame(columns=columns(table)), table)
    res.seconds = time.perf_counter() - t0
    res.problems.sort(key=lambda p: p.path)
    return res


def _order(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Rows in the order of the in-process table: by article, then position."""
    return validate(df.sort_values(["article", "start"], kind="stable").reset_index(drop=True), table)


def read_table(path, table: str) -> pd.DataFrame:
    """A topic table written by :func:`run_table` (a folder of parts), as the in-process frame."""
    files = sorted(p for p in Path(path).iterdir() if p.suffix == ".parquet" and not p.name.startswith((".", "_")))
    if not files:
        raise FileNotFoundError(f"{path}: no .parquet parts in this folder")
    df = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    return _order(df.astype(dtypes(table)), table)
