"""The word classes of the NER lexicon feature (no spaCy needed to read them).

>>> lex = Lexicon({"Bank": "N", "Berlin": "T"}, {"Telekom": "G"})
>>> [lex.classes(w) for w in ["Bank", "Berlin", "Telekom", "und"]]
['N', 'T', 'G', '-']
>>> Lexicon.from_bytes(lex.to_bytes()).words == lex.words
True
"""
from __future__ import annotations

import gzip


class Lexicon:
    """word -> class letters (exact case), plus gazetteer words."""

    def __init__(self, words: dict[str, str] | None = None, gazetteer: dict[str, str] | None = None):
        self.words = dict(words or {})
        self.gazetteer = dict(gazetteer or {})
        self._heads: dict[str, str] = {}

    def classes(self, word: str) -> str:
        c = self.words.get(word, "")
        g = self.gazetteer.get(word, "")
        return (c + g) or "-"

    def to_bytes(self) -> bytes:
        """gzip of blocks ``=TABLE\tCLASSES`` followed by that class's words, one a line (loads fast)."""
        out = ["#explore-lexicon 2"]
        for name, table in (("w", self.words), ("g", self.gazetteer)):
            by: dict[str, list[str]] = {}
            for k, v in table.items():
                by.setdefault(v, []).append(k)
            for v, ks in sorted(by.items()):
                out.append(f"={name}\t{v}")
                out.extend(sorted(ks))
        return gzip.compress(("\n".join(out) + "\n").encode("utf-8"), mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Lexicon":
        text = gzip.decompress(data).decode("utf-8")
        words: dict[str, str] = {}
        gaz: dict[str, str] = {}
        if not text.startswith("#explore-lexicon 2"):          # first format: table, word, classes a line
            for line in text.splitlines():
                t, k, v = line.split("\t")
                (words if t == "w" else gaz)[k] = v
            return cls(words, gaz)
        for block in text.split("\n=")[1:]:
            head, _, body = block.partition("\n")
            name, v = head.split("\t")
            (words if name == "w" else gaz).update(dict.fromkeys(body.split("\n")[:-1] if body.endswith("\n")
                                                                  else body.split("\n"), v))
        words.pop("", None)
        gaz.pop("", None)
        return cls(words, gaz)

    def head(self, word: str) -> str:
        """The common noun a German compound ends in ("Edelstahltank" -> "Tank", "Daewoo-Mischkonzern"
        -> "Konzern"), else "": the head says what a compound is, whatever its first part.

        >>> Lexicon({"Tank": "N", "Konzern": "N"}).head("Edelstahltank"), Lexicon({"Konzern": "N"}).head("Daewoo-Konzern")
        ('Tank', 'Konzern')
        """
        hit = self._heads.get(word)
        if hit is None:
            hit = ""
            part = word.rsplit("-", 1)[-1]
            if part != word and "N" in self.words.get(part, ""):
                hit = part
            else:
                for i in range(2, len(part) - 2):
                    cand = part[i].upper() + part[i + 1:]
                    if "N" in self.words.get(cand, ""):
                        hit = cand
                        break
            if len(self._heads) < 500_000:
                self._heads[word] = hit
        return hit

    def is_common_noun(self, word: str) -> bool:
        """Only a common noun: no name class and not in a gazetteer ("Stellen", "Montag")."""
        return self.words.get(word) == "N" and word not in self.gazetteer
