"""Articles and how they are read: decoding, catalog metadata, problems named by file.

>>> corpus = load_corpus("seeds")
>>> a = corpus["002_1d86e9404be00b17"]
>>> a.published.isoformat(), a.published_inferred
('2026-02-05', True)
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import io
import os
import re
import stat
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


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BLOCK = 65536
_LONE_CR = re.compile(r"\r(?!\n)")


def shown(path) -> str:
    r"""A path as text that can always be printed: bytes that are not UTF-8 (kept by the file system
    as surrogates) are shown as ``\\xNN``.

    >>> shown(b"caf\xe9.txt")
    'caf\\xe9.txt'
    """
    s = os.fspath(path)
    if isinstance(s, bytes):
        s = os.fsdecode(s)
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _binary_block(data: bytes) -> tuple[int, int] | None:
    """(offset, control bytes) of the first 64 KB block of ``data`` that looks binary, if one does."""
    n = len(data)
    starts = list(range(0, max(n - _BLOCK, 0) + 1, _BLOCK))
    if n > _BLOCK and starts[-1] + _BLOCK < n:
        starts.append(n - _BLOCK)          # the tail, as a whole block (a short remainder is no sample)
    for a in starts:
        block = data[a:a + _BLOCK]
        controls = len(block) - len(block.translate(None, _CONTROL_BYTES))
        if controls > len(block) * 0.05:
            return a, controls
    return None


def _utf8_with_replacements(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 text with each invalid byte sequence replaced by U+FFFD, and the byte offsets replaced."""
    bad: list[int] = []
    out: list[str] = []
    pos = 0
    while True:
        try:
            out.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            out.append(data[pos:pos + exc.start].decode("utf-8"))
            bad.append(pos + exc.start)
            out.append("\ufffd")
            pos += exc.end
    return "".join(out), bad


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, list[str]]:
    """Text, encoding and warnings for the bytes of one article.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-8, where a few invalid bytes in
    an otherwise UTF-8 file become U+FFFD (their positions reported) rather than the whole file
    falling back; else Windows-1252 (German umlauts and the euro sign), else Latin-1. Lone CR
    line breaks (classic Mac) are read as ``\\n`` (same length: offsets do not move).
    Raises InputError for binary data anywhere in the file.

    >>> decode("5 €".encode("utf-16"))[:2]
    ('5 €', 'utf-16')
    >>> text, enc, notes = decode("5 € und 7 €".encode() + b"\\xff")
    >>> text, enc, notes[0][:36]
    ('5 € und 7 €\\ufffd', 'utf-8', 'not valid UTF-8 at 1 byte (byte 15);')
    """
    notes: list[str] = []
    if not data.strip():
        notes.append("empty file: no text, no figures")
        return "", "utf-8", notes
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            enc = "utf-8" if enc == "utf-8-sig" else enc
            if "\ufffd" in text and enc != "utf-8":
                notes.append(f"{enc} with {text.count(chr(0xfffd))} undecodable characters, replaced by U+FFFD")
            break
    else:
        text = enc = None
    if text is None:
        hit = _binary_block(data)
        if hit is not None:
            raise InputError(f"{path}: binary data, not text ({hit[1]} control bytes in the 64 KB from byte "
                             f"{hit[0]}); give it a .txt article in UTF-8")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, bad = _utf8_with_replacements(data)
            wide = sum(1 for ch in text if ch > "\x7f") - len(bad)     # well-formed multi-byte characters
            if wide >= len(bad):
                first = ", ".join(map(str, bad[:5])) + (", ..." if len(bad) > 5 else "")
                notes.append(f"not valid UTF-8 at {len(bad)} byte{'s' if len(bad) > 1 else ''} (byte {first}); "
                             f"replaced by U+FFFD, the rest read as UTF-8")
                enc = "utf-8"
            else:
                for enc in ("cp1252", "latin-1"):
                    try:
                        text = data.decode(enc)
                    except UnicodeDecodeError:
                        continue
                    notes.append(f"not valid UTF-8 (byte {bad[0]}); decoded as {enc}")
                    break
    nul = text.find("\x00")
    if nul >= 0:
        notes.append(f"{text.count(chr(0))} NUL characters (the first at character {nul}), replaced by U+FFFD")
        text = text.replace("\x00", "\ufffd")
    if "\r" in text:
        lone = len(_LONE_CR.findall(text))
        if lone:
            notes.append(f"{lone} line breaks are a lone CR (classic Mac); read as line breaks")
            text = _LONE_CR.sub("\n", text)
    return text, enc, notes


