"""Organisations and market indices named in German text, with offsets and canonical names.

Three sources, in this order (an earlier source claims its span, a later one fills the gaps):

1. the gazetteer: ``explore/lang/de/companies.csv`` (name, aliases, type) and the market indices in
   ``explore/lang/de/indices.toml``;
2. the trained NER model shipped in ``explore/models/ner_de`` (its ORG spans; loaded once, lazily);
3. legal-form and market patterns: a capitalised name before "AG", "SE", "GmbH", "Inc.", "plc",
   "-Aktie", ... or after "Aktien von", "Konzern", ... (``[attribute.organisations]`` in vocab.toml).

Canonical names are the gazetteer's, else the name as written without legal form and genitive s.
:func:`resolve_aliases` then works on a whole article: "Landesbank Baden-Württemberg (LBBW)"
makes "LBBW" the same entity, and "Telekom" after "Deutsche Telekom" is "Deutsche Telekom".

>>> [(o.text, o.name, o.type, o.source) for o in organisations("Der DAX fiel, die Siemens AG stieg.", model=False)]
[('DAX', 'DAX', 'index', 'gazetteer'), ('Siemens AG', 'Siemens', 'company', 'gazetteer')]
>>> [o.name for o in organisations("Die Papiere der Musterwerke GmbH legten zu.", model=False)]
['Musterwerke']
"""
from __future__ import annotations

import csv
import functools
import re
import threading
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Iterable

from .lang import vocabulary

DEFAULT_GAZETTEER = Path(__file__).resolve().parent / "lang" / "de" / "companies.csv"
MODEL_DIR = Path(__file__).resolve().parent / "models" / "ner_de"
_CAP = r"[A-ZÄÖÜ][\w.&’'äöüß]*[\wäöüß]"
_GENITIVE = re.compile(r"(?:’s|'s|’|')$")
_BODY_NOUNS = ("kommission", "parlament", "rat", "gericht", "ministerium", "agentur", "partei", "fraktion", "armee")
_ACRONYM_COMPOUND = re.compile(r"[A-ZÄÖÜ0-9]{2,6}-(?P<n>[A-ZÄÖÜ][a-zäöüß]+)")     # "EBIT-Rendite"


# a number right before a name in lower case ("5 dm"): the name is a unit
_DIGIT_BEFORE = re.compile(r"\d\s?$")


@dataclass(frozen=True)
class Organisation:
    """One mention of an organisation or index: ``text == source_text[start:end]``."""
    start: int
    end: int
    text: str        # the name as written
    name: str        # canonical: the gazetteer's name, else the written name without legal form / genitive s
    type: str        # company, index, organisation, fund, currency, ...
    source: str      # gazetteer, model, pattern, alias


def read_gazetteer(*paths) -> dict[str, tuple[str, str]]:
    """alias -> (canonical name, type) from CSV files with columns name, aliases (|-separated), type."""
    table: dict[str, tuple[str, str]] = {}
    for path in paths or (DEFAULT_GAZETTEER,):
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such gazetteer file (a CSV with columns name, aliases, type)")
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), 2):
                if not (row.get("name") or "").strip():
                    raise ValueError(f"{path}, row {n}: the column 'name' is empty")
                name = row["name"].strip()
                for alias in [name] + [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]:
                    table[alias] = (name, (row.get("type") or "company").strip())
    return table


@functools.cache
def read_indices(lang: str = "de") -> dict[str, tuple[str, str]]:
    """alias -> (canonical name, "index") from ``explore/lang/<lang>/indices.toml``."""
    data = tomllib.loads(resources.files("explore.lang").joinpath(lang, "indices.toml").read_text("utf-8"))
    table = {}
    for i, entry in enumerate(data["index"], 1):
        if "name" not in entry:
            raise ValueError(f"explore/lang/{lang}/indices.toml, index #{i}: no 'name'")
        for alias in [entry["name"]] + list(entry.get("aliases", [])):
            table[alias] = (entry["name"], "index")
    return table


def gazetteer_names() -> dict[str, str]:
    """Names for the model's lexicon feature: gazetteer aliases -> "G", indices -> "I", legal forms -> "L"."""
    out = {a: "G" for a in read_gazetteer()}
    out.update({a: "I" for a in read_indices()})
    out.update({w: "L" for w in vocabulary("de")["attribute"]["organisations"]["suffix_words"]})
    return out


# words before a listed name that is also a common noun which make it the noun: "im Verbund", "einem Verbund",
# "dem genossenschaftlichen Verbund" (not "der Stromkonzern Verbund", "Aktien des Verbund")
_NOUN_DETERMINER = r"(?i:im|ein|eine[mnrs]?|zum|vom|beim|unser\w*|sein\w*|ihr\w*|kein\w*|dies\w*|jede[mnrs]?)"
_NOUN_BEFORE = re.compile(r"(?<![\wäöüß])(?:" + _NOUN_DETERMINER + r"|(?:" + _NOUN_DETERMINER
                          + r"|(?i:der|die|das|dem|den|des))\s+[a-zäöüß]+(?:e|en|em|er|es))\s+$")


