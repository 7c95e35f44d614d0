"""Stage: numerals. The grammar of a number itself: digits with German grouping and decimals
("1.250,5", "12 500", "2½"), number words ("dreiundzwanzig", "zwei Millionen"), and the
vocabulary of fractions, ordinals, multiples and scale words that the word stage reads.

>>> n = Numerals(lexicon())
>>> n.core("rund 12.500,5 Euro", 5, 18)
(12500.5, 13, False)
>>> n.core("dreiundzwanzig Werke", 0, 20)
(23.0, 14, True)
"""
from __future__ import annotations

import re

from ..numbers import parse_digits, parse_word
from .lexicon import NUM, lexicon


class Numerals:
    """Numbers in digits and in words (``numerals``, ``fractions``, ``multiples`` of the vocabulary)."""

    def __init__(self, lx):
        v = lx.v
        n = v["numerals"]
        self.re_num = re.compile(NUM)
        self.re_word = re.compile(r"[^\W\d_]*")      # letters only: digits start their own figure
        self.articles = set(n["articles"]) | {a.capitalize() for a in n["articles"]}
        self.fraction_nouns = v["fractions"]["nouns"]
        self.ordinals = v["fractions"]["ordinals"]
        self.multiples_up = v["multiples"]["up"]
        self.multiples_down = v["multiples"]["down"]
        self.indefinite = v["indefinite"]["plural"]
        self.count_adj = v["count_adjectives"]
        self.declined = n["declined"]
        # the words a number word can start with: where the scanner looks for one
        starters = set(n["units"]) | set(n["teens"]) | set(n["tens"]) | {"hundert", "tausend"}
        starters |= set(n["halves"])
        starters -= {"ein", "eins"}       # articles: the scanner's own pattern finds them
        starters |= set(self.multiples_up) | set(self.multiples_down)
        starters |= set(self.indefinite) | set(self.fraction_nouns) | {"jede"}
        starters |= set(v["skip"]["period_nouns"])
        starters |= set(self.ordinals)                # "zum dritten Mal"
        self.starters = starters

    def core(self, text, s, hi):
        """A number at s, digits or one number word: (value, end, is_word) or None."""
        m = self.re_num.match(text, s, hi)
        if m:
            return parse_digits(m.group()), m.end(), False
        m = self.re_word.match(text, s, hi)
        if m and m.end() > s:
            val = parse_word(m.group())
            if val is not None:
                return val, m.end(), True
        return None
