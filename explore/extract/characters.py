"""Stage 0, characters: the text as the grammar reads it, with maps back to the original offsets.

Invisible characters (zero-width spaces, soft hyphens, a BOM) are removed, typographic spaces in
digit groups read as narrow no-break spaces, an en dash before a digit as a minus, and "1⁄2" as
"0,5". Every later stage works on the normalised text; ``offset_maps`` turns its offsets back.
"""
from __future__ import annotations

import bisect
import re

from ..unwrap import replace_at

#: characters that only hide or split a number: removed for reading (zero-width spaces and joiners,
#: word joiner, BOM, soft hyphen)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: typographic spaces (thin, figure, punctuation, hair) read as the narrow no-break space the
#: grammar knows as a digit-group separator; same length, so no offset moves
_SPACE_CHARS = "\u2009\u2007\u2008\u200a"
_SPACES = str.maketrans({"\u2009": "\u202f", "\u2007": "\u202f", "\u2008": "\u202f", "\u200a": "\u202f"})
_ODD = re.compile("[" + INVISIBLE + "\u2009\u2007\u2008\u200a\u2044–]")
INVISIBLE_RUN = re.compile("[" + INVISIBLE + "]+")
_FRACTION = re.compile("(?<![\\d.,\u2044])(?:(?P<whole>\\d{1,6})[ \u00a0\u202f])?"
                       "(?P<num>\\d{1,3})\u2044(?P<den>\\d{1,3})(?![\\d\u2044])")
_EN_DASH_DIGIT = re.compile("–(?=\\d)")     # a literal first: the engine searches it fast


def _en_minus(text: str) -> str:
    """An en dash right before a digit, after white space or an opening bracket (or at the start),
    is a minus sign ("–5,3 Prozent"): written as U+2212, which the grammar reads as one."""
    cut = [m.start() for m in _EN_DASH_DIGIT.finditer(text)
           if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "(„\"/|:"]
    return replace_at(text, cut, "−")


def normalise(text: str) -> tuple[str, list[list[tuple[int, int, int, int]]]]:
    r"""The text as the grammar reads it, and the edits that changed lengths (two passes).

    Each edit is (start, end) in the pass's output and (start, end) in its input. The first pass
    removes invisible characters; then thin and figure spaces become narrow no-break spaces and
    an en dash before a digit a minus (same length: no edits), and "1⁄2" becomes "0,5", "2 1⁄2"
    "2,5".

    >>> normalise("1 000​000 Pro­zent")
    ('1 000000 Prozent', [[(5, 5, 5, 6), (12, 12, 13, 14)], []])
    >>> normalise("2 1⁄2 Jahre")
    ('2,5 Jahre', [[], [(0, 3, 0, 5)]])
    """
    if _ODD.search(text) is None:
        return text, []
    # each pass only when its characters occur: a full pass costs ~0.1-0.2 s per MB
    removed = fractions = []
    if any(ch in text for ch in INVISIBLE):
        text, removed = _edit(text, INVISIBLE_RUN, lambda m: "")
    if any(ch in text for ch in _SPACE_CHARS):
        text = text.translate(_SPACES)
    if "–" in text:
        text = _en_minus(text)
    if "\u2044" in text:
        text, fractions = _edit(text, _FRACTION, _fraction)
    return text, [removed, fractions]


def _fraction(m) -> str | None:
    den = int(m.group("den"))
    if not den:
        return None
    v = int(m.group("whole") or 0) + int(m.group("num")) / den
    return f"{v:.3f}".rstrip("0").rstrip(".").replace(".", ",")


def _edit(text, pattern, replace):
    """Replace the matches of ``pattern`` by ``replace(match)`` (None: keep): (new text, edits)."""
    edits: list[tuple[int, int, int, int]] = []
    out: list[str] = []
    pos = n = 0                                  # position in text, length of the output so far
    for m in pattern.finditer(text):
        repl = replace(m)
        if repl is None:
            continue
        out.append(text[pos:m.start()])
        n += m.start() - pos
        edits.append((n, n + len(repl), m.start(), m.end()))
        out.append(repl)
        n += len(repl)
        pos = m.end()
    if not edits:
        return text, edits
    out.append(text[pos:])
    return "".join(out), edits


def offset_maps(passes):
    """Functions from offsets in the normalised text to offsets in the original: one for the start
    of a span (after removed characters), one for its end (before them)."""
    maps = [_pass_maps(e) for e in passes if e]
    if not maps:
        return int, int

    def to_start(p):
        for s, _ in reversed(maps):
            p = s(p)
        return p

    def to_end(q):
        for _, e in reversed(maps):
            q = e(q)
        return q

    return to_start, to_end


def _pass_maps(edits):
    """The (start, end) offset maps of one pass of edits."""
    nstarts = [e[0] for e in edits]
    nends = [e[1] for e in edits]

    def to_start(p):
        i = bisect.bisect_right(nends, p) - 1          # the last edit that ends at or before p
        if i >= 0 and edits[i][0] < p < edits[i][1]:
            i -= 1
        if i + 1 < len(edits) and edits[i + 1][0] <= p < edits[i + 1][1]:
            return edits[i + 1][2]                      # p is inside a replacement: its start
        return p if i < 0 else p - edits[i][1] + edits[i][3]

    def to_end(q):
        i = bisect.bisect_left(nstarts, q) - 1         # the last edit that starts before q
        if i < 0:
            return q
        ns, ne, os_, oe = edits[i]
        if q <= ne:
            return oe if q == ne else os_ + (q - ns)
        return q - ne + oe

    return to_start, to_end