class Recognizer:
    """Gazetteer, model and patterns compiled once; see the module docstring."""

    def __init__(self, gazetteer: dict[str, tuple[str, str]] | None = None, lang: str = "de",
                 indices: bool = True):
        table = dict(read_indices(lang)) if indices else {}
        table.update(read_gazetteer() if gazetteer is None else gazetteer)
        self.gazetteer = table
        o = vocabulary(lang)["attribute"]["organisations"]
        self.legal_forms = tuple(sorted(o["suffix_words"], key=len, reverse=True))
        self.not_names = set(o["not_names"])
        self.name_adjectives = set(o["name_adjectives"])
        self.not_orgs = set(o.get("not_organisations", []))
        self.common_noun_names = set(o.get("common_noun_names", []))
        self.division_words = frozenset(o["division_words"])
        self.re_sector_compound = re.compile(
            "(?P<w>" + "|".join(map(re.escape, o["sector_words"])) + ")-(?:"
            + "|".join(map(re.escape, o["sector_company_nouns"])) + ")")
        aliases = sorted(self.gazetteer, key=len, reverse=True)
        legal = "|".join(map(re.escape, self.legal_forms))
        self.re_known = re.compile(
            r"(?<![\w-])(?P<n>" + "|".join(re.escape(a).replace("\\ ", "[ -]") for a in aliases)   # "Siemens-Energy-Aktie"
            + r")(?:s\b|’s|'s)?(?![\wäöüß])"
            + r"(?P<l>(?:[ ](?:" + legal + r")(?![\w]))+)?") if aliases else None   # "GmbH & Co. KGaA": forms in a row
        # names written in capitals, as ad-hoc releases and company briefs do ("HEIDELBERG MATERIALS:")
        self.caps = {a.upper(): v for a, v in self.gazetteer.items() if len(a) >= 4 and a.upper() != a}
        self.re_caps = re.compile(r"(?<![\w-])(?P<n>" + "|".join(re.escape(a) for a in sorted(self.caps, key=len, reverse=True))
                                  + r")(?![\wäöüß])") if self.caps else None
        name = rf"(?P<n>{_CAP}(?:[ ]{_CAP}){{0,2}})"
        self.re_org = re.compile(
            r"(?<![\w-])" + name + r"(?:-(?:" + "|".join(map(re.escape, o["suffix_hyphen"])) + r")\b|[ ](?P<l>"
            + legal + r")(?![\w]))"
            + r"|(?:" + "|".join(map(re.escape, o["prefix_words"])) + r")[ ](?P<p>" + _CAP + r")"
            # not the first word of a name with its legal form ("Hersteller Research In Motion Ltd.")
            + r"(?![\w])(?!(?:[ ]" + _CAP + r"){1,2}[ ](?:" + legal + r")(?![\w]))")
        self.re_legal_end = re.compile(r"(?:[ ,]+(?:" + legal + r"))+$")
        self.public_prefixes = set(o["public_prefixes"])
        self.re_public = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, o["public_prefixes"]))
                                    + r")[ ]" + _CAP + r"(?:-" + _CAP + r")?(?:[ ][A-ZÄÖÜ]{2,5})?(?![\w-])")
        verbs = tomllib.loads(resources.files("explore.lang").joinpath(lang, "orgs.toml").read_text("utf-8"))
        self.re_subject = re.compile(r"(?:^|[,;:.!?]\s+|\bund\s+|\bsowie\s+)(?P<s>" + _CAP + r"(?:[ ]" + _CAP + r")?)"
                                     r"\s+(?:" + "|".join(map(re.escape, verbs["share_move"]["verbs"])) + r")\b")
        self.lexicon = None               # set from the model's word list when there is one
        self._seen: dict[tuple[str, bool], list[Organisation]] = {}

    # --- one text ---------------------------------------------------------------------------
    def find(self, text: str, model: bool = True, ents=None) -> list[Organisation]:
        """Organisations of one text (``ents``: the model's ORG spans, when already computed)."""
        key = (text, model)
        hit = self._seen.get(key) if ents is None else None
        if hit is not None:
            return hit
        found: list[Organisation] = []
        # the source of a dateline ("Flensburg (Autoticker Nord) - ...", "BERLIN (dpa) -") reports the
        # article; it is no organisation of its figures
        taken: list[tuple[int, int]] = [m.span("src") for m in _DATELINE_SOURCE.finditer(text, 0, 2000)]

        def free(s, e):
            return not any(a < e and s < b for a, b in taken)

        def claim(s, e, replaceable):
            """Take [s, e) as a company's name, over the ``replaceable`` names found inside it (when nothing
            else overlaps it), if it is still free."""
            nonlocal found, taken
            inner = [o for o in found if replaceable(o) and s <= o.start and o.end <= e]
            if inner and all(s <= a and b <= e for a, b in taken if a < e and s < b):
                found = [o for o in found if o not in inner]
                taken = [(a, b) for a, b in taken if not (s <= a and b <= e)]
            if free(s, e):
                found.append(Organisation(s, e, text[s:e], text[s:e], "company", "pattern"))
                taken.append((s, e))

        if self.re_known:
            for m in self.re_known.finditer(text):
                name, typ = self.gazetteer.get(m.group("n")) or self.gazetteer[m.group("n").replace("-", " ")]
                if typ == "index" and m.group("l"):
                    continue                  # "Dow Inc.": a company with a legal form, not the index
                if (m.group("n") in self.common_noun_names or name in self.common_noun_names) \
                        and _NOUN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                    continue                  # "im Verbund mit", "der genossenschaftliche Verbund", "außerhalb seines
                    #                           Verbunds": the noun
                if m.group("n").islower() and _DIGIT_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                    continue                  # "5 dm": a unit after a number, not the company "dm"
                e = m.end("l") if m.group("l") else m.end()
                longer = _SUBSIDIARY_NAME.match(text, e) if not m.group("l") and typ != "index" \
                    and (_subsidiary_before().search(text, max(0, m.start() - 40), m.start())
                         or _IN_BRAND_LIST.search(text, max(0, m.start() - 100), m.start())) else None
                if longer:                    # "die Wartungstochter Lufthansa Technik": the subsidiary's name
                    e = longer.end()
                    name = self.canonical(text[m.start():e])
                country = _COUNTRY_AFTER.match(text, e) if typ == "company" and not m.group("l") else None
                if country:                   # "ING Deutschland", "Allianz Österreich": the country subsidiary;
                    #                           "Aldi Süd": one of the two
                    e = country.end("c")
                    name = f"{name} {country.group('c')}"
                found.append(Organisation(m.start(), e, text[m.start():e], name, typ, "gazetteer"))
                taken.append((m.start(), e))
        if self.re_caps and _CAPS_RUN.search(text):
            for m in self.re_caps.finditer(text):
                if free(m.start(), m.end()):
                    name, typ = self.caps[m.group("n")]
                    e = m.end()
                    half = _CAPS_COUNTRY_AFTER.match(text, e) if typ == "company" else None
                    if half:                  # "ALDI SÜD:", "ING DEUTSCHLAND:" in a digest's label
                        e, name = half.end("c"), f"{name} {half.group('c').capitalize()}"
                    found.append(Organisation(m.start(), e, text[m.start():e], name, typ, "gazetteer"))
                    taken.append((m.start(), e))
        if model:
            if ents is None:
                ents = model_spans([text])[0]
            for s, e in ents:
                s, e = self._trim(text, s, e)
                if e <= s:
                    continue
                inner = [o for o in found if s <= o.start and o.end <= e]
                if inner and (e - s) > (inner[0].end - inner[0].start) and self._extends(text, s, e, inner):
                    # a longer name that begins with a listed one ("Alibaba Health"): the longer name wins
                    found = [o for o in found if o not in inner]
                    taken = [(a, b) for a, b in taken if not (s <= a and b <= e)]
                if free(s, e) and text[s:e] not in self.not_orgs and text[s:e].strip(".").upper() not in _CAPS_LEGAL \
                        and not self._common_after_preposition(text, s, e) \
                        and not self._acronym_compound(text[s:e]) \
                        and not all(shouted_common(w) for w in text[s:e].split()):
                    written = text[s:e]
                    found.append(Organisation(s, e, written, self.canonical(written), "organisation", "model"))
                    taken.append((s, e))
        for m in self.re_org.finditer(text):
            g = "n" if m.group("n") else "p"
            s, e = m.start(g), m.end(g)
            words = m.group(g).split()
            while words and (words[0] in self.not_names or len(words) > 1 and (_descriptor(words[0], words[1])
                                                                                or _function_word(words[0]))):
                s += len(words[0]) + 1
                words = words[1:]
            if not words or (len(words) == 1 and self._common(words[0])
                             and not (g == "p" and _SHARES_OF.search(text, max(0, s - 20), s) and town_adjective(words[0]))):
                continue                                   # (but "die Papiere von Basler": a company, no town's people)
            if g == "p" and len(words) == 1 and _REFERENCE_BEFORE.search(text, max(0, s - 30), s) \
                    and self._common_compound(words[0]) and not _proper(words[0]):
                continue                                   # "plant die Bank Aktienrückkäufe": the object, no name
            if g == "n" and m.group("l") and m.group("l").lower() in _COMMON_SUFFIXES \
                    and _ARTICLE_BEFORE.search(text, 0, s) \
                    and (len(words) == 1 and town_adjective(words[0])
                         or len(words) == 2 and words[0] in ("Bad", "St.", "Sankt") and words[1].endswith("er")):
                continue                                   # "der Kilchberger Konzern", "das Bad Vilbeler Unternehmen":
                #                                            a reference by its town
            e = s + len(" ".join(words))
            if g == "p":
                e = self._continue(text, e)            # "der Konkurrent Hallstein Robotics"
            if g == "n" and m.group("l"):
                e = m.end("l")
                inner = [o for o in found if o.source == "model" and s <= o.start and o.end <= e]
                if inner:                 # a name with its legal form outranks a model span inside it
                    found = [o for o in found if o not in inner]
                    taken = [(a, b) for a, b in taken if not (s <= a and b <= e)]
            if not free(s, e):
                continue
            written = text[s:e]
            typ = "company" if g == "n" and m.group("l") else "organisation"
            found.append(Organisation(s, e, written, self.canonical(written), typ, "pattern"))
            taken.append((s, e))
        for m in self.re_public.finditer(text):         # "die Stadt Wien investiert ...": a public body
            s, e = m.span()
            more = _PLACE_GOES_ON.match(text, e)
            if more and "T" in self._classes(more.group(1)):
                e = more.end()                           # "Landkreis Neumarkt in der Oberpfalz"
            if free(s, e):
                found.append(Organisation(s, e, text[s:e], text[s:e], "organisation", "pattern"))
                taken.append((s, e))
            else:                                        # the model's "Wien" inside it: the whole body
                inner = [o for o in found if o.source == "model" and s <= o.start and o.end <= e]
                if inner and all(s <= a and b <= e for a, b in taken if a < e and s < b):
                    found = [o for o in found if o not in inner]
                    taken = [(a, b) for a, b in taken if not (s <= a and b <= e)]
                    found.append(Organisation(s, e, text[s:e], text[s:e], "organisation", "pattern"))
                    taken.append((s, e))
        for m in _REGIONAL_NAME.finditer(text):         # "die Zuger Kantonalbank", "die St. Galler Kantonalbank"
            s, e = m.span()
            if m.group("fair") and "T" not in self._classes(m.group("fair")):
                continue                                 # (not "die Messe Ifat": a fair, no town)
            more = _PLACE_GOES_ON.match(text, e)
            if more and "T" in self._classes(more.group(1)):
                e = more.end()                           # "Ostsächsische Sparkasse Dresden"
            claim(s, e, lambda o: o.source == "model")
        for m in _FOUNDER_NAME.finditer(text):          # "die Maschinenfabrik Bernard Krone"
            s, e = m.span()
            first, last = m.group().split()[1:]
            if set("NT") & set(self._classes(first)) or "T" in self._classes(last):
                continue                                 # (not "die Brauerei Veltins Mitte Mai", "Spedition X Deutschland")
            claim(s, e, lambda o: o.source != "gazetteer")
        for m in _DISTRICT.finditer(text):              # "der Wartburgkreis", "der Rhein-Sieg-Kreis"
            s, e = m.span()
            stem = m.group("x").rstrip("-")
            if free(s, e) and not self._common(stem) and not self._common(stem[:-1] if stem.endswith("s") else stem):
                found.append(Organisation(s, e, m.group(), m.group(), "organisation", "pattern"))
                taken.append((s, e))
        for m in self.re_subject.finditer(text):
            s, e = m.span("s")
            words = m.group("s").split()
            if words[0] in self.not_names or any(self._common(w) or self._common_compound(w) for w in words) \
                    or not free(s, e) \
                    or len(words) == 1 and (_plain(words[0]) or _participle(words[0])
                                            or m.group(0).lstrip(" ,;:.!?").startswith(("und", "sowie"))
                                            and _known_noun(words[0])) \
                    or m.group(0).lstrip(" ,;:.!?").startswith(("und", "sowie")) \
                    and _owner().governed_pair(text, m.start()) \
                    or _TRUNCATED_BEFORE.search(text, max(0, m.start("s") - 12), m.start("s")):
                continue                    # "Zuletzt sank der Umsatz", "Flächenbereinigt legten die Erlöse",
                #                             "Die Erzeugung aus Wind und Sonne legte ... zu", "Der Umsatz der
                #                             Mutter von MediaMarkt und Saturn stieg": no subject; "in Nord- und
                #                             Südamerika sank er": the second part of a truncated pair
            written = text[s:e]
            found.append(Organisation(s, e, written, self.canonical(written), "organisation", "pattern"))
            taken.append((s, e))
        # "reine Batteriefahrzeuge (BEV)": an abbreviation in parentheses after a common noun is that noun's
        ends = {o.end for o in found}
        found = [o for o in found if o.source == "gazetteer" or o.start - 2 in ends or o.start - 1 in ends
                 or not self._abbreviates_noun(text, o)]
        found.sort(key=lambda o: (o.start, -o.end))
        if ents is None or model is False:
            if len(self._seen) > 50_000:
                self._seen.clear()
            self._seen[key] = found
        return found

    def _words(self):
        """The model's word list, loaded on first use."""
        if self.lexicon is None:
            self.lexicon = lexicon()
        return self.lexicon

    def _classes(self, word: str) -> str:
        """The word classes of the model's word list ("V" a first name, "T" a place, ...)."""
        return self._words().classes(word)

    def _abbreviates_noun(self, text: str, o) -> bool:
        """"reine Batteriefahrzeuge (BEV)": an all-caps short form in parentheses right after a common
        noun (HanTa's or the model's word list) abbreviates that noun."""
        if not (o.text.isupper() and len(o.text) <= 5 and text[o.start - 1:o.start] == "("
                and text[o.end:o.end + 1] == ")"):
            return False
        before = text[max(0, o.start - 40):o.start - 1].split()
        if not before:
            return False
        from .owner import tag_word
        word = before[-1].strip(",;:")
        if not word.isalpha():
            return False
        tags = tag_word(word)
        return self._common(word) or bool(tags) and tags[0][0] == "NN"

    def _acronym_compound(self, written: str) -> bool:
        """An acronym joined to a common noun that names no organisation ("EBIT-Rendite", "KI-Anwendungen";
        not "EU-Kommission", "US-Notenbank")."""
        from .owner import _org_noun, grammar          # owner imports this module
        m = _ACRONYM_COMPOUND.fullmatch(written)
        if not m or not self._common(m.group("n")):
            return False
        noun = m.group("n").lower()
        return not (_org_noun(noun) or grammar().is_head(noun) or noun.endswith(grammar().authorities)
                    or noun.endswith(_BODY_NOUNS))

    def _common_compound(self, word: str) -> bool:
        """A compound whose last part is a common noun that names no company ("Unfallgeschäft"; not
        "Commerzbank", "Stahlwerk")."""
        from .owner import _org_noun
        head = self._words().head(word)
        return bool(head) and head != word and self._common(head) and not _org_noun(word)

    def _common(self, word: str) -> bool:
        """A common German noun (the model's word list), never a name on its own."""
        return self._words().is_common_noun(_GENITIVE.sub("", word))

    def _trim(self, text: str, s: int, e: int) -> tuple[int, int]:
        """Drop leading words that are never names ("Die", "Laut") from a model span, but not an
        adjective that begins the name ("Deutsche Börse"), and a last word that is only a common
        noun after a name of two or more words ("Deutsche Bank Stellen abbaut"). A span that begins
        after the name's first word, right after a business noun, begins with it ("Der Privatsender
        Kanal Nord": "Nord" alone is the model's)."""
        from .owner import _DETS, grammar   # owner imports this module
        m = _NAME_START_BEFORE.search(text, max(0, s - 40), s)
        if m and grammar().is_apposition_head(m.group("h")) and m.group("w") not in self.not_names:
            s = m.start("w")
        m = _BODY_FOR_BEFORE.search(text, max(0, s - 60), s)
        if m:
            s = m.start()                       # "Bundesanstalt für [Straßenwesen]": the body's whole name
        m = _REGION_ADJECTIVE_BEFORE.search(text, max(0, s - 40), s)
        if m and text[s:e].split(" ", 1)[0].lower().endswith(_REGIONAL_HEADS):
            s = m.start()                       # "[Ostsächsische] Sparkasse Dresden", "[Berliner] Volksbank": the
            #                                     adjective of a region or town begins a bank's or a utility's name
        while True:
            w = text[s:e].split(" ", 1)
            if len(w) == 2 and (w[0] in self.not_names and w[0] not in self.name_adjectives
                                or _function_word(w[0])           # "Beim", "Über"
                                or _descriptor(w[0], w[1])        # "Luxusauto-Hersteller Jaguar"
                                or self._kind_before_name(w[0], w[1])   # "Direktbank Lindenhof Bank"
                                or _WEB_DOMAIN.fullmatch(w[0]) and w[1][:1].isupper()):  # "site.com Bellevue Group"
                s += len(w[0]) + 1
            else:
                break
        words = text[s:e].split(" ")
        if len(words) == 2 and town_adjective(words[0]) and _company_noun(words[1]):
            return s, s                         # "Der Frankfurter Börsenbetreiber": a reference by its town, no name
        nxt = _NEXT_WORD.match(text, e)
        if len(words) == 2 and words[0] in ("Bad", "St.", "Sankt") and words[1].endswith("er") \
                and nxt and _company_noun(nxt.group(1)):
            return s, s                         # "das Bad Vilbeler Unternehmen": a reference by its town, no name
        if len(words) >= 3 and words[0].endswith("er") and words[0][:1].isupper() and (
                _descriptor(words[1], words[2]) or self._kind_before_name(words[1], " ".join(words[2:]))):
            s += len(words[0]) + len(words[1]) + 2   # "Wiener Ziegelherstellers Wienerberger", "Tiroler Hotelgruppe
            words = words[2:]                         # Bergquell Resorts": the name
        if len(words) >= 3 and words[0].isupper() and words[0].isalpha() and len(words[0]) > 1 \
                and "V" in self._classes(words[1]) and words[2][:1].isupper():   # (not an initial: "S. Mark Taper Foundation")
            e = s + len(words[0])               # "der BVB Jonas Hofmann": an acronym, then a person
        number = _NUMBER_IN_SPAN.search(text, s, e)
        if number and number.start() > s:
            e = number.start()                  # "Dun & Bradstreet 3.720 Firmenkonkurse": a count ends the name
        cut = text.find(" (", s, e)
        if cut > s and ")" not in text[cut:e]:
            e = cut                             # "Kombi-Massiv-Bau (KMB": the short form is no part of it
        m = _AMOUNT_IN_NAME.search(text, s, e + 20)
        if m and s < m.start() < e:
            e = m.start()                       # "Intel 30 Milliarden", "verdiente GF 151 Mio Fr.": the amount is no
            #                                     part of the name, whether the model's span ends in it or before its unit
        words = text[s:e].split(" ")
        shout = next((i for i, w in enumerate(words) if i and shouted_common(w.strip(".,:;"))), None)
        if shout is not None and not shouted_common(words[0]):   # "SMA ERWARTET NUN EINEN UMSATZ": an ad-hoc
            e = s + len(" ".join(words[:shout]))                # sentence in capitals after the name
            words = words[:shout]
        ends = grammar().preps | _DETS | {"und"}
        while len(words) > 1 and words[-1] in ends:
            e -= len(words.pop()) + 1           # "der Bank Nettoneugelder von 38 Mrd": no name ends in a function word
        if len(words) == 2 and words[1].endswith("s") and "T" in self._classes(words[1][:-1]) \
                and (self._common(words[0]) or words[0].lower().endswith(_NAME_HEADS)) \
                and _SUPERLATIVE_BEFORE.search(text, max(0, s - 30), s):
            return s, s                         # "die größte Sparkasse Deutschlands": a description, no name
        if len(words) == 2 and words[0].lower() in _PLAIN_REFERENCES and _ARTICLE_BEFORE.search(text, max(0, s - 8), s) \
                and (self._common(words[1]) or self._common_compound(words[1])) and not set("TG") & set(self._classes(words[1])):
            return s, s                         # "plant die Bank Aktienrückkäufe": a reference and its object
        if len(words) >= 2 and words[-1] in self.division_words:
            return s, s                         # "die Steel Division": a part of the company, no organisation
        if len(words) >= 3 and self._common(words[-1]) and text[e:e + 1] == " " and text[e + 1:e + 2].islower():
            e -= len(words.pop()) + 1
            while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
                e -= len(words.pop()) + 1       # "S. Mark Taper Foundation in [Höhe]": no function word at its end
        amp = _AMPERSAND_NAME.match(text, e - 1 if text[e - 1:e] == "&" else e)
        if amp:
            e = amp.end()                       # "Lenz &" of "Lenz & Söhne": the name goes on after "&"
        e = self._continue(text, e)
        first, dash, head = text[s:e].partition("-")
        if dash and " " not in text[s:e] and "-" not in head and (_company_noun(head) or _share_noun(head)):
            e = s + len(first)                  # "Der Daewoo-Mischkonzern", "die Roche-Genussscheine": the name
        m = self.re_sector_compound.match(text, s)
        if m and m.end("w") == e:
            return s, s                         # "Das Biotech-Unternehmen": a sector, no name
        # a legal form the model cut off in the middle ("... Polska Sp" of "Polska Sp. z o.o."): whole
        last = s + text[s:e].rfind(" ") + 1
        for form in self.legal_forms:
            if last < e < last + len(form) and text.startswith(form, last):
                return s, last + len(form)
        return s, e

    def _kind_before_name(self, word: str, rest: str) -> bool:
        """A compound that names a kind of bank or group ("Direktbank", "Hotelgruppe", "Privatbank") before
        a name of two or more words that names no place: no part of the name ("Direktbank Lindenhof
        Bank", "Privatbank Julius Bär"; but "Landesbank Baden-Württemberg", "Raiffeisenbank Region Kirchdorf")."""
        low = word.lower()
        head = next((h for h in ("bank", "gruppe", "holding") if low.endswith(h)), None)
        names = rest.split(" ")
        coded = len(names) == 1 and re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ\d]*\d[A-ZÄÖÜ\d]*|[A-ZÄÖÜ]{2,5}", names[0]) \
            and not low.endswith(("landesbank", "volksbank", "raiffeisenbank", "kantonalbank"))
        if head is None or len(low) - len(head) < 4 or len(names) < 2 and not coded \
                or not all(n[:1].isupper() for n in names):
            return False                # (a one-word name after it only in digits or capitals: "Smartphonebank N26")
        first = word[:len(word) - len(head)].rstrip("-s")
        from .owner import is_plain_word
        return ("N" in self._classes(first) or is_plain_word(first)) and not any("T" in self._classes(n) for n in names)

    def _common_after_preposition(self, text: str, s: int, e: int) -> bool:
        """A model span that is one common noun after a preposition with its article ("im Nahverkehr",
        "beim Handel"): a sector, no name."""
        return " " not in text[s:e] and self._common(text[s:e]) and bool(_PREPOSITION_ARTICLE.search(text, max(0, s - 8), s))

    def _continue(self, text: str, e: int) -> int:
        """The end of a span that stops before a word of its name ("Sun" of "Sun Microsystems"): a
        capitalised word right after it that names go on with ("Robotics", "Fertigungstechnik":
        ``name_continuations``), or that HanTa tags as a name or a foreign word, or does not know."""
        from .owner import tag_word, is_proper_noun     # owner imports this module

        def name_word(w: str) -> bool:
            tags = tag_word(w)
            if set(self._classes(w)) & set("VST"):
                return False                    # a first name, surname or place: "der BVB Jonas Hofmann"
            return is_proper_noun(w) or bool(tags) and tags[0][0] == "FM"
        from .owner import _continues_name, name_continuations
        cont = name_continuations()
        m = _NEXT_NAME_WORD.match(text, e)
        while m and m.group(1) not in self.not_names and (m.group(1) in cont or _continues_name(m.group(1), cont)
                                                          or not self._common(m.group(1)) and name_word(m.group(1))):
            e = m.end()
            m = _NEXT_NAME_WORD.match(text, e)
        return e

    def _extends(self, text: str, s: int, e: int, inner: list[Organisation]) -> bool:
        """The model span adds name words (not just a legal form) to the gazetteer name inside it."""
        from .owner import grammar          # owner imports this module
        rest = (text[s:inner[0].start] + " " + text[inner[-1].end:e]).strip(" -,")
        if rest.isupper() and all(w.strip(".,&") in _CAPS_LEGAL for w in rest.split() if w.strip(".,&")):
            return False                    # "HORNBACH HOLDING AG & CO. KGAA:" in a digest's label: the listed name
        after = text[inner[-1].end:e].split()
        if after and after[0][:1].islower() and after[0] not in _NAME_FUNCTION_WORDS:
            return False                    # "die Deutsche Bank bundesweit Dutzende Filialen": an adverb ends the name
        # common nouns, Swiss spellings ("Grossbank") and business nouns before it ("Investmentbank UBS") add no name
        return (bool(rest) and not self.re_legal_end.fullmatch(" " + rest) and rest not in self.legal_forms
                and not all(self._common(w) or self._common(w.replace("ss", "ß")) or grammar().is_head(w)
                            for w in rest.split()))

    def canonical(self, written: str) -> str:
        """The name without legal form and genitive s: "Siemens AG" -> "Siemens", "BASF’" -> "BASF"."""
        name = self.re_legal_end.sub("", written).strip(" ,-&") or written    # (not "Lindner &" of "Lindner & Co.")
        bare = _GENITIVE.sub("", name)
        if bare != name and not name.endswith(("’", "'")) and name not in self.gazetteer and bare not in self.gazetteer:
            bare = name                     # "Lowe's", "Macy's": an English name's own 's (a German genitive
        name = bare                         # takes none: "Apples Umsatz"; "Apple's" only of a known name)
        from .owner import is_proper_noun     # (owner imports this module)
        head = name.rsplit("-", 1)
        if len(head) == 2 and " " not in name and head[1].lower().endswith(("gruppe", "konzern", "holding")) \
                and len(head[0]) >= 3 and is_proper_noun(head[0].split("-")[0], known=True):
            name = head[0]                  # "Kinopolis-Gruppe", "Rheinmetall-Konzern": the name before the group word
            #                                 (not "L-Bank", "Raiffeisen-Landesbank": a bank's own name)
        known = self.gazetteer.get(name)
        if known and not (known[1] == "index" and name != written.strip()):     # "Dow Inc." is no index
            return known[0]
        first, _, rest = name.partition(" ")
        if rest and first.endswith("schen"):          # "Deutschen Bank" -> "Deutsche Bank"
            name = first[:-1] + " " + rest
        return name

    def legal_form(self, written: str) -> str | None:
        m = self.re_legal_end.search(written)
        return m.group(0).strip(" ,") if m else None


