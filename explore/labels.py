"""One table of labels per language, kept as data: ``explore/lang/<locale>/labels.toml``.

Charts, widgets, the app, exports and the command line take every word they show from here:
titles, axes, legends, source notes, period names, qualifiers, units, month names and the
number marks. German is the default (the articles are German); ``locale="en"`` switches.

>>> t("stock_title", "de"), t("budget_title", "en", currency="EUR")
('Kursbewegungen nach Zeitraum', 'Budgets compared in EUR')
>>> period("ytd"), period("after-hours"), qualifier("more_than"), month(10)
('seit Jahresbeginn', 'nachbörslich', 'mehr als', 'Okt')
>>> number(-5.08, sign=True), amount(3.5e9), amount(432.3e6, "en")
('−5,08', '3,5 Mrd.', '432.3 M')
>>> percent(-5.08), date("2025-10-03"), date("2025-10"), unit("month", 3)
('−5,08 %', '03.10.2025', 'Okt 2025', 'Monate')
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import tomllib
from importlib import resources

LOCALES = ("de", "en")
DEFAULT = "de"


def check(locale: str | None) -> str:
    """The locale itself, ``DEFAULT`` for None; a ValueError naming the choices otherwise."""
    if locale is None:
        return DEFAULT
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, got {locale!r}")
    return locale


@functools.cache
def table(locale: str = DEFAULT) -> dict:
    """The whole label table of ``locale`` (read once)."""
    locale = check(locale)
    data = resources.files("explore.lang").joinpath(locale, "labels.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def t(key: str, locale: str = DEFAULT, **values) -> str:
    """The text ``key`` of the ``[text]`` section, with ``{placeholders}`` filled in."""
    text = table(locale)["text"].get(key)
    if text is None:
        raise KeyError(f"no label {key!r} in explore/lang/{locale}/labels.toml [text]")
    return text.format(**values) if values else text


def _section(section: str, key, locale: str) -> str:
    if key is None or (isinstance(key, float) and math.isnan(key)):
        return ""
    return table(locale)[section].get(str(key), str(key))


def period(p, locale: str = DEFAULT) -> str:
    """A stock move's period in words: ``'7d'`` → ``'7 Tage'``; unknown codes stay as they are."""
    return _section("period", p, locale)


def qualifier(q, locale: str = DEFAULT) -> str:
    """``'more_than'`` → ``'mehr als'``."""
    return _section("qualifier", q, locale)


def kind(k, locale: str = DEFAULT) -> str:
    """A figure kind in words: ``'money'`` → ``'Geld'``."""
    return _section("kind", k, locale)


def measure(m, locale: str = DEFAULT) -> str:
    """A money measure in words: ``'campaign'`` → ``'Kampagne'``."""
    return _section("measure", m, locale)


def column(c, locale: str = DEFAULT) -> str:
    """A table column as a header or axis title: ``'entity'`` → ``'Organisation'``."""
    text = table(locale)["column"].get(str(c))
    return text if text is not None else str(c).replace("_", " ").capitalize()


def unit(u, n: float = 2, locale: str = DEFAULT) -> str:
    """A duration unit in words, singular for ``n == 1``: ``unit('month', 3)`` → ``'Monate'``."""
    forms = table(locale)["unit"].get(str(u))
    if not forms:
        return str(u)
    return forms[0] if n == 1 else forms[1]


def month(m: int, locale: str = DEFAULT) -> str:
    """The short name of month ``m`` (1-12): ``month(10)`` → ``'Okt'``."""
    return table(locale)["date"]["months"][m - 1]


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x) or str(x) in ("<NA>", "NaT")
    except (TypeError, ValueError):
        return True


def number(x, locale: str = DEFAULT, decimals: int | None = None, sign: bool = False) -> str:
    """A number with the locale's marks; up to two decimals, trailing zeros dropped.

    >>> number(1234.5), number(1234.5, "en"), number(44.92, "en", sign=True)
    ('1.234,5', '1,234.5', '+44.92')
    """
    if _missing(x):
        return "–"
    marks = table(locale)["number"]
    x = float(x)
    s = f"{abs(x):,.{2 if decimals is None else decimals}f}"
    if decimals is None and "." in s:
        s = s.rstrip("0").rstrip(".")
    s = s.replace(",", "\0").replace(".", marks["decimal"]).replace("\0", marks["thousands"])
    if x < 0 and s.strip("0.,"):
        return marks["minus"] + s
    return ("+" + s) if sign and x > 0 else s


def percent(x, locale: str = DEFAULT, sign: bool = True) -> str:
    """A percentage with its sign: ``'−5,08 %'`` (de), ``'−5.08%'`` (en)."""
    if _missing(x):
        return "–"
    return number(x, locale, sign=sign) + table(locale)["number"]["percent"]


def amount(x, locale: str = DEFAULT, unit: str | None = None) -> str:
    """A large amount with a scale word: ``'3,5 Mrd.'``, ``'432,3 Mio. EUR'``, ``'950'``."""
    if _missing(x):
        return "–"
    x = float(x)
    for size, word in table(locale)["number"]["scales"]:
        if abs(x) >= size:
            n = number(x / size, locale, 1)
            n = n.removesuffix(table(locale)["number"]["decimal"] + "0")
            s = f"{n} {word}"
            break
    else:
        s = number(x, locale)
    return f"{s} {unit}" if unit else s


def date(value, locale: str = DEFAULT) -> str:
    """An ISO date, month or year for reading: ``'17.02.2025'``, ``'Okt 2025'``, ``'2010'``;
    a missing date is ``'ohne Datum'`` / ``'undated'``."""
    fmt = table(locale)["date"]
    if _missing(value) or str(value).strip() in ("", "nan"):
        return fmt["undated"]
    s = str(value)[:10]
    parts = s.split("-")
    try:
        if len(parts) == 3:
            d = dt.date.fromisoformat(s)
            return fmt["day"].format(d=d.day, m=d.month, y=d.year, mon=month(d.month, locale))
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return fmt["month"].format(y=y, m=m, mon=month(m, locale))
    except (ValueError, IndexError):
        pass
    return s


def for_corpus(corpus=None) -> str:
    """The locale for a corpus's output: German unless every article says another language
    that has a label table (``Article.language``)."""
    langs = {getattr(a, "language", "de") or "de" for a in (corpus or [])}
    if len(langs) == 1 and (lang := langs.pop()) in LOCALES:
        return lang
    return DEFAULT
