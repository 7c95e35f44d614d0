"""Whose stated change is it: the owner of a row of ``explore.changes()``.

A change belongs to its grammatical owner (``explore.owner``), as in the money and stock-move tables; where no
company owns it, to the economy the sentence or the article reports on ("Die Exporte Österreichs", "In Bayern
stieg die Arbeitslosigkeit"), a region or place ("in Graz-Stadt um 8,3 Prozent"), or the industry whose
association reports on it (``sector_owner``). The change itself (what changed, by how much, over which period) is
read in ``explore.stated_changes``.

>>> economy("Die Exporte Österreichs sanken um 2,1 Prozent.")
'Österreich'
"""
from __future__ import annotations

import functools
import re
import weakref

from .attribute import clause_end, clause_start, market_cue
from .lang import vocabulary
from .orgs import PLACE_LINKS
from .shares import vocab


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
        "company_ratio": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["lower_is_better"] + v["company_ratios"])
                                    + r")(?![\wäöüß])"),
        "judging": re.compile(r"(?i)(?<![\wäöüß])(?:" + "|".join(v["judging"]) + ")"),
        "not_revenue": re.compile(r"(?i)" + alt(v["money_level_not_revenue"])),
        "inflation": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["inflation"]) + r")(?![\wäöüß])"),
        "not_owners": {n.lower() for n in v["not_owners"]["names"]},
        "group_possessors": [w.lower() for w in v["group_possessors"]],
        "not_owner_words": set(v["not_owners"]["words"]),
        "not_after": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(v["not_owners"]["not_after"]) + r")\s+(?:der|die|das|dem|den)?\s*$"),
        # an indicator is about the economy after "für" ("Die Konjunkturerwartungen für Deutschland")
        "not_after_indicator": re.compile(r"(?i)(?<![\wäöüß])(?:" + alt(w for w in v["not_owners"]["not_after"] if w != "für")
                                          + r")\s+(?:der|die|das|dem|den)?\s*$"),
        # (a name's prefix may take its case ending and an adjective's, not a compound's noun: "Sachsenmilch")
        "economies": [(re.compile(r"(?<![\wäöüß])" + re.escape(k) + (r"(?![\wäöüß])" if len(k) < 4 and not k.endswith("-")
                                                                       else r"(?!(?!isch|er|weit)[a-zäöüß]{4,})"
                                                                       if k == n.lower() and " " not in k else ""),
                                  re.I), n,
                       k in v["economy_reporters"])
                      for k, n in sorted(v["economies"].items(), key=lambda kv: -len(kv[0]))],
        # jobs cut or created ([changes.jobs]), and shops, branches and plants closed or opened ([changes.sites]):
        # the counted nouns, the verbs that cut and those that create, per kind
        "counted": {what: {
            "nouns": re.compile(r"^\s*(?:(?:der|des|seiner|ihrer|aller)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}(?:[\w!.&]+-)?(?:"
                                + alt(v[section]["nouns"]) + r")(?![\wäöüß])", re.I),
            "cut": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v[section]["cut"]) + ")", re.I),
            "create": re.compile(r"(?<![\wäöüß])(?:" + "|".join(v[section]["create"]) + ")", re.I),
        } for what, section in (("job", "jobs"), ("site", "sites"), ("seat", "seats"), ("resident", "residents"),
                                                                    ("customer", "customers"))},
        # jobs counted: "2.400 Stellen", "300 neue Arbeitsplätze"
        "jobs_counted": re.compile(r"\d\s+(?:(?:neue|zusätzliche|weitere)\s+)?(?:" + alt(v["jobs"]["nouns"])
                                   + r")(?![\wäöüß])", re.I),
    }


def _on_an_indicator(sentence: str) -> bool:
    """A sentence without figures (one that announces the next), or one on an indicator or its points."""
    return not re.search(r"\d", sentence) or "Punkt" in sentence \
        or bool(dict(_rules()["measures"])["sentiment"].search(sentence))


# the institute a compound begins with: "ZEW-Stimmungsbarometer", "GfK-Konsumklima", "ifo-Index" (the
# institute's own lower-case spelling of a short name)
_COMPOUND_OWNER = re.compile(r"(?P<n>[A-ZÄÖÜ][\wäöüß&]*|\b[a-z]{2,4})-$")


