"""Score the topic tables against an answer key, by the rule of ``tests/gold/tables/FORMAT.md``.

A table row matches a key row of the same article when the values agree (within 0.5 %) and the
entity agrees (case, legal form and the key's ``aliases`` ignored); stock moves also need the
period, money the currency. Recall counts required key rows; precision counts the rows the table
outputs, leaving out rows that match only optional key rows. A row stated ``mentions`` times may
stand for up to that many key rows (the same statement found twice is one row).

>>> same_entity("Deutsche Börse AG", "deutsche börse", [])
True
>>> same_entity("Deutsche Bank", "Deutsche Börse", [])
False
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TOLERANCE = 0.005
_LEGAL = re.compile(r"(?:&\s*co\b\.?|\b(?:ag|se|kgaa|kg|ohg|gmbh|co\.? kg|inc\.?|corp\.?|corporation|ltd\.?|plc|n\.v\.?|nv|"
                    r"s\.a\.?|sa|holding|holdings|group|gruppe|konzern|aktiengesellschaft|asa|ab|spa|s\.p\.a\.))"
                    r"(?=\s|$|[,.)])", re.I)


def norm_entity(name) -> str:
    """A name without case, legal form and punctuation: "Siemens AG" -> "siemens"."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    s = _LEGAL.sub(" ", str(name).lower())
    s = re.sub(r"[\s\-–.,'’&()]+", " ", s).strip()
    return s


def same_entity(produced, entity, aliases) -> bool:
    """Does the produced entity name the key's entity (or one of its aliases)? A name the company
    list (``explore/lang/de/companies.csv``) or the index list (``indices.toml``) gives as another name
    of the same company or index counts
    ("ZF" is "ZF Friedrichshafen"; "Volkswagen" is still not "Volkswagen Financial Services")."""
    p = norm_entity(produced)
    known = _known_names()
    given = [entity] + list(aliases or [])
    names = [norm_entity(n) for n in given] + [norm_entity(known[n]) for n in given if n in known]
    if not norm_entity(entity):
        return p == ""
    return p != "" and p in names


_KNOWN: dict[str, str] | None = None


def _known_names() -> dict[str, str]:
    """Company-list and index-list alias -> canonical name."""
    global _KNOWN
    if _KNOWN is None:
        from .orgs import read_gazetteer, read_indices
        _KNOWN = {alias: name for alias, (name, _) in {**read_indices(), **read_gazetteer()}.items()}
    return _KNOWN


def _close(a, b) -> bool:
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)) or (isinstance(b, float) and math.isnan(b)):
        return False
    return a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _num(v):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)


# table -> how a row agrees with a key row: the value pairs (row column, key field) and the extra
# fields that must agree exactly (row column, key field)
@dataclass(frozen=True)
class Spec:
    function: str                       # explore.views.<function>
    values: tuple                       # ((row column, key field), ...): any one given pair must agree
    exact: tuple = ()                   # ((row column, key field), ...): must be equal
    entity: str | None = "entity"       # the row column with the owner, or None


SPECS: dict[str, Spec] = {
    "money": Spec("money", (("amount", "value"),), (("currency", "currency"),)),
    "stock_moves": Spec("stock_moves", (("change_pct", "change_pct"), ("change_points", "change_points")),
                        (("period", "period"),)),
    "adoption": Spec("adoption", (("low", "low"),), (), None),
    "changes": Spec("changes", (("change_pct", "change_pct"), ("change_abs", "change_abs"),
                                ("change_factor", "change_factor"), ("to_value", "to"), ("from_value", "from"))),
}


def _change_factor(row: dict, pct_col: str, factor_col: str):
    """A relative change as new/old: +100 % = 2.0, "auf ein Drittel" = 0.3333."""
    if _num(row.get(factor_col)) is not None:
        return _num(row.get(factor_col))
    if _num(row.get(pct_col)) is not None:
        return 1 + _num(row.get(pct_col)) / 100
    return None


