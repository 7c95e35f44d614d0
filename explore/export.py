"""Export every chart (and table) of a corpus: PNG and SVG through plotly's exporter (kaleido)
driving a real headless Chrome/Chromium, one browser for the whole batch, and HTML.

HTML needs no browser. PNG/SVG need Chrome or Chromium; kaleido finds it on the PATH (Debian:
``apt-get install chromium``) or through ``BROWSER_PATH``. Without one, :class:`BrowserNotFound`
says so and how to fix it.

>>> from explore.export import IMAGE_FORMATS, FORMATS
>>> FORMATS
('png', 'svg', 'html')
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from . import charts
from . import labels as L

FORMATS = ("png", "svg", "html")
IMAGE_FORMATS = ("png", "svg", "jpg", "webp", "pdf")
#: PNG pixel density: 2 gives a crisp image for reports (1800 x 1040 for the default size)
PNG_SCALE = 2

BROWSER_HELP = """\
No Chrome or Chromium browser was found, so PNG/SVG export cannot run (HTML export still works).
plotly's image exporter (kaleido) drives a headless Chrome/Chromium. Install one:
  Debian/Ubuntu:   sudo apt-get install chromium        (or run: bash scripts/setup.sh)
  Fedora:          sudo dnf install chromium
  macOS:           brew install --cask google-chrome     (or install Google Chrome)
  Windows:         install Google Chrome
  with internet:   .venv/bin/plotly_get_chrome           (downloads a Chrome for kaleido only)