def _indicator_owner(ctx, f: dict, s: str, reporter: bool = True):
    """The institute whose indicator moved: with ``reporter`` the company that reports it ("wie das ZEW
    mitteilte"), else the name its compound begins with ("Ifo-Geschäftsklimaindex", "GfK-Konsumklima"),
    else its grammatical owner ("Der Geschäftsklimaindex des Instituts X")."""
    from .article_orgs import reporting_company
    from .owner import Owner
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


# statistics from an economy are its own ("Preisdaten aus China", "Konjunkturdaten aus den USA")
_DATA_FROM = re.compile(r"(?i)(?:daten|zahlen|statistiken|statistik)\s+aus\s+(?:den\s+|der\s+|dem\s+)?$")


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
    >>> economy("Die Tochter Sachsenmilch wuchs."), economy("Sachsenweit sank die Quote.")
    (None, 'Sachsen')
    """
    found_by = {False: None, True: None}    # economies named, and offices that stand for more than one
    text = text or ""
    ends = {m.end() for rx, _, _ in _rules()["economies"] for m in rx.finditer(text)}
    for rx, name, reporter in _rules()["economies"]:
        for m in rx.finditer(text):
            if _rules()["not_after_indicator" if indicator else "not_after"].search(text[max(0, m.start() - 20):m.start()]) \
                    and not _ECONOMY_NOUN_AFTER.match(text, m.end()) \
                    and not _DATA_FROM.search(text, max(0, m.start() - 30), m.start()):
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


# a compass or position word before a place's name: "Südwestsachsen", "Mittelfranken", "Ostwestfalen"
_PLACE_PREFIX = re.compile(r"(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mittel|Ober|Nieder|Unter|Inner|Zentral)"
                           r"(?P<rest>[a-zäöü][\wäöüß-]{3,})$")


def _is_place(word: str) -> bool:
    """A place the NER word list knows, a part of one by its compass word ("Südwestsachsen"), or a district
    ("Erzgebirgskreis")."""
    from .orgs import lexicon
    classes = lexicon().classes
    if "T" in classes(word):
        return True
    m = _PLACE_PREFIX.match(word)
    if m and "T" in classes(m.group("rest")[0].upper() + m.group("rest")[1:]):
        return True
    return len(word) > 8 and word.endswith("kreis") and "-" not in word and word[:1].isupper()


# a place as the subject a title or a lead opens with: "Schwarzwald meldet Rekordsommer", "Der Schwarzwald hat ..."
_PLACE_OPENS = re.compile(r"\s*(?:(?:Der|Die|Das)\s+)?(?P<p>[A-ZÄÖÜ][\wäöüß-]+)\s+(?P<v>[a-zäöüß]+)(?![\wäöüß-])")


def _subject_place(text: str) -> str | None:
    """The place a title or a lead opens with as its subject, a verb after it, else None."""
    m = _PLACE_OPENS.match(text or "")
    if m is None or not _is_place(m.group("p")) or economy(m.group("p")) is not None:
        return None
    from .owner import tag_word
    tags = tag_word(m.group("v"))
    return m.group("p") if tags and tags[0][0].startswith("V") else None


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
    if not _is_place(m.group("p")) or m.group("p") in figure_lexicon().months:
        return None                          # (not "Im Mai stieg die Quote": a month, though a place is called so)
    if not m.group("adm") and _continues_place(m.string, m.start("p")):
        return None                          # "Neumarkt in der Oberpfalz": the place before goes on
    name = m.group("p") + (m.group("cont") if m.group("c") and "T" in classes(m.group("c")) else "")
    return f"{m.group('adm')} {name}" if m.group("adm") else name
_DATIVE_PLURAL = re.compile(r"(?i)[\s,(]*den\s")
_ALL_IN_ALL = re.compile(r"(?i)(?<![\wäöüß])(?:insgesamt|alles in allem|branchenweit|landesweit|bundesweit|gesamt\w*)(?![\wäöüß])")


def _entity(ctx, f: dict, measure: str, s: str, p: int, e: int) -> dict:
    """The owner columns of a change (``_owner_of``); a canton is named by its name ("Kanton Genf": Genf), as
    Swiss statistics name them."""
    before = _antecedent_figure(ctx, f, measure, s, p, e)
    cols = _entity(ctx, before, measure, before["sentence"], *ctx.pos(before)) if before is not None else {}
    own = _owner_of(ctx, f, measure, s, p, e)
    if cols.get("entity") and not (cols.get("entity_source") == "economy" and own.get("entity")
                                   and own["entity"] in s[clause_start(s, p):clause_end(s, e)]):
        return cols                     # "Porr steigerte die Produktionsleistung in Polen um 18 Prozent. In Deutschland
        #                                 ging sie um 3,4 Prozent zurück": the noun's owner (an economy's noun goes on
        #                                 with a place its own clause names: "In Köln und Bonn stiegen sie um ...")
    cols = own
    if measure != "sentiment" and _sector_article(ctx, f["article"]) is not None \
            and not any(_STATISTICS_SAID.search(x) for x in [s, *ctx.paragraph_before(f, 6)]):
        cols = sector_owner(ctx, f["article"], cols, s)   # (a survey indicator stays the economy's, "das HDE-Konsumbarometer",
        #                                                and an office's statistic: "Nach Zahlen des Statistischen Bundesamts")
    if cols.get("entity") and cols.get("entity_source") != "economy" and measure not in _rules()["collective"]:
        from .views import Owner, _not_the_forecaster, _owner_columns
        o = Owner(cols["entity"], cols.get("entity_text"), cols.get("entity_start"), cols.get("entity_end"),
                  cols.get("entity_source"))
        got = _not_the_forecaster(ctx, f, s, o)   # "rechnet der Analyst mit einem Wachstum von 7,5%": the rated company's
        cols = cols if got is o else _owner_columns(got)
    name = cols.get("entity")
    canon = economy(name) if name and cols.get("entity_source") == "economy" and " " not in name else None
    if canon and name != canon and name.lower().startswith(canon.lower()) and len(name) == len(canon) + 1:
        cols = {**cols, "entity": canon}    # a dative plural: "In den Niederlanden ging die Inflationsrate ..."
    if name and name.startswith("Kanton ") and name[7:].strip():
        cols = {**cols, "entity": name[7:]}
    return cols


def _antecedent_figure(ctx, f: dict, measure: str, s: str, p: int, e: int) -> dict | None:
    """The figure of the sentence before whose noun a pronoun subject of f's clause stands for (the clause names no
    measure of its own): the first of that sentence with the measure f took from the pronoun's noun."""
    from .stated_changes import measure_of
    if measure == "other" or measure_of(s, p, e) != "other" or ctx.pronoun_measure(f, s, p, measure_of) != measure:
        return None
    before = ctx.paragraph_before(f, 1)[0]
    return next((x for x in ctx.by_article.get(f["article"], []) if x["sentence"] == before and x["start"] < f["start"]
                 and x["kind"] == f["kind"] and measure_of(before, *ctx.pos(x)) == measure), None)


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
        from .article_orgs import reporting_company
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
    paren = _paren_item(s, p)
    if paren is not None and _place(paren.group("n")) and not _strong_main(ctx, f["article"]) \
            and not (partners and any(m.start() <= paren.start() < m.end()
                                      for m in (_TRADE_PARTNER if trade else _ORIGIN).finditer(s))):
        return {**_owner_columns(None), "entity": economy(paren.group("n")) or paren.group("n"),
                "entity_source": "economy"}  # "Auch Vorarlberg (plus 6,2 Prozent) und Salzburg (plus 3,9 Prozent)"
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
    if o is None and _reports_itself(s, e):    # "Die Miete liege bei 7,64 Euro, teilte das Unternehmen mit"
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
    if name is not None and not collective and (measure != "other" or _IN_PLACE_ANY.search(clause)
                                                or economy(clause[:p - cs]) == name
                                                and re.search(rf"(?<![\wäöüß]){re.escape(name)}(?![\wäöüß])",
                                                              clause[:p - cs])) \
            and (_strong_main(ctx, f["article"]) or _company_report(ctx, f["article"])):
        name = None                          # a company's segment ("in der Schweiz", "In Frankreich sank er"): the company
        #                                      (also of one found by its form alone: "im Vertrieb in Nordamerika",
        #                                      "des Entwicklungszentrums im polnischen Breslau"; and a market named as
        #                                      the subject: "..., wobei China mit einem Rückgang von 3,5 Prozent", not
        #                                      "Die Schweizer Uhrenexporte")
        if measure == "other":
            o = _implicit_owner(ctx, f, places=False)
            if o is not None:
                return _owner_columns(o)
    if name is None and not collective and _economy_article(ctx, f["article"]):
        name = _place_opening(s, cs)         # "..., im Tessin ging sie um 0,4 Prozent zurück": the place, no reference
        name = None if name and economy(name) else name   # (a country may be a company's market: "In Deutschland,
        #                                                   dem wichtigsten Markt, legten die Erlöse um 2,1 Prozent zu")
    if name is None and not collective and (measure != "other" or _DEMONSTRATIVE.search(clause)
                                            or _rules()["company_ratio"].search(clause)):
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
        name = _place_opening(s, cs) or _place_there(ctx, f, clause, s, cs) \
            or _place_subject(s, cs)            # "In Wien betrug das Plus 4,2 Prozent", "Hamburg meldete ..., 4,1 Prozent mehr"
    if name is None and not collective and _economy_article(ctx, f["article"]) and not _ALL_IN_ALL.search(s):
        # a statistics report's paragraph on a company goes on with its figures ("Die Warenhauskette Lindner & Co.
        # steigerte den Umsatz ... Der Onlineanteil kletterte auf 18 Prozent, nach 15 Prozent im Vorjahr")
        o = _implicit_owner(ctx, f, places=False, paragraph=True)
        if o is not None and o.source == "reference" and not _office(o.name) and not _a_source(ctx, f["article"], o.name):
            return _owner_columns(o)
    if name is None and collective and measure == "prices" and _company_report(ctx, f["article"]) \
            and (_SAME_STORE.search(clause) or _ITS_BEFORE.search(s, max(0, cs), p)):
        o = _implicit_owner(ctx, f, places=False)   # a company's own rents and prices: "Auf vergleichbarer Fläche
        if o is not None:                           # stiegen die Mieten um 4,1 Prozent", "Deren Mieten stiegen ..."
            return _owner_columns(o)
    if name is None and collective and measure in ("prices", "tourism", "users") and not _rules()["sector"].search(s, cs, ce) \
            and _company_report(ctx, f["article"]) and not _economy_near(ctx, f, s, p, False) \
            and not _article_economy(ctx, f["article"]):
        o = _implicit_owner(ctx, f, places=False)   # a company report: "Die Zahl der Gäste stieg um 2 Prozent", "Bei
        if o is not None:                           # den Vertragserneuerungen gingen die Preise ... zurück": its own
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
# a company reports the figure of its clause, named by a reference: ", teilte das Unternehmen mit", ", so der
# Konzern", ", wie die Genossenschaft am Mittwoch in Bremen mitteilte" (the head is checked by the grammar)
_REPORTS_ITSELF = re.compile(
    r",\s*(?:(?:teilte|teilt|meldete|meldet|berichtete|berichtet|erklärte|erklärt|so)\s+(?:das|der|die)\s+"
    r"(?:[a-zäöüß][\wäöüß-]*\s+)?(?P<h>[A-ZÄÖÜ][\wäöüß-]*)"
    r"|wie\s+(?:das|der|die)\s+(?:[a-zäöüß][\wäöüß-]*\s+)?(?P<w>[A-ZÄÖÜ][\wäöüß-]*)"
    r"(?:\s+[\wäöüß.-]+){0,6}?\s+(?:mitteilte|mitteilt|berichtete|berichtet|meldete|meldet|bekanntgab|bekannt\s+gab"
    r"|erklärte|erklärt|angab|mitgeteilt\s+hat)\b)")


