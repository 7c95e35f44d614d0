"""Stated changes other than stock moves (the rows of ``explore.changes()``): "Der Umsatz stieg um 12 Prozent", "die Arbeitslosenquote sank
um 0,3 Prozentpunkte", "die Exporte haben sich verdoppelt", "der Gewinn brach um ein Drittel ein".

One row per stated change: the owner (``entity``, as in the money and stock-move tables; empty for
an economy's figures such as prices or unemployment), the ``measure`` (vocabulary in
``explore/lang/de/shares.toml``), the change as ``change_pct`` (signed), ``change_abs`` with its
``unit`` (``pp``, an ISO currency, a counted noun) or ``change_factor`` (new over old), the
``period`` as written and the ``from``/``to`` levels the sentence gives.

>>> from explore.corpus import Article, Corpus
>>> from explore.views import changes
>>> df = changes(Corpus([Article("a", "Die Arbeitslosenquote sank um 0,3 Prozentpunkte auf 5,9 Prozent.")]))
>>> df[["measure", "change_abs", "unit", "to_value"]].values.tolist()
[['unemployment', -0.3, 'pp', 5.9]]
"""
from __future__ import annotations

import functools
import math
import re
import weakref

from .extract import scanner
from .extract.modifiers import SIGN_OF_A_NUMBER
from .attribute import blank_per_share, clause_end, clause_start, market_cue
from .lang import vocabulary
from .orgs import PLACE_LINKS
from .shares import vocab


def _before(preposition: str, words: str) -> re.Pattern:
    """A preposition right before a figure, with any of ``words`` ("|"-separated) between."""
    return re.compile(rf"(?i)\b{preposition}\s+(?:(?:{words})\s+)*$")


_UM = _before("um", "rund|etwa|knapp|gut|fast|mehr als|über|nahezu|beinahe|ca\\.|zirka|circa|die|ein|eine|einen|"
                    "mehr als die|fast die|knapp die|rund die|gut die")
# "auf künftig 18 Cent", "auf minus 63,9 Punkte": time words and a sign may stand before a level
_AUF = _before("auf", "rund|etwa|knapp|gut|fast|mehr als|über|nahezu|ca\\.|zirka|circa|nur noch|noch|ein|eine|einen|"
                      "die|das|künftig|zuletzt|nun|nunmehr|jetzt|dann|inzwischen|mittlerweile|minus|plus")
_VON = _before("von", "rund|etwa|knapp|gut|fast|mehr als|über|ca\\.|zirka|circa|zuvor|bisher|minus|plus")
_NACH = _before("nach", "rund|etwa|knapp|gut|fast|ca\\.")
# a level after a verb of being ("lag bei 1,02 Euro nach 0,79 Euro")
_BEI = _before("bei", "rund|etwa|knapp|gut|fast|ca\\.|nur|noch")
_MINUS = re.compile(r"(?i)(?<![\wäöüß])minus\s+$")
_ZAHL = re.compile(r"\b(?:[Zz]ahl|[Aa]nzahl)\s+der\s+(?:[a-zäöüß][\w-]*\s+){0,2}(?P<n>[A-ZÄÖÜ][\w-]*)")
_LEVEL_KINDS = ("money", "count", "percent", "other", "index")
# a share price after the move: "legen Galenica um 1,3 Prozent auf 84,90 Fr. zu"
_PRICE_AFTER = re.compile(r"\s*auf\s+(?:rund\s+)?\d[\d.,']*\s*(?:Euro|€|EUR|Fr\.|Franken|CHF|Dollar|US-Dollar|\$|USD|"
                          r"HK\$|HKD|Hongkong-Dollar|Yuan|Kronen)(?![\wäöüß])")
_RESULT_AMOUNT = re.compile(r"(?i)(?<![\wäöüß])(?:ein|einem|einen)\s+(?:[a-zäöüß]+\s+)?(?:minus|fehlbetrag|verlust)\s+"
                            r"von\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als)\s+)?$")
_COMPARED_AFTER = re.compile(r"(?i)[^.;]{0,40}?(?<![\wäöüß])(?:gegenüber|im vergleich|verglichen|zum vorjahr)")
_BROAD_MARKET = re.compile(r"(?i)(?<![\wäöüß])(?:im|am)\s+(?:breiten|breiteren|gesamten)?\s*markt(?![\wäöüß])")
_SHARE_WORDS = re.compile(r"(?i)aktie|papier|anteilsschein|anteile\b|index|kurs\b|börse|notier|schloss|dax\b|börslich|"
                          r"(?<![\wäöüß])handel(?![\wäöüß])")      # "im regulären Handel", "nachbörslich"


@functools.cache
def _rules(lang: str = "de") -> dict:
    v = vocab(lang)["changes"]
    d = vocabulary(lang)["directions"]

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return {
        "measures": [(k, re.compile(r"(?<![\wäöüß])(?:" + "|".join(p) + ")", re.I)) for k, p in v["measures"].items()],
        "collective": set(v["collective"]),
        "sector": re.compile(r"(?<![\wäöüß])(?:" + alt(v["sector_stems"]) + ")", re.I),
        "growth": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v["directions"]["growth_nouns"]) + r")(?![\wäöüß])", re.I),
        "shrinking": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v["directions"]["shrink_nouns"]) + r")(?![\wäöüß])",
                                re.I),
        "commodities": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["commodities"]) + r")"),
        "market": re.compile(r"(?<![\wäöüß])(?:" + alt(v["market_words"]) + r")(?![\wäöüß])", re.I),
        "periods": re.compile("|".join(f"(?:{p})" for p in v["periods"]), re.I),
        # (not "je Aktie": a per-share figure is the company's, "Ergebnis je Aktie", "Dividende je Aktie")
        "not_changes": re.compile(r"(?<![\wäöüß])(?<!je )(?:" + "|".join(
            market_cue(w) for w in sorted(v["not_changes"], key=len, reverse=True)) + ")", re.I),
        "change_noun": re.compile(r"(?i)(?:" + alt(v["change_nouns"]) + r")(?:\s+(?:des|der|beim|bei|im)(?:\s+\S+){1,3}?)?"
                                  r"\s+von\s+(?:(?:rund|etwa|knapp|gut|"
                                  r"fast|mehr als|über|ca\.)\s+)?$"),
        "up": re.compile(r"(?<![\wäöüß])(?:" + "|".join(d["up"] + v["directions"]["up"]) + ")|"
                         + "|".join(d["up_inner"]), re.I),
        "down": re.compile(r"(?<![\wäöüß])(?:" + "|".join(d["down"] + v["directions"]["down"]) + ")|"
                           + "|".join(d["down_inner"]), re.I),
        "separable": {d: [re.compile(r"(?i)(?<![\wäöüß])(?:" + verb + r")\b.*\b" + part + r"\s*[.!?]?\s*$")
                          for verb, part in v["separable"][d]] for d in ("up", "down")},
        "lower_is_better": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["lower_is_better"]) + r")(?![\wäöüß])"),
        "judging": re.compile(r"(?i)(?<![\wäöüß])(?:" + "|".join(v["judging"]) + ")"),
        "inflation": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["inflation"]) + r")(?![\wäöüß])"),
        "not_owners": {n.lower() for n in v["not_owners"]["names"]},
        "group_possessors": [w.lower() for w in v["group_possessors"]],
        "not_owner_words": set(v["not_owners"]["words"]),
        "not_after": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["not_owners"]["not_after"]) + r")\s+(?:der|die|das|dem|den)?\s*$"),
        # an indicator is about the economy after "für" ("Die Konjunkturerwartungen für Deutschland")
        "not_after_indicator": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(w for w in v["not_owners"]["not_after"] if w != "für")
                                          + r")\s+(?:der|die|das|dem|den)?\s*$"),
        "economies": [(re.compile(r"(?<![\wäöüß])" + re.escape(k) + (r"(?![\wäöüß])" if len(k) < 4 and not k.endswith("-")
                                                                       else ""), re.I), n,
                       k in v["economy_reporters"])
                      for k, n in sorted(v["economies"].items(), key=lambda kv: -len(kv[0]))],
        # jobs cut or created ([changes.jobs]), and shops, branches and plants closed or opened ([changes.sites]):
        # the counted nouns, the verbs that cut and those that create, per kind
        "counted": {what: {
            "nouns": re.compile(r"^\s*(?:(?:der|des|seiner|ihrer|aller)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}(?:[\w!.&]+-)?(?:"
                                + alt(v[section]["nouns"]) + r")(?![\wäöüß])", re.I),
            "cut": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v[section]["cut"]) + ")", re.I),
            "create": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v[section]["create"]) + ")", re.I),
        } for what, section in (("job", "jobs"), ("site", "sites"), ("seat", "seats"), ("resident", "residents"))},
        # jobs counted: "2.400 Stellen", "300 neue Arbeitsplätze"
        "jobs_counted": re.compile(r"\d\s+(?:(?:neue|zusätzliche|weitere)\s+)?(?:" + alt(v["jobs"]["nouns"])
                                   + r")(?![\wäöüß])", re.I),
    }


def sentiment_points(f: dict, s: str, p: int, e: int) -> bool:
    """Points of a survey indicator, not of a stock index: "Das ZEW-Stimmungsbarometer
    verschlechterte sich um 11,5 Punkte" (no market word in the clause).

    >>> sentiment_points({"kind": "index", "unit": "Punkte"}, "Der Ifo-Index stieg um 1,2 Punkte.", 23, 33)
    True
    >>> sentiment_points({"kind": "index", "unit": "Punkte"}, "Der Dax stieg um 1,2 Punkte.", 17, 27)
    False
    """
    if f["kind"] != "index" or f.get("unit") != "Punkte" or measure_of(s, p, e) != "sentiment":
        return False
    return not _rules()["market"].search(s[clause_start(s, p):clause_end(s, e)])


def indicator_points(ctx, f: dict, s: str, p: int, e: int) -> bool:
    """Points of a survey indicator: one named in the clause (``sentiment_points``), or points without a
    name, in a sentence without a market word or a stock index, where the title or the paragraph before
    names an indicator ("ZEW-Konjunkturerwartungen steigen ... Der entsprechende Index sank um 3,4 Punkte",
    "Die Erwartungen legten um 9,8 Punkte zu", "Der Teilindex für die Produktion kletterte um 2,3 Punkte")."""
    if sentiment_points(f, s, p, e):
        return True
    if f["kind"] != "index" or f.get("unit") != "Punkte" or _rules()["market"].search(s):
        return False
    s0 = f["sentence_start"]
    if any(o.type == "index" and s0 <= o.start < s0 + len(s) for o in ctx.orgs(f["article"]).orgs):
        return False                                  # "Der Dax lag bei 23.845 Punkten"
    rx = dict(_rules()["measures"])["sentiment"]
    return any(rx.search(x or "") for x in [ctx.title(f["article"]), *ctx.paragraph_before(f, 6)])


def _on_an_indicator(sentence: str) -> bool:
    """A sentence without figures (one that announces the next), or one on an indicator or its points."""
    return not re.search(r"\d", sentence) or "Punkt" in sentence \
        or bool(dict(_rules()["measures"])["sentiment"].search(sentence))


def _measure(ctx, f: dict, s: str, p: int, e: int) -> str:
    """The measure of a change: an indicator's points are "sentiment" however their index is named
    ("Der Teilindex für die Produktion"), else the measure its sentence names (``measure_of``)."""
    return "sentiment" if f["kind"] == "index" and indicator_points(ctx, f, s, p, e) else measure_of(s, p, e)


# the institute a compound begins with: "ZEW-Stimmungsbarometer", "GfK-Konsumklima", "ifo-Index" (the
# institute's own lower-case spelling of a short name)
_COMPOUND_OWNER = re.compile(r"(?P<n>[A-ZÄÖÜ][\wäöüß&]*|\b[a-z]{2,4})-$")


def _indicator_owner(ctx, f: dict, s: str, reporter: bool = True):
    """The institute whose indicator moved: with ``reporter`` the company that reports it ("wie das ZEW
    mitteilte"), else the name its compound begins with ("Ifo-Geschäftsklimaindex", "GfK-Konsumklima"),
    else its grammatical owner ("Der Geschäftsklimaindex des Instituts X")."""
    from .owner import Owner, reporting_company
    o = reporting_company(ctx.orgs(f["article"]), f["sentence_start"], s) if reporter else None
    if o is not None:
        return o
    rx = dict(_rules()["measures"])["sentiment"]
    for m in rx.finditer(s):
        c = _COMPOUND_OWNER.search(s, max(0, m.start() - 30), m.start())
        if c is None and "-" in m.group(0):           # the vocabulary's own compound: "ifo-Index"
            c = _COMPOUND_OWNER.search(s, m.start(), m.start() + m.group(0).index("-") + 1)
        if c:
            a = f["sentence_start"] + c.start("n")
            return Owner(c.group("n"), c.group("n"), a, a + len(c.group("n")), "pattern")
    o = ctx.owner(f)
    return o if o is not None and o.source not in ("article", "reference") else None


def economy(text: str, last: bool = False, places: bool = True, offices: bool = True,
            indicator: bool = False) -> str | None:
    """The economy a text names first, or ``last`` ("Die Verbraucherpreise in Österreich" -> Österreich);
    with ``places``, else any place the NER word list knows after "in" (not for text around the figure's
    sentence: "in Magdeburg vorstellte" names no economy of the next sentence); a statistics office
    ("Eurostat") stands for its economy where no economy is named, and with ``offices`` only. An
    ``indicator`` is about the economy after "für" ("Die Erwartungen für den Euroraum").

    >>> economy("Die Arbeitslosigkeit in Ostdeutschland sank."), economy("Der Euro fiel.")
    ('Ostdeutschland', None)
    >>> economy("Die Obsternte in Tschechien wuchs.")
    'Tschechien'
    """
    found_by = {False: None, True: None}    # economies named, and offices that stand for more than one
    text = text or ""
    ends = {m.end() for rx, _, _ in _rules()["economies"] for m in rx.finditer(text)}
    for rx, name, reporter in _rules()["economies"]:
        for m in rx.finditer(text):
            if _rules()["not_after_indicator" if indicator else "not_after"].search(text[max(0, m.start() - 20):m.start()]) \
                    and not _ECONOMY_NOUN_AFTER.match(text, m.end()):
                continue                    # "Gäste aus Deutschland", "Exporte nach China" (not "für die deutsche Wirtschaft")
            before = _OF_BEFORE.search(text, max(0, m.start() - 6), m.start())
            if before and before.start() in ends:
                continue                    # "die Regionaldirektion Bayern der Bundesagentur": Bayern's office
            if "isch" in m.group().lower() and _describes_a_company(text, m.end()):
                continue                    # "Französische Bank kündigt Stellenabbau an": a company
            if _LEGAL_ACT_AFTER.match(text, m.end()):
                continue                    # "gemäß Artikel 17 der Verordnung (EU) Nr. 596/2014": a law's number
            if _continues_place(text, m.start()):
                continue                    # "im Landkreis Neumarkt in der Oberpfalz": no Oberpfalz
            best = found_by[reporter]
            if best is None or (m.start() > best[0] if last else m.start() < best[0]):
                found_by[reporter] = (m.start(), name)
            if not last:
                break
    # "Im Euroraum ... teilte das Statistikamt Eurostat mit": the office only where no economy is named
    best = found_by[False] or (found_by[True] if offices else None)
    found = []
    if not any(found_by.values()) and places:     # any place the NER word list knows: "in Tschechien"
        # (not where an office is named: "die Bundesagentur für Arbeit in Nürnberg")
        for m in _IN_PLACE.finditer(text):
            name = place_name(m)
            if name:
                found.append(name)
                if not last:
                    break
    if found_by[False] and places:        # a place before the first economy: "in Salzburg um 2,9 Prozent und in
        at = found_by[False][0]           # der Steiermark um 1,7 Prozent" (after the last one, with ``last``)
        for m in _IN_PLACE.finditer(text):
            if (m.start("p") > at if last else m.start() < at) and (name := place_name(m)):
                best = (m.start(), name)
                if not last:
                    break
    return best[1] if best else (found[-1] if found else None)


_OF_BEFORE = re.compile(r"\s+(?:der|des)\s+$")
_LEGAL_ACT_AFTER = re.compile(r"\)?\s*(?:Nr\.\s*)?\d+/\d")
# an economy's adjective before the whole of its economy ("für die deutsche Wirtschaft", "für deutsche Unternehmen")
_ECONOMY_NOUN_AFTER = re.compile(r"[a-zäöüß]*\s+(?:Wirtschaft|Unternehmen|Firmen|Industrie|Betriebe|Haushalte|"
                                 r"Verbraucher|Verbraucherinnen und Verbraucher)(?![\wäöüß])")
# the name case-sensitive (capitalised), the words around it in either case
_WITH_CHANGE = re.compile(r"(?:^|[\s,(])(?i:der|die|das|den|dem)\s+(?P<n>[A-ZÄÖÜ][\wäöüß-]*(?:\s+[A-ZÄÖÜ][\wäöüß-]*)?)"
                          r"\s+mit\s+(?i:(?:einem\s+)?(?:plus|minus|zuwachs|anstieg|rückgang|wachstum)\s+(?:von\s+)?)"
                          r"(?i:(?:rund|etwa|knapp|gut|fast|mehr als|über)\s+)?$")


# an item of a list whose values stand in parentheses: "das Wachstum in den USA (etwa 0,6 Prozent),
# Großbritannien (0,8 Prozent) und Japan (0,2 Prozent)"
_PAREN_ITEM = re.compile(r"(?<![\wäöüß])(?P<n>[A-ZÄÖÜ][\wäöüß&-]*(?:\s+[A-ZÄÖÜ][\wäöüß&-]*)?)\s*\(\s*"
                         r"(?:(?i:etwa|rund|knapp|gut|fast|ca\.|plus|minus)\s+)*$")


def _paren_item(s: str, p: int) -> re.Match | None:
    """The name a parenthesised value follows, in a sentence that speaks of a change outside the
    parentheses ("das geringere Wachstum in den USA (etwa 0,6 Prozent)")."""
    m = _PAREN_ITEM.search(s, max(0, p - 60), p)
    if m is None or m.end() != p:
        return None
    outside = re.sub(r"\([^()]*\)", " ", s)
    r = _rules()
    if not (r["growth"].search(outside) or r["shrinking"].search(outside) or r["up"].search(outside)
            or r["down"].search(outside)):
        return None
    return m