# --- the catalog ------------------------------------------------------------------------------------

def _catalog_text(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")      # what Excel writes on Windows


def _delimiter(header: str) -> str:
    """The delimiter of a CSV header line: whichever of , ; TAB it holds most (outside quotes)."""
    bare = re.sub(r'"[^"]*"', "", header)
    counts = {d: bare.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def parse_date(value: str) -> dt.date | None:
    """A catalog date: ISO ``2025-02-17`` (a time after it is ignored), or German ``17.02.2025``.
    Raises ValueError for anything else, or an impossible day.

    >>> parse_date("17.02.2025"), parse_date("2025-02-17T10:00:00")
    (datetime.date(2025, 2, 17), datetime.date(2025, 2, 17))
    """
    v = value.strip()
    if not v:
        return None
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", v)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?", v)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(v)


def read_catalog(folder: Path, problems: list | None = None) -> dict[str, dict]:
    """Catalog rows by article id from ``folder/catalog.csv`` (empty if there is none).

    The file's encoding (BOM, UTF-8, else Windows-1252) and delimiter (``,``, ``;`` or TAB) are
    sniffed. A problem (no ``id`` column, a row with more fields than the header, an empty or
    repeated id, a date that is not one) costs only that row or field: it is appended to
    ``problems`` as a ``Problem`` naming the file, row and column (or, without ``problems``,
    issued as an ``InputWarning``), and the rest of the catalog is read.
    """
    path = Path(folder) / CATALOG
    found: list[Problem] = []

    def problem(msg):
        found.append(Problem(shown(path), msg))

    rows: dict[str, dict] = {}
    try:
        if path.is_file():
            rows = _read_catalog(path, problem)
        elif path.exists() or path.is_symlink():
            problem("not a regular file; catalog not read")
    except OSError as exc:
        problem(f"cannot be read ({exc.strerror or exc}); articles load without metadata")
    if problems is None:
        for p in found:
            warnings.warn(str(p), InputWarning, stacklevel=2)
    else:
        problems.extend(found)
    return rows


def _read_catalog(path: Path, problem) -> dict[str, dict]:
    text = _catalog_text(path.read_bytes())
    lines = text.splitlines()
    if not lines:
        return {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]))
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        return {}
    if "id" not in header:
        problem(f"row 1: no 'id' column (columns: {', '.join(header) or 'none'}); articles load without metadata")
        return {}
    rows: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem(f"row {reader.line_num}: {exc}; row skipped")
            continue
        n = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) > len(header):
            problem(f"row {n}: {len(fields)} fields but the header has {len(header)} (an unquoted "
                    f"delimiter?); row skipped")
            continue
        row = dict(zip(header, [f.strip() for f in fields]))
        rid = row.get("id", "")
        if not rid:
            problem(f"row {n}, column id: empty; row skipped")
            continue
        if rid in rows:
            problem(f"row {n}, column id: {rid!r} repeats row {first_row[rid]}; the first is used")
            continue
        if row.get("published"):
            try:
                row["published"] = parse_date(row["published"]).isoformat()
            except ValueError:
                problem(f"row {n}, column published: {row['published']!r} is not a date (YYYY-MM-DD); left empty")
                row["published"] = ""
        rows[rid] = row
        first_row[rid] = n
    return rows


