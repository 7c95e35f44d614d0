"""Whose figure is it: the grammatical owner of a figure, found in its clause, sentence and article.

The owner is the subject of the figure's clause ("Vonovia verlor 2,1 Prozent"), the possessor of
a share or a company figure ("die Aktie von X", "X-Aktie", "Aktien der X", "der Umsatz von X"),
each item of a list of moves ("A verloren 2,3 Prozent, B 1,7 Prozent"), or what a reference
stands for ("der Konzern", "die Bank", "der Windturbinenhersteller", and "die Aktie" or "der
Umsatz" without a possessor): the last organisation of a fitting kind named before it, else the
article's main organisation (title and lead). Names after an agent word ("laut", "durch",
"gegenüber") are never owners. A sentence that names no organisation and refers to none gives
no owner. Vocabulary: ``explore/lang/de/attribution.toml``.

>>> orgs = ArticleOrgs.from_text("Bayer verloren 2,3 Prozent, BASF 1,7 Prozent und Covestro 0,3 Prozent.")
>>> s = orgs.text
>>> [owner(orgs, 0, len(s), s.index(p), s.index(p) + 3).name for p in ("2,3", "1,7", "0,3")]
['Bayer', 'BASF', 'Covestro']
>>> t = "Siemens Energy hat mehr verdient. Der Konzern steigerte den Umsatz auf 9,1 Milliarden Euro."
>>> o = owner(ArticleOrgs.from_text(t), 34, len(t), t.index("9,1"), t.index("9,1") + 3)
>>> (o.name, o.text, o.source)
('Siemens Energy', 'Der Konzern', 'reference')
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

_WORD = re.compile(r"[\wÄÖÜäöüß.&'’-]+")
_CLAUSE = re.compile(r",(?=\s)|;|:(?=\s)|\s[–—-]\s|\(|\)|\s\|\s")
_SENT = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ0-9])|\n+")
_DETS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "dessen", "deren"}


@functools.cache
def vocab(lang: str = "de") -> dict:
    """The attribution vocabulary of a language (``explore/lang/<lang>/attribution.toml``)."""
    data = resources.files("explore.lang").joinpath(lang, "attribution.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@dataclass(frozen=True)
class Org:
    """An organisation named in an article: offsets in the article, the name as written, its
    canonical name and type, and how it was found (gazetteer, model, pattern)."""
    start: int
    end: int
    text: str
    name: str
    type: str
    source: str
    weak: bool = False      # found by its form alone (HanTa): an owner in its clause, not a referent


@dataclass(frozen=True)
class Owner:
    """The owner of a figure: canonical ``name``; ``text``/``start``/``end`` the words in the article
    that name it (the name, or the reference "der Konzern"; offsets ``None`` for the title); ``source``
    gazetteer, model, pattern, reference or article."""
    name: str
    text: str
    start: int | None
    end: int | None
    source: str


# ------------------------------------------------------------------ finding organisations
@functools.cache
def _tagger():
    try:
        from HanTa import HanoverTagger as ht
    except ImportError:
        return None
    return ht.HanoverTagger("morphmodel_ger.pgz")


@functools.lru_cache(maxsize=200_000)
def is_proper_noun(word: str, known: bool = False) -> bool:
    """HanTa's most likely tag of a capitalised word out of context is NE (a name), or HanTa does not
    know the word at all (unless ``known``).

    >>> is_proper_noun("Vonovia"), is_proper_noun("Umsatz")
    (True, False)
    """
    t = _tagger()
    if t is None or not word[:1].isupper():
        return False
    tags = t.tag_word(word)
    # NE, or a word HanTa does not know at all (its best guess scores very low): "Infineon"
    return bool(tags) and (tags[0][0] == "NE" or (not known and tags[0][1] < -25 and "-" not in word
                                                  and not word.endswith(_NOUN_SUFFIXES)))


_NOUN_SUFFIXES = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ität", "ismus", "nis", "nisse",
                  "ierung", "ment", "ments", "ings", "ies")


_SOURCES = {"gazetteer": "gazetteer", "model": "model", "pattern": "pattern", "alias": "pattern"}


def find_orgs(text: str, offset: int = 0, article: bool = False, gazetteer: tuple[str, ...] = ()) -> list[Org]:
    """Organisations in a text (``explore.orgs``; article offsets = ``offset`` + position), in text
    order; ``article``: a whole article, its short forms and aliases resolved; ``gazetteer``: extra
    gazetteer CSV files."""
    from . import orgs
    found = orgs.recognizer(tuple(gazetteer)).find(text)
    if article:
        found = orgs.resolve_aliases(found, text)
    out = [Org(offset + o.start, offset + o.end, o.text, o.name,
               "company" if o.type in (None, "", "organisation") else o.type, _SOURCES.get(o.source, "pattern"))
           for o in found]
    return sorted(out, key=lambda o: (o.start, -o.end))


def proper_nouns(text: str, offset: int, taken: list[Org]) -> list[Org]:
    """Names no recogniser found, by their form and place: proper nouns HanTa knows ("Vonovia
    verlor 2,1 Prozent"), a capitalised word in apposition to a company noun ("des Chipherstellers
    Infineon") or after a share noun ("Aktien der Allianz"), a name adjective with its noun
    ("Deutsche Bank"); a proper noun takes the capitalised word after it ("Hugo Boss")."""
    v = vocab()["owner"]
    g = grammar()
    stop = set(v["not_owners"]) | set(v["places"])
    name_stops = set(v["name_stops"]) | stop
    adjectives, not_name = set(v["name_adjectives"]), set(v["not_name_nouns"])
    out = []
    spans = [(o.start - offset, o.end - offset) for o in taken]
    words = list(re.finditer(r"(?<![\w-])[A-ZÄÖÜ][\wäöüßÄÖÜ&'’-]*[\wäöüßÄÖÜ]", text))
    i = 0
    while i < len(words):
        m = words[i]
        w = m.group()
        s, e = m.start(), m.end()
        nxt = words[i + 1] if i + 1 < len(words) and text[e:words[i + 1].start()] == " " else None
        if any(a < e and s < b for a, b in spans) or w.lower() in _DETS or w in stop \
                or (g.is_head(w) and not is_proper_noun(w, known=True)):
            i += 1
            continue
        before = text[max(0, s - 40):s]
        prev = _WORD.findall(before)[-2:]
        found = False
        if w in adjectives and nxt is not None and nxt.group() not in not_name \
                and not any(a < nxt.end() and nxt.start() < b for a, b in spans):
            e, i, found = nxt.end(), i + 1, True
        elif prev and (g.is_head(prev[-1]) and prev[-1][:1].isupper()
                       or len(prev) == 2 and prev[-1].lower() in ("der", "des", "von")
                       and prev[-2].lower().startswith(g.share)):
            found = "-" not in w or is_proper_noun(w)      # "des Chipherstellers Infineon", "Aktien der Allianz"
        elif is_proper_noun(w):
            found = True
        if found:
            while i + 1 < len(words) and text[e:words[i + 1].start()] == " " \
                    and words[i + 1].group() not in name_stops and not g.is_head(words[i + 1].group()) \
                    and not any(a < words[i + 1].end() and words[i + 1].start() < b for a, b in spans) \
                    and (is_proper_noun(words[i + 1].group()) or not _common(words[i + 1].group())):
                i += 1
                e = words[i].end()
            out.append(Org(offset + s, offset + e, text[s:e], text[s:e], "company", "model", weak=True))
        i += 1
    return out


def _common(word: str) -> bool:
    """A word HanTa knows as a common noun, adjective or verb (not a name part like "Boss", "Energy")."""
    t = _tagger()
    if t is None:
        return True
    tags = t.tag_word(word)
    return bool(tags) and tags[0][0] not in ("NE", "FM", "XY") and tags[0][1] > -13


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text: breaks after . ! ? before a capital, and at newlines."""
    out, a = [], 0
    for m in _SENT.finditer(text):
        if text[a:m.start()].strip():
            out.append((a, m.start()))
        a = m.end()
    if text[a:].strip():
        out.append((a, len(text)))
    return out


# ------------------------------------------------------------------ the organisations of one article
class ArticleOrgs:
    """The organisations an article names, in article offsets, and its main organisation.

    Built from the full text (``from_text``), or from the sentences the figures stand in and the
    title when only the figures are at hand (``from_sentences``).
    """

    def __init__(self, orgs: list[Org], title_orgs: list[Org], lead_end: int, text: str = ""):
        self.text = text
        self.orgs = _canonical(sorted(orgs, key=lambda o: (o.start, -o.end)), title_orgs)
        self.title_orgs = title_orgs
        self.lead_end = lead_end
        self._main = None

    @classmethod
    def from_text(cls, text: str, title: str | None = None, models: bool = True,
                  gazetteer: tuple[str, ...] = ()) -> ArticleOrgs:
        """``models``: also take the proper nouns HanTa knows ("Vonovia") as organisations."""
        spans = sentences(text)
        lead_end = spans[1][1] if len(spans) > 1 else (spans[0][1] if spans else 0)
        orgs = find_orgs(text, article=True, gazetteer=gazetteer)
        if models:
            orgs += [p for a, b in spans for p in proper_nouns(text[a:b], a, orgs)]
        return cls(orgs, _title_orgs(title, models, gazetteer), lead_end, text)

    @classmethod
    def from_sentences(cls, spans: list[tuple[int, str]], title: str | None = None,
                       models: bool = True, gazetteer: tuple[str, ...] = ()) -> ArticleOrgs:
        """The same from the sentences at hand: (article offset, sentence text) pairs."""
        orgs: list[Org] = []
        for start, sentence in sorted(spans):
            found = find_orgs(sentence, start, gazetteer=gazetteer)
            orgs += found + (proper_nouns(sentence, start, found) if models else [])
        first = sorted(spans)[:2]
        lead_end = (first[-1][0] + len(first[-1][1])) if first else 0
        return cls(orgs, _title_orgs(title, models, gazetteer), lead_end)

    def in_span(self, a: int, b: int) -> list[Org]:
        return [o for o in self.orgs if a <= o.start and o.end <= b]

    def main(self) -> Org | None:
        """The organisation named most often in the title and lead (ties: the first named)."""
        if self._main is None:
            cands = [o for o in self.title_orgs + [o for o in self.orgs if o.start < self.lead_end]
                     if o.type not in ("index", "currency")]
            cands = [o for o in cands if not o.weak] or cands
            if not cands:
                self._main = False
            else:
                names = [o.name for o in cands]
                best = max(names, key=lambda n: (names.count(n), -names.index(n)))
                self._main = next(o for o in cands if o.name == best)
        return self._main or None


def _title_orgs(title: str | None, models: bool, gazetteer: tuple[str, ...] = ()) -> list[Org]:
    """Organisations of the title; offsets -1 (the title is not part of the text)."""
    if not title:
        return []
    found = find_orgs(title, gazetteer=gazetteer)
    found += proper_nouns(title, 0, found) if models else []
    return [Org(-1, -1, o.text, o.name, o.type, o.source, o.weak) for o in found]


def _canonical(orgs: list[Org], title_orgs: list[Org]) -> list[Org]:
    """Short names of an organisation named in full before ("Telekom" after "Deutsche Telekom")."""
    out: list[Org] = []
    full: list[str] = [o.name for o in title_orgs]
    merged: list[Org] = []
    cont = set(vocab()["owner"]["name_continuations"])
    for o in orgs:                     # "Siemens" + "Energy": one name
        if merged and o.source == "model" and o.start == merged[-1].end + 1 \
                and (o.text in cont or merged[-1].source == "model"):
            p = merged.pop()
            text = p.text + " " + o.text
            o = Org(p.start, o.end, text, text if p.name == p.text else p.name + " " + o.text, p.type, p.source,
                    p.weak)
        merged.append(o)
    for o in merged:
        words = set(o.name.lower().split())
        longer = [n for n in full if len(n) > len(o.name) and words and words < set(n.lower().split())]
        if longer and o.source != "gazetteer":
            o = Org(o.start, o.end, o.text, longer[-1], o.type, o.source, o.weak)
        out.append(o)
        full.append(o.name)
    return out


# ------------------------------------------------------------------ grammar
class Grammar:
    """Compiled vocabulary: roles of names, references, clause bounds."""

    def __init__(self, lang: str = "de"):
        v = vocab(lang)["owner"]
        self.share = tuple(v["share_nouns"])
        self.measure = tuple(v["measure_nouns"])
        self.agents = sorted(v["agent_words"], key=len, reverse=True)
        self.preps = set(v["prepositions"])
        self.market_preps = set(v["market_prepositions"])
        self.not_owners = set(v["not_owners"]) | set(v["places"])
        self.heads = tuple(v["reference_heads"] + v["index_heads"])
        dets = "|".join(map(re.escape, v["reference_determiners"]))
        self.index_heads = tuple(v["index_heads"])
        self.re_reference = re.compile(
            rf"(?<![\w-])(?i:{dets})\s+(?:[a-zäöüß][\wäöüß-]*\s+){{0,2}}(?P<h>[A-ZÄÖÜ][\wäöüß-]*)(?![\wäöüß-])")
        self.re_implicit = re.compile(
            r"(?<![\w-])(?P<h>" + "|".join(map(re.escape, sorted(self.share + self.measure, key=len, reverse=True)))
            + r")(?:s|es|n|en|e)?(?![\wäöüß-])", re.I)
        self.re_list = re.compile(r"\s(?:" + "|".join(map(re.escape, v["list_words"])) + r")\s")

    def clauses(self, sentence: str, pos: int) -> tuple[int, int, int, int]:
        """(clause start, clause end, list-part start, list-part end) around pos."""
        cs, ce = 0, len(sentence)
        for m in _CLAUSE.finditer(sentence):
            if m.end() <= pos:
                cs = m.end()
            elif m.start() >= pos:
                ce = m.start()
                break
        ls, le = cs, ce
        for m in self.re_list.finditer(sentence, cs, ce):
            if m.end() <= pos:
                ls = m.end()
            elif m.start() >= pos:
                le = m.start()
                break
        return cs, ce, ls, le

    def role(self, sentence: str, s: int, e: int, clause_start: int, move: bool = True) -> int | None:
        """How a name at sentence[s:e] relates to its clause: 0 possessor of a share or company
        figure, 1 plain (subject, object, market "für X"), 2 governed by a preposition or noun,
        None an agent or source ("laut X", "durch X")."""
        after = sentence[e:e + 30].lower()
        if after.startswith("-") and after[1:].startswith(self.share + self.measure):
            return 0
        before = sentence[clause_start:s]
        low = before.lower().rstrip()
        if any(low.endswith(a) and (len(low) == len(a) or not low[-len(a) - 1].isalnum()) for a in self.agents):
            return None
        toks = _WORD.findall(before)
        i = len(toks) - 1
        skipped_det = False
        while i >= 0:
            t = toks[i]
            tl = t.lower()
            if tl in _DETS:
                skipped_det = True
                i -= 1
                continue
            if t[:1].islower() and tl not in self.preps and tl not in ("von", "vom") and not tl.isdigit() \
                    and tl not in ("und", "oder", "sowie", "mit"):
                if tl.endswith(("e", "en", "er", "es", "em")) and len(tl) > 3:     # an adjective
                    i -= 1
                    continue
                break
            if t[:1].isupper() and skipped_det and tl.startswith(self.share + self.measure):
                return 0                               # "die Aktien der Commerzbank"
            if t[:1].isupper() and self.is_head(t):
                i -= 1                                 # an apposition: "des Chipherstellers Infineon"
                continue
            if tl in ("von", "vom"):
                prev = toks[i - 1].lower() if i > 0 else ""
                if prev.startswith(self.share + self.measure):
                    return 0                           # "die Aktie von X", "der Umsatz von X"
                return 2
            if t[:1].isupper() and skipped_det:
                return 2                               # a genitive attribute: "an der Spitze des Dax"
            if tl in self.market_preps and move:
                return 1
            if tl in self.preps:
                return 2
            break
        return 1

    def is_head(self, word: str) -> bool:
        """A noun that refers to an organisation: "Konzern", "Windturbinenherstellers"."""
        w = word.lower()
        return any(w.endswith(h) or (w.endswith(h + x) and len(w) > len(h)) for h in self.heads
                   for x in ("s", "es", "n", "en"))

    def references(self, sentence: str, a: int, b: int):
        """Explicit references ("der Konzern") in sentence[a:b], as (start, end, head)."""
        return [(m.start(), m.end(), m.group("h").lower()) for m in self.re_reference.finditer(sentence, a, b)
                if self.is_head(m.group("h"))]

    def implicit(self, sentence: str, a: int, b: int):
        """Share and company-figure nouns without a named possessor ("die Aktie", "der Umsatz")."""
        return [(m.start(), m.end(), m.group("h").lower()) for m in self.re_implicit.finditer(sentence, a, b)]


@functools.cache
def grammar(lang: str = "de") -> Grammar:
    return Grammar(lang)


def owner(orgs: ArticleOrgs, sent_start: int, sent_end: int, fig_start: int, fig_end: int,
          sentence: str | None = None, move: bool = False) -> Owner | None:
    """The owner of the figure at article offsets [fig_start, fig_end) in the sentence at
    [sent_start, sent_end) (``sentence``: its text, when ``orgs`` has no article text).

    ``move``: the figure is a stock move (an index is then the owner only when no share is named).
    """
    g = grammar()
    s = sentence if sentence is not None else orgs.text[sent_start:sent_end]
    pos, end = fig_start - sent_start, fig_end - sent_start
    named = [o for o in orgs.in_span(sent_start, sent_start + len(s)) if o.text not in g.not_owners]
    cs, ce, ls, le = g.clauses(s, pos)

    def ranked(a, b):
        out = []
        for o in named:
            os_, oe = o.start - sent_start, o.end - sent_start
            if not (a <= os_ and oe <= b) or (os_ < end and pos < oe):
                continue
            r = g.role(s, os_, oe, a, move)
            if r is None:
                continue
            if move and o.type in ("index", "currency"):
                r += 0.5
            out.append((r, o))
        return out

    def pick(cands, before_first=True):
        if not cands:
            return None
        best = min(r for r, _ in cands)
        top = [o for r, o in cands if r == best]
        bef = [o for o in top if o.end - sent_start <= pos]
        if bef:
            return bef[-1]
        return top[0]

    def named_owner(o: Org) -> Owner:
        return Owner(o.name, o.text, o.start, o.end, o.source)

    # 1. the list part, then the clause of the figure
    for a, b in ((ls, le), (cs, ce)):
        o = pick(ranked(a, b))
        if o:
            return named_owner(o)
        refs = [r for r in g.references(s, a, b) if r[1] <= pos or r[0] >= end]
        if refs:
            return _resolve(orgs, refs[-1] if refs[-1][1] <= pos else refs[0], sent_start, s)
    # 2. the sentence before the figure (an earlier list item: "Adidas (minus 2,1 Prozent)")
    before = [(r, o) for r, o in ranked(0, pos) if r < 2]
    if before:
        return named_owner(pick(before))
    refs = g.references(s, 0, pos)
    if refs:
        return _resolve(orgs, refs[-1], sent_start, s)
    after = [(r, o) for r, o in ranked(end, len(s)) if r < 2]
    if after:
        return named_owner(min(after, key=lambda x: (x[0], x[1].start))[1])
    # 3. a share or company figure without a possessor ("die Aktie", "der Umsatz") refers back
    imp = g.implicit(s, cs, ce) or g.implicit(s, 0, len(s))
    if imp:
        return _resolve(orgs, imp[0], sent_start, s)
    return None


def _resolve(orgs: ArticleOrgs, ref: tuple[int, int, str], sent_start: int, s: str) -> Owner | None:
    """What a reference at s[ref[0]:ref[1]] stands for: the last organisation of a fitting kind
    named before it (in the article), else the article's main organisation."""
    g = grammar()
    a, b, head = ref
    at = sent_start + a
    want_index = head.startswith(g.index_heads) or any(head.endswith(h) for h in g.index_heads)
    prior = [o for o in orgs.orgs if o.end <= at]
    fitting = []
    for o in prior:
        if o.text in g.not_owners:
            continue
        if want_index != (o.type == "index"):
            continue
        if o.type == "currency":
            continue
        where = o.start - sent_start
        if 0 <= where < len(s) and g.role(s, where, o.end - sent_start, 0) is None:
            continue                                    # "laut Goldman Sachs": a source, not a topic
        fitting.append(o)
    if head.startswith("bank") or head.endswith("bank"):
        banks = [o for o in fitting if "bank" in o.name.lower() or o.type == "bank"]
        fitting = banks or fitting
    words = s[a:b]
    strong = [o for o in fitting if not o.weak]
    if strong:
        o = strong[-1]
        return Owner(o.name, words, at, sent_start + b, "reference")
    m = orgs.main()
    if m is not None and not m.weak and not want_index:
        return Owner(m.name, words, at, sent_start + b, "reference")
    if fitting:
        o = fitting[-1]
        return Owner(o.name, words, at, sent_start + b, "reference")
    if m is not None and not want_index:
        return Owner(m.name, words, at, sent_start + b, "reference")
    return None