# an item of a list of levels: "die Staatsoper Unter den Linden auf 72,8 Prozent, die Deutsche Oper auf ..."
_LEVEL_ITEM = re.compile(r"(?:^|[\s,(])(?i:der|die|das)\s+(?P<n>[A-ZÄÖÜ][\wäöüß-]*(?:\s+(?:[A-ZÄÖÜ][\wäöüß-]*|den|der|am|an))*?)"
                         r"\s+auf\s+(?i:(?:rund|etwa|knapp|gut|fast|nur noch|noch)\s+)?$")


def _with_change_owner(s: str, p: int, sentence_start: int):
    """The owner named right before "mit plus X" ("der Spreewald mit plus 25,2 Prozent") or before the
    parentheses of its value ("Großbritannien (0,8 Prozent)"), an item of a list of changes; not a
    common noun alone."""
    from .orgs import lexicon
    from .owner import Owner, grammar
    m = _WITH_CHANGE.search(s[max(0, p - 80):p])
    if not m:
        m = _paren_item(s, p)
        if not m:
            return None
        name, a = m.group("n"), m.start("n")
        first, _, rest = name.partition(" ")
        if rest and first.lower() in grammar().preps | {"und", "auch", "sowie", "oder"}:
            name, a = rest, a + len(first) + 1      # "Mit AUDI (+22%)": the name after the preposition
        if " " not in name and _a_thing(name):
            return None                     # (nor goods: "Kaffee (plus 14,2 Prozent) und Rindfleisch (plus 8,6 Prozent)")
        return Owner(economy(name) or name, name, sentence_start + a, sentence_start + m.end("n"), "pattern")
    name = m.group("n")
    if " " not in name and (_a_thing(name) or _DATIVE_PLURAL.match(m.group()) and name.endswith("n")):
        return None                         # (nor a group in the dative plural: "bei den Vorleistungsgütern mit einem Plus")
    a = max(0, p - 80) + m.start("n")
    return Owner(name, name, sentence_start + a, sentence_start + a + len(name), "pattern")


def _a_thing(word: str) -> bool:
    """A common noun, or a compound of one that names no company ("Rindfleisch", "Hotelübernachtungen")."""
    from .orgs import lexicon
    from .owner import _common_compound
    return lexicon().is_common_noun(word) or _common_compound(word)


def _describes_a_company(text: str, end: int) -> bool:
    """Is the noun after an adjective at ``end`` an organisation noun ("französische Bank")?"""
    from .owner import grammar
    m = re.match(r"[\wäöüß]*\s+([A-ZÄÖÜ][\wäöüß-]*)", text[end:])
    return bool(m) and grammar().is_head(m.group(1))


# a place, with an administrative noun before it ("Landkreis Kelheim") and a river or region after it that
# belongs to its name ("Neumarkt in der Oberpfalz", "Frankfurt am Main"): see ``place_name``
_PLACE = (r"(?:(?P<adm>" + "|".join(vocab()["changes"]["place_nouns"]) + r")\s+)?(?P<p>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])"
          r"(?P<cont>\s+" + PLACE_LINKS + r"\s+(?P<c>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß]))?")
_PLACE_AFTER_IN = (r"(?:n\s+(?:der\s+|dem\s+|den\s+)?|m\s+(?=(?:" + "|".join(vocab()["changes"]["place_nouns"])
                   + r")\s))" + _PLACE)                        # "im" only before its noun: not "im Mai"
_IN_PLACE = re.compile(r"(?<![\wäöüß])i" + _PLACE_AFTER_IN)
_IN_PLACE_ANY = re.compile(r"(?<![\wäöüß])[Ii]" + _PLACE_AFTER_IN)     # also "In Hamburg" at a sentence start


_PLACE_BEFORE = re.compile(r"([A-ZÄÖÜ][\wäöüß-]*)\s+" + PLACE_LINKS + r"\s+$")


def _continues_place(text: str, start: int) -> bool:
    """Does the name at ``start`` go on a place's name before it ("Neumarkt in der Oberpfalz")?"""
    from .orgs import lexicon
    m = _PLACE_BEFORE.search(text, max(0, start - 40), start)
    return bool(m) and "T" in lexicon().classes(m.group(1))


def place_name(m: re.Match) -> str | None:
    """The name of the place a ``_PLACE`` match reads, if it is one the NER word list knows: with its
    administrative noun and what follows a place's name ("Landkreis Neumarkt in der Oberpfalz"); not
    a place that only continues the name before it ("Neumarkt in der Oberpfalz": no Oberpfalz).

    >>> place_name(_IN_PLACE.search("die Quote im Landkreis Neumarkt in der Oberpfalz"))
    'Landkreis Neumarkt in der Oberpfalz'
    """
    from .extract.lexicon import lexicon as figure_lexicon
    from .orgs import lexicon
    classes = lexicon().classes
    if "T" not in classes(m.group("p")) or m.group("p") in figure_lexicon().months:
        return None                          # (not "Im Mai stieg die Quote": a month, though a place is called so)
    if not m.group("adm") and _continues_place(m.string, m.start("p")):
        return None                          # "Neumarkt in der Oberpfalz": the place before goes on
    name = m.group("p") + (m.group("cont") if m.group("c") and "T" in classes(m.group("c")) else "")
    return f"{m.group('adm')} {name}" if m.group("adm") else name
# a cause is no measure: "sank der Absatz wegen der US-Importzölle um 8,5 Prozent" (sales, not imports),
# "Rheinmetall zogen nach einem Großauftrag um 4,8 Prozent an" (a move, no orders)
_CAUSE_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:wegen|trotz|dank|aufgrund|infolge|angesichts|"
                           r"nach\s+(?=(?:einem|einer|eines|dem|der)\s))\s*"
                           r"(?:(?:der|des|dem|den|die|das|eines|einer|einem|höherer|höheren|neuer|neuen|hoher|hohen|"
                           r"gestiegener|gestiegenen|gesunkener|gesunkenen|schwacher|schwachen|starker|starken)\s+)*\S*$")


def measure_of(sentence: str, pos: int, end: int) -> str:
    """The measure named nearest to a change in its clause, then before it in its sentence; "other"
    when none.

    >>> measure_of("Im Mai sanken die Exporte um 1,4 Prozent.", 29, 40)
    'exports'
    """
    # then the sentence before the figure: a measure of a later clause is another subject's
    # ("..., dessen Cloud-Sparte um 26 Prozent gewachsen war, legte um 2,1 Prozent zu, Tencent verteuerten sich")
    for a, b in ((clause_start(sentence, pos), clause_end(sentence, end)), (0, pos)):
        best, dist = None, None
        for name, rx in _rules()["measures"]:
            for m in rx.finditer(sentence, a, b):
                if m.start() < end and m.end() > pos or _CAUSE_BEFORE.search(sentence, max(0, m.start() - 60),
                                                                             m.start()):
                    continue
                d = pos - m.end() if m.end() <= pos else (m.start() - end) * 2     # the subject comes first
                if dist is None or d < dist:
                    best, dist = name, d
        if best:
            return best
    return "other"


def _direction(f: dict, sentence: str, p: int, e: int) -> str | None:
    if compared(sentence, e):
        return compared(sentence, e)
    if f.get("direction"):
        return f["direction"]
    r = _rules()
    if _paren_item(sentence, p):                    # "das Wachstum in den USA (0,6 Prozent)": the list's word
        outside = re.sub(r"\([^()]*\)", " ", sentence)
        up = bool(r["growth"].search(outside) or r["up"].search(outside))
        down = bool(r["shrinking"].search(outside) or r["down"].search(outside))
        if up != down:
            return "up" if up else "down"
    level = _STATED_AS_LEVEL.search(sentence[clause_start(sentence, p):p])
    if level:                               # "lag der Rückgang bei 3 Prozent": the noun's direction
        return "down" if r["shrinking"].fullmatch(level.group("noun") or level.group("noun2")) else "up"
    cs = clause_start(sentence, p)
    # (not the sign of another number: "verbesserte sich um 1,1 Punkte auf minus 31,5 Punkte")
    clause = SIGN_OF_A_NUMBER.sub(lambda m: m.group() if cs + m.end() == p else " " * len(m.group()),
                                   sentence[cs:clause_end(sentence, e)])
    up, down = bool(r["up"].search(clause)), bool(r["down"].search(clause))
    if not up and not down:                 # "ging ... um 11,3 Prozent auf 3,9 Millionen zurück"
        up = any(rx.search(clause) for rx in r["separable"]["up"])
        down = any(rx.search(clause) for rx in r["separable"]["down"])
    return "up" if up and not down else "down" if down and not up else None


# (not against an expectation: "5 Prozent weniger als erwartet")
_EXPECTED = (r"(?!\s+(?:erwartet|prognostiziert|geplant|befürchtet|angenommen|gedacht|vorhergesagt)\b)"
             # (nor a qualifier of the next figure: "in drei Jahren mehr als 380 Milliarden Yuan"; a year compares)
             r"(?!\s+(?:(?:rund|etwa|knapp|gut)\s+)?(?!(?:19|20)\d\d\b)\d)")
_COMPARED = re.compile(r"(?i)^\s*(?:(?P<w>mehr|weniger|höher|niedriger|tiefer|geringer|größer|grösser|kleiner|unter|über)"
                       r"\s+(?:als" + _EXPECTED
                       # (not against an average: "lag die Quote mit 5,9 Prozent unter dem Landesdurchschnitt")
                       # (nor a way: "47 Prozent über den Browser")
                       + r"|(?:dem|der|den|im)(?=\s+(?:[a-zäöüß]+\s+)?[\wäöüß-]*(?:vor|niveau|wert|stand|zeitraum|"
                       r"monat|jahr|quartal|woche|ergebnis|rekord|hoch|tief|plan|ziel|prognose|erwartung|schätzung|"
                       r"konsens|vergleich|basis|start|beginn|ende|spitze|hälfte|zuvor)[\wäöüß]*)"
                       r"(?!\s+[\wäöüß-]*(?:durchschnitt|schnitt|mittel)\b)|vorjahr\w*)\b"
                       r"|(?P<v>mehr|weniger)\s*(?:(?:um|ein|aus|ab|an|zu|her)\s*)?(?:[,;.)]|und\b|als\b" + _EXPECTED + r"|$)"
                       # what there is more of: "gab es 9,5 Prozent mehr Genehmigungen, insgesamt 103.400"
                       r"|(?P<n>mehr|weniger)\s+(?-i:[A-ZÄÖÜ])[\wäöüß-]*\s*(?:[,;.)]|als\b|$))")

# a signed percent set against an earlier period: "(+66% gegenüber 2014)", "-3 % zum Vorjahr"
_VERSUS = re.compile(r"(?i)^\s*(?:gegenüber|im\s+vergleich\s+zu[mr]?|verglichen\s+mit|vs\.?|zu[mr]?)\s+"
                     r"(?:dem\s+|der\s+|den\s+)?(?:vor(?:jahr|monat|quartal|woche|tag)\w*|\d{4}\b)")


# a duration set against an earlier one: "0,8 Tage weniger als im Vorjahr" (not "in zehn Jahren mehr als verdoppelt")
_DURATION_COMPARED = re.compile(r"(?i)\s*(?:mehr|weniger|länger|kürzer)\s+als\s+(?:im|in|ein|einem|vor|zuvor|der|die|das|"
                                r"dem|den|(?:19|20)\d\d)\b")


_OR_PERCENT = re.compile(r"\s+oder\s+(?:(?:rund|etwa|knapp|gut)\s+)?\d[\d.,]*\s*(?:Prozent|%)")
# the other way round: a percent restated as a count ("11,4 Prozent oder 2.230 Wohnungen mehr als ...")
_OR_COUNT = re.compile(r"\s+oder\s+(?:(?:rund|etwa|knapp|gut)\s+)?\d[\d.,]*(?=\s+[A-ZÄÖÜ][\wäöüß-]*\s+(?:mehr|weniger)\s+als)")
_NOUN_BEFORE_OR = re.compile(r"\s+[A-ZÄÖÜ][\wäöüß-]*(?=\s+oder\s+(?:(?:rund|etwa|knapp|gut)\s+)?\d)")
# a count's noun between it and the comparison: "2.230 Wohnungen mehr als im Vorjahresmonat"
_COUNTED_NOUN = re.compile(r"\s+[A-ZÄÖÜ][\wäöüß-]*(?=\s+(?:mehr|weniger)\s+als\b)")
# the counted noun, "mehr" or "weniger", the verb's words, then "als" and a time before: "2.230 Wohnungen mehr
# genehmigt als im Vorjahr"
_MORE_APART = re.compile(r"\s+[A-ZÄÖÜ][\wäöüß-]*\s+(?P<w>(?i:mehr|weniger))\s+(?:[\wäöüß-]+\s+){1,4}?als\s+"
                         r"(?i:im|in|vor|ein|eine|einem|zum|zur|am|letztes|vergangenes)\b")


def compared(s: str, e: int) -> str | None:
    """"7,5 Prozent weniger als ein Jahr zuvor", "um 11,2 Prozent unter dem Vorjahresmonat": up or down;
    also a count restated as a percent and the other way round ("8.900 oder 6,2 Prozent mehr als vor einem
    Jahr", "11,4 Prozent oder 2.230 Wohnungen mehr als im Vorjahresmonat")."""
    counted = _NOUN_BEFORE_OR.match(s, e)          # "870 Arbeitslose oder 8,4 Prozent mehr"
    restated = _OR_PERCENT.match(s, counted.end() if counted else e) or _OR_COUNT.match(s, e)
    at = restated.end() if restated else e
    noun = _COUNTED_NOUN.match(s, at)
    m = _COMPARED.match(s[noun.end() if noun else at:])
    if not m:
        apart = _MORE_APART.match(s, at)       # "kamen 12.000 Kinder mehr zur Welt als im Vorjahr"
        return None if apart is None else "up" if apart.group("w").lower() == "mehr" else "down"
    return "up" if (m.group("w") or m.group("v") or m.group("n")).lower() in ("mehr", "höher", "größer", "grösser", "über") \
        else "down"


_PAREN_SIGN_BEFORE = re.compile(r"(?i)\(\s*(?:plus|minus|\+|-|−)?\s*$")


# a change noun as the subject of a verb of being or reaching: the percent is the change ("In Lokalwährungen
# betrug das Wachstum 5,4%", "Auf vergleichbarer Fläche betrug das Plus 1,5 Prozent", "Das organische
# Wachstum dürfte bei 1,8 Prozent liegen")
_LEVEL_NOUNS = "plus|minus|anstieg|zuwachs|wachstum|rückgang|einbruch|zunahme|abnahme"
_STATED_AS_LEVEL = re.compile(r"(?i)(?<![\wäöüß])(?:das|der|die|ein|eine)\s+(?:[a-zäöüß]+\s+){0,2}(?:[\wäöüß-]*-)?"
                              r"(?P<noun>" + _LEVEL_NOUNS + ")"
                              r"(?![\wäöüß])[^,;.]{0,80}?(?<![\wäöüß])(?:betrug|beträgt|betragen|lag|liegt|liegen|lagen|"
                              r"belief\s+sich\s+auf|beläuft\s+sich\s+auf|erreichte|bei)\s+"
                              r"(?:(?:rund|etwa|knapp|gut|nur|noch|lediglich|fast|mehr\s+als|über|ca\.)\s+)*$"
                              r"|(?i:(?:betrug|beträgt|lag|liegt|erreichte))\s+(?:das|der|die)\s+(?:[a-zäöüß]+\s+){0,2}"
                              r"(?P<noun2>" + _LEVEL_NOUNS + r")\s+"
                              r"(?:(?:rund|etwa|knapp|gut|nur|noch|lediglich|fast|sogar|mehr\s+als|über|ca\.)\s+)*$")


_CHANGE_WORD = re.compile(r"(?i)(?<![\wäöüß])(?:plus|minus|anstieg|zuwachs|wachstum|rückgang|zunahme|abnahme|stieg|sank|"
                          r"wuchs|gestiegen|gesunken|zugelegt|verloren|fiel|gefallen)(?![\wäöüß])")
_DATIVE_PLURAL = re.compile(r"(?i)[\s,(]*den\s")
_ALL_IN_ALL = re.compile(r"(?i)(?<![\wäöüß])(?:insgesamt|alles in allem|branchenweit|landesweit|bundesweit|gesamt\w*)(?![\wäöüß])")
# a change noun as the object right after a signed percent: "mit plus 12,3 Prozent den stärksten Anstieg"
_CHANGE_OBJECT = re.compile(r"(?i)\s+(?:den|einen|das|ein)\s+(?:[a-zäöüß]+(?:en|e|s)\s+){0,2}"
                            r"(?:anstieg|zuwachs|rückgang|einbruch|plus|minus|zunahme|abnahme|sprung)(?![\wäöüß])")


_AT_TIMES = re.compile(r"(?i)(?<![\wäöüß])(?:zeitweise|in\s+der\s+spitze|tagesverlust|tagesgewinn|zwischenzeitlich|"
                       r"seit\s+jahresbeginn|auf\s+sicht\s+von)")


_FIRST_OF_TWO = re.compile(r"\d[\d.,]*\s*(?:Prozent|%)?\s*(?:beziehungsweise|bzw\.)\s+$")


def _earlier_of_two_levels(f: dict, s: str, e: int) -> bool:
    """"den Anstieg der Steuer von 16 auf 19 Prozent": the earlier of two levels of one unit (the
    number alone, or the same percent), not the change ("ein Plus von 16 Prozent auf 19 Milliarden")."""
    m = scanner().modifiers.re_to_level.match(s, e)
    if m is None:
        return False
    return bool(_BARE_NUMBER.fullmatch(f["text"])) or f["unit"] == "%" and bool(_PERCENT_AT.match(s, m.end() - 1))


_BARE_NUMBER = re.compile(r"[\d.,'’]+")
_PERCENT_AT = re.compile(r"[\d.,'’]+\s*(?:Prozent|%)")