# a web address standing before a name (site chrome: "hugingroup.com Bellevue Group erwirbt ...")
# "& Söhne", "& Fils", "& Co.": a name goes on after its ampersand
# a public body, institute or association named by what it is for: "Bundesanstalt für Straßenwesen"
_BODY_FOR_BEFORE = re.compile(r"(?<![\wäöüß-])[A-ZÄÖÜ][\wäöüß-]*(?:anstalt|amt|agentur|institut|verband|ministerium|"
                              r"kammer|zentrale|stiftung|kommission|behörde|rat)(?:es|s)?\s+für\s+$")
_PREPOSITION_ARTICLE = re.compile(r"(?<![\wäöüß])(?:im|beim|vom|zum|am|ins)\s+$")
_AMPERSAND_NAME = re.compile(r" ?& [A-ZÄÖÜ][\wäöüß-]*\.?")
# a business noun, then one capitalised word right before a model span: "Der Privatsender Kanal [Nord]"
_NAME_START_BEFORE = re.compile(r"(?<![\wäöüß-])(?P<h>[A-ZÄÖÜ][\wäöüß-]*) (?P<w>[A-ZÄÖÜ][\wäöüß&.-]*) $")
# a capitalised adjective of a place right before a span ("Ostsächsische ", "Erzgebirgische ", "Hamburger ")
_REGION_ADJECTIVE_BEFORE = re.compile(r"(?<![\wäöüß-])[A-ZÄÖÜ][a-zäöüß-]{2,}(?:ische|er) $")
# a regional bank's or utility's name: a place's adjective and the institution ("Zuger Kantonalbank", "St. Galler
# Kantonalbank", "Aargauische Kantonalbank", "Erzgebirgische Sparkasse", "Berliner Volksbank")
_REGIONAL_NAME = re.compile(r"(?<![\wäöüß-])(?:(?:St\.|Sankt)\s+)?[A-ZÄÖÜ][a-zäöüß-]{2,}(?:er|ische|isches)\s+"
                            r"(?:Kantonalbank|Sparkasse|Kreissparkasse|Volksbank|Landesbank|Raiffeisenbank|Hypothekenbank|"
                            r"Stadtwerke|Verkehrsbetriebe|Kantonsspital|Messe)(?![\wäöüß-])"
                            # a trade-fair company of its town: "Messe München", "Landesmesse Stuttgart"
                            r"|(?<![\wäöüß-])(?:Landes)?[Mm]esse\s+(?P<fair>[A-ZÄÖÜ][a-zäöüß]+)(?![\wäöüß-])")
