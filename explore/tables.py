"""Pipe tables (``a | b | c |`` rows under a ``---|---`` rule) as cells with their headers.

>>> t = "Land | Quote |\\n---|---|\\nChina | 75-85% |\\n"
>>> [(c.text, c.row_header, c.col_header) for c in find_tables(t)[0].cells]
[('China', 'China', 'Land'), ('75-85%', 'China', 'Quote')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ROW = re.compile(r"^[^\n|]*\|.*$")


@dataclass(frozen=True)
class Cell:
    start: int          # offsets of the cell's stripped text in the article
    end: int
    text: str
    row: int            # 0 = header row
    col: int
    row_header: str     # first cell of the row
    col_header: str     # header cell of the column
    line_start: int     # the whole row, used as the figure's sentence
    line_end: int


@dataclass
class Table:
    start: int
    end: int
    header: list[str]
    cells: list[Cell] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # malformed rows, in words


def _split_row(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped (start, end) spans of the cells of one row line."""
    spans = []
    line = text[start:end]
    bounds = [i for i, ch in enumerate(line) if ch == "|"]
    cuts = [-1] + bounds + [len(line)]
    for a, b in zip(cuts, cuts[1:]):
        seg_a, seg_b = start + a + 1, start + b
        raw = text[seg_a:seg_b]
        if not raw.strip():
            # leading/trailing empty piece outside the outer pipes
            if (a == -1 and b == bounds[0]) or (b == len(line) and a == bounds[-1]):
                continue
        lead = len(raw) - len(raw.lstrip())
        spans.append((seg_a + lead, seg_a + len(raw.rstrip())))
    return spans


def find_tables(text: str) -> list[Table]:
    """All pipe tables of a text: a header row, a rule row, then rows until a line without ``|``."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body), body))
        pos += len(line)
    tables: list[Table] = []
    i = 1
    while i < len(lines):
        s, e, body = lines[i]
        hs, he, hbody = lines[i - 1]
        if _RULE.match(body) and "|" in hbody and ("|" in body or "-" in body):
            header_spans = _split_row(text, hs, he)
            header = [text[a:b] for a, b in header_spans]
            table = Table(start=hs, end=e, header=header)
            for c, (a, b) in enumerate(header_spans):
                table.cells.append(Cell(a, b, text[a:b], 0, c, header[0], text[a:b], hs, he))
            j, row = i + 1, 1
            while j < len(lines) and "|" in lines[j][2] and lines[j][2].strip():
                rs, re_, rbody = lines[j]
                spans = _split_row(text, rs, re_)
                if len(spans) != len(header):
                    table.problems.append(
                        f"line {text.count(chr(10), 0, rs) + 1}: row has {len(spans)} cells, "
                        f"the header has {len(header)}")
                row_header = text[spans[0][0]:spans[0][1]] if spans else ""
                for c, (a, b) in enumerate(spans):
                    col_header = header[c] if c < len(header) else ""
                    table.cells.append(Cell(a, b, text[a:b], row, c, row_header, col_header, rs, re_))
                table.end = re_
                j += 1
                row += 1
            tables.append(table)
            i = j + 1
        else:
            i += 1
    return tables