def _reports_itself(s: str, e: int) -> bool:
    """Does a clause after the figure say that a company reports it, naming the company by a reference
    ("teilte das Unternehmen mit", "wie die Genossenschaft ... mitteilte"), not an office, an institute or an
    association ("wie der Verband mitteilte", "teilte das Institut mit": their figures are an economy's)?"""
    from .owner import grammar
    g = grammar()
    m = _REPORTS_ITSELF.search(s, e)
    head = m and (m.group("h") or m.group("w"))
    return bool(head) and g.is_head(head) and not head.lower().rstrip("s").endswith(("institut", "amt")) \
        and not g.is_central_bank(head)


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


def _place_subject(s: str, cs: int) -> str | None:
    """The place that opens the sentence as its subject, for a figure of a later clause without a place of its own
    ("Hamburg meldete 84.200 Arbeitslose, 4,1 Prozent mehr als im Vorjahresmonat")."""
    m = _PLACE_SUBJECT.match(s)
    from .orgs import lexicon
    from .owner import tag_word
    if m is None or m.end("p") > cs or "T" not in lexicon().classes(m.group("p")) or _IN_PLACE_ANY.search(s, m.end(), cs):
        return None
    tags = tag_word(m.group("p"))
    if not tags or tags[0][0] != "NE":
        return None                         # (not "Dort stieg ...", "Auch stiegen ...": adverbs)
    return m.group("p")


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
    from .article_orgs import _REPORTED_AFTER, _REPORTING
    for pattern in (_REPORTING, _REPORTED_AFTER):     # (and "..., teilte das Unternehmen in Freiburg mit")
        if place_only:
            text = pattern.sub(lambda m: _SAID_IN.sub(lambda x: " " * len(x.group()), m.group()), text)
        else:
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


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
              and (o.name not in orgs.subsidiaries       # (a subsidiary's figures name it: "die Tochter X steigerte ...",
                   or (o.start, o.end) in orgs.acting)    # or follow it as their subject: "Hannover Rück steigerte ...")
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
    from .article_orgs import _plain_name_after_head      # (a name like "Knapp" after "Der Anbieter" is no adverb)
    plain = name in _rules()["not_owner_words"] and bool(text) \
        and any(o.name == name and _plain_name_after_head(o, text) for o in orgs.orgs)
    if _reporter(name, not plain) or _reporter(long) or long and " " in long and _office(long.rsplit(" ", 1)[-1]):
        return True                     # (the long form's last word: "Personen beim Arbeitsmarktservice (AMS)"; not
        #                                 a place's: "Die Stadtwerke München (SWM)" own their figures)
    if any(o.name == name and o.start is not None and o.start >= 0
           and _REPORTER_NOUN_BEFORE.search(text, max(0, o.start - 40), o.start) for o in orgs.orgs):
        return True                     # "der Kreditschutzverband KSV1870", "die Wirtschaftsauskunftei Creditreform"
    return name in names or bool(long) and any(long.endswith(t) for t in written)


