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

>>> lex = Lexicon({"Bank": "N", "Berlin": "T"}, {"Telekom": "G"})
>>> [lex.classes(w) for w in ["Bank", "Berlin", "Telekom", "und"]]
['N', 'T', 'G', '-']
"""
from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

NOUN_CLASSES = {"Toponym": "T", "Vorname": "V", "Nachname": "S", "Eigenname": "E"}
LEXICON_FILE = "lexicon.tsv.gz"


class Lexicon:
    """word -> class letters (exact case), plus gazetteer words."""

    def __init__(self, words: dict[str, str] | None = None, gazetteer: dict[str, str] | None = None):
        self.words = dict(words or {})
        self.gazetteer = dict(gazetteer or {})

    def classes(self, word: str) -> str:
        c = self.words.get(word, "")
        g = self.gazetteer.get(word, "")
        return (c + g) or "-"

    def to_bytes(self) -> bytes:
        buf = io.StringIO()
        for table, name in ((self.words, "w"), (self.gazetteer, "g")):
            for k, v in sorted(table.items()):
                buf.write(f"{name}\t{k}\t{v}\n")
        return gzip.compress(buf.getvalue().encode("utf-8"), mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Lexicon":
        words, gaz = {}, {}
        for line in gzip.decompress(data).decode("utf-8").splitlines():
            t, k, v = line.split("\t")
            (words if t == "w" else gaz)[k] = v
        return cls(words, gaz)


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

    def __init__(self, nlp: Language, name: str = "explore_lexicon"):
        self.name = name
        self.lexicon = Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            tok.tag_ = self.lexicon.classes(tok.text)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples=None, *, nlp=None, nouns_csv: str | None = None,
                   gazetteer: list[str] | None = None):
        """Build the lexicon from german-nouns and the project's gazetteers (training time only)."""
        from ..orgs import gazetteer_names
        self.lexicon = Lexicon(german_nouns_lexicon(nouns_csv), gazetteer_words(gazetteer_names()))

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


@Language.factory("explore_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger(nlp, name)


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
