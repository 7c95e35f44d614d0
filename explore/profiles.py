"""What German news calls a company without naming it: its trade ("der Nahrungsmittelkonzern"), its
town's people ("die Münchner", "der Düsseldorfer Konzern", "der Rüstungskonzern aus Düsseldorf"), its
region's ("die Thüringer", "der steirische Konzern") and its country ("der schwedische Autobauer", "der US-Konzern").

A reference that says one of these fits only some of the companies named before it: "Nestlé gaben
1,2 Prozent nach, Novartis 0,5 Prozent. Der Nahrungsmittelkonzern ..." is Nestlé's, though Novartis
was named last. The words come from ``explore/lang/de/company_profiles.csv`` (name, town, region,
town_adjectives, descriptions; the country from ``companies.csv``; the regions' words from ``regions.csv``;
the regions of the towns from GeoNames, by hand for the small towns) and from the article itself: a
name written after a description ("der Chemiekonzern Lanxess") carries that description there.

>>> fits("Der Nahrungsmittelkonzern", "", "Nestlé"), fits("Der Nahrungsmittelkonzern", "", "Novartis")
(True, None)
>>> fits("der Schweizer Pharmakonzern", "", "Novartis"), fits("der US-Pharmakonzern", "", "Novartis")
(True, False)
>>> fits("Die Münchner", "", "BMW"), fits("Der Konzern", "", "BMW")
(True, None)
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

_ENDINGS = ("", "s", "es", "n", "en", "in")          # a description noun's case and feminine endings
_INFLECTION = re.compile(r"(?:e|en|er|es|em)$")
_FROM_TOWN = re.compile(r"\s+aus\s+(?P<t>[A-ZÄÖÜ][\wäöüß-]+)")     # "der Rüstungskonzern aus Düsseldorf"
_WORD = re.compile(r"[\wÄÖÜäöüß-]+")


@dataclass(frozen=True)
class Profile:
    country: str
    town: str
    region: str                            # the Land, Bundesland or canton of the town: "Thüringen"
    town_adjectives: frozenset[str]        # lower case: "münchner"
    descriptions: frozenset[str]           # lower case, ß as ss: "autobauer", "grossbank"


def _fold(word: str) -> str:
    return word.lower().replace("ß", "ss")


@functools.cache
def profiles(lang: str = "de") -> dict[str, Profile]:
    """Company name (as in ``companies.csv``) -> its profile."""
    base = resources.files("explore.lang").joinpath(lang)
    countries = company_countries(lang)
    out = {}
    for n, row in enumerate(csv.DictReader(base.joinpath("company_profiles.csv").read_text("utf-8").splitlines()), 2):
        name = (row.get("name") or "").strip()
        if not name:
            raise ValueError(f"explore/lang/{lang}/company_profiles.csv, row {n}: the column 'name' is empty")
        split = lambda col: frozenset(_fold(w.strip()) for w in (row.get(col) or "").split("|") if w.strip())  # noqa: E731
        out[name] = Profile(countries.get(name, ""), (row.get("town") or "").strip(), (row.get("region") or "").strip(),
                            split("town_adjectives"), split("descriptions"))
    return out


@functools.cache
def company_countries(lang: str = "de") -> dict[str, str]:
    """Company name -> its country, from ``companies.csv`` (for companies without a profile too)."""
    text = resources.files("explore.lang").joinpath(lang, "companies.csv").read_text("utf-8")
    return {row["name"].strip(): (row.get("country") or "").strip() for row in csv.DictReader(text.splitlines())}


@functools.cache
def known_town_adjectives(lang: str = "de") -> frozenset[str]:
    """The seats' adjectives the company profiles list, folded ("duderstädter", whose town "Duderstadt"
    no rule of "-er" finds)."""
    return frozenset().union(*(p.town_adjectives for p in profiles(lang).values()))


@functools.cache
def nationality_nouns(lang: str = "de") -> dict[str, str]:
    """A country's people -> the country ("Dänen" -> "Dänemark"), from ``attribution.toml``."""
    from .owner import vocab                # (imported here: owner imports this module)
    return dict(vocab(lang)["owner"]["nationality_nouns"])


