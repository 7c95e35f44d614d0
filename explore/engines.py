"""The Dask engine: extract the figures of a whole archive on a Dask cluster, into Parquet.

The files are listed on the client, grouped into partitions of a few MB each, and every
partition is read, decoded (``explore.corpus.decode`` plus the folder's ``catalog.csv``) and
extracted on a worker with the same per-article code as the pandas engine (``records.article_records``).
A worker either writes its partition as ``part.NNNNN.parquet`` (with exactly the dtypes of
``FIGURE_COLUMNS``) or sends the frame back; the texts never travel to, or stay on, the client.

>>> import explore
>>> df = explore.figures("seeds", engine="dask", workers=1)      # doctest: +SKIP
>>> run = explore.figures("archive/", engine="dask", out="figures.parquet/")   # doctest: +SKIP
>>> explore.read_figures("figures.parquet/").equals(explore.figures("archive/"))  # doctest: +SKIP
True

Without ``scheduler`` (or ``client``) a ``distributed.LocalCluster`` sized to the machine is
started (one single-threaded worker process per core: the extractor is pure Python) and closed
again; with ``scheduler="tcp://host:8786"`` the work runs on that cluster, whose workers must
see the same paths (a shared file system). Tasks lost with a dying worker are rescheduled by
Dask (``distributed.scheduler.allowed-failures``); partitions write atomically, so a retried
partition leaves one complete file.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
import uuid
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus import (CATALOG, Article, Corpus, InputWarning, Problem, _meta, article_ids, list_files,
                     read_article, read_catalog, shown)
from .columns import FIGURE_COLUMNS, frame as _frame
from .records import ExtractionTimeout, article_records, as_corpus as _as_corpus

ENGINES = ("pandas", "dask")
#: bounds of a partition's size (the text bytes one task reads and extracts); by default a run
#: aims at 8 partitions per worker, for balance and a moving progress bar
PARTITION_BYTES = (64_000, 4_000_000)
PART = "part.{:05d}.parquet"
MANIFEST = "_explore.json"


# ---------------------------------------------------------------- Parquet schema, reading back

def arrow_schema():
    """The Arrow schema of a figures partition, column for column from ``FIGURE_COLUMNS``."""
    import pyarrow as pa
    types = {"string": pa.large_string(), "int64": pa.int64(), "float64": pa.float64(), "boolean": pa.bool_()}
    return pa.schema([pa.field(c, types[t]) for c, (t, _) in FIGURE_COLUMNS.items()])


def write_part(df: pd.DataFrame, path) -> None:
    """Write one figures frame as a Parquet file, atomically (a temporary file, then a rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    table = pa.Table.from_pandas(df, schema=arrow_schema(), preserve_index=False)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _parts(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir()
                       if p.suffix == ".parquet" and not p.name.startswith((".", "_")))
        if not files:
            raise FileNotFoundError(f"{path}: no .parquet files in this folder")
        return files
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    return [path]


def is_figures_dataset(path) -> bool:
    """Is ``path`` a figures Parquet dataset (a ``.parquet`` file, or a folder of parts)?"""
    p = Path(path)
    return p.suffix == ".parquet" or (p.is_dir() and any(p.glob("*.parquet")))


def read_figures(path, columns: Sequence[str] | None = None, lazy: bool = False):
    """Open a figures Parquet dataset (a folder of parts, or one file) as the figures frame.

    The frame equals ``explore.figures(corpus)`` of the same corpus: the columns and dtypes of
    ``FIGURE_COLUMNS``, rows in corpus order, a fresh RangeIndex. ``columns`` reads only some
    columns; ``lazy=True`` returns a ``dask.dataframe`` (one partition per part) instead.
    """
    cols = list(FIGURE_COLUMNS) if columns is None else list(columns)
    unknown = [c for c in cols if c not in FIGURE_COLUMNS]
    if unknown:
        raise KeyError(f"not figure columns: {', '.join(unknown)}")
    files = [str(f) for f in _parts(Path(path))]
    if lazy:
        import dask.dataframe as dd
        return dd.from_map(_read_part, files, columns=cols, meta=_frame([], FIGURE_COLUMNS)[cols],
                           enforce_metadata=False)
    return _read_part(files, cols).reset_index(drop=True)


def _read_part(files, columns: list[str]) -> pd.DataFrame:
    """One Parquet file (or a list of them, in order) as a figures frame with ``columns``."""
    import pyarrow.dataset as ds
    dataset = ds.dataset(files, format="parquet")
    missing = [c for c in columns if c not in dataset.schema.names]
    if missing:
        raise ValueError(f"{files[0]}: not a figures table of this explore version (no column "
                         f"{', '.join(missing)}); extract the corpus again")
    table = dataset.to_table(columns=columns)
    return table.to_pandas().astype({c: FIGURE_COLUMNS[c][0] for c in columns})


# ---------------------------------------------------------------- the work of one partition

@dataclass
class Part:
    """One task's input: file names in one folder (read on the worker), or loaded Articles.

    Only names travel in the task graph: texts are read, and catalog rows looked up, on the
    worker, so the graph stays at a few bytes per article.
    """
    index: int
    folder: str | None = None
    names: list[str] = field(default_factory=list)
    articles: list[Article] | None = None
    size: int = 0
    ids: list[str] = field(default_factory=list)      # the article id of each name (unique in the run)
    catalog_problems: bool = False                    # report the folder's catalog problems (its first part)
    problems: list[Problem] = field(default_factory=list)   # listing problems, reported with this part

    def __len__(self) -> int:
        return len(self.articles) if self.articles is not None else len(self.names)

    def labels(self) -> list[str]:
        """The paths (or article ids) of this part, for messages."""
        if self.articles is not None:
            return [a.path or a.id for a in self.articles]
        return [shown(os.path.join(self.folder, n)) for n in self.names]


_META = ("title", "publisher", "published", "published_inferred", "language", "url")
_CATALOGS: dict[str, tuple[tuple, dict[str, tuple], list]] = {}


def _catalog(folder: str) -> tuple[dict[str, tuple], list[Problem]]:
    """A folder's catalog rows (only the fields articles use), cached per worker process.

    Kept as tuples of strings, so even a catalog of a million rows stays a few hundred MB at
    most; the cache holds the last 4 folders and is re-read when the file changes.
    """
    path = Path(folder) / CATALOG
    try:
        st = path.stat()
    except OSError:
        return {}, []
    key = (st.st_mtime_ns, st.st_size)
    hit = _CATALOGS.get(folder)
    if hit and hit[0] == key:
        return hit[1], hit[2]
    problems: list[Problem] = []
    rows = {i: tuple(sys.intern(r.get(k) or "") if k != "title" else (r.get(k) or "") for k in _META)
            for i, r in read_catalog(Path(folder), problems).items()}
    while len(_CATALOGS) >= 4:
        _CATALOGS.pop(next(iter(_CATALOGS)))
    _CATALOGS[folder] = (key, rows, problems)
    return rows, problems


def _articles(part: Part):
    """(article or None, problems naming the file, bytes) for every item of a part, in order."""
    if part.problems:
        yield None, list(part.problems), 0
    if part.articles is not None:
        for a in part.articles:
            yield a, [], len(a.text.encode("utf-8"))
        return
    catalog, catalog_problems = _catalog(part.folder)
    if part.catalog_problems and catalog_problems:
        yield None, list(catalog_problems), 0
    for name, aid in zip(part.names, part.ids or [None] * len(part.names)):
        stem = name[:-4] if name.lower().endswith(".txt") else os.path.splitext(name)[0]
        row = catalog.get(stem)
        meta = _meta(dict(zip(_META, row))) if row else {}
        yield read_article(part.folder, name, aid or shown(stem), meta)


def _peak_rss() -> int:
    """Peak resident memory of this process, in bytes."""
    import resource
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb * (1 if sys.platform == "darwin" else 1024)


def _worker_address() -> str:
    try:
        from distributed import get_worker
        return get_worker().address
    except (ImportError, ValueError):
        return f"pid {os.getpid()}"


def run_partition(part: Part, out: str | None, time_budget: float | None = None) -> dict:
    """Read, decode and extract one part; write it to ``out`` (a folder) or return the frame.

    A file over the per-file ``time_budget`` (seconds) is reported and skipped."""
    cpu = time.process_time()
    rows: list[dict] = []
    problems: list[Problem] = []
    articles = nbytes = 0
    paths: list[str] = []
    # one warnings context for the whole part: entering it per article costs more than extracting
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        for article, probs, size in _articles(part):
            problems.extend(probs)
            if article is None:
                continue
            where = shown(article.path or article.id)
            try:
                rows.extend(article_records(article, time_budget)[0])
            except ExtractionTimeout as exc:
                problems.append(Problem(where, str(exc).removeprefix(f"{where}: "), fatal=True))
                continue
            except Exception as exc:           # one bad article must not sink an archive run
                problems.append(Problem(where, f"extraction failed: {type(exc).__name__}: {exc}", fatal=True))
                continue
            paths.append(where)
            articles += 1
            nbytes += size
    for w in caught:                           # the extractor's remarks reach the client, by file
        if issubclass(w.category, InputWarning):
            msg = str(w.message)
            where = next((p for p in paths if msg.startswith(f"{p}: ")), part.folder or "")
            problems.append(Problem(where, msg.removeprefix(f"{where}: ")))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    df = _frame(rows, FIGURE_COLUMNS)
    result = {"index": part.index, "articles": articles, "bytes": nbytes, "rows": len(df),
              "problems": problems, "worker": _worker_address(), "peak_rss": _peak_rss()}
    if out is None:
        result["frame"] = df
    else:
        write_part(df, Path(out) / PART.format(part.index))
    result["cpu"] = time.process_time() - cpu
    return result


# ---------------------------------------------------------------- planning on the client

def plan(corpus, partition_bytes: int | None = None, workers: int = 1, recursive: bool = False) -> list[Part]:
    """The parts of a corpus: folders and files are listed (not read), in corpus order.

    ``corpus`` is a folder, a file, a list of them, or already loaded Articles / a Corpus.
    Without ``partition_bytes`` a part holds 1/8 of a worker's share, within ``PARTITION_BYTES``.
    A part never spans two folders. Problems met while listing (links, FIFOs, sub-folders, ids
    made unique) travel with the first part, so the run reports them with the others.
    """
    listing_problems: list[Problem] = []
    if corpus is None:
        corpus = ["seeds"]
    elif isinstance(corpus, (str, bytes)) or hasattr(corpus, "__fspath__"):
        corpus = [corpus]
    elif not isinstance(corpus, (Corpus, Article)):
        corpus = list(corpus)
    if isinstance(corpus, (Corpus, Article)) or any(isinstance(a, Article) for a in corpus):
        items = [(None, a, len(a.text.encode("utf-8"))) for a in _as_corpus(corpus)]
    else:
        files, listing_problems = list_files(corpus, recursive=recursive)
        ids, id_problems = article_ids(files)
        listing_problems += id_problems
        items = [(folder, (name, aid), size) for (folder, name, size), aid in zip(files, ids)]
    if partition_bytes is None:
        low, high = PARTITION_BYTES
        partition_bytes = min(high, max(low, sum(i[2] for i in items) // (8 * max(1, workers))))
    parts: list[Part] = []
    folders: set = set()
    for folder, item, size in items:
        last = parts[-1] if parts else None
        if last is None or last.size >= partition_bytes or last.folder != folder:
            last = Part(len(parts), folder, articles=[] if folder is None else None,
                        catalog_problems=folder is not None and folder not in folders)
            folders.add(folder)
            parts.append(last)
        if folder is None:
            last.articles.append(item)
        else:
            last.names.append(item[0])
            last.ids.append(item[1])
        last.size += size
    if listing_problems:
        if not parts:
            parts.append(Part(0, None, articles=[]))
        parts[0].problems = listing_problems
    return parts


def local_workers() -> int:
    """Worker processes for a local cluster: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# Distributed's diagnostics wake every worker many times a second (a stack-sampling profiler every
# 10 ms, an event-loop tick every 20 ms, resource monitors): with pure-Python tasks that hold the GIL
# this cost ~20 % CPU here (measured: 56.9 -> 48.2 CPU s for 200 MB on 2 workers). Our tasks need none.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@contextlib.contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, client=None, memory_limit=None):
    """A ``distributed.Client``: the one given, one for ``scheduler``, or a new local cluster
    (each worker bounded by ``memory_limit``, Dask's default when None)."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster
    if scheduler:
        if workers:
            raise ValueError("give either a scheduler (an existing cluster) or a number of workers")
        with Client(scheduler) as c:
            yield c
        return
    import dask
    with dask.config.set(WORKER_CONFIG), \
            LocalCluster(n_workers=workers or local_workers(), threads_per_worker=1, processes=True,
                         **({"memory_limit": memory_limit} if memory_limit is not None else {}),
                         dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as c:
        yield c


# ---------------------------------------------------------------- a run

@dataclass
class DaskRun:
    """What a Dask run did: its output folder (or frame), counts, problems and worker memory."""
    path: Path | None = None
    frame: pd.DataFrame | None = None
    articles: int = 0
    files: int = 0
    bytes: int = 0
    rows: int = 0
    partitions: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    worker_peak_rss: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when some file or partition could not be read or extracted."""
        return any(p.fatal for p in self.problems)

    def read(self, columns=None) -> pd.DataFrame:
        """The figures frame of this run (read back from Parquet when it was written)."""
        return self.frame if self.path is None else read_figures(self.path, columns)

    def summary(self) -> str:
        mb = self.bytes / 1e6
        rate = f"{self.articles / self.seconds:.0f} articles/s, {mb / self.seconds:.2f} MB/s" if self.seconds else ""
        peak = max(self.worker_peak_rss.values(), default=0) / 2**20
        return (f"{self.articles} articles ({mb:.1f} MB), {self.rows} figures, {self.partitions} partitions "
                f"in {self.seconds:.1f} s ({rate}); peak worker memory {peak:.0f} MiB")


def _prepare(out) -> Path:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out}: exists and is not a folder (the Dask engine writes a folder of parts)")
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("part.*.parquet")) + [out / MANIFEST]:   # a previous run's output
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return out


def run(corpus=None, out=None, *, scheduler: str | None = None, workers: int | None = None,
        client=None, progress: bool = False, partition_bytes: int | None = None,
        retries: int = 2, warn: bool = True, recursive: bool = False,
        memory_limit: str | int | None = None, time_budget: float | None = None) -> DaskRun:
    """Extract every figure of ``corpus`` on Dask; write a Parquet dataset to ``out`` or keep the frame.

    Unreadable files are recorded in ``.problems`` with their path (and, ``warn=True``, issued
    as ``InputWarning``); the other files are still extracted. A partition whose task raises is
    retried ``retries`` times; tasks lost with a dead worker are rescheduled by Dask.
    ``recursive`` also reads sub-folders; ``memory_limit`` bounds each worker of a local cluster
    (Dask's ``memory_limit``, e.g. ``"1GB"``); ``time_budget`` is the per-file limit in seconds
    (default ``explore.records.TIME_BUDGET``): a file that takes longer is reported and skipped.
    """
    import dask.bag as db
    from distributed import as_completed

    t0 = time.perf_counter()
    outdir = _prepare(out) if out is not None else None
    frames: dict[int, pd.DataFrame] = {}
    bar = None
    with connect(scheduler, workers, client, memory_limit=memory_limit) as c:
        parts = plan(corpus, partition_bytes, workers=len(c.nthreads()), recursive=recursive)
        res = DaskRun(path=outdir, partitions=len(parts), files=sum(map(len, parts)))
        if not res.files and not any(p.fatal for part in parts for p in part.problems):
            where = ", ".join(map(str, corpus)) if isinstance(corpus, (list, tuple)) else str(corpus)
            res.problems.append(Problem(where, "no .txt articles found", fatal=True))
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=res.files, desc="figures (dask)", unit="article", file=sys.stderr)
        # one bag partition per planned part: each becomes one task on a worker
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
        target = None if outdir is None else str(outdir)
        tasks = bag.map(run_partition, target, time_budget).to_delayed()
        with warnings.catch_warnings():
            # the graph carries the file names (~20 bytes an article): past ~500,000 articles
            # it is over distributed's 10 MB hint, which is expected and harmless here
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            futures = c.compute(tasks, retries=retries) if parts else []
        index_of = {f.key: i for i, f in enumerate(futures)}
        for fut in as_completed(futures):
            try:
                results = fut.result()
            except Exception as exc:
                i = index_of[fut.key]
                names = parts[i].labels()
                res.problems.append(Problem(
                    f"{names[0]} .. {names[-1]}",
                    f"partition {i} ({len(parts[i])} articles) failed: {type(exc).__name__}: {exc}",
                    fatal=True))
                if bar is not None:
                    bar.update(len(parts[i]))
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
                if bar is not None:
                    bar.update(len(parts[r["index"]]))
    if bar is not None:
        bar.close()
    if outdir is None:
        ordered = [frames[i] for i in sorted(frames)]
        res.frame = (pd.concat(ordered, ignore_index=True) if ordered else _frame([], FIGURE_COLUMNS))
    res.seconds = time.perf_counter() - t0
    res.problems.sort(key=lambda p: p.path)
    if outdir is not None:
        _write_manifest(res)
    if warn:
        for p in res.problems:
            warnings.warn(str(p), InputWarning, stacklevel=2)
    return res


def _write_manifest(res: DaskRun) -> None:
    manifest = {
        "engine": "dask", "articles": res.articles, "files": res.files, "bytes": res.bytes,
        "figures": res.rows, "partitions": res.partitions, "seconds": round(res.seconds, 3),
        "columns": {c: t for c, (t, _) in FIGURE_COLUMNS.items()},
        "problems": [{"path": p.path, "message": p.message, "fatal": p.fatal} for p in res.problems],
    }
    (res.path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def write_figures(df: pd.DataFrame, out) -> Path:
    """Write a figures frame (e.g. from the pandas engine) as a one-part dataset in folder ``out``."""
    out = _prepare(out)
    write_part(df, out / PART.format(0))
    return out


def figures(corpus, engine: str = "dask", out=None, **options):
    """``explore.figures`` for ``engine="dask"`` (or ``out=`` given): the frame, or the run when ``out``."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "pandas":
        raise ValueError("out= writes a Parquet dataset with engine='dask'; with the pandas engine "
                         "use df.to_parquet(FILE) (read_figures opens either)")
    result = run(corpus, out, **options)
    return result.frame if out is None else result
