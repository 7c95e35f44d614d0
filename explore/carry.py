"""Currency carried through the text: a stage after extraction.

"Der Umsatz stieg auf 41 Millionen Euro. Im Vorjahr waren es 36,2 Millionen." The second amount
names no currency; German leaves it out because the sentence before named it. An amount with a
scale word and no unit or counted noun (``kind`` count, ``unit`` empty) takes the currency of the
last amount of money before it in its paragraph, within a few sentences
(``explore/lang/de/attribution.toml`` [carry]); a printed conversion in parentheses ("73,4 Mrd. Yuan
(rund 10,2 Mrd. US-Dollar)") is not what a later amount continues.

>>> figs = [dict(start=10, end=27, text="41 Millionen Euro", kind="money", unit="EUR", sentence_start=0),
...         dict(start=60, end=74, text="36,2 Millionen", kind="count", unit=None, sentence_start=40)]
>>> [f["unit"] for f in carry_currency(figs, "x" * 80)]
['EUR', 'EUR']
"""
from __future__ import annotations

import functools
import re

from .owner import vocab


@functools.cache
def _rules(lang: str = "de"):
    c = vocab(lang)["carry"]
    scale = re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, sorted(c["scale_words"], key=len, reverse=True)))
                       + r")(?![\wäöüß])")
    return int(c["sentences"]), scale


@functools.cache
def _crown_cues(lang: str = "de") -> dict[str, re.Pattern]:
    """currency -> the words that name its country: adjectives in any inflection and case
    ("Dänische", "dänischen"), the other words as written (a genitive s allowed)."""
    def cue(w):
        return rf"(?i:{re.escape(w)})[a-zäöü]*" if w.endswith("isch") else rf"{re.escape(w)}s?(?![\wäöüß])"
    return {code: re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(cue, words)) + ")")
            for code, words in vocab(lang)["carry"]["crowns"].items()}


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# the words between two amounts that share the second's unit: "von 520 auf 600 Kronen", "480 bis 520 Kronen"
_SHARED_UNIT_GAP = re.compile(r"\s+(?:auf|bis|und|oder)\s+(?:(?:rund|etwa|knapp|gut|zuletzt|nun)\s+)?$|\s*[-–]\s*$")
_CROWN_WORD = re.compile(r"\s+(Kronen|Krone)(?![\wäöüß])")


def crowns(figs: list[dict], text: str, lang: str = "de") -> None:
    """"3,50 Kronen je Aktie" in an article on a Danish company: an amount in "Kronen" alone is money
    in the crown of the one crown country the article names (in place). With none or two named,
    it stays a count: "Kronen" alone does not say which."""
    bare = [f for f in figs if f["kind"] == "count" and f.get("unit") in ("Kronen", "Krone")]
    if not bare:
        return
    named = [(m.start(), code) for code, cue in _crown_cues(lang).items() for m in cue.finditer(text)]
    if not named:
        return
    by_end = {f["end"]: f for f in figs}
    for f in bare:
        code = _crown_of(named, text, f["start"])
        if code is None:
            continue
        m = _CROWN_WORD.match(text, f["end"])
        if m and m.group(1) == f["unit"]:        # the surface takes the currency word: "3,50 Kronen"
            f["end"] = m.end()
            f["text"] = text[f["start"]:f["end"]]
        f["kind"], f["unit"] = "money", code
        gap = _SHARED_UNIT_GAP.search(text, max(0, f["start"] - 30), f["start"])
        first = by_end.get(gap.start()) if gap else None
        if first is not None and first["kind"] == "count" and first.get("unit") is None and first["low"] and f["low"] \
                and 0.01 < first["low"] / f["low"] < 100:
            first["kind"], first["unit"] = "money", code     # "von 520 auf 600 Kronen": the first end's crown too