@functools.cache
def region_words(lang: str = "de") -> dict[str, frozenset[str]]:
    """A region's people or adjective (lower case, ß as ss) -> the regions it covers, from
    ``explore/lang/de/regions.csv``: "thüringer" -> {"Thüringen"}, "ostschweizer" -> {"St. Gallen", ...}.

    >>> sorted(region_words()["steirisch"])
    ['Steiermark']
    """
    out: dict[str, set[str]] = {}
    text = resources.files("explore.lang").joinpath(lang, "regions.csv").read_text("utf-8")
    for n, row in enumerate(csv.DictReader(text.splitlines()), 2):
        region = (row.get("region") or "").strip()
        if not region:
            raise ValueError(f"explore/lang/{lang}/regions.csv, row {n}: the column 'region' is empty")
        parts = [x.strip() for x in (row.get("parts") or "").split("|") if x.strip()] or [region]
        for w in (row.get("words") or "").split("|"):
            if w.strip():
                out.setdefault(_fold(re.sub(r"[\s.]", "", w)), set()).update(parts)   # "st. galler" as "stgaller"
    return {k: frozenset(v) for k, v in out.items()}


def regions_said(words: str) -> frozenset[str]:
    """The regions a reference names by its people or adjective ("die Thüringer", "der steirische
    Leiterplattenhersteller", "der Ostschweizer Konzern").

    >>> sorted(regions_said("der oberösterreichische Stahlkonzern"))
    ['Oberösterreich']
    """
    rw = region_words()
    toks = _WORD.findall(re.sub(r"\b(St|Sankt)\.?\s+(?=[A-ZÄÖÜ])", r"\1", words))    # "St. Galler" as one word
    out: set[str] = set()
    for t in toks:
        f = _fold(t)
        hit = rw.get(f) or (rw.get(_INFLECTION.sub("", f)) if t[:1].islower() else None)
        if hit:
            out |= hit
    return frozenset(out)


@functools.cache
def _descriptive(lang: str = "de") -> frozenset[str]:
    """Every description noun of the profiles: a reference head among them names a trade."""
    return frozenset(d for p in profiles(lang).values() for d in p.descriptions)


@functools.cache
def _country_adjectives(lang: str = "de") -> dict[str, str]:
    """Adjective stem -> country ("schwedisch" -> "Schweden"), from the economies of the shares vocabulary."""
    from .shares import vocab               # (imported here: the shares module reads owners, which read this one)
    out = {k: v for k, v in vocab(lang)["changes"]["economies"].items() if k.endswith("isch")}
    out.update({"us": "USA", "schweizer": "Schweiz", "deutsch": "Deutschland"})
    return out


def _matches(head: str, description: str) -> bool:
    """A head noun, possibly inflected or more specific, is this description ("Pharmakonzerns" of
    "pharmakonzern", "Elektroautobauer" of "autobauer")."""
    for end in _ENDINGS:
        if head.endswith(end):
            core = head[:len(head) - len(end)] if end else head
            if core == description or (len(description) >= 5 and core.endswith(description)):
                return True
    return False


@functools.lru_cache(maxsize=20_000)
def _is_trade(head: str) -> bool:
    """The head noun is one of the profiles' descriptions (cached: the list has ~1,500 entries)."""
    return any(_matches(head, d) for d in _descriptive())


