"""The columns of the figure tables and a fast builder of typed DataFrames from plain records.

>>> df = frame([{"article": "a", "start": 0, "end": 2, "reason": "ordinal", "text": "3.",
...              "sentence": "Der 3. Platz."}], UNMATCHED_COLUMNS)
>>> df.dtypes.astype(str).tolist()
['string', 'int64', 'int64', 'string', 'string', 'string']
"""
from __future__ import annotations

from operator import itemgetter

import numpy as np
import pandas as pd

#: column -> (dtype, meaning); the order is the order of the frame
FIGURE_COLUMNS: dict[str, tuple[str, str]] = {
    "article": ("string", "the article's id: its file name without .txt"),
    "start": ("int64", "offset of the first character in the article's text"),
    "end": ("int64", "offset after the last character (text == article_text[start:end])"),
    "text": ("string", "the exact surface that states the figure"),
    "kind": ("string", "money, percent, count, duration, date, index, ratio, multiple, other"),
    "value": ("float64", "point value, or the midpoint of a range (low when open-ended)"),
    "low": ("float64", "magnitude in plain units after scale words, never negative"),
    "high": ("float64", "upper end of a range; equal to low for a point; empty when open"),
    "unit": ("string", "ISO currency, %, pp, second..year, date, counted noun, index name, short unit"),
    "date": ("string", "kind date: ISO YYYY, YYYY-MM or YYYY-MM-DD (start of a range)"),
    "date_end": ("string", "kind date: end of a date range"),
    "qualifier": ("string", "approx, more_than, less_than, up_to"),
    "direction": ("string", "up or down, for a change"),
    "hard": ("boolean", "written in words (neuntägige, zwei Drittel, verdreifacht)"),
    "sentence": ("string", "the sentence (or table row) the figure stands in"),
    "sentence_start": ("int64", "offset of the sentence in the article's text"),
    "in_table": ("boolean", "the figure is a cell of a pipe table"),
    "row_header": ("string", "table cells: the first cell of the row"),
    "col_header": ("string", "table cells: the header of the column"),
    "published": ("string", "the article's publication date (ISO), from the catalog"),
    "publisher": ("string", "the article's publisher, from the catalog"),
    "title": ("string", "the article's title, from the catalog"),
}

UNMATCHED_COLUMNS: dict[str, tuple[str, str]] = {
    "article": ("string", "the article's id"),
    "start": ("int64", "offset of the skipped digits"),
    "end": ("int64", "offset after them"),
    "text": ("string", "the skipped text"),
    "reason": ("string", "why it is not a figure: clock time, list number, name or code, ..."),
    "sentence": ("string", "the sentence it stands in"),
}


def frame(rows: list[dict], columns: dict) -> pd.DataFrame:
    """A DataFrame of ``rows`` (dicts) with exactly ``columns``, each at its type.

    Built once from plain lists at their final types: a frame of objects cast column by column
    cost most of the time of extracting one short article. A missing key is an empty cell.
    """
    plan = _plan(tuple((c, t) for c, (t, _) in columns.items()))
    if not rows:
        return plan.empty.copy()
    try:
        values = list(zip(*map(plan.getter, rows)))
    except KeyError:                                      # rows without some column: empty cells
        values = [[r.get(c) for r in rows] for c in plan.names]
    if len(plan.names) == 1:
        values = [list(values[0])]
    try:
        return plan.build(values, len(rows))
    except (TypeError, ValueError, OverflowError):       # an odd value: the general (slower) way
        return pd.DataFrame({c: pd.array(list(v), dtype=t) for c, v, t in zip(plan.names, values, plan.dtypes)})


class _Plan:
    """How to build the frame of one set of columns: where each column goes, the cached empty frame."""

    def __init__(self, key):
        self.names = [c for c, _ in key]
        kinds = [t for _, t in key]
        self.dtypes = [pd.api.types.pandas_dtype(t) for t in kinds]
        self.index = pd.Index(self.names)
        self.getter = itemgetter(*self.names)
        self.strings = [i for i, t in enumerate(kinds) if t == "string"]
        self.ints = [i for i, t in enumerate(kinds) if t == "int64"]
        self.floats = [i for i, t in enumerate(kinds) if t == "float64"]
        self.bools = [i for i, t in enumerate(kinds) if t == "boolean"]
        self.others = [i for i in range(len(kinds)) if i not in self.strings + self.ints + self.floats + self.bools]
        self.arrow = bool(self.strings) and all(getattr(self.dtypes[i], "storage", None) == "pyarrow"
                                                for i in self.strings)
        self.string_dtype = self.dtypes[self.strings[0]] if self.strings else None
        self.empty = pd.DataFrame({c: pd.array([], dtype=t) for c, t in zip(self.names, self.dtypes)})

    def build(self, values, n) -> pd.DataFrame:
        """The frame: numbers as one 2-D block per type, each other column its own array."""
        blocks: list[tuple] = []                           # (values, column positions)
        for cols, dtype in ((self.ints, np.int64), (self.floats, np.float64)):
            if cols:                                       # floats: None -> NaN
                blocks.append((np.array([values[i] for i in cols], dtype=dtype), np.array(cols)))
        if self.arrow:
            # all string columns in one Arrow array, cut into zero-copy slices: one conversion
            import pyarrow as pa
            from pandas.arrays import ArrowStringArray
            big = ArrowStringArray(pa.array([v for i in self.strings for v in values[i]], type=pa.large_string()),
                                   dtype=self.string_dtype)
            blocks += [(big[k * n:(k + 1) * n], np.array([i])) for k, i in enumerate(self.strings)]
        else:
            blocks += [(pd.array(list(values[i]), dtype=self.dtypes[i]), np.array([i])) for i in self.strings]
        for i in self.bools:
            v = values[i]
            blocks.append((pd.arrays.BooleanArray(np.array([bool(x) for x in v], dtype=bool),
                                                  np.array([x is None for x in v], dtype=bool)), np.array([i])))
        blocks += [(pd.array(list(values[i]), dtype=self.dtypes[i]), np.array([i])) for i in self.others]
        if _from_blocks is not None:
            return _from_blocks(blocks, index=pd.RangeIndex(n), columns=self.index)
        arrays: list = [None] * len(self.names)            # a pandas without the blocks API
        for vals, cols in blocks:
            if isinstance(vals, np.ndarray):
                for row, i in zip(vals, cols):
                    arrays[i] = row
            else:
                arrays[int(cols[0])] = vals
        return pd.DataFrame(dict(zip(self.names, arrays)), copy=False)


# pandas >= 2.3: a frame from blocks made here, without pandas sorting arrays into blocks again
# (that took most of the time of a small frame)
_from_blocks = getattr(getattr(pd.api, "internals", None), "create_dataframe_from_blocks", None)
_PLANS: dict[tuple, _Plan] = {}


def _plan(key) -> _Plan:
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = _Plan(key)
    return plan