# a reporting body's noun right before its name
_REPORTER_NOUN_BEFORE = re.compile(r"(?i)(?<![\wäöüß])[\wäöüß-]*(?:institut|instituts|verband|verbands|verbandes|"
                                   r"vereinigung|auskunftei|statistikamt|bundesamt|landesamt|marktforscher|"
                                   r"marktforschungsinstitut|forschungsinstitut)\s+$")


_AUTHORS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> (names, written, long forms)


def _long_form(text: str, short: str) -> str:
    """The name an abbreviation stands for where the text defines it: "Der Bundesverband der Energie-
    und Wasserwirtschaft (BDEW)" -> "Bundesverband der Energie- und Wasserwirtschaft"; else ""."""
    if not short.isupper() or len(short) > 8:
        return ""
    m = re.search(r"(?P<n>[A-ZÄÖÜ][\wäöüß-]*(?:\s+[\wäöüß-]+){0,6}?)\s*\(\s*" + re.escape(short) + r"\s*\)", text)
    return m.group("n") if m else ""


def _reporter(name: str, function_words: bool = True) -> bool:
    """A statistics office, agency or institute reports figures, it does not own them, nor does a news
    agency or paper (the owner grammar's list); a measure word ("Ebitda") or a function word
    ("Mehr"; unless ``function_words`` is false) is never an owner."""
    from .owner import _fine_authorities, grammar
    if function_words and name in _rules()["not_owner_words"] or name in grammar().not_owners \
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
        body, at = _lead_body(ctx, article)
        lead = _not_reporting(body, place_only=True)
        parts = _breakdown(lead)                      # (no place of a breakdown: "in Linz um 2,3 Prozent")
        rest = [_not_reporting(r["sentence"], place_only=True) for r in ctx.by_article.get(article, [])]
        # an economy the lead names, then the title's, then an office's ("Definition von Eurostat"); after the
        # lead, only an economy of the list: a place "in" a later sentence is where something happened ("allein
        # die Waldbrände in Kalifornien kosteten den Konzern rund 1,1 Milliarden Euro")
        _ARTICLE_ECONOMY[orgs] = next(filter(None, [economy(lead, offices=False, places=not parts), economy(title or ""),
                                              _subject_place(title or ""), _subject_place(body[at:]),
                                              economy(lead, places=not parts)]
                                             + [economy(t or "", places=False) for t in rest]
                                             + [_market_report(title or "")]), None)
    return _ARTICLE_ECONOMY[orgs]