def described(words: str, after: str = "") -> tuple[str | None, set[str], str | None]:
    """What a reference says of its company: (trade head, town words, country). ``after``: the text
    right after it ("aus Düsseldorf").

    >>> described("der schwedische Autobauer")
    ('autobauer', set(), 'Schweden')
    >>> described("Der US-Konzern")
    (None, set(), 'USA')
    >>> described("die Dänen")
    (None, set(), 'Dänemark')
    """
    toks = _WORD.findall(words)
    if not toks:
        return None, set(), None
    head = _fold(toks[-1])
    country = None
    if "-" in head:
        first, rest = head.split("-", 1)
        if first in _country_adjectives():
            country, head = _country_adjectives()[first], rest
    towns = {_fold(t) for t in toks[1:] if t[:1].isupper() and t.endswith("er") and t is not toks[-1]}
    if toks[-1][:1].isupper() and toks[-1].endswith("er") and not _is_trade(head):
        towns.add(head)                                      # "die Münchner": the town's people as the noun
    m = _FROM_TOWN.match(after)
    if m:
        towns.add(_fold(m.group("t")))
    if toks[-1] in nationality_nouns():
        country = nationality_nouns()[toks[-1]]             # "die Dänen": a company of that country
    for t in toks[:-1]:
        stem = _INFLECTION.sub("", t.lower())
        if t[:1].islower() and stem in _country_adjectives():
            country = _country_adjectives()[stem]
        elif t == "Schweizer":
            country = "Schweiz"
    trade = head if _is_trade(head) else None
    return trade, towns, country


def score(words: str, after: str, name: str, local: frozenset[str] | set[str] = frozenset()) -> int:
    """How much the reference ``words`` (followed by ``after``) says that fits the company ``name``:
    one for each of its trade, town and country the company has; -1 for a country it is not. A trade
    or a town the profile does not list counts nothing: a company has more trades and seats than a
    list holds ("der Basler ..." of a company from near Basel). ``local``: the description nouns the
    article itself gave the name ("der Chemiekonzern Lanxess")."""
    trade, towns, country = described(words, after)
    p = profiles().get(name)
    home = p.country if p and p.country else company_countries().get(name, "")
    if country and home and country != home:
        return -1
    toks = _WORD.findall(words)
    head = trade or (_fold(toks[-1]) if toks else "")
    known = (p.descriptions if p else frozenset()) | {_fold(w) for w in local}
    regions = regions_said(words)
    if regions and p and p.region and p.region not in regions:
        return -1                                            # "die Thüringer" is no company of Bayern
    return (bool(head and any(_matches(head, d) for d in known))
            + bool(towns and p and towns & (p.town_adjectives | {_fold(p.town)}) or regions and p and p.region
                   or towns & {_fold(w) for w in local})        # (a seat the article told: "der in X ansässige")
            + bool(country and country == home))


def fits(words: str, after: str, name: str, local: frozenset[str] | set[str] = frozenset()) -> bool | None:
    """Does the reference fit the company? True: it says something the company is; False: a country
    it is not; None: nothing to tell (``score``)."""
    n = score(words, after, name, local)
    return None if n == 0 else n > 0


def known(name: str, local: dict[str, set[str]]) -> bool:
    """Is anything known of the company ``name`` (a profile, or a description the article gave it)?"""
    return name in profiles() or bool(local.get(name))


def narrow(words: str, after: str, candidates: list, local: dict[str, set[str]] | None = None) -> list:
    """The candidates (objects with a ``name``, in the order named) a described reference can mean:
    those it fits best ("der Rüstungskonzern aus Düsseldorf": trade and town over trade alone), unless
    a company nothing is known of was named after the last of them ("Intuit fielen ... Der
    Softwareanbieter": Intuit, not Adobe named before); else all but those of another country (when
    some remain); else all."""
    local = local or {}
    scores = [score(words, after, o.name, local.get(o.name, frozenset())) for o in candidates]
    best = max(scores, default=0)
    if best > 0:
        last = max(i for i, n in enumerate(scores) if n == best)
        if not any(n == 0 and not known(o.name, local) for o, n in list(zip(candidates, scores))[last + 1:]):
            return [o for o, n in zip(candidates, scores) if n == best]
    if -1 in scores and any(n >= 0 for n in scores):
        return [o for o, n in zip(candidates, scores) if n >= 0]
    return candidates