def change_agrees(row: dict, key: dict) -> bool:
    """A stated change agrees when its change does (percent and factor are one scale: "um die Hälfte
    gesunken" = -50 % = factor 0.5), else, for a key row with levels only, when its levels do."""
    if _num(key.get("change_abs")) is not None:
        return _close(_num(row.get("change_abs")), _num(key.get("change_abs")))
    kf = _change_factor(key, "change_pct", "change_factor")
    if kf is not None:
        return _close(_change_factor(row, "change_pct", "change_factor"), kf)
    given = [(c, k) for c, k in (("to_value", "to"), ("from_value", "from")) if _num(key.get(k)) is not None]
    return bool(given) and all(_close(_num(row.get(c)), _num(key.get(k))) for c, k in given)


def value_agrees(row: dict, key: dict, spec: Spec) -> bool:
    """The row's value equals the key's (a key with several values: each one given must agree)."""
    if spec.function == "changes":
        return change_agrees(row, key)
    given = [(c, k) for c, k in spec.values if _num(key.get(k)) is not None]
    if not given:
        return False
    if spec.function == "stock_moves":    # a move in percent or in points: either one agreeing is enough
        return any(_close(_num(row.get(c)), _num(key.get(k))) for c, k in given)
    if spec.function == "money":          # each end of a range is its own key row
        return any(_close(_num(row.get(c)), _num(key.get("value"))) for c in ("amount", "high"))
    return all(_close(_num(row.get(c)), _num(key.get(k))) for c, k in given)


def agrees(row: dict, key: dict, spec: Spec) -> bool:
    """Value, entity and the exact fields agree."""
    if not value_agrees(row, key, spec):
        return False
    if any((row.get(c) or None) != (key.get(k) or None) for c, k in spec.exact):
        return False
    if spec.entity and not same_entity(row.get(spec.entity), key.get("entity"), key.get("aliases")):
        return False
    return True


