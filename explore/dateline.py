"""An article's own metadata, read from its first lines: the publication date of its dateline or
byline, its headline, and the publisher where it names itself.

Used when the catalog has no row (or leaves the field empty) for an article; whatever is taken
from the text is marked inferred (``Article.published_inferred``, ``Article.inferred``). The cues
(chrome lines, credit words, how far to look) are data in ``explore/lang/de/dateline.toml``.

>>> h = read_head("Frankfurt, 3. März 2025 – Die Bank hob ihre Prognose an.")
>>> h.published
datetime.date(2025, 3, 3)
>>> h = read_head("DAX dreht ins Minus\\n17.02.2025 - 11:34 Uhr\\nFRANKFURT (dpa-AFX) - Der Dax fiel.")
>>> h.published.isoformat(), h.title, h.publisher
('2025-02-17', 'DAX dreht ins Minus', 'dpa-AFX')
>>> read_head("16:51 14.01.16\\nText.").published
datetime.date(2016, 1, 14)
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from .lang import vocabulary


@dataclass
class Head:
    """What the first lines of an article say about it (None where they say nothing)."""
    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None
    date_text: str | None = None      # the date as written


@functools.cache
def _cues() -> dict:
    data = resources.files("explore.lang").joinpath("de", "dateline.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    months = {**vocabulary("de")["months"], **_cues()["months"]}
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return {
        "named": re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.?\s*(?P<mon>{names})\.?\s+(?P<y>\d{{4}})(?!\d)"),
        "numeric": re.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\d]|\.\d|,\d)"),
        "iso": re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
        "place": re.compile(r"^\(?[^\W\d][\w .()/'’-]{0,40},\s*$"),
        "agency": re.compile(r"^(?:[^\W\d][\w .,/'’-]{0,50}?\s)?\((?P<p>[^()\d][^()]{1,40})\)\s*(?:[-–—]|\(|$)"),
        "months": months,
    }


# "BERLIN (WPK) - ", "Frankfurt/Wien (Konjunkturticker) – ": a dateline's place and agency at a line's start
# (narrower than the "agency" cue read_head uses for the publisher: that one also takes "Hamburger Sparkasse
# (Haspa) -" and a name with its move in parentheses, which own figures)
# "DÜSSELDORF - ": a place in capitals alone (a known place: not "BASF - Der Konzern ...")
_PLACE_LINE = re.compile(r"(?m)^(?P<place>[A-ZÄÖÜ]{3,}(?:/[A-ZÄÖÜ]{3,})?)\s+(?:[-–—]|&[nm]dash;)\s")
# a place with the date: "Luxemburg, 20. Januar 2026 – ", "Zürich, 3. März (awp) - "
_DATED_LINE = re.compile(r"(?m)^[A-ZÄÖÜ][\w.’'-]*(?:[ /][A-ZÄÖÜ][\w.’'-]*){0,2},\s+\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+\.?"
                         r"(?:\s+\d{4})?\s*(?:\([^()\d\n][^()\n]{0,40}\)\s*)?(?:[-–—]|&[nm]dash;)\s")
_DATELINE = re.compile(r"(?m)^[^\W\d][\w./’'-]*(?:[ /][^\W\d][\w./’'-]*){0,2}\s*\([^()\d\n][^()\n]{0,40}\)\s*(?:[-–—]|&[nm]dash;)\s")
# "Frankfurt (Mainufer-Industriedienst). Der ...": a known place and its agency closed by a full stop
_DATELINE_STOP = re.compile(r"(?m)^(?P<place>[A-ZÄÖÜ][\wäöüß]+)(?:/[A-ZÄÖÜ][\wäöüß]+)?\s*\([^()\d\n][^()\n]{0,40}\)\.\s")


def dateline_spans(text: str, within: int = 800) -> list[tuple[int, int]]:
    """Offsets of the datelines ("BERLIN (WPK) - ") that begin a line in the first ``within``
    characters: their place and agency name no organisation a figure belongs to.

    >>> dateline_spans("Titel\\n\\nBERLIN (WPK) - Die Industrie produziert weniger.")
    [(7, 22)]
    >>> dateline_spans("DÜSSELDORF - Die WestLB hat das Kursziel gesenkt.")
    [(0, 13)]
    >>> dateline_spans("Luxemburg, 20. Januar 2026 – Immer mehr Europäer ...")
    [(0, 29)]
    >>> dateline_spans("Frankfurt (Industriedienst). Der Maschinenbau ...")
    [(0, 29)]
    """
    from .orgs import lexicon
    places = [(m.start(), m.end()) for m in _PLACE_LINE.finditer(text, 0, within)
              if all("T" in lexicon().classes(w.title()) for w in m.group("place").split("/"))]
    dated = [(m.start(), m.end()) for m in _DATED_LINE.finditer(text, 0, within)]
    places += [(m.start(), m.end()) for m in _DATELINE_STOP.finditer(text, 0, within)
               if "T" in lexicon().classes(m.group("place"))]
    return sorted(set([(m.start(), m.end()) for m in _DATELINE.finditer(text, 0, within)] + places + dated))


def _year(y: str, today: dt.date) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n <= today.year % 100 + 1 else 1900
    return n


def find_date(line: str, today: dt.date | None = None) -> tuple[dt.date, re.Match] | None:
    """The first complete, plausible calendar date in ``line`` ("3. März 2025", "17.02.2025",
    "14.01.16", "2025-03-03") and its match; None if there is none.

    >>> find_date("Gabriel Pankow am 29. Januar 2016 um 12:01 Uhr")[0]
    datetime.date(2016, 1, 29)
    >>> find_date("Umsatz von 17,5 Mio. Euro") is None
    True
    """
    today = today or dt.date.today()
    p = _patterns()
    found = []
    for kind in ("named", "numeric", "iso"):
        for m in p[kind].finditer(line):
            month = p["months"][m["mon"]] if kind == "named" else int(m["m"])
            try:
                d = dt.date(_year(m["y"], today), month, int(m["d"]))
            except ValueError:
                continue
            if 1980 <= d.year and d <= today + dt.timedelta(days=366):
                found.append((m.start(), d, m))
    if not found:
        return None
    _, d, m = min(found, key=lambda x: x[0])
    return d, m


def _lines(text: str) -> list[str]:
    head = _cues()["head"]
    out = []
    for line in text[: head["chars"]].splitlines():
        line = line.strip()
        if line:
            out.append(line)
        if len(out) >= head["lines"]:
            break
    return out


def _dateline(lines: list[str], today: dt.date | None) -> tuple[dt.date, str] | None:
    """The date of the first line that is a dateline: a line that begins with its date or its place
    and date ("Frankfurt, 3. März 2025 – ..."), or a short line with few other words (a byline:
    "Gabriel Pankow am 29. Januar 2016 um 12:01 Uhr"); a date inside a sentence is not one."""
    p = _patterns()
    for line in lines:
        hit = find_date(line, today)
        if hit is None:
            continue
        d, m = hit
        before = line[: m.start()]
        if not before.strip(" |-–(") or p["place"].match(before):
            return d, m.group(0)
        rest = (before + " " + line[m.end():]).split()
        words = [w for w in rest if any(ch.isalpha() for ch in w) and w.strip(",;:") not in _cues()["head"]["byline_words"]]
        if len(line) <= _cues()["head"]["max_line"] and len(words) <= _cues()["head"]["max_words"]:
            return d, m.group(0)
    return None


def _is_chrome(line: str) -> bool:
    c = _cues()["title"]
    line = line.replace("\xa0", " ")
    bare = line.strip(" .:;!").casefold()
    if bare in {x.casefold() for x in c["chrome"]}:
        return True
    if any(mark in line for mark in c["nav_marks"]) or "   " in line:
        return True
    return any(line.startswith(w) or f" {w}" in line for w in c["credits"])


def _title(lines: list[str], today: dt.date | None) -> str | None:
    """The headline: the first line near the top that is neither chrome, a date line, a caption,
    a bracketed note nor body text (a long line ending in a full stop ends the search)."""
    c = _cues()["title"]
    for raw in lines:
        line = raw.lstrip("> ").strip()
        if line.endswith(".") and not line.endswith("..") and len(line) > 100:
            return None                               # the body has begun
        words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
        if (len(words) < c["min_words"] or len(line) > c["max_chars"] or _is_chrome(line)
                or find_date(line, today) or (line.startswith("(") and line.endswith(")"))
                or line.endswith((".", "…", "...", ":", ";")) or _patterns()["agency"].match(line)):
            continue
        return line
    return None


def _publisher(lines: list[str]) -> str | None:
    """The publisher or agency the text names for itself: "LONDON (dpa-AFX) -", "(lifePR)
    (München,", "Quelle: Dow Jones Newswire"."""
    c = _cues()["publisher"]
    skip = {x.casefold() for x in c["not_publishers"]}
    for line in lines:
        for cue in c["cues"]:
            i = line.find(cue)
            if i >= 0:
                name = line[i + len(cue):].split("|")[0].strip(" -–,;")
                if 1 < len(name) <= c["max_len"]:
                    return name
        m = _patterns()["agency"].match(line.lstrip("> "))
        if m:
            name = m["p"].strip()
            if len(name) <= c["max_len"] and name.split(":")[0].casefold() not in skip \
                    and not name.casefold().startswith(tuple(skip)):
                return name
    return None


def read_head(text: str, today: dt.date | None = None) -> Head:
    """Date, headline and publisher from the first lines of ``text`` (see the module doc)."""
    lines = _lines(text)
    date = _dateline(lines, today)
    return Head(published=date[0] if date else None, title=_title(lines, today),
                publisher=_publisher(lines), date_text=date[1] if date else None)


def infer_metadata(article) -> tuple[str, ...]:
    """Fill an article's empty ``published``, ``title`` and ``publisher`` from its text.

    A date taken from the text sets ``published_inferred``; the names of the fields filled are
    stored in ``article.inferred`` and returned.
    """
    head = read_head(article.text or "")
    filled = []
    if article.published is None and head.published is not None:
        article.published = head.published
        article.published_inferred = True
        filled.append("published")
    if not article.title and head.title:
        article.title = head.title
        filled.append("title")
    if not article.publisher and head.publisher:
        article.publisher = head.publisher
        filled.append("publisher")
    article.inferred = tuple(filled)
    return article.inferred