# a works named with its founder's name, as family firms are: "die Maschinenfabrik Bernard Krone", "das Fahrzeugwerk
# Bernard Krone", "das Bankhaus Max Flessa" (the whole is the company's name; one name after a trade noun is the name
# alone: "die Brauerei Veltins" is Veltins)
_FOUNDER_NAME = re.compile(r"(?<![\wäöüß-])(?:Maschinenfabrik|Fahrzeugwerke?|Landmaschinenfabrik|Bankhaus|Brauerei|"
                           r"Privatbrauerei|Spedition|Druckerei|Gießerei|Werkzeugbau|Möbelwerke?)\s+"
                           r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ][a-zäöüß]+(?![\wäöüß-])")
_REGIONAL_HEADS = ("sparkasse", "volksbank", "raiffeisenbank", "landesbank", "kantonalbank", "stadtwerke", "verkehrsbetriebe",
                   "verkehrsgesellschaft", "hochbahn", "wohnungsbaugesellschaft", "energieversorgung")
# a country after a company's name: its subsidiary there ("ING Deutschland"), not "in Deutschland"; and a half of a
# divided company ("Aldi Süd"); in capitals in a digest's label ("ALDI SÜD:")
_SUBSIDIARY_PLACES = ("Deutschland", "Österreich", "Schweiz", "Austria", "Germany", "Suisse", "Nord", "Süd")
_COUNTRY_AFTER = re.compile(r" (?P<c>" + "|".join(_SUBSIDIARY_PLACES) + r")(?![\wäöüß-])(?! (?:und|sowie|oder) )")
_CAPS_COUNTRY_AFTER = re.compile(r" (?P<c>" + "|".join(w.upper() for w in _SUBSIDIARY_PLACES) + r")(?![\wÄÖÜäöüß-])")
def _proper(word: str) -> bool:
    from .owner import is_proper_noun     # owner imports this module
    return is_proper_noun(word)


