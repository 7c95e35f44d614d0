"""Stage: tables. Pipe tables (``a | b | c |`` rows under a ``---|---`` rule) as cells with their
headers, and the unit a table states once for its numbers ("in Mio. Euro" in a header or the
caption above). The scanner reads each cell as its own segment and gives a bare number the unit
of its column.

>>> t = "Land | Quote |\\n---|---|\\nChina | 75-85% |\\n"
>>> [(c.text, c.row, c.row_header, c.col_header) for c in find_tables(t)[0].cells if c.row > 0]
[('China', 1, 'China', 'Land'), ('75-85%', 1, 'China', 'Quote')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import H, alt

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


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line that starts at pos, without its newline."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return pos, end - (1 if end > pos and text[end - 1] == "\r" else 0)


_RULE_LINE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*\r?$", re.M)


def find_tables(text: str) -> list[Table]:
    """All pipe tables of a text: a header row, a rule row, then rows until a line without ``|``."""
    tables: list[Table] = []
    done = 0
    line_pos, line_no = 0, 1            # a position and the number of its line
    for rule in _RULE_LINE.finditer(text):
        s, e = rule.start(), rule.end()
        if s < done or s == 0:
            continue
        hs = text.rfind("\n", 0, s - 1) + 1
        hs, he = _line_at(text, hs)
        hbody = text[hs:he]
        body = text[s:e]
        if "|" not in hbody or "|" not in body:
            continue
        header_spans = _split_row(text, hs, he)
        header = [text[a:b] for a, b in header_spans]
        table = Table(start=hs, end=e, header=header)
        for c, (a, b) in enumerate(header_spans):
            table.cells.append(Cell(a, b, text[a:b], 0, c, header[0], text[a:b], hs, he))
        pos, row = e + 1, 1
        while pos < len(text):
            rs, re_ = _line_at(text, pos)
            rbody = text[rs:re_]
            if "|" not in rbody or not rbody.strip():
                break
            spans = _split_row(text, rs, re_)
            if len(spans) != len(header):
                # line numbers counted on from the last one, not from the start (linear in the text)
                line_no += text.count("\n", line_pos, rs)
                line_pos = rs
                table.problems.append(f"line {line_no}: row has {len(spans)} cells, the header has {len(header)}")
            row_header = text[spans[0][0]:spans[0][1]] if spans else ""
            for c, (a, b) in enumerate(spans):
                col_header = header[c] if c < len(header) else ""
                table.cells.append(Cell(a, b, text[a:b], row, c, row_header, col_header, rs, re_))
            table.end = re_
            pos = re_ + 1
            if pos < len(text) and text[pos - 1] == "\r":
                pos += 1
            row += 1
        tables.append(table)
        done = table.end
    return tables


# a line of a fact box: a short label, a colon, a number ("Umsatz: 207,3 (Vj. 181,8)")
_LABEL_ROW = re.compile(r"[ \t]*(?P<label>[^\n:|]{1,80}):[ \t]*[-+−–]?\d")


class TableUnits:
    """The units tables state for their cells: "in Mio. Euro", "(%)"."""

    def __init__(self, lx):
        self.lx = lx
        # "in" first, the character before it looked back at: a literal start lets the search skip ahead
        self.re_caption_in = re.compile(r"in(?<![^\s(\[]in)" + H + r"+(?:" + alt(lx.scales)
                                        + r"|Euro|€|Prozent|%|CHF|Franken|Dollar|US-Dollar)")
        self.re_header_unit = re.compile(
            r"(?:^|[\s(\[/])(?:in" + H + r"+)?(?:(?P<s>" + alt(lx.scales) + r")" + H + r"*)?(?:(?P<u>"
            + alt([w for w, (k, _, _) in lx.units.items() if k in ("money", "percent") and w != "%"])
            + r")|(?P<pct>%))")
        self.re_count_row = re.compile(r"(?i)" + "|".join(map(re.escape, lx.v["skip"]["count_rows"])))

    def segments(self, text, tables):
        """The text cut into segments, (start, end, cell or None), and the unit each cell's
        column states: {id(cell): (scale, kind, unit, factor)}."""
        segments: list[tuple[int, int, object]] = []
        units: dict[int, tuple] = {}
        pos = 0
        for t in tables:
            segments.append((pos, t.start, None))
            table_unit = (self.header_unit(t.header[0]) if t.header else None) or self.caption_unit(text, t.start)
            own_units = [self.header_unit(h) for h in t.header]
            for c in t.cells:
                segments.append((c.start, c.end, c))
                if c.row == 0 or c.col >= len(own_units):
                    continue
                # a unit the table states once ("in Mio. Euro") is not that of a row that counts
                # something else ("Mitarbeiter (Vollzeitkräfte)")
                unit = own_units[c.col] or (table_unit if table_unit and not self.re_count_row.search(c.row_header)
                                            else None)
                if unit:
                    units[id(c)] = unit
            pos = t.end
        segments.append((pos, len(text), None))
        return segments, units

    def header_unit(self, header: str):
        """(scale, kind, unit, factor) a table header states for its numbers: "in Mio. Euro", "(%)"."""
        m = self.re_header_unit.search(header)
        if not m:
            return None
        scale = self.lx.scales[m.group("s")] if m.group("s") else 1.0
        kind, unit, factor = self.lx.units["%" if m.group("pct") else m.group("u")]
        if kind not in ("money", "percent", "other", "duration"):
            return None
        return scale, kind, unit, factor

    def caption_rows(self, text):
        """Lines "Label: 207,3 (Vj. 181,8)" right under a caption that states their unit once ("Tencent
        in Zahlen (2. Quartal, in Mrd. Yuan)"), as [(line start, line end, unit)]; not the rows that
        count something else ("Mitarbeiter: 110.000").

        >>> lx = __import__("explore.extract.lexicon", fromlist=["x"]).lexicon("de")
        >>> [(a, b, u[0]) for a, b, u in TableUnits(lx).caption_rows("Kennzahlen (in Mio. Euro)\\nUmsatz: 2.710\\n")]
        [(26, 39, 1000000.0)]
        """
        rows = []
        for m in self.re_caption_in.finditer(text):
            s = max(0, m.start() - 1)            # the white space or bracket before "in"
            a = text.rfind("\n", max(0, s - 160), s) + 1    # windows keep a long line linear
            b = text.find("\n", m.end(), m.end() + 160)
            if b < 0 or (a == 0 and s > 160) or b - a > 160 or (rows and a < rows[-1][1]) \
                    or _LABEL_ROW.match(text, a) or "|" in text[a:b]:
                continue                         # no caption line: too long, a row itself, a pipe table's
            unit = self.header_unit(text[s:b])
            pos = b + 1
            while unit and (row := _LABEL_ROW.match(text, pos)):
                end = text.find("\n", pos)
                end = len(text) if end < 0 else end
                if not self.re_count_row.search(row.group("label")):
                    rows.append((pos, end, unit))
                pos = end + 1
        return rows

    def caption_unit(self, text, table_start):
        """The unit a table's caption states: the line above it, "(in Mio. Euro)"."""
        above = text[max(0, table_start - 300):table_start].rstrip().rsplit("\n", 1)
        line = above[-1].strip()                 # the nearest non-empty line above the table
        if not line or "|" in line or not self.re_caption_in.search(line):
            return None
        return self.header_unit(line[self.re_caption_in.search(line).start():])
