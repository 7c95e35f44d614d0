"""Stage: quantities. What a number measures: scale words ("Mrd."), units and currencies after
it ("Prozent", "Euro", "Jahre"), currency symbols before it ("€", "CHF"), index names, counted
nouns ("12.000 Stellen"), ranges ("3 bis 4 Prozent", "zwischen X und Y") and a unit shared by
neighbours ("von 2,1 auf 2,5 Mrd. Euro").

>>> from .context import TextContext
>>> from .modifiers import Modifiers
>>> from .numerals import Numerals
>>> lx = lexicon()
>>> q = Quantities(lx, Numerals(lx), Modifiers(lx))
>>> ctx = TextContext("Der Konzern investiert 2,5 Mrd. Euro.", None, lx)
>>> q.finish(ctx, Reading(start=23, end=26, value=2.5, left=ctx.left(23)))
36
>>> f = ctx.figs[0]; f["kind"], f["low"], f["unit"]
('money', 2500000000.0, 'EUR')
"""
from __future__ import annotations

import math
import re

from .lexicon import NEXT_CAP, H, alt, lexicon
from .record import Reading, figure


class Quantities:
    """Scale words, units, currencies, counted nouns and ranges."""

    def __init__(self, lx, numerals, modifiers):
        self.lx, self.numerals, self.mod = lx, numerals, modifiers
        v, qual_alt = lx.v, lx.qual_alt
        self.re_range = re.compile(
            H + r"?(?:-" + H + r"+bis" + H + r"+|[-–—]" + H + r"?|bis" + H + r"+(?:zu" + H + r"+)?)"
            r"(?=[+−-]?\d|[a-zäöüß])")
        self.re_and = re.compile(H + r"+und" + H + r"+")
        self.re_bis = re.compile(H + r"+bis" + H + r"+(?:zu" + H + r"+)?(?:" + qual_alt + H + r"+)?")
        # "zwischen rund", "zwischen EUR": a currency may stand before the first number
        cur = v["currencies"]
        self.re_zwischen = re.compile(r"(?:^|(?<=\s))[Zz]wischen" + H + r"+(?:" + qual_alt + H + r"+)?(?:"
                                      + alt(cur["before"] + list(cur["thousands"])) + H + r"?)?$")
        # an index named earlier in the clause, its value right after bei/von/auf/unter/über
        self.re_index_clause = re.compile(
            r"(?<![\wäöüß])(?P<n>" + alt(v["index"]["names"]) + r")(?:" + H + r"*\((?P<n2>[^()\n]{0,30})\))?"
            r"[^,;:.!?\n]{0,80}?(?:bei|von|auf|unter|über|mit)" + H + r"+(?:" + qual_alt + H + r"+)?$")
        self.re_of = re.compile(H + r"+von" + H + r"+")
        self.re_von = re.compile(r"(?:^|(?<=\s))(?:[Vv]on)" + H + r"+(?:" + qual_alt + H + r"+)?$")
        self.count_ordinal_nouns = set(v["skip"]["count_ordinal_nouns"])
        # a ratio named earlier in the clause: "Book-to-Bill-Ratio bei 0,96", "(Book-to-Bill) rutschte auf 0,92"
        # (without a lookbehind, so the engine can skip to a first letter: a sentence test only)
        self.re_ratio_name = re.compile(alt(v["index"]["ratio_names"]))
        self.re_index_name = re.compile(alt(v["index"]["names"]))
        self.re_ratio_clause = re.compile(
            r"(?<![\wäöüß])" + alt(v["index"]["ratio_names"]) + r"[^,;:.!?\n]{0,60}?(?:bei|von|auf|unter|über|mit|:)"
            + H + r"+(?:" + qual_alt + H + r"+)?$")
        self.re_rate_words = re.compile(r"(?i)prozent|%|quote|zins|rendite|rate\b")
        self.re_conn = re.compile(
            r"^" + H + r"*(?:auf|bis|und|oder|bzw\.?|beziehungsweise|sowie|statt|nach|gegenüber|zu|von|,|/)" + H
            + r"*(?:(?:künftig|nun|jetzt|zuletzt|dann|nunmehr)" + H + r"+)?(?:" + qual_alt + H + r"*)?$")
        self.re_deferred = re.compile(H + r"*(?:\([^()\n]{0,40}\)|\))")
        self.re_times_so = re.compile(H + r"+(?:so|mehr|höher|größer|schneller|teurer|länger|stärker)\b")
        self.re_duration_compound = re.compile(r"\w(jahre|jahren|monate|monaten|wochen|tage|tagen|stunden)$")
        self.re_age_left = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:,[ ]|[ ]\()$")
        self.money_nouns = {"umsatz", "umsätze", "gewinn", "verlust", "erlös", "erlöse", "kosten", "einnahmen",
                            "ausgaben", "investitionen", "schulden", "budget", "etat", "ertrag", "überschuss",
                            "defizit", "gehalt", "jahresumsatz", "nettogewinn", "betriebsgewinn", "fördermittel"}

    # --- ranges -------------------------------------------------------------------------------
    def range_after(self, ctx, e, value, left):
        """The upper end of a range whose first number ends at e ("75-85", "zwei bis drei",
        "zwischen X und Y"): ((high, end, is_word), where a second number after a dash or "bis"
        starts, else None) or None."""
        text, hi = ctx.text, ctx.hi
        rm = self.re_range.match(text, e, hi)
        if rm:
            c2 = self.numerals.core(text, rm.end(), hi)
            return (c2, rm.end()) if c2 and c2[0] >= value else None
        if self.re_zwischen.search(left[-32:]):
            am = self.re_and.match(text, e, hi)
            if am:
                c2 = self.numerals.core(text, am.end(), hi)
                if c2 and c2[0] >= value:
                    return c2, None
        return None

    def ratio_of(self, ctx, start, e, value, left) -> int | None:
        """"drei von vier Deutschen", "9 von 10 Firmen": n of m as a ratio (not "von 2,1 auf 2,5")."""
        text, hi, lx = ctx.text, ctx.hi, self.lx
        om = self.re_of.match(text, e, hi)
        if not om or self.re_von.search(left[-12:]):
            return None
        c2 = self.numerals.core(text, om.end(), hi)
        if not c2 or not float(c2[0]).is_integer() or not 0 < value < c2[0] <= 1000:
            return None
        if lx.re_scale.match(text, c2[1], hi) or lx.re_unit.match(text, c2[1], hi):
            return None
        v = value / c2[0]
        ctx.figs.append(figure(start, c2[1], "ratio", v, v, "fraction", lx.qualifier(left), None, c2[2]))
        return c2[1]

    def ordinal_count(self, ctx, s, e, value) -> int | None:
        """"zum 24. Mal": an ordinal before a noun of how often counts (its dot at e)."""
        nm = NEXT_CAP.match(ctx.text, e + 1, ctx.hi)
        if nm and nm.group(1) in self.count_ordinal_nouns:
            ctx.figs.append(figure(s, nm.end(), "count", value, value, nm.group(1), None, None, False))
            return nm.end()
        return None

    def join_ranges(self, text, figs):
        """Two whole figures of one kind and unit are one range: "zwischen EUR 1,90 Mrd. und EUR
        2,00 Mrd.", "EUR 600 Mio. bis EUR 650 Mio.", "von 10.000 Euro bis zu knapp 2 Millionen Euro"."""
        out = []
        for g in figs:
            f = out[-1] if out else None
            if f is not None and f["kind"] == g["kind"] and f["unit"] == g["unit"] and f["kind"] != "date" \
                    and f["high"] is not None and g["low"] is not None and g["low"] > f["low"] \
                    and f["high"] == f["low"] and not f.get("bare") and not g.get("bare") \
                    and (self.re_bis.fullmatch(text, f["end"], g["start"])
                         or self.re_and.fullmatch(text, f["end"], g["start"])
                         and self.re_zwischen.search(text, max(0, f["start"] - 32), f["start"])):
                f.update(end=g["end"], high=g["high"])
                continue
            out.append(g)
        figs[:] = out

    # --- units --------------------------------------------------------------------------------
    def finish(self, ctx, r: Reading) -> int:
        """Read scale word, unit or currency, counted noun, qualifier and direction of the number
        ``r`` and add its figure; returns where the figure ends."""
        lx, mod = self.lx, self.mod
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        start, end, value, high, left = r.start, r.end, r.value, r.high, r.left
        kind, unit, qual, direction = None, None, None, r.sign
        scale = 1.0
        sm = lx.re_scale.match(text, end, hi)
        if sm:
            scale = lx.scales[sm.group("s")]
            end = sm.end()
        open_plus = False
        if text[end:end + 1] == "+" and text[end + 1:end + 2] in (" ", "\u00a0"):
            if lx.re_unit.match(text, end + 1, hi):      # "20+ Jahre"
                open_plus, end = True, end + 1
        low_v, high_v = value * scale, high * scale
        factor = 1.0
        pm = lx.re_prefix_cur.search(left[-8:]) if left else None
        um = lx.re_unit.match(text, end, hi)
        am = None if um else lx.re_adj.match(text, end, hi)
        if um:
            w = "%" if um.group("pct") else um.group("u")
            kind, unit, factor = lx.units[w]
            end = um.end()
            if kind == "money" and factor == 0.01 and not unit:
                unit = ctx.sentence_currency(start) or lx.minor_default
        elif am and (am.group("a") in ("prozentig", "fach", "mal", "Fach") or am.group("a").lower() in lx.dur_adj):
            a = am.group("a").lower()
            if a == "prozentig":
                kind, unit = "percent", "%"
            elif a in ("fach", "mal"):
                if a == "mal" and not self.re_times_so.match(text, am.end(), hi):
                    am = None
                else:
                    kind, unit = "multiple", "x"
            else:
                unit, factor = lx.dur_adj[a]
                kind = "duration"
            if am:
                end = am.end()
        if kind is None and not pm:
            dm = self.re_deferred.match(text, end, hi)
            um2 = lx.re_unit.match(text, dm.end(), hi) if dm else None
            if um2 and (um2.group("pct") or lx.units[um2.group("u")][0] in ("money", "percent")):
                kind, unit, factor = lx.units["%" if um2.group("pct") else um2.group("u")]
        if pm and kind in (None, "money"):
            kind, unit = "money", lx.prefix_cur_code[pm.group("c")]
            factor *= lx.prefix_cur_factor.get(pm.group("c"), 1.0)          # "TEUR 305.420"
            cut = len(left[-8:]) - pm.start()
            start, left = start - cut, left[:len(left) - cut]
        low_v, high_v = low_v * factor, high_v * factor
        if kind == "index" and unit == "Punkte" and self.points_are_pp(ctx, start, left):
            kind, unit = "percent", "pp"
        counted = None
        if kind is None and scale == 1.0 and float(value).is_integer() and 1 <= value <= 110 and high == value \
                and self.re_age_left.search(left[-40:]) and text[end:end + 1] in (",", ")"):
            kind, unit = "duration", "year"       # an age after a name: "Anna Berger, 45," / "Joe Tsai (61)"
        if kind is None and ctx.mentions(self.re_ratio_name, start) \
                and self.re_ratio_clause.search(text, max(lo, ctx.sentence_span(start)[0], start - 120), start):
            kind, unit = "ratio", "fraction"
        if kind is None:
            im = lx.re_index_left.search(left)
            if im is None and ctx.mentions(self.re_index_name, start):
                im = self.re_index_clause.search(text, max(lo, ctx.sentence_span(start)[0], start - 200), start)
            if im:
                kind, unit = "index", im.group("n")
                if im.group("n2") in lx.index_names:
                    unit = im.group("n2")
            else:
                nm = lx.re_noun.match(text, end, hi)
                if nm and nm.group("n") not in lx.months:
                    counted = text[nm.start("adj") if nm.group("adj") else nm.start("n"):nm.end("n")]
                    kind, unit = "count", counted
                    noun = nm.group("n").lower()
                    dm = self.re_duration_compound.search(noun)
                    if nm.group("n") in lx.level_words and not nm.group("adj") \
                            and lx.re_index_any.search(text, ctx.sentence_span(start)[0], start):
                        kind, unit, counted = "index", "Punkte", None    # "ATX ... auf 4.128,61 Einheiten"
                    elif dm:                                  # "45 Beitragsjahren", "drei Geschäftsjahre"
                        kind, unit, factor = lx.units[dm.group(1).capitalize()]
                        low_v, high_v = low_v * factor, high_v * factor
                        counted = None
                    elif scale >= 1e6 and noun in self.money_nouns:
                        cur = ctx.sentence_currency(start) or last_currency(ctx.figs)
                        if cur:                             # "sechs Millionen Umsatz"
                            kind, unit, counted = "money", cur, None
                else:
                    kind = "count" if float(value * scale).is_integer() else "other"
                    if scale >= 1e6 and not lx.counts_things(text, start, ctx.sentence_span(start)[0]):
                        cur = ctx.sentence_currency(start)
                        if cur:
                            kind, unit = "money", cur
        # open end: "90%+", "60 Prozent oder mehr", "20+ Jahre"
        if open_plus:
            qual, high_v = "more_than", None
        elif text[end:end + 1] == "+" and not text[end + 1:end + 2].isalnum():
            qual = "more_than"
            end += 1
            high_v = None
        else:
            qual = mod.qualifier_right(text, end, hi)
            if qual == "more_than":
                high_v = None
        if qual is None:
            qual = lx.qualifier(left)
        if direction is None:
            direction = mod.sign_word(left) or mod.direction(ctx, kind, start, end, left)
        ctx.figs.append(figure(start, end, kind, low_v, high_v, unit, qual, direction, r.hard, scale=scale,
                               factor=factor, bare=(not sm and not um and not am and not pm and counted is None
                                                    and kind in ("count", "other"))))
        return end

    def points_are_pp(self, ctx, start, left) -> bool:
        """"Die Quote sank um 0,1 Punkte auf 6,2 Prozent": a change in points of a rate, not of an index."""
        if not self.mod.re_um_left.search(left[-32:]):
            return False
        a, b = ctx.sentence_span(start)
        sentence = ctx.text[a:b]
        return bool(self.re_rate_words.search(sentence)) and "index" not in sentence.lower() \
            and not self.lx.re_index_any.search(sentence)

    def inherit_units(self, text, figs):
        """"von 2,1 auf 2,5 Mrd. Euro", "von 11 auf künftig 18 Cent", "von 6 auf 9 Millionen Passagiere":
        a bare number takes scale and unit from the next one."""
        for i in range(len(figs) - 2, -1, -1):
            f, g = figs[i], figs[i + 1]
            if not f.get("bare") or g["kind"] in ("date", "other", "ratio") or \
                    g["kind"] == "count" and not (g["scale"] > 1 and (g["unit"] or _fraction(f["low"]))):
                continue                  # a count only with its scale and noun: "von 6 auf 9 Millionen Passagiere",
                #                           or a decimal that is no count alone: "von 1,4 auf 1,9 Millionen"
            between = text[f["end"]:g["start"]]
            if len(between) > 40 or not self.re_conn.match(between):
                continue
            if g["kind"] == "percent" and f["low"] and g["low"] and f["low"] >= 100 * g["low"] and f["low"] >= 100:
                continue                  # "um 14.800 oder 5,0 Prozent": a count and its change in percent
            # the scale word too, unless the number is written out in full: "von 977'000 auf 2,8
            # Millionen Franken" is 977,000, "von 2,1 auf 2,5 Mrd. Euro" 2.1 billion
            scale = g["scale"]
            if scale > 1 and f["low"] and g["low"] and _log_gap(f["low"] * g["factor"], g["low"]) \
                    < _log_gap(f["low"] * scale * g["factor"], g["low"]):
                scale = 1.0
            for k in ("low", "high"):
                if f[k] is not None:
                    f[k] = f[k] * scale * g["factor"]
            f.update(kind=g["kind"], unit=g["unit"], scale=scale, factor=g["factor"], bare=False)


def _fraction(x: float | None) -> bool:
    """A number with decimals ("1,4"), which counts nothing on its own."""
    return x is not None and x != int(x)


def _log_gap(a: float, b: float) -> float:
    """How many orders of magnitude apart two positive amounts are."""
    return abs(math.log10(a / b))


def apply_unit(f, scale, kind, unit, factor):
    """Give a bare figure a unit stated elsewhere (a table's header)."""
    for k in ("low", "high"):
        if f[k] is not None:
            f[k] = f[k] * scale * factor
    f.update(kind=kind, unit=unit, scale=scale, bare=False)


def last_currency(figs):
    """The currency of the last amount of money before, in the same text."""
    for f in reversed(figs):
        if f["kind"] == "money" and f["unit"]:
            return f["unit"]
    return None