def _is_change(f: dict, s: str, p: int, e: int) -> bool:
    """A change is stated "um X", as "ein Plus von X", a multiple ("verdoppelt"), a comparison with an
    earlier value ("X Prozent weniger als ein Jahr zuvor"), or a signed percent."""
    before = s[max(0, p - 40):p]
    if f["kind"] in ("percent", "count", "money", "ratio", "duration") and compared(s, e):
        return True                                   # "setzte BASF ein Fünftel mehr um"
    if _UM.search(before) or _rules()["change_noun"].search(s[max(0, p - 80):p]) \
            and not _earlier_of_two_levels(f, s, e) \
            or _UM.search(_FIRST_OF_TWO.sub("", before)):     # "um 7,4 beziehungsweise 3,0 Prozent": the second too
        return True                                   # (not "den Anstieg der Steuer von 16 auf 19 Prozent": a level)
    if f["kind"] == "multiple":
        return True
    if f["kind"] == "percent" and _paren_item(s, p) and not (_SHARE_OF.search(s) and not _CHANGE_WORD.search(s)):
        return True                                   # (not shares: "liegt der Anteil höher als in der Romandie (63 Prozent)")
    if f["kind"] == "percent" and f.get("direction") and _PAREN_SIGN_BEFORE.search(s, max(0, p - 12), p) \
            and (m := _LINE_LABEL.match(s)) and _place(m.group("n")):
        return True                                   # "- München: 8.420 Euro (plus 2,8 Prozent)"
    if f["kind"] == "percent" and f.get("direction") and s[p:p + 1] in "+-−" and _VERSUS.match(s[e:]):
        return True
    if f["kind"] == "percent" and _STATED_AS_LEVEL.search(s[clause_start(s, p):p]) \
            and not (_AUF.search(before) or _VON.search(before) or _NACH.search(before)):
        return True                                   # "betrug das Plus 1,5 Prozent", "Das Wachstum ... bei 1,8 Prozent"
    if f["kind"] == "percent" and f.get("direction") and _CHANGE_OBJECT.match(s, e) and not _AUF.search(before):
        return True                                   # "verzeichnete Oberösterreich mit plus 12,3 Prozent den stärksten Anstieg"
    if f["kind"] == "percent" and f.get("direction") and not _AUF.search(before) and not _VON.search(before) \
            and not _NACH.search(before):             # (not "auf 8,6 Prozent nach 8,1 Prozent": the earlier level)
        cs, ce = clause_start(s, p), clause_end(s, e)   # "12 Prozent mehr"; a bare "-37%" in a list of shares: no
        if s[:cs].rstrip().endswith("("):             # "ging ... zurück (minus 2,1 Prozent)": the clause it follows
            cs = clause_start(s, len(s[:cs].rstrip()) - 1)
        if _WITH_CHANGE.search(s[max(0, p - 80):p]):  # "..., die Niederlausitz mit plus 14,3 Prozent": the list's measure
            cs = 0
        return measure_of(s[cs:ce], p - cs, e - cs) != "other"
    return False


# nothing but "auf" between the two levels of a change: the unit of the second is the first's too
_BARE_TO_UNIT = re.compile(r"\s+auf\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|nahezu|ca\.|zirka|circa)\s+)?")
_SCALE_WORD = re.compile(r"(?i)mio|mrd|million|milliard|billion|tsd|tausend")


def _levels(ctx, f: dict, s: str, p: int, e: int, wide: bool):
    """(from, to) figures of the change: "von X auf Y", "auf Y", "nach X" in its clause (or sentence)."""
    lo, hi = (0, len(s)) if wide else (clause_start(s, p), clause_end(s, e))
    frm = to = None
    for x in ctx.same_sentence(f, _LEVEL_KINDS):
        if x["start"] == f["start"]:
            continue
        xp, xe = ctx.pos(x)
        if not (lo <= xp < hi):
            continue
        before = s[max(0, xp - 30):xp]
        if x.get("direction") == "down" and x["low"] and (_MINUS.search(before) or x["text"].lstrip()[:1] in "-−"):
            x = x | {"low": -x["low"]}                 # "auf minus 63,9 Punkte": a level below zero
        if _AUF.search(before) and to is None:
            to = x
        elif (_VON.search(before) or _NACH.search(before)) and frm is None:
            frm = x
    if frm is not None and to is not None and frm["unit"] is None and to["unit"] is not None \
            and _BARE_TO_UNIT.fullmatch(s, ctx.pos(frm)[1], ctx.pos(to)[0]) and not _SCALE_WORD.search(to["text"]):
        frm = frm | {"unit": to["unit"], "kind": to["kind"]}    # "von 350 auf 1.200 Megawattstunden": one unit
    if frm is not None and to is not None and frm["unit"] != to["unit"]:
        frm = None if frm["unit"] is None else frm
    return frm, to


def _currency_move(ctx, f: dict, cs: int) -> bool:
    """A currency moving against another, a row of the stock-move table."""
    from . import views                   # views imports this module: looked up at call time
    return views._currency_pair(ctx, f, cs) is not None


# a noun of prices (not a verb of price: "Shell verbilligten sich")
_PRICE_NOUN = re.compile(r"(?i)preis|inflation|teuerung|kosten|tarif|miete|lebenshaltung")


def _commodity_move(ctx, f: dict, s: str, cs: int, p: int) -> bool:
    """A commodity's price on its market ("Gold verteuerte sich um 1,3 Prozent auf 4.215 Dollar je Feinunze",
    "der Kupferpreis um 38 Prozent"): a move for the stock-move table (optional there), no change of an
    economy's prices. The commodity names the clause before the figure (else the sentence before it, for
    an elliptic "Silber sogar um 3,8 Prozent"); its market is a price in money in the sentence or a title on
    commodities; not in a statistics report."""
    rx = _rules()["commodities"]
    if not (rx.search(s, cs, p) or _FIGURES_ONLY_BEFORE.match(s, cs, p) and rx.search(s, 0, p)) \
            or _economy_article(ctx, f["article"]):
        return False                      # (a statistics report's "Kaffee verteuerte sich um 18,3 Prozent": prices)
    return any(x["kind"] == "money" for x in ctx.same_sentence(f)) or bool(rx.search(ctx.title(f["article"]) or ""))


# a clause of figures and joiners only before its figure: "Silber sogar um"
_FIGURES_ONLY_BEFORE = re.compile(r"[\s,]*(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?(?:sogar|nur|noch|lediglich|dagegen|jeweils)?\s*(?:um\s+)?$")


def market_or_share(sentence: str) -> bool:
    """Does a sentence name a market, an index or a share ("Dax", "Börse", "Aktie", "notierte")?"""
    return bool(_rules()["market"].search(sentence) or _SHARE_WORDS.search(sentence))


def _listed_move(ctx, f: dict, p: int, e: int, chain: bool = True) -> bool:
    """A percentage the stock-move table takes for a listed company's or an index's move (a name of
    the company list: "Für Infineon ging es um 3 Prozent nach oben"), not a company's own measure."""
    from . import views                   # views imports this module: looked up at call time
    s = f["sentence"]
    if _economy_article(ctx, f["article"]) and not market_or_share(s):
        return False                      # a statistics report's "Audi verlor 7,1 Prozent": registrations, no shares
    if not views._is_move(ctx, f, p, e):
        return False
    o = ctx.owner(f, move=True)
    return o is not None and (o.source == "gazetteer" or _paren_item(s, p) is not None or _PRICE_AFTER.match(s, e)
                              or _plural_verb_after(o, s, f["sentence_start"])
                              or o.source != "article" and bool(_SHARE_WORDS.search(s[clause_start(s, p):clause_end(s, e)])
                                                                or _rules()["market"].search(s) or _BROAD_MARKET.search(s))
                              or chain and o.source != "article" and _after_a_listed_move(ctx, f)
                              or o.source != "article" and any(market_or_share(x or "") for x in
                                                               [ctx.title(f["article"]), *ctx.paragraph_before(f, 2)]))


def _after_a_listed_move(ctx, f: dict) -> bool:
    """Is the percentage before it in its sentence a listed move (a list of moves: "Lufthansa verlieren
    2,2 Prozent, Air France-KLM und die British-Airways-Mutter IAG fallen jeweils um 1,6 Prozent")?"""
    before = [x for x in ctx.same_sentence(f, ("percent",)) if x["start"] < f["start"]]
    return bool(before) and _listed_move(ctx, before[-1], *ctx.pos(before[-1]), chain=False)   # (one step back:
    #                                                                   linear however long the list)


def _plural_verb_after(o, s: str, s0: int) -> bool:
    """A company's name with a plural verb of rising or falling is its shares ("Mizuho gaben um 1,9
    Prozent nach", "Rheinmetall verteuerten sich"): the verb agrees with "die Aktien"."""
    if o.start is None or o.source not in ("gazetteer", "model", "pattern") or not (s0 <= o.start < s0 + len(s)):
        return False
    m = re.match(r"\s+([a-zäöüß]+)", s[o.end - s0:])
    return m is not None and m.group(1) in _plural_move_verbs()


@functools.lru_cache(maxsize=None)
def _plural_move_verbs() -> frozenset:
    from .owner import vocab as owner_vocab
    return frozenset(w for w in owner_vocab()["stock"]["move_words"]
                     if w.endswith("en") and not w.startswith(("ge", "ab", "an", "nach", "zu", "ein")) and " " not in w)


def _entity(ctx, f: dict, measure: str, s: str, p: int, e: int) -> dict:
    """The owner columns of a change (``_owner_of``); a canton is named by its name ("Kanton Genf": Genf), as
    Swiss statistics name them."""
    cols = sector_owner(ctx, f["article"], _owner_of(ctx, f, measure, s, p, e))
    name = cols.get("entity")
    if name and name.startswith("Kanton ") and name[7:].strip():
        cols = {**cols, "entity": name[7:]}
    return cols


def _owner_of(ctx, f: dict, measure: str, s: str, p: int, e: int) -> dict:
    """The owner columns: the grammatical owner (``explore.owner``, as in the money and stock-move
    tables), never an index, a reporting office or a place; an owner that names an economy
    ("Österreichs") is that economy. An economy's measures (prices, unemployment, exports,
    production) have an organisation as owner only when it is named in their clause. Without an
    owner: the economy the clause names, else for a company measure the organisation named before
    (``_implicit_owner``), else the economy of the sentence or article ("Deutschland", "EU"), with
    ``entity_source`` "economy"."""
    from .views import _owner_columns
    cs, ce = clause_start(s, p), clause_end(s, e)
    if measure == "sentiment":
        # an indicator belongs to the economy its sentence names ("In Österreich stieg der UniCredit Bank
        # Austria EinkaufsManagerIndex", "Für die USA fielen die Erwartungen"), else to the institute its
        # name begins with ("Der ifo-Geschäftsklimaindex"), else to the economy of the sentence just before
        # it in its paragraph when that one announces what it measures (no figures: "Die deutsche Industrie
        # ist ... gewachsen. Der Einkaufsmanagerindex stieg ..., wie S&P Global mitteilte") or is on an
        # indicator too ("In der Eurozone verbesserte sich der Industrie-PMI auf 50,1 Punkte. Der
        # Composite-Index erreichte 51,5 Punkte"), else to the institute that reports it, else to the
        # article's economy ("Der entsprechende Index sank um 3,4 Punkte")
        name = economy(_blank_orgs(ctx, f, s, 0, len(s)), places=False, indicator=True)
        o = _indicator_owner(ctx, f, s, reporter=False) if name is None else None
        if name is None and o is None:
            name = next(filter(None, (economy(x, last=True, places=False, indicator=True)
                                      for x in ctx.paragraph_before(f, 1) if _on_an_indicator(x))), None)
            o = _indicator_owner(ctx, f, s) if name is None else None  # (not "wie das ZEW in Mannheim mitteilte")
            name = name or (_article_economy(ctx, f["article"]) if o is None else None)
        if name is None:
            return _owner_columns(o)
        return {**_owner_columns(None), "entity": name, "entity_source": "economy"}
    collective = measure in _rules()["collective"] or bool(_rules()["sector"].search(s, cs, ce))
    label = _LINE_LABEL.match(s)
    if measure == "production" and label and label.end() <= p and not _rules()["sector"].search(s, cs, ce) \
            and not economy(s) and _strong_main(ctx, f["article"]) and not _authority(ctx.orgs(f["article"]).main().name):
        collective = False                  # "- Flexible Erzeugung: 1,36 Milliarden Euro (minus 23 Prozent)": a segment
    if measure == "production" and collective and _COMPANY_OUTPUT.search(s, 0, ce) and _strong_main(ctx, f["article"]) \
            and not _economy_article(ctx, f["article"]) and not _rules()["sector"].search(s, cs, ce):
        collective = False                  # "In Polen wuchs die Produktionsleistung um 18 Prozent": the company's output
    o = _apposed_owner(ctx, f, s, p) or ctx.owner(f)
    if o is not None and o.source == "article" and _economy_article(ctx, f["article"]):
        o = None                            # a statistics report's figure is no company's it names elsewhere
    if o is not None and (o.name in _indices(ctx.at) or _reports(ctx, f["article"], o.name)):
        o = None
    if o is None or o.source in ("article", "reference"):               # "..., wie Fraport mitteilte"
        from .owner import reporting_company
        rc = reporting_company(ctx.orgs(f["article"]), f["sentence_start"], s)
        o = rc if rc is not None and not _reports(ctx, f["article"], rc.name) and not economy(rc.name) else o
    if o is None:
        o = _figure_in_parentheses_owner(ctx, f, s, p)   # "... 551 Mio. Euro begleitet (+66% gegenüber 2014)"
    # a trading partner or the guests' home: "jene in die übrigen EU-Staaten", "Gäste aus den USA"
    trade = measure == "exports"
    partners = trade or bool(_GUESTS.search(s))

    def partner(who) -> bool:
        return partners and who is not None and who.start is not None and any(
            m.start() <= who.start - f["sentence_start"] < m.end() for m in (_TRADE_PARTNER if trade else _ORIGIN).finditer(s))

    if partner(o):
        o = None                            # "jene in die übrigen EU-Staaten verringerten sich": a partner
    if o is not None and (o.source == "pattern" and _place(o.text) or o.source in ("pattern", "model")
                          and _region(ctx, f["article"], o)) \
            and (measure in _COMPANY_MEASURES or measure == "other") and _strong_main(ctx, f["article"]):
        # "Südamerika legte um ein Fünftel auf 281.000 Fahrzeuge zu", "In der Region Europa, Nahost und Afrika
        # (EMEA) betrug das Minus 8 Prozent": one of the company's markets
        o = _implicit_owner(ctx, f, places=False)
    place = _respective_place(s[cs:ce], p - cs, e - cs)    # (the cheap test first: most figures have none)
    if place is not None and not _strong_main(ctx, f["article"]):   # "in Berlin und Hamburg sanken sie um 7,4
        #                                                              beziehungsweise 3,0 Prozent"
        return {**_owner_columns(None), "entity": place, "entity_source": "economy"}
    item = _line_label(ctx, f, s, p) or _with_change_owner(s, p, f["sentence_start"])
    if item is not None and not partner(item):      # (not "Gäste aus den USA (plus 12,4 Prozent)")
        return _owner_columns(item)         # "hatten der Spreewald mit plus 25,2 Prozent, die Niederlausitz ..."
    if o is not None and " " not in o.name.strip() and economy(o.name):
        return {**_owner_columns(o), "entity": economy(o.name), "entity_source": "economy"}   # "Österreichs"
    if o is not None and collective:
        s0 = f["sentence_start"]
        if o.start is None or not (s0 + cs <= o.start < s0 + ce or _subject_before_apposition(s, o.start - s0, o.end - s0, cs)) \
                or o.source == "model" and not _named_as_company(s, o.start - s0) \
                or o.source == "article" and _rules()["sector"].search(s, cs, ce) \
                or o.source == "reference" and _rules()["sector"].match(o.text or ""):
            o = None                        # not the sector's own noun read as "the company's" (but "Der
            #                                 Heizungshersteller Thermowerk hat die Produktion ... hochgefahren"),
            #                                 nor the article's company for a sector ("die Einzelhandelsumsätze
            #                                 legten ... zu")
    if o is None and _elliptic_object(s, cs, ce):    # "Donau Energie senkt den Gaspreis um 8 Prozent, den Strompreis
        orgs = ctx.orgs(f["article"])                 # um 5 Prozent": the subject of the verb before
        before = [x for x in orgs.in_span(f["sentence_start"], f["sentence_start"] + cs)
                  if (x.start, x.end) not in orgs.speakers and x.type not in ("index", "currency")]
        if before:
            from .owner import Owner
            o = Owner(before[-1].name, before[-1].text, before[-1].start, before[-1].end, before[-1].source)
    if o is None and _REPORTS_ITSELF.search(s, e):    # "Die Miete liege bei 7,64 Euro, teilte das Unternehmen mit"
        o = _implicit_owner(ctx, f, places=False, paragraph=True)
    if o is not None:
        return _owner_columns(o)
    if not collective and measure in _COMPANY_MEASURES | {"other", "employment"} and _company_speech(ctx, f, s):
        o = _implicit_owner(ctx, f, places=False, paragraph=True)   # "Die Zahl der Buchungen für Kroatien habe sich
        if o is not None:                                            # verdoppelt, sagte Geschäftsführerin X"
            return _owner_columns(o)
    clause = _not_reporting(_blank_orgs(ctx, f, s, cs, ce))      # not "wie der Verband in Berlin mitteilte"
    if partners:                            # "Die Exporte in die übrigen EU-Staaten": a trading partner, no owner
        clause = _no_partners(clause, trade)
    # a clause that lists places with their figures: the place before the figure ("in Salzburg um 2,9 Prozent
    # und in der Steiermark um 1,7 Prozent")
    name = _place_with(clause, 0, p - cs) or (economy(clause[:p - cs], last=True) if _breakdown(clause) else None) \
        or economy(clause)
    if name is None and partners and o is None:
        # nor are the partners named before it ("Die Ausfuhren nach Österreich stiegen ...")
        name = economy(_no_partners(_blank_orgs(ctx, f, s, 0, p), trade), last=True) or _place_opening(s, cs) \
            or _partners_economy(ctx, f, trade) or _article_economy(ctx, f["article"])
        if name is not None:
            return {**_owner_columns(None), "entity": name, "entity_source": "economy"}
    if name is not None and not collective and (measure != "other" or _IN_PLACE_ANY.search(clause)) \
            and (_strong_main(ctx, f["article"]) or _company_report(ctx, f["article"])):
        name = None                          # a company's segment ("in der Schweiz", "In Frankreich sank er"): the company
        #                                      (also of one found by its form alone: "im Vertrieb in Nordamerika",
        #                                      "des Entwicklungszentrums im polnischen Breslau")
        if measure == "other":
            o = _implicit_owner(ctx, f, places=False)
            if o is not None:
                return _owner_columns(o)
    if name is None and not collective and _economy_article(ctx, f["article"]):
        name = _place_opening(s, cs)         # "..., im Tessin ging sie um 0,4 Prozent zurück": the place, no reference
        name = None if name and economy(name) else name   # (a country may be a company's market: "In Deutschland,
        #                                                   dem wichtigsten Markt, legten die Erlöse um 2,1 Prozent zu")
    if name is None and not collective and (measure != "other" or _DEMONSTRATIVE.search(clause)):
        o = _implicit_owner(ctx, f)         # "Währungsbereinigt entspricht dies einem Wachstum von 3,6 %"
        if o is not None:
            return _owner_columns(o)
    if name is None and not collective and (_REGION_OPENS.match(clause) or _IN_REGION.search(s, max(0, cs - 60), p)) \
            and _strong_main(ctx, f["article"]):
        o = _implicit_owner(ctx, f, places=False)   # "in der Region Europa, Nahost und Afrika (EMEA) betrug das Minus
        if o is not None:                           # 8 Prozent", "In Asien-Pazifik gab es ein Plus": the company's markets
            return _owner_columns(o)
    if name is None and measure == "other":  # "Die Obsternte in Tschechien wird ..., und zwar um 13 Prozent"
        name = economy(_blank_orgs(ctx, f, s, 0, p), last=True)
    if name is None and not collective and _company_report(ctx, f["article"]):
        return _owner_columns(_main_org_owns(ctx, f, s, p, cs, ce) if measure == "other" else None)
    # else the economy its paragraph names last ("Die Importe gingen um 1,4 Prozent zurück" in a paragraph on
    # Swiss trade), else the article's first; an economy named anywhere there before a statistics office
    # ("Im Euroraum ... Die Verbraucherpreise lagen ..., teilte Eurostat mit": Euroraum), and the article's before
    # such an office ("Nach der Definition von Eurostat lag die Quote bei 5,6 Prozent" in a report on Austria)
    if name is None and (_economy_article(ctx, f["article"]) or not _strong_main(ctx, f["article"])):
        name = _place_opening(s, cs) or _place_there(ctx, f, clause, s, cs)   # "In Wien betrug das Plus 4,2 Prozent"
    if name is None and not collective and _economy_article(ctx, f["article"]) and not _ALL_IN_ALL.search(s):
        # a statistics report's paragraph on a company goes on with its figures ("Die Warenhauskette Lindner & Co.
        # steigerte den Umsatz ... Der Onlineanteil kletterte auf 18 Prozent, nach 15 Prozent im Vorjahr")
        o = _implicit_owner(ctx, f, places=False, paragraph=True)
        if o is not None and o.source == "reference" and not _office(o.name) and not _a_source(ctx, f["article"], o.name):
            return _owner_columns(o)
    name = name or _economy_near(ctx, f, s, p, False) or _article_economy(ctx, f["article"]) \
        or _economy_near(ctx, f, s, p, True)
    return {**_owner_columns(None), "entity": name, "entity_source": "economy" if name else None}