or point BROWSER_PATH at a Chrome/Chromium executable, e.g. BROWSER_PATH=/usr/bin/chromium."""


class BrowserNotFound(RuntimeError):
    """PNG/SVG export needs Chrome or Chromium and none was found."""

    def __init__(self, message: str = BROWSER_HELP):
        super().__init__(message)


def find_browser() -> str | None:
    """The Chrome/Chromium kaleido will drive: ``$BROWSER_PATH``, else the PATH and usual places."""
    env = os.environ.get("BROWSER_PATH")
    if env:
        return env if (Path(env).is_file() or shutil.which(env)) else None
    try:
        from choreographer.browsers.chromium import Chromium
        found = Chromium.find_browser(skip_local=False)
    except Exception:    # choreographer changed: look for the usual names ourselves
        found = next(filter(None, map(shutil.which, ("google-chrome", "chrome", "chromium", "chromium-browser"))),
                     None)
    return str(found) if found else None


def _kaleido_server():
    import kaleido
    return getattr(kaleido, "_global_server", None)


@contextmanager
def browser_session():
    """Inside this block every ``fig.write_image`` reuses one headless browser.

    If a session is already running (a test fixture, an outer block) it is reused and left
    running. Raises :class:`BrowserNotFound` when there is no Chrome/Chromium.
    """
    if find_browser() is None:
        raise BrowserNotFound()
    import kaleido
    import plotly.io as pio
    server = _kaleido_server()
    running = bool(server and server.is_running())
    saved = pio.defaults.headers, pio.defaults.mathjax
    # No headers/MathJax: with a server, plotly would otherwise pass options the server ignores
    # (and warn), and MathJax comes from a CDN that may be unreachable.
    pio.defaults.headers, pio.defaults.mathjax = {}, False
    try:
        if not running:
            kaleido.start_sync_server(n=1, mathjax=False, silence_warnings=True)
        yield
    finally:
        if not running:
            kaleido.stop_sync_server(silence_warnings=True)
        pio.defaults.headers, pio.defaults.mathjax = saved


def write_chart(fig: go.Figure, path: str | Path, format: str | None = None) -> Path:
    """Write one chart as PNG, SVG, ... (via kaleido and Chrome/Chromium) or HTML (no browser).

    The format is taken from the file's suffix unless given. HTML files share one
    ``plotly.min.js`` written next to them, so they open offline.
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if not isinstance(fig, go.Figure):          # a FigureWidget: export it as shown
        fig = go.Figure(fig.to_dict())
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        fig.write_html(path, include_plotlyjs="directory", full_html=True,
                       config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": PNG_SCALE}})
        return path
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {FORMATS + IMAGE_FORMATS[2:]}")
    if find_browser() is None:
        raise BrowserNotFound()
    try:
        fig.write_image(path, format=fmt, scale=PNG_SCALE if fmt in ("png", "jpg", "webp") else 1)
    except RuntimeError as e:
        if "chrome" in str(e).lower():
            raise BrowserNotFound(f"{BROWSER_HELP}\n(kaleido said: {e})") from e
        raise
    return path


# ---------------------------------------------------------------- the corpus' charts

def topic_tables(source=None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus (figures and the topic tables), extracting the figures once."""
    from . import views
    return views.figures_and_tables(source, ("money", "budgets", "adoption", "stock_moves", "timeframes", "checks"))


def chart_set(tables: dict[str, pd.DataFrame], locale: str = "de", log: bool = False) -> dict[str, go.Figure]:
    """Every chart for a corpus' tables (see :func:`topic_tables`), by file name."""
    out: dict[str, go.Figure] = {}
    figs = tables["figures"]
    out["figures_per_article"] = charts.figure_counts(figs, locale=locale)
    out["figure_timeline"] = charts.figure_timeline(figs, locale=locale)
    if "budgets" in tables:
        for cur in charts.CURRENCIES:
            out[f"budgets_{cur.lower()}"] = charts.budget_bars(tables["budgets"], currency=cur, log=log,
                                                               locale=locale)
    if "adoption" in tables:
        by_app, by_market = charts.adoption_split(tables["adoption"])
        out["adoption_china_west"] = charts.adoption_ranges(
            by_app, y="subject", color="region", locale=locale, title=L.t("adoption_app_title", locale))
        out["adoption_markets"] = charts.adoption_ranges(
            by_market, y="region", color=None, locale=locale, title=L.t("adoption_market_title", locale))
    if "stock_moves" in tables:
        out["stock_moves"] = charts.stock_bars(tables["stock_moves"], locale=locale)
    if "timeframes" in tables:
        out["roi_timeframes"] = charts.timeframe_ranges(tables["timeframes"], locale=locale)
    if "checks" in tables:
        out["checks"] = charts.check_bars(tables["checks"], locale=locale)
    return out


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def write_charts(figs: dict[str, go.Figure], out: str | Path, formats: Iterable[str] = FORMATS,
                 progress: bool = False) -> ExportResult:
    """Write every chart in every format into ``out``; all images share one browser session.

    HTML is written even when no browser is found; the missing browser is then reported in
    ``ExportResult.errors`` (with how to fix it) instead of raising.
    """
    out = Path(out)
    formats = [f.strip().lower() for f in formats if f.strip()]
    bad = [f for f in formats if f != "html" and f not in IMAGE_FORMATS]
    if bad:
        raise ValueError(f"unknown format(s) {bad}: use {', '.join(FORMATS + IMAGE_FORMATS[2:])}")
    result = ExportResult()
    jobs = [(name, fmt) for fmt in formats for name in figs]
    html_jobs = [j for j in jobs if j[1] == "html"]
    image_jobs = [j for j in jobs if j[1] != "html"]
    if image_jobs and find_browser() is None:
        result.errors.append(BROWSER_HELP)
        image_jobs = []
    bar = _bar(len(html_jobs) + len(image_jobs), progress)
    try:
        for name, fmt in html_jobs:
            result.written.append(write_chart(figs[name], out / f"{name}.{fmt}", fmt))
            bar.update(1)
        if image_jobs:
            with browser_session():
                for name, fmt in image_jobs:
                    bar.set_postfix_str(f"{name}.{fmt}", refresh=False)
                    result.written.append(write_chart(figs[name], out / f"{name}.{fmt}", fmt))
                    bar.update(1)
    finally:
        bar.close()
    return result


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Every table as CSV (UTF-8) into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables.items():
        p = out / f"{name}.csv"
        rounded(df).to_csv(p, index=False)
        paths.append(p)
    return paths


# ---------------------------------------------------------------- tables as files

#: rates and percentages: written to 6 significant digits in CSV / JSON lines
RATE_COLUMNS = ("change_pct", "deviation_pct", "eur_rate", "change_points", "share_pct", "pct")


def _sig(x: float, digits: int = 6) -> float:
    if x == 0 or x != x or x in (float("inf"), float("-inf")):
        return x
    import math
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def rounded(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for text formats without float noise: rates and percentages (``RATE_COLUMNS``, any
    ``*_pct``) to 6 significant digits, other numbers of at least 1 to cents, smaller ones to 6
    significant digits. Parquet keeps the full precision.

    >>> df = pd.DataFrame({"amount_usd": [432324811.5892462], "change_pct": [-5.083333333], "ratio": [0.333333333]})
    >>> rounded(df).iloc[0].tolist()
    [432324811.59, -5.08333, 0.333333]
    """
    out = df.copy()
    for c in out.columns:
        if not pd.api.types.is_float_dtype(out[c]):
            continue
        if c in RATE_COLUMNS or c.endswith("_pct"):
            out[c] = out[c].map(_sig)
        else:
            out[c] = out[c].map(lambda x: round(x, 2) if abs(x) >= 1 else _sig(x))
    return out


def table_bytes(df: pd.DataFrame, fmt: str, sheet: str = "table") -> bytes:
    """A table as the bytes of a ``csv`` (UTF-8, rounded), ``jsonl`` (rounded), ``xlsx`` (Excel via
    openpyxl, full precision) or ``parquet`` file."""
    import io
    if fmt == "csv":
        return rounded(df).to_csv(index=False).encode("utf-8")
    if fmt == "jsonl":
        return rounded(df).to_json(orient="records", lines=True, force_ascii=False).encode("utf-8")
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    if fmt == "xlsx":
        return excel_bytes({sheet: df})
    raise ValueError(f"unknown table format {fmt!r}: use csv, jsonl, xlsx or parquet")


def excel_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook (openpyxl) with one sheet per table; characters Excel refuses are dropped."""
    import io
    import re
    bad = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, df in frames.items():
            clean = df.copy()
            for c in clean.columns:
                if clean[c].dtype == object or pd.api.types.is_string_dtype(clean[c]):
                    clean[c] = clean[c].map(lambda v: bad.sub("", v) if isinstance(v, str) else v)
            clean.to_excel(xl, sheet_name=name[:31], index=False)
    return buf.getvalue()


def datapackage_zip(source) -> bytes:
    """The Frictionless data package of a corpus (every table as CSV and Parquet plus
    ``datapackage.json``) as the bytes of a zip file."""
    import io
    import tempfile
    import zipfile
    from .datapackage import write_data_package
    with tempfile.TemporaryDirectory(prefix="explore-dp-") as tmp:
        written = write_data_package(source, tmp)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for p in written:
                z.write(p, f"explore-data/{Path(p).name}")
    return buf.getvalue()


def chart_bytes(fig: go.Figure, fmt: str) -> bytes:
    """One chart as the bytes of a PNG, SVG (kaleido + Chrome/Chromium) or self-contained HTML file."""
    import tempfile
    if fmt == "html":
        if not isinstance(fig, go.Figure):
            fig = go.Figure(fig.to_dict())
        return fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False}).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="explore-chart-") as tmp:
        path = write_chart(fig, Path(tmp) / f"chart.{fmt}", fmt)
        return path.read_bytes()


def export(source=None, out: str | Path = "charts", formats: Iterable[str] = FORMATS, tables: bool = True,
           locale: str = "de", log: bool = False, progress: bool = False) -> ExportResult:
    """Write every chart of a corpus (``source``: None for the seeds, a folder, a Corpus or a
    figures DataFrame) into ``out`` in each format, and every table as CSV into ``out/tables``."""
    data = topic_tables(source)
    result = write_charts(chart_set(data, locale=locale, log=log), out, formats, progress=progress)
    if tables:
        result.written.extend(write_tables(data, Path(out) / "tables"))
    return result


def _bar(total: int, enabled: bool):
    from tqdm import tqdm
    return tqdm(total=total, desc="export", unit="file", disable=not enabled, file=sys.stderr,
                dynamic_ncols=True)
