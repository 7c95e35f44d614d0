"""Stage: a figure that starts with a digit. Asks the other stages in a fixed order: is it a
period code, part of a name or address, a phone number, a date, a clock time (``not_figures``,
``dates``); else it reads the number (``numerals``), its sign, a range, and hands it to
``quantities`` for unit, qualifier and direction.

>>> from .scanner import scanner
>>> [(f["kind"], f["low"], f["high"], f["unit"]) for f in scanner().scan("Zwischen 3 und 4,5 Mio. Euro.").figures]
[('money', 3000000.0, 4500000.0, 'EUR')]
"""
from __future__ import annotations

import re

from ..numbers import parse_digits
from .dates import YEAR
from .record import Reading

_DOT_DIGITS = re.compile(r"\.(\d{1,2}|\d{4,})(?!\d)")
_GROUPED_INT = re.compile(r"\d{1,3}(?:[.'’]\d{3})+")


class Digits:
    """Reads the figure at a digit, with the stages it is given."""

    def __init__(self, lx, numerals, quantities, dates, not_figures):
        self.lx, self.num, self.q, self.dates, self.nf = lx, numerals, quantities, dates, not_figures

    def at_digit(self, ctx, s) -> int:
        """Read what starts at the digit at s; returns where it ends. The stages are asked in this
        order; each only when the characters around the digit allow what it looks for (the test
        each stage itself starts with, made here once: most digits need none of them)."""
        text, dates, nf = ctx.text, self.dates, self.nf
        prev = text[s - 1] if s > ctx.lo else " "
        near = text[s + 1:s + 3]
        end = None
        if prev in "QH":
            end = dates.period_code(ctx, s)                   # "Q3 2025"
        if end is None and (prev.isalpha() or prev in "_-.["):
            end = nf.glued(ctx, s)                            # "GPT-4", "[3]"
        if end is None:
            end = nf.web(ctx, s)                              # "www.example.de/2025"
        if end is None and (text[s] == "0" or prev == "+"):
            end = nf.phone(ctx, s)                            # "+49 30 1234567"
        if end is None and ("." in near or "-" in near or "–" in near or " " in near or text[s + 4:s + 5] == "-"):
            end = dates.at_digit(ctx, s)                      # "6. Februar 2025", "2025-02-06"
        if end is None and (":" in near or "Uhr" in text[s + 1:s + 10]):
            end = nf.clock(ctx, s)                            # "14:30 Uhr"
        if end is None and "." in near:
            end = dates.day_month(ctx, s)                     # "6.2."
        return end if end is not None else self.number(ctx, s)

    def number(self, ctx, s) -> int:
        """A number in digits at s, with everything around it that belongs to it."""
        lx, nf, dates = self.lx, self.nf, self.dates
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        m = self.num.re_num.match(text, s, hi)
        core = m.group()
        e = m.end()
        g = nf.glued_code(ctx, s, e)
        if g:
            end = dates.estimate_year(ctx, s, core, g)          # "2025e"
            if end is not None:
                return end
            if nf.is_code(ctx, g):
                return ctx.skip(s, g.end(), "name or code")
        value = parse_digits(core)
        start = s
        # a dot and one or two digits: not German grouping, so a version ("Qwen 2.5") or English decimal
        dm = _DOT_DIGITS.match(text, e, hi) if text[e:e + 1] == "." else None
        if dm and "," not in core:
            um = lx.re_unit.match(text, dm.end(), hi)
            pre = lx.re_prefix_cur.search(text[max(lo, s - 8):s])
            sm = lx.re_scale.match(text, dm.end(), hi) if len(dm.group(1)) <= 2 else None
            if sm:                                                      # "46.5 Mrd. Euro", "(VJ 2.43 Mrd)":
                um = lx.re_unit.match(text, sm.end(), hi) or um         # a scale word makes it a quantity
            if pre or sm or um and (um.group("pct") or lx.units.get(um.group("u"), ("",))[0] in ("percent", "money")):
                value = float(core.replace(".", "") + "." + dm.group(1))
                e = dm.end()
            else:
                return ctx.skip(s, dm.end(), "version or name")
        sign = None
        if s - 1 >= lo and text[s - 1] in "+−-±" and (s - 2 < lo or text[s - 2] in " \t\n(„\"/|:"):
            sign = "down" if text[s - 1] in "−-" else "up"
            start = s - 1
        left = ctx.left(start)
        end = nf.before(ctx, s, e, start, core, left)
        if end is not None:
            return end
        is_int = "," not in core and "." not in core[-3:] or _GROUPED_INT.fullmatch(core)
        if nf.is_ordinal(ctx, e, core, is_int):
            end = dates.ordinal_period(ctx, s, e, value)              # "im 3. Quartal"
            if end is None:
                end = self.q.ordinal_count(ctx, s, e, value)          # "zum 24. Mal"
            return end if end is not None else ctx.skip(s, e + 1, "ordinal")
        high, end = value, e
        # range: "75-85%", "15–20 Sekunden", "2010-2013", "zwei bis drei", "zwischen X und Y"
        rng = self.q.range_after(ctx, e, value, left)
        if rng:
            (high, end, _), dash = rng
            if dash is not None:
                clock = nf.clock_range(ctx, s, dash)       # "9-17 Uhr"
                if clock is not None:
                    return clock
        elif is_int:
            ratio = self.q.ratio_of(ctx, start, e, value, left)       # "9 von 10"
            if ratio:
                return ratio
        end2 = dates.decade(ctx, start, end, core)
        if end2 is not None:
            return end2
        # years and year ranges, before any unit: "2010-2013", "2024/25", "Januar 2025"
        if len(core) == 4 and YEAR.fullmatch(core) and not lx.re_scale.match(text, end, hi) \
                and not lx.re_unit.match(text, end, hi):
            if rng and not YEAR.fullmatch(text[end - 4:end]):
                rng = None
                high, end = value, e
            end2 = dates.year(ctx, start, end, core, high if rng else None, left)
            if end2 is not None:
                return end2
        if not rng and sign is None and is_int and nf.names_number(text, start, end, lo, hi, left):
            return ctx.skip(s, end, "name or model number")
        if not rng and sign is None:
            end2 = dates.month_year(ctx, start, end, core)       # "Jan. 25"
            if end2 is not None:
                return end2
        return self.q.finish(ctx, Reading(start, end, value, high, sign=sign, left=left))