_PLACE_WITH = re.compile(r"(?<![\wäöüß-])(?P<p>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])\s+mit\s+(?:(?:rund|etwa|knapp|gut|fast|nur|"
                         r"einem\s+(?:Plus|Minus|Anstieg|Rückgang|Zuwachs)\s+von)\s+)*$")


def _place_with(s: str, cs: int, p: int) -> str | None:
    """The place a figure is given for with "mit": "Die höchste Quote wies Wien mit 11,2 Prozent auf",
    "Spitzenreiter war Hamburg mit einem Plus von 4 Prozent"."""
    m = _PLACE_WITH.search(s, max(cs, p - 80), p)
    return m.group("p") if m and _is_place_word(m.group("p")) and not _continues_place(s, m.start("p")) else None


_PLACE_PAIR = re.compile(r"(?<![\wäöüß])[Ii]n\s+(?:der\s+|dem\s+)?(?P<a>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])\s+(?:und|sowie)\s+"
                         r"(?:(?:der|dem|in)\s+)*(?P<b>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])(?![\wäöüß-])")


def _respective_place(clause: str, p: int, e: int) -> str | None:
    """Two places and two figures "beziehungsweise": each place its figure ("in Berlin und Hamburg sanken
    sie um 7,4 beziehungsweise 3,0 Prozent")."""
    from .orgs import lexicon
    from .owner import _RESPECTIVE_AFTER, _RESPECTIVE_BEFORE
    second = _RESPECTIVE_BEFORE.search(clause, max(0, p - 40), p)
    if not (second or _RESPECTIVE_AFTER.match(clause, e)):
        return None
    upto = clause.rfind(" ", 0, second.start()) if second else p
    pairs = list(_PLACE_PAIR.finditer(clause, 0, upto))
    if not pairs or not all("T" in lexicon().classes(pairs[-1].group(g)) for g in "ab"):
        return None
    return pairs[-1].group("b" if second else "a")


def _a_source(ctx, article: str, name: str) -> bool:
    """Is the organisation named anywhere in the article as the source of what its sentence says ("Die
    Statistik der Oesterreichischen Nationalbank (OeNB) zeigt ...", "laut Reuters")?"""
    orgs = ctx.orgs(article)
    sources = orgs.sources()
    names = set()
    for o in orgs.orgs:
        if (o.start, o.end) in sources:
            names |= {o.name, o.text}
            names |= {x.name for x in orgs.orgs if x.start == o.end + 2}     # its short form: "... Nationalbank (OeNB)"
    return name in names


def _subject_before_apposition(s: str, a: int, b: int, cs: int) -> bool:
    """Is the name at s[a:b] the subject of the clause at ``cs``, set off from it only by an apposition
    ("Der Wohnungskonzern Nordwohn, mit rund 98.000 Wohnungen einer der größten Vermieter, hat die Mieten ...
    erhöht")?"""
    from .owner import _finite_verb
    between = s[b:cs].strip()
    verb = re.match(r"\s*([a-zäöüß]+)\b", s[cs:])
    return 0 <= a and between.startswith(",") and between.endswith(",") and between.count(",") == 2 \
        and verb is not None and _finite_verb(verb.group(1))


# a company that reports its own figure, by a reference: "..., teilte das Unternehmen mit", "..., so der Konzern"
_REPORTS_ITSELF = re.compile(r"(?:,\s*(?:teilte|teilt|meldete|meldet|berichtete|berichtet|erklärte|erklärt)|,\s*so)\s+"
                             r"(?:das|der|die)\s+(?:Unternehmen|Konzern|Firma|Gruppe|Gesellschaft)\b")


def _elliptic_object(s: str, cs: int, ce: int) -> bool:
    """Is the clause a second object of the verb before it, without a verb of its own ("Donau Energie senkt den
    Gaspreis um 8 Prozent, den Strompreis um 5 Prozent")? Then the subject before is its owner too."""
    from .owner import _finite_verb
    m = _ELLIPTIC_OBJECT.match(s, cs)
    return m is not None and s[:cs].rstrip().endswith(",") and not any(
        _finite_verb(w) for w in re.findall(r"(?<![\wäöüß-])[a-zäöüß]+(?![\wäöüß-])", s[cs:ce]))


_ELLIPTIC_OBJECT = re.compile(r"\s*(?:den|die|das|seinen|seine|ihren|ihre)\s+[A-ZÄÖÜ][\wäöüß-]*\s+um\s")


def _place_opening(s: str, cs: int) -> str | None:
    """The place a clause opens with, in a report on an economy: "In Wien betrug das Plus ...", "In
    München, der teuersten Stadt, kletterte ...", "Hamburg verzeichnete ein Plus von 4,4 Prozent".
    (``economy`` reads only a lower-case "in" in a sentence: "In Hamburg stellte der Konzern vor" names
    no economy of a company report.)"""
    from .orgs import lexicon
    from .owner import _finite_verb, is_proper_noun
    m = _IN_PLACE_OPENS.match(s, cs)
    if m is None and cs > 0:                # the place, an apposition, then the clause; or a clause that refers back
        m = _IN_PLACE_OPENS.match(s)        # ("Im Erzgebirgskreis lag die Quote bei ..., sie stieg aber um ...")
        m = m if m and (_APPOSITION_ONLY.fullmatch(s, m.end(), cs) or _PRONOUN_OPENS.match(s, cs)
                        or _elliptic(s[cs:clause_end(s, cs)])) else None
    if m and (m.group("p").endswith("kreis") and not m.group("adm")):
        return m.group("p")                  # "Im Erzgebirgskreis"
    if m and place_name(m):
        return place_name(m)
    m = _PLACE_SUBJECT.match(s, cs)
    if m and "T" in lexicon().classes(m.group("p")) and is_proper_noun(m.group("p")) and _finite_verb(m.group("v")):
        return m.group("p")
    m = _PLACE_BEFORE_WHERE.search(s, 0, cs) if _WHERE.match(s, cs) else None   # "das Tessin, wo die Zahl ... sank"
    if m and "T" in lexicon().classes(m.group("p")) and is_proper_noun(m.group("p")):
        return m.group("p")
    m = _PLACE_ITEM.match(s, cs) if cs > 0 else None          # an item without a verb after a place that opened
    if m and "T" in lexicon().classes(m.group("p")) and is_proper_noun(m.group("p")) \
            and _elliptic(s[cs:clause_end(s, cs)]) and _place_opening(s, 0):
        return m.group("p")
    return None


def _elliptic(clause: str) -> bool:
    """A clause without a finite verb of its own: "..., 320 mehr als vor einem Jahr"."""
    from .owner import _finite_verb
    return not any(_finite_verb(w) for w in re.findall(r"(?<![\wäöüß])[a-zäöüß]+(?![\wäöüß])", clause))


def _place_there(ctx, f: dict, clause: str, s: str, cs: int) -> str | None:
    """"Der Quadratmeterpreis stieg dort von ...": the place its sentence names last before the clause
    ("Im Landkreis X blieb die Zahl stabil; die Quote sank dort ..."), else the sentence before."""
    if not _THERE.search(clause):
        return None
    names = [(m.start(), n) for m in _IN_PLACE_ANY.finditer(s, 0, cs) if (n := place_name(m))]
    subject = _PLACE_SUBJECT.match(s, 0, cs)         # "Dortmund meldete 36.200 Arbeitslose; die Quote lag dort ..."
    if subject and _is_place_word(subject.group("p")):
        names.append((subject.start("p"), subject.group("p")))
    if names:
        return max(names)[1]
    before = ctx.paragraph_before(f, 1)
    return economy(before[0], last=True) if before else None


def _is_place_word(word: str) -> bool:
    """A place's name by the lexicon (GeoNames), not also a common noun."""
    from .orgs import lexicon
    classes = lexicon().classes(word)
    return "T" in classes and "N" not in classes


# (a lower-case "im" or "in" opens a clause after a comma: ", im Tessin ging sie um 0,4 Prozent zurück")
_IN_PLACE_OPENS = re.compile(r"[\s,;:]*(?:dagegen\s+)?(?:I|(?<=,\s)i)(?:m|n(?:\s+(?:der|dem|den))?)\s+" + _PLACE)
_PRONOUN_OPENS = re.compile(r"[\s,;:]*(?:sie|er|es)\s")
_APPOSITION_ONLY = re.compile(r",(?:[^,;.]|(?<=\d)[,.](?=\d)){1,80},\s*")     # (a decimal inside: "das mit 11,2 Prozent ...")
_PLACE_SUBJECT = re.compile(r"[\s,;:]*(?:(?:Die|Der|Das|die|der|das)\s+(?:(?:Region|Kanton|Provinz|Metropolregion)\s+)?)?"
                            r"(?P<p>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])\s+(?P<v>[a-zäöüß]+)\b")    # ("Die Region Zürich legte")
_WHERE = re.compile(r"\s*wo\s")
_PLACE_BEFORE_WHERE = re.compile(r"(?P<p>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])\s*,\s*$")
_PLACE_ITEM = re.compile(r"[\s,;:]*(?:und\s+)?(?P<p>[A-ZÄÖÜ][\wäöüß-]*[\wäöüß])\s+(?:um|mit)\s")   # "..., Genf um 1,2 Prozent"
_THERE = re.compile(r"(?<![\wäöüß])dort(?![\wäöüß])")


# a region by its name or its short form: "in der Region DACH", "In der Region Europa, Nahost und Afrika (EMEA)",
# "in der Region Fernost/Pazifik", "In Asien/Pazifik"
_REGION_BEFORE = re.compile(r"(?<![\wäöüß-])(?:(?:Region|Regionen|Segment|Marktregion)\s+(?:[^.;:()]{0,60}\(\s*)?"
                            r"(?:[A-ZÄÖÜ][\wäöüß-]*/)?|(?:Asien|Fernost|Nahost|Europa|Amerika|Lateinamerika|Afrika)/)$")


def _region(ctx, article: str, o) -> bool:
    """Is the name a region's (``_REGION_BEFORE``), not a company's?"""
    text = (ctx.texts or {}).get(article, "")
    return o.start is not None and o.start > 0 and bool(_REGION_BEFORE.search(text, max(0, o.start - 80), o.start))


#: measures only a company has: a place named as their subject is one of its markets
# a company's own output, not an economy's production ("die Produktionsleistung" of a construction group)
# a clause that opens with a region or place phrase: "in der Region Europa, ...", "In Asien-Pazifik und Lateinamerika"
_REGION_OPENS = re.compile(r"[\s,;:]*(?:dagegen\s+)?(?i:in)\s+(?:(?i:der)\s+(?i:region|regionen)\s+)?[A-ZÄÖÜ]")
_IN_REGION = re.compile(r"(?i)(?<![\wäöüß])in\s+der\s+region(?:en)?\s")
_COMPANY_OUTPUT = re.compile(r"(?i)produktionsleistung|bauleistung|fördermenge|produzierte")
_COMPANY_MEASURES = frozenset({"revenue", "profit", "orders", "sales_volume", "users", "dividend", "market_share"})


# a trading partner: "in die übrigen EU-Staaten", "nach China", "aus den USA", "in die Mitgliedstaaten der
# Europäischen Union" (to the end of the noun phrase)
_TRADE_PARTNER = re.compile(r"(?<![\wäöüß])(?i:in\s+(?:die|den|das)|nach|aus(?:\s+(?:der|den|dem|die))?|"
                            r"mit(?:\s+(?:der|den|dem))?)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*"
                            r"(?:\s+(?:der|des)\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?[A-ZÄÖÜ][\wäöüß-]*)?"
                            r"|(?<![\wäöüß])(?:Handelspartner|Absatzmarkt|Exportmarkt|Lieferland)\w*\s+(?:[a-zäöüß]+\s+){0,2}"
                            r"[A-ZÄÖÜ][\wäöüß-]*")          # "wichtigster Handelspartner blieb Deutschland"


# the home of guests: "Gäste aus den USA", "Der wichtigste Herkunftsmarkt Deutschland", "Die Nächtigungen
# polnischer Gäste" (where they go, "in den Alpen", is no partner)
_ORIGIN = re.compile(r"(?<![\wäöüß])(?i:aus)(?:\s+(?:der|den|dem|die))?\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*"
                     r"|(?<![\wäöüß])Herkunfts\w*\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\wäöüß-]*"
                     r"|(?<![\wäöüß])[a-zäöüß]+(?:er|en|e)\s+(?=(?:Gäste|Gästen|Touristen|Urlauber|Besucher)\b)")
# a sentence about guests and their nights
_GUESTS = re.compile(r"(?i)(?<![\wäöüß])(?:gäste|gästen|touristen|urlauber|herkunftsm[aä]rkt\w*|\w*übernachtungen|"
                     r"\w*nächtigungen|logiernächte\w*)(?![\wäöüß])")


def _no_partners(text: str, trade: bool = True) -> str:
    """The text without trading partners (``trade``) or the guests' homes (every economy of a sentence
    on foreign guests: "Bei den ausländischen Gästen lagen die Niederlande ... vorn")."""
    foreign = not trade and _FOREIGN_GUESTS.search(text)
    text = (_TRADE_PARTNER if trade else _ORIGIN).sub(lambda m: " " * len(m.group()), text)
    if foreign:
        for rx, _, _ in _rules()["economies"]:
            text = rx.sub(lambda m: " " * len(m.group()), text)
    return text


def _partners_economy(ctx, f: dict, trade: bool) -> str | None:
    """The economy the sentences before a partner's figure in its paragraph name last, not a partner;
    none from before a sentence on foreign guests ("Bei den ausländischen Gästen lagen die Niederlande
    ... vorn"): what follows it are the guests' homes, the parts of the country before it no owner."""
    if not trade and _FOREIGN_GUESTS.search(f["sentence"]):
        return None
    for x in ctx.paragraph_before(f, 6):
        name = economy(_no_partners(x, trade), last=True, places=False)
        if name is not None or not trade and _FOREIGN_GUESTS.search(x):
            return name
    return None


_FOREIGN_GUESTS = re.compile(r"(?i)(?<![\wäöüß])(?:ausländisch\w*\s+(?:gäst|besucher|touristen|urlauber)|auslandsgäst|"
                             r"gäste\w*\s+aus\s+dem\s+ausland)")


def _place(name: str | None) -> bool:
    """A country, region or town (the NER word list's places, the economies), not a company."""
    from .orgs import lexicon
    name = (name or "").strip()
    return bool(name) and (economy(name) == name or " " not in name and not name.isupper()
                           and "T" in lexicon().classes(name))       # (not an abbreviation: "PKO")


# a list line "- München: 8.420 Euro (plus 2,8 Prozent)": its label, and the first figure after it
_LINE_LABEL = re.compile(r"^\s*(?:[-–•*]\s*)?(?P<n>[A-ZÄÖÜ][\wäöüß&/.+-]*(?:\s+[A-ZÄÖÜ][\wäöüß&/.+-]*){0,3})\s*:\s*")