def _market_report(title: str) -> str | None:
    """The economy of a market report by its title ("Aktien New York Schluss: ..." -> USA), else None."""
    return next((name for rx, name in _market_titles() if rx.search(title)), None)


@functools.cache
def _market_titles() -> list:
    return [(re.compile(rf"(?i)(?<![\wäöüß])(?:{k})(?![\wäöüß])"), v) for k, v in vocab()["changes"]["market_reports"].items()]


_ARTICLE_ECONOMY: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> economy or None


def _lead_body(ctx, article: str) -> tuple[str, int]:
    """The article's lead with its title and datelines blanked (offsets kept: "Frankfurt (Finanzpresse
    Westend) - " says where it was written, the title line is read on its own), and where its body
    begins: after the last dateline, else after the title's line."""
    from .dateline import dateline_spans
    lead = (ctx.texts or {}).get(article, "")[:max(ctx.orgs(article).lead_end, 0)]
    title = ctx.title(article)
    spans = dateline_spans(lead)
    line = lead.find("\n")                 # (a title's line is short and ends without a full stop; a text that
    heading = title and 0 <= line < 200 and not lead[:line].rstrip().endswith(".")   # opens with its lead has none)
    body = spans[-1][1] if spans else line + 1 if heading else 0
    for a, b in spans:
        lead = lead[:a] + " " * (b - a) + lead[b:]
    if title and lead.startswith(title):
        lead = " " * len(title) + lead[len(title):]
    return lead, body

