"""The project's German NER model: loading, scoring on GermEval-format files, training data.

The pipeline (``explore/models/ner_de``) is ``explore_lexicon`` (lexicon classes, see
:mod:`explore.ner.features`) followed by spaCy's ``ner`` with its own CNN tok2vec; labels PER, ORG,
LOC, OTH as in GermEval 2014. It is loaded from the package's files, never from the network.
"""
from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner_de"


def load(path=None):
    """Load the shipped pipeline (or another one trained by ``scripts/train_ner.py``)."""
    import spacy
    from . import features  # noqa: F401  (registers explore_lexicon and explore.CharHashEmbed.v1)
    path = Path(path or MODEL_DIR)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no NER model in {path}: retrain it with scripts/train_ner.py")
    return _numpy_matmul(spacy.load(path))


def _numpy_matmul(nlp):
    """Run the model's matrix products with numpy's BLAS instead of thinc's bundled BLIS kernel: the
    same spans, about half the time (measured: 4.4 -> 2.4 CPU s over 1,475 sentences; BLIS reached a
    third of OpenBLAS's speed on one core of this machine)."""
    from thinc.api import NumpyOps
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        for node in getattr(getattr(component, "model", None), "walk", lambda: [])():
            node.ops = ops
    return nlp
