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

from .extract import scanner
from .extract.modifiers import SIGN_OF_A_NUMBER
from .attribute import blank_per_share, clause_end, clause_start
from .change_owners import (_LINE_LABEL, _OWNER_KEYS, _SHARE_OF, _WITH_CHANGE, _continue_owners, _economy_article,
                            _entity, _paren_item, _place, _rules)


def _before(preposition: str, words: str) -> re.Pattern:
    """A preposition right before a figure, with any of ``words`` ("|"-separated) between."""
    return re.compile(rf"(?i)\b{preposition}\s+(?:(?:{words})\s+)*$")


_UM = _before("um", "rund|etwa|knapp|gut|fast|mehr als|über|nahezu|beinahe|ca\\.|zirka|circa|die|ein|eine|einen|"
                    "mehr als die|fast die|knapp die|rund die|gut die|"
                    # "um jährlich 25 Millionen Euro senken", "um weitere 1,5 Milliarden Dollar"
                    "jährlich|weitere|zusätzlich|durchschnittlich|insgesamt|nochmals|erneut|jeweils|ebenfalls")
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


def _measure(ctx, f: dict, s: str, p: int, e: int) -> str:
    """The measure of a change: an indicator's points are "sentiment" however their index is named
    ("Der Teilindex für die Produktion"), else the measure its sentence names (``measure_of``)."""
    if f["kind"] == "index" and indicator_points(ctx, f, s, p, e):
        return "sentiment"
    found = measure_of(s, p, e)
    if found == "other":                    # "Der Umsatz stieg ... Nominal sank er um 1,2 Prozent": the pronoun's noun
        found = ctx.pronoun_measure(f, s, p, measure_of) or found
    if found == "other" and _RESTATED.search(s[clause_start(s, p):p]):
        found = next((m for x in ctx.paragraph_before(f, 2)      # "Nominal betrug das Minus 3 Prozent": the measure
                      if (m := measure_of(x, len(x), len(x))) != "other"            # before, adjusted another way
                      and not _rules()["sector"].search(x)), found)   # (a sector's goes on as the sector's change)
    if found == "other" and f["kind"] == "percent" and _TO_MONEY.match(s, e) \
            and not _rules()["not_revenue"].search(s, clause_start(s, p), clause_end(s, e)):
        found = "revenue"                   # "Die Sparte Varian wuchs um 7,5 Prozent auf 1,01 Milliarden Euro"
    return found


# a business's money level right after a change: "um 7,5 Prozent auf 1,01 Milliarden Euro" (not a share price's
# "um 2,3 Prozent auf 47,12 Euro")
_TO_MONEY = re.compile(r"\s+auf\s+(?:(?:rund|etwa|knapp|gut|fast|mehr\s+als|über|ca\.)\s+)?\d[\d.,']*\s*"
                       r"(?:Millionen|Milliarden|Mio\.|Mrd\.)\s*(?:Euro|EUR|€|Dollar|US-Dollar|USD|\$|Franken|"
                       r"CHF|Fr\.|Pfund|Yen|Yuan|Kronen)(?![\wäöüß])")


# a change restated with another adjustment and only a change noun for its subject: "Nominal betrug das Minus
# 3 Prozent", "Bereinigt um Wechselkurseffekte ergab sich ein leichtes Plus von 0,8 Prozent"
_RESTATED = re.compile(r"(?i)(?<![\wäöüß])(?:nominal|real|\w*bereinigt|organisch|ohne|in\s+landeswährung|zu\s+konstanten\s+"
                       r"(?:wechsel)?kursen)(?![\wäöüß]).*?(?<![\wäöüß])(?:das|der|ein|einen|einem)\s+(?:[a-zäöüß]+\s+)?"
                       r"(?:plus|minus|rückgang|zuwachs|anstieg|wachstum)(?![\wäöüß])")


