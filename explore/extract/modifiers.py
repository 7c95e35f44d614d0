"""Stage: modifiers. What the words around a number say about it: a qualifier ("rund",
"mehr als", "bis zu", "oder mehr") and a direction (up or down: "stieg um", "ein Minus von",
"5 Prozent weniger").

>>> from .context import TextContext
>>> from .lexicon import lexicon
>>> m = Modifiers(lexicon())
>>> text = "Der Umsatz stieg um rund 12 Prozent."
>>> ctx = TextContext(text, None, lexicon())
>>> m.direction(ctx, "percent", 25, 35, ctx.left(25)), m.lx.qualifier(ctx.left(25))
('up', 'approx')
"""
from __future__ import annotations

import re

from .lexicon import H, alt, trie


class Modifiers:
    """Qualifiers and directions, from the vocabulary's ``qualifiers`` and ``directions``."""

    def __init__(self, lx):
        self.lx = lx
        v, qual_alt = lx.v, lx.qual_alt
        q = v["qualifiers"]
        self.re_qual_right = re.compile(H + r"*(?P<q>" + alt(q["after_more_than"] + q["after_less_than"]) + ")")
        self.qual_right_of = {w: "more_than" for w in q["after_more_than"]}
        self.qual_right_of.update({w: "less_than" for w in q["after_less_than"]})
        d = v["directions"]

        def word_cues(word_start):
            lit = [w for w in word_start if re.escape(w) == w.replace(" ", "\\ ")]
            return "|".join([trie(lit)] + [w for w in word_start if w not in lit])
        # one lookbehind for all cues that start a word; compound cues ("Kostensenkung") anywhere
        self.re_dir = re.compile(
            r"(?<![\wäöüß])(?:(?P<up>" + word_cues(d["up"]) + ")|(?P<down>" + word_cues(d["down"]) + "))"
            r"|(?P<up_inner>" + trie(d["up_inner"]) + ")|(?P<down_inner>" + trie(d["down_inner"]) + ")")
        self.change_up = tuple(d["change_nouns_up"])
        self.change_down = tuple(d["change_nouns_down"])
        self.re_level_left = re.compile(
            r"(?:^|(?<=\s))(?:von|auf|bei|zu|als)" + H + r"+(?:" + qual_alt + H + r"+)?$")
        self.re_um_left = re.compile(r"(?:^|(?<=\s))um" + H + r"+(?:" + qual_alt + H + r"+)?$")
        # right after the number: "im Plus", "5 Prozent weniger", "9 Prozent über Vorjahr(eswert)"
        self.re_adjacent_dir = re.compile(
            H + r"*(?:(?:im" + H + r"+)?(?P<d>Plus|Minus)\b|(?P<w>weniger|mehr|höher|niedriger|teurer|"
            r"billiger|günstiger|tiefer|fester|schwächer|leichter)\b|(?P<v>über|unter)" + H + r"+(?:dem" + H + r"+)?"
            r"(?:Vorjahr|Ausgabepreis|Emissionspreis|Ausgabekurs|Angebotspreis|Zeichnungspreis|Platzierungspreis))")
        # a level after the figure: "von 2,1 auf 2,5 Milliarden", "von 296.000 (revidiert von 293.000) auf 311.000"
        self.re_to_level = re.compile(r"(?:\s*\([^()]{0,60}\))?" + H + r"+auf" + H + r"+(?:" + qual_alt + H
                                      + r"+)?[-+−]?\d")
        self.re_sign_word = re.compile(r"(?:^|(?<=\s))(?P<s>minus|plus)" + H + r"+$")

    # --- qualifiers ---------------------------------------------------------------------------
    def qualifier_right(self, text, end, hi) -> str | None:
        """A qualifier after the number ("60 Prozent oder mehr"): more_than or less_than."""
        qm = self.re_qual_right.match(text, end, hi)
        if qm and qm.group("q") != "+":
            return self.qual_right_of.get(qm.group("q"))
        return None

    # --- direction ----------------------------------------------------------------------------
    def sign_word(self, left) -> str | None:
        """"minus 3 Prozent", "plus 2 Prozent": the direction a sign word gives."""
        sw = self.re_sign_word.search(left[-8:])
        return {"minus": "down", "plus": "up"}[sw.group("s")] if sw else None

    def change_noun(self, left):
        """"ein Plus von", "Kosteneinsparungen von etwa": the direction a noun before von/um names."""
        words = left[-60:].split()
        if len(words) >= 2 and words[-1] not in ("von", "um") and words[-1].lower() in self.lx.qual_of:
            words = words[:-1]
        if len(words) < 2 or words[-1] not in ("von", "um"):
            return None
        noun = words[-2].lower()
        if noun.endswith(self.change_up):
            return "up"
        if noun.endswith(self.change_down):
            return "down"
        return None

    def direction(self, ctx, kind, start, end, left):
        """Up, down or None for the figure at start:end of a kind."""
        if kind in ("duration", "date"):
            return None          # a period or a point in time does not rise or fall
        text = ctx.text
        am = self.re_adjacent_dir.match(text, end, ctx.hi)
        if am:
            w = am.group("d") or am.group("w") or am.group("v")
            return "up" if w in ("Plus", "mehr", "höher", "teurer", "fester", "über") else "down"
        noun = self.change_noun(left)
        if noun:                  # (not the earlier level: "ein Anstieg von 296.000 (revidiert) auf 311.000")
            return None if kind in ("count", "other") and self.re_to_level.match(text, end, ctx.hi) else noun
        um_left = self.re_um_left.search(left[-32:])
        if kind not in ("percent", "index", "multiple") and not um_left:
            return None
        if not um_left and self.re_level_left.search(left[-32:]):
            return None
        a, b = ctx.clause(start, end)
        best = self.nearest_cue(text, a, b, start, end)
        if best is None and um_left:          # the sentence before it, up to 400 characters back
            a, _ = ctx.sentence_span(start)
            best = self.nearest_cue(text, max(a, ctx.lo, start - 400), start, start, end)
        return best

    def nearest_cue(self, text, a, b, start, end):
        """The direction of the rising/falling word in text[a:b] nearest to the figure."""
        clause = text[a:b].lower()      # the cues are lowercase; lower() keeps German lengths
        best, best_d = None, None
        for m in self.re_dir.finditer(clause):
            ms, me = m.start() + a, m.end() + a
            if start <= ms < end:
                continue
            sign = SIGN_OF_A_NUMBER.match(text, ms)
            if sign and sign.end() != start:
                continue        # "um 3,5 Punkte auf minus 6,2 Punkte gestiegen": the sign of another number
            dist = ms - end if ms >= end else start - me
            if best_d is None or dist < best_d:
                best_d = dist
                best = "up" if m.lastgroup.startswith("up") else "down"
        return best


# a sign word written before a number ("auf minus 6,2 Punkte"): that number's sign, no cue for another
SIGN_OF_A_NUMBER = re.compile(r"(?i)(?<![\wäöüß])(?:minus|plus)\s+(?=\d)")
