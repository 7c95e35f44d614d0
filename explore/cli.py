"""The ``explore`` command: tables of figures, and scoring against an answer key."""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

from .corpus import CATALOG, InputWarning, is_text_name, load_corpus
from .engines import is_figures_dataset

FORMATS = ("csv", "jsonl", "parquet")


def write_table(df: pd.DataFrame, fmt: str, out: str | None) -> None:
    """Write a table as CSV, JSON lines or Parquet to a file, or (CSV, JSON lines) to stdout."""
    if fmt in ("csv", "jsonl"):
        df = _rounded(df)
    if fmt == "parquet":
        if not out:
            raise SystemExit("explore: --format parquet needs -o FILE (Parquet is binary)")
        df.to_parquet(out, index=False)
    elif fmt == "jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False)
        _emit(text if text.endswith("\n") or not text else text + "\n", out)
    else:
        _emit(csv_text(df), out)


def csv_text(df: pd.DataFrame, **options) -> str:
    """A table as CSV that reads back as the same rows: a field holding a line break is quoted.

    Python's CSV writer quotes a field only for the characters of its line terminator, so a
    bare CR in a sentence would be written unquoted and shift the columns for a reader; when a
    text holds a CR, the rows end in CRLF (RFC 4180), which quotes it.
    """
    has_cr = any(df[c].astype("string").str.contains("\r", regex=False).any()
                 for c in df.columns if df[c].dtype == object or str(df[c].dtype) == "string")
    return df.to_csv(index=False, lineterminator="\r\n" if has_cr else "\n", **options)


def check_output(out: str | None, inputs, folder: bool = False, flag: str = "-o") -> None:
    """Refuse, before any work, an output path that cannot be written or would destroy an input.

    ``folder=True``: ``out`` is a folder to create or fill (the Dask engine's dataset, ``export``).
    """
    if not out:
        return
    p = Path(out)
    if folder:
        if p.exists() and not p.is_dir():
            raise SystemExit(f"explore: {flag} {out}: exists and is not a folder")
        existing = next(a for a in [p, *p.absolute().parents] if a.exists())
        if not os.access(existing, os.W_OK):
            raise SystemExit(f"explore: {flag} {out}: {existing} is not writable")
    else:
        if p.is_dir():
            raise SystemExit(f"explore: {flag} {out}: is a folder; give a file name")
        parent = p.parent
        if not parent.is_dir():
            raise SystemExit(f"explore: {flag} {out}: the folder {parent} does not exist")
        if not os.access(p if p.exists() else parent, os.W_OK):
            raise SystemExit(f"explore: {flag} {out}: not writable")
    target = p.resolve()
    for inp in inputs or ["seeds"]:
        r = Path(inp).resolve()
        if target == r or (r.is_dir() and target.parent == r and not folder
                           and (is_text_name(target.name) or target.name == CATALOG)):
            raise SystemExit(f"explore: {flag} {out} would overwrite the input {inp}; write somewhere else")