# an item of a list of levels: "die Staatsoper Unter den Linden auf 72,8 Prozent, die Deutsche Oper auf ..."
_LEVEL_ITEM = re.compile(r"(?:^|[\s,(])(?i:der|die|das)\s+(?P<n>[A-ZÄÖÜ][\wäöüß-]*(?:\s+(?:[A-ZÄÖÜ][\wäöüß-]*|den|der|am|an))*?)"
                         r"\s+auf\s+(?i:(?:rund|etwa|knapp|gut|fast|nur noch|noch)\s+)?$")
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
# Wachstum dürfte bei 1,8 Prozent liegen", "Bereinigt hätte das Minus nur 1,2 Prozent betragen")
_LEVEL_NOUNS = "plus|minus|anstieg|zuwachs|wachstum|rückgang|einbruch|zunahme|abnahme"
_STATED_AS_LEVEL = re.compile(r"(?i)(?<![\wäöüß])(?:das|der|die|ein|eine)\s+(?:[a-zäöüß]+\s+){0,2}(?:[\wäöüß-]*-)?"
                              r"(?P<noun>" + _LEVEL_NOUNS + ")"
                              r"(?![\wäöüß])[^,;.]{0,80}?(?<![\wäöüß])(?:betrug|beträgt|betragen|lag|liegt|liegen|lagen|"
                              r"belief\s+sich\s+auf|beläuft\s+sich\s+auf|erreichte|bei)\s+"
                              r"(?:(?:rund|etwa|knapp|gut|nur|noch|lediglich|fast|mehr\s+als|über|ca\.)\s+)*$"
                              r"|(?i:(?:betrug|beträgt|lag|liegt|erreichte|hätte|wäre|dürfte|würde|sollte|könnte))\s+"
                              r"(?:das|der|die)\s+(?:[a-zäöüß]+\s+){0,2}(?P<noun2>" + _LEVEL_NOUNS + r")\s+"
                              r"(?:(?:rund|etwa|knapp|gut|nur|noch|lediglich|fast|sogar|mehr\s+als|über|ca\.)\s+)*$")


_CHANGE_WORD = re.compile(r"(?i)(?<![\wäöüß])(?:plus|minus|anstieg|zuwachs|wachstum|rückgang|zunahme|abnahme|stieg|sank|"
                          r"wuchs|gestiegen|gesunken|zugelegt|verloren|fiel|gefallen)(?![\wäöüß])")
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


# a share of the people asked: "61 Prozent der befragten Wirte", "ein Drittel der Befragten"
_OF_THE_ASKED = re.compile(r"\s+(?:der|aller)\s+(?:[a-zäöüß]+\s+)?(?:befragten|Befragten)(?![\wäöüß])")
_BARE_NUMBER = re.compile(r"[\d.,'’]+")
_PERCENT_AT = re.compile(r"[\d.,'’]+\s*(?:Prozent|%)")


def _is_change(f: dict, s: str, p: int, e: int) -> bool:
    """A change is stated "um X", as "ein Plus von X", a multiple ("verdoppelt"), a comparison with an
    earlier value ("X Prozent weniger als ein Jahr zuvor"), or a signed percent."""
    before = s[max(0, p - 40):p]
    if f["kind"] in ("percent", "ratio") and _OF_THE_ASKED.match(s, e) and not _UM.search(before):
        return False                                  # "wollen 61 Prozent der befragten Wirte ihre Preise erhöhen": a share
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
_BARE_TO_UNIT = re.compile(r"\s+auf\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|nahezu|ca\.|zirka|circa|minus|plus)\s+)?")
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
        x = _signed_level(x, before)
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


# a multiple of another measure, not of an earlier value: "dem 11,6-Fachen des Ebitda" (not "des Vorjahreswerts")
_MULTIPLE_OF = re.compile(r"\s+(?:des|der)\s+(?:[a-zäöüß]+\s+)?(?!Vorjahr|Vormonat|Vorquartal|Niveaus?\b|Wert|Werts\b|"
                          r"Ausgangswert|Vorkrisen)[A-ZÄÖÜ]")


def _apposed_to_a_price(ctx, f: dict, s: str, p: int) -> bool:
    """A change in apposition to a price right before it: "schloss bei 71,28 Euro, ein Plus von 8,0 Prozent"."""
    from . import views                   # views imports this module: looked up at call time
    if views.apposition(ctx, f, s, p) is None:
        return False
    before = [x for x in ctx.same_sentence(f, ("money", "count")) if x["end"] <= f["start"]]
    return bool(before) and before[-1]["kind"] == "money" and not views._SCALED.search(before[-1]["text"]) \
        and not _PER_SHARE_AFTER.match(s, ctx.pos(before[-1])[1])   # (not "eine Dividende von 3,70 Fr. je Aktie")


_PER_SHARE_AFTER = re.compile(r"\s+(?:je|pro)\s+")