# the plain nouns that refer to a company named before ("die Bank", "der Konzern")
_PLAIN_REFERENCES = frozenset({"bank", "konzern", "gruppe", "versicherer", "holding", "unternehmen", "hersteller", "firma"})
_REFERENCE_BEFORE = re.compile(r"(?<![\wäöüß])(?:die|der|das|den|dem)\s+(?:"
                               + "|".join(w.capitalize() for w in sorted(_PLAIN_REFERENCES)) + r")\s+$")
# a superlative adjective ("größte", "wichtigsten"), and one after an article right before a name
SUPERLATIVE = r"[a-zäöüß]+(?:st|ßt)(?:e|en|er)"
_SUPERLATIVE_BEFORE = re.compile(r"(?<![\wäöüß])(?i:die|der|das|den|dem|des)\s+(?:[a-zäöüß]+\s+)?" + SUPERLATIVE + r"\s+$")
_NEXT_WORD = re.compile(r"\s+([\wäöüßÄÖÜ-]+)")
_SHARES_OF = re.compile(r"(?:Aktien?|Papiere|Titel|Anteile|Anteilsscheine) von $")
_WEB_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:com|de|ch|at|net|org|eu|info|io|co\.uk)")

# a number with a scale word or a unit inside a model's span
_AMOUNT_IN_NAME = re.compile(r"\s\d[\d.,']*\s*(?:Mio|Mrd|Mia|Millionen|Milliarden|Million|Milliarde|Prozent|%|Euro|Dollar|"
                             r"Franken|Fr\.|CHF|EUR|USD|Yuan|Pfund)")


