"""``explore export-data``: every table as CSV and Parquet, described by a Frictionless ``datapackage.json``.

>>> import tempfile, json, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> paths = write_data_package("seeds", out)
>>> pkg = json.loads((out / "datapackage.json").read_text())
>>> [r["name"] for r in pkg["resources"]][:3]
['figures', 'figures-parquet', 'money']
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from . import __version__
from .schemas import TABLES

VIEWS = ("money", "budgets", "adoption", "changes", "stock_moves", "timeframes", "checks")
_TYPES = {"string": "string", "int64": "integer", "Int64": "integer", "float64": "number", "boolean": "boolean"}


def _fields(table: str) -> list[dict]:
    fields = []
    for name, dtype, meaning, unit in TABLES[table]:
        f = {"name": name, "type": _TYPES[dtype], "description": meaning}
        if unit:
            f["unit"] = unit
        if name in ("published", "date", "date_end", "rate_date", "as_of"):
            f["format"] = "ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
        fields.append(f)
    return fields


def tables(source=None) -> dict:
    """The figures table and every topic table of a source, by name."""
    from . import views
    return views.figures_and_tables(source, VIEWS)


def write_data_package(source, out) -> list[Path]:
    """Write each table as ``NAME.csv`` and ``NAME.parquet`` into ``out`` plus ``datapackage.json``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    frames = tables(source)
    figs = frames["figures"]
    written, resources = [], []
    for name, df in frames.items():
        csv, pq = out / f"{name}.csv", out / f"{name}.parquet"
        df.to_csv(csv, index=False)
        df.to_parquet(pq, index=False)
        written += [csv, pq]
        schema = {"fields": _fields(name)}
        title = name.replace("_", " ")
        resources.append({"name": name, "path": csv.name, "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "title": title, "rows": len(df), "schema": schema})
        resources.append({"name": f"{name.replace('_', '-')}-parquet", "path": pq.name, "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet", "title": f"{title} (Parquet)",
                          "rows": len(df), "schema": schema})
    for r in resources:
        r["name"] = r["name"].replace("_", "-")
    articles = figs.drop_duplicates("article")[["article", "title", "publisher", "published"]]
    sources = [{"title": a.title or a.article, "publisher": a.publisher, "published": a.published,
                "article": a.article} for a in articles.astype(object).where(articles.notna(), None)
               .itertuples()]
    package = {
        "profile": "data-package",
        "name": "explore-figures",
        "title": "Figures of German news articles, with provenance",
        "description": "Every figure the articles state (figures) and the topic tables built on them. "
                       "Each row keeps its article, character offsets, exact text and sentence. Money is "
                       "converted at the European Central Bank's reference rate of the article's date "
                       "(the currencies the euro replaced to EUR at their irrevocable conversion rate).",
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "version": __version__,
        "contributors": [{"title": f"explore {__version__}", "role": "author"}],
        "sources": sources,
        "resources": resources,
    }
    path = out / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    return written + [path]