# an industry as the subject the lead opens with ("Die deutsche Fahrradbranche kommt nicht aus der Krise", "Der
# deutsche Maschinen- und Anlagenbau hat ...", "Die deutschen Landmaschinenhersteller bekommen ...")
_SECTOR_LEAD = re.compile(r"(?:^|\s[-–—]\s+)(?:Die|Der|Das)\s+(?:(?:deutsche|österreichische|schweizerische|heimische)n?\s+|"
                          r"Schweizer\s+)?(?P<s>(?:[A-ZÄÖÜ][\wäöüß]*-,?\s+(?:(?:und|sowie)\s+)?)*(?=[A-ZÄÖÜ])[\wäöüß-]*"
                          r"(?i:industrie|branche|anlagenbau|maschinenbau|hersteller|versicherer|gewerbe|handwerk|handel))"
                          r"(?![\wäöüß-])")
_ASSOCIATION = re.compile(r"(?i)verband|vereinigung")
# an industry the title names first or after its source's colon ("Metalltechnische Industrie: Jeder dritte Betrieb
# ...", "Swissmem: MEM-Industrie mit Umsatzrückgang")
_SECTOR_TITLE = re.compile(r"(?:^|:\s+)(?P<s>(?:[A-ZÄÖÜ][a-zäöüß]+e\s+)?(?=[A-ZÄÖÜ])[\wäöüß-]*(?i:industrie|branche))"
                           r"(?![\wäöüß-])")