def _signed_level(x: dict, before: str) -> dict:
    """The figure with its level below zero: "auf minus 63,9 Punkte" (``before``: the text before it)."""
    if x.get("direction") == "down" and x["low"] and (_MINUS.search(before) or x["text"].lstrip()[:1] in "-−"):
        return x | {"low": -x["low"]}
    return x


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
            levels = _stated_levels(ctx, f, s, p, e)
            if levels:                                # "ein Verlust von 42 Millionen Dollar, nach einem Minus von 95
                out.append(levels)                    # Millionen ein Jahr zuvor": the loss with its earlier level
            continue                                  # "machte ein Minus von knapp 1,1 Milliarden Euro": a loss, not a change
        restated = _restated_change(ctx, out, f, s, p, e) or _earlier_rate(out, f, s, p)
        if restated is not None:
            out.append(restated)
            continue
        site = _job_change(f, s, p, e, "site") or _job_change(f, s, p, e, "seat") or _job_change(f, s, p, e, "resident")
        if site:                            # "will 35 ihrer 210 Filialen schließen", "Die CDU verlor drei Sitze"
            out.append(_row(ctx, f, "other", site, None))
            continue
        won = _job_change(f, s, p, e, "customer")
        if won:                             # "gewann netto 1,4 Millionen Vertragskunden hinzu"
            out.append(_row(ctx, f, "users", won, None))
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
                measure == "other" or _SHARE_WORDS.search(plain[cs:ce]) or _SHARE_WORDS.search(plain)
                and _apposed_to_a_price(ctx, f, s, p)) and not views.change_of_a_quantity(ctx, f, s, p):
            continue                                  # a stock move (a business measure wins over "Einzelhandel";
            #                                           "das Papier ... schloss bei 71,28 Euro, ein Plus von 8,0 Prozent")
        if f["kind"] == "multiple" and f["text"].lower().rstrip("ns").endswith("fache") and _MULTIPLE_OF.match(s, e):
            continue                                  # "entspricht dem 11,6-Fachen des Ebitda": a ratio, no change
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
            "_from": frm, "_to": to, "_levels_only": False, "_p": p,
        })
        high = f.get("high")
        if high is not None and f["low"] is not None and high != f["low"] and (pct is not None or absolute is not None):
            sign = -1 if direction == "down" else 1        # "soll jährlich um 6 bis 8 Prozent wachsen": each end a row
            out.append(out[-1] | ({"change_pct": high * sign} if pct is not None else {"change_abs": high * sign}))
    tos = {(r["article"], r["_to"]["start"]) for r in out if r["_to"] is not None and r["change_pct"] is not None
           or r["_to"] is not None and (r["change_abs"] is not None or r["change_factor"] is not None)}
    out = [r for r in out if not (r["_levels_only"] and (r["article"], r["start"]) in tos)]
    out = _without_survey_shares(ctx, out)
    _continue_owners(ctx, out)
    return out


def _without_survey_shares(ctx, out: list[dict]) -> list[dict]:
    """A survey's share with its earlier value ("37 Prozent haben davon gehört (Vorjahr: 30 Prozent)", "44 Prozent
    gaben an ..., nach 35 Prozent im Vorjahr") is a share of the adoption table with its period, no stated change
    (but an official statistic and a rate named as such are: "der Anteil lag bei 69 Prozent; 2020 waren es 53");
    nor are the firms that plan to cut or hire ("28 Prozent der Betriebe wollen Stellen abbauen") a cut of jobs.
    """
    levels = [r for r in out if r["change_pct"] is None and r["change_abs"] is None and r["change_factor"] is None
              and not _OFFICIAL.search(r["sentence"]) and not _LEVEL_NOUN.search(r["sentence"])]
    jobs = [r for r in out if r["measure"] == "employment" and r["change_pct"] is not None
            and r.get("_p") is not None and not _STATED_BY.search(r["sentence"], 0, r["_p"])]
    if not levels and not jobs:
        return out
    from .shares import is_survey, share_rows
    surveys = {a for a in {r["article"] for r in levels + jobs}       # (only the articles with such a row)
               if is_survey(ctx.by_article[a]) and not any(_OFFICIAL.search(f["sentence"]) for f in ctx.by_article[a])}
    shares = {(r["article"], r["start"]) for r in share_rows(ctx, ctx.at, surveys)}
    drop = {id(r) for r in levels + jobs if (r["article"], r["start"]) in shares}
    return [r for r in out if id(r) not in drop]


# a change stated as such: "sank um 6.700 oder 1,4 Prozent"
_STATED_BY = re.compile(r"(?i)(?<![\wäöüß])(?:um|oder|von)\s+(?:[\wäöüß.]+\s+)?$")
# official statistics of a share are a rate with its history ("Laut Mikrozensus des Statistischen Bundesamts fuhren 2024
# zehn Prozent der Berufspendler mit dem Fahrrad, nach neun Prozent im Jahr 2020"), as is a capacity's use ("zu 74 Prozent
# ausgelastet, nach 77 Prozent"); a survey's answers are not
_OFFICIAL = re.compile(r"(?i)statisti|eurostat|destatis|mikrozensus|amtlich|ausgelastet|auslastung")