# a district named by its region: "Wartburgkreis", "Rhein-Sieg-Kreis" (not "Kundenkreis": a common noun)
_DISTRICT = re.compile(r"(?<![\w-])(?P<x>[A-ZÄÖÜ][\wäöüß]*(?:-[A-ZÄÖÜ][\wäöüß]*)*-?)(?:kreis|Kreis)(?![\wäöüß-])")


# a truncated first part of a pair ("Nord- und Südamerika"): the word after it is a compound like it
_TRUNCATED_BEFORE = re.compile(r"[\wäöüß]-\s+(?:und|oder|sowie|bis)\s+$")


def _owner():
    from . import owner              # owner imports this module: looked up at call time
    return owner


# the first item of a pair after a preposition ("der Mutter von MediaMarkt und Saturn stieg"): the second is
# governed by it too, no subject of the verb after it
GOVERNED_CONJUNCT = re.compile(r"(?<![\wäöüß])(?:von|vom|mit|bei|beim|für|aus|nach|zu|zum|zur|über|unter|gegen|durch|"
                                r"ohne|an|am|in|im|auf|gegenüber|hinter|neben|zwischen)\s+(?:(?:der|die|das|den|dem|des)\s+)?"
                                r"(?P<n>[A-ZÄÖÜ][\wäöüß&.-]*(?:\s+[A-ZÄÖÜ][\wäöüß&.-]*)?)\s*$")


def _subsidiary_before():
    """The words before a subsidiary's or brand's name ("die Wartungstochter ", "die Kernmarke "): the
    owner module's pattern, one for both."""
    from .owner import _SUBSIDIARY_BEFORE
    return _SUBSIDIARY_BEFORE


# a subsidiary or brand named by its parent's name and more words: "die Wartungstochter Lufthansa
# Technik", "die Kernmarke Lufthansa Airlines"
_SUBSIDIARY_NAME = re.compile(r"(?:[ ][A-ZÄÖÜ][\wäöüß&-]*[a-zäöüßA-Z]){1,2}(?![\wäöüß-])")
# a number inside a model's span that the name does not go on with: a grouped or decimal number, or one followed by
# more words ("Siemens Mobility 60 Züge")
_NUMBER_IN_SPAN = re.compile(r"[ ](?:\d{1,3}(?:\.\d{3})+|\d+,\d+)(?=[ ]|$)|[ ]\d+(?=[ ][A-ZÄÖÜa-zäöü])")
# a later item of a list of brands or subsidiaries: "mit den Marken TUI Cruises, Hapag-Lloyd Cruises und Marella"
_IN_BRAND_LIST = re.compile(r"(?:[Mm]arken|[Tt]öchter|[Tt]ochtergesellschaften|[Bb]eteiligungen)\s+"
                            r"(?:[A-ZÄÖÜ][\w&.-]*(?:[ ][A-ZÄÖÜ][\w&.-]*){0,2},?[ ])+(?:(?:und|sowie)[ ])?$")
# legal-form words that are also common nouns ("der Kilchberger Konzern")
_COMMON_SUFFIXES = ("konzern", "gruppe", "holding")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:der|die|das|des|dem|den)\s+$")
# endings of German, Austrian and Swiss town names, for towns too small for the word list
_TOWN_ENDS = ("berg", "burg", "dorf", "heim", "hausen", "feld", "stadt", "bach", "furt", "ingen", "hofen", "stein",
              "brück", "wald", "hagen", "born", "horst", "kirchen", "weiler", "wil", "see", "tal", "rode", "leben")


def town_adjective(word: str) -> bool:
    """A town's adjective in "-er" ("Kilchberger", "Düsseldorfer"): the town in the word list, or a
    town name's ending before "-er" (not a surname or first name that ends so: "Fischer", "Kärcher").

    >>> town_adjective("Kilchberger"), town_adjective("Kärcher"), town_adjective("Fischer")
    (True, False, False)
    """
    from .owner import _demonym
    from .profiles import _fold, known_town_adjectives
    if not (word.endswith("er") and word[:1].isupper() and word[1:].islower()):
        return False
    return _demonym(word) or word[:-2].lower().endswith(_TOWN_ENDS) and not set("SV") & set(lexicon().classes(word)) \
        or _fold(word) in known_town_adjectives()            # "Duderstädter": a seat the company list gives


def _known_noun(word: str) -> bool:
    """A word HanTa knows as a common noun, not as a name ("Sonne"; not "Vonovia", "Allianz" as names)."""
    from .owner import is_proper_noun, tag_word
    tags = tag_word(word)
    return bool(tags) and tags[0][0] == "NN" and tags[0][1] > -25 and not is_proper_noun(word)


def _company_noun(word: str) -> bool:
    """A noun for a kind of company that is no part of a name before it ("Mischkonzern", "Autobauer";
    not "Bank" or "Gruppe": "Raiffeisen-Gruppe" is a name)."""
    from .owner import grammar
    return grammar().is_head(word) and not word.lower().endswith(_NAME_HEADS)


def _share_noun(word: str) -> bool:
    """A noun for a company's shares ("Genussscheine", "Papiere"): no part of a name before it."""
    from .owner import vocab
    return word.lower() in vocab()["owner"]["share_nouns"]


# the words that join a place's name to the river or region it goes on with: "Neumarkt in der Oberpfalz",
# "Frankfurt am Main", "Rothenburg ob der Tauber" (also explore.stated_changes)
PLACE_LINKS = r"(?:am|an\s+der|in\s+der|im|ob\s+der)"
_PLACE_GOES_ON = re.compile(r"[ ]" + PLACE_LINKS + r"[ ]([A-ZÄÖÜ][\wäöüß-]*[\wäöüß])(?![\w-])")


# a word with a capital inside after two small letters or more ("PostFinance", "TeamViewer"): a name, but
# for the terms written so ("SaaS", "InsurTech"; not "WpHG": an abbreviation)
_CAMEL_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}[A-ZÄÖÜ][a-zäöüß]+(?:[A-ZÄÖÜ][a-zäöüß]+)*")
_CAMEL_TERM_ENDS = ("Tech", "Techs")


