"""Language vocabularies as data: ``explore/lang/<code>/vocab.toml``.

>>> v = vocabulary("de")
>>> v["scales"]["Mrd."]
1000000000.0
"""
from __future__ import annotations

import functools
import tomllib
from importlib import resources


@functools.cache
def vocabulary(lang: str = "de") -> dict:
    """Return the vocabulary tables of one language (read once, then cached)."""
    try:
        data = resources.files(__name__).joinpath(lang, "vocab.toml").read_bytes()
    except FileNotFoundError:
        raise ValueError(f"no vocabulary for language {lang!r} (explore/lang/{lang}/vocab.toml)") from None
    v = tomllib.loads(data.decode("utf-8"))
    directions = v.get("directions", {})
    for d in ("up", "down"):
        directions[d] = [w.replace("{gap}", GAP) for w in directions.get(d, ())]
    return v


#: the words between a separable verb and its particle in a direction pattern (``{gap}``): up to 100
#: characters or brackets of the clause, never across ";" or ":" outside a bracket
GAP = r"(?:[^;:()]|\([^()]{0,80}\)){0,100}"