def _meta(row: dict | None) -> dict:
    if not row:
        return {}
    published = None
    if row.get("published"):
        try:
            published = parse_date(row["published"])
        except ValueError:
            published = None
    return {
        "title": row.get("title") or None,
        "publisher": row.get("publisher") or None,
        "published": published,
        "published_inferred": (row.get("published_inferred") or "").lower() in ("1", "true", "yes"),
        "language": row.get("language") or "de",
        "url": row.get("url") or None,
    }


# --- listing files ----------------------------------------------------------------------------------

def is_text_name(name: str) -> bool:
    """Is this a file name the folders are read for (``.txt`` in any case)?"""
    return name.lower().endswith(".txt")


def _kind(mode: int) -> str:
    return ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else
            "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file")


def list_files(paths, recursive: bool = False) -> tuple[list[tuple[str, str, int]], list[Problem]]:
    """(folder, file name, size) of every article file of ``paths``, and the problems met.

    A folder gives its regular ``*.txt`` files (any case: ``.TXT``) sorted by name; its
    sub-folders are read with ``recursive`` and otherwise named as skipped. Symbolic link loops,
    dangling links, FIFOs and other files that are not regular are named and skipped; a path
    given twice is read once. Nothing is opened, so a FIFO cannot hang the run.
    """
    files: list[tuple[str, str, int]] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def add_file(folder, name, st):
        key = (st.st_dev, st.st_ino)
        if key in seen:
            problems.append(Problem(shown(os.path.join(folder, name)), "given twice (or linked); read once"))
            return
        seen.add(key)
        files.append((folder, name, st.st_size))

    def walk(folder: str, visited: frozenset):
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(shown(folder), f"cannot list the folder ({exc.strerror or exc})", fatal=True))
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            where = shown(e.path)
            try:
                st = os.stat(e.path)
            except OSError as exc:
                if e.is_symlink():
                    what = "a symbolic link loop" if exc.errno == errno.ELOOP else "a dangling symbolic link"
                    problems.append(Problem(where, f"{what}; skipped", fatal=is_text_name(e.name)))
                elif is_text_name(e.name):
                    problems.append(Problem(where, f"cannot be read ({exc.strerror or exc}); skipped", fatal=True))
                continue
            if stat.S_ISDIR(st.st_mode):
                if not recursive:
                    problems.append(Problem(where, "a sub-folder; skipped (read sub-folders with --recursive)"))
                elif (st.st_dev, st.st_ino) in visited:
                    problems.append(Problem(where, "a link back to a folder being read; skipped"))
                else:
                    walk(e.path, visited | {(st.st_dev, st.st_ino)})
            elif is_text_name(e.name):
                if stat.S_ISREG(st.st_mode):
                    add_file(folder, e.name, st)
                else:
                    problems.append(Problem(where, f"not a regular file (a {_kind(st.st_mode)}); skipped",
                                            fatal=True))

    for p in paths:
        p = os.fspath(p)
        try:
            st = os.stat(p)
        except OSError as exc:
            msg = ("a symbolic link loop" if exc.errno == errno.ELOOP else
                   "no such file or folder" if exc.errno == errno.ENOENT else exc.strerror or str(exc))
            problems.append(Problem(shown(p), msg, fatal=True))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(p, frozenset({(st.st_dev, st.st_ino)}))
        elif stat.S_ISREG(st.st_mode):
            add_file(os.path.dirname(p) or ".", os.path.basename(p), st)
        else:
            problems.append(Problem(shown(p), f"not a regular file (a {_kind(st.st_mode)}); skipped", fatal=True))
    return files, problems