# between a list line's label and its change: a sign, or the quantity that changed and its parenthesis
# ("- Leipzig: plus 4,2 Prozent", "- Skoda: 541.000 (plus 7,2 Prozent)"); a rubric in capitals may go on in
# prose ("INFINEON: Die UBS hob ihr Ziel ... auf 46 Euro")
_LABEL_GAP = re.compile(r"(?i)(?:(?:plus|minus|rund|etwa|knapp|\+|-|−)\s*)*"
                        r"|\d[\d.,'’ ]*(?:[^\W\d][\wäöüß.$€£-]*\s*){0,3}\(\s*(?:plus|minus|\+|-|−)?\s*")


def _line_label(ctx, f: dict, s: str, p: int):
    """The label of a list line owns the changes on it ("- Leipzig: 3.120 Euro (plus 4,2 Prozent)",
    "- Mercedes-Benz Vans: 182.000 (minus 3,3 Prozent)") where it is a place or a name; a common noun
    ("- Flexible Erzeugung: ...", "- Umsatz: ...") is a segment or a measure of the article's company."""
    from .owner import Owner
    m = _LINE_LABEL.match(s)
    if m is None or "\n" in s[:p]:
        return None
    name, a, b = m.group("n"), m.start("n"), m.end("n")
    s0 = f["sentence_start"]
    orgs = [o for o in ctx.orgs(f["article"]).in_span(s0 + a, s0 + b) if o.start == s0 + a]
    if not _LABEL_GAP.fullmatch(s, m.end(), p) and not (orgs and name.isupper() and len(name) > 2):
        return None                         # a line of prose after its heading ("- Produktempfehlungen: Die Engine ...")
    if _place(name):
        return Owner(economy(name) or name, name, s0 + a, s0 + b, "pattern")
    if not orgs:
        return None
    o = orgs[0]
    if o.end == s0 + b or name.count(" ") > 2 or "/" in name:
        return Owner(o.name, o.text, o.start, o.end, o.source)
    return Owner(name, name, s0 + a, s0 + b, o.source)     # "Volkswagen Pkw": the brand named by its parent


_OPEN_PAREN_AFTER = re.compile(r"(?:\s+[\wäöüß.-]+){0,3}\s*\(\s*")


def _figure_in_parentheses_owner(ctx, f: dict, s: str, p: int):
    """A change in parentheses after an amount of its clause ("Transaktionen im Volumen von 551 Mio.
    Euro begleitet (+66% gegenüber 2014)") is a change of that amount: it has the amount's owner."""
    if s[max(0, p - 3):p].strip()[-1:] != "(":
        return None
    return _quantity_owner(ctx, f, s, p, _OPEN_PAREN_AFTER)


def _apposed_owner(ctx, f: dict, s: str, p: int):
    """A change in apposition to a quantity ("Geely, zu dem auch die Marke Zeekr gehört, setzte 268.000
    Fahrzeuge ab, ein Plus von 35 Prozent") has the quantity's owner."""
    from . import views                   # views imports this module: looked up at call time
    m = views.apposition(ctx, f, s, p)
    if m is None or m.groupdict().get("eq") or m.re is views._COMMA_BEFORE:
        return None                       # (", 22 Prozent mehr als": the clause's own owner serves)
    return _quantity_owner(ctx, f, s, m.start(), _WORDS_BEFORE_COMMA)


def _quantity_owner(ctx, f: dict, s: str, p: int, gap: re.Pattern):
    """The owner of the money amount or count right before s[p] (``gap`` is what may stand between)."""
    before = [x for x in ctx.same_sentence(f, ("money", "count")) if x["end"] <= f["start"]]
    if not before or not gap.fullmatch(s, ctx.pos(before[-1])[1], p):
        return None
    o = ctx.owner(before[-1])
    return o if o is not None and not economy(o.name) else None


_WORDS_BEFORE_COMMA = re.compile(r"(?:\s+[\wäöüß.-]+){0,3}\s*")


def _not_reporting(text: str, place_only: bool = False) -> str:
    """``text`` with its reporting clauses blanked: where the reporter spoke ("wie der Verband am Mittwoch
    in Berlin mitteilte") is no economy of the figure. ``place_only``: blank only that place and keep the
    reporter ("wie das Statistische Bundesamt mitteilte" still says whose figures they are)."""
    from .owner import _REPORTING
    if place_only:
        return _REPORTING.sub(lambda m: _SAID_IN.sub(lambda x: " " * len(x.group()), m.group()), text)
    return _REPORTING.sub(lambda m: " " * len(m.group()), text)


_SAID_IN = re.compile(r"(?<![\wäöüß])in\s+[A-ZÄÖÜ][\wäöüß-]*")


def _blank_orgs(ctx, f: dict, s: str, a: int, b: int) -> str:
    """s[a:b] with the organisations named in it blanked: "Fanuc Deutschland" is no economy (but a
    country the model tagged as a name, "in Japan", stays a place)."""
    s0 = f["sentence_start"]
    text = s[a:b]
    from .orgs import lexicon
    for org in ctx.orgs(f["article"]).in_span(s0 + a, s0 + b):
        if economy(org.text) == org.text or " " not in org.text and "T" in lexicon().classes(org.text):
            continue
        x, y = org.start - s0 - a, org.end - s0 - a
        text = text[:x] + " " * (y - x) + text[y:]
    return text


_DEMONSTRATIVE = re.compile(r"(?i)(?<![\wäöüß])(?:dies|dieses|das)\s+(?:entspricht|bedeutet|ist|war|sind)"
                            r"(?![\wäöüß])|(?<![\wäöüß])(?:entspricht|bedeutet)\s+dies(?![\wäöüß])")


def _main_org_owns(ctx, f: dict, s: str, p: int, cs: int, ce: int):
    """A company's own figure without a measure word in an article about it ("Die Risikovorsorge lag bei
    215 Millionen Euro (Vorjahr: 194 Millionen)"): the article's main organisation, where it was the last
    one named before; not where an economy or an index was named since ("SMI ... Im Verlauf der Woche ein
    Plus von 1,3 Prozent"), an institute speaks, a central bank is meant, a group possesses the measure
    or a share of a group changes. Else None: no guess."""
    o = _implicit_owner(ctx, f)
    orgs = ctx.orgs(f["article"])
    if o is None or o.source != "reference" or o.name != orgs.main().name or _authority(o.name):
        return None
    if _REPORTER_STEMS.search(s) or _group_possessor(s[cs:p]) or _SHARE_OF.search(s[cs:ce]):
        return None
    if economy(s[:p], last=True, offices=False) or _economy_in_paragraph(ctx, f, False):
        return None
    if any(x.type in ("index", "currency") and o.end <= x.start < f["start"] for x in orgs.orgs):
        return None
    return o


def _strong_main(ctx, article: str) -> bool:
    """Is the article about its main organisation: a recognised name, no reporter of the article's
    figures, named in its title or lead or more than once (not an example named once late in a
    statistics report: "Rheinmetall hatte im Januar einen Auftrag gemeldet")?"""
    orgs = ctx.orgs(article)
    m = orgs.main()
    return m is not None and not getattr(m, "weak", False) and not _reports(ctx, article, m.name) \
        and _named_early_or_often(orgs, m.name) and not _economy_article(ctx, article)


def _company_report(ctx, article: str) -> bool:
    """Is the article about its main organisation, even one found by its form alone ("Einhell"): named in
    its title or lead or more than once, no reporter of its figures, and no statistics report?"""
    orgs = ctx.orgs(article)
    m = orgs.main()
    return m is not None and _named_early_or_often(orgs, m.name) and not _reports(ctx, article, m.name) \
        and not (economy(m.name) and not (m.source == "gazetteer" and m.type == "company")) \
        and not _economy_article(ctx, article)               # (not "Hessen"; "Deutsche Bank" is a company)


def _economy_article(ctx, article: str) -> bool:
    """Does the article report an economy's statistics: its title or lead names an economy and a
    statistics office, institute or association ("Die deutsche Industrie ... wie das Statistische
    Bundesamt mitteilte")? Its figures without an owner of their own are the economy's, not those of
    a company it names as an example, even in its title ("E-Autos legen zu - BYD verdoppelt ...")."""
    from .owner import grammar
    orgs = ctx.orgs(article)
    known = _ECONOMY_ARTICLE.get(orgs)
    if known is None:
        text = (ctx.texts or {}).get(article, "")
        end = max(orgs.lead_end, 0)         # the lead's paragraph: the office often speaks in its second sentence
        par = text.find("\n\n", end)
        end = min(par if par != -1 else len(text), end + _LEAD_PARAGRAPH)
        lead = text[:end]
        in_lead = [o for o in orgs.orgs if o.start is not None and 0 <= o.start < end]
        for o in in_lead:                   # "Deutsche Bank" names no economy
            lead = lead[:o.start] + " " * (o.end - o.start) + lead[o.end:]
        known = _ECONOMY_ARTICLE[orgs] = bool(economy((ctx.title(article) or "") + "\n" + lead, places=False,
                                                      offices=False)) \
            and (any(_office(o.name) for o in in_lead + list(orgs.title_orgs))
                 or any(not grammar().is_head(m.group()) for m in _OFFICE_WORD.finditer(lead)))
    return known


# an office, institute or association named in a lead ("wie das Kraftfahrt-Bundesamt mitteilte"; not a
# bank's "das Institut", nor a news agency)
_OFFICE_WORD = re.compile(r"(?<![\wäöüß])[\wäöüß-]*(?:Bundesamt|Landesamt|Bundesagentur|Arbeitsagentur|Netzagentur|"
                          r"Statistik|Staatssekretariat|[Ii]nstitut|[Vv]erband|[Vv]ereinigung|[Kk]ammer|[Mm]inisterium)(?![\wäöüß])")


def _office(name: str) -> bool:
    """A statistics office, institute or association (not a news agency or paper)."""
    low = name.lower()
    return bool(_REPORTER_STEMS.search(name)) or any(low == n or low.startswith(n + " ") or low.startswith(n + "-")
                                                      for n in _rules()["not_owners"])


_ECONOMY_ARTICLE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> bool
_LEAD_PARAGRAPH = 400                       # characters of the lead's paragraph read after its first sentences


def _named_early_or_often(orgs, name: str) -> bool:
    return any(o.name == name for o in orgs.title_orgs) or any(
        o.name == name and o.start < orgs.lead_end for o in orgs.orgs) or sum(o.name == name for o in orgs.orgs) > 1


# a company's person who speaks: "sagte Geschäftsführerin Claudia Haberl", "betont Personalchefin X", "so Firmenchef X"
# (not "ein Sprecher der Statistik Austria": the speaker's body is named)
_COMPANY_SPEAKER = re.compile(r"(?<![\wäöüß])(?:sagte|sagt|betonte|betont|erklärte|erklärt|berichtete|berichtet|so)\s+"
                              r"(?:der\s+|die\s+)?[A-ZÄÖÜ][\wäöüß-]*(?:geschäftsführer|geschäftsführerin|chef|chefin|"
                              r"vorstand|vorständin|inhaber|inhaberin|gründer|gründerin|sprecher|sprecherin)"
                              r"(?!\w)(?!\s+(?:der|des|von)\s)|(?<![\wäöüß])(?:sagte|sagt|betonte|betont|erklärte|erklärt|so)"
                              r"\s+(?:der\s+|die\s+)?(?:Geschäftsführer|Geschäftsführerin|Chef|Chefin|Vorstand|Vorständin|"
                              r"Inhaber|Inhaberin|Gründer|Gründerin)\s+[A-ZÄÖÜ]")
# a verb of reported speech in the subjunctive: "habe sich verdoppelt", "liege das Plus", "seien gesunken"
_SUBJUNCTIVE = re.compile(r"(?<![\wäöüß])(?:sei|seien|habe|liege|werde|könne|müsse|solle|wolle|steige|sinke|wachse)"
                          r"(?![\wäöüß])")


def _company_speech(ctx, f: dict, s: str) -> bool:
    """Does a company's person say the figure: its sentence names the speaker by a company role
    ("..., sagte Geschäftsführerin Claudia Haberl"), or goes on in the subjunctive from such a
    sentence of its paragraph ("Für Griechenland liege das Plus bei einem Viertel")?"""
    if _COMPANY_SPEAKER.search(s):
        return True
    if not _SUBJUNCTIVE.search(s):
        return False
    for x in ctx.paragraph_before(f, 3):
        if _COMPANY_SPEAKER.search(x):
            return True
        if not _SUBJUNCTIVE.search(x):
            return False
    return False


def _implicit_owner(ctx, f: dict, places: bool = True, paragraph: bool = False):
    """A company's measure without a possessor ("Der Umsatz stieg um 25 Prozent", "elf Prozent der
    Belegschaft") is the company the article is talking about: the organisation named last before
    it (without ``places``: the last that is no place; with ``paragraph``: in the figure's paragraph
    only), else the article's main organisation."""
    from .owner import Owner
    orgs = ctx.orgs(f["article"])
    sources = orgs.sources()
    before = [o for o in orgs.orgs if o.end <= f["start"] and o.type not in ("index", "currency")
              and (not getattr(o, "weak", False) or (o.start, o.end) in orgs.taken
                   or paragraph and (o.start, o.end) in orgs.subjects) and not _reporter(o.name)
              and (o.start, o.end) not in sources and (o.start, o.end) not in orgs.examples   # not "laut X"
              and o.name not in orgs.subsidiaries        # (a subsidiary's figures name it: "die Tochter X steigerte ...")
              and (places or not _place(o.text) and not _region(ctx, f["article"], o))]
    if before and (paragraph or _economy_article(ctx, f["article"])) and ctx.paragraph_start(f) > before[-1].start:
        return None                         # a statistics report: a company of an earlier paragraph was an example
    if before and ctx.paragraph_start(f) > before[-1].start and _company_report(ctx, f["article"]) \
            and orgs.main().name != before[-1].name:
        before = []                         # a new paragraph of a company report is on the company again, not on the
        #                                     partner or brand the last one named ("... mit der Baumarktkette Bunnings")
    o = before[-1] if before else orgs.main()
    if not before and o is not None and (not _named_early_or_often(orgs, o.name) or _economy_article(ctx, f["article"])):
        return None                         # (the article's main organisation, named once after the figure: no owner)
    if o is None or _reports(ctx, f["article"], o.name) or economy(o.name) and not (o.source == "gazetteer" and o.type == "company"):
        return None                         # (a place is no owner; "Deutsche Post" is a company)
    return Owner(o.name, o.text, o.start if before else None, o.end if before else None,
                 "reference" if before else "article")


_SHARE_OF = re.compile(r"(?i)(?<![\wäöüß])anteil(?:e|s)?(?![\wäöüß])")
_REPORTER_STEMS = re.compile(r"(?i)(?<![\wäöüß])\w*(?:institut|anstalt|verband|vereinigung|kammer|bundesamt|landesamt|kriminalamt|statistische|agentur|statistik|forschung|"
                             r"staatssekretariat|barometer|ministerium)\w*")


_GENITIVE = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*\s+(?:der|des)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}(?P<h>[A-ZÄÖÜ][\wäöüß-]*)")


def _group_possessor(before: str) -> bool:
    """"Die Nettozinsmarge der regionalen Sparkassen verringerte sich um ...": the measure's possessor
    is a group of organisations or households, not the company the article is about."""
    return any(h in m.group("h").lower() for m in _GENITIVE.finditer(before) for h in _rules()["group_possessors"])


def _authority(name: str) -> bool:
    """A central bank, supervisor or government ("Notenbank Fed", "die Bundesbank"): it sets rates and
    budgets, its articles' figures are the economy's."""
    from .owner import grammar
    return any(w.lower().endswith(grammar().authorities) for w in re.split(r"[\s-]+", name))


# the author of a survey or study the article reports: "die Frühjahrsumfrage des Deutschen Kammertags",
# "eine Studie der Beratung X", "im Auftrag des Detailhandelsverbands"
_AUTHOR_BEFORE = re.compile(r"(?i)(?:umfrage|studie|erhebung|befragung|report|analyse|auswertung|untersuchung|"
                            r"barometer|monitor|im\s+auftrag)\w*\s+(?:des|der|von|vom)\s+(?:[\wäöüß-]+\s+){0,2}$")


def _reports(ctx, article: str, name: str | None) -> bool:
    """``name`` reports figures in this article rather than owning them: a statistics office, agency or
    institute (``_reporter``), an abbreviation the text defines as one ("(BDEW)"), or the author of the
    survey or study the article is about."""
    if not name:
        return False
    text = (ctx.texts or {}).get(article) or ""
    orgs = ctx.orgs(article)
    known = _AUTHORS.get(orgs)
    if known is None:                   # once per article: the authors' names, how it writes them, long forms
        from .owner import sentences            # (a survey named only after the lead is not what the article is about)
        spans = sentences(text[:3000])
        lead = (spans[1][1] if len(spans) > 1 else len(text)) + _LEAD_PARAGRAPH
        names = {o.name for o in orgs.orgs if o.start is not None and 0 <= o.start < lead
                 and _AUTHOR_BEFORE.search(text, max(0, o.start - 80), o.start)}
        known = _AUTHORS[orgs] = (names, {o.text for o in orgs.orgs if o.name in names}, {})
    names, written, longs = known
    if name not in longs:
        longs[name] = _long_form(text, name)
    long = longs[name]
    if _reporter(name) or _reporter(long) or long and " " in long and _reporter(long.rsplit(" ", 1)[-1]):
        return True                     # (the long form's last word: "Personen beim Arbeitsmarktservice (AMS)")
    return name in names or bool(long) and any(long.endswith(t) for t in written)


_AUTHORS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> (names, written, long forms)


def _long_form(text: str, short: str) -> str:
    """The name an abbreviation stands for where the text defines it: "Der Bundesverband der Energie-
    und Wasserwirtschaft (BDEW)" -> "Bundesverband der Energie- und Wasserwirtschaft"; else ""."""
    if not short.isupper() or len(short) > 8:
        return ""
    m = re.search(r"(?P<n>[A-ZÄÖÜ][\wäöüß-]*(?:\s+[\wäöüß-]+){0,6}?)\s*\(\s*" + re.escape(short) + r"\s*\)", text)
    return m.group("n") if m else ""