def _emit(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8", newline="")   # no newline translation
    else:
        sys.stdout.write(text)


def _load(paths, args=None):
    """Load a corpus, reporting each problem on stderr with its file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        corpus = load_corpus(*(paths or ["seeds"]), recursive=getattr(args, "recursive", False),
                             progress=bool(getattr(args, "progress", False)))
    _report(corpus.problems)
    return corpus


def _report(problems, start: int = 0) -> None:
    for p in problems[start:]:
        print(f"explore: {'error' if p.fatal else 'warning'}: {p}", file=sys.stderr)


def _figures(corpus, args):
    """``explore.figures`` with the per-file time budget; files over it are reported on stderr."""
    from . import dataframes
    n = len(corpus.problems)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        df = dataframes.figures(corpus, progress=args.progress, time_budget=getattr(args, "time_budget", None))
    timeouts = {str(p) for p in corpus.problems[n:]}
    for w in caught:                   # the extractor's remarks (malformed table rows), one line each
        if issubclass(w.category, InputWarning) and str(w.message) not in timeouts:
            print(f"explore: warning: {w.message}", file=sys.stderr)
        elif not issubclass(w.category, InputWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    _report(corpus.problems, n)
    return df


VIEWS = ("money", "budgets", "adoption", "changes", "stock-moves", "timeframes", "checks")


def cmd_table(args) -> int:
    from . import dataframes
    if args.name != "figures":
        return _table_view(args)
    if args.engine == "dask":
        return _table_dask(args)
    if args.workers or args.scheduler:
        raise SystemExit("explore: --workers and --scheduler need --engine dask")
    check_output(args.output, args.paths)
    corpus = _load(args.paths, args)
    if args.unmatched:
        df = dataframes.unmatched(corpus)
    else:
        df = _figures(corpus, args)
    if _readable_wanted(args):
        return _print_readable(df, "figures", args.locale or _corpus_locale(corpus)) or (1 if corpus.failed else 0)
    write_table(df, args.format or "csv", args.output)
    return 1 if corpus.failed else 0


def _table_view(args) -> int:
    """A topic table, from articles or from a figures Parquet dataset (no texts needed)."""
    from . import views
    if args.unmatched:
        raise SystemExit("explore: --unmatched applies to 'table figures' only")
    if args.engine == "dask":
        return _table_view_dask(args)
    failed = False
    check_output(args.output, args.paths)
    if len(args.paths) == 1 and is_figures_dataset(args.paths[0]):
        source = args.paths[0]
    else:
        source = _load(args.paths, args)
        failed = source.failed
    df = getattr(views, args.name.replace("-", "_"))(source)
    if _readable_wanted(args):
        _print_readable(df, args.name, args.locale or _corpus_locale(source))
        return 1 if failed else 0
    write_table(df, args.format or "csv", args.output)
    return 1 if failed else 0


def _table_view_dask(args) -> int:
    """``table money ARCHIVE --engine dask -o OUT``: the workers build the table, one Parquet part each."""
    from .dask_tables import run_table
    if args.format not in (None, "parquet"):
        raise SystemExit("explore: --engine dask writes a Parquet dataset (--format parquet)")
    if not args.output:
        raise SystemExit("explore: --engine dask needs -o OUT_DIR (a folder for the Parquet parts)")
    result = run_table(args.paths or ["seeds"], args.name.replace("-", "_"), args.output, workers=args.workers,
                       scheduler=args.scheduler)
    for p in result.problems:
        print(f"explore: {'error' if p.fatal else 'warning'}: {p}", file=sys.stderr)
    print(f"explore: {result.articles} articles, {result.rows} rows of {args.name} in {result.partitions} parts; "
          f"wrote {result.path}", file=sys.stderr)
    return 1 if result.failed else 0


# ---------------------------------------------------------------- tables for people (rich)

def _rounded(df: pd.DataFrame) -> pd.DataFrame:
    """Amounts to cents, rates and percentages to 6 significant digits (CSV and JSON lines)."""
    from .export import rounded
    return rounded(df)


def _readable_wanted(args) -> bool:
    """A person at a terminal, no --format and no -o: print a readable table instead of data."""
    return args.format is None and not args.output and sys.stdout.isatty() and not getattr(args, "unmatched", False)


def _corpus_locale(source) -> str:
    from .labels import for_corpus
    return for_corpus(source if hasattr(source, "articles") else None)


def _print_readable(df: pd.DataFrame, name: str, locale: str, console=None) -> None:
    """The useful columns of a table as a rich table: numbers in the locale, long sentences
    shortened, the row count and how to get the data instead."""
    from rich.console import Console
    from rich.table import Table

    from . import labels as L
    from .app.topics import readable, topic
    console = console or Console()
    t = topic(name)
    width = console.width
    long = ("sentence", "title", "note", "claim")
    cols = [c for c in t.columns if c in df.columns and (width >= 140 or c != "title")]
    text = readable(df, cols, locale, width=max(40, width // 2))
    table = Table(title=t.label(locale), header_style="bold", expand=width >= 100, pad_edge=False)
    for c, head in zip(cols, text.columns):
        numeric = pd.api.types.is_numeric_dtype(df[c]) and df[c].dtype != bool
        if c in long:
            table.add_column(head, overflow="fold", ratio=2 if c == "sentence" else 1, min_width=20)
        else:
            table.add_column(head, justify="right" if numeric else "left", no_wrap=True, overflow="ellipsis",
                             max_width=28)
    for row in text.itertuples(index=False):
        table.add_row(*row)
    console.print(table)
    console.print(f"{L.t('rows', locale, n=len(df))} · {L.t('format_hint', locale)}", style="dim", highlight=False)


def cmd_app(args) -> int:
    from .app.serve import serve
    return serve(args.paths or (["seeds"] if Path("seeds").is_dir() else []), port=args.port,
                 browser=not args.no_browser, locale=args.locale)


def cmd_export_data(args) -> int:
    from .datapackage import write_data_package
    check_output(args.out, args.paths, folder=True, flag="--out")
    if len(args.paths) == 1 and is_figures_dataset(args.paths[0]):
        source, failed = args.paths[0], False
    else:
        source = _load(args.paths)
        failed = source.failed
    written = write_data_package(source, args.out)
    print(f"explore: wrote {len(written)} files to {args.out} (CSV, Parquet, datapackage.json)", file=sys.stderr)
    return 1 if failed else 0


def _table_dask(args) -> int:
    """``table figures --engine dask``: a Parquet dataset in the folder ``-o``, problems on stderr."""
    from . import engines
    if args.unmatched:
        raise SystemExit("explore: --unmatched runs on the pandas engine only")
    if args.format not in (None, "parquet"):
        raise SystemExit("explore: --engine dask writes a Parquet dataset (--format parquet)")
    if not args.output:
        raise SystemExit("explore: --engine dask needs -o OUT_DIR (a folder for the Parquet parts)")
    check_output(args.output, args.paths, folder=True)
    result = engines.run(args.paths or ["seeds"], args.output, workers=args.workers,
                         scheduler=args.scheduler, progress=args.progress or sys.stderr.isatty(),
                         warn=False, recursive=args.recursive, time_budget=args.time_budget)
    for p in result.problems:
        print(f"explore: {'error' if p.fatal else 'warning'}: {p}", file=sys.stderr)
    print(f"explore: {result.summary()}; wrote {result.path}", file=sys.stderr)
    return 1 if result.failed else 0


def cmd_eval(args) -> int:
    from .evaluate import GoldError, evaluate
    corpus = _load(args.paths)
    try:
        report = evaluate(args.gold, corpus)
    except (GoldError, OSError) as exc:
        print(f"explore: error: {exc}", file=sys.stderr)
        return 2
    for note in report.notes:
        print(f"explore: warning: {note}", file=sys.stderr)
    with pd.option_context("display.width", 120, "display.max_columns", 20):
        print(report.table().to_string(index=False))
    if args.verbose:
        for g in report.overall.misses:
            print(f"miss  {g['article']} {g['surface']!r} {g['kind']} {g.get('low')} {g.get('unit')}")
        for p in report.overall.false_positives:
            print(f"extra {p['article']} {p['text']!r} {p['kind']} {p.get('low')} {p.get('unit')}")
    return 1 if corpus.failed or report.notes else 0


def cmd_eval_tables(args) -> int:
    from .evaluate_tables import SPECS, evaluate_tables, report
    keys: dict[str, Path] = {}
    for k in args.keys:
        k = Path(k)
        files = sorted(k.glob("*.jsonl")) if k.is_dir() else [k]
        for f in files:
            if f.stem in SPECS and (not args.table or f.stem in args.table):
                keys[f.stem] = f
    if not keys:
        raise SystemExit(f"explore: no key file for {', '.join(args.table or SPECS)} in {', '.join(args.keys)}")
    corpus = _load(args.paths)
    print(report(evaluate_tables(keys, source=corpus), verbose=args.verbose))
    return 1 if corpus.failed else 0


def cmd_export(args) -> int:
    from . import export
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    check_output(args.out, args.paths, folder=True, flag="--out")
    corpus = _load(args.paths)
    if corpus.failed and not len(corpus):
        return 1
    result = export.export(corpus, out=args.out, formats=formats, tables=not args.no_tables,
                           locale=args.locale, log=args.log, progress=not args.quiet)
    charts = [p for p in result.written if p.parent == Path(args.out)]
    print(f"explore: wrote {len(charts)} chart files and {len(result.written) - len(charts)} tables "
          f"to {args.out}", file=sys.stderr)
    for err in result.errors:
        print(f"explore: error: {err}", file=sys.stderr)
    return 1 if result.errors or corpus.failed else 0


def cmd_eval_ner(args) -> int:
    from .ner.data import LABELS
    from .ner.score import evaluate_file
    types = [t.strip().upper() for t in args.types.split(",") if t.strip()]
    bad = [t for t in types if t not in LABELS]
    if bad:
        raise SystemExit(f"explore: unknown type(s) {', '.join(bad)}; choose from {','.join(LABELS)}")
    if not Path(args.file).is_file():
        raise SystemExit(f"explore: no such file: {args.file}")
    try:
        lines = evaluate_file(args.file, types=types)
    except ValueError as e:
        raise SystemExit(f"explore: {e}")
    print("\n".join(lines))
    return 0


def cmd_train_ner(args) -> int:
    import subprocess
    script = Path(__file__).resolve().parent.parent / "scripts" / "train_ner.py"
    if not script.exists():
        raise SystemExit("explore: train-ner needs a source checkout (scripts/train_ner.py)")
    return subprocess.call([sys.executable, str(script), *args.rest])


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="explore", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("table", help="write a table of the corpus (figures, money, budgets, ...)",
                       description="Write a table of the articles. 'figures': every figure; each row keeps "
                                   "its article, start/end offsets, exact text and sentence. The topic tables "
                                   "(money, budgets, adoption, stock-moves, timeframes, checks) are built on "
                                   "the figures and carry the same provenance; they also read a figures "
                                   "Parquet dataset written by --engine dask.")
    t.add_argument("name", choices=["figures", *VIEWS], help="which table")
    t.add_argument("paths", nargs="*", metavar="PATH",
                   help="folders of .txt articles or single files (default: seeds/); for a topic table "
                        "also a figures Parquet dataset")
    t.add_argument("--format", choices=FORMATS, help="output format (default: csv; parquet with --engine dask)")
    t.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of stdout (with --engine dask: the output folder)")
    t.add_argument("--unmatched", action="store_true",
                   help="list the digits that are not inside any figure, with the reason, instead")
    t.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    t.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                   help="pandas: in this process (default); dask: on a Dask cluster, streaming the "
                        "files, into a partitioned Parquet dataset in -o OUT_DIR")
    t.add_argument("--workers", type=int, metavar="N",
                   help="--engine dask: worker processes of the local cluster (default: one per core)")
    t.add_argument("--scheduler", metavar="ADDR",
                   help="--engine dask: run on the existing cluster at ADDR (tcp://HOST:PORT)")
    t.add_argument("--recursive", action="store_true", help="also read the sub-folders of a folder")
    t.add_argument("--time-budget", type=float, metavar="SECONDS",
                   help="per-file extraction time limit; a file over it is reported and skipped "
                        "(default: 120, or EXPLORE_TIME_BUDGET)")
    t.add_argument("--locale", choices=("de", "en"),
                   help="on a terminal: numbers and headers in German (default for German articles) or English")
    t.set_defaults(func=cmd_table)

    a = sub.add_parser("app", help="open the app in the browser: your articles, every table and chart",
                       description="Serve the explore app (Voilà) on 127.0.0.1 and open it in the browser: "
                                   "choose a folder, upload .txt files or paste text, and see every table "
                                   "and chart with downloads.")
    a.add_argument("paths", nargs="*", metavar="PATH", help="folders of .txt articles or files (default: seeds/)")
    a.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    a.add_argument("--no-browser", action="store_true", help="do not open a browser; print the address")
    a.add_argument("--locale", choices=("de", "en"), help="language of the app (default: de)")
    a.set_defaults(func=cmd_app)

    e = sub.add_parser("eval", help="score the extractor against a gold JSON-lines key",
                       description="Extract figures from PATH (default: seeds/) and print precision, "
                                   "recall and F1 per kind against GOLD (FIGURES.md scoring rule).")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("paths", nargs="*", metavar="PATH")
    e.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    e.set_defaults(func=cmd_eval)

    v = sub.add_parser("eval-tables", help="score the topic tables (money, stock moves) against a key",
                       description="Build the topic tables of PATH and print recall and precision per table "
                                   "against the key rows (tests/gold/tables/FORMAT.md); KEY is a key file "
                                   "named after its table (money.jsonl, stock_moves.jsonl) or a folder of them.")
    v.add_argument("keys", nargs=1, metavar="KEY")
    v.add_argument("paths", nargs="*", metavar="PATH", help="the documents the key covers (default: seeds/)")
    v.add_argument("--table", action="append", metavar="NAME", help="only this table (repeatable)")
    v.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    v.set_defaults(func=cmd_eval_tables)

    d = sub.add_parser("export-data", help="write every table as CSV and Parquet with a datapackage.json",
                       description="Write the figures and every topic table as CSV and Parquet into --out, "
                                   "described (columns, units, sources) by a Frictionless datapackage.json.")
    d.add_argument("paths", nargs="*", metavar="PATH",
                   help="folders of .txt articles, single files, or a figures Parquet dataset (default: seeds/)")
    d.add_argument("--out", default="data", metavar="DIR", help="output folder (default: data)")
    d.set_defaults(func=cmd_export_data)

    x = sub.add_parser("export", help="write every chart (PNG/SVG/HTML) and table (CSV) of the corpus",
                       description="Write every chart of the articles into --out, in each --format, and "
                                   "every table as CSV into OUT/tables. PNG and SVG are drawn by plotly's "
                                   "exporter (kaleido) in one headless Chrome/Chromium session; HTML needs "
                                   "no browser.")
    x.add_argument("paths", nargs="*", metavar="PATH",
                   help="folders of .txt articles or single files (default: seeds/)")
    x.add_argument("--out", default="charts", metavar="DIR", help="output folder (default: charts)")
    x.add_argument("--format", default="png,svg,html", metavar="png,svg,html",
                   help="comma-separated formats: png, svg, html (also jpg, webp, pdf); default: all three")
    x.add_argument("--locale", choices=("de", "en"), default="de",
                   help="labels, numbers and dates: de (default, German) or en")
    x.add_argument("--log", action="store_true", help="budgets on a log scale")
    x.add_argument("--no-tables", action="store_true", help="charts only, no CSV tables")
    x.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    x.set_defaults(func=cmd_export)

    n = sub.add_parser("eval-ner", help="score the NER model on a GermEval-format file",
                       description="Tag FILE.tsv (GermEval 2014 format: index, token, outer tag[, inner "
                                   "tag]) with the shipped NER model and print precision, recall and F1 per "
                                   "type and overall (outer level, exact spans; deriv/part tags count as O).")
    n.add_argument("file", metavar="FILE.tsv")
    n.add_argument("--types", default="PER,ORG,LOC,OTH", help="comma-separated types (default: PER,ORG,LOC,OTH)")
    n.set_defaults(func=cmd_eval_ner)

    r = sub.add_parser("train-ner", help="retrain the NER model (runs scripts/train_ner.py)",
                       description="Retrain the NER model from GermEval 2014 and SmartData; arguments are "
                                   "passed to scripts/train_ner.py (see its --help).")
    r.add_argument("rest", nargs=argparse.REMAINDER)
    r.set_defaults(func=cmd_train_ner)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