def _sector_article(ctx, article: str) -> tuple[str, int | None, int | None] | None:
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
        found = _ASSOCIATION.search(text, 0, max(orgs.lead_end, 0) + 400)    # (its next sentences too)
        title = ctx.title(article) or ""
        t = None if m else _SECTOR_TITLE.search(title)
        if t and not all(w[:-1] in lead for w in t.group("s").split()):
            t = None                        # (an industry the lead names too, in any case: "der heimischen Metall-
            #                                 technischen Industrie"; not "Digitalbranche" of a lead on "Digitalwirtschaft")
        _SECTOR[orgs] = None if not found else (m.group("s"), at + m.start("s"), at + m.end("s")) if m \
            else (t.group("s"), None, None) if t else None      # (the title's industry: no offsets in the text)
    return _SECTOR[orgs]


# a company's own measures: like for like ("auf vergleichbarer Fläche"), and a noun after a possessive pronoun that
# points back to the company ("Deren Mieten stiegen", "ihre Preise")
_SAME_STORE = re.compile(r"(?i)like-for-like|like\s+for\s+like|auf\s+vergleichbarer\s+fläche|flächenbereinigt")
_ITS_BEFORE = re.compile(r"(?<![\wäöüß])(?:[Dd]eren|[Dd]essen|[Ii]hre[rns]?|[Ss]eine[rns]?)\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\wäöüß-]*(?:miete|preis)")
_STATISTICS_SAID = re.compile(r"(?i)(?<![\wäöüß])(?:statistische[nms]?\s+(?:bundes|landes)amt\w*|destatis|statistik\s+austria|"
                              r"bundesamt\w*\s+für\s+statistik|eurostat)")
_SECTOR: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # ArticleOrgs -> industry or None


def sector_owner(ctx, article: str, cols: dict, sentence: str = "") -> dict:
    """Owner columns with an industry's figures given to the industry in an association's report on it
    (``_sector_article``): those of the economy, and those of the association itself ("Der
    Branchenverband ZVEI rechnet mit einem Umsatz von 247 Milliarden Euro": the industry's)."""
    sector = _sector_article(ctx, article)            # (once per article: most are no association's report)
    name = cols.get("entity")
    if sector is None or cols.get("entity_source") not in ("economy", None) and not (name and _association(ctx, article, name)):
        return cols
    name, a, b = sector
    own = _SECTOR_SUBJECT.search(sentence)      # the industry its sentence names ("Die Autoindustrie verbuchte ...")
    if own is not None:
        name = own.group("s")
    return {**cols, "entity": name, "entity_text": name, "entity_start": a, "entity_end": b, "entity_source": "sector"}


# an industry named in the sentence itself by its own compound (not "die Branche")
_SECTOR_SUBJECT = re.compile(r"(?<![\wäöüß])(?:[Dd]ie|[Dd]er|[Dd]as)\s+(?:(?:deutsche|österreichische|schweizerische|"
                             r"heimische)[nr]?\s+)?(?P<s>(?=[A-ZÄÖÜ])(?!Branche\b|Industrie\b)[\wäöüß-]+"
                             r"(?i:industrie|branche))(?![\wäöüß-])")


def _association(ctx, article: str, name: str) -> bool:
    """Is ``name`` an association in the article: itself called one ("Verband der Chemischen Industrie"),
    or written after such a word ("der Branchenverband ZVEI")?"""
    if _ASSOCIATION.search(name):
        return True
    text = (ctx.texts or {}).get(article, "")
    return any(o.name == name and _ASSOCIATION.search(text, max(0, o.start - 25), o.start)
               for o in ctx.orgs(article).orgs)
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


def _named_as_company(s: str, a: int) -> bool:
    """Does a business noun stand right before the name at s[a:] ("der Wetzlarer Heizungshersteller Thermowerk")?"""
    from .owner import _HEAD_BEFORE, grammar
    m = _HEAD_BEFORE.search(s, max(0, a - 40), a)
    return m is not None and grammar().is_head(m.group(1))