def _reporter(name: str) -> bool:
    """A statistics office, agency or institute reports figures, it does not own them, nor does a news
    agency or paper (the owner grammar's list); a measure word ("Ebitda") or a function word
    ("Mehr") is never an owner."""
    from .owner import _fine_authorities, grammar
    if name in _rules()["not_owner_words"] or name in grammar().not_owners \
            or name.lower() in _fine_authorities():
        return True
    return any(rx.fullmatch(name) for _, rx in _rules()["measures"]) or _office(name)


def _indices(at) -> frozenset:
    key = id(at)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = frozenset(n for n, t in at.gazetteer.values() if t in ("index", "currency"))
    return _INDEX_CACHE[key]


_INDEX_CACHE: dict[int, frozenset] = {}


def _economy_near(ctx, f: dict, s: str, p: int, offices: bool) -> str | None:
    """The economy named before the figure in its sentence, else in its sentence, else its paragraph's last."""
    s = _not_reporting(s)
    return economy(s[:p], last=True, offices=offices) or economy(s, offices=offices) \
        or _economy_in_paragraph(ctx, f, offices)


def _economy_in_paragraph(ctx, f: dict, offices: bool) -> str | None:
    """The economy the sentences before the figure's in its paragraph name last; not one of a
    breakdown by region ("In Hamburg liegt sie bei 30 Prozent, in Thüringen bei 14 Prozent"): its
    places are the parts of a whole, no economy of what follows."""
    return next(filter(None, (economy(x, last=True, places=False, offices=offices)
                              for x in ctx.paragraph_before(f, 6) if not _breakdown(x))), None)


def _breakdown(sentence: str) -> bool:
    """Does a sentence give figures for two or more economies or places (in its parts with a number)?"""
    from .orgs import lexicon
    names = set()
    for part in re.split(r"[,;]", sentence):
        if re.search(r"\d", part):
            names |= {name for rx, name, _ in _rules()["economies"] for _ in rx.finditer(part)}
            names |= {n for m in _IN_PLACE_ANY.finditer(part) if (n := place_name(m))}
    return len(names) > 1


def _article_economy(ctx, article: str) -> str | None:
    """The economy the article's lead, else its title, else its first figure sentence names (once per
    article), not where it was written or said (its dateline's place, "wie ... in Frankfurt mitteilte"):
    a title may pick out one region ("Arbeitslosigkeit in Oberösterreich steigt"), the lead sets the frame
    ("Der Anstieg der Arbeitslosigkeit in Österreich ...")."""
    orgs = ctx.orgs(article)
    if orgs not in _ARTICLE_ECONOMY:
        title = ctx.title(article)
        lead = _not_reporting(_lead_body(ctx, article)[0], place_only=True)
        parts = _breakdown(lead)                      # (no place of a breakdown: "in Linz um 2,3 Prozent")
        rest = [_not_reporting(r["sentence"], place_only=True) for r in ctx.by_article.get(article, [])]
        # an economy the lead names, then the title's, then an office's ("Definition von Eurostat"); after the
        # lead, only an economy of the list: a place "in" a later sentence is where something happened ("allein
        # die Waldbrände in Kalifornien kosteten den Konzern rund 1,1 Milliarden Euro")
        _ARTICLE_ECONOMY[orgs] = next(filter(None, [economy(lead, offices=False, places=not parts), economy(title or ""),
                                              economy(lead, places=not parts)]
                                             + [economy(t or "", places=False) for t in rest]), None)
    return _ARTICLE_ECONOMY[orgs]


_ARTICLE_ECONOMY: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> economy or None


def _lead_body(ctx, article: str) -> tuple[str, int]:
    """The article's lead with its title and datelines blanked (offsets kept: "Frankfurt (Finanzpresse
    Westend) - " says where it was written, the title line is read on its own), and where its body
    begins: after the last dateline, else after the title's line."""
    from .dateline import dateline_spans
    lead = (ctx.texts or {}).get(article, "")[:max(ctx.orgs(article).lead_end, 0)]
    title = ctx.title(article)
    spans = dateline_spans(lead)
    body = spans[-1][1] if spans else lead.find("\n") + 1 if title else 0
    for a, b in spans:
        lead = lead[:a] + " " * (b - a) + lead[b:]
    if title and lead.startswith(title):
        lead = " " * len(title) + lead[len(title):]
    return lead, body

# an industry as the subject the lead opens with ("Die deutsche Fahrradbranche kommt nicht aus der Krise", "Der
# deutsche Maschinen- und Anlagenbau hat ...", "Die deutschen Landmaschinenhersteller bekommen ...")
_SECTOR_LEAD = re.compile(r"(?:^|\s[-–—]\s+)(?:Die|Der|Das)\s+(?:(?:deutsche|österreichische|schweizerische|heimische)n?\s+|"
                          r"Schweizer\s+)?(?P<s>(?:[A-ZÄÖÜ][\wäöüß]*-\s+(?:und|sowie)\s+)?(?=[A-ZÄÖÜ])[\wäöüß-]*"
                          r"(?i:industrie|branche|anlagenbau|maschinenbau|hersteller|versicherer|gewerbe|handwerk))"
                          r"(?![\wäöüß-])")
_ASSOCIATION = re.compile(r"(?i)verband|vereinigung")


def _sector_article(ctx, article: str) -> tuple[str, int, int] | None:
    """The industry an article is about when an association reports its figures, with its offsets in the
    article: the industry its first sentence opens with, an association ("Verband",
    "Wirtschaftsvereinigung") named in its lead or right after. Its figures without an owner of their own
    are the industry's, not the economy's (once per article)."""
    orgs = ctx.orgs(article)
    if orgs not in _SECTOR:
        text = (ctx.texts or {}).get(article, "")
        lead, at = _lead_body(ctx, article)
        at += len(lead[at:]) - len(lead[at:].lstrip(" -–—\n"))      # (after a place: "Frankfurt – Die deutsche ...")
        m = _SECTOR_LEAD.search(lead[at:at + 120])
        found = m and _ASSOCIATION.search(text, 0, max(orgs.lead_end, 0) + 400)    # (its next sentences too)
        _SECTOR[orgs] = (m.group("s"), at + m.start("s"), at + m.end("s")) if found else None
    return _SECTOR[orgs]


_SECTOR: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> industry or None


def sector_owner(ctx, article: str, cols: dict) -> dict:
    """Owner columns with an industry's figures given to the industry in an association's report on it
    (``_sector_article``): those of the economy, and those of the association itself ("Der
    Branchenverband ZVEI rechnet mit einem Umsatz von 247 Milliarden Euro": the industry's)."""
    sector = _sector_article(ctx, article)            # (once per article: most are no association's report)
    name = cols.get("entity")
    if sector is None or cols.get("entity_source") != "economy" and not (name and _association(ctx, article, name)):
        return cols
    name, a, b = sector
    return {**cols, "entity": name, "entity_text": name, "entity_start": a, "entity_end": b, "entity_source": "sector"}


def _association(ctx, article: str, name: str) -> bool:
    """Is ``name`` an association in the article: itself called one ("Verband der Chemischen Industrie"),
    or written after such a word ("der Branchenverband ZVEI")?"""
    if _ASSOCIATION.search(name):
        return True
    text = (ctx.texts or {}).get(article, "")
    return any(o.name == name and _ASSOCIATION.search(text, max(0, o.start - 25), o.start)
               for o in ctx.orgs(article).orgs)


def _unit(f: dict, s: str, p: int) -> str | None:
    if f["kind"] == "percent":
        return f["unit"]
    if f["kind"] == "money":
        return f["unit"]
    if f.get("unit"):
        return f["unit"]
    m = list(_ZAHL.finditer(s, 0, p))
    return m[-1].group("n") if m else None


def change_rows(ctx) -> list[dict]:
    """Changes of the prose figures of a corpus context (``explore.views._Context``)."""
    from . import views                   # views imports this module: looked up at call time
    r_ = _rules()
    at = ctx.at
    out = []
    earlier: set[int] = set()                         # figures read as the earlier level of a row before
    for f in ctx.rows:
        if f.get("in_table") or f["kind"] not in ("percent", "money", "count", "multiple", "ratio", "other", "index",
                                                   "duration"):
            continue
        earlier.update(id(row["_from"]) for row in out[-2:] if row["_levels_only"])
        if id(f) in earlier:
            continue                                  # "auf 18,4 Prozent (17,4 Prozent)": no change of its own
        s = f["sentence"]
        p, e = ctx.pos(f)
        if f["kind"] == "duration" and not _DURATION_COMPARED.match(s, e):
            continue                                  # a duration changes only compared: "0,8 Tage weniger als im Vorjahr"
        indicator = f["kind"] == "index" and indicator_points(ctx, f, s, p, e)
        if f["kind"] == "index" and not indicator:
            continue                                  # a stock index's points: the stock-move table's
        if f["kind"] == "money" and _RESULT_AMOUNT.search(s, max(0, p - 40), p) \
                and not _COMPARED_AFTER.match(s, e):
            continue                                  # "machte ein Minus von knapp 1,1 Milliarden Euro": a loss, not a change
        restated = _restated_change(ctx, out, f, s, p, e) or _earlier_rate(out, f, s, p)
        if restated is not None:
            out.append(restated)
            continue
        site = _job_change(f, s, p, e, "site") or _job_change(f, s, p, e, "seat") or _job_change(f, s, p, e, "resident")
        if site:                            # "will 35 ihrer 210 Filialen schließen", "Die CDU verlor drei Sitze"
            out.append(_row(ctx, f, "other", site, None))
            continue
        job = _job_change(f, s, p, e)
        if job:
            row = _row(ctx, f, "employment", job, None)
            whose = _jobs_possessor(ctx, f, s, e)
            if whose is not None:                     # "eine der 2600 Mitarbeiterinnen der Handelskette Zielpunkt"
                row.update(views._owner_columns(whose))
            high = f.get("high")
            if high not in (None, f["low"]) and f["low"]:     # "zwischen 650 und 700 Mitarbeiter": each end a row
                key = "change_pct" if row["change_pct"] is not None else "change_abs"
                out.append(row)
                row = {**row, key: row[key] * high / f["low"]}
            whole = out[-1] if out and out[-1]["sentence"] == s and out[-1]["measure"] == "employment" else None
            if whole is not None and _DAVON.search(s, max(0, p - 30), p):
                row.update({k: whole[k] for k in (*_OWNER_KEYS, "period")})   # "..., davon 150 in Deutschland"
            out.append(row)
            continue
        inflation = _inflation_rate(f, s, p, e)
        if inflation is not None:
            out.append(_row(ctx, f, "prices", {"change_pct": inflation}, None))
            continue
        sign = _growth_rate(f, s, p)
        if sign:                                      # "senkte sein Ziel für das Umsatzwachstum auf 3 bis 4 Prozent,
            measure = measure_of(s, p, e)             # nach bislang 5 bis 7 Prozent": growth rates, each end a row
            out += [_row(ctx, f, measure, {"change_pct": sign * v}, None)
                    for v in dict.fromkeys(x for x in (f["low"], f.get("high")) if x is not None)]
            continue
        if not _is_change(f, s, p, e) and not (f["kind"] == "ratio" and _AUF.search(s[max(0, p - 30):p])) \
                and not (f["kind"] == "percent" and f.get("direction") and (
                    views.business_growth(ctx, s) or views.change_of_a_quantity(ctx, f, s, p))):
            levels = _stated_levels(ctx, f, s, p, e)
            if levels:
                out.append(levels)
            continue
        if f["kind"] == "percent" and _STATED_AS_LEVEL.search(s[clause_start(s, p):p]) and (
                r_["market"].search(s) or _SHARE_WORDS.search(s) or _AT_TIMES.search(s)):
            continue                                  # "zeitweise lag das Plus bei 9,1 Prozent": a share's move
        if _earlier_level(ctx, f, s, p, e):
            continue                                  # "ein Anstieg von 296.000 (revidiert von 293.000) auf 311.000",
            #                                           "von 2,1 auf 2,5 Milliarden Euro": the earlier level
        direction = _direction(f, s, p, e)
        clause = s[clause_start(s, p):clause_end(s, e)]
        if direction and r_["judging"].search(clause) and r_["lower_is_better"].search(s[:clause_end(s, e)]):
            direction = "down" if direction == "up" else "up"   # "Die Combined Ratio verbesserte sich um 2,3 Punkte"
        cs, ce = clause_start(s, p), clause_end(s, e)
        measure = _measure(ctx, f, s, p, e)
        plain = blank_per_share(s, p, e)
        if f["kind"] in ("percent", "multiple") and at.is_stock_move(plain, p, e) and (
                measure == "other" or _SHARE_WORDS.search(plain[cs:ce])) and not views.change_of_a_quantity(ctx, f, s, p):
            continue                                  # a stock move (a business measure wins over "Einzelhandel")
        if f["kind"] == "percent" and views.name_then_sign(ctx, f, s, p):
            continue                                  # "Mercedes-Benz (-3,2 Prozent): Der Autobauer meldete ..."
        if measure == "other" and f["kind"] != "count" and r_["not_changes"].search(s[cs:ce]):
            continue                                  # (a count is no market's: "die Zahl der Terminals im Handel")
        if f["kind"] == "percent" and _currency_move(ctx, f, cs):
            continue                                  # "Der Euro verbilligte sich um 0,6 Prozent auf 1,15538 $"
        if f["kind"] == "percent" and _commodity_move(ctx, f, s, cs, p):
            continue                                  # "Gold verteuerte sich um 1,3 Prozent auf 4.215 Dollar je Feinunze"
        if (measure == "other" or measure == "prices" and not _PRICE_NOUN.search(s, cs, ce)) and f["kind"] == "percent" \
                and not _STATED_AS_LEVEL.search(s[cs:p]) and _listed_move(ctx, f, p, e):
            continue                                  # the stock-move table's row ("Für Infineon ging es um 3 % nach oben",
            #                                           "Shell verbilligten sich um 0,9 Prozent": a verb of price, no prices)
        pct = absolute = factor = None
        unit = None
        if f["kind"] == "multiple":
            factor = f["low"]
        elif f["kind"] == "ratio":
            if _AUF.search(s[max(0, p - 30):p]):
                factor = f["low"]
            elif direction:
                pct = round(f["low"] * 100 * (-1 if direction == "down" else 1), 2)
            else:
                continue
        elif not direction:
            levels = _stated_levels(ctx, f, s, p, e)    # "erhöhte sich auf 41.812 TEUR (Vj. 35.990 TEUR)": a level
            if levels:
                out.append(levels)
            continue
        elif f["kind"] == "percent" and f["unit"] == "%":
            pct = f["low"] * (-1 if direction == "down" else 1)
        else:
            absolute = f["low"] * (-1 if direction == "down" else 1)
            unit = _unit(f, s, p)
        wide = bool(r_["change_noun"].search(s[max(0, p - 80):p]))
        frm, to = _levels(ctx, f, s, p, e, wide)
        if measure != "sentiment" and any(x is not None and x["kind"] == "index" for x in (frm, to)):
            continue                                  # "fiel um 7,9 % auf 1414 Punkte": an index moved
        pm = list(r_["periods"].finditer(s, cs, ce)) or list(r_["periods"].finditer(s))
        period = min(pm, key=lambda m: abs(m.start() - p)).group(0) if pm else None
        out.append({
            "article": f["article"], "publisher": f.get("publisher"), "published": f.get("published"),
            "title": f.get("title"), **_entity(ctx, f, measure, s, p, e), "measure": measure,
            "change_pct": pct, "change_abs": absolute, "unit": unit, "change_factor": factor, "period": period,
            "from_value": frm["low"] if frm else None, "to_value": to["low"] if to else None,
            "from_unit": frm["unit"] if frm else None, "to_unit": to["unit"] if to else None,
            "qualifier": f.get("qualifier"), "text": f["text"], "start": f["start"], "end": f["end"], "sentence": s,
            "_from": frm, "_to": to, "_levels_only": False,
        })
        high = f.get("high")
        if high is not None and f["low"] is not None and high != f["low"] and (pct is not None or absolute is not None):
            sign = -1 if direction == "down" else 1        # "soll jährlich um 6 bis 8 Prozent wachsen": each end a row
            out.append(out[-1] | ({"change_pct": high * sign} if pct is not None else {"change_abs": high * sign}))
    tos = {(r["article"], r["_to"]["start"]) for r in out if r["_to"] is not None and r["change_pct"] is not None
           or r["_to"] is not None and (r["change_abs"] is not None or r["change_factor"] is not None)}
    out = [r for r in out if not (r["_levels_only"] and (r["article"], r["start"]) in tos)]
    _continue_owners(ctx, out)
    return out


# the part of a whole stated before: "rund 600 Stellen wegfallen, davon etwa 150 in Deutschland"
_DAVON = re.compile(r"(?i)(?<![\wäöüß])davon\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.|allein)\s+)*$")
_OWNER_KEYS = ("entity", "entity_text", "entity_start", "entity_end", "entity_source")
#: how far (characters) an elliptic change may stand from the change it continues
CONTINUE_WITHIN = 300


def _continue_owners(ctx, rows: list[dict]) -> None:
    """A change that names no owner and found none continues the change stated just before it on its
    line (in place; not a central bank's): "Die Detailhandelsumsätze in der Schweiz sind real um 0,8
    Prozent gesunken. Nominal resultierte ein Minus von 1,3 Prozent." """
    texts = ctx.texts or {}
    prev = None
    for r in sorted(rows, key=lambda r: (r["article"], r["start"])):
        text = texts.get(r["article"])
        if r["entity"] is None and prev is not None and prev["article"] == r["article"] and prev["entity"] is not None \
                and text is not None and 0 <= r["start"] - prev["end"] <= CONTINUE_WITHIN \
                and "\n" not in text[prev["end"]:r["start"]] and not _authority(prev["entity"]) \
                and (prev.get("entity_source") == "economy" or not _reports(ctx, r["article"], prev["entity"])):
            r.update({k: prev[k] for k in _OWNER_KEYS})
        prev = r