def camel_name(word: str) -> bool:
    """A name by its inner capital ("PostFinance"; not "WpHG", "FinTech").

    >>> camel_name("PostFinance"), camel_name("WpHG"), camel_name("FinTech"), camel_name("Post-Tochter")
    (True, False, False, False)
    """
    return bool(_CAMEL_NAME.fullmatch(word)) and not word.endswith(_CAMEL_TERM_ENDS)


_CAPS_RUN = re.compile(r"[A-ZÄÖÜ]{4}")
_CAPS_LEGAL = frozenset({"HOLDING", "AG", "SE", "CO", "KGAA", "GMBH", "INC", "PLC", "NV", "N.V", "SA", "S.A", "LTD", "GROUP",
                         "KG", "OHG", "CORP", "LIMITED"})
_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+[A-Za-z]*)(?![\wäöüß.-])")


_DATELINE_SOURCE = re.compile(r"(?m)^[ \t]*[A-ZÄÖÜ][\wäöüß.'/ -]{1,40}?[ \t]*\((?P<src>[^()\n]{2,40})\)[ \t]*[-–—][ \t]")


@functools.lru_cache(maxsize=20_000)
def _participle(word: str) -> bool:
    """A capitalised participle or adverb compound ("Flächenbereinigt", "Saisonbereinigt"): read as
    one by HanTa, and ending in one it knows well (not a name it only guesses at: "Hensoldt")."""
    from .owner import tag_word
    low = word.lower()
    tags = tag_word(low)
    if not tags or tags[0][0] not in ("VV(PP)", "ADJ(D)"):
        return False
    for i in range(3, len(low) - 5):
        tail, head = tag_word(low[i:]), tag_word(low[:i].rstrip("s"))
        if tail and head and tail[0][0] in ("VV(PP)", "ADJ(D)") and tail[0][1] > -15 and head[0][1] > -20:
            return True                  # "flächen|bereinigt": a word it knows before a participle it knows
    return False


def _plain(word: str) -> bool:
    from .owner import is_plain_word          # owner imports this module
    return is_plain_word(word)


# lower-case words that go on with a name ("Bank für Internationalen Zahlungsausgleich", "Banco de Sabadell")
_NAME_FUNCTION_WORDS = frozenset({"für", "der", "des", "und", "von", "de", "del", "la", "le", "du", "di", "van", "&", "zu",
                                  "am", "an", "im", "auf", "of", "the", "and", "y", "e"})


def _descriptor(word: str, nxt: str) -> bool:
    """A business noun before a name, no part of it: "Chemiekonzern" in "Chemiekonzern Dow Inc."
    (a compound, or "Konzern"/"Hersteller"; not "Bank" in "Bank Austria")."""
    from .owner import grammar
    low = word.lower()
    if "tochter" in low or low.endswith("gesellschaft") and len(low) > 14:
        return nxt[:1].isupper()        # "Tochtergesellschaft Oderwerk Polska", "Die Dachgesellschaft Porsche SE"
    if low.endswith(_NAME_HEADS):       # "Landesbank Baden-Württemberg", "Sparkasse KölnBonn": the name
        return False
    stem = low[:-1] if low.endswith(("ers", "erns", "ens")) else low    # genitive: "des Ziegelherstellers X"
    return nxt[:1].isupper() and grammar().is_head(word) and (
        stem in ("konzern", "unternehmen", "hersteller", "firma") or stem in grammar().heads   # "Logistiker"
        or any(stem.endswith(h) and len(stem) > len(h) + 2 for h in grammar().heads))


def _function_word(word: str) -> bool:
    """A capitalised preposition, article or conjunction, never a name's first word ("Beim", "Vom", "Über").

    >>> _function_word("Beim"), _function_word("Porsche")
    (True, False)
    """
    from .owner import tag_word
    return tag_word(word)[0][0] in _FUNCTION_TAGS


def shouted_common(word: str) -> bool:
    """A common word written in capitals, as ad-hoc headlines write whole sentences ("SENKT", "STELLENABBAU"):
    no name, nor part of one (but "DRUCKMASCHINEN" of a listed name is found as that name first).

    >>> shouted_common("STELLENABBAU"), shouted_common("SENKT"), shouted_common("HEIDELBERG"), shouted_common("DOSB")
    (True, True, False, False)
    """
    if len(word) < 4 or not word.isupper() or not word.isalpha():
        return False
    from .owner import name_continuations, tag_word
    tag, score = tag_word(word.capitalize())[0]
    return tag not in ("NE", "FM") and word.capitalize() not in name_continuations() \
        and (len(word) >= 6 or bool(score > -20))        # (a short word HanTa only guesses is an acronym: "DOSB")


_FUNCTION_TAGS = frozenset({"APPR", "APPRART", "ART", "KON", "KOUS", "PDAT", "PIAT", "PPOSAT", "PRELS", "PWAV", "PWS"})


# business nouns that begin names as often as they describe them
_NAME_HEADS = ("bank", "kasse", "gruppe", "group", "holding", "gesellschaft", "institut", "versicherung", "reederei",
               "verlag", "sender", "kette", "genossenschaft", "konsortium", "haus", "werke", "bahn", "börse", "post", "messe")


@functools.cache
def recognizer(gazetteer: tuple[str, ...] = ()) -> Recognizer:
    """A shared Recognizer for the default gazetteer plus any extra gazetteer CSV files."""
    return Recognizer(read_gazetteer(DEFAULT_GAZETTEER, *gazetteer))


# --- the model ----------------------------------------------------------------------------------
_lock = threading.Lock()


@functools.cache
def _load(path: str):
    from .ner import load
    return load(path)


def ner_model():
    """The shipped spaCy pipeline (loaded once), or None when the package has no model files."""
    if not (MODEL_DIR / "config.cfg").exists():
        return None
    with _lock:
        return _load(str(MODEL_DIR))


@functools.cache
def lexicon():
    """The model's word classes (common nouns, place and person names), read without spaCy."""
    from .ner.lexicon import Lexicon
    path = MODEL_DIR / "explore_lexicon" / "lexicon.tsv.gz"
    return Lexicon.from_bytes(path.read_bytes()) if path.exists() else Lexicon()


_SPANS: dict[str, list[tuple[int, int]]] = {}      # text -> the model's ORG spans (see model_spans)
_PERSONS: dict[str, list[tuple[int, int]]] = {}    # text -> its PER spans, from the same pass
_SPANS_CHARS = [0]
MAX_CACHED_CHARS = 50_000_000


def model_spans(texts: list[str], batch_size: int = 64) -> list[list[tuple[int, int]]]:
    """ORG character spans the model finds in each text (nlp.pipe, batched).

    Results are kept (up to ``MAX_CACHED_CHARS`` of text), so a caller can tag every sentence it will
    ask about in one batch first and the one-text calls after it cost nothing."""
    nlp = ner_model()
    if nlp is None:
        return [[] for _ in texts]
    found = {t: _SPANS[t] for t in dict.fromkeys(texts) if t in _SPANS}
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        size = sum(map(len, todo))
        if _SPANS_CHARS[0] + size > MAX_CACHED_CHARS:
            clear_model_cache()
        with _lock:
            for t, doc in zip(todo, nlp.pipe(todo, batch_size=batch_size)):     # one Doc at a time in memory
                found[t] = _SPANS[t] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
                _PERSONS[t] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        _SPANS_CHARS[0] += size
    return [found[t] for t in texts]


