"""Stage: dates and periods. Days ("6. Februar 2025", "06.02.2025", "2025-02-06"), months and
years ("Januar 2025", "2024/25", "2010-2013"), decades ("1990er", "zwanziger Jahre"), quarters
and halves ("Q3 2025", "im dritten Quartal") as date ranges, and the year of a date written
without one (from the publication date).

>>> from .context import TextContext
>>> lx = lexicon()
>>> d = Dates(lx)
>>> ctx = TextContext("Am 6. Februar stieg der Kurs.", dt.date(2025, 3, 1), lx)
>>> d.at_digit(ctx, 3)
13
>>> d.finish(ctx.figs, ctx.published); ctx.figs[0]["date"]
'2025-02-06'
"""
from __future__ import annotations

import datetime as dt
import re

from ..numbers import parse_word
from .lexicon import NEXT_CAP, H, alt, lexicon
from .record import figure

YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_DECADE = re.compile(r"\d0|1[89]\d0|20\d0")
_DECADE_JAHRE = re.compile(r"-?" + H + r"?Jahr(?:e|en)?\b")
_YEAR_SLASH = re.compile(r"/(\d{2})(?!\d)")
_PART_OF_WHOLE = re.compile(r"\s+(?:der|seiner|ihrer|unserer|aller|deren)\s+(?:(?:rund|etwa|knapp|gut|insgesamt)\s+)?\d")
_PLACE_PREPOSITION = re.compile(r"(?<![\wäöüß])(?:in|aus|nach)\s+$")
_OWN_AMOUNT = re.compile(r"\s+(?:von|in Höhe von|im Wert von|über)\s+(?:(?:rund|etwa|knapp|fast|gut|mehr als)\s+)?\d")
_LAST_WORD = re.compile(r"([\wäöüÄÖÜß.]+)" + H + r"*$")