def _inflation_rate(f: dict, s: str, p: int, e: int) -> float | None:
    """"Die Inflationsrate lag bei 2,1 Prozent", "eine Teuerung von 2,0 Prozent", "Inflation sinkt auf 2,1
    Prozent": an inflation rate is the change of consumer prices in percent (not its change "um")."""
    if f["kind"] != "percent" or f["unit"] != "%" or _UM.search(s[max(0, p - 40):p]) or compared(s, e):
        return None
    cs, ce = clause_start(s, p), clause_end(s, e)
    if not _rules()["inflation"].search(s[cs:ce]):
        if not (_NACH.search(s[max(0, p - 20):p]) and _rules()["inflation"].search(s[:cs])):
            return None                     # "..., nach 2,2 Prozent im Jahr 2025": the earlier rate
    neg = re.search(r"(?i)(?:minus|−|-)\s*$", s[max(0, p - 8):p]) or f.get("direction") == "down" and \
        f["text"].lstrip().startswith(("-", "−"))
    return -f["low"] if neg else f["low"]


def _jobs_possessor(ctx, f: dict, s: str, e: int):
    """The company whose jobs a count names after its noun: "2600 Mitarbeiterinnen der Handelskette Zielpunkt",
    "1.200 Stellen bei der Commerzbank" (a business noun may stand before the name), or in it ("Yahoo!-Mitarbeiter"),
    else None."""
    from .owner import Owner, grammar
    noun = _rules()["counted"]["job"]["nouns"].match(s[e:])
    orgs = ctx.orgs(f["article"])
    if noun and "-" in noun.group():                  # "650 und 700 Yahoo!-Mitarbeiter": the compound's name
        a = f["sentence_start"] + e
        for o in orgs.in_span(a, a + noun.end()):
            if o.type not in ("index", "currency"):
                return Owner(o.name, o.text, o.start, o.end, o.source)
    m = _JOBS_OF.match(s, e + noun.end()) if noun else None
    if m is None:
        return None
    a = f["sentence_start"] + m.end()
    for o in orgs.in_span(a, a + 80)[:1]:
        between = s[m.end():o.start - f["sentence_start"]].split()
        if all(grammar().is_apposition_head(w) or w[:1].islower() for w in between) and o.type not in ("index", "currency") \
                and (o.start, o.end) not in orgs.speakers:
            return Owner(o.name, o.text, o.start, o.end, o.source)
    return None


# a count of jobs and its company after it: "der Handelskette X", "des Konzerns X", "bei der X", "von X"
_JOBS_OF = re.compile(r"\s+(?:der|des|bei(?:\s+(?:der|dem|den))?|von|beim)\s+")


def _named_as_company(s: str, a: int) -> bool:
    """Does a business noun stand right before the name at s[a:] ("der Wetzlarer Heizungshersteller Thermowerk")?"""
    from .owner import _HEAD_BEFORE, grammar
    m = _HEAD_BEFORE.search(s, max(0, a - 40), a)
    return m is not None and grammar().is_head(m.group(1))


def _job_change(f: dict, s: str, p: int, e: int, what: str = "job") -> dict | None:
    """"streicht 12.000 Jobs", "elf Prozent der Belegschaft sollen gehen": a fall (or, with "schafft",
    a rise) of employment stated as the jobs cut or created; with ``what="site"`` the shops, branches
    or plants closed or opened ("will 35 ihrer 210 Filialen schließen"), with ``what="seat"`` the seats a
    party lost or won ("Die CDU verlor drei Sitze"), with ``what="resident"`` a place's inhabitants."""
    r = _rules()["counted"][what]
    if f["kind"] not in ("count", "percent", "ratio") or (f["kind"] == "percent" and f["unit"] != "%") \
            or f["kind"] == "ratio" and (f["unit"] != "fraction" or not _PARTITIVE_NOUN.match(s, e)):
        return None                     # (a fraction of a workforce: "ein Drittel der Belegschaft")
    if f.get("direction") and _UM.search(s[max(0, p - 40):p]):
        return None                                     # "stieg um 1200 Mitarbeiter": an ordinary change
    von = _VON.search(s, max(0, p - 30), p)
    if von and not _ACT_OF.search(s, max(0, von.start() - 30), von.start()) or _AUF.search(s[max(0, p - 30):p]) \
            or _BEI.search(s[max(0, p - 30):p]) or not f["low"]:
        return None                   # "Von rund 9200 Arbeitsplätzen ...": the base; "auf 300 Mitarbeiter", "hält nun
        #                               bei 8 Mandaten": a level
        #                               (but "die Entlassung von 60 Mitarbeitern": the jobs the act is of)
    if _PARTITIVE_BASE.search(s[max(0, p - 80):p]) or _WITH.search(s[max(0, p - 30):p]):
        return None                  # "550 ihrer 1250 Stellen": the whole; "ein Werk mit 1000 Mitarbeitern": a size
    whole = _PARTITIVE.match(s, e)
    instead = _INSTEAD.match(s, e)
    noun_at = whole.end("n") if whole else instead.end() if instead else e   # "zehn Prozent der weltweit etwa
    #                                                     2000 Stellen", "1100 statt 1700 Arbeitsplätze"
    elliptic = _elliptic_jobs(f, s, p, e) if not whole and what == "job" else None
    if not r["nouns"].match(s[noun_at:]) and not r["nouns"].match(" " + (f.get("unit") or "")) \
            and not elliptic:
        return None
    cs, ce = clause_start(s, p), clause_end(s, e)
    window = s[cs:ce] if (r["cut"].search(s[cs:ce]) or r["create"].search(s[cs:ce])) else s
    cut, create = r["cut"].search(window), r["create"].search(window)
    if not cut and not create or (cut and create) or _NEGATED.search(window, 0, (cut or create).start()):
        return None                                     # "Arbeitsplätze, die wir nicht schaffen konnten"
    sign = -1 if cut else 1
    base = {"from_value": float(re.sub(r"\D", "", whole.group("n")))} if whole else {}
    if f["kind"] in ("percent", "ratio"):
        return {"change_pct": sign * f["low"] * (100 if f["kind"] == "ratio" else 1), **base}
    unit = f.get("unit") or (r["nouns"].match(s[noun_at:]) or elliptic).group(0).split()[-1]
    return {"change_abs": sign * f["low"], "unit": unit, **base}


def _elliptic_jobs(f: dict, s: str, p: int, e: int):
    """A bare count after jobs counted earlier in the sentence: "rund 2.400 Stellen abgebaut; bis Ende
    2026 sollen weitere 600 wegfallen" (the noun is left out; the match of the earlier jobs)."""
    if f["kind"] != "count" or f.get("unit") or re.match(r"\s+[A-ZÄÖÜ]", s[e:]):
        return None
    found = list(_rules()["jobs_counted"].finditer(s, 0, p))
    return found[-1] if found else None


# a part of a workforce and its whole: "550 ihrer 1250 Stellen", "zehn Prozent der weltweit etwa 2000 Stellen"
# (and the whole of a question: "Wie viele der 700 Mitarbeiter ihre Stelle verlieren, ist unklar")
_PARTITIVE = re.compile(r"\s+(?:der|ihrer|seiner|unserer|aller|deren|dessen)\s+(?:(?:weltweit|insgesamt|derzeit|noch|"
                        r"zuletzt|bislang|bisher|rund|etwa|knapp|gut|fast|über|mehr als|ca\.)\s+)*"
                        r"(?P<n>\d{1,3}(?:[.\u00a0\u202f '’]\d{3})+|\d+)(?=\s)")
_PARTITIVE_BASE = re.compile(r"(?:\d|Prozent|%|[Ww]ie\s+viele)\s+(?:der|ihrer|seiner|unserer|aller|deren|dessen)\s+(?:(?:weltweit|insgesamt|"
                             r"derzeit|noch|zuletzt|bislang|bisher|rund|etwa|knapp|gut|fast|über|mehr als|ca\.)\s+)*$")
def _earlier_level(ctx, f: dict, s: str, p: int, e: int) -> bool:
    """Is a count or amount after "von" the earlier of two levels, "auf" the later one, and the two of one
    size ("ein Anstieg von 296.000 auf 311.000"), not a change and its new level ("ein Plus von 5 Millionen
    Euro auf 2,5 Milliarden Euro")?"""
    if f["kind"] not in ("count", "other", "money") or not f["low"] or not _VON.search(s, max(0, p - 30), p) \
            or not scanner().modifiers.re_to_level.match(s, e):     # "... auf 311.000"
        return False
    later = [x for x in ctx.same_sentence(f) if ctx.pos(x)[0] >= e and x["kind"] == f["kind"]]
    return bool(later) and later[0]["low"] is not None and 1 / 3 <= later[0]["low"] / f["low"] <= 3
# a fraction's noun after its article ("ein Drittel der Belegschaft", "ein Viertel seiner Stellen")
_PARTITIVE_NOUN = re.compile(r"\s+(?:der|des|seiner|ihrer|aller|unserer)\s")
# a figure instead of another, the noun after the second: "1100 statt 1700 Arbeitsplätze" (the second, the
# plan or report it replaces, is a row of its own)
_INSTEAD = re.compile(r"\s+(?:statt|anstatt|anstelle\s+von|an\s+Stelle\s+von)\s+(?:(?:der|den|ursprünglich|zunächst|bisher|"
                      r"bislang|geplanten|angekündigten|rund|etwa)\s+)*\d[\d.\u00a0\u202f']*")
# a noun of cutting or creating jobs before "von": "die Entlassung von 60 Mitarbeitern", "den Abbau von 500 Stellen"
_ACT_OF = re.compile(r"(?i)(?:entlassung|abbau|streichung|kürzung|wegfall|schaffung|aufbau)(?:en)?\s+$")
_NEGATED = re.compile(r"(?i)(?<![\wäöüß])(?:nicht|nie|keine?)\s+(?:[\wäöüß]+\s+)?$")
_WITH = re.compile(r"(?i)(?<![\wäöüß])mit\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.|insgesamt)\s+)*$")


def _levels_only(ctx, f: dict, s: str, p: int, e: int) -> dict | None:
    """"Der Verlust vergrößerte sich von 977'000 auf 2,8 Millionen Franken": a change stated by its
    levels only, one row at the new level (an indicator's too: "Der Geschäftsklimaindex stieg von 93,9
    auf 94,7 Punkte")."""
    if f["kind"] not in ("money", "count", "percent", "other", "index") or not _AUF.search(s[max(0, p - 30):p]):
        return None
    r = _rules()
    cs, ce = clause_start(s, p), clause_end(s, e)
    clause = s[cs:ce]
    if not (r["up"].search(clause) or r["down"].search(clause)):
        return None
    frm, to = _levels(ctx, f | {"start": -1}, s, p, e, False)
    if frm is None or to is None or to["start"] != f["start"] or frm["unit"] != f["unit"]:
        return None
    if not frm["low"] or not 1e-3 < to["low"] / frm["low"] < 1e3:
        return None                                     # levels a thousandfold apart are not one quantity
    if any(_UM.search(s[max(0, ctx.pos(x)[0] - 40):ctx.pos(x)[0]]) for x in ctx.same_sentence(f)
           if cs <= ctx.pos(x)[0] < ce):
        return None                                     # the change itself is stated ("um 3 Prozent")
    measure = _measure(ctx, f, s, p, e)
    if at_stock(ctx, s, p, e, measure):
        return None
    row = _row(ctx, f, measure, {}, None)
    row.update({"from_value": frm["low"], "to_value": to["low"], "from_unit": frm["unit"], "to_unit": to["unit"],
                "_from": frm, "_to": to, "_levels_only": True})
    return row


# the earlier level in parentheses right after a level: "(Vorjahr: 20 Prozent)", "(76,4 in 2003)",
# "(2024: 1,2 Mrd.)", "(Vj. 36,2 Mio.)", the period of an ad-hoc release: "(Q3 2025: EUR 1,71 Mrd.)", "(9M 2025: ...)",
# "(31. Dezember 2025: ...)", the month before in a monthly report: "(August: 49,4 Punkte)"
_MONTH = r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
_EARLIER_OPEN = re.compile(r"\s*\(\s*(?:" + _MONTH + r"(?:\s+(?:19|20)\d\d)?\s*:\s*|"
                           r"(?:Vorjahr(?:eswert|esquartal|eszeitraum)?|(?i:vj)\.?|Vorquartal|zuvor|"
                           r"(?:(?:Q[1-4]|H[12]|[1-9]M|GJ|FY|Ende|[1-4]\.\s+(?:Quartal|Halbjahr)|\d{1,2}\.\s*"
                           r"(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+))\s+)?(?:19|20)\d\d(?:/\d\d)?)\s*:?\s*)?$")
# a number alone in parentheses: "die Dividende auf 3,30 Fr. (3,10) erhöht"
_BARE_NUMBER = re.compile(r"\s*\d[\d.,'’]*(?:\s*(?:Mio|Mrd)\.?)?\s*")
# a quantity alone in parentheses, its unit written out: "kletterte auf 1,14 Milliarden Euro (1,03 Milliarden Euro)"
_BARE_QUANTITY = re.compile(r"\s*(?:[A-Z]{3}\s+)?[-+−]?\d[\d.,'’]*(?:\s*(?:Mio|Mrd|Mia)\.?|\s+(?:Millionen|Milliarden|Billionen))?"
                            r"(?:\s*(?:%|Prozent|[A-Z]{3}\b|[A-ZÄÖÜa-zäöü][\wäöüß.-]{0,15}))?\s*")
# up to three words between the level and its parentheses: "einen Umsatz von 324,7 MIO EUR erzielt (Vorjahr: ...)",
# after "je" and its noun: "eine Dividende von 1,05 Euro je Aktie erhalten (0,95 Euro)"
_WORDS_TO_PAREN = re.compile(r"(?:\s+je\s+[\wäöüß-]+)?(?:\s+[a-zäöüß][\wäöüß-]*){0,3}\s*\(")
_EARLIER_MARK = re.compile(r"(?i)vorjahr|\bvj\b|vorquartal|zuvor|(?:19|20)\d\d|^\s*" + _MONTH + r"\s*:")


_LABEL_LINE = re.compile(r"\s*[^\W\d][^:\n]{1,60}:\s+[-+−]?\d")


# a growth rate's level: a noun of growth, then (no level noun between) "auf", "von", "nach bislang", "statt" right
# before the percent ("sein Ziel für das organische Umsatzwachstum im laufenden Jahr auf 3 bis 4 Prozent")
# (and a business measure's plus: "ein Umsatzplus von 4 bis 7 Prozent", not a share's "Wochenplus")
_GROWTH_NOUN = re.compile(r"(?i)(?:wachstum|zuwachs)\w*|(?:umsatz|gewinn|absatz|ergebnis|auftrags|erlös|ebit|ebitda|"
                          r"produktions|export)plus\b")
_RATE_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:auf|von|nach\s+(?:bislang|bisher|zuvor)|statt(?:\s+bisher)?|bisher:?)\s+"
                          r"(?:(?:rund|etwa|knapp|gut|mehr als|über|zwischen)\s+)?$")
_LEVEL_NOUN = re.compile(r"(?i)(?<![\wäöüß])[\wäöüß-]*(?:marge|quote|anteil|rendite)(?![\wäöüß])|"
                         r"(?<![\wäöüß])(?:zins|prozentpunkt|dividende|preis)")


def _growth_rate(f: dict, s: str, p: int) -> int:
    """+1 for a growth rate stated as a level ("Prognose für das Umsatzwachstum auf 4 bis 7 Prozent, nach bislang 8
    bis 11 Prozent"), else 0: a percent right after "auf"/"nach bislang"/"statt", a noun of growth before it in its
    sentence (at most 120 characters back) and no noun of a level between (a margin, a share, a rate)."""
    if f["kind"] != "percent" or f.get("unit") != "%" or not _RATE_BEFORE.search(s, max(0, p - 40), p):
        return 0
    nouns = list(_GROWTH_NOUN.finditer(s, max(0, p - 120), p))
    if not nouns or _LEVEL_NOUN.search(s, nouns[-1].end(), p) or _rules()["shrinking"].search(s, nouns[-1].end(), p):
        return 0                                      # (not "..., der Lebensmitteleinzelhandel ein Minus von 0,4 Prozent")
    return 1


def _stated_levels(ctx, f: dict, s: str, p: int, e: int) -> dict | None:
    """A change stated by its levels: "von X auf Y", "Y (Vorjahr: X)", "Y, nach X im Vorjahr"."""
    return (_levels_only(ctx, f, s, p, e) or _earlier_in_parentheses(ctx, f, s, p, e)
            or _earlier_after_nach(ctx, f, s, p, e))


def _same_quantity_inside(ctx, f: dict, a: int, b: int) -> bool:
    """The parentheses at sentence offsets a..b hold one figure of f's kind and unit, and nothing else."""
    inside = [x for x in ctx.same_sentence(f, _LEVEL_KINDS) if a <= ctx.pos(x)[0] < b]
    return len(inside) == 1 and inside[0]["kind"] == f["kind"] and inside[0]["unit"] == f["unit"] is not None