def person_spans(text: str) -> list[tuple[int, int]]:
    """PER character spans the model finds in ``text`` (kept from the pass of :func:`model_spans`)."""
    if text not in _PERSONS:
        model_spans([text])
    return _PERSONS.get(text, [])


def clear_model_cache() -> None:
    """Forget the model's spans and the recogniser's results (benchmarks measure the model cold)."""
    _SPANS.clear()
    _PERSONS.clear()
    _SPANS_CHARS[0] = 0
    recognizer()._seen.clear()


# --- public API ---------------------------------------------------------------------------------
def organisations(text: str, *, model: bool = True) -> list[Organisation]:
    """Organisations and indices named in ``text``, sorted by start (see the module docstring)."""
    return recognizer().find(text, model=model)


def organisations_many(texts: Iterable[str], *, model: bool | str = True) -> list[list[Organisation]]:
    """:func:`organisations` for many texts, the model run once over all of them with nlp.pipe.

    ``model="fallback"`` runs the model only on the texts where the gazetteer and the patterns find
    nothing (the cheap way to fill the gaps of a large corpus)."""
    texts = list(texts)
    rec = recognizer()
    if not model:
        return [rec.find(t, model=False) for t in texts]
    out = [rec.find(t, model=False) for t in texts] if model == "fallback" else [[] for _ in texts]
    todo = [i for i, found in enumerate(out) if not found] if model == "fallback" else list(range(len(texts)))
    spans = model_spans([texts[i] for i in todo])
    for i, s in zip(todo, spans):
        out[i] = rec.find(texts[i], model=True, ents=s)
    return out


_SHORT_FORM = re.compile(r"\s*\(\s*(?P<a>[A-ZÄÖÜ][\w&.-]{1,14})\s*\)")


def resolve_aliases(mentions: list[Organisation], text: str) -> list[Organisation]:
    """One article's mentions with names resolved across it.

    - "Landesbank Baden-Württemberg (LBBW)": the short form in brackets is the same entity, here
      and wherever the article repeats it (found again by search when no source found it);
    - a later mention whose words are a run of an earlier, longer name ("Telekom" after
      "Deutsche Telekom") takes the longer name, unless two different longer names fit or it is
      written with a legal form ("Carl Zeiss AG" after "Carl Zeiss Meditec");
    - when the article names two companies that differ only in legal form ("Porsche SE",
      "Porsche AG"), their names keep the legal form.

    >>> t = "Die Landesbank Baden-Württemberg (LBBW) und die Deutsche Telekom. Die LBBW kauft, Telekom verkauft."
    >>> ms = [Organisation(4, 32, "Landesbank Baden-Württemberg", "Landesbank Baden-Württemberg", "organisation", "model"),
    ...       Organisation(52, 68, "Deutsche Telekom", "Deutsche Telekom", "company", "model"),
    ...       Organisation(84, 91, "Telekom", "Telekom", "organisation", "model")]
    >>> [(o.text, o.name, o.source) for o in resolve_aliases(ms, t)]   # doctest: +NORMALIZE_WHITESPACE
    [('Landesbank Baden-Württemberg', 'Landesbank Baden-Württemberg', 'model'), ('LBBW', 'Landesbank Baden-Württemberg', 'alias'),
     ('Deutsche Telekom', 'Deutsche Telekom', 'model'), ('LBBW', 'Landesbank Baden-Württemberg', 'alias'),
     ('Telekom', 'Deutsche Telekom', 'model')]
    """
    ms = keep_legal_forms(sorted(mentions, key=lambda o: (o.start, -o.end)))
    # short forms in brackets
    alias: dict[str, str] = {}
    for o in ms:
        m = _SHORT_FORM.match(text, o.end)
        if m and m.group("a") != o.name and len(m.group("a")) < len(o.name):
            alias[m.group("a")] = o.name
    out = []
    taken = [(o.start, o.end) for o in ms]
    for a, full in alias.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(a) + r"(?:s\b)?(?![\w])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(Organisation(m.start(), m.end(), m.group(0), full, "organisation", "alias"))
                taken.append((m.start(), m.end()))
    ms = [replace(o, name=alias[o.name]) if o.name in alias else o for o in ms]
    for a, b, word, name, _ in first_word_mentions(first_words(ms), text):
        if not any(s < b and a < e for s, e in taken):             # "Die Erste hatte" after "Erste Group"
            out.append(Organisation(a, b, word, name, "company", "alias"))
            taken.append((a, b))
    # later short mentions of longer names
    seen: list[str] = []
    resolved = []
    rec = recognizer()
    for o in sorted(ms + out, key=lambda o: (o.start, -o.end)):
        words = o.name.split()
        # "Carl Zeiss AG" after "Carl Zeiss Meditec", "Allianz" after "Allianz Global Investors": a name of its own
        own = bool(rec.legal_form(o.text)) or o.source == "gazetteer"
        fits = set() if own else {full for full in seen if full != o.name and _is_run(words, full.split())}
        base = o.name[:-1] if o.name.endswith("s") else None       # genitive "Telekoms"
        if not fits and base and not own:
            fits = {full for full in seen if full == base or _is_run(base.split(), full.split())}
        if len(fits) == 1:
            o = replace(o, name=fits.pop())
        resolved.append(o)
        if o.name not in seen:
            seen.append(o.name)
    return resolved


def keep_legal_forms(mentions: list) -> list:
    """Mentions of two companies that differ only in legal form ("Porsche SE", "Porsche AG") keep it in
    their names; any other mention is returned as it is."""
    rec = recognizer()
    forms: dict[str, set[str]] = {}
    for o in mentions:
        lf = rec.legal_form(o.text)
        if lf:
            forms.setdefault(o.name, set()).add(lf)
    # (a form cut short is the same: "Borussia Dortmund GmbH & Co." of "Borussia Dortmund GmbH & Co. KGaA")
    two = {n for n, fs in forms.items() if len({f for f in fs if not any(g != f and g.startswith(f) for g in fs)}) > 1}
    return [replace(o, name=f"{o.name} {rec.legal_form(o.text)}")
            if o.name in two and rec.legal_form(o.text) else o for o in mentions]


def first_words(ms) -> dict[str, tuple[str, int, str]]:
    """First word -> (company name, end and source of its first mention) for the companies of several
    words that no other name starts with the same word ("Erste" -> "Erste Group")."""
    firsts: dict[str, set[str]] = {}
    first: dict[str, tuple[int, str]] = {}
    known = recognizer().gazetteer            # "Allianz" is a company of its own, not "Allianz Global Investors"
    for o in ms:
        words = o.name.split()
        if len(words) > 1 and o.type == "company" and len(words[0]) >= 4 and words[0][:1].isupper() \
                and words[0] not in known:
            firsts.setdefault(words[0], set()).add(o.name)
            first.setdefault(words[0], (o.end, o.source))
    return {w: (next(iter(n)), *first[w]) for w, n in firsts.items() if len(n) == 1}


def first_word_mentions(firsts: dict[str, tuple[str, int, str]], text: str, offset: int = 0):
    """(start, end, word, name, source) of each later mention of a company by the first word of its
    name alone, before a lower-case word ("Die Erste hatte angekündigt"; not "Erste Ergebnisse")."""
    for word, (name, after, source) in firsts.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?=\s+[a-zäöüß])", text):
            if offset + m.start() > after:
                yield offset + m.start(), offset + m.end(), word, name, source


def _is_run(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def article_organisations(text: str, *, model: bool = True) -> list[Organisation]:
    """:func:`organisations` of a whole article, resolved with :func:`resolve_aliases`."""
    return resolve_aliases(organisations(text, model=model), text)