def article_ids(files: list[tuple[str, str, int]]) -> tuple[list[str], list[Problem]]:
    """One unique article id per listed file: its name without ``.txt``; a name met again (the same
    stem in another folder) gets ``folder/name`` instead, with a warning. Names that are not
    UTF-8 are shown with ``\\xNN`` escapes (and named in a warning).

    >>> article_ids([("a", "x.txt", 1), ("b", "x.txt", 1)])[0]
    ['x', 'b/x']
    """
    ids: list[str] = []
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for folder, name, _ in files:
        path = shown(os.path.join(folder, name))
        stem = name[:-4] if is_text_name(name) else os.path.splitext(name)[0]
        aid = shown(stem)
        if aid != stem:
            problems.append(Problem(path, f"file name is not valid UTF-8; its article id is {aid!r}"))
        if aid in taken:
            base = shown(os.path.join(os.path.basename(os.path.abspath(folder)), stem))
            new, n = base, 2
            while new in taken:
                new, n = f"{base}~{n}", n + 1
            problems.append(Problem(path, f"article id {aid!r} is already that of {taken[aid]}; "
                                          f"this article's id is {new!r}"))
            aid = new
        taken[aid] = path
        ids.append(aid)
    return ids, problems


def read_article(folder: str, name: str, aid: str, meta: dict) -> tuple[Article | None, list[Problem], int]:
    """Read and decode one listed file: (the article or None, its problems, its size in bytes)."""
    path = os.path.join(folder, name)
    where = shown(path)
    try:
        with open(path, "rb", opener=_nonblocking) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(f"{where}: not a regular file; skipped")
            data = fh.read()
        text, enc, notes = decode(data, where)
    except OSError as exc:
        return None, [Problem(where, f"cannot be read ({exc.strerror or exc})", fatal=True)], 0
    except InputError as exc:
        return None, [Problem(where, str(exc).removeprefix(f"{where}: "), fatal=True)], 0
    article = Article(id=aid, text=text, path=path, encoding=enc, **meta)
    infer_metadata(article)           # date, title, publisher from the dateline where the catalog is silent
    return article, [Problem(where, n) for n in notes], len(data)


def _nonblocking(path, flags):
    """Open without blocking: a FIFO that replaced a file between listing and reading cannot hang."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def load_corpus(*paths, warn: bool = True, recursive: bool = False, progress: bool = False) -> Corpus:
    """Read articles from folders (every ``*.txt``) and files; a folder's ``catalog.csv`` gives metadata.

    Problems do not stop the others: each is recorded in ``corpus.problems`` with the file's
    path (and the catalog's row and column), and (``warn=True``) issued as an ``InputWarning``.
    Unreadable files are left out. ``recursive`` also reads sub-folders.
    """
    if not paths:
        paths = ("seeds",)
    corpus = Corpus()
    files, problems = list_files(paths, recursive=recursive)
    ids, id_problems = article_ids(files)
    problems += id_problems
    catalogs: dict[str, dict] = {}
    given = {os.path.normpath(os.fspath(p)) for p in paths}
    by_folder: dict[str, set[str]] = {}
    listed = list(zip(files, ids))
    if progress:
        from tqdm import tqdm
        listed = tqdm(listed, desc="reading", unit="file")
    for (folder, name, _), aid in listed:
        if folder not in catalogs:
            catalogs[folder] = read_catalog(Path(folder), problems)
        stem = name[:-4] if is_text_name(name) else os.path.splitext(name)[0]
        by_folder.setdefault(folder, set()).add(stem)
        article, probs, _ = read_article(folder, name, aid, _meta(catalogs[folder].get(stem)))
        problems += probs
        if article is not None:
            corpus.articles.append(article)
    for folder, rows in catalogs.items():
        orphans = [i for i in rows if i not in by_folder.get(folder, ())]
        if orphans and os.path.normpath(folder) in given:
            problems.append(Problem(shown(Path(folder) / CATALOG),
                                    f"{len(orphans)} id{'s' if len(orphans) > 1 else ''} without a .txt file: "
                                    + ", ".join(orphans[:5]) + (", ..." if len(orphans) > 5 else "")))
    if not files and not any(p.fatal for p in problems):
        problems.append(Problem(", ".join(map(shown, paths)), "no .txt articles found", fatal=True))
    corpus.problems = problems
    if warn:
        for p in problems:
            warnings.warn(str(p), InputWarning, stacklevel=2)
    return corpus