def _earlier_in_parentheses(ctx, f: dict, s: str, p: int, e: int) -> dict | None:
    """"kommt die Staatsoper auf 72,8 Prozent (76,4 in 2003)": a level with its earlier value in the
    parentheses after it, one row at the new level."""
    if f["kind"] not in ("money", "count", "percent", "other", "index") or f["low"] is None:
        return None                     # (an index here is an indicator's: change_rows passes no other)
    gap = _WORDS_TO_PAREN.match(s, e)
    close = s.find(")", e)
    if gap is None or close < gap.end() or close - gap.end() > 60:
        return None
    if not _EARLIER_MARK.search(s[gap.end():close]):
        # a number alone in the parentheses is the earlier level of a business measure where the clause
        # says it changed: "die Dividende auf 3,30 Fr. (3,10) erhöht" (not "das Ziel auf 58 (64) Dollar")
        # the same quantity with its unit alone in them is the earlier level of a business measure, as results
        # are written ("Unter dem Strich blieb ein Gewinn von 712 Millionen Euro (648 Millionen Euro)")
        clause = s[clause_start(s, p):clause_end(s, close + 1)]
        if _BARE_NUMBER.fullmatch(s, gap.end(), close):
            if measure_of(s, p, e) == "other" or not (_rules()["up"].search(clause) or _rules()["down"].search(clause)):
                return None
        elif not (_BARE_QUANTITY.fullmatch(s, gap.end(), close) and measure_of(s, p, e) != "other"
                  and _same_quantity_inside(ctx, f, gap.end(), close)):
            return None
    if f["unit"] is None and _LABEL_LINE.match(s):
        return None                                   # "Umsatz: 207,3 (Vj. 181,8)" under "(in Mrd. Yuan)": a factbox's
        #                                               number without its unit, whose scale the engine does not read
    inside = [x for x in ctx.same_sentence(f, _LEVEL_KINDS) if gap.end() <= ctx.pos(x)[0] < close]
    if not inside:
        return None
    x = inside[0]
    xp, _ = ctx.pos(x)
    if not _EARLIER_OPEN.match(s[gap.end() - 1:xp]) and not _EARLIER_MARK.search(s[ctx.pos(x)[1]:close]):
        return None                                   # the earlier mark before ("Vorjahr: X") or after ("X in 2003")
    if re.search(r"\bbzw\.|\bbeziehungsweise\b", s[gap.end():close]) and f["low"]:
        # "1'560 Fr. je Namenaktie und 156 Fr. je Partizipationsschein (Vorjahr: 1'440 bzw. 144 Fr.)": the
        # earlier value of each item is the one nearest to it
        x = min((y for y in inside if y["low"]), key=lambda y: abs(math.log(abs(y["low"] / f["low"]))), default=x)
    if x["low"] is None or x["unit"] not in (None, f["unit"]) or not f["low"]:
        return None
    if not 1e-3 < abs(x["low"] / f["low"]) < 1e3:
        return None                                   # levels a thousandfold apart are not one quantity
    measure = _measure(ctx, f, s, p, e)
    if at_stock(ctx, s, p, e, measure):
        return None
    row = _row(ctx, f, measure, {}, None)
    item = _LEVEL_ITEM.search(s, max(0, p - 80), p)
    if item is not None and (measure == "sentiment" or any(rx.match(item.group("n")) for _, rx in _rules()["measures"])):
        item = None                                   # "die Dividende auf 3,30 Fr. (3,10)": the measure
    if item is not None:                              # "die Deutsche Oper auf 64 Prozent (61,9 in 2003)"
        from .owner import Owner
        from .views import _owner_columns
        a = f["sentence_start"] + item.start("n")
        row.update(_owner_columns(Owner(item.group("n"), item.group("n"), a, a + len(item.group("n")), "pattern")))
    row.update({"from_value": x["low"], "to_value": f["low"], "from_unit": x["unit"] or f["unit"], "to_unit": f["unit"],
                "_from": x, "_to": f, "_levels_only": True})
    return row


# the earlier level after "nach" with a mark of the earlier period: "642 Mio. CHF, nach 601 Mio. CHF im Vorjahr",
# "612 Millionen Euro, nach einem Fehlbetrag von 1,05 Milliarden Euro im Vorjahr",
# "eine Dividende von 4,60 Fr. je Aktie vor, nach 4,40 Fr. im Vorjahr", "4,1 Milliarden Yuan ..., nach 7,1 ... ein Jahr zuvor"
_NACH_BEFORE = re.compile(r"^\.?(?:(?:[^.;:()]|\([^():;]{0,20}\)){0,90}?\bnach(?:\s+(?:einem|einer)\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]*)\s+von)?|[\s,]*(?:gegenüber|von|verglichen\s+mit)|"
                          r"(?P<prior>[^.;:()]{0,40}?\b(?:über|unter|nach)\s+(?:dem|den)\s+Vorjahres(?:wert|niveau)s?\s+von))\s+"
                          r"(?:(?:rund|etwa|knapp|gut|noch)\s+)?$")
# the earlier level in a clause of its own: ", im Vorjahreszeitraum waren es 1,92 Milliarden Euro gewesen", "17 Prozent
# der Haushalte heizen mit einer Wärmepumpe, 2020 waren es erst 9 Prozent"
_WAREN_ES = re.compile(r"^[^,;.:()\d]{0,100}?[,;]\s*(?:im\s+Vorjahr(?:esquartal|eszeitraum|esmonat)?|ein\s+Jahr\s+(?:zuvor|davor|vorher)|"
                       r"(?:im\s+Jahr\s+)?(?:19|20)\d\d|vor\s+\w+\s+Jahren|"
                       r"vor\s+einem\s+Jahr|im\s+Vor(?:quartal|monat))\s+(?:waren|war|lagen|lag|betrugen|betrug)\s+es\s+"
                       r"(?:(?:noch|rund|etwa|knapp|gut|erst|nur)\s+)*$")
_WAREN_ES_END = re.compile(r"^\.?\s*(?:gewesen\s*)?(?:[.;),]|$)")
# "Unter dem Strich blieb ein Konzernergebnis von 318 Millionen Euro, nach 296 Millionen Euro."
_MEASURE_VON = re.compile(r"[A-ZÄÖÜ][\wäöüß-]+\s+von\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als)\s+)?$")
# "kam auf 161 Millionen Euro, nach 171 Millionen Euro.": the earlier level ends the clause
_NACH_CLAUSE_END = re.compile(r"^\.?\s*(?:[.;)]|$)")
_PRIOR_AFTER = re.compile(r"^\.?\s+(?:im\s+Vorjahr(?:esquartal|eszeitraum|esmonat)?|für\s+das\s+Vorjahr|"
                          r"in\s+der\s+(?:Vorjahres|Vergleichs)periode|im\s+Vergleichszeitraum|"
                          r"vor\s+(?:einem|zwölf|drei|sechs)\s+(?:Jahr|Monaten)|vor\s+Jahresfrist|"
                          r"(?:ein|im)\s+Jahr\s+(?:zuvor|davor|vorher)|im\s+Vor(?:quartal|monat)|zuvor|"
                          r"im\s+(?:gleichen|selben|Vorjahres)?\s*Zeitraum\s+des\s+Vorjahres|"
                          r"im\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                          r"(?:ersten|zweiten|dritten|vierten|letzten)\s+(?:Quartal|Halbjahr))|(?:im\s+(?:Jahr\s+)?)?(?:19|20)\d\d|"
                          r"(?:per\s+|zum\s+)?Ende\s+(?:(?:19|20)\d\d|des\s+Vor(?:jahres|quartals|monats)|[A-ZÄÖÜ][a-zäöü]+))\b")


_LOSS = re.compile(r"(?i)verlust|fehlbetrag|defizit|minus")


def _earlier_after_nach(ctx, f: dict, s: str, p: int, e: int) -> dict | None:
    """"Unter dem Strich verdiente die Gruppe 642 Mio. CHF, nach 601 Mio. CHF im Vorjahr": a level with
    its earlier value after "nach", one row at the new level."""
    if f["kind"] not in ("money", "count", "percent", "index") or not f["low"]:
        return None                     # (an index here is an indicator's: change_rows passes no other)
    after = [x for x in ctx.same_sentence(f, _LEVEL_KINDS) if ctx.pos(x)[0] >= e]
    if not after:
        return None
    x = min(after, key=lambda y: y["start"])
    xp, xe = ctx.pos(x)
    gap = _NACH_BEFORE.match(s[e:xp])
    if _WAREN_ES.match(s[e:xp]) and _WAREN_ES_END.match(s[xe:]):
        pass                          # "sank auf 1,74 Milliarden Euro, im Vorjahr waren es 2,02 Milliarden Euro gewesen"
    elif not gap or not (gap.group("prior") or _PRIOR_AFTER.match(s[xe:]) or _NACH_CLAUSE_END.match(s[xe:]) and re.search(r"\bnach\s+\S*$", gap.group())
                         and (_AUF.search(s[max(0, p - 30):p]) or _BEI.search(s[max(0, p - 30):p])
                              or _MEASURE_VON.search(s[max(0, p - 60):p])
                              and measure_of(s, p, e) != "other")
                         or _NACH_CLAUSE_END.match(s[xe:]) and re.search(r"\bvon\s+\S*$", gap.group())
                         and _AUF.search(s[max(0, p - 30):p]) and not _stated_in_clause(ctx, f, s, p)):
        return None
    if x["low"] is None or x["unit"] not in (None, f["unit"]) or not 1e-3 < abs(x["low"] / f["low"]) < 1e3:
        return None
    if gap and gap.group("noun") and (_LOSS.search(gap.group("noun")) is None) != (_LOSS.search(s[clause_start(s, p):p]) is None):
        return None                   # "einen Nettoverlust von 46 Millionen Euro nach einem Gewinn von 12 Millionen": no
    measure = _measure(ctx, f, s, p, e)   # levels of one measure (but "Nettoverlust ..., nach einem Fehlbetrag von")
    if at_stock(ctx, s, p, e, measure):
        return None
    row = _row(ctx, f, measure, {}, None)
    row.update({"from_value": x["low"], "to_value": f["low"], "from_unit": x["unit"] or f["unit"], "to_unit": f["unit"],
                "_from": x, "_to": f, "_levels_only": True})
    return row


def _stated_in_clause(ctx, f: dict, s: str, p: int) -> bool:
    """Whether the clause states the change itself ("mehr als verdoppelt, auf 212 Millionen Euro von
    104 Millionen Euro", "um 3 Prozent"): then its levels belong to that change's row."""
    cs = clause_start(s, max(0, clause_start(s, p) - 2))    # the clause before too: ", auf ... von ..." follows
    return any(x is not f and cs <= ctx.pos(x)[0] < p and (x["kind"] == "multiple" or _UM.search(
        s[max(0, ctx.pos(x)[0] - 40):ctx.pos(x)[0]])) for x in ctx.same_sentence(f))


def at_stock(ctx, s, p, e, measure) -> bool:
    """A change of a share, an index or a price target, not of a business figure."""
    return (measure == "other" and bool(_rules()["not_changes"].search(s[clause_start(s, p):clause_end(s, e)]))
            or bool(_TARGET_IN.search(s)) and measure in ("other", "profit"))


_TARGET_IN = re.compile(r"(?i)kursziel|preisziel|fairen\s+wert")      # "Vontobel hob dieses auf 36 von 33 Fr. an"


def _row(ctx, f: dict, measure: str, change: dict, period) -> dict:
    s = f["sentence"]
    p, e = ctx.pos(f)
    cs, ce = clause_start(s, p), clause_end(s, e)
    if period is None:
        rx = _rules()["periods"]
        pm = list(rx.finditer(s, cs, ce)) or list(rx.finditer(s))
        period = min(pm, key=lambda m: abs(m.start() - p)).group(0) if pm else None
    return {
        "article": f["article"], "publisher": f.get("publisher"), "published": f.get("published"),
        "title": f.get("title"), **_entity(ctx, f, measure, s, p, e), "measure": measure,
        "change_pct": change.get("change_pct"), "change_abs": change.get("change_abs"), "unit": change.get("unit"),
        "change_factor": change.get("change_factor"), "period": period, "from_value": change.get("from_value"),
        "to_value": None, "from_unit": None, "to_unit": None, "qualifier": f.get("qualifier"), "text": f["text"], "start": f["start"],
        "end": f["end"], "sentence": s, "_from": None, "_to": None, "_levels_only": False,
    }


_RESPECTIVELY = re.compile(r"\s*(?:beziehungsweise|bzw\.)\s+(?:(?:rund|etwa|knapp|gut|fast|ca\.)\s+)?")
_TO_AFTER = re.compile(r"\s+auf\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.)\s+)?")     # the level after a change


def _restated_change(ctx, out: list[dict], f: dict, s: str, p: int, e: int) -> dict | None:
    """"sank um 1,8 Prozent beziehungsweise 710 auf 38.600", "ein Minus von 0,3 Prozent beziehungsweise 22.000
    Stellen": an amount or count right after a stated percent change and "beziehungsweise" restates it in
    absolute terms: a row of its own with the same owner, measure, period and sign (and its level after "auf")."""
    if f["kind"] not in ("count", "money") or not out or f["low"] is None:
        return None
    prev = out[-1]
    a = prev["end"] - f["sentence_start"]
    if prev["sentence"] != s or prev["article"] != f["article"] or prev["change_pct"] is None or not 0 <= a <= p \
            or not _RESPECTIVELY.fullmatch(s, a, p):
        return None
    row = dict(prev, change_pct=None, change_abs=f["low"] * (-1 if prev["change_pct"] < 0 else 1),
               unit=f.get("unit"), change_factor=None, from_value=None, to_value=None, from_unit=None, to_unit=None,
               text=f["text"], start=f["start"], end=f["end"], _from=None, _to=None, _levels_only=False)
    after = [x for x in ctx.same_sentence(f, _LEVEL_KINDS) if ctx.pos(x)[0] >= e]
    if after:
        x = min(after, key=lambda y: y["start"])
        if _TO_AFTER.fullmatch(s, e, ctx.pos(x)[0]):
            row.update(to_value=x["low"], to_unit=x["unit"], _to=x)
    return row


# the period of an earlier rate in parentheses: "(April: 4,3 Prozent)", "(Vormonat: plus 0,2 Prozent)"
_EARLIER_RATE_OPEN = re.compile(r"\(\s*(?P<p>Vormonat|Vorjahr|Vorquartal|Januar|Jänner|Februar|März|April|Mai|Juni|Juli|"
                                r"August|September|Oktober|November|Dezember|[1-4]\.\s*Quartal)\s*:\s*"
                                r"(?:(?:rund|etwa|revidiert|plus|minus|\+|[-–])\s*)?$")


# the same change's rate in an earlier period after ", nach": "um 2,6 Prozent, nach 2,2 Prozent im Oktober", "die sich
# um 3,7 Prozent verteuerten, nach 3,3 Prozent im Oktober"
_EARLIER_RATE_NACH = re.compile(r"\s*(?:Prozent|%)?(?:\s+[a-zäöüß]+){0,2}\s*,?\s*nach\s+(?:(?:revidiert|rund|etwa|zuvor|noch)\s+)*"
                                r"(?:(?:minus|plus|[-–+])\s*)?")
_EARLIER_WHEN = re.compile(r"\s+(?P<p>im\s+(?:Vormonat|Vorquartal|Vorjahr|Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|"
                           r"September|Oktober|November|Dezember|(?:ersten|zweiten|dritten|vierten)\s+Quartal)|"
                           r"in\s+der\s+Vorwoche)\b")


def _earlier_rate(out: list[dict], f: dict, s: str, p: int) -> dict | None:
    """"..., die sich im Jahresabstand um 4,6 Prozent verteuerten (April: 4,3 Prozent)", "um 3,7 Prozent
    verteuerten, nach 3,3 Prozent im Oktober": a percent with an earlier period, in parentheses or after ", nach",
    right after a stated percent change, is the same measure's change then: a row of its own with the same owner
    and measure, that period, and the change's sign unless it writes its own ("(Vormonat: minus 0,2 Prozent)")."""
    if f["kind"] != "percent" or not out or f["low"] is None:
        return None
    prev = out[-1]
    a = prev["end"] - f["sentence_start"]
    if prev["sentence"] != s or prev["article"] != f["article"] or prev["change_pct"] is None or not 0 <= a <= p:
        return None
    nach = _EARLIER_RATE_NACH.match(s, a)
    when = _EARLIER_WHEN.match(s, f["end"] - f["sentence_start"]) if nach and nach.end() == p and f["unit"] == "%" \
        else None
    if when:
        if prev["period"] == when.group("p"):
            prev["period"] = None           # (the period after the earlier rate is not the change's own)
        opening, period = s[nach.start():p], when.group("p")
    else:
        m = _EARLIER_RATE_OPEN.search(s, max(0, p - 30), p)
        if m is None or a > m.start() or s.find(")", a, m.start()) != -1 or m.start() - a > 40:
            return None
        opening, period = s[m.start():p], m.group("p")
    written = re.search(r"(?:minus|[-–])\s*$", opening)
    sign = -1 if written or (prev["change_pct"] < 0 and not re.search(r"(?:plus|\+)\s*$", opening)) else 1
    return dict(prev, change_pct=sign * abs(f["low"]), change_abs=None, unit=None, change_factor=None,
                period=period, from_value=None, to_value=None, from_unit=None, to_unit=None,
                text=f["text"], start=f["start"], end=f["end"], _from=None, _to=None, _levels_only=False)


def check_rows(ctx, done: set[int] = frozenset(), tolerance: float = 0.05) -> list[dict]:
    """A stated change against the from/to levels of its sentence: percent (to/from - 1), absolute
    (to - from, same unit) and factor (to/from); ``done`` holds the starts already checked."""
    out = []
    rows = change_rows(ctx)
    ends: dict[tuple, list] = {}                  # a range of changes has a row per end: one check of both
    for c in rows:
        ends.setdefault((c["article"], c["start"]), []).append(c["change_pct"] if c["change_pct"] is not None
                                                               else c["change_abs"])
    checked = set()
    for c in rows:
        frm, to = c["_from"], c["_to"]
        if c["start"] in done or (c["article"], c["start"]) in checked or frm is None or to is None \
                or not frm["low"] or frm["unit"] != to["unit"]:
            continue
        checked.add((c["article"], c["start"]))
        lo, hi = min(ends[c["article"], c["start"]], default=None), max(ends[c["article"], c["start"]], default=None)
        if c["change_pct"] is not None:
            claimed, computed, how = c["change_pct"], (to["low"] / frm["low"] - 1) * 100, "to / from - 1"
            slack = 0.5 + 0.01 * abs(computed)
            ok = lo - slack <= computed <= hi + slack
        elif c["change_abs"] is not None:
            if c["unit"] not in (None, frm["unit"]) and not (c["unit"] == "pp" and frm["unit"] == "%"):
                continue
            claimed, computed, how = c["change_abs"], to["low"] - frm["low"], "to - from"
            slack = tolerance * max(abs(computed), 1e-9) + 1e-9
            ok = lo - slack <= computed <= hi + slack
        elif c["change_factor"] is not None:
            claimed, computed, how = c["change_factor"], to["low"] / frm["low"], "to / from"
            ok = abs(claimed / computed - 1) <= tolerance if computed else False
        else:
            continue
        out.append({k: c[k] for k in ("article", "publisher", "published", "title", "text", "start", "end",
                                      "sentence")}
                   | {"check": "change", "claim": f"{c['text']} ({c['measure']})", "claimed": claimed,
                      "computed": computed, "ok": bool(ok),
                      "note": f"{how}: from {frm['text']} to {to['text']} in the same sentence"})
    return out