# the part of a whole stated before: "rund 600 Stellen wegfallen, davon etwa 150 in Deutschland"
_DAVON = re.compile(r"(?i)(?<![\wäöüß])davon\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.|allein)\s+)*$")


_POINTS_TO = re.compile(r"(?i)(?<![\wäöüß])um\s+\d[\d.,]*\s*(?:Prozentpunkte|Punkte)\s+auf\s+(?:\w+\s+)?$")
_FROM_TO_PERCENT = re.compile(r"(?i)(?<![\wäöüß])von\s+(?:minus\s+)?\d[\d.,]*\s*(?:Prozent|%)?\s+auf\s+"
                              r"(?:minus\s+)?\d[\d.,]*\s*(?:Prozent|%)")


def _inflation_rate(f: dict, s: str, p: int, e: int) -> float | None:
    """"Die Inflationsrate lag bei 2,1 Prozent", "eine Teuerung von 2,0 Prozent", "Inflation sinkt auf 2,1
    Prozent": an inflation rate is the change of consumer prices in percent (not its change "um")."""
    if f["kind"] != "percent" or f["unit"] != "%" or _UM.search(s[max(0, p - 40):p]) or compared(s, e):
        return None
    if any(m.start() <= p < m.end() for m in _FROM_TO_PERCENT.finditer(s)):
        return None                         # "sank von 2,7 auf 2,5 Prozent": two levels, the row of ``_levels``
    cs, ce = clause_start(s, p), clause_end(s, e)
    if _POINTS_TO.search(s, cs, p):
        return None                         # "ging um 0,2 Prozentpunkte auf 2,6 Prozent zurück": the change's new level
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


def _job_change(f: dict, s: str, p: int, e: int, what: str = "job") -> dict | None:
    """"streicht 12.000 Jobs", "elf Prozent der Belegschaft sollen gehen": a fall (or, with "schafft",
    a rise) of employment stated as the jobs cut or created; with ``what="site"`` the shops, branches
    or plants closed or opened ("will 35 ihrer 210 Filialen schließen"), with ``what="seat"`` the seats a
    party lost or won ("Die CDU verlor drei Sitze"), with ``what="resident"`` a place's inhabitants, with
    ``what="customer"`` the customers a company won or lost."""
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
    if _PARTITIVE_BASE.search(s[max(0, p - 80):p]) or _WITH.search(s[max(0, p - 30):p]) \
            or _OF_THE_WHOLE.search(s[max(0, p - 40):p]):
        return None                  # "550 ihrer 1250 Stellen": the whole; "ein Werk mit 1000 Mitarbeitern": a size;
        #                              "Von den rund 560 Arbeitsplätzen fallen 140 weg": the whole
    whole = _PARTITIVE.match(s, e)
    instead = _INSTEAD.match(s, e)
    noun_at = whole.end("n") if whole else instead.end() if instead else e   # "zehn Prozent der weltweit etwa
    #                                                     2000 Stellen", "1100 statt 1700 Arbeitsplätze"
    elliptic = _elliptic_jobs(f, s, p, e) if not whole and what == "job" else None
    if not r["nouns"].match(s[noun_at:]) and not r["nouns"].match(" " + (f.get("unit") or "")) \
            and not elliptic:
        return None
    if what == "customer" and _HOLDS_BEFORE.search(s, max(0, p - 30), p):
        return None                                     # "... und zählt nun 10,1 Millionen Kunden": a level
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


