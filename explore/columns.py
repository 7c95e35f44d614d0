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
        return plan.empty.copy() if plan.assemble is None else plan.build([()] * len(plan.names), 0)
    try:
        values = list(zip(*map(plan.getter, rows)))
    except KeyError:                                      # rows without some column: empty cells
        values = [[r.get(c) for r in rows] for c in plan.names]
    if len(plan.names) == 1:
        values = [list(values[0])]
    try:
        return plan.build(values, len(rows))
    except (TypeError, ValueError, OverflowError):       # an odd value: the general (slower) way
        return plan.general(values)


class _Plan:
    """How to build the frame of one set of columns: its blocks (numbers as one 2-D block per type,
    every other column its own array), where each block goes, the cached empty frame."""

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
        if self.arrow:                                     # imported once per plan, not per frame
            import pyarrow as pa
            from pandas.arrays import ArrowStringArray
            self._pa, self._string_array = pa, ArrowStringArray
        # the column positions of each block, in the order ``arrays`` makes them
        self.placements = ([np.array(c) for c in (self.ints, self.floats) if c]
                           + [np.array([i]) for i in self.strings + self.bools + self.others])
        self.empty = self.general([[] for _ in self.names])
        self.assemble = _fast_assembly(self)

    def string_column(self, chunked):
        """A string column of an Arrow chunked array (the public constructor; see ``_fast_assembly``)."""
        return self._string_array(chunked, dtype=self.string_dtype)

    bool_column = staticmethod(pd.arrays.BooleanArray)

    def general(self, values) -> pd.DataFrame:
        """The frame the plain pandas way: the reference the fast ways are checked against."""
        return pd.DataFrame({c: pd.array(list(v), dtype=t) for c, v, t in zip(self.names, values, self.dtypes)})

    def arrays(self, values, n, share: bool = False) -> list:
        """One array per block, in the order of ``placements``; with ``share``, the string columns
        without a value (article, publisher, the table headers of most articles) are one array
        (only for blocks that know they share it, see ``_fast_assembly``)."""
        out = [np.array([values[i] for i in cols], dtype=dtype).reshape(len(cols), n)
               for cols, dtype in ((self.ints, np.int64), (self.floats, np.float64)) if cols]
        if self.arrow:
            # all string columns in one Arrow array, cut into zero-copy slices: one conversion
            big = self._pa.chunked_array([self._pa.array([v for i in self.strings for v in values[i]],
                                                         type=self._pa.large_string())])
            empty = None
            for k, i in enumerate(self.strings):
                if share and n and values[i].count(None) == n:
                    if empty is None:
                        empty = self.string_column(big.slice(k * n, n))
                    out.append(empty)
                else:
                    out.append(self.string_column(big.slice(k * n, n)))
        else:
            out += [pd.array(list(values[i]), dtype=self.dtypes[i]) for i in self.strings]
        for i in self.bools:                               # numpy reads None as False; the mask marks it
            col = values[i]
            out.append(self.bool_column(np.array(col, dtype=bool), np.array([x is None for x in col], dtype=bool)
                                        if None in col else np.zeros(n, dtype=bool)))
        out += [pd.array(list(values[i]), dtype=self.dtypes[i]) for i in self.others]
        return out

    def build(self, values, n) -> pd.DataFrame:
        if self.assemble is not None:
            return self.assemble(self.arrays(values, n, share=True), n)
        arrays = self.arrays(values, n)
        if _from_blocks is not None:
            return _from_blocks(list(zip(arrays, self.placements)), index=pd.RangeIndex(n), columns=self.index)
        columns: list = [None] * len(self.names)           # a pandas without the blocks API
        for vals, cols in zip(arrays, self.placements):
            if isinstance(vals, np.ndarray):
                for row, i in zip(vals, cols):
                    columns[i] = row
            else:
                columns[int(cols[0])] = vals
        return pd.DataFrame(dict(zip(self.names, columns)), copy=False)


def _fast_assembly(plan: _Plan):
    """Blocks and block manager made directly, with placements made once per plan: half the time
    of pandas' own block API on an article's frame of a few rows. These are pandas internals, so
    the fast way is used only where it builds exactly the frame of the plain way (checked once on
    a probe); elsewhere (another pandas) the public ways serve.
    """
    try:
        from pandas._libs.internals import BlockPlacement, BlockValuesRefs
        from pandas.core.internals.blocks import get_block_type
        from pandas.core.internals.managers import BlockManager
    except ImportError:
        return None
    probe = [("x",) * 2 if i in plan.strings else (3, 4) if i in plan.ints else (1.5, None)
             if i in plan.floats else (True, None) if i in plan.bools else (None, None)
             for i in range(len(plan.names))]
    try:
        reference = plan.general(probe)
        _direct_arrays(plan)
        placements = [BlockPlacement(p) for p in plan.placements]
        kinds = [get_block_type(a.dtype) for a in plan.arrays(probe, 2)]

        def assemble(arrays, n):
            # one record of references for all blocks: their arrays may be one (the empty string
            # columns) or slices of one, so pandas copies a column before its first write
            refs = BlockValuesRefs()
            blocks = tuple(kind(a, bp, 2, refs) for kind, a, bp in zip(kinds, arrays, placements))
            manager = BlockManager(blocks, [plan.index, pd.RangeIndex(n)], verify_integrity=False)
            return pd.DataFrame._from_mgr(manager, manager.axes)

        made = assemble(plan.arrays(probe, 2, share=True), 2)
        pd.testing.assert_frame_equal(made, reference)
        made.iloc[0, 0] = made.iloc[1, 0]                # a frame the user can change
        made[plan.names[0] + "_"] = 1
        if len(plan.strings) > 1:                        # a write to a shared empty column stays in it
            nulls = [(None, None) if i in plan.strings else v for i, v in enumerate(probe)]
            made = assemble(plan.arrays(nulls, 2, share=True), 2)
            pd.testing.assert_frame_equal(made, plan.general(nulls))
            a, b = plan.strings[:2]
            made.iloc[0, a] = "x"
            made.iloc[1, b] = "y"
            nulls[a], nulls[b] = ("x", None), (None, "y")
            pd.testing.assert_frame_equal(made, plan.general(nulls))
        pd.testing.assert_frame_equal(assemble(plan.arrays([(), ] * len(probe), 0), 0), plan.empty)
        return assemble
    except Exception:                                     # noqa: BLE001 - any surprise: the public way
        for hook in ("string_column", "bool_column"):
            plan.__dict__.pop(hook, None)
        return None


def _direct_arrays(plan: _Plan) -> None:
    """String and boolean columns made without their constructors' checks (a third of the time
    of an article's frame): the values are already of the right type, made above."""
    from pandas.core.arrays.masked import BaseMaskedArray
    bool_dtype, new_bool = pd.BooleanDtype(), BaseMaskedArray.__new__

    def bool_column(values, mask):
        out = new_bool(pd.arrays.BooleanArray)
        out._data, out._mask, out._dtype = values, mask, bool_dtype
        return out
    plan.bool_column = bool_column
    if plan.arrow:
        string_array, dtype = plan._string_array, plan.string_dtype

        def string_column(chunked):
            out = object.__new__(string_array)
            out._pa_array, out._dtype, out._cache = chunked, dtype, {}
            return out
        plan.string_column = string_column


# pandas >= 2.3: a frame from blocks made here, without pandas sorting arrays into blocks again
_from_blocks = getattr(getattr(pd.api, "internals", None), "create_dataframe_from_blocks", None)
_PLANS: dict[tuple, _Plan] = {}


def _plan(key) -> _Plan:
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = _Plan(key)
    return plan
