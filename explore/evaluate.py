"""Score predicted figures against a gold answer key, by the rule at the end of FIGURES.md.

A prediction matches a gold figure when their character spans overlap, ``kind`` agrees,
``low``/``high`` agree within 0.5 % (dates: the ISO string agrees), and for money, percent and
duration the ``unit`` agrees. Precision, recall and F1 count gold figures that are neither
boilerplate nor optional; a prediction overlapping such a figure is not a false positive.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TOLERANCE = 0.005
UNIT_KINDS = ("money", "percent", "duration")


class GoldError(ValueError):
    """The answer key cannot be used: unreadable, malformed, empty, or for other articles."""


GOLD_FIELDS = ("article", "surface", "kind")


def load_gold(path, texts: dict[str, str], missing: set | None = None) -> list[dict]:
    """Gold records with their span: the ``occurrence``-th plain substring match of ``surface``.

    Records of articles not in ``texts`` are left out (their ids added to ``missing``). A line
    that is not a JSON object with ``article``, ``surface`` and ``kind`` raises ``GoldError``
    naming the file and line.
    """
    gold = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{n}: not a JSON line ({exc.msg} at column {exc.colno})") from None
            if not isinstance(r, dict) or any(k not in r for k in GOLD_FIELDS):
                raise GoldError(f"{path}:{n}: a gold figure needs the fields {', '.join(GOLD_FIELDS)}")
            text = texts.get(r["article"])
            if text is None:
                if missing is not None:
                    missing.add(r["article"])
                continue
            pos = -1
            for _ in range(r.get("occurrence", 1)):
                pos = text.find(r["surface"], pos + 1)
                if pos < 0:
                    raise GoldError(f"{path}:{n}: {r['surface']!r} occurrence {r.get('occurrence')} "
                                    f"not in {r['article']}")
            r["start"], r["end"] = pos, pos + len(r["surface"])
            gold.append(r)
    return gold


def _close(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    if b is None or (isinstance(b, float) and math.isnan(b)):
        return False
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def matches(pred: dict, gold: dict) -> bool:
    """Does one predicted figure match one gold figure?"""
    if pred["start"] >= gold["end"] or gold["start"] >= pred["end"]:
        return False
    if pred["kind"] != gold["kind"]:
        return False
    if gold["kind"] == "date":
        return (pred.get("date") or None) == gold.get("date")
    if not (_close(pred.get("low"), gold.get("low")) and _close(pred.get("high"), gold.get("high"))):
        return False
    if gold["kind"] in UNIT_KINDS and pred.get("unit") != gold.get("unit"):
        return False
    return True


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Score
    by_kind: dict[str, Score]
    hard: Score
    notes: list[str] = field(default_factory=list)      # what the score does not cover, in words

    def table(self) -> pd.DataFrame:
        rows = [("all", self.overall)] + sorted(self.by_kind.items()) + [("hard (number words)", self.hard)]
        return pd.DataFrame(
            [{"kind": k, "gold": s.tp + s.fn, "predicted": s.tp + s.fp, "tp": s.tp, "fp": s.fp, "fn": s.fn,
              "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
             for k, s in rows])


def _clean(v):
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def score(predicted: pd.DataFrame, gold: list[dict]) -> Report:
    """Match predictions to gold one-to-one (per article) and count by kind."""
    preds = [{k: _clean(v) for k, v in r.items()} for r in predicted.to_dict("records")]
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in preds:
        by_article[p["article"]].append(p)
    articles = {g["article"] for g in gold}
    overall, hard = Score(), Score()
    by_kind: dict[str, Score] = defaultdict(Score)
    for art in sorted(articles | set(by_article)):
        if art not in articles:
            continue   # articles without a key are not scored
        gs = [g for g in gold if g["article"] == art]
        ps = by_article.get(art, [])
        used: set[int] = set()
        for g in gs:
            scored = not (g.get("boilerplate") or g.get("optional"))
            hit = next((i for i, p in enumerate(ps) if i not in used and matches(p, g)), None)
            if hit is not None:
                used.add(hit)
            if not scored:
                continue
            for s in (overall, by_kind[g["kind"]]) + ((hard,) if g.get("hard") else ()):
                if hit is not None:
                    s.tp += 1
                else:
                    s.fn += 1
                    s.misses.append(g)
        unscored = [g for g in gs if g.get("boilerplate") or g.get("optional")]
        for i, p in enumerate(ps):
            if i in used:
                continue
            if any(p["start"] < g["end"] and g["start"] < p["end"] for g in unscored):
                continue
            overall.fp += 1
            by_kind[p["kind"]].fp += 1
            overall.false_positives.append(p)
            by_kind[p["kind"]].false_positives.append(p)
    return Report(overall, dict(by_kind), hard)


def evaluate(gold_path, corpus) -> Report:
    """Extract figures from ``corpus`` and score them against the JSON-lines key at ``gold_path``."""
    from .dataframes import figures
    from .records import as_corpus as _as_corpus
    corpus = _as_corpus(corpus)
    missing: set[str] = set()
    gold = load_gold(Path(gold_path), {a.id: a.text for a in corpus}, missing)
    if not gold and not missing:
        raise GoldError(f"{gold_path}: no gold figures in this key")
    if not gold:
        raise GoldError(f"{gold_path}: none of the key's {len(missing)} articles is in the corpus "
                        f"(e.g. {sorted(missing)[0]!r}); give the folder the key was written for")
    report = score(figures(corpus), gold)
    if missing:
        report.notes.append(f"{gold_path}: {len(missing)} of the key's articles are not in the corpus and "
                            f"not scored: {', '.join(sorted(missing)[:5])}{', ...' if len(missing) > 5 else ''}")
    return report