def _crown_of(named: list[tuple[int, str]], text: str, at: int) -> str | None:
    """The crown of an amount at ``at``: of the one crown country its paragraph names up to the end of
    its sentence (a digest of Swedish and Norwegian items: "Saab ... in Stockholm"), else of the one
    the article names."""
    start = text.rfind("\n\n", 0, at) + 1
    end = _SENTENCE_END.search(text, at)
    stop = end.start() if end else len(text)
    here = {code for pos, code in named if start <= pos < stop}
    if len(here) == 1:
        return here.pop()
    codes = {code for _, code in named}
    return codes.pop() if len(codes) == 1 and not here else None


# a row of a table aligned with spaces, as market reports list their stocks:
# "Erste Group   68,45   +3,10%": a name, a price with two decimals, a signed change in percent
_PRICE_ROW = re.compile(r"(?m)^[ \t]*[^\d\s|][^\d\n|]{0,60}?[ \t]{2,}(?P<p>\d{1,3}(?:\.\d{3})*,\d\d)[ \t]{2,}"
                        r"[+−-]\d+(?:,\d+)?[ \t]?(?:%|Prozent)[ \t]*$")
#: a price column needs this many rows (one such line alone may be anything)
MIN_PRICE_ROWS = 3


def price_rows(figs: list[dict], text: str) -> None:
    """Prices in rows of a space-aligned table take the currency of the money named before the
    table (in place): "Erste Group   68,45   +3,10%" after "... auf 68,45 Euro"."""
    if "  " not in text and "\t" not in text:           # no aligned columns at all: the common case
        return
    rows = {m.start("p") for m in _PRICE_ROW.finditer(text)} if "%" in text or "Prozent" in text else set()
    if len(rows) < MIN_PRICE_ROWS:
        return
    last = None
    for f in sorted(figs, key=lambda f: f["start"]):
        if f["kind"] == "money" and f.get("unit"):
            last = f["unit"]
        elif last and f["start"] in rows and f["kind"] in ("count", "other") and not f.get("unit"):
            f["kind"], f["unit"] = "money", last


def _visible(text: str) -> str:
    """The text as read: without zero-width spaces and soft hyphens ("M\u200billiarden")."""
    from .extract import INVISIBLE_RUN
    return INVISIBLE_RUN.sub("", text)


# the opening of a printed conversion in parentheses: "(rund ", "(umgerechnet etwa "
_CONVERSION_OPEN = re.compile(r"\(\s*(?:(?:umgerechnet|rund|etwa|ca\.|circa|knapp|gut|derzeit|aktuell)\s+)*$")


def carry_currency(figs: list[dict], text: str, lang: str = "de") -> list[dict]:
    """Give amounts without a currency the currency named before them (in place; returns ``figs``)."""
    price_rows(figs, text)
    crowns(figs, text, lang)
    window, scale = _rules(lang)
    from .extract.lexicon import lexicon
    lx = lexicon(lang)
    last = None                    # (currency, sentence number, paragraph end) of the last money
    sentence_no, seen = -1, None
    for f in sorted(figs, key=lambda f: f["start"]):
        if f.get("sentence_start") != seen:
            seen = f.get("sentence_start")
            sentence_no += 1
        if f.get("in_table"):
            continue
        if f["kind"] == "money" and f.get("unit"):
            if not _CONVERSION_OPEN.search(text, max(0, f["start"] - 30), f["start"]):
                para = text.find("\n\n", f["end"])     # not a printed conversion: "73,4 Mrd. Yuan (rund
                last = (f["unit"], sentence_no, para if para >= 0 else len(text))   # 10,2 Mrd. US-Dollar)"
            continue
        # ("1,07 Milliarden" is kind other: 1.07 * 1e9 is no whole number in floating point)
        if last is None or f["kind"] not in ("count", "other") or f.get("unit") or not scale.search(_visible(f["text"])):
            continue
        currency, n, para_end = last
        if sentence_no - n > window or f["start"] > para_end:
            continue
        if lx.counts_things(text, f["start"], f.get("sentence_start") or 0):
            continue                                # a number of things: "die Zahl der Geräte sank auf 41,2 Millionen"
        f["kind"], f["unit"] = "money", currency
    return figs
