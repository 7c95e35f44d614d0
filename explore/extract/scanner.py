"""The scanner: one pass over a text that finds where figures may start and asks the stages.

It looks for two kinds of triggers, a digit and the start of a number word, and hands each to
the digit or the word stage, which read it outward: left for currency symbols, signs,
qualifiers and names; right for ranges, scale words, units, currencies and counted nouns.
Every digit it meets ends up either in a figure or in the list of skipped digits with a reason.

>>> result = scan("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro.")
>>> [(f["text"], f["kind"], f["low"], f["unit"], f["direction"]) for f in result.figures]
[('12 Prozent', 'percent', 12.0, '%', 'up'), ('2,5 Mrd. Euro', 'money', 2500000000.0, 'EUR', None)]
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
import time

from ..unwrap import unwrap
from .characters import normalise, offset_maps
from .context import Sentences, TextContext
from .dates import Dates
from .digits import Digits
from .lexicon import H, both_cases, lexicon, trie
from .modifiers import Modifiers
from .not_figures import NotFigures
from .numerals import Numerals
from .quantities import Quantities, apply_unit
from .record import ScanResult, ScanTimeout
from .tables import TableUnits, find_tables
from .words import Words


class Scanner:
    """The compiled grammar of one language, stage by stage. Build once (``scanner()``), scan many texts."""

    def __init__(self, lang: str = "de"):
        lx = self.lx = lexicon(lang)
        self.numerals = Numerals(lx)
        self.modifiers = Modifiers(lx)
        self.quantities = Quantities(lx, self.numerals, self.modifiers)
        self.dates = Dates(lx)
        self.not_figures = NotFigures(lx)
        self.tables = TableUnits(lx)
        self.digits = Digits(lx, self.numerals, self.quantities, self.dates, self.not_figures)
        self.words = Words(lx, self.numerals, self.quantities, self.modifiers, self.dates)
        # two triggers, each a regex the engine scans fast: a digit, and a number word after a
        # boundary character (consumed, so the search has a simple first step).
        # "ein", "eine", ... only where they can be a number: before a scale word, a fraction or
        # "halbe", and in compounds ("einhundert", "einjährig"); elsewhere they are articles
        ein_next = trie([w for w in list(lx.scales) + list(self.numerals.fraction_nouns) + ["Dutzend"]
                         + sorted(self.words.one_units) if w[0].isupper()])
        ein = (r"[Ee]in(?:(?:e[mnrs]?)?" + H + r"+(?=(?:halbe[nmrs]?" + H + r"+)?" + ein_next
               + r")|(?=und|hundert|tausend|einhalb|halb|jährig|tägig|wöchig|monatig|stündig|minütig|"
               r"prozentig|fach))")
        starters = both_cases(self.numerals.starters)
        words = trie(starters) + "|" + ein
        # the first letters in one class: most words fail there, before the alternatives are tried
        first = "".join(sorted({w[0] for w in starters} | set("Ee")))
        self.re_digit = re.compile(r"\d")
        self.re_word_trigger = re.compile(r"[\s(„\"'/|\[–-](?=[" + re.escape(first) + "])(?:" + words + ")")
        self.re_word_start = re.compile(r"(?:" + words + ")")

    @property
    def units(self):
        """word -> (kind, unit, factor) of every unit and currency word."""
        return self.lx.units

    def scan(self, text: str, published: dt.date | None = None, deadline: float | None = None) -> ScanResult:
        """Figures, skipped digit runs and table problems of one text.

        Invisible characters (zero-width spaces, soft hyphens, a BOM), typographic spaces in digit
        groups, an en dash used as a minus and the fraction slash are normalised for reading; every
        offset, ``text`` and ``sentence`` still refers to ``text`` exactly as given. ``deadline``
        (a ``time.monotonic()`` value) stops a scan that runs too long with ``ScanTimeout``.
        """
        norm, edits = normalise(text)
        norm = unwrap(norm)          # hard-wrapped lines read as their paragraphs (same length)
        ctx, problems = self._scan(norm, published, deadline)
        figs, skipped = ctx.figs, ctx.skipped
        to_start, to_end = offset_maps(edits)
        sentences = Sentences(text)
        kept = []
        for f in figs:
            if not all(v is None or math.isfinite(v) for v in (f["low"], f["high"])):
                skipped.append({"start": f["start"], "end": f["end"], "text": norm[f["start"]:f["end"]],
                                "reason": "number too large"})
                continue
            a, b = f.pop("sentence_span", None) or ctx.sentence_span(f["start"])
            if f["end"] > b:         # a figure over a line break ("5,08\n€"): its sentence runs on to its end
                b = max(b, ctx.sentence_span(f["end"] - 1)[1])
            f["start"], f["end"] = to_start(f["start"]), to_end(f["end"])
            f["text"] = text[f["start"]:f["end"]]
            f["sentence"], f["sentence_start"] = sentences.get((to_start(a), to_end(b)), f["start"], f["end"])
            kept.append(f)
        for k in skipped:
            a, b = ctx.line_span(k["start"])
            k["start"], k["end"] = to_start(k["start"]), to_end(k["end"])
            k["text"] = text[k["start"]:k["end"]]
            k["sentence"], _ = sentences.get((to_start(a), to_end(b)), k["start"], k["end"])
        skipped.sort(key=lambda k: k["start"])
        return ScanResult(kept, skipped, problems)

    def _scan(self, text, published, deadline):
        tables = find_tables(text) if "|" in text else []
        segments, header_units = self.tables.segments(text, tables)
        ctx = TextContext(text, published, self.lx, deadline)
        figs = ctx.figs
        for lo, hi, cell in segments:
            if hi <= lo:
                continue
            n0 = len(figs)
            ctx.lo, ctx.hi = lo, hi
            self._scan_segment(ctx)
            if cell is not None:
                hu = header_units.get(id(cell))
                for f in figs[n0:]:
                    if hu and f.get("bare"):
                        apply_unit(f, *hu)
                    f["in_table"] = True
                    f["row_header"] = cell.row_header
                    f["col_header"] = cell.col_header
                    f["sentence_span"] = (cell.line_start, cell.line_end)
        rows = self.tables.caption_rows(text) if tables or "(" in text else []
        if rows:
            starts = [r[0] for r in rows]
            for f in figs:          # a fact box's bare numbers have the unit its caption states
                i = bisect.bisect_right(starts, f["start"]) - 1
                if i >= 0 and f["start"] < rows[i][1] and f.get("bare") and not f.get("in_table"):
                    apply_unit(f, *rows[i][2])
        self.quantities.inherit_units(text, figs)
        self.quantities.join_ranges(text, figs)
        self.dates.finish(figs, published)
        return ctx, [p for t in tables for p in t.problems]

    def _scan_segment(self, ctx):
        """Read the triggers of ctx.text[ctx.lo:ctx.hi] in order; each stage says where its figure ends."""
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        dsearch, wsearch = self.re_digit.search, self.re_word_trigger.search

        def next_word(pos):
            if pos == lo and self.re_word_start.match(text, lo, hi):
                return lo
            m = wsearch(text, max(lo, pos - 1), hi)
            return m.start() + 1 if m else None

        d, w = dsearch(text, lo, hi), next_word(lo)
        deadline, steps = ctx.deadline, 0
        while d is not None or w is not None:
            steps += 1
            if deadline is not None and not steps & 63 and time.monotonic() > deadline:
                raise ScanTimeout(f"stopped at character {min(x for x in (d and d.start(), w) if x is not None)} "
                                  f"of {len(text)}")
            if w is None or (d is not None and d.start() < w):
                s = d.start()
                end = max(self.digits.at_digit(ctx, s), s + 1)
            else:
                s = w
                end = max(self.words.at_word(ctx, s), s + 1)
            if d is not None and d.start() < end:
                d = dsearch(text, end, hi)
            if w is not None and w < end:
                w = next_word(end)


@functools.cache
def scanner(lang: str = "de") -> Scanner:
    """The shared, compiled scanner of a language."""
    return Scanner(lang)


def scan(text: str, published: dt.date | None = None, lang: str = "de", deadline: float | None = None) -> ScanResult:
    """Scan one text with the shared scanner of its language."""
    return scanner(lang).scan(text, published, deadline)
