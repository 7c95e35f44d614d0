"""German numerals: digit strings and number words to values.

>>> parse_digits("1.234,5")
1234.5
>>> parse_digits("200.000")
200000.0
>>> parse_digits("1'000")
1000.0
>>> parse_digits("12'871.44")          # Swiss: apostrophes group, the dot is the decimal point
12871.44
>>> parse_word("fünfundzwanzig")
25.0
>>> parse_word("zweieinhalb")
2.5
>>> parse_word("dreihundertzwölf")
312.0
>>> parse_word("einzigen") is None
True
"""
from __future__ import annotations

import functools

from .lang import vocabulary

_GROUP_SEPARATORS = ".'’\u00a0\u202f\u2009 "
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_SIGNS = {"+": 1.0, "-": -1.0, "−": -1.0, "–": -1.0, "±": 1.0}


def parse_digits(s: str, decimal: str = ",") -> float:
    """Value of a number written with digits, German style by default (``decimal=","``).

    Thousands are grouped with ``.``, ``'``, ``’`` or a (thin) non-breaking space.
    With ``decimal="."`` the roles of ``.`` and ``,`` swap (English text).
    """
    if s.isdigit():
        return float(s)
    s = s.strip()
    if s and s[-1] in _VULGAR:                      # "4½"
        return parse_digits(s[:-1] or "0", decimal) + _VULGAR[s[-1]]
    sign = 1.0
    if s and s[0] in _SIGNS:
        sign, s = _SIGNS[s[0]], s[1:].lstrip()
    if decimal == "," and "." in s and "," not in s and ("'" in s or "’" in s):
        decimal = "."                               # "12'871.44": no German number groups with both
    group = "," if decimal == "." else "."
    for ch in _GROUP_SEPARATORS.replace(decimal, "") + group:
        s = s.replace(ch, "")
    if decimal != ".":
        s = s.replace(decimal, ".")
    return sign * float(s)


@functools.cache
def _tables(lang: str = "de"):
    n = vocabulary(lang)["numerals"]
    below100: dict[str, int] = {}
    below100.update(n["units"])
    below100.update(n["teens"])
    below100.update(n["tens"])
    for uw, uv in n["units"].items():
        if uw in ("eins", "zwo"):
            continue
        for tw, tv in n["tens"].items():
            below100[f"{uw}und{tw}"] = uv + tv
    stems = dict(n["stems"])
    return below100, stems, n["halves"], n["half_suffix"]


def _below_1000(w: str, below100: dict) -> int | None:
    if not w:
        return 0
    if "hundert" in w:
        left, _, right = w.partition("hundert")
        lv = 1 if left in ("", "ein") else below100.get(left)
        if lv is None or lv > 9:
            return None
        right = right[3:] if right.startswith("und") else right
        rv = _below_1000(right, below100) if right else 0
        if rv is None or rv >= 100:
            return None
        return lv * 100 + rv
    return below100.get(w)


def parse_word(word: str, lang: str = "de", stems: bool = False) -> float | None:
    """Value of a German cardinal written as one word, or None if it is not one.

    ``stems=True`` also accepts the short stems used in compounds ("sieb" in "siebtägig").
    """
    w = word.lower()
    below100, stem_table, halves, half_suffix = _tables(lang)
    if w in halves:
        return float(halves[w])
    if w.endswith(half_suffix) and len(w) > len(half_suffix):
        base = parse_word(w[: -len(half_suffix)] or "ein", lang)
        # "eineinhalb" = 1.5, "zweieinhalb" = 2.5
        return None if base is None else base + 0.5
    if stems and w in stem_table:
        return float(stem_table[w])
    total = 0
    if "tausend" in w:
        left, _, right = w.partition("tausend")
        lv = 1 if left in ("", "ein") else _below_1000(left, below100)
        if not lv:
            return None
        right = right[3:] if right.startswith("und") else right
        rv = _below_1000(right, below100)
        if rv is None:
            return None
        return float(lv * 1000 + rv)
    v = _below_1000(w, below100)
    if v is None or (w.startswith("und") or w.endswith("und")):
        return None
    return float(total + v)


def format_number(value: float, locale: str = "en", digits: int = 2) -> str:
    """Format a number for display, with a decimal comma for ``locale="de"``.

    >>> format_number(1234.5, "de")
    '1.234,5'
    >>> format_number(1234.5)
    '1,234.5'
    """
    s = f"{value:,.{digits}f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if locale == "de":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s