class Dates:
    """Dates, years, decades and periods (``dates``, ``months``, ``skip.period_*`` of the vocabulary)."""

    def __init__(self, lx):
        self.lx = lx
        v, month_alt = lx.v, lx.month_alt
        self.months = lx.months
        self.re_date_num = re.compile(r"(\d{1,2})\." + H + r"?(\d{1,2})\." + H + r"?(\d{4}|\d{2})(?![\d])")
        self.re_date_dm = re.compile(r"(\d{1,2})\.(\d{1,2})\.(?=[\s,;)])")
        self.re_date_iso = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
        self.re_date_words = re.compile(
            r"(?P<d1>\d{1,2})\.?" + H + r"?(?:(?:[-–—]|bis|und)" + H + r"?(?P<d2>\d{1,2})\.)?" + H + r"*"
            r"(?P<m>" + month_alt + r")(?:" + H + r"+(?P<y>\d{4})(?!\d))?")
        self.re_month_range_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<m1>" + month_alt + r")" + H + r"+(?:bis|-|–)"
                                              + H + r"+(?P<m>" + month_alt + r")" + H + r"+$")
        self.re_month_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<m>" + month_alt + r")" + H + r"+$")
        self.re_year_cue = re.compile(r"(?:^|(?<=[\s(„\"]))" + alt(v["dates"]["year_cues"]) + H + r"+$")
        self.re_date_approx = re.compile(
            r"(?:^|(?<=[\s(„\"]))(?:" + alt(v["dates"]["approx"]) + r")" + H + r"+$")
        sk = v["skip"]
        self.period_nouns = sk["period_nouns"]
        self.period_ordinals = sk["period_ordinals"]
        self.re_period_ordinal = re.compile(r"(?<![\wäöüß.])(?P<o>" + alt(sk["period_ordinals"]) + r")" + H + r"+$")
        self.re_period_year = re.compile(H + r"*/?" + H + r"*(?P<y>(?:19|20)\d\d)(?!\d)")
        self.re_q_code = re.compile(r"(\d)(?![\d\w])(?:" + H + r"*[/ ']?" + H + r"*(?P<y>(?:19|20)?\d\d)(?!\d))?")
        self.re_decade_word = re.compile(r"(\w+zig|dreißig)er(?:-?jahre|-?jahren)?")
        # a past participle used as an adjective: "gegründete", "eröffneten", "übernommene"
        self.re_participle = re.compile(r"(?:ge|er|ver|be|über|ent|zer|an|auf|aus|ein)[a-zäöüß]+(?:t|en)(?:e|en|er|es|em)\b")
        self.month_abbrev = {m for m in self.months if len(m) <= 4}

    # --- days --------------------------------------------------------------------------------
    def at_digit(self, ctx, s) -> int | None:
        """A day written with digits at s: "2025-02-06", "06.02.2025", "6. Februar (2025)",
        "6.-8. März"; returns its end, or None."""
        text, hi = ctx.text, ctx.hi
        near = text[s + 1:s + 3]
        dotted = "." in near
        m = (self.re_date_iso.match(text, s, hi) if text[s + 4:s + 5] == "-" else None) or (
            self.re_date_num.match(text, s, hi) if dotted else None)
        if m:
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if len(m.group(1)) == 4 else (
                m.group(3), m.group(2), m.group(1))
            yy = int(y) + (2000 if len(y) == 2 and int(y) < 50 else 1900 if len(y) == 2 else 0)
            if valid_date(yy, int(mo), int(d)):
                return self.add(ctx, s, m.end(), f"{yy:04d}-{int(mo):02d}-{int(d):02d}", None)
        m = self.re_date_words.match(text, s, hi) if dotted or "-" in near or "–" in near or " " in near else None
        if m and m.group("m"):
            mo = self.months[m.group("m").rstrip(".")]
            d1, d2 = int(m.group("d1")), m.group("d2")
            has_dot = text[s + len(m.group("d1")):s + len(m.group("d1")) + 1] == "."
            if (has_dot or d2) and 1 <= d1 <= 31:
                year = int(m.group("y")) if m.group("y") else None
                iso_end = (year, mo, int(d2)) if d2 else None
                return self.add(ctx, s, m.end(), (year, mo, d1), iso_end)
        return None

    def day_month(self, ctx, s) -> int | None:
        """"6.2." (a day and a month, no year): its end, or None."""
        m = self.re_date_dm.match(ctx.text, s, ctx.hi) if "." in ctx.text[s + 1:s + 3] else None
        if m and valid_date(2000, int(m.group(2)), int(m.group(1))):
            return self.add(ctx, s, m.end(), (None, int(m.group(2)), int(m.group(1))), None)
        return None

    def add(self, ctx, s, e, iso, iso_end) -> int:
        """Add a date figure (ISO string or a (year, month, day) tuple finished later); returns e."""
        left = ctx.text[max(ctx.lo, s - 20):s]
        qual = "approx" if self.re_date_approx.search(left) else None
        ctx.figs.append(figure(s, e, "date", None, None, "date", qual, None, False, date=iso, date_end=iso_end))
        return e

    # --- quarters and halves -----------------------------------------------------------------
    def period_code(self, ctx, s) -> int | None:
        """"Q3 2025", "H1/24": a quarter or half-year code whose digit is at s."""
        text, lo = ctx.text, ctx.lo
        prev = text[s - 1] if s > lo else " "
        if prev in "QH" and (s - 2 < lo or not text[s - 2].isalnum()):
            qm = self.re_q_code.match(text, s, ctx.hi)
            if qm:
                n, size = int(qm.group(1)), 3 if prev == "Q" else 6
                if 1 <= n <= 12 // size:
                    return self.add_period(ctx, s - 1, qm.end(), n, size, qm.group("y"))
        return None

    def add_period(self, ctx, s, e, n, size, year) -> int:
        """A quarter or half-year as a date range: start month to end month of the period."""
        y = None
        if year:
            y = int(year) + (2000 if len(year) == 2 else 0)
        first = (n - 1) * size + 1
        qual = "approx" if self.re_date_approx.search(ctx.text[max(ctx.lo, s - 20):s]) else None
        ctx.figs.append(figure(s, e, "date", None, None, "date", qual, None, False, date=(y, first, None),
                               date_end=(y, first + size - 1, None)))
        return e

    def period_word(self, ctx, s, e) -> int | None:
        """"im dritten Quartal (2025)", "in der zweiten Jahreshälfte": the ordinal left of the noun."""
        text = ctx.text
        size = self.period_nouns[text[s:e]]
        om = self.re_period_ordinal.search(text, max(ctx.lo, s - 12), s)
        if not om:
            return None
        n = self.period_ordinals[om.group("o")]
        if n > 12 // size:
            return None
        ym = self.re_period_year.match(text, e, ctx.hi)
        return self.add_period(ctx, om.start(), ym.end() if ym else e, n, size, ym.group("y") if ym else None)

    def ordinal_period(self, ctx, s, e, value) -> int | None:
        """"im 3. Quartal 2025": a period whose ordinal is written in digits (its dot at e)."""
        noun_match = NEXT_CAP.match(ctx.text, e + 1, ctx.hi)
        if noun_match and noun_match.group(1) in self.period_nouns and 1 <= value <= 4:
            size = self.period_nouns[noun_match.group(1)]
            if value <= 12 // size:
                ym = self.re_period_year.match(ctx.text, noun_match.end(), ctx.hi)
                return self.add_period(ctx, s, ym.end() if ym else noun_match.end(), int(value), size,
                                       ym.group("y") if ym else None)
        return None

    # --- years and decades -------------------------------------------------------------------
    def estimate_year(self, ctx, s, core, g) -> int | None:
        """"2025e", "2026E": an estimate for a year (analysts' tables)."""
        if g and g.group("tail") in ("e", "E", "P", "p") and YEAR.fullmatch(core):
            ctx.figs.append(figure(s, g.end(), "date", None, None, "date", "approx", None, False,
                                   date=(int(core), None, None)))
            return g.end()
        return None

    def decade(self, ctx, start, end, core) -> int | None:
        """"1990er", "90er-Jahre": a decade, as its first year."""
        text = ctx.text
        if text[end:end + 2] == "er" and not text[end + 2:end + 3].isalpha() or text[end:end + 3] == "er-":
            if _DECADE.fullmatch(core):
                yv = int(core) if len(core) == 4 else (1900 + int(core) if int(core) >= 30 else 2000 + int(core))
                end2 = end + 2
                jm = _DECADE_JAHRE.match(text[end2:end2 + 12])
                if jm:
                    end2 += jm.end()
                ctx.figs.append(figure(start, end2, "date", None, None, "date", None, None, False,
                                       date=(yv, None, None)))
                return end2
        return None

    def year(self, ctx, start, end, core, rng_high, left) -> int | None:
        """A four-digit year at start:end (a range to rng_high when not None): "Januar 2025",
        "März bis Mai 2025", "2024/25", "2010-2013", "im Jahr 2025"; returns its end, or None."""
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        window = text[max(lo, start - 40):start]
        month_m = self.re_month_left.search(window)
        sm = _YEAR_SLASH.match(text[end:end + 4])
        if month_m:
            mo = self.months[month_m.group("m").rstrip(".")]
            ds = start - (len(window) - month_m.start())
            first, last = (int(core), mo, None), None
            rm = self.re_month_range_left.search(window)
            if rm:
                m1 = self.months[rm.group("m1").rstrip(".")]
                if m1 < mo:
                    first, last = (int(core), m1, None), (int(core), mo, None)
                    ds = start - (len(window) - rm.start("m1"))
            ctx.figs.append(figure(ds, end, "date", None, None, "date", None, None, False, date=first,
                                   date_end=last))
            return end
        if rng_high is not None or sm or self.is_year(text, start, end, hi, left):
            date_end = None
            if rng_high is not None:
                date_end = (int(rng_high), None, None)
            elif sm:
                date_end = (int(core[:2] + sm.group(1)), None, None)
                end += sm.end()
            qual = "approx" if self.re_date_approx.search(left[-20:]) else None
            ctx.figs.append(figure(start, end, "date", None, None, "date", qual, None, False,
                                   date=(int(core), None, None), date_end=date_end))
            return end
        return None

    def is_year(self, text, start, end, hi, left) -> bool:
        """A bare four-digit number between 1800 and 2100: a year unless it counts a noun."""
        lx = self.lx
        if _PART_OF_WHOLE.match(text, end, hi) and not self.re_year_cue.search(left[-20:]):
            return False              # "stehen etwa 2000 der 2300 Beschäftigten vor der Arbeitslosigkeit": a part
        nm = lx.re_noun.match(text, end, hi)
        if not nm or nm.group("n") in self.months:
            return True
        if self.re_year_cue.search(left[-20:]) or self.re_participle.match(nm.group("adj")):
            return True
        lw = _LAST_WORD.search(left[-30:])
        if lw is None:
            return True
        w = lw.group(1)
        if lx.re_qual_left.search(left):
            return False
        # a capitalised word before it is a name ("Cortina 2026"); a verb or article before it counts,
        # and so does a place after its preposition ("streicht in Deutschland 2000 Stellen"), unless the
        # noun has an amount of its own ("nahmen in Deutschland 2025 Beiträge von 410 Millionen Euro ein")
        return w[:1].isupper() and not (_PLACE_PREPOSITION.search(left[-30:], 0, lw.start(1))
                                        and not _OWN_AMOUNT.match(text, nm.end(), hi))

    def month_year(self, ctx, start, end, core) -> int | None:
        """"Jan. 25", "Mär 24": a month abbreviation and a two-digit year."""
        text, lo = ctx.text, ctx.lo
        before = text[max(lo, start - 6):start].split()
        if len(core) == 2 and before and before[-1].rstrip(".") in self.month_abbrev \
                and text[end:end + 1] != ".":
            mm = self.re_month_left.search(text[max(lo, start - 12):start])
            if mm:
                ds = start - (len(text[max(lo, start - 12):start]) - mm.start())
                mo = self.months[mm.group("m").rstrip(".")]
                ctx.figs.append(figure(ds, end, "date", None, None, "date", None, None, False,
                                       date=(2000 + int(core), mo, None)))
                return end
        return None

    def decade_word(self, ctx, s, e, lw, qual) -> int | None:
        """"zwanziger Jahre", "neunziger": a decade in words."""
        dm = self.re_decade_word.fullmatch(lw)
        if dm:
            tens = parse_word(dm.group(1))
            if tens and tens >= 20 and tens % 10 == 0:
                ctx.figs.append(figure(s, e, "date", None, None, "date", qual, None, True,
                                       date=(1900 + int(tens), None, None)))
                return e
        return None

    # --- the year of a date written without one ----------------------------------------------
    def finish(self, figs, published):
        """Turn (year, month, day) tuples into ISO strings, inferring missing years from the
        publication date (or, without one, the latest year the text names)."""
        ref_year, ref = None, published
        if ref is not None:
            ref_year = ref.year
        else:
            years = [f["date"][0] for f in figs if f["kind"] == "date" and isinstance(f["date"], tuple)
                     and f["date"][0] and f["date"][0] <= dt.date.today().year + 1]
            years += [int(f["date"][:4]) for f in figs if f["kind"] == "date" and isinstance(f["date"], str)]
            ref_year = max(years) if years else None
        for f in figs:
            d, e = f.get("date"), f.get("date_end")
            if isinstance(d, tuple):
                f["date"] = iso(d, ref_year, ref, self.lx.future_days)
                if isinstance(e, tuple) and e[0] is None and f["date"]:
                    e = (int(f["date"][:4]),) + e[1:]      # a range ends in the year it starts
            if isinstance(e, tuple):
                f["date_end"] = iso(e, ref_year, ref, self.lx.future_days)


def iso(d, ref_year, ref, future_days):
    """(year, month, day) as ISO text; a missing year from ref_year, last year's when the date
    would lie too far after the publication date ref."""
    y, m, day = d
    if y is None:
        if ref_year is None:
            return None
        y = ref_year
        if ref is not None and m and valid_date(y, m, day or 1):
            # a day more than half a year ahead, or a month or quarter starting more than three
            # months ahead, is last year's ("im vierten Quartal" in a February report)
            if (dt.date(y, m, day or 1) - ref).days > (future_days if day else 90):
                y -= 1
    if m is None:
        return f"{y:04d}"
    if day is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{day:02d}" if valid_date(y, m, day) else f"{y:04d}-{m:02d}"


def valid_date(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False
