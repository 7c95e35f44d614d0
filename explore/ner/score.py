"""Exact-span precision, recall and F1 per type on GermEval-format files (outer level).

>>> from .data import Sentence
>>> gold = [Sentence(["Die", "Deutsche", "Bank"], ["O", "B-ORG", "I-ORG"])]
>>> s = score(gold, [["O", "B-ORG", "I-ORG"]])
>>> format_scores(s, ["ORG"])
['ORG P=1.000 R=1.000 F1=1.000', 'OVERALL P=1.000 R=1.000 F1=1.000']
"""
from __future__ import annotations

from collections import Counter

from .data import LABELS, Sentence, spans


def score(gold: list[Sentence], predicted: list[list[str]], types=LABELS) -> dict[str, tuple[int, int, int]]:
    """type -> (true positives, predicted, gold) over exact spans; "OVERALL" over ``types``."""
    tp, pred, ref = Counter(), Counter(), Counter()
    for sent, tags in zip(gold, predicted, strict=True):
        g = {s for s in spans(sent.tags) if s[2] in types}
        p = {s for s in spans(tags) if s[2] in types}
        for s in g:
            ref[s[2]] += 1
        for s in p:
            pred[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1
    out = {t: (tp[t], pred[t], ref[t]) for t in types}
    out["OVERALL"] = (sum(tp.values()), sum(pred.values()), sum(ref.values()))
    return out


def prf(tp: int, pred: int, ref: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / ref if ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def format_scores(scores: dict[str, tuple[int, int, int]], types=LABELS) -> list[str]:
    """``ORG P=0.712 R=0.701 F1=0.706`` lines, one per type, then ``OVERALL``."""
    lines = []
    for t in list(types) + ["OVERALL"]:
        p, r, f = prf(*scores[t])
        lines.append(f"{t} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return lines


def predict(nlp, sentences: list[Sentence], batch_size: int = 256) -> list[list[str]]:
    """BIO tags the pipeline gives each gold-tokenised sentence."""
    from spacy.tokens import Doc

    from .data import guess_spaces
    docs = (Doc(nlp.vocab, words=s.words, spaces=guess_spaces(s.words)) for s in sentences)
    out = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        out.append([f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc])
    return out


def evaluate_file(path, nlp=None, types=LABELS) -> list[str]:
    """The score lines of the model on a GermEval-format file."""
    from . import load
    from .data import read_germeval
    nlp = nlp or load()
    sents = read_germeval(path)
    return format_scores(score(sents, predict(nlp, sents), types), types)
