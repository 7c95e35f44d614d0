"""Articles and how they are read: decoding, catalog metadata, problems named by file.

>>> corpus = load_corpus("seeds")
>>> a = corpus["002_1d86e9404be00b17"]
>>> a.published.isoformat(), a.published_inferred
('2026-02-05', True)
"""
from __future__ import annotations

import csv
import datetime as dt
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .dateline import infer_metadata

CATALOG = "catalog.csv"
CATALOG_COLUMNS = ["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"]


# bytes below 32 other than tab, newline, form feed and carriage return: many of them mean binary data
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class InputWarning(UserWarning):
    """A file was read, but something about it needs the user's attention."""


class InputError(ValueError):
    """A file could not be read at all."""


@dataclass
class Article:
    """One article: its text exactly as decoded (all offsets refer to it) and its metadata."""
    id: str
    text: str
    path: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    language: str = "de"
    url: str | None = None
    encoding: str = "utf-8"
    inferred: tuple[str, ...] = ()    # metadata taken from the text itself (explore.dateline)

    @classmethod
    def from_text(cls, text: str, id: str = "text", **meta) -> "Article":
        return cls(id=id, text=text, **meta)


@dataclass
class Problem:
    """Something wrong with one input file; ``fatal`` when the file could not be read."""
    path: str
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Corpus:
    """Articles in a stable order, plus the problems met while reading them."""
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def __iter__(self):
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, key: str | int) -> Article:
        if isinstance(key, int):
            return self.articles[key]
        for a in self.articles:
            if a.id == key:
                return a
        raise KeyError(key)

    @property
    def failed(self) -> bool:
        """True when some file could not be read at all."""
        return any(p.fatal for p in self.problems)


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, list[str]]:
    """Text, encoding and warnings for the bytes of one article.

    UTF-8 first; else Windows-1252 (German umlauts and the euro sign), else Latin-1.
    Raises InputError for binary data.
    """
    notes: list[str] = []
    if not data.strip():
        notes.append("empty file: no text, no figures")
        return "", "utf-8", notes
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError(f"{path}: binary data, not text ({controls} control bytes in the first "
                         f"{len(sample)}); give it a .txt article in UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError as exc:
        bad = exc.start
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        notes.append(f"not valid UTF-8 (byte {bad}); decoded as {enc}")
        return text, enc, notes
    raise InputError(f"{path}: cannot decode")  # unreachable: latin-1 decodes every byte


def read_catalog(folder: Path) -> dict[str, dict]:
    """Catalog rows by article id from ``folder/catalog.csv`` (empty if there is none)."""
    path = folder / CATALOG
    if not path.exists():
        return {}
    rows = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows[row["id"]] = row
    return rows


def _meta(row: dict | None) -> dict:
    if not row:
        return {}
    published = None
    if row.get("published"):
        published = dt.date.fromisoformat(row["published"])
    return {
        "title": row.get("title") or None,
        "publisher": row.get("publisher") or None,
        "published": published,
        "published_inferred": (row.get("published_inferred") or "").lower() in ("1", "true", "yes"),
        "language": row.get("language") or "de",
        "url": row.get("url") or None,
    }


def _files(paths) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix == ".txt" and q.is_file()))
        else:
            out.append(p)
    return out


def load_corpus(*paths, warn: bool = True) -> Corpus:
    """Read articles from folders (every ``*.txt``) and files; a folder's ``catalog.csv`` gives metadata.

    Problems do not stop the others: each is recorded in ``corpus.problems`` with the file's
    path, and (``warn=True``) issued as an ``InputWarning``. Unreadable files are left out.
    """
    if not paths:
        paths = ("seeds",)
    corpus = Corpus()
    catalogs: dict[Path, dict] = {}
    for f in _files(paths):
        folder = f.parent
        if folder not in catalogs:
            catalogs[folder] = read_catalog(folder)
        try:
            data = f.read_bytes()
            text, enc, notes = decode(data, str(f))
        except (OSError, InputError) as exc:
            msg = str(exc).removeprefix(f"{f}: ")
            corpus.problems.append(Problem(str(f), msg, fatal=True))
            if warn:
                warnings.warn(f"{f}: {msg}", InputWarning, stacklevel=2)
            continue
        for note in notes:
            corpus.problems.append(Problem(str(f), note))
            if warn:
                warnings.warn(f"{f}: {note}", InputWarning, stacklevel=2)
        article = Article(id=f.stem, text=text, path=str(f), encoding=enc, **_meta(catalogs[folder].get(f.stem)))
        infer_metadata(article)       # date, title, publisher from the dateline where the catalog is silent
        corpus.articles.append(article)
    if not corpus.articles and not corpus.problems:
        corpus.problems.append(Problem(", ".join(map(str, paths)), "no .txt articles found", fatal=True))
        if warn:
            warnings.warn(f"{', '.join(map(str, paths))}: no .txt articles found", InputWarning, stacklevel=2)
    return corpus
