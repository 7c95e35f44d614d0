"""Where a figure stands: the lines, sentences and clauses of one text, found once and looked up
by bisection, and the state of the scan (the segment being read, the figures so far).

>>> from .lexicon import lexicon
>>> ctx = TextContext("Der Umsatz stieg. Die Kosten sanken um 3 Prozent, sagte er.", None, lexicon())
>>> a, b = ctx.sentence_span(40)
>>> ctx.text[a:b]
'Die Kosten sanken um 3 Prozent, sagte er.'
"""
from __future__ import annotations

import bisect

#: a sentence (or line) longer than this is cut, for a figure's context, into windows of
#: ``CONTEXT_WINDOW`` characters around the figure (a text without sentence breaks would otherwise
#: give every figure a copy of the whole text)
MAX_SENTENCE = 2000
CONTEXT_WINDOW = 600


class TextContext:
    """Per-text state and lookups: sentence spans, clauses, the currency of a sentence.

    Every lookup is a bisect over positions found once per text (line breaks, sentence starts
    found in one pass), so a text of one long line costs no more than one with many. ``lo``/``hi`` bound
    the segment being read (the text between tables, or one table cell).
    """

    def __init__(self, text, published, lx, deadline=None):
        self.text = text
        self.published = published
        self.lx = lx
        self.deadline = deadline
        self.lo, self.hi = 0, len(text)
        self.figs: list[dict] = []
        self.skipped: list[dict] = []
        self._breaks: list[int] | None = None  # where the sentences after the first of a line start
        self._newlines: list[int] | None = None
        self._currency: dict[tuple, str | None] = {}
        self._mentions: dict[tuple, bool] = {}
        self.token: tuple[int, int, bool] = (0, 0, False)    # the last token looked at: start, end, web

    def left(self, start: int) -> str:
        """Up to 60 characters before start, within the segment."""
        return self.text[max(self.lo, start - 60):start]

    def skip(self, s: int, e: int, reason: str) -> int:
        """Record text[s:e] as digits that are not a figure; returns e."""
        self.skipped.append({"start": s, "end": e, "text": self.text[s:e], "reason": reason})
        return e

    def line_span(self, pos) -> tuple[int, int]:
        """(start, end) of the line around pos, without the line break."""
        if self._newlines is None:
            text, nl, i = self.text, [], self.text.find("\n")
            while i >= 0:
                nl.append(i)
                i = text.find("\n", i + 1)
            self._newlines = nl
        nl = self._newlines
        i = bisect.bisect_left(nl, pos)
        return (nl[i - 1] + 1 if i else 0), (nl[i] if i < len(nl) else len(self.text))

    def sentence_span(self, pos):
        """(start, end) of the sentence around pos, within its line."""
        if self._breaks is None:     # one pass over the text: no sentence break spans a line break
            self._breaks = [m.end() for m in self.lx.re_sentence_break.finditer(self.text)]
        breaks = self._breaks
        ls, le = self.line_span(pos)
        i = bisect.bisect_right(breaks, pos)
        return (max(ls, breaks[i - 1]) if i else ls), (breaks[i] if i < len(breaks) and breaks[i] < le else le)

    def clause(self, start, end):
        """(start, end) of the clause around text[start:end], at most 200 characters each way."""
        a, b = self.sentence_span(start)
        a, b = max(a, self.lo), min(b, self.hi)
        text, breaks = self.text, self.lx.re_clause_break
        ca = max(a, start - 200)         # a clause, not a whole long line
        for m in breaks.finditer(text, ca, start):
            ca = m.end()
        m = breaks.search(text, end, min(b, end + 200))
        while m and m.group() == "(":    # a parenthesis inside the clause: "um 25 % auf 499,7 Mio. EUR (Vj.: ...) einbrach"
            close = text.find(")", m.end(), min(b, end + 200))
            m = breaks.search(text, close + 1, min(b, end + 200)) if close > 0 else m
            if close < 0:
                break
        cb = m.start() if m else min(b, end + 200)
        return ca, cb

    def mentions(self, pattern, pos) -> bool:
        """Does the sentence around pos contain a match of pattern? (Once per sentence and pattern.)"""
        span = self.sentence_span(pos)
        key = (id(pattern), span)
        hit = self._mentions.get(key)
        if hit is None:
            hit = self._mentions[key] = pattern.search(self.text, *span) is not None
        return hit

    def sentence_currency(self, pos):
        """The one currency named in the sentence around pos, if exactly one is."""
        span = self.sentence_span(pos)
        if span not in self._currency:
            found = set()
            units = self.lx.units
            for m in self.lx.re_unit.finditer(self.text, *span):
                w = m.group("u")
                if w and units[w][0] == "money" and units[w][1]:
                    found.add(units[w][1])
                    if len(found) > 1:
                        break
            self._currency[span] = found.pop() if len(found) == 1 else None
        return self._currency[span]


class Sentences:
    """The sentence strings of one text, made once and shared by the figures that stand in them.

    A sentence longer than ``MAX_SENTENCE`` gives a window instead: the ``CONTEXT_WINDOW``-sized
    block of the sentence the figure starts in, with half a block of context on either side (and
    the figure whole); windows are shared too, so memory stays proportional to the text.
    """

    def __init__(self, text):
        self.text = text
        self._cache: dict[tuple[int, int], tuple[str, int]] = {}

    def get(self, span, start, end) -> tuple[str, int]:
        """(stripped sentence or window, its offset in the text) for a figure at start:end."""
        a, b = span
        if b - a > MAX_SENTENCE:
            w = CONTEXT_WINDOW
            k0, k1 = (start - a) // w, (max(end, start + 1) - 1 - a) // w
            a, b = max(a, a + k0 * w - w // 2), min(b, a + (k1 + 1) * w + w // 2)
        hit = self._cache.get((a, b))
        if hit is None:
            raw = self.text[a:b]
            stripped = raw.strip()
            hit = self._cache[(a, b)] = (stripped, a + len(raw) - len(raw.lstrip()))
        return hit


def line_initial(text, lo, start) -> bool:
    """Is there only white space between the start of the line (or lo) and start?"""
    i = start - 1
    while i >= lo and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < lo or text[i] == "\n"


def sentence_initial(text, s, lo) -> bool:
    """Does s start a sentence, a line or a quoted phrase (after . ! ? : or a dash)?"""
    i = s - 1
    while i >= lo and text[i] in " \t„\"'(":
        i -= 1
    return i < lo or text[i] in ".!?:\n–-|"
