"""What flows from stage to stage: a ``Reading`` (a number being read) and the figure record
(a plain dict with the columns of ``FIGURES.md``) it becomes.

>>> r = Reading(start=10, end=12, value=12.0)
>>> r.high, r.sign, r.hard
(12.0, None, False)
>>> figure(10, 21, "percent", 12.0, 12.0, "%", None, "up", False)["direction"]
'up'
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Reading:
    """A number read so far. The numeral stage fills it; quantities and modifiers finish it."""
    start: int                  # first character: moves left over a sign or a currency symbol
    end: int                    # after the last character read so far
    value: float                # the number, or the lower end of a range
    high: float | None = None   # the upper end of a range; None: the same as value
    sign: str | None = None     # "up" or "down" from a written + or −
    hard: bool = False          # written in words
    left: str = ""              # up to 60 characters before start, within the segment

    def __post_init__(self):
        if self.high is None:
            self.high = self.value


def figure(start, end, kind, low, high, unit, qualifier, direction, hard, **extra) -> dict:
    """A figure record; ``scale``, ``factor`` and ``bare`` are working fields the frame does not show."""
    r = {"start": start, "end": end, "kind": kind, "low": low, "high": high, "unit": unit,
         "date": None, "date_end": None, "qualifier": qualifier, "direction": direction, "hard": hard,
         "in_table": False, "row_header": None, "col_header": None, "scale": 1.0, "factor": 1.0, "bare": False}
    r.update(extra)
    return r


@dataclass
class ScanResult:
    figures: list[dict]          # start, end, text, kind, low, high, unit, date, ..., sentence
    skipped: list[dict]          # start, end, text, reason: digits that are not figures
    problems: list[str]          # malformed table rows, in words


class ScanTimeout(RuntimeError):
    """A scan ran past its deadline (the per-file time budget)."""