def load_key(path, texts: dict[str, str] | None = None) -> list[dict]:
    """Key rows, with the span of their ``surface`` (its ``occurrence``-th match) when the text is given."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from None
            if "article" not in r:
                raise ValueError(f"{path}:{n}: a key row needs 'article'")
            r["_line"] = n
            text = (texts or {}).get(r["article"])
            if text is not None and r.get("surface"):
                pos = -1
                for _ in range(int(r.get("occurrence") or 1)):
                    pos = text.find(r["surface"], pos + 1)
                    if pos < 0:
                        raise ValueError(f"{path}:{n}: {r['surface']!r} occurrence {r.get('occurrence', 1)} "
                                         f"not in {r['article']}")
                r["start"], r["end"] = pos, pos + len(r["surface"])
            rows.append(r)
    return rows


@dataclass
class TableScore:
    table: str
    required: int = 0
    found: int = 0
    output: int = 0
    right: int = 0
    misses: list = field(default_factory=list)            # (key row, nearest row or None)
    false_positives: list = field(default_factory=list)   # (row, nearest key row or None)

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.output if self.output else 1.0


def _distance(row: dict, key: dict) -> int:
    if "start" not in key or row.get("start") is None:
        return 10 ** 9
    if row["start"] < key["end"] and key["start"] < row["end"]:
        return 0
    return 1 + min(abs(row["start"] - key["end"]), abs(key["start"] - row["end"]))


def score_table(rows: list[dict], key: list[dict], table: str) -> TableScore:
    """Match the rows of one table to its key rows (one-to-one, a row up to ``mentions`` times)."""
    spec = SPECS[table]
    out = TableScore(table)
    articles = {k["article"] for k in key}
    rows = [r for r in rows if r["article"] in articles]          # score only documents the key covers
    capacity = [int(r.get("mentions") or 1) * (2 if table == "money" and _num(r.get("high")) is not None
                                               and _num(r.get("high")) != _num(r.get("amount")) else 1)
                for r in rows]
    used_by: list[list[dict]] = [[] for _ in rows]
    matched_key: set[int] = set()
    by_article: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_article.setdefault(r["article"], []).append(i)
    # required rows first, then optional ones; nearest spans first, ties by position
    for want_optional in (False, True):
        pairs = []
        for j, k in enumerate(key):
            if bool(k.get("optional")) != want_optional:
                continue
            for i in by_article.get(k["article"], []):
                if agrees(rows[i], k, spec):
                    pairs.append((_distance(rows[i], k), j, i))
        for _, j, i in sorted(pairs):
            if j in matched_key or capacity[i] <= 0:
                continue
            matched_key.add(j)
            capacity[i] -= 1
            used_by[i].append(key[j])
    for j, k in enumerate(key):
        if k.get("optional"):
            continue
        out.required += 1
        if j in matched_key:
            out.found += 1
        else:
            near = [rows[i] for i in by_article.get(k["article"], []) if value_agrees(rows[i], k, spec)]
            near.sort(key=lambda r: (_distance(r, k), r.get("start") or 0))
            out.misses.append((k, near[0] if near else None))
    for i, r in enumerate(rows):
        if any(not k.get("optional") for k in used_by[i]):
            out.output += 1
            out.right += 1
            continue
        if used_by[i] or r.get("restates"):
            continue                                              # matches only optional key rows, or restates
        same_value = [k for k in key if k["article"] == r["article"] and value_agrees(r, k, spec)]
        same_value.sort(key=lambda k: (_distance(r, k), k["_line"]))
        if same_value and same_value[0].get("optional") and _distance(r, same_value[0]) == 0:
            continue                                              # the figure of an optional key row
        out.output += 1
        out.false_positives.append((r, same_value[0] if same_value else None))
    return out


def evaluate_tables(keys: dict[str, str | Path], *paths, source=None) -> dict[str, TableScore]:
    """Score tables against key files: ``{"money": "tests/gold/tables/money.jsonl", ...}``.

    ``paths`` are the folders of the documents the keys cover (their text gives each key row's span).
    """
    from . import views
    from .records import as_corpus as _as_corpus
    corpus = _as_corpus(source if source is not None else list(paths))
    texts = {a.id: a.text for a in corpus}
    scores = {}
    for table, path in keys.items():
        if table not in SPECS:
            raise ValueError(f"no scoring rule for table {table!r}; known: {', '.join(SPECS)}")
        key = [k for k in load_key(path, texts) if k["article"] in texts]
        fn = getattr(views, SPECS[table].function)
        df = fn(corpus)                  # what a user gets from the files: the tables with the texts
        rows = [{c: _py(v) for c, v in r.items()} for r in df.to_dict("records")]
        scores[table] = score_table(rows, key, table)
    return scores


def _py(v):
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v.item() if hasattr(v, "item") else v


def report(scores: dict[str, TableScore], verbose: bool = False) -> str:
    """The scores as text: one line per table, then (verbose) every miss and false positive."""
    lines = [f"{'table':<12} {'required':>8} {'found':>6} {'recall':>7} {'output':>7} {'right':>6} {'precision':>9}"]
    for s in scores.values():
        lines.append(f"{s.table:<12} {s.required:>8} {s.found:>6} {s.recall:>7.3f} {s.output:>7} {s.right:>6} "
                     f"{s.precision:>9.3f}")
    if verbose:
        for s in scores.values():
            spec = SPECS[s.table]
            for k, near in s.misses:
                vals = " ".join(f"{f}={k.get(f)}" for _, f in spec.values + spec.exact if k.get(f) is not None)
                got = ("  got: " + _describe(near, spec)) if near else "  (no row with this value)"
                lines.append(f"miss  {s.table} {k['article']} {k.get('surface')!r} entity={k.get('entity')} {vals}{got}")
            for r, near in s.false_positives:
                want = f"  key: entity={near.get('entity')} {near.get('surface')!r}" if near else ""
                lines.append(f"extra {s.table} {r['article']} {r.get('text')!r} {_describe(r, spec)}{want}")
    return "\n".join(lines)


def _describe(r: dict, spec: Spec) -> str:
    parts = []
    if spec.entity:
        parts.append(f"entity={r.get(spec.entity)}")
    for c, _ in spec.values + spec.exact:
        if r.get(c) is not None:
            parts.append(f"{c}={r.get(c)}")
    return " ".join(parts)
