"""Stage: a figure that starts with a word. Number words ("zwölf Prozent", "dreier Werke"), an
article before a scale word or fraction ("eine Milliarde", "ein Drittel"), "jeder Dritte",
multiples ("verdreifacht", "halbiert", "das Doppelte"), compounds ("neuntägige",
"fünfprozentige"), "die Hälfte", vague amounts ("mehrere hundert Euro", "Millionen Nutzer").

>>> from .scanner import scanner
>>> [(f["text"], f["kind"], round(f["low"], 4)) for f in scanner().scan("Zwei Drittel der Firmen.").figures]
[('Zwei Drittel', 'ratio', 0.6667)]
"""
from __future__ import annotations

import re

from ..numbers import parse_word
from .context import sentence_initial
from .lexicon import H, alt, both_cases, trie
from .record import Reading, figure

_SO = re.compile(H + r"+so\b")
_MULTIPLE_NOUNS = {"dop": 2.0, "dre": 3.0, "vie": 4.0, "zeh": 10.0}     # "das Doppelte", "Dreifache", ...


class Words:
    """Reads the figure at a number word, with the stages it is given."""

    def __init__(self, lx, numerals, quantities, modifiers, dates):
        self.lx, self.num, self.q, self.mod, self.dates = lx, numerals, quantities, modifiers, dates
        n = numerals
        units = lx.units
        # units one article can count: "ein Jahr", "einen Prozentpunkt", "einen Dollar" (the main
        # currencies by name: "ein Pfund", "einen Rand" are mostly no money)
        self.one_units = {w for w, (k, u, f) in units.items()
                          if k in ("duration", "percent")
                          or k == "money" and u in ("EUR", "USD", "CHF", "CNY", "JPY") and w[:1].isupper() and not w.isupper()}
        self.re_after_article = re.compile(
            H + r"+(?:(?P<half>halbe[nmrs]?)" + H + r"+)?(?P<w>" + alt(list(lx.scales) + list(
                n.fraction_nouns) + ["Dutzend"]) + ")")
        self.re_half = re.compile(H + r"+halbe[nmrs]?")
        self.re_fraction = re.compile(H + r"+(?P<f>" + alt(n.fraction_nouns) + ")")
        self.re_jeder = re.compile(r"[Jj]ede[rsnm]?" + H + r"+(?P<o>" + trie(
            both_cases(n.ordinals)) + r")[nr]?(?![\wäöüß])")
        self.re_quantifier_left = re.compile(
            r"(?:^|(?<=\s))(?P<q>" + alt(both_cases(lx.v["indefinite"]["quantifiers"])) + r")" + H + r"+$")
        self.re_half_left = re.compile(r"(?:^|(?<=\s))(?:die|der|zur|eine|um die)" + H + r"+$", re.I)
        self.re_ordinal_count = re.compile(
            r"(?P<o>" + trie(n.ordinals) + r")n?" + H + r"+(?P<n>" + alt(lx.v["skip"]["count_ordinal_nouns"]) + ")")
        self.re_ordinal_left = re.compile(r"(?:ersten|zweiten|ander[en]+|letzten|oberen|unteren)" + H + r"+$")

    def at_word(self, ctx, s) -> int:
        """Read what starts at the word at s; returns where it ends."""
        lx, n, q = self.lx, self.num, self.q
        text, lo, hi = ctx.text, ctx.lo, ctx.hi
        figs = ctx.figs
        wm = n.re_word.match(text, s, hi)
        word = wm.group()
        e = wm.end()
        lw = word.lower()
        left = ctx.left(s)
        # article + scale word or fraction: "einer Milliarde", "eine halbe Million", "ein Drittel"
        if word in n.articles:
            am = self.re_after_article.match(text, e, hi)
            if not am:
                hm = self.re_half.match(text, e, hi)
                at, one = (hm.end(), 0.5) if hm else (e, 1.0)
                um = lx.re_unit.match(text, at, hi)
                if um and um.group("u") in self.one_units and text[um.end():um.end() + 1] != "-" \
                        and (lx.units[um.group("u")][0] != "money" or self._amount_left(left)):
                    return q.finish(ctx, Reading(s, at, one, hard=True, left=left))
                return e
            w2 = am.group("w")
            base = 0.5 if am.group("half") else 1.0
            if w2 in n.fraction_nouns:
                v = base / n.fraction_nouns[w2]
                figs.append(figure(s, am.end(), "ratio", v, v, "fraction", lx.qualifier(left),
                                   self.mod.direction(ctx, "ratio", s, am.end(), left), True))
                return am.end()
            if w2 == "Dutzend":
                return self.finish_word(ctx, s, am.end(), 12.0, 12.0, left)
            # "eine halbe Million": the scale word is read from after "halbe"
            return self.finish_word(ctx, s, am.end("half") if am.group("half") else e, base, base, left,
                                    article=True)
        # "zum dritten Mal": how often
        if lw.rstrip("nrsm") in n.ordinals:                  # an ordinal: a figure only before "Mal"
            om = self.re_ordinal_count.match(text, s, hi) if word[0].islower() else None
            if om:
                k = float(n.ordinals[om.group("o")])
                figs.append(figure(s, om.end(), "count", k, k, om.group("n"), None, None, True))
                return om.end()
            return e
        # "jeder Dritte": one in n
        if lw.startswith("jede"):
            jm = self.re_jeder.match(text, s, hi)
            if jm:
                k = n.ordinals[jm.group("o").lower()]
                figs.append(figure(s, jm.end(), "ratio", 1 / k, 1 / k, "fraction", lx.qualifier(left), None, True))
                return jm.end()
            return e
        # multiples: "verdreifacht", "halbiert", "das Doppelte"
        for stem, val in (n.multiples_up.items() if lw[:3] in ("ver", "dop") else ()):
            if lw.startswith(stem.lower()):
                if stem in ("doppelt", "Doppelte") and lw not in ("doppelt", "doppelte", "doppelten"):
                    break
                if stem == "doppelt" and not _SO.match(text[e:e + 6]):
                    break
                direction = "up" if stem.startswith("ver") else None
                figs.append(figure(s, e, "multiple", float(val), float(val), "x", lx.qualifier(left), direction, True))
                return e
        for stem, val in (n.multiples_down.items() if lw[:3] == "hal" else ()):
            if lw.startswith(stem.lower()):
                figs.append(figure(s, e, "multiple", float(val), float(val), "x", lx.qualifier(left), "down", True))
                return e
        if word in self.dates.period_nouns:                 # "im dritten Quartal"
            end = self.dates.period_word(ctx, s, e)
            return e if end is None else end
        if word in ("Doppelte", "Doppelten", "Dreifache", "Dreifachen", "Vierfache", "Vierfachen", "Zehnfache",
                    "Zehnfachen"):
            v = _MULTIPLE_NOUNS[lw[:3]]
            figs.append(figure(s, e, "multiple", v, v, "x", lx.qualifier(left), None, True))
            return e
        end = self.dates.decade_word(ctx, s, e, lw, lx.qualifier(left))   # "die zwanziger Jahre"
        if end is not None:
            return end
        # "die Hälfte"
        if word == "Hälfte":
            hm = self.re_half_left.search(left)
            if hm and not self.re_ordinal_left.search(left):
                figs.append(figure(s, e, "ratio", 0.5, 0.5, "fraction", lx.qualifier(left[:hm.start()] + " "),
                                   self.mod.direction(ctx, "ratio", s, e, left), True))
            return e
        # indefinite plural scale words: "Millionen Nutzer", "mehrere hundert Euro"
        if word in n.indefinite and not text[e:e + 1] == "-":
            return self.vague(ctx, s, e, float(n.indefinite[word]))
        # compounds: "neuntägige", "vierjährigen", "fünfprozentige", "dreifach"
        if lw.endswith("mal") and len(lw) > 3:
            v = parse_word(lw[:-3])
            if v is not None and v > 1:
                if q.re_times_so.match(text, e, hi):       # "dreimal so hoch"
                    figs.append(figure(s, e, "multiple", v, v, "x", lx.qualifier(left), None, True))
                else:                                      # "zweimal gesenkt"
                    figs.append(figure(s, e, "count", v, v, "mal", lx.qualifier(left), None, True))
                return e
        for stem, noun in n.count_adj.items():
            i = lw.find(stem, 1)
            v = parse_word(lw[:i], stems=True) if i > 0 else None
            if v is not None:
                figs.append(figure(s, e, "count", v, v, noun, lx.qualifier(left), None, True))
                return e
        for a_stem in ("prozentig", "fach", *lx.dur_adj):
            i = lw.find(a_stem, 1)
            if i > 0:
                v = parse_word(lw[:i], stems=True)
                if v is None and lw[:i] in ("halb",):
                    v = 0.5
                if v is None or (a_stem == "fach" and v == 1):
                    continue   # "einfach" is "simple", not a multiple
                if a_stem == "prozentig":
                    kind, unit, f = "percent", "%", 1.0
                elif a_stem == "fach":
                    kind, unit, f = "multiple", "x", 1.0
                else:
                    kind, (unit, f) = "duration", lx.dur_adj[a_stem]
                    if a_stem in ("wochen", "stunden", "tages", "monats", "jahres") and i + len(a_stem) == len(lw):
                        continue   # "Stunden" after a number word is a plain unit, read below
                figs.append(figure(s, e, kind, v * f, v * f, unit, lx.qualifier(left), None, True))
                return e
        val = parse_word(word)
        if val is None:
            val = n.declined.get(word)              # "zweier Tochtergesellschaften"
        if val is None:
            return e
        if word[0].isupper() and not sentence_initial(text, s, lo) and text[e:e + 1] != "-":
            return e   # "Acht", "Elf" as nouns; "Fünf-Prozent-Hürde" is a figure
        # "zwei Drittel"
        fm = self.re_fraction.match(text, e, hi)
        if fm:
            v = val / n.fraction_nouns[fm.group("f")]
            figs.append(figure(s, fm.end(), "ratio", v, v, "fraction", lx.qualifier(left),
                               self.mod.direction(ctx, "ratio", s, fm.end(), left), True))
            return fm.end()
        # "mehrere hundert Euro"
        qm = self.re_quantifier_left.search(left) if lw in ("hundert", "tausend") else None
        if qm:
            qs = s - (len(left) - qm.start())
            return self.vague(ctx, qs, e, val)
        high = val
        r = q.ratio_of(ctx, s, e, val, left)               # "drei von vier"
        if r:
            figs[-1]["hard"] = True
            return r
        rng = q.range_after(ctx, e, val, left)           # "zwei bis drei", "zwischen vier und 4,5"
        if rng and rng[0][0] > val:
            high, e = rng[0][0], rng[0][1]
        if val == 1 and lw in ("ein", "eins") and high == val:
            return e
        return self.finish_word(ctx, s, e, val, high, left)

    def _amount_left(self, left) -> bool:
        """"um rund einen Dollar", "auf einen Euro": one unit of money after a preposition or a
        qualifier is an amount; "Ein Euro kostete 0,93 Franken" names the unit of a rate."""
        tail = left[-32:]
        return bool(self.mod.re_um_left.search(tail) or self.mod.re_level_left.search(tail) or self.lx.qualifier(left))

    def finish_word(self, ctx, s, e, low, high, left, article=False):
        """Hand a number word to ``quantities``; an article alone ("ein Unternehmen") is no figure."""
        figs = ctx.figs
        n0 = len(figs)
        end = self.q.finish(ctx, Reading(s, e, low, high, hard=True, left=left))
        f = figs[n0] if len(figs) > n0 else None
        if f is None:
            return end
        # a bare number word that counts nothing ("alle drei") is kept; an article alone never
        if article and f["scale"] == 1.0:
            figs.pop()
            return e
        f["hard"] = True
        if article and f["qualifier"] == "more_than":
            f["high"] = None      # "über einer Milliarde": an order of magnitude, open upwards
        return end

    def vague(self, ctx, s, e, scale):
        """A scale word with no number: at least one unit of the scale, open upwards."""
        lx, text, hi = self.lx, ctx.text, ctx.hi
        sm = lx.re_scale.match(text, e, hi)
        if sm and lx.scales[sm.group("s")] >= 1e3:
            scale, e = scale * lx.scales[sm.group("s")], sm.end()
        um = lx.re_unit.match(text, e, hi)
        if um and not um.group("pct") and lx.units[um.group("u")][0] == "money":
            kind, unit = "money", lx.units[um.group("u")][1]
            end = um.end()
        else:
            nm = lx.re_noun.match(text, e, hi)
            kind, unit, end = "count", (text[nm.start("adj") if nm.group("adj") else nm.start("n"):nm.end("n")]
                                        if nm else None), e
        ctx.figs.append(figure(s, end if kind == "money" else e, kind, scale, None, unit, "more_than", None, True))
        return end
