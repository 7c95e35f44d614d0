"""Stage: digits that are not figures. Names and codes ("GPT-4", "H20-Chips", "Windows 11",
"S&P 500"), web and mail addresses, phone numbers, clock times and scores, footnote marks,
postal codes, list numbers, ordinals and references ("Artikel 17"). Each is recorded with its
reason (``explore.unmatched``), so every digit of a text is either in a figure or explained.

>>> from .context import TextContext
>>> lx = lexicon()
>>> nf = NotFigures(lx)
>>> ctx = TextContext("Um 14:30 Uhr rief er +49 30 1234567 an.", None, lx)
>>> nf.clock(ctx, 3), nf.phone(ctx, 22)
(12, 36)
>>> [k["reason"] for k in ctx.skipped]
['clock time or score', 'phone number']
"""
from __future__ import annotations

import re

from .context import line_initial, sentence_initial
from .lexicon import NEXT_CAP, H, alt, lexicon

_WEB = re.compile(r"\.(?:de|com|at|ch|org|net|html?)\b")


class NotFigures:
    """Recognisers of digits that are no figure; each returns where the skipped run ends, or None."""

    def __init__(self, lx):
        self.lx = lx
        v = lx.v
        sk = v["skip"]
        self.re_clock = re.compile(
            r"\d{1,2}(?::\d{2}(?::\d{2})?(?!\d)(?:" + H + r"?Uhr\b)?|[.,]\d{2}" + H + r"?Uhr\b|" + H
            + r"?Uhr\b)")
        self.re_phone = re.compile(r"(?:\+\d{1,3}[ /-]?(?:\(0\))?[ ]?\d|0\d{2,5}[ /-]+\d|0\d{2,5}/\d)[\d /-]{2,}")
        self.re_reference = re.compile(r"(?:^|(?<=[\s(„\"]))(?:" + alt(sk["references"]) + r"):?" + H + r"*$")
        self.re_footnote = re.compile(r"\[\d{1,3}\]")
        self.re_postcode = re.compile(r"\d{5}" + H + r"+[A-ZÄÖÜ][a-zäöüß]+")
        self.re_glued_code = re.compile(r"\d+(?P<tail>[A-Za-z][A-Za-z0-9]*)(?![\wäöüß])")
        self.re_name_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<w>[A-ZÄÖÜ][\wäöüÄÖÜß&.-]*[\wäöüß]|[a-z]+[A-Z][\w]*)"
                                       + H + r"$")
        self.ordinal_nouns = set(sk["ordinal_nouns"])
        self.named_numbers: dict[str, set[str]] = {}      # "500" -> {"S&P"}: names that end in a number
        for name in v["index"]["named_numbers"]:
            m = re.match(r"(.*?)[ -]?(\d+)$", name)
            if m:
                self.named_numbers.setdefault(m.group(2), set()).add(m.group(1))

    # --- before a number is read --------------------------------------------------------------
    def glued(self, ctx, s) -> int | None:
        """Digits glued to letters: model names, codes, tickers ("R1", "H20-Chips", "GPT-4"),
        and footnote marks ("[3]")."""
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        prev = text[s - 1] if s > lo else " "
        if prev.isalpha() or prev == "_" or (prev in "-." and s - 2 >= lo and text[s - 2].isalpha()
                                              and self._glued_name(text, s - 1, lo)):
            e = s
            while e < hi and (text[e].isalnum() or text[e] == "_"):
                e += 1
            return ctx.skip(s, e, "name or code")
        m = self.re_footnote.match(text, s - 1, hi) if prev == "[" else None
        if m:
            return ctx.skip(s, m.end() - 1, "footnote mark")
        return None

    def _glued_name(self, text, sep, lo) -> bool:
        """Is the word before "-"/"." at sep a name the number belongs to ("Covid-19", "ID.3")?
        Not after an abbreviation such as "ca." or "Nr."."""
        if text[sep] == "-":
            return True
        a = sep
        while a > lo and text[a - 1].isalpha():
            a -= 1
        word = text[a:sep]
        return word not in self.lx.abbrev and word.lower() not in self.lx.qual_of

    def web(self, ctx, s) -> int | None:
        """Digits in a web or mail address ("www.example.de/2025", "info2@...")."""
        text = ctx.text
        a, b, web = ctx.token
        if not a <= s < b:            # a new token: find its bounds and whether it is a web address, once
            a, b = _token_bounds(text, s, ctx.lo, ctx.hi)
            tok = text[a:b]
            web = "://" in tok or "www." in tok or "@" in tok or _WEB.search(tok) is not None
            ctx.token = (a, b, web)
        if web:
            e = s
            while e < b and text[e].isdigit():
                e += 1
            return ctx.skip(s, e, "web address")
        return None

    def phone(self, ctx, s) -> int | None:
        """"+49 30 1234567", "0221/123456": six digits or more in the shape of a phone number."""
        text = ctx.text
        plus = text[s - 1:s] == "+" and s - 1 >= ctx.lo
        m = self.re_phone.match(text, s - 1 if plus else s, ctx.hi) if text[s] == "0" or plus else None
        if m and sum(ch.isdigit() for ch in m.group()) >= 6:
            return ctx.skip(m.start(), m.end(), "phone number")
        return None

    def clock(self, ctx, s) -> int | None:
        """"14:30 Uhr", "9 Uhr", "2:1": a time of day or a score."""
        text = ctx.text
        near = text[s + 1:s + 3]
        m = self.re_clock.match(text, s, ctx.hi) if ":" in near or "Uhr" in text[s + 1:s + 10] else None
        if m and (":" in m.group() or "Uhr" in m.group()):
            return ctx.skip(s, m.end(), "clock time or score")
        return None

    def clock_range(self, ctx, s, second) -> int | None:
        """"9-17 Uhr": a range whose second end (at second) is a clock time."""
        cm = self.re_clock.match(ctx.text, second, ctx.hi)
        if cm and "Uhr" in cm.group():
            return ctx.skip(s, cm.end(), "clock time or score")
        return None

    # --- a number read, before its unit ---------------------------------------------------------
    def glued_code(self, ctx, s, e):
        """"5G", "3D", "4K": the match of digits glued to letters (ask ``is_code``), or None."""
        text = ctx.text
        if text[e:e + 1].isascii() and text[e:e + 1].isalpha():
            return self.re_glued_code.match(text, s, ctx.hi)
        return None

    def is_code(self, ctx, g) -> bool:
        """Glued letters that are no unit ("5km") nor a decade ("90er")."""
        return not self.lx.re_unit.match(ctx.text, g.start("tail"), ctx.hi) and not g.group("tail").startswith("er")

    def before(self, ctx, s, e, start, core, left) -> int | None:
        """What the words before a number make of it: part of a name ("S&P 500"), a reference
        ("Artikel 17"), a postal code, a list number ("1. Startseite", "2)")."""
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        for prefix in sorted(self.named_numbers.get(core, ())):
            if left.endswith(prefix + " ") or left.endswith(prefix + "-") or left.endswith(prefix):
                if prefix and text[max(lo, start - len(prefix) - 1):start].strip():
                    return ctx.skip(s, e, "name")
        if self.re_reference.search(left[-18:]):
            return ctx.skip(s, e, "reference or rank")
        if len(core) == 5 and core.isdigit() and self.re_postcode.match(text, s, hi) \
                and (not left.strip() or left.rstrip().endswith((",", "\n")) or left.endswith("\n")):
            return ctx.skip(s, e, "postal code")
        # list numbering: a number and a dot at the start of a line ("1. Startseite")
        if text[e:e + 1] == "." and e + 1 < hi and text[e + 1:e + 2] in " \t" and not text[e + 2:e + 3].isdigit() \
                and (line_initial(text, lo, start) or text[max(lo, start - 2):start] in ("  ", "\t")
                     or text[start - 1:start] == "\t"):
            return ctx.skip(s, e + 1, "list number")
        if text[e:e + 1] == ")" and line_initial(text, lo, start):
            return ctx.skip(s, e + 1, "list number")
        return None

    def is_ordinal(self, ctx, e, core, is_int) -> bool:
        """"25. Geburtstag", "im 3. Quartal": a short integer whose dot at e ends no sentence."""
        return ctx.text[e:e + 1] == "." and is_int and len(core) <= 3 and not self.ends_sentence(ctx.text, e, ctx.hi)

    def ends_sentence(self, text, e, hi) -> bool:
        """Does the dot at e end a sentence, rather than mark an ordinal ("zum 25. Mal")?
        A lowercase word or a noun that counts in order ("Mal", "Platz", "Quartal") follows an ordinal."""
        rest = text[e + 1:e + 40]
        if not rest or rest[0] == "\n" or e + 1 >= hi:
            return True
        m = NEXT_CAP.match(rest)
        if not m:
            return False
        return m.group(1) not in self.ordinal_nouns

    def names_number(self, text, start, end, lo, hi, left) -> bool:
        """"Windows 10", "iPhone 16", "Theresienstraße 12": a bare number after a capitalised word."""
        lx = self.lx
        pw = self.re_name_left.search(left[-40:])
        if pw is None or lx.re_scale.match(text, end, hi) or lx.re_unit.match(text, end, hi) \
                or lx.re_adj.match(text, end, hi) or lx.re_noun.match(text, end, hi) or _PART_OF.match(text, end, hi):
            return False
        word = pw.group("w")
        if word in lx.index_names or word in lx.months or word.lower() in lx.qual_of \
                or lx.re_prefix_cur.search(left[-8:]) or lx.re_index_left.search(left):
            return False
        return not sentence_initial(text, start - (len(left[-40:]) - pw.start("w")), lo)


# a part of a whole after the number: it counts ("bis Jahresende 230 seiner 2.100 Stellen", "230 der rund 2.100")
_PART_OF = re.compile(r"\s+(?:(?:seiner|ihrer|unserer|eurer|meiner|aller)\s|(?:der|dieser)\s+(?:[a-z]+\s+)?\d)")


def _token_bounds(text, s, lo, hi):
    """The run of non-space characters around s."""
    a = s
    while a > lo and not text[a - 1].isspace():
        a -= 1
    b = s
    while b < hi and not text[b].isspace():
        b += 1
    return a, b
