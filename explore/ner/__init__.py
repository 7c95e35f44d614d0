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
    return spacy.load(path)