# (not "hat": "Die Telekom hat 248.000 Kunden gewonnen" is a change)
_HOLDS_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:zähl\w*|kommt|kam|betreut\w*|versorgt\w*)\s+"
                           r"(?:[a-zäöüß]+\s+){0,3}(?:(?:rund|etwa|knapp|gut|fast|mehr\s+als|über)\s+)?$")


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
# the whole a part is taken from: "Von den rund 560 Arbeitsplätzen fallen 140 weg"
_OF_THE_WHOLE = re.compile(r"(?i)(?<![\wäöüß])von\s+(?:den|ihren|seinen)\s+(?:(?:rund|etwa|knapp|gut|fast|insgesamt|bisher|"
                           r"derzeit|noch)\s+)*$")
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
# a share of the people asked: "61 Prozent der befragten Wirte", "ein Drittel der Befragten"
_OF_THE_ASKED = re.compile(r"\s+(?:der|aller)\s+(?:[a-zäöüß]+\s+)?(?:befragten|Befragten)(?![\wäöüß])")
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
    noun = re.compile(r"\s+" + re.escape(f["unit"]) + r"(?![\wäöüß])").match(s, e) if f["kind"] == "count" and f["unit"] \
        else None                       # the counted noun: "lieferte 78.900 Autos aus (Vorjahr: 74.600)"
    gap = _WORDS_TO_PAREN.match(s, noun.end() if noun else e)
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
_NACH_BEFORE = re.compile(r"^\.?(?:(?:[^.;:()]|\([^():;]{0,20}\)){0,90}?\bnach(?:\s+(?:einem|einer)\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]*)\s+von)?|"
                          r"(?:\s+(?:an|zu|ab|aus|zurück|nach))?[\s,]*(?:gegenüber|von|verglichen\s+mit)|"
                          r"(?P<prior>[^.;:()]{0,40}?\b(?:über|unter|nach)\s+(?:dem|den)\s+Vorjahres(?:wert|niveau)s?\s+von))\s+"
                          r"(?:(?:rund|etwa|knapp|gut|noch|minus)\s+)?$")
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
                          # the year before by its number ("eine Dividende von 10,50 Euro, nach 9,00 Euro für 2025")
                          r"für\s+(?:das\s+(?:Geschäfts)?jahr\s+)?(?:19|20)\d\d(?:/\d\d)?|"
                          # the current year against a plan ("auf 1,42 Milliarden Euro, nach 1,31 Milliarden Euro heuer"),
                          # the round before ("mit 14 Milliarden Euro bewertet, nach 12 Milliarden bei der vorigen Runde")
                          r"heuer|im\s+laufenden\s+Jahr|in\s+diesem\s+Jahr|"
                          r"(?:bei|in)\s+der\s+(?:vorigen|letzten|vorherigen|vorangegangenen)\s+[A-ZÄÖÜ]\w+|"
                          r"in\s+der\s+(?:Vorjahres|Vergleichs)periode|im\s+Vergleichszeitraum|"
                          r"vor\s+(?:einem|zwölf|drei|sechs)\s+(?:Jahr|Monaten)|vor\s+Jahresfrist|"
                          r"(?:ein|im)\s+Jahr\s+(?:zuvor|davor|vorher)|im\s+Vor(?:quartal|monat)|zuvor|"
                          r"im\s+(?:gleichen|selben|Vorjahres)?\s*Zeitraum\s+des\s+Vorjahres|"
                          r"im\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                          r"(?:ersten|zweiten|dritten|vierten|letzten)\s+(?:Quartal|Halbjahr))|(?:im\s+(?:Jahr\s+)?)?(?:19|20)\d\d|"
                          r"(?:per\s+|zum\s+)?Ende\s+(?:(?:19|20)\d\d|des\s+Vor(?:jahres|quartals|monats)|[A-ZÄÖÜ][a-zäöü]+)|"
                          # the year's end before ("bei 1,37 Milliarden Euro nach 1,18 Milliarden Euro zum Jahresende 2025")
                          r"(?:zum|am)\s+(?:Jahresende|Jahresultimo|Jahresschluss|Ende\s+des\s+(?:Vorjahres|Jahres)))\b")


_LOSS = re.compile(r"(?i)verlust|fehlbetrag|defizit|minus")
# a verb of amounting right before a level: "Das bereinigte EBIT erreichte 327 Mio. Euro nach 301 Mio. Euro."
_AMOUNTED = re.compile(r"(?<![\wäöüß])(?:erreichte|erreichten|erreicht|betrug|betrugen|beträgt|kostet|kosten|kostete|"
                       r"erzielte|erzielten|verbuchte|verbuchten|verdiente|verdienten)\s+(?:(?:rund|etwa|knapp|gut|fast|nun|"
                       r"künftig|jetzt|zuletzt|nur\s+noch|mehr\s+als)\s+)*$")


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
                              or _AMOUNTED.search(s[max(0, p - 40):p]) and measure_of(s, p, e) != "other"
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
    frm, to = (x, f) if f["kind"] in ("money", "count") else \
        (_signed_level(x, s[max(0, xp - 30):xp]), _signed_level(f, s[max(0, p - 30):p]))   # (a loss is no minus)
    row.update({"from_value": frm["low"], "to_value": to["low"], "from_unit": x["unit"] or f["unit"], "to_unit": f["unit"],
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
        "end": f["end"], "sentence": s, "_from": None, "_to": None, "_levels_only": False, "_p": p,
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
