"""Currency carried through the text: a stage after extraction.

"Der Umsatz stieg auf 41 Millionen Euro. Im Vorjahr waren es 36,2 Millionen." The second amount
names no currency; German leaves it out because the sentence before named it. An amount with a
scale word and no unit or counted noun (``kind`` count, ``unit`` empty) takes the currency of the
last amount of money before it in its paragraph, within a few sentences
(``explore/lang/de/attribution.toml`` [carry]).

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
def _capital_scales(lang: str = "de"):
    """"412,6 MIO EUR": a scale word in capitals, then a currency (as press releases write them)."""
    from .lang import vocabulary
    v = vocabulary(lang)
    scales = {k.upper().rstrip("."): float(x) for k, x in v["scales"].items() if isinstance(x, (int, float))}
    cur = v["currencies"]["after"]
    rx = re.compile(r"(?P<s>" + "|".join(map(re.escape, sorted(scales, key=len, reverse=True))) + r")\.?\s+(?P<c>"
                    + "|".join(map(re.escape, sorted(cur, key=len, reverse=True))) + r")(?![\wäöüß])")
    return scales, cur, rx


def capital_scales(figs: list[dict], text: str, lang: str = "de") -> list[dict]:
    """Counts read as "412,6" with unit "MIO" before a currency become amounts of money (in place)."""
    scales, cur, rx = _capital_scales(lang)
    for f in figs:
        if f["kind"] != "count" or not f.get("unit") or f["unit"].upper().rstrip(".") not in scales \
                or f["unit"] != f["unit"].upper() or f.get("low") is None:
            continue
        m = rx.match(text, f["end"] + 1) if text[f["end"]:f["end"] + 1] == " " else None
        if not m or m.group("s") != f["unit"].upper().rstrip("."):
            continue
        factor = scales[m.group("s")]
        f["end"], f["text"] = m.end(), text[f["start"]:m.end()]
        f["low"] = f["low"] * factor
        f["high"] = f["high"] * factor if f.get("high") is not None else None
        f["kind"], f["unit"] = "money", cur[m.group("c")]
    return figs


def _visible(text: str) -> str:
    """The text as read: without zero-width spaces and soft hyphens ("M\u200billiarden")."""
    from .extract import INVISIBLE_RUN
    return INVISIBLE_RUN.sub("", text)


def carry_currency(figs: list[dict], text: str, lang: str = "de") -> list[dict]:
    """Give amounts without a currency the currency named before them (in place; returns ``figs``)."""
    capital_scales(figs, text, lang)
    window, scale = _rules(lang)
    last = None                    # (currency, sentence number, paragraph end) of the last money
    sentence_no, seen = -1, None
    for f in sorted(figs, key=lambda f: f["start"]):
        if f.get("sentence_start") != seen:
            seen = f.get("sentence_start")
            sentence_no += 1
        if f.get("in_table"):
            continue
        if f["kind"] == "money" and f.get("unit"):
            para = text.find("\n\n", f["end"])
            last = (f["unit"], sentence_no, para if para >= 0 else len(text))
            continue
        if last is None or f["kind"] != "count" or f.get("unit") or not scale.search(_visible(f["text"])):
            continue
        currency, n, para_end = last
        if sentence_no - n > window or f["start"] > para_end:
            continue
        f["kind"], f["unit"] = "money", currency
    return figs
