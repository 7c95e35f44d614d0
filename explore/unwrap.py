"""Hard-wrapped text read as its paragraphs: soft line breaks become spaces, offsets unchanged.

Text copied from e-mail, wire feeds or a terminal is often wrapped at a fixed width, so a sentence
runs over several lines. The engine reads a line break as a sentence boundary; here a break is
*soft* (inside a paragraph) when the text is wrapped and the next line's first word would not have
fitted on the line, the classic reflow rule. Table lines (``|``, tabs) stay as they are, a list item
("- ", "1. ") starts a new line, and a text whose lines are not near one width (one paragraph per
line) is left alone. In any text, a line that ends without a full stop and goes on with a word in
lower case ("im Volumen\nvon brutto 3,4 Mio. USD") runs on: no German sentence or heading starts so.

>>> t = ("Die Siemens Energy AG hat ihre Prognose angehoben. Der Umsatz\\n"
...      "stieg im Geschäftsjahr um 12 Prozent auf 9,1 Milliarden Euro,\\n"
...      "wie das Unternehmen am Mittwoch mitteilte. Die Aktie gewann.\\n"
...      "\\n"
...      "Kurz notiert\\n")
>>> u = unwrap(t)
>>> len(u) == len(t), u.splitlines()[0][50:80]
(True, ' Der Umsatz stieg im Geschäfts')
>>> u.count("\\n")                     # the paragraph end and the short heading keep their breaks
3
>>> unwrap("Eine Zeile.\\nNoch eine.") == "Eine Zeile.\\nNoch eine."
True
>>> unwrap("Eine lange Zeile, die im\\nnächsten Satz weitergeht.\\nNeu.")
'Eine lange Zeile, die im nächsten Satz weitergeht.\\nNeu.'
"""
from __future__ import annotations

import re

#: wrap widths seen in practice are 60-120 characters; a text with longer lines has a paragraph a line
MAX_WIDTH = 160
MIN_WIDTH = 30
_LIST_OR_TABLE = re.compile(r"\s*(?:[-*•–—>|#]|\d{1,2}[.)]\s)|.*[|\t]")
_TABLE = re.compile(r"[|\t]")
#: a line break before a line that begins with a lower-case word (the line before is checked apart:
#: a pattern that begins with the break is found by a fast literal search)
_RUNS_ON = re.compile(r"\n(?=[a-zäöüß]+[\s,.;:])")
_LINE_END = re.compile(r"[\w,)\u2019\"-]")


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text`` that lie inside a paragraph (linear in the text)."""
    if "\n" not in text:
        return []
    return sorted(set(_wrapped_breaks(text)) | set(_run_on_breaks(text)))


def _run_on_breaks(text: str) -> list[int]:
    """Line breaks before a lower-case word, after a line that ends in no full stop (any text)."""
    out = []
    for m in _RUNS_ON.finditer(text):
        nl = m.start()
        line = text[text.rfind("\n", 0, nl) + 1:nl]
        end = line.rstrip(" \t")
        if end and _LINE_END.match(end[-1]) and not _TABLE.search(line) and not _LIST_OR_TABLE.match(text, nl + 1):
            out.append(nl)
    return out


def _wrapped_breaks(text: str) -> list[int]:
    """Soft line breaks of a text wrapped at one width (the reflow rule of the module docstring)."""
    lines = text.split("\n")
    lengths = [len(ln.rstrip()) for ln in lines]
    filled = [n for n in lengths if n]
    widths = [n for n in filled if n <= MAX_WIDTH]
    if len(widths) < 3 or len(filled) - len(widths) > len(filled) // 20:   # a paragraph a line, or a long one
        return []
    p80 = sorted(widths)[(len(widths) - 1) * 4 // 5]       # a heading or a link may stick out
    width = max(n for n in widths if n <= 1.15 * p80)
    if width < MIN_WIDTH:
        return []
    full = sum(1 for n in widths if 0.8 * width <= n <= 1.1 * width)
    if full < 3 or full < 0.4 * len(filled):            # most lines of a wrapped text are near its width
        return []
    out, pos = [], 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)                       # the offset of this line's "\n"
        nxt = lines[i + 1]
        n = lengths[i]
        if (0.5 * width <= n <= 1.1 * width and nxt[:1].strip() and not _TABLE.search(line)
                and not _LIST_OR_TABLE.match(nxt)):
            first = nxt.split(None, 1)[0] if nxt.split() else ""
            if n + 1 + len(first) > width:
                out.append(pos)
        pos += 1
    return out


def unwrap(text: str) -> str:
    """``text`` with its soft line breaks as spaces (same length, so every offset still holds)."""
    return replace_at(text, soft_breaks(text), " ")


def replace_at(text: str, positions: list[int], char: str) -> str:
    """``text`` with the single characters at ``positions`` (ascending) replaced by ``char``.

    >>> replace_at("a-b-c", [1, 3], "+")
    'a+b+c'
    """
    if not positions:
        return text
    pieces, a = [], 0
    for i in positions:
        pieces += [text[a:i], char]
        a = i + 1
    pieces.append(text[a:])
    return "".join(pieces)
