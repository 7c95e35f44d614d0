"""Whose figure is it: the grammatical owner of a figure, found in its clause, sentence and article.

The owner is the subject of the figure's clause ("Vonovia verlor 2,1 Prozent"), the possessor of
a share or a company figure ("die Aktie von X", "X-Aktie", "Aktien der X", "der Umsatz von X"),
each item of a list of moves ("A verloren 2,3 Prozent, B 1,7 Prozent"), or what a reference
stands for ("der Konzern", "die Bank", "der Windturbinenhersteller", and "die Aktie" or "der
Umsatz" without a possessor): the last organisation of a fitting kind named before it, else the
article's main organisation (title and lead). Names after an agent word ("laut", "durch",
"gegenüber") are never owners. A sentence that names no organisation and refers to none gives
no owner. Vocabulary: ``explore/lang/de/attribution.toml``.

>>> from explore.article_orgs import ArticleOrgs
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

from typing import TYPE_CHECKING

from . import profiles

if TYPE_CHECKING:
    from .article_orgs import ArticleOrgs

_WORD = re.compile(r"[\wÄÖÜäöüß.&'’-]+")
# names given as examples, in a comparison or as a subsidiary are not what the text is about at that
# point: "Konkurrenten wie IBM und Oracle", "Konkurrenten wie die Alphabet-Tochter Google und Facebook",
# "besser als Oracle", "die polnische Tochtergesellschaft X"
# an item of them: its article, a compound naming its parent ("die Alphabet-Tochter"), a rival noun ("mehr als
# Konkurrent JD.com")
_EXAMPLE_ITEM = (r"(?:(?:die|der|den|dem|das)\s+)?(?:[A-ZÄÖÜ][\w&.’'-]*-[A-ZÄÖÜ][\wäöüß]+\s+)?"
                 r"(?:(?:Konkurrent|Konkurrenten|Rivale|Rivalen|Wettbewerber|Mitbewerber)\s+)?")
_EXAMPLES = re.compile(r"(?:\b[A-ZÄÖÜ][a-zäöüß]+\s+wie|\b[a-zäöüß]{2,}er\s+als|\b(?:mehr|weniger|[Aa]nders)\s+als|"
                       r"\bWettbewerb\s+mit|\bkonkurrier\w*\s+mit)\s+"
                       r"(?:" + _EXAMPLE_ITEM + r"[A-ZÄÖÜ][\w&.’'-]*(?:\s+[A-ZÄÖÜ][\w&.’'-]*)*\s*(?:,|\bund|\boder|\bsowie)\s+)*"
                       + _EXAMPLE_ITEM + r"$"
                       r"|(?<![\wäöüß-])[\wäöüß-]*(?:[Tt]ochter|[Tt]öchter|[Ss]chwester|[Bb]eteiligung)\w*\s+$")   # "die Holzbearbeitungstochter Homag"
# one example: "Anbieter wie das Berliner Fintech", "Firmen wie die"
_NON_SPACE = re.compile(r"\S")
_SENTENCE_OR_CLAUSE_BREAK = re.compile(r"[.!?;]\s+")
# the capitalised word right before a name, a space between them
_HEAD_BEFORE = re.compile(r"(?<![\wäöüß-])([A-ZÄÖÜ][\wäöüß-]*) $")
_GENITIVE_HEAD = re.compile(r"(?<![\wäöüß-])des\s+(?:[a-zäöüß-]+\s+)?([A-ZÄÖÜ][\wäöüß-]*s) $")    # "des Arzneimittelherstellers "
_SOLE_EXAMPLE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+)\s+wie\s+(?:(?:die|der|den|dem|das)\s+)?(?:[\wäöüß-]+\s+){0,3}$")
# names after a colon that introduces competitors: "Auch Konkurrenten gerieten unter Druck: Alcon verloren ..."
_COMPETITORS = re.compile(r"(?<![\wäöüß])(?:Konkurrent|Konkurrenz|Wettbewerber|Rivale|Mitbewerber|Branchenkollege)\w*"
                          r"[^:.;]{0,80}:\s[^.;:]*$")
# a subsidiary of the company the text is about: "die Holzbearbeitungstochter Homag"
_NAME_GOES_ON = re.compile(r"\s+[A-ZÄÖÜ][\wäöüß-]*[a-zäöüß]")
_SUBSIDIARY_BEFORE = re.compile(r"(?<![\wäöüß-])[\wäöüß-]*(?:[Tt]ochter|[Tt]öchter|[Ss]chwester|[Mm]arke|[Ll]andesgesellschaft|"
                                r"[Ll]ändergesellschaft|[Vv]ertriebsgesellschaft)\w*\s+$")   # (the national subsidiary too)
# and after it, in apposition: "die DEG, ebenfalls eine Tochter,", "Turner, die US-Tochter von Hochtief,"
_SUBSIDIARY_AFTER = re.compile(r",\s+(?:(?:ebenfalls|auch)\s+)?(?:eine|die)\s+(?:[a-zäöüß-]+\s+)?[\wäöüß-]*(?:[Tt]ochter)"
                               r"(?:gesellschaft)?\b"
                               # "Crate and Barrel, die zur Gruppe gehört,": a part of the group
                               r"|,\s+(?:die|der|das)\s+(?:(?:ebenfalls|auch|seit\s+\d{4})\s+)?zu(?:r|m)\s+"
                               r"(?:Gruppe|Konzern|Unternehmen|Holding)\s+geh[öo]r")
_CLAUSE = re.compile(r",(?=\s)|;|:(?=\s)|\s[–—-]\s|\(|\)|\s\|\s")
# a relative clause between commas: "der die 30 wichtigsten Titel umfasst, ", "in den Kelvora aufgenommen
# werden könnte, " (not a list item "die Allianz 1 %")
_RELATIVE_CLAUSE = re.compile(r"\s*(?:(?:in|an|auf|aus|bei|mit|nach|von|zu|für|über|unter|durch|gegen|um)\s+"
                              r"(?:dem|den|der|die|das|denen|deren|dessen|welche[mnrs]?)\s|(?:der|die|das|welche[rs]?)\s+"
                              r"(?:[a-zäöüß]|(?:der|die|das|den|dem)\s))(?:[^,;()]|\([^,;()]*\))*?(?<![\wäöüß])[a-zäöüß]+,(?=\s)")
# a noun phrase in apposition between commas: "Die Zusagen der DEG, ebenfalls eine Tochter, legten ... zu"
_APPOSITION = re.compile(r"\s*(?:(?:ebenfalls|auch|selbst)\s+)?ein(?:e|er|es)?\s+(?:[a-zäöüß-]+\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*"
                         r"(?:\s+(?:der|des|von)\s+[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*)?)?,(?=\s)")
_SENT = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ0-9])|\n+")
#: a security's identifier: an ISIN ("CA09852X3058") or a six-character WKN with digits ("A12AZ5")
_SECURITY_ID = re.compile(r"[A-Z]{2}[A-Z0-9]{9}\d|(?=(?:[A-Z]*\d){2})(?=\d*[A-Z])[A-Z0-9]{6}")
_SHARE_WORDS = ("Aktie|Aktien|Papiere|Papier|Titel|Anteilsscheine|Anteilsschein|Vorzüge|Vorzugsaktien|ADRs|Genussscheine|"
                "Genussschein|Partizipationsscheine|Inhaberaktien|Namenaktien|Stammaktien")
_SHARE_NOUN = re.compile(r"(?:" + _SHARE_WORDS + r")")
_SHARE_CLASS = re.compile(r"(?i)(?:aktien?|scheine?|papiere?|titel|vorzüge)$")
_SHARE_AFTER = re.compile(r"-(?:" + _SHARE_WORDS + r")\b")          # right after a name: "Terex-Aktie"
# (a share class between name and share noun is no part of the name: "Volvo-B-Aktien", "BYD-H-Aktien")
_SHARE_COMPOUND = re.compile(r"(?P<n>[\wÄÖÜäöüß&]+(?:-(?!(?:A|B|C|H|Vz|St)-)[A-ZÄÖÜ][\wÄÖÜäöüß&]*)*)(?:-(?:A|B|C|H|Vz|St))?"
                             r"-(?:" + _SHARE_WORDS + r")\b")
_LIST_ITEM = re.compile(r"^\s*(?:in\s+[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?\s+)?"   # "in New York Freeport-McMoRan"
                        r"(?:(?:die|der|das)\s+)?(?P<n>[A-ZÄÖÜ][\wÄÖÜäöüß&.'’-]*(?:\s+[A-ZÄÖÜ][\wÄÖÜäöüß&.'’-]*){0,3})"
                        r"(?:\s+in\s+[A-ZÄÖÜ][\wäöüß-]+)?"          # where it trades: "UniCredit in Mailand 1,9 Prozent"
                        r"\s+(?:(?:um|mit|je|jeweils)\s+)?(?:(?:plus|minus|einem\s+(?:Plus|Minus|Abschlag|Aufschlag)\s+von)\s+)?"
                        r"[+-−]?$")
# a bank or analyst that rates a share: the subject right before the rating words
_RATING = re.compile(r"(?i)[^,.;:]{0,40}?(?<![\wäöüß])(?:(?:hob|hebt|senkte|senkt|bestätigte|bestätigt|erhöhte|erhöht|kappte|kappt|"
                     r"hat|hatte|reduzierte|reduziert|bekräftigte|bekräftigt)\s+(?:[\w\"„“”'-]+\s+){0,3}?[\w\"„“”'-]*?(?:kursziel|preisziel|votum|einstufung|"
                     r"empfehlung|anlageurteil|rating)|(?:stufte|stuft)\s+(?:[\w\"„“”'-]+\s+){0,6}?(?:hoch|herab|ab|auf|zurück)"
                     # "hebt die UBS auf "Buy"", "nimmt Siemens Energy mit "Outperform" auf": a rating in quotes
                     r"|(?:hob|hebt|senkte|senkt|nimmt|nahm|setzt|setzte)\s+(?:[\w'-]+\s+){1,4}?(?:auf|mit)\s+[\"„“]"
                     r"|(?:hob|hebt|senkte|senkt|erhöhte|erhöht|kappte|kappt)\s+(?:dieses|dieses\s+Ziel|es)\s+(?:auf|von|um)\s"
                     # "Jefferies sieht das Papier sogar bei 520 Kronen", "sieht den fairen Wert bei 57 Euro"
                     r"|(?:sieht|sah|sehen|taxiert|bewertet)\s+(?:das\s+Papier|die\s+Aktie|den\s+(?:fairen\s+)?Wert|das\s+(?:Kurs)?ziel)"
                     r"\s+(?:\w+\s+){0,2}?(?:bei|auf|mit)\s)")
# a bank right before the verb of a target in numbers ("Jefferies reduziert das Ziel auf 255 Euro", "Die DZ Bank
# senkt den fairen Wert von 280 auf 265 Euro", "Jefferies nahm das Ziel auf 40 Euro zurück"): not a company's own goal
_RATING_NEAR = re.compile(r"(?i)\s+(?:[a-zäöü]+\s+)?(?:hob|hebt|senkte|senkt|erhöhte|erhöht|kappte|kappt|reduzierte|reduziert|"
                          r"nahm|nimmt|setzte|setzt)\s+"
                          r"(?:(?:das|ihr|sein)\s+Ziel|den\s+fairen\s+Wert)\s+(?:für\s+\S+(?:\s+\S+)?\s+)?(?:auf|von)\s+\d")
# a bank that keeps or sets a rating in a relative clause: "die Zürcher Kantonalbank (ZKB), die ihre Einstufung
# «Marktgewichten» beibehielt"
_RATES_IN_RELATIVE = re.compile(r"\s*(?:\([^()]{1,12}\))?,\s*(?:die|der)\s+(?:ihre|ihr|seine|sein|das|die|den)\s+"
                                r"(?:Einstufung|Empfehlung|Kursziel|Votum|Rating|Anlageurteil)(?![\wäöüß])")
_FOR_BEFORE = re.compile(r"(?i)(?<![\wäöüß])für\s+(?:die|den|das|der)?\s*$")
# a name right after a rating verb is what is rated: "Berenberg stufte ASML ... hoch und hob das Kursziel"
_RATING_VERB_BEFORE = re.compile(r"(?<![\wäöüß])(?:stufte|stuft|stuften|hob|hebt|senkte|senkt|nahm|nimmt|setzte|setzt)"
                                 r"\s+(?:(?:die|den|das|der)\s+)?$")
# a bank's view of a share is no topic of its own ("unter einem Kommentar von Morgan Stanley")
_ANALYST_OF = re.compile(r"(?i)(?:kommentar|studie|analyse|einschätzung|analysten|analystin|analyst|experten|"
                         r"empfehlung|einstufung|marktforscher|ökonomen|volkswirte|strategen)\w*\s+(?:von|der|des)\s+"
                         r"(?:der\s+|die\s+)?$"
                         r"|(?<![\wäöüß])(?:rating|bonitäts)agentur(?:en)?\s+$")     # "Die Ratingagentur Moody's bestätigte"
_COMPARISON = re.compile(r"\s*(?:Zum\s+Vergleich|Im\s+Vergleich\s+dazu|Zum\s+Branchenvergleich)\b")
# a name and the change it is told with: "der Dax mit einem Plus von", "Zalando mit einem Abschlag von"
_WITH_CHANGE = re.compile(r"(?i)\s+mit\s+(?:einem|einer)\s+(?:[a-zäöüß]+\s+)?(?:plus|minus|gewinn|verlust|abschlag|"
                          r"aufschlag|zuwachs|anstieg|rückgang|kursgewinn|kursverlust)\s+von\s+"
                          r"(?:(?:rund|etwa|knapp|gut|fast|mehr als|über)\s+)?")
_IN_INDEX = re.compile(r"(?i)(?<![\wäöüß])(?:im|am|beim|in\s+(?:der|dem)|an\s+der)\s+$")   # "die Gewinnerliste im ATX"
# a list of three or more figures, the last after "beziehungsweise": "um 61, 48 beziehungsweise 37 Prozent"
_NUMBER = r"\d[\d.]*(?:,\d+)?(?:\s*(?:%|Prozent))?"
_FIGURE_LIST = re.compile(rf"{_NUMBER}(?:\s*,\s+{_NUMBER})+\s+(?:beziehungsweise|bzw\.)\s+{_NUMBER}")
_NAME_GLUE = re.compile(r"\s*,\s*|\s+(?:und|sowie)\s+")


def _respective_item(s: str, pos: int, before: list, sent_start: int):
    """The name a figure of a list of three or more figures belongs to, when as many names stand in one list
    before it ("A, B und C ... um 61, 48 beziehungsweise 37 Prozent"), else None."""
    m = next((m for m in _FIGURE_LIST.finditer(s, max(0, pos - 80)) if m.start() <= pos < m.end()), None)
    if m is None:
        return None
    starts = [x.start() for x in re.finditer(r"\d[\d.]*(?:,\d+)?", m.group())]
    if pos - m.start() not in starts:
        return None
    names = [o for o in before if o.end - sent_start <= m.start()]
    chain = names[-1:]
    for a, b in zip(reversed(names[:-1]), reversed(names[1:])):
        if not _NAME_GLUE.fullmatch(s, a.end - sent_start, b.start - sent_start):
            break
        chain.insert(0, a)
    return chain[starts.index(pos - m.start())] if len(chain) == len(starts) else None


_RESPECTIVE_BEFORE = re.compile(r"(?<![\wäöüß])(?:beziehungsweise|bzw\.?)\s+(?:(?:rund|etwa|knapp|gut)\s+)?$")
_RESPECTIVE_AFTER = re.compile(r"\s*(?:%|Prozent)?\s*(?:beziehungsweise|bzw\.?)\s+[\d+\-−]")
# two figures joined by "und" after two names joined by "und": "Visa und Mastercard gewannen 1,1 und 0,6 Prozent"
_AND_FIGURE_BEFORE = re.compile(r"\d\s*(?:%|Prozent)?\s+und\s+$")
_AND_FIGURE_AFTER = re.compile(r"\s*(?:%|Prozent)?\s+und\s+\d")
_AND = re.compile(r"\s+(?:und|sowie)\s+")
# a word the model or a pattern took for a name that is the unit of a number: "6,72 Millionen TEU",
# "1.282 Dollar je Standardcontainer (TEU)"
_UNIT_BEFORE = re.compile(r"(?:\d|(?<![\wäöüß])(?:Millionen|Million|Milliarden|Milliarde|Mio\.|Mrd\.|Tausend))\s*$"
                          r"|(?<![\wäöüß])je\s+[A-ZÄÖÜ][\wäöüß-]*\s*\(\s*$")
_BRACKET_BEFORE = re.compile(r"\s*\(\s*(?:[+\-−±]|plus|minus)?\s*$")       # "MDAX (", "Adidas (minus "
_PREPOSITION_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:mit|gegen|für|über|unter|zwischen|neben|wie|als|ohne|bei|an|am|"
                                 r"im|in|auf|aus|nach|vor|um)\s+(?:(?:der|die|das|dem|den|des|einem|einer|eines)\s+)?"
                                 r"(?:[a-zäöüß]+[ernms]\s+)?$")
# an extended participle attribute around a name: "die zur Unternehmensgruppe Theo Müller gehörende Sachsenmilch", "der
# von Ferrero übernommene Pralinenhersteller": the name is the attribute's, the noun after it the clause's subject
_ATTRIBUTE_OPENS = re.compile(r"(?<![\wäöüß])(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]em|[Dd]en|[Dd]es)\s+(?:zur|zum|von|vom)\s+"
                              r"(?:(?:der|dem|den)\s+)?(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?$")
_ATTRIBUTE_CLOSES = re.compile(r"(?:-[A-ZÄÖÜ][\wäöüß]*)?\s+(?:gehörend|kontrolliert|beherrscht|geführt|übernommen|gekauft|"
                               r"abgespalten)e[nmrs]?\s")
# a genitive in a preposition's phrase: "über einen Kredit der Sparkasse Offenburg" (a lender, not a topic), "bei der
# Integration des früheren Bahn-Logistikers DB Schenker"
_GENITIVE_IN_PHRASE = re.compile(r"(?i)(?<![\wäöüß])(?:mit|für|über|durch|von|bei|aus|nach|dank|wegen)\s+"
                                 r"(?:einen|einem|einer|eines|den|dem|der|die|das)\s+(?:[a-zäöüß]+[ernms]\s+)?"
                                 r"[A-ZÄÖÜ][a-zäöüß]+\s+(?:der|des)\s+(?:[a-zäöüß]+[ernms]\s+)?(?:[A-ZÄÖÜ][\wäöüß-]*[a-zäöüß]s\s+)?$")
# "erhielt von der Deutschen Bahn einen Auftrag" (not "die Aktien von Siemens": a noun's possessor)
_VON_AFTER_VERB = re.compile(r"(?<![\wäöüß])[a-zäöüß]+\s+von\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöüß]+[ernms]\s+)?$")
_RELATIVE_PRONOUN = re.compile(r"\s*(?:der|die|das|dessen|deren|welche[rsn]?)\s")
_TARGET_FOR = re.compile(r"(?i)(?:kursziel|preisziel|ziel|wert)\w*\s+für\s+(?:die|den|das|der)?\s*$")   # the rated company
_BELONGS = re.compile(r"(?i)(?<![\wäöüß])(?:gehört|gehören|gehörte|gehörten|zählt|zählen)\s*,$")
_COORDINATED = re.compile(r"\s*(?:,|und|sowie|oder)\s*")
_SHORT_FORM = re.compile(r"\s*\([^()]{1,20}\)")          # a name's short form in parentheses: " (GM)"
_SUBJECTLESS_MOVE = re.compile(r"(?i)(?<![\wäöüß])(?:(?:ging|geht)\s+es|(?:das|ein)\s+(?:plus|minus|kursplus|kursminus))"
                               r"(?![\wäöüß])")
_SHARE_CUE = re.compile(r"(?i)(?<![\wäöüß])(?:aktie|aktien|papier|papiere|titel|anteilsscheine?)(?![\wäöüß])|-(?:aktie|papiere)\b")
_GENITIVE_GROUP = re.compile(r"\s+(?:der|aller)\s+(?:[a-zäöüß]+\s+)*[A-ZÄÖÜ][a-zäöüß]+(?:en|er|n)\b")
_HEADING_COLON = re.compile(r"\s*:\s")
_SUMMING = re.compile(r"(?<![\wäöüß])(?:damit|somit)(?![\wäöüß])")
# a pronoun subject after the finite verb of a move ("Seit Jahresbeginn liegt sie noch 4,2 Prozent im Minus")
_INNER_PRONOUN = re.compile(r"(?<![\wäöüß])[a-zäöüß]+\s+(?P<p>sie|er)\s+(?:(?:damit|allerdings|noch|bereits|schon|"
                            r"jedoch|aber|nun|zudem|inzwischen|mittlerweile|insgesamt|rund|etwa)\s+)*")
_OPENING_PRONOUN = re.compile(r"(?P<p>Sie|Er)\s+[a-zäöü]")
_PRONOUN = re.compile(r"(?<![\wäöüß])(?:er|es)(?![\wäöüß])")
# an index a share is a member of ("schwächster Wert im MDax", "Spitzenreiter im Dax"): no owner of the share's move
_MEMBER_OF = re.compile(r"(?i)(?<![\wäöüß])(?:wert|werte|werten|titel|verlierer|gewinner|spitzenreiter|schlusslicht|"
                        r"favorit(?:en)?|schwergewicht(?:e|en)?|mitglied(?:er)?)\s+(?:im|in\s+dem)\s+$")
_DATELINE = re.compile(r"[A-ZÄÖÜ ]*\s*\((?:dpa|Reuters|AFP|AP|APA|sda|awp|dts|SDA|AWP|Dow Jones|DJ|Marketwired|ots)\b")
# a wire dateline at a line's or sentence's start, its place in capitals, any source: "JENA (WWT) - ", "BAD HOMBURG
# (SAT) – " (not "Siemens Energy (ENR) - ")
_DATELINE_AT_START = re.compile(r"(?m)(?:^|(?<=[.!?] ))[ \t]*[A-ZÄÖÜ][A-ZÄÖÜ.'/ -]{1,40}?[ \t]*\([^()\n]{2,40}\)[ \t]*[-–—][ \t]")
_VERBISH = r"(?:legte|legten|stieg|stiegen|fiel|fielen|verlor|verloren|gewann|gewannen|notierte|schloss|rutschte|sackte|büßte|gab|zog|kletterte|sprang|war|ist|hat|hatte|wurde|lag|liegt)\b"
_POSSESSIVES = frozenset(p + e for p in ("sein", "ihr", "unser", "euer") for e in ("", "e", "en", "em", "er", "es"))
# nouns of a site, whose name is its place ("des Standorts Visp", "im Werk Zuffenhausen")
_SITE_NOUNS = frozenset(n + e for n in ("standort", "werk", "produktionsstandort", "fertigungsstandort", "stammwerk",
                                         "stammsitz", "hauptsitz", "firmensitz")
                        for e in ("", "s", "es", "e"))
# demonstratives, quantifiers and possessives before a noun: "einen solchen Anschluss", "keinen Kunden", "ihre Tonnage"
_DEMONSTRATIVES = frozenset(p + e for p in ("solch", "dies", "jen", "jed", "manch", "kein")
                            for e in ("e", "en", "em", "er", "es")) | _POSSESSIVES
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
    """HanTa's German tagger (a declared dependency: without it owners would silently degrade)."""
    from HanTa import HanoverTagger as ht
    return ht.HanoverTagger("morphmodel_ger.pgz")


@functools.lru_cache(maxsize=50_000)
def tag_word(word: str) -> tuple:
    """HanTa's tags of one word out of context, best first: ((tag, log p), ...). Cached: HanTa
    takes up to a few milliseconds for a long word, and the rules ask about the same words often.

    >>> tag_word("Umsatz")[0][0]
    'NN'
    """
    return tuple(_tagger().tag_word(word))


_UNKNOWN_SCORE = -25       # HanTa's log score below which its best tag is a guess for a word it does not know


@functools.lru_cache(maxsize=200_000)
def is_proper_noun(word: str, known: bool = False) -> bool:
    """HanTa's most likely tag of a capitalised word out of context is NE (a name), or HanTa does not
    know the word at all (unless ``known``), or it is written in camel case ("TeamViewer").

    >>> is_proper_noun("Vonovia"), is_proper_noun("Umsatz")
    (True, False)
    """
    if not word[:1].isupper():
        return False
    tags = tag_word(word)
    # NE, or a word HanTa does not know at all (its best guess scores very low): "Infineon"
    if tags and tags[0][1] < _UNKNOWN_SCORE and "-" in word and _plain_noun_head(word):
        return False                         # a guess for "H20-Chip": a thing named by a common noun
    if _CAMEL.search(word) and "-" not in word:
        return True                          # "NordStahl", "TeamViewer": written as names are
    return bool(tags) and (tags[0][0] == "NE" or (not known and tags[0][1] < _UNKNOWN_SCORE and "-" not in word
                                                  and len(word) <= 12 and not word.endswith(_NOUN_SUFFIXES)
                                                  and not _common_compound(word)))


def _plain_noun_head(word: str) -> bool:
    """The last part of a hyphenated word is only a common noun ("Chip" of "H20-Chip")."""
    from .orgs import lexicon
    return lexicon().classes(word.rsplit("-", 1)[1]) == "N"


def _common_noun(word: str) -> bool:
    """A common noun, a compound of one or a word ending in one ("Normverbrauchsabgabe": "Abgabe")."""
    from .orgs import lexicon
    head = lexicon().head(word) or ""
    return _common(word) or _common_compound(word) or len(head) >= 4 and head != word and "N" in lexicon().classes(head)


def _common_compound(word: str) -> bool:
    """A compound of a known word and a common noun HanTa does not know whole ("Großschäden",
    "Solvenzquote"): a common noun, not a name.

    >>> _common_compound("Solvenzquote"), _common_compound("Infineon")
    (True, False)
    """
    from .orgs import lexicon
    lex = lexicon()
    head = lex.head(word)
    part = word[:len(word) - len(head)].rstrip("-")
    if len(head) < 4 or len(part) < 3 or word in lex.gazetteer:
        return False
    if "N" in lex.classes(part[:1].upper() + part[1:]):
        return True
    tags = tag_word(part.lower())
    return bool(tags) and tags[0][1] > -13 and tags[0][0] not in ("NE", "FM", "XY")


# a compound whose first part is a noun with its linking s ("Finanzierungszusagen"): a common noun, no name's part
_NOUN_COMPOUND = re.compile(r"(?:ung|ion|tät|heit|keit|schaft)s[a-zäöüß]{3,}")
_NOUN_SUFFIXES = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ität", "ismus", "nis", "nisse",
                  "ierung", "ment", "ments", "ings", "ies")


_SOURCES = {"gazetteer": "gazetteer", "model": "model", "pattern": "pattern", "alias": "pattern"}


# a measure of sales with what is sold or whom it is sold to: "Der Umsatz mit dem Gerinnungshemmer Xarelto", "die Erlöse
# mit Apple", "das Geschäft mit der Deutschen Bahn"
_SOLD_WITH = re.compile(r"(?<![\wäöüß])(?i:umsatz|umsätze|erlös\w*|geschäft|verkäufe|absatz)\s+mit\s+(?:(?:dem|der|den|einem|einer)\s+)?"
                        r"(?:[a-zäöüß][\wäöüß-]*\s+)?(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?$")
_STAKE_IN = re.compile(r"(?<![\wäöüß])(?:Anteile|Anteilen|Anteils|Anteil|Beteiligung|Beteiligungen|Aktienpaket|"
                       r"Aktienpakets)\s+an\s+(?:der\s+|dem\s+|den\s+)?$")
_LINE_BREAKS = re.compile(r"\n+")
_RESULT_HEADS = ("gewinn", "verlust", "ergebnis", "ausschüttung")
_NOT_WHOSE_AFTER = frozenset({"an", "am", "auf", "in", "im", "mit", "gegen", "über"})
_GROUP_WORDS = frozenset({"Holding", "Gruppe", "Group", "Konzern"})
_AD_HOC = re.compile(r"(?i)ad-?hoc|insiderinformation|artikel\s+17\s+(?:der\s+)?(?:verordnung|mar)")
_PARENT_HEADS = ("konzern", "konzerns", "gruppe", "holding", "mutter", "unternehmen", "unternehmens")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")                # "S. Mark Taper Foundation": an initial begins the name


def find_orgs(text: str, offset: int = 0, article: bool = False, gazetteer: tuple[str, ...] = ()) -> list[Org]:
    """Organisations in a text (``explore.orgs``; article offsets = ``offset`` + position), in text
    order; ``article``: a whole article, its short forms and aliases resolved; ``gazetteer``: extra
    gazetteer CSV files."""
    from . import orgs
    found = orgs.recognizer(tuple(gazetteer)).find(text)
    if article:
        found = orgs.resolve_aliases(found, text)
    out = []
    whole = text
    for o in found:
        name = o.name
        if name != o.text and name.startswith(o.text + " ") and o.source != "gazetteer":
            name = o.text                  # "Volkswagen" is not "Volkswagen Financial Services"
        s, text = o.start, o.text
        words = text.split(" ")
        if len(words) == 2 and o.source != "gazetteer" and words[1] in _GROUP_WORDS and _demonym(words[0]):
            continue                       # "Die Stuttgarter Holding": a company described by its seat, no name
        if len(words) == 1 and o.source == "model" and _ARTICLE_RIGHT_BEFORE.search(whole, max(0, s - 5), s) \
                and _demonym(words[0]):
            continue                       # "nachdem die Melsunger ...": a reference by the seat, no name
        if len(words) == 1 and o.source == "model" and whole[o.end:o.end + 1] == "-" and _lexicon_noun(words[0]) \
                and grammar().is_head(_WORD.match(whole, o.end + 1).group() if _WORD.match(whole, o.end + 1) else ""):
            continue                       # "Die Kranich-Airline": an epithet compound, a reference, no name
        if o.source != "gazetteer" and text in _TIME_NOUNS and _TIME_AFTER.match(whole, o.end):
            continue                       # "legt der Konzern Ende April vor": a time, no name
        head = _HEAD_BEFORE.search(whole, max(0, s - 40), s)
        if head is not None and grammar().is_apposition_head(head.group(1)):
            words = [" ".join(words)]      # "Der Privatsender Kanal Nord": a common noun begins the name
        if len(words) > 1 and o.source != "gazetteer" and "-" in words[0] and words[1][:1].isupper() \
                and grammar().is_apposition_head(words[0].rsplit("-", 1)[1]) \
                and words[1] not in orgs.recognizer(tuple(gazetteer)).legal_forms:
            s += len(words[0]) + 1         # "Die Alibaba-Tochter AliExpress": the compound describes the name
            words = words[1:]
            name = orgs.recognizer(tuple(gazetteer)).canonical(" ".join(words))
        if o.source != "gazetteer" and _same_head_name(words):
            s += len(words[0]) + 1         # "Die Förderbank L-Bank": a description of the same kind, then the name
            words = words[1:]
            name = orgs.recognizer(tuple(gazetteer)).canonical(words[0])
        while len(words) > 1 and o.source != "gazetteer" and not _INITIAL.fullmatch(words[0]) \
                and _common(words[0]) and not is_proper_noun(words[0]) \
                and not words[0].lower().endswith(orgs._NAME_HEADS) and not _name_adjective(words) \
                and words[1] not in orgs.recognizer(tuple(gazetteer)).legal_forms and words[1] != "für" \
                and not (len(words) == 2 and words[1] in name_continuations()
                         and any(t in ("NE", "FM") for t, _ in tag_word(words[0]))) \
                and words[0] not in orgs.recognizer(tuple(gazetteer)).public_prefixes \
                and words[0] not in orgs.recognizer(tuple(gazetteer)).gazetteer \
                and " ".join(words) not in _office_names():      # "Statistik Austria": a statistics office
            s += len(words[0]) + 1         # "Verlierer Sky Solar" -> "Sky Solar" (not "Auto AG Holding", "Power Systems",
            #                                not "Europäischen Union": an adjective begins the name; not
            #                                "Stadtwerke X", "Stadt Wien"; not "Allianz Global Investors")
            words = words[1:]
            name = orgs.recognizer(tuple(gazetteer)).canonical(" ".join(words))
        text = " ".join(words)
        out.append(Org(offset + s, offset + s + len(text), text, name,
                       "company" if o.type in (None, "", "organisation") else o.type,
                       _SOURCES.get(o.source, "pattern")))
    return sorted(out, key=lambda o: (o.start, -o.end))


@functools.cache
def _office_names() -> frozenset:
    """The names of the offices and agencies that report an economy's figures (``[changes.not_owners]``)."""
    from .shares import vocab as shares_vocab
    return frozenset(shares_vocab()["changes"]["not_owners"]["names"])


# a number's scale is no name, even after a company noun ("weil der Konzern Milliarden in ... steckt")
_SCALE_WORDS = frozenset(["Millionen", "Milliarden", "Billionen", "Tausende", "Hunderte", "Dutzende", "Zehntausende",
                          "Hunderttausende", "Abermillionen"])


# the last item of a list of nouns: "in Wärmenetze, Stromleitungen und [Solarparks]"
_LISTED_BEFORE = re.compile(r"(?P<w>[A-ZÄÖÜ][\wäöüß-]+),? (?:und|oder|sowie) $")
# the items of a list around a word: "Spritzen, " before and " und Fläschchen" after "Karpulen"
_ITEM_BEFORE = re.compile(r"(?<![\wäöüß-])(?P<w>[A-ZÄÖÜ][\wäöüß-]+),\s$")
_ITEM_AFTER = re.compile(r"(?:,|\s+(?:und|oder|sowie))\s+(?P<w>[A-ZÄÖÜ][\wäöüß-]+)(?![\wäöüß-])")


def _common_noun_item(word: str) -> bool:
    """A list item that is a common noun or a place, no company ("Stromleitungen" of "Stromleitungen und
    Solarparks", "Burghausen" of "an den Standorten Burghausen und Nünchritz")."""
    from .orgs import lexicon, recognizer
    return (recognizer(())._common(word) or recognizer(())._common_compound(word)) and not is_proper_noun(word) \
        or "T" in lexicon().classes(word)


# nouns of a point in time before a month, a year or a period's noun: "Ende April", "Anfang 2027", "Mitte des Jahres"
_TIME_NOUNS = ("Ende", "Anfang", "Mitte", "Beginn")
_TIME_AFTER = re.compile(r" (?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                         r"(?:19|20)\d\d|des|der|nächsten|kommenden|vergangenen|dieses|diesen)\b")
_AMPERSAND_BEFORE = re.compile(r"(?<![\wäöüß-])[A-ZÄÖÜ][\wäöüß-]* & $")
# a name of capitals, a dash and a capitalised word: "T-Systems", "E-Plus", "EM-Sport"
_LETTERS_DASH_NAME = re.compile(r"[A-ZÄÖÜ]{1,3}-[A-ZÄÖÜ][\wäöüß]+$")
# a town's adjective of two words and the noun after it: "(Bad) Vilbeler Unternehmen", "(Sankt) Galler Konzern"
_TOWN_ADJECTIVE_HEAD = re.compile(r" [A-ZÄÖÜ][\wäöüß-]+er (?P<h>[A-ZÄÖÜ][\wäöüß-]+)")


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
    cont = set(v["name_continuations"])
    from .orgs import _PLAIN_REFERENCES, lexicon, recognizer, shouted_common   # ("plant die Bank Aktienrückkäufe")
    legal = tuple(f for f in recognizer(()).legal_forms if " " in f or "." in f)   # "Sp. z o.o.", "S.p.A."
    out = []
    spans = [(o.start - offset, o.end - offset) for o in taken]
    words = list(re.finditer(r"(?<![\w-])(?:[A-ZÄÖÜ][\wäöüßÄÖÜ&'’-]*[\wäöüßÄÖÜ]|[a-zäöüß]+(?=-(?:"
                             + _SHARE_WORDS + r")\b))", text))
    spans += [m.span() for m in _DATELINE_AT_START.finditer(text)]     # a dateline's place and source: no names
    i = 0
    while i < len(words):
        m = words[i]
        w = m.group()
        s, e = m.start(), m.end()
        nxt = words[i + 1] if i + 1 < len(words) and text[e:words[i + 1].start()] == " " else None
        if any(a < e and s < b for a, b in spans) or w.lower() in _DETS or w in stop or text.startswith(legal, s) \
                or w in recognizer(()).not_orgs \
                or _TRUNCATED.match(text, e) or _AFTER_NUMBER.search(text, max(0, s - 12), s) \
                or (g.is_apposition_head(w) and not _CAMEL.search(w)
                    and (not is_proper_noun(w, known=True) or _common_compound(w)
                         or w.endswith("s") and not is_proper_noun(w[:-1], known=True))) \
                or w in _SCALE_WORDS or _DATELINE.match(text, e) or shouted_common(w) \
                or recognizer(())._abbreviates_noun(text, Org(s, e, w, w, "company", "pattern")) \
                or w.isupper() and len(w) <= 4 and _measure_before(text, s, v) \
                or w in _TIME_NOUNS and _TIME_AFTER.match(text, e):   # "legt der Konzern Ende April vor": a time
            i += 1                                         # "755.000 Standardcontainer (TEU)": the noun's short form;
            continue                                       # "Free Cashflow AL": a measure's qualifier
        item_before = _ITEM_BEFORE.search(text, max(0, s - 40), s)
        item_after = _ITEM_AFTER.match(text, e)
        if item_before and item_after and _common_noun_item(item_before.group("w")) \
                and _common_noun_item(item_after.group("w")) and "G" not in lexicon().classes(w):
            i += 1                                         # "von Spritzen, Karpulen und Fläschchen": an item of a
            continue                                       # list of common nouns is one too, known or not
        if w.endswith("s") and len(w) > 4 and "T" in lexicon().classes(w[:-1]) and "G" not in lexicon().classes(w):
            i += 1                                         # "die größte Sparkasse Österreichs": a place's genitive
            continue
        if nxt is not None and w not in adjectives and _plain_common(nxt.group()) \
                and (tags := tag_word(w)) and tags[0][0].startswith("ADJ") and not lexicon().classes(w).strip("-"):
            i += 1                                         # "Prädiktive Algorithmen": an adjective and its noun
            continue
        after = _TOWN_ADJECTIVE_HEAD.match(text, e) if w in ("Bad", "Sankt") else None
        if after and grammar().is_head(after.group("h")):
            i += 2                                         # "das Bad Vilbeler Unternehmen": a reference by its town
            continue
        before = text[max(0, s - 40):s]
        prev = [t for t in _WORD.findall(before) if any(ch.isalnum() for ch in t)][-2:]   # not a list dash
        if prev and prev[-1].lower() in _SITE_NOUNS and text[s - 1:s] == " ":
            i += 1                                         # "in den Ausbau des Standorts Visp": a site's place
            continue
        if prev and prev[-1].lower() in _DEMONSTRATIVES and text[s - 1:s] == " ":
            i += 1                                         # "steigerte ihre Tonnage", "einen solchen Anschluss": a
            #                                                possessive's or demonstrative's noun, no name
            continue
        found = weak = False
        share = _SHARE_COMPOUND.match(text, s)
        if share:                                          # "Porsche-AG-Papiere", "voestalpine-Papiere"
            out.append(Org(offset + s, offset + share.end("n"), share.group("n"), share.group("n"), "company",
                           "pattern"))
            i += 1
            continue
        if w in adjectives and nxt is not None and nxt.group() not in not_name and not g.is_head(nxt.group()) \
                and not _plain_common(nxt.group()) and not any(a < nxt.end() and nxt.start() < b and (a, b) != (nxt.start(), nxt.end()) for a, b in spans):
            e, i, found, weak = nxt.end(), i + 1, True, True
        elif prev and (g.is_apposition_head(prev[-1]) and prev[-1][:1].isupper() and before.endswith(prev[-1] + " ")
                       or len(prev) == 2 and prev[-1].lower() in ("der", "des", "von")
                       and (prev[-2].lower() in g.share or prev[-2].lower().rstrip("s") in g.share)):
            # "des Chipherstellers Infineon", "Aktien der Allianz"; not the noun before a known name
            # ("die Titel des Caterers Do & Co", "die Aktie des Großaktionärs Siemens"), nor a noun after a colon
            # ("Bundesbank: Zahl der Kartenzahlungen steigt")
            found = ("-" not in w or is_proper_noun(w) or _LETTERS_DASH_NAME.match(w)) \
                and not (len(prev) == 2 and prev[-2].lower() in _DETS and not is_proper_noun(w, known=True)
                         and (prev[-1].lower() in _PLAIN_REFERENCES and recognizer(())._common_compound(w)
                              or (prev[-1].lower().endswith(tuple(_PLAIN_REFERENCES)) or g.is_apposition_head(prev[-1]))
                              and _common(w) and w.endswith("en"))) \
                and not (len(prev) == 2 and prev[-2].lower() in ("und", "oder")
                         and recognizer(())._common_compound(w) and not is_proper_noun(w, known=True)) and not (
                nxt is not None and any(a == nxt.start() and not g.is_head(text[a:b]) for a, b in spans)
                and (not is_proper_noun(w, known=True) or recognizer(())._common_compound(w)))
            # the company noun says what it is: a name, even one that is also a person's ("die Parfümeriekette
            # Douglas"), which the lexicon would drop as a name found by form alone (a subsidiary's stays weak:
            # "für seine Robotaxi-Tochter Apollo Go" is not who received the money)
            weak = not (g.is_apposition_head(prev[-1]) and prev[-1][:1].isupper() and not _SUBSIDIARY_BEFORE.search(before)
                        and _not_an_org(w) and not _not_an_org(w, weak=False))
        elif prev and prev[-1].lower().endswith(_NAME_FORMING) and text[:s].endswith(prev[-1] + " ") \
                and "T" in lexicon().classes(w) and not (w.endswith("s") and "T" in lexicon().classes(w[:-1])):
            found = True                                  # "Die Stadtwerke Elbtal", "die Sparkasse Allgäu": a place
            #                                               after a noun that forms names is the name's (not a
            #                                               country's genitive: "die größte Sparkasse Österreichs")
        elif is_proper_noun(w) and not (not prev and _plain_word(w)) and not _place_adjective(w, nxt) \
                and not ((lb := _LISTED_BEFORE.search(before)) and recognizer(())._common_compound(w)
                         and _common_noun_item(lb.group("w"))) \
                and not (lexicon().classes(w) == "N" and not is_proper_noun(w, known=True)) \
                and not (prev and prev[-1].lower() in _DETS and _town_adjective_before_head(w, nxt)) \
                and not (prev and prev[-1].lower() in _DETS and w.endswith("er") and nxt is not None
                         and grammar().is_apposition_head(nxt.group()) and _NAME_GOES_ON.match(text, nxt.end())) \
                and not (prev and prev[-1].lower() in _DETS and _GENITIVE_AFTER.match(text, e)
                         and lexicon().classes(w) == "N"):
            found = weak = True                           # (not "Die Airlines der Gruppe": a noun with its genitive)
        if found and w in ("Dr", "Prof") and text.startswith(". ", e) and i + 1 < len(words) \
                and words[i + 1].start() == e + 2:
            i += 1                                        # "der Baufinanzierungsvermittler Dr. Klein": a title in the
            e = words[i].end()                            # name goes on past its full stop
        if found:
            back = _AMPERSAND_BEFORE.search(text, max(0, s - 30), s)
            if back and not any(a < s and back.start() < b for a, b in spans):
                s = back.start()                          # "Marks & Spencer": the name began before the "&"
            amp = re.match(r" & ([A-ZÄÖÜ][\wäöüß-]+)", text[e:])
            if amp:                                       # "Zwahlen & Mayr"
                e += amp.end()
                while i + 1 < len(words) and words[i + 1].end() <= e:
                    i += 1
            while i + 1 < len(words) and text[e:words[i + 1].start()] == " " \
                    and not _TRUNCATED.match(text, words[i + 1].end()) \
                    and words[i + 1].group() not in name_stops and not shouted_common(words[i + 1].group()) \
                    and (words[i + 1].group() in cont or _continues_name(words[i + 1].group(), cont) or (
                        not _NOUN_COMPOUND.search(words[i + 1].group()) and not g.is_head(words[i + 1].group())
                        and not any(a < words[i + 1].end() and words[i + 1].start() < b for a, b in spans)
                        and (is_proper_noun(words[i + 1].group()) or not _common(words[i + 1].group())))):
                i += 1
                e = words[i].end()
            if prev and prev[-1].lower().endswith(_NAME_FORMING) and text[:s].endswith(prev[-1] + " "):
                s -= len(prev[-1]) + 1                     # "Die Ersparniskasse Aaretal": the name begins with it
            out.append(Org(offset + s, offset + e, text[s:e], text[s:e], "company", "pattern", weak=weak))
        i += 1
    return out


# nouns that begin the names of savings and cooperative banks and utilities ("Sparkasse KölnBonn", "Volksbank
# Mittelhessen", "Stadtwerke Flensburg"), unlike "die Privatbank Berenberg"
_NAME_FORMING = ("kasse", "landesbank", "volksbank", "raiffeisenbank", "kantonalbank", "stadtwerke")


@functools.cache
def name_continuations() -> frozenset:
    """The words names go on with (``name_continuations`` in attribution.toml: "Robotics", "Leben")."""
    return frozenset(vocab()["owner"]["name_continuations"])


def _continues_name(word: str, cont: set | frozenset) -> bool:
    """A compound that ends in a word names continue with ("Fertigungstechnik", "Energietechnik",
    "Gebäudeversicherung": "Brunner Fertigungstechnik"); continuations of seven letters or more only
    (not "Supermärkte" after "Rewe")."""
    low = word.lower()
    return any(len(c) >= 7 and len(low) > len(c) and low.endswith(c.lower()) for c in cont)


def _measure_before(text: str, at: int, v: dict) -> bool:
    """Is the word right before ``at`` a measure ("Cashflow", "Ebitda")?"""
    m = re.search(r"([\wäöüß-]+) $", text[max(0, at - 40):at])
    return bool(m) and (m.group(1).lower().endswith(tuple(v["measure_nouns"]))
                        or m.group(1).upper() in v["measure_abbreviations"])


# beyond the heads that begin names (orgs._NAME_HEADS), nouns that end the names of organisations
# ("Wiener Börse", "Berliner Verkehrsbetriebe")
_ORG_NOUN_ENDS = ("werk", "börse", "post", "betriebe", "verband", "verein", "stiftung", "zeitung", "universität",
                  "klinik", "klinikum", "partei", "agentur", "kammer", "brauerei", "werft", "hütte")


def _org_noun(word: str) -> bool:
    from .orgs import _NAME_HEADS
    low = word.lower()
    return low.endswith(_NAME_HEADS) or low.endswith(_ORG_NOUN_ENDS)


def _plain_common(word: str) -> bool:
    """A common German noun that names no organisation ("Ergebnisse", "Flächennutzungsplan"): no
    name after a name adjective ("Erste Ergebnisse") and no part of a name ("Warendorfer
    Flächennutzungsplan"), unlike "Volksbank" or "Börse".

    >>> _plain_common("Ergebnisse"), _plain_common("Flächennutzungsplan"), _plain_common("Volksbank")
    (True, True, False)
    """
    from .orgs import lexicon
    return lexicon().is_common_noun(word) and not _org_noun(word)


def _place_adjective(word: str, nxt) -> bool:
    """A place's adjective ("Warendorfer", "Dinslakener") is no name by itself, only with a noun that
    names an organisation ("Warendorfer Stadtwerke")."""
    from .orgs import lexicon
    lex = lexicon()                                      # not a name that ends so ("Peter", "Bauer")
    if not word.endswith("er") or "T" not in lex.classes(word[:-2]) or set("SV") & set(lex.classes(word)):
        return False
    return nxt is None or not _org_noun(nxt.group())


_GENITIVE_AFTER = re.compile(r"\s+(?:der|des)\s+[A-ZÄÖÜ]")


def _town_adjective_before_head(word: str, nxt) -> bool:
    """"der Kilchberger Konzern": after an article, a word in "-er" before a noun that refers to a
    company is its town's adjective (the town may be too small for the word list), not a name."""
    from .orgs import _known_noun, lexicon, town_adjective
    if nxt is None or not grammar().is_head(nxt.group()) or _org_noun(nxt.group()):
        return False
    # (a town the list lacks, with an irregular adjective: "des Interlakner Unternehmens"; not a noun or a person's name)
    return town_adjective(word) or word.endswith("er") and word[1:].islower() and not _known_noun(word) \
        and not set("SV") & set(lexicon().classes(word))


@functools.cache
def _fine_authorities() -> frozenset:
    """Authorities named by their short name ("SEC", "BaFin"): they fine and supervise, they own no figure."""
    return frozenset(a for a in vocab()["owner"]["fine_authorities"] if len(a) <= 6)


def _same_head_name(words: list[str]) -> bool:
    """A description before a name of the same kind: "Förderbank L-Bank" (the name is "L-Bank")."""
    head = next((h for h in _name_heads() if words[0].lower().endswith(h)), None)
    return head is not None and len(words) == 2 and "-" in words[1] and words[1].lower().endswith(head)


def _name_heads() -> tuple[str, ...]:
    from .orgs import _NAME_HEADS
    return _NAME_HEADS


def _lexicon_noun(word: str) -> bool:
    """A common German noun by the word list ("Kranich"), whatever HanTa guesses."""
    from .orgs import lexicon
    return lexicon().is_common_noun(word)


@functools.lru_cache(maxsize=10_000)
def _demonym(word: str) -> bool:
    """A town's people, as German news names a company by its seat ("die Walldorfer" for SAP, "die
    Münchner", "die Schaffhauser", "die Basler", "die Zürcher"): a place in the word list before "-er";
    or a region's people ("die Thüringer", "die Steirer", "die Ostschweizer": ``explore/lang/de/regions.csv``)."""
    from .orgs import lexicon
    lex = lexicon()
    folded = profiles._fold(word)
    if word[:1].isupper() and folded in profiles.region_words() and not folded.endswith("isch"):
        return True
    if not word.endswith("er") or set("SV") & set(lex.classes(word)):
        return False
    stems = (word[:-2], word[:-2] + "en", word[:-3] + "en", word[:-3] + "el", word[:-4] + "ich")
    return any("T" in lex.classes(x) for x in stems if len(x) >= 3)


def _seat_people(word: str) -> bool:
    """A town's people by the word list or by a town name's ending ("die Kilchberger" for Lindt & Sprüngli)."""
    from .orgs import town_adjective
    return _demonym(word) or town_adjective(word) or word in profiles.nationality_nouns()   # "die Dänen"


_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")          # "die Frankfurter Börse": an adjective, not a demonym


def _name_adjective(words: list[str]) -> bool:
    """A capitalised adjective that begins a name ("Europäischen Zentralbank", "Russische
    Föderation"), not one before a noun that only refers ("Französische Bank")."""
    return (words[0][:1].isupper() and _is_adjective(words[0].lower())
            and words[1].lower() not in vocab()["owner"]["reference_heads"])


@functools.lru_cache(maxsize=100_000)
def _is_adjective(word: str) -> bool:
    """A lowercase word HanTa reads as an adjective (not a verb: "zogen", "verloren")."""
    if not word.endswith(("e", "en", "er", "es", "em")) or len(word) <= 3:
        return False
    tags = tag_word(word)
    return bool(tags) and tags[0][0].startswith("ADJ")


def _common(word: str) -> bool:
    """A word HanTa knows as a common noun, adjective or verb (not a name part like "Boss", "Energy")."""
    tags = tag_word(word)
    return bool(tags) and tags[0][0] not in ("NE", "FM", "XY") and tags[0][1] > -13


@functools.lru_cache(maxsize=100_000)
def is_plain_word(word: str) -> bool:
    """A capitalised word HanTa knows well in lower case as an adverb, adjective, particle,
    preposition or pronoun ("Zuletzt", "Insgesamt", "Mehr", "Von"), not a name it only guesses at
    ("Symrise").

    >>> is_plain_word("Zuletzt"), is_plain_word("Symrise")
    (True, False)
    """
    tags = tag_word(word.lower())
    # a rare word in capitals is a name ("die Erstversicherungstochter ERGO"), a common one not ("MEHR")
    return bool(tags) and tags[0][0].startswith(("ADV", "ADJ", "PROAV", "PTK", "KO", "AP", "ART", "PI", "PD", "PP"))\
        and bool(tags[0][1] > (-11.5 if word.isupper() and len(word) > 2 else -13))


_CAMEL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")


@functools.lru_cache(maxsize=100_000)
def _plain_word(word: str) -> bool:
    """A capitalised word that is an adverb, adjective or verb in lowercase ("Nachbörslich", "Zuletzt"); never
    one with a capital inside ("ArcelorMittal", "TeamViewer"): that is how names are written."""
    if _CAMEL.search(word):
        return False
    tags = tag_word(word.lower())
    return bool(tags) and tags[0][0].startswith(("ADJ", "ADV", "VV", "VA", "VM", "PTK", "KO", "PR", "AP"))



def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text: breaks after . ! ? before a capital, and at line
    breaks (pass a hard-wrapped text through :func:`explore.unwrap.unwrap` first)."""
    out, a = [], 0
    for m in _SENT.finditer(text):
        if text[a:m.start()].strip():
            out.append((a, m.start()))
        a = m.end()
    if text[a:].strip():
        out.append((a, len(text)))
    return out
# a noun right after a number is what is counted ("477.750 Erstanträge"), never a name
_AFTER_NUMBER = re.compile(r"\d\s*$")
# the first part of a coordinated compound ("des Pharma- und Technologiekonzerns"): no name
_TRUNCATED = re.compile(r"-,?\s+(?:und|oder|sowie|bzw\.?)\s")


# the data service that polled a consensus: "Von LSEG befragte Analysten", "der 24 von Bloomberg erfassten Analysten"
# the parent in "die Tochter des chinesischen Midea-Konzerns", "wie die Tochter des Energiekonzerns EnBW mitteilte":
# the sentence is about the subsidiary, not about its parent
_PARENT_OF_SUBSIDIARY = re.compile(r"(?i)(?<![\wäöüß])(?:tochter|tochtergesellschaft|tochterfirma|tochterunternehmen)\s+"
                                   r"(?:des|der|von)\s+(?:[\wäöüß-]+\s+){0,3}$")
_INVESTOR_HEADS = ("investor", "investoren", "geldgeber", "kapitalgeber", "käufer", "bieter", "staatsfonds")
_SHAREHOLDER_HEADS = ("dividende", "ausschüttung", "aktienrückkauf", "rückkaufprogramm")
_ARTICLE_RIGHT_BEFORE = re.compile(r"(?<![\wäöüß])(?:die|der|den|des|dem)\s+$", re.I)
_SUBSIDIARY_NOUN_BEFORE = re.compile(r"(?<![\wäöüß-])[\wäöüß-]*(?:[Tt]ochter|[Bb]eteiligung)\w*\s+$")
_POLLED_BY = re.compile(r"\s+(?:befragte|befragten|erfasste|erfassten|gesammelte|gesammelten|zusammengetragene|"
                        r"zusammengetragenen)\s+(?:Analysten|Experten|Ökonomen|Volkswirte|Marktbeobachter)")


@functools.lru_cache(maxsize=100_000)
def _not_an_org(written: str, weak: bool = True) -> bool:
    """A currency code or unit ("SAR", "Gbit" of "Gbit/s"), a legal form alone ("AG"), a security's
    identifier ("A12AZ5"), a word in lower case ("online"), a measure or period word ("Ebitda",
    "Fiskalquartal"), a compound that refers ("Privatbank"), or a name found by its form alone
    (``weak``) that is a place or a person's name by the NER lexicon ("Ohio", "Dietmar Thomas"):
    not an organisation."""
    from .extract import scanner
    from .orgs import lexicon, recognizer
    words = written.split()
    units = scanner().units
    if len(words) > 1 and words[0] in units and any(c.isdigit() for c in written):
        return True                                     # "USD 296": an amount, cut
    if len(written) == 1 or _SHARE_NOUN.fullmatch(written):
        return True                                     # "A-Aktie", "H-Aktien": a share class; "Aktie": a share
    if len(words) == 1 and (written in units or written in recognizer().legal_forms
                            or _SECURITY_ID.fullmatch(written) or written.isalpha() and written.islower()
                            or any(u.startswith(written + "/") for u in units) or is_plain_word(written)):
        return True                                     # "online", "Gbit" (of "Gbit/s"), "Mehr", "Zuletzt"
    v = vocab()["owner"]
    if any(w.strip("()") in v["measure_abbreviations"] or len(w) >= 4 and w.upper() in v["measure_abbreviations"]
           for w in words):
        return True                                     # "Group FFO", "ROCE", "Ebitda AL": a measure's abbreviation
    if any(p in written.lower() for p in v["measure_phrases"]):
        return True                                     # "Adjusted Funds from Operations": a measure's name
    if words and words[-1].lower().endswith(tuple(v["measure_nouns"]) + tuple(v["period_nouns"])):
        return True                                     # "Ebitda", "Fiskalquartal": what is measured, or when
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 4 \
            and words[-2].lower().endswith(tuple(v["measure_nouns"])):
        return True                                     # "Free Cashflow AL": a measure and its qualifier
    if len(words) == 1 and written.lower() in v["reference_heads"]:
        return True                                     # "Bank", "Konzern": a word that refers, not a name
    if len(words) == 1 and "-" not in written and (lexicon().head(written) or "").lower() in v["reference_heads"] \
            and not is_proper_noun(written, known=True):
        return True                                     # "Privatbank", "Chipkonzern": a compound that refers
        #                                                 (not "HypoVereinsbank": a name's capital inside)
    if len(words) == 1 and grammar().is_head(written) and not is_proper_noun(written.split("-")[-1], known=True) \
            and "G" not in lexicon().classes(written.split("-")[0]) and not written.split("-")[0].isupper() \
            and not ("-" in written and is_proper_noun(written.split("-")[0], known=True)):   # (not "Kinopolis-Gruppe")
        return True                                     # "des Technologiekonzerns", "Bankensoftware-Herstellers"
    if not any(c.isalpha() for c in written):
        return True                                     # "96" of "EUR 96 MIO.": a number, whoever tagged it
    if written in _places() and "G" not in lexicon().classes(written):
        return True                                     # "Hongkong", "Schweden": a place, whoever tagged it
    parts = written.split("-")
    if len(words) == 1 and len(parts) > 1 and all(
            len(p) > 2 and not is_proper_noun(p, known=True) and "G" not in lexicon().classes(p)
            and (_common(p) or recognizer()._common_compound(p) or is_plain_word(p)) for p in parts):
        return True                                     # "Netto-Zimmerpreis", "Online-Umsatz": common words joined
    if not weak:
        return False
    if len(words) == 1 and _seat_people(written) \
            or len(words) == 2 and words[0] in ("Bad", "Sankt", "St.") and words[1].endswith("er") and words[1][:1].isupper():
        return True                                     # "der Walldorfer", "die Bad Homburger": a reference, no name
    classes = [lexicon().classes(w) for w in words]
    if any("G" in c for c in classes):                 # a gazetteer word: a company's name part
        return False
    return all(c.strip("TVS") == "" and c != "-" for c in classes)


@functools.cache
def _places() -> frozenset:
    """Countries and cities that are never an owner in the money and stock-move tables."""
    v = vocab()["owner"]
    return frozenset(v["places"]) | frozenset(v["countries"])


# ------------------------------------------------------------------ grammar
# roles of a person or a company: a person's only before a name of several words ("Großaktionär Klaus-Michael
# Kühne", not "Finanzinvestor Cerberus")
_COMPANY_OR_PERSON = ("investor", "aktionär", "eigentümer")
# the particles of a person's name between first name and surname ("Alexandre de Juniac")
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "dos", "van", "ten", "ter", "le", "la"})


class Grammar:
    """Compiled vocabulary: roles of names, references, clause bounds."""

    def __init__(self, lang: str = "de"):
        v = vocab(lang)["owner"]
        self.share = tuple(v["share_nouns"])
        self.measure = tuple(v["measure_nouns"])
        self.agents = sorted(v["agent_words"], key=len, reverse=True)
        self.persons = tuple(v["person_roles"])
        self.preps = set(v["prepositions"])
        self.market_preps = set(v["market_prepositions"])
        self.not_owners = set(v["not_owners"]) | set(v["places"])
        self.heads = tuple(v["reference_heads"] + v["index_heads"])
        self.organs = tuple(v["organ_heads"])
        # (and the feminine of an agent noun: "die Detailhändlerin Alpenmarkt", "die Herstellerin")
        self._head_ends = tuple(h + x for h in self.heads for x in ("", "s", "es", "n", "en")) \
            + tuple(h + x for h in self.heads if h.endswith("er") for x in ("in", "innen"))
        # nouns of another company before its name ("des Rivalen Zealand Pharma") and of a business that only
        # names ("die Versandapotheke MediVers"): heads of an apposition, no reference
        self._apposition_ends = tuple(h + x for h in v["rival_nouns"] + v["name_heads"] for x in ("", "s", "n", "en")) \
            + tuple(h + x for h in v["rival_nouns"] + v["name_heads"] if h.endswith("er") for x in ("in", "innen"))
        self._name_head_ends = tuple(h + x for h in v["name_heads"] for x in ("", "s", "n", "en"))
        self.authorities = tuple(v["authorities"])     # "die US-Notenbank" is no company's reference
        self.central_heads = tuple(v["central_bank_heads"])
        self.central_names = frozenset(v["central_bank_names"])
        dets = "|".join(map(re.escape, v["reference_determiners"]))
        self.index_heads = tuple(v["index_heads"])
        self.public_heads = tuple(v["public_reference_heads"])      # refer to public bodies only
        self.re_reference = re.compile(
            rf"(?<![\w-])(?i:{dets})\s+(?:(?:[a-zäöüß]|[A-ZÄÖÜ]+-[a-zäöüß])[\wäöüß-]*\s+){{0,2}}(?:(?:Bad\s+|Sankt\s+|St\.\s+)?[A-ZÄÖÜ][a-zäöü]+er\s+)?(?P<h>(?:[A-ZÄÖÜ]|[a-z][A-Z][a-z]+-)[\wäöüß-]*)(?![\wäöüß-])")
        self.re_implicit = re.compile(
            r"(?<![\w-])(?P<h>[\wäöüß-]*?(?:" + "|".join(map(re.escape, sorted(self.share + self.measure, key=len,
                                                                               reverse=True)))
            + r"))(?:s|es|n|en|e)?(?![\wäöüß-])", re.I)
        self.re_list = re.compile(r"\s(?:" + "|".join(map(re.escape, v["list_words"])) + r")\s")

    def clauses(self, sentence: str, pos: int) -> tuple[int, int, int, int]:
        """(clause start, clause end, list-part start, list-part end) around pos. A closed parenthesis
        and a relative clause or an apposition before pos do not end its clause ("Der SLI, der die 30 wichtigsten
        Titel umfasst, gewann 0,49 %"; "Raiffeisen Bank International (RBI) um 0,9 Prozent"; "Die DEG, eine
        Tochter der KfW, legte ... zu")."""
        cs, ce = 0, len(sentence)
        opened, skip = [], -1
        for m in _CLAUSE.finditer(sentence):
            if m.start() < skip:
                continue
            if m.end() <= pos:
                rel = (_RELATIVE_CLAUSE.match(sentence, m.end()) or _APPOSITION.match(sentence, m.end())) \
                    if m.group() == "," else None
                if rel and rel.end() <= pos:
                    skip = rel.end()                     # the clause goes on after the relative clause
                elif m.group() == "(":
                    opened.append(cs if sentence[cs:m.start()].strip(" |") else None)   # not "(PM) Der PPVX"
                    cs = m.end()
                else:
                    back = opened.pop() if m.group() == ")" and opened else None
                    cs = m.end() if back is None else back
            elif m.start() >= pos:
                ce = m.start()
                break
        ls, le = cs, ce
        for m in self.re_list.finditer(sentence, cs, ce):
            if not _DIGIT.search(sentence, ls, m.start()) or governed_pair(sentence, m.start()):
                continue                                 # a pair of names, no list of figures: "von MediaMarkt und Saturn",
                #                                          "mit den 300 wichtigsten Werten aus Schanghai und Shenzhen"
            if m.end() <= pos:
                ls = m.end()
            elif m.start() >= pos:
                le = m.start()
                break
        return cs, ce, ls, le

    def role(self, sentence: str, s: int, e: int, clause_start: int, move: bool = True) -> int | None:
        """How a name at sentence[s:e] relates to its clause: 0 possessor of a share or company
        figure, 1 plain (subject, object, market "für X"), 2 governed by a preposition or noun,
        None an agent, source or speaker ("laut X", "durch X", "Talanx-Chef Herbert Haas"), a
        modifier ("des MDax-Wertes") or a unit ("je Terex-Aktie")."""
        return self.place(sentence, s, e, clause_start, move)[0]

    def place(self, sentence: str, s: int, e: int, clause_start: int, move: bool = True) -> tuple:
        """(role, initial): ``role`` as in :meth:`role`; ``initial`` the name opens its clause
        (only determiners and adjectives before it): the subject's place."""
        after = sentence[e:e + 30]
        before = sentence[clause_start:s]
        toks = _WORD.findall(before)
        word = _WORD.match(after[1:]) if after.startswith("-") else None
        if word and word.group().lower() in self.index_heads and _index_name(sentence[s:e]):
            after = ""                                   # "Der Pariser CAC-40-Index": the index itself
        if after.startswith("-"):
            word = word.group().lower() if word else ""
            if toks and toks[-1].lower() in ("je", "pro"):
                return None, False                       # "30 Dollar je Terex-Aktie": a unit
            if word.startswith(("experte", "expertin", "analyst", "stratege", "strategin", "ökonom", "research")):
                return None, False                       # "Jefferies-Experte Tobias Rennert": a source
            if word.startswith(self.share + self.measure):
                if word.startswith(self.share) and _bought(toks, len(toks)):
                    return 2, False                      # "bietet für die VW-Stammaktien 100 Euro": the goods
                nxt = after[1 + len(word):]
                if re.match(r"\s+[A-ZÄÖÜ][\w-]*[A-ZÄÖÜa-zäöü]", nxt) and not re.match(r"\s+(?:" + _VERBISH + ")", nxt):
                    return 2, False                      # "Watchlist-Aktie Synta": the apposition owns it
                return 0, not toks
            if word and (self.is_head(word) or word.startswith(("wert", "titel", "mitglied"))):
                name = sentence[s:e]
                if self.is_head(word) and not word.endswith(self.index_heads) and not _index_name(name) \
                        and name not in _places():
                    nxt = after[1 + len(word):]
                    if re.match(r"\s+[A-ZÄÖÜ][\w-]*[A-ZÄÖÜa-zäöü]", nxt) and not re.match(r"\s+(?:" + _VERBISH + ")", nxt):
                        return 2, False                  # "Die Allianz-Tochter Dresdner Bank": the apposition
                    return 0, not toks                   # "Der Daewoo-Mischkonzern": the company itself
                return None, False                       # "des MDax-Wertes", "TecDax-Unternehmen"
        low = before.lower().rstrip()
        if any(low.endswith(a) and (len(low) == len(a) or low[-len(a) - 1].isspace()) for a in self.agents):
            return None, False
        if _POLLED_BY.match(sentence, e):
            return None, False                           # "Von LSEG befragte Analysten": the poll's source
        if _DATA_OF.search(before, max(0, len(before) - 120)):
            return None, False                           # "nach der Zahlungsverkehrsstatistik der Bundesbank": a source
        i = len(toks) - 1
        skipped_det = head_seen = False
        det = None                                       # the name's own article
        while i >= 0:
            t = toks[i]
            tl = t.lower()
            if tl in _DETS:
                skipped_det = True
                det = det or tl
                i -= 1
                continue
            if tl in self.agents:
                return None, False
            if tl in ("und", "oder", "sowie") and i > 0 and toks[i - 1][:1].isupper() and toks[i - 1].lower() not in _DETS:
                i -= 2                                   # the second of a pair has the first's place: "der Mutter
                continue                                 # von MediaMarkt und Saturn", "Vonovia und LEG verloren"
            if tl.endswith(self.persons) and t[:1].isupper() and not (self.is_head(t) and tl not in self.persons):
                if tl.endswith(_COMPANY_OR_PERSON) and " " not in sentence[s:e]:
                    i -= 1                               # "Der Sonnengarten-Investor NCC": one word, no person's name
                    head_seen = True
                    continue
                return None, False                       # "Talanx-Chef Herbert Haas", "Analyst X" (not "Online-Händler X")
            if i > 0 and (tl in _NAME_PARTICLES or t[:1].isupper() and t[1:].islower() and not self.is_head(t)) \
                    and toks[i - 1][:1].isupper() and toks[i - 1].lower().endswith(self.persons) \
                    and not self.is_head(toks[i - 1]):
                return None, False                       # "sagte Konzernchef Alexandre de Juniac": a person's name
            if tl in _NAME_PARTICLES and i > 0 and toks[i - 1][:1].isupper():
                i -= 1                                   # "Alexandre de Juniac", "Ursula von der Leyen"
                continue
            if t[:1].islower() and tl not in self.preps and tl not in ("von", "vom") and not tl.isdigit() \
                    and tl not in ("und", "oder", "sowie", "mit", "je", "pro"):
                if _is_adjective(tl):                    # "des deutschen Chipherstellers"
                    i -= 1
                    continue
                break
            if tl in ("je", "pro"):
                return None, False
            if t[:1].isupper() and skipped_det and tl.startswith(self.share + self.measure):
                return 0, False                          # "die Aktien der Commerzbank"
            if t[:1].isupper() and (self.is_head(t) or tl.endswith(self.share)
                                    or self.is_apposition_head(t) and self._share_before(toks, i)
                                    or i == len(toks) - 1 and tl.endswith(self._name_head_ends)):
                if i == len(toks) - 1 and tl.endswith(self.share):
                    return 0, False                      # "die Watchlist-Aktie Synta"
                i -= 1                                   # an apposition: "des Chipherstellers Infineon",
                head_seen = True                         # "Das Modehaus Brückner"
                continue
            if head_seen and t[:1].isupper() and t[1:].islower() and tl.endswith("er"):
                i -= 1                                   # a town's adjective before the noun: "Der Linzer
                continue                                 # Reiseveranstalter Alpensonne Touristik"
            if tl in ("von", "vom"):
                prev = toks[i - 1].lower() if i > 0 else ""
                if (prev.startswith(self.share) or prev.endswith(self.share)) and _bought(toks, i - 1):
                    return 2, False                      # "zahlt für die Aktien von X": the goods, not the payer
                if prev.startswith(self.share + self.measure) or prev.endswith(self.share):
                    return 0, False                      # "die Aktie von X", "der Umsatz von X"
                if prev in ("wurde", "wurden", "wird", "werden", "worden"):
                    return 1, False                      # "wurden von X ... begleitet": the passive's doer
                return 2, False
            if t[:1].isupper() and skipped_det:
                return 2, False                          # a genitive attribute: "an der Spitze des Dax"
            if tl in ("bei", "beim") and i == 0:
                return 1, True                           # "Bei MAN läuft ein Sparprogramm, das ... bringen soll": at the
                #                                          company, opening the clause
            if tl in self.market_preps and move:
                return 1, False
            if tl in self.preps:
                return 2, False
            break
        if det in ("den", "dem") and i >= 0:
            return 1.5, False                            # "Der Konzern hat den Zulieferer TRW ... erworben": an object
        return 1, i < 0

    def is_central_bank(self, name: str) -> bool:
        """A central bank's name: "Deutsche Bundesbank", "Schweizerische Nationalbank", "EZB", "US-Notenbank Fed"."""
        low = name.lower()
        return low.endswith(self.central_heads) or re.split(r"[\s-]+", low)[-1] in self.central_names

    def is_head(self, word: str) -> bool:
        """A noun that refers to an organisation: "Konzern", "Windturbinenherstellers"."""
        return word.lower().endswith(self._head_ends)

    def _share_before(self, toks: list[str], i: int) -> bool:
        """Do a share noun and its genitive article come before toks[i] ("die Papiere des kleineren Rivalen")?"""
        j = i - 1
        while j >= 0 and toks[j][:1].islower() and toks[j].lower() not in _DETS and _is_adjective(toks[j].lower()):
            j -= 1
        return j >= 1 and toks[j].lower() in _DETS and toks[j - 1].lower().startswith(self.share)

    def is_apposition_head(self, word: str) -> bool:
        """A noun before an organisation's name: a reference head, another company's ("Rivalen", "Konkurrenten"),
        or a business that only names ("der Reiseveranstalter Alpensonne Touristik")."""
        return self.is_head(word) or word.lower().endswith(self._apposition_ends)

    def references(self, sentence: str, a: int, b: int):
        """Explicit references ("der Konzern", "die Walldorfer": a company by its town) in sentence[a:b],
        as (start, end, head)."""
        return [(m.start(), m.end(), m.group("h").lower()) for m in self.re_reference.finditer(sentence, a, b)
                if (self.is_head(m.group("h")) or m.group("h").lower().rstrip("s").endswith(self.organs)
                    or _seat_people(m.group("h")) and not _NOUN_AFTER.match(sentence, m.end()))
                and (not m.group("h").lower().rstrip("s").endswith(self.authorities)
                     or m.group("h").lower().endswith(self.central_heads))
                and not _PLURAL_NEUTER.fullmatch(m.group())
                and not _DATA_BEFORE.search(sentence, max(0, m.start() - 80), m.start())]

    def implicit(self, sentence: str, a: int, b: int):
        """Share and company-figure nouns without a named possessor ("die Aktie", "der Umsatz")."""
        return [(m.start(), m.end(), m.group("h").lower()) for m in self.re_implicit.finditer(sentence, a, b)]


@functools.cache
def grammar(lang: str = "de") -> Grammar:
    return Grammar(lang)


# "der Unternehmen", "den Unternehmen": a neuter noun after "der"/"den" is plural, a group and no one company
_PLURAL_NEUTER = re.compile(r"(?i:der|den)\s+(?:[a-zäöüß][\wäöüß-]*\s+)*[\wäöüß-]*[Uu]nternehmen")
# a description named in apposition: "Der Leitindex in Frankfurt, der DAX, schloss ..."
_NAMED_AFTER = re.compile(r"(?:\s+(?:in|aus|von)\s+[A-ZÄÖÜ][\wäöüß-]*)?,\s+(?:der|die|das)\s+")


def owner(orgs: ArticleOrgs, sent_start: int, sent_end: int, fig_start: int, fig_end: int,
          sentence: str | None = None, move: bool = False) -> Owner | None:
    """The owner of the figure at article offsets [fig_start, fig_end) in the sentence at
    [sent_start, sent_end) (``sentence``: its text, when ``orgs`` has no article text).

    ``move``: the figure is a stock move (an index is then the owner only when no share is named).
    """
    g = grammar()
    s = sentence if sentence is not None else orgs.text[sent_start:sent_end]
    pos, end = fig_start - sent_start, fig_end - sent_start
    named = [o for o in orgs.in_span(sent_start, sent_start + len(s)) if o.text not in g.not_owners
             and not (o.type == "index" and o.start - sent_start > pos      # (not "... im SDax, der 0,3 Prozent verlor")
                      and _MEMBER_OF.search(s, max(0, o.start - sent_start - 40), o.start - sent_start))
             and not _OF_PARENT.search(s, max(0, o.start - sent_start - 80), max(0, o.start - sent_start))
             and not _SEGMENT_WITH.search(s, max(0, o.start - sent_start - 120), max(0, o.start - sent_start))
             and not _SOLD_WITH.search(s, max(0, o.start - sent_start - 60), max(0, o.start - sent_start))]
    #                                  (nor "Der Mutterkonzern der Elektronikketten MediaMarkt und Saturn": the parent's,
    #                                  nor "Der Umsatz mit dem Gerinnungshemmer Xarelto": what is sold, not who sells it)
    cs, ce, ls, le = g.clauses(s, pos)

    # names inside a relative clause before the figure tell whom the clause is about, not the figure's owner
    # ("Der Geschäftsbereich X, zu dem der polnische Versicherer Warta gehört, steigerte sein Ebit auf ...")
    inner = [(m.start(), m.end()) for m in _RELATIVE_CLAUSE.finditer(s, cs, pos) if m.end() <= pos]

    def ranked(a, b, refs=False):
        out, opening, after_verb = [], len(s), []     # (the name opening the clause; names right after its verb)
        for o in named:
            os_, oe = o.start - sent_start, o.end - sent_start
            if not (a <= os_ and oe <= b) or (os_ < end and pos < oe) or any(x <= os_ < y for x, y in inner):
                continue
            if _CREDIT_BEFORE.search(s, max(0, os_ - 12), os_):
                continue                    # "© DPA Beim Umsatz profitierte Merck ...": a picture's credit
            if os_ >= end and _SUBORDINATE_BETWEEN.search(s, end, os_):
                continue                    # the subject of a clause of cause, time or contrast after the figure
                #                             ("..., weil die EZB die Zinsen senkte", "..., während der Hang Seng ...")
            if o.source != "gazetteer" and _UNIT_BEFORE.search(s, max(0, os_ - 40), os_) \
                    and "-" not in s[os_:oe + 1]:       # not "2429 Intersky-Gläubiger"
                continue
            if o.type == "index" and _COMPOUND_GOES_ON.match(s, oe):
                continue                    # "der MDax-Gewinner", "Dax-Werte": the compound's noun, not the index
            if _STAKE_IN.search(s, max(0, os_ - 40), os_):
                continue                    # "aus dem Verkauf weiterer Anteile an Siemens Healthineers": the stake's holder
            if _SUBSIDIARY_COMPOUND.match(s, oe):
                continue                    # "Die Südzucker-Tochter hatte ...": a subsidiary of the name, not the name
            if _in_cause(s, os_) and not (oe <= pos and _AMOUNT_OF.fullmatch(s, oe, pos)):
                continue                    # "Der Nettogewinn brach wegen der Ausgaben für den Lieferdienst X ein"
                #                             (not "aufgrund einer Spende der X in Höhe von ...": the phrase's own figure)
            if _SUBSIDIARY_OF.search(s, max(0, os_ - 60), os_) and _named_subsidiary(orgs, o.name) is not None:
                continue                    # "die deutsche Tochter des ING-Konzerns" with "ING Deutschland" named
            if _at_exchange(o.name, s, os_):
                continue                    # "An der Londoner Börse sprangen die Aktien ...": where, not whose
            if _PARENT_OF_SUBSIDIARY.search(s, max(0, os_ - 60), os_):
                continue                    # "Die Tochter des chinesischen Midea-Konzerns hatte ...": the subsidiary's
            if _ATTRIBUTE_OPENS.search(s, max(0, os_ - 60), os_) and _ATTRIBUTE_CLOSES.match(s, oe):
                continue                    # "Die zur Theo-Müller-Gruppe gehörende Sachsenmilch zahlt": the noun's
            r, initial = g.place(s, os_, oe, a, move)
            if r is None:
                continue
            if o.weak:                      # a name by its form alone: only as subject or possessor
                if r == 2 or _AT_OPENING.fullmatch(s, a, os_):
                    continue                # (not "Beim Solarzubau ging es dagegen abwärts")
                if r == 1 and not initial:
                    r = 1.5 if _after_verb_or_list(s, a, os_) else 2.5
            if move and o.type in ("index", "currency"):
                r += 0.5
            elif not move and o.type == "index":        # an index moves, it never earns or spends
                continue
            if r == 1 and initial and not o.weak and (o.start, o.end) not in orgs.speakers:
                opening = min(opening, os_)
            elif r == 1 and not move and not o.weak and _after_verb_or_list(s, a, os_) \
                    and not _joined(s, a, os_):
                after_verb.append(len(out))
            out.append((r, o))
        if refs:
            starts = {o.start - sent_start for o in named}
            spans = [(o.start - sent_start, o.end - sent_start) for o in named]
            for ra, rb, head in g.references(s, a, b):
                if any(x < rb and ra < y for x, y in spans):
                    continue                 # "die Commerzbank": a name, not a reference to the bank before
                if any(x <= ra < y for x, y in inner):
                    continue                 # "Die Sana Kliniken, die mehreren privaten Krankenversicherern gehören,"
                apposition = rb + 1 in starts or (s[rb:rb + 2] == ", " and rb + 2 in starts)
                if (rb <= pos or ra >= end) and not apposition:    # not "der Chemiekonzern Dow Inc.", "die Bank, X,"
                    toks = _WORD.findall(s[a:ra])
                    governed = bool(toks) and toks[-1].lower() in g.preps
                    if governed and ra >= end and toks[-1].lower() in _NOT_WHOSE_AFTER:
                        continue         # "eine Wertminderung von 2,9 Milliarden Euro auf die Beteiligung an dem
                        #                  Wolfsburger Konzern": what the amount is on, not whose it is
                    out.append((2.25 if governed else 1.25, (ra, rb, head)))
                    if not toks:
                        opening = min(opening, ra)
        for i in after_verb:            # "Xerox kaufte Global Imaging Systems für 1,5 Milliarden Dollar": the
            r, o = out[i]               # clause opens with its subject, the name after the verb is the object
            if o.start - sent_start > opening:
                out[i] = (1.4, o)
        return out

    def start_of(o):
        return o.start - sent_start if isinstance(o, Org) else o[0]

    def pick(cands):
        if not cands:
            return None
        best = min(r for r, _ in cands)
        top = sorted((o for r, o in cands if r == best), key=start_of)
        bef = [o for o in top if start_of(o) < pos]
        return bef[-1] if bef else top[0]

    def owner_of(o) -> Owner | None:
        if isinstance(o, Org):
            return Owner(o.name, o.text, o.start, o.end, o.source)
        return _resolve(orgs, o, sent_start, s)

    # 0. an item of a list of moves without its own verb: "..., Wienerberger 0,4 Prozent und die Post 0,2 Prozent"
    if move and ls > 0:
        m = _LIST_ITEM.match(s[ls:pos])
        if m and _SHARE_CLASS.search(m.group("n")):
            m = None                         # "..., die Namenaktien 5,9%": a share class of the company before
        if m and not any(ls <= o.start - sent_start < pos for o in named if not o.weak):
            name = re.sub(r"\s+(?:" + "|".join(map(re.escape, g.not_owners)) + r")$", "", m.group("n"))
            a0 = ls + m.start("n")
            return Owner(name, name, sent_start + a0, sent_start + a0 + len(name), "pattern")
    # 0a. a figure alone in parentheses right after a name: "Auch der MDAX (3,3 Prozent) und TecDAX ..."
    bracket = _BRACKET_BEFORE.search(s, max(0, pos - 12), pos)
    if bracket and s[end:end + 3].lstrip().startswith(")"):
        for o in named:
            if o.end - sent_start == bracket.start():
                return Owner(o.name, o.text, o.start, o.end, o.source)
    # 0c. a figure in a relative clause is its antecedent's: "ASML, dessen Papiere um 5,2 Prozent zulegen",
    # "im Hang Seng, der um 1,3 Prozent stieg", "Nemetschek und Teamviewer, die 2,8 beziehungsweise 3,4 Prozent"
    if cs > 0 and s[cs - 1] == "," and _RELATIVE_PRONOUN.match(s, cs) and not _CLAUSE.search(s, cs, pos):
        before = [o for o in named if o.end - sent_start <= cs - 1]
        if before and _PARTICLE.sub("", _SHORT_FORM.sub("", s[before[-1].end - sent_start:cs - 1])).strip() == "" \
                and ((before[-1].start, before[-1].end) not in orgs.speakers      # not "der Berenberg Bank, die das Kursziel"
                     or _WHOSE_SHARES.match(s, cs)):       # (but "ebenso wie der Versicherer Baloise, dessen Aktien ...")
            o = before[-1]
            if len(before) >= 2 and _AND.fullmatch(s[before[-2].end - sent_start:o.start - sent_start]) \
                    and _RESPECTIVE_AFTER.match(s, end):
                o = before[-2]                   # the first of two names, the first of two figures
            return Owner(o.name, o.text, o.start, o.end, o.source)
    # 0. "..., deutlich weniger als der Dax mit einem Plus von 21 Prozent": the name the change is told with
    if move:
        with_change = [o for o in named if o.end - sent_start <= pos and _WITH_CHANGE.fullmatch(s, o.end - sent_start, pos)
                       and not _IN_INDEX.search(s, max(0, o.start - sent_start - 12), o.start - sent_start)]
        if with_change:
            o = with_change[-1]
            return Owner(o.name, o.text, o.start, o.end, o.source)
    # 0a. "Die Aktien von A, B und C haben um 61, 48 beziehungsweise 37 Prozent zugelegt": the k-th name the k-th figure
    got = _respective_item(s, pos, [o for o in named if o.end - sent_start <= pos], sent_start)
    if got is not None:
        return Owner(got.name, got.text, got.start, got.end, got.source)
    # 0b. "Die Aktien von AMD und Broadcom verloren 1,2 beziehungsweise 0,9 Prozent": each name its figure
    second = _RESPECTIVE_BEFORE.search(s, max(0, pos - 40), pos) or _AND_FIGURE_BEFORE.search(s, max(0, pos - 40), pos)
    if second or _RESPECTIVE_AFTER.match(s, end) or _AND_FIGURE_AFTER.match(s, end):
        first_at = s.rfind(" ", 0, second.start()) if second else pos
        pair = [o for o in named if o.end - sent_start <= first_at]
        if len(pair) >= 3 and pair[-2].name == pair[-3].name and _SHORT_FORM.fullmatch(
                s, pair[-3].end - sent_start, pair[-2].end - sent_start + 1):
            del pair[-2]                                            # "General Motors (GM) und Ford"
        if len(pair) >= 2 and _AND.fullmatch(_SHORT_FORM.sub("", s[pair[-2].end - sent_start:pair[-1].start - sent_start], 1)):
            o = pair[-1] if second else pair[-2]
            return Owner(o.name, o.text, o.start, o.end, o.source)
    # 0d. a figure in an apposition of a name: "Übernahme von StarCapital AG, einem ... Asset Manager, mit
    # Kundenvermögen von rund CHF 2.5 Mrd." (not after the apposition's end: "X, ein Konzern ..., steigerte ...")
    before = [o for o in named if o.end - sent_start < pos]
    m = _APPOSITION_OPENS.match(s, before[-1].end - sent_start) if before else None
    if m and pos - m.end() < 250 and not any(m.end() <= x.start - sent_start < pos for x in named) \
            and not any(_finite_verb(w.group(1)) for w in _AFTER_COMMA.finditer(s, m.end(), pos)):
        o = before[-1]
        return Owner(o.name, o.text, o.start, o.end, o.source)
    # 1. the list part, then the clause of the figure (names and references: "der Konzern"); a share
    # noun that moves is no index after a preposition ("Die Aktie sackte ... ab und war damit größter
    # Verlierer im MDax")
    share_subject = move and any(h.startswith(g.share) for _, _, h in g.implicit(s, cs, pos))
    prior = _PRIOR_BRACKET.search(s, max(0, pos - 30), pos)
    if prior and prior.start() > 0:         # "... 5,1 Milliarden Euro (Vorjahr: 7,4 Milliarden Euro), die OeNB ...":
        at = sent_start + prior.start() - 1     # the prior value of the figure before, so its owner (read at
        return owner(orgs, sent_start, sent_end, at, at + 1, sentence, move)    # the bracket), not the next item's
    for a, b in ((ls, le), (cs, ce)):
        cands = ranked(a, b, refs=True)
        if share_subject:
            cands = [(r, o) for r, o in cands if not (isinstance(o, Org) and o.type == "index" and r >= 2)]
        o = pick(cands)
        if o is not None:
            found = owner_of(o)
            if found:
                return found
    # a pronoun subject ("nachdem er ... gefallen war") stands for the subject of the sentence
    if _PRONOUN.search(s[cs:pos]):
        first = [(r, o) for r, o in ranked(0, cs) if r < 2 and not _in_relative(s, start_of(o))]
        if first:
            return owner_of(min(first, key=lambda x: (x[0], start_of(x[1])))[1])
    # 2. the sentence before the figure (an earlier list item: "Adidas (minus 2,1 Prozent)")
    before = [(r, o) for r, o in ranked(0, pos) if r < 2 and not _in_relative(s, start_of(o))]
    if before:
        return owner_of(pick(before))
    # a sentence opened by a pronoun subject ("Die Hansestadt Wismar will ... . Sie erwartet ein Plus
    # von 30000 Euro"), or a move that sums up the one before ("Im Verlauf der Woche resultiert damit
    # ein Plus von 1,3 Prozent"): the organisation the sentence before is about
    pronoun = (_OPENING_PRONOUN.match(s) if cs == 0 else None) or (
        _INNER_PRONOUN.search(s, cs, pos) if move and not named else None)
    summing = _SUMMING.search(s, 0, pos) if move else None
    if (pronoun or summing) and not g.references(s, 0, pos):
        she = pronoun is not None and pronoun.group("p").lower() == "sie"     # (an index is "er": "der Dax")
        near = [o for o in orgs.topics(sent_start) if o.start >= sent_start - 250
                and (o.type != "index" or summing and not she or pronoun and pronoun.group("p").lower() == "er")]
        if summing:                          # a sum of moves is a listed share's or an index's, if one is near
            # (or the last name, a company named as one: "der Börsengang des Herstellers Stada. ... damit")
            near = [o for o in near if o.source == "gazetteer" or o is near[-1] and o.source == "pattern"
                    and not o.weak] or near
            if share_subject:                # "Seit Jahresbeginn hat das Papier damit 31 Prozent gewonnen"
                near = [o for o in near if o.type != "index"]
        prev = _previous_subject(orgs, sent_start) if pronoun and cs == 0 and orgs.text else None
        if pronoun and cs == 0 and orgs.text and (prev is None or prev.name not in orgs.subsidiaries):
            prev = _previous_subject(orgs, sent_start, last=True, governed=True)   # "Besser lief es bei der
            #                                      Tochter ZF Lifetec ... . Sie steigerte ihren Umsatz": the subsidiary
        if prev is not None and prev.name in orgs.subsidiaries and prev.start >= sent_start - 250:
            near = [prev]                    # "Die japanische Tochter Chugai, an der Roche ... hält, hob ... an. Sie
            #                                  rechnet ...": the subsidiary the sentence before is about
        main = orgs.main()
        if not near and pronoun and move and main is not None and not main.weak and main.type != "index" \
                and pronoun.group("p").lower() == "sie":
            near = [main]                    # "Die Aktie sprang um 5,4 Prozent. Im frühen Handel hatte sie ...": the
            #                                  share of the company the article is about, named further back
        if near:
            word = summing.group() if summing else pronoun.group("p")      # the words that refer, as provenance
            a = sent_start + (summing.start() if summing else pronoun.start("p"))
            return Owner(near[-1].name, word, a, a + len(word), "reference")
    refs = [r for r in g.references(s, 0, pos) if not any(x <= r[0] < y for x, y in inner)]
    if refs:
        ra, rb, _ = refs[-1]
        m = _NAMED_AFTER.match(s, rb)
        named_as = [o for o in named if m and o.start - sent_start == m.end()]
        if named_as:                         # "Der Leitindex in Frankfurt, der DAX, schloss ...": the DAX
            o = named_as[0]
            return Owner(o.name, o.text, o.start, o.end, o.source)
        return _resolve(orgs, refs[-1], sent_start, s)
    after = [(r, o) for r, o in ranked(end, len(s)) if r < 2]
    if after:
        return owner_of(min(after, key=lambda x: (x[0], x[1].start))[1])
    # 3. a share or company figure without a possessor ("die Aktie", "der Umsatz") refers back
    imp = g.implicit(s, cs, ce) or g.implicit(s, 0, len(s))
    if imp and not imp[0][2].startswith(g.share) and _GENITIVE_GROUP.match(s, imp[0][1]):
        return None                          # "Die Nettozinsmarge der deutschen Sparkassen": a group's, not a company's
    possessive = _POSSESSIVE_BEFORE.search(s, max(0, imp[0][0] - 40), imp[0][0]) if imp and orgs.text else \
        _OPENING_POSSESSIVE.match(s) if orgs.text and not named and pos > 0 else None
    if possessive:
        # "Die Kliniktochter Helios ... . In Deutschland stieg ihr Umsatz ...": Helios's, a subsidiary or not; a
        # possessive opening the sentence: the last name before ("..., die Commerzbank von ... . Ihre Aktien ...")
        o = _previous_subject(orgs, sent_start, last=possessive.start() == 0)
        if o is not None:
            a = sent_start + possessive.start()
            b = imp[0][1] if imp else possessive.end()
            return Owner(o.name, s[possessive.start():b], a, sent_start + b, "reference")
    if imp:
        return _resolve(orgs, imp[0], sent_start, s, implicit=True, move=move)
    # a move without a subject of its own ("In der Spitze ging es heute bis auf 132,85 Euro nach oben",
    # "Seit Jahresbeginn summiert sich das Plus auf 21,5 Prozent"): the share the text is about
    if move and not named and _SUBJECTLESS_MOVE.search(s, 0, pos) and not _economy(s):   # not "In der Steiermark ..."
        got = _resolve(orgs, (0, 0, "aktie"), sent_start, s, implicit=True, move=True)
        before = orgs.text[max(0, sent_start - 300):sent_start] if orgs.text else ""
        index = got is not None and any(o.name == got.name and o.type == "index" and sent_start - 300 <= o.start < sent_start
                                        for o in orgs.orgs)
        if got is not None and (index or _SHARE_CUE.search(before)):
            return got                       # only after a share or an index ("Das Plus von 4,1 Prozent" of a price index is none)
    return None


_APPOSITION_OPENS = re.compile(r",\s+(?:(?:ebenfalls|auch|selbst)\s+)?ein(?:e|em|en|er|es)?\s+(?=\S)")
_AFTER_COMMA = re.compile(r",\s+(?:(?:und|oder|aber|sowie)\s+)?([a-zäöüß]+)\b")


def _finite_verb(word: str) -> bool:
    """HanTa's most likely tag of a lower-case word out of context is a finite verb ("steigerte", "hat")."""
    tags = tag_word(word)
    return bool(tags) and tags[0][0].replace("(", "").replace(")", "") in ("VVFIN", "VAFIN", "VMFIN")   # HanTa: "VV(FIN)"


# a name whose data or study a figure is taken from: "nach der Zahlungsverkehrsstatistik der Bundesbank", "laut einer
# Erhebung der Europäischen Zentralbank", "gemäß den Berechnungen des Ifo-Instituts"
_DATA = (r"(?<![\wäöüß])(?:nach|laut|gemäß|zufolge)\s+(?:(?:der|den|dem|einer|einem|jüngsten|neuen|aktuellen)\s+)*"
         r"[\wäöüß-]*(?:statistik|erhebung|studie|daten|angaben|berechnungen|zahlen|umfrage|schätzung|"
         r"auswertung|analyse|befragung|bericht|statistiken|erhebungen|studien)\s+"
         # or the data as the subject: "Die Statistik der Oesterreichischen Nationalbank (OeNB) zeigt denselben Trend"
         r"|(?<![\wäöüß])(?:die|der|eine|einer|den)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?"
         r"[\wäöüß-]*(?:statistik|erhebung|studie|umfrage|befragung|auswertung|daten)\s+")
_DATA_OF = re.compile(r"(?:" + _DATA + r")(?:der|des|von)\s+(?:[\wäöüß-]*(?:verband|verbands|verbandes|institut|instituts|"
                      r"institutes|amt|amts|amtes|agentur|vereinigung|forscher|forschers|forschungsinstituts|"
                      r"marktforscher|marktforschers|beratungsfirma|beratungsgesellschaft)\s+)?$", re.I)
# (and a body's noun before its name: "nach Daten des Branchenverbands CPCA")
_DATA_BEFORE = re.compile(r"(?:" + _DATA + ")$", re.I)   # before a reference with its own article ("der Bundesbank")
_PRIOR_BRACKET = re.compile(r"\((?:Vorjahr|Vorjahreszeitraum|Vorjahresquartal|Vorquartal|Vorjahresmonat|Vormonat|"
                            r"Vorjahreswert|Vortag|Vorwoche|im Vorjahr|ein Jahr zuvor)\s*:?\s*$")
# a separable verb's particle between a name and its relative clause: "führte den MDax an, der 0,4 Prozent zulegte"
_PARTICLE = re.compile(r"^\s+(?:an|ab|auf|aus|ein|zu|mit|vor|fort|nach|zurück|hinter\s+sich)$")
_RELATIVE_OPENS = re.compile(r",\s+(?:der|die|das|dessen|deren)\s+(?=[a-zäöüß])")


# a relative clause opened by a preposition: ", an dem die Stadt 50,1 Prozent hält"
_RELATIVE_PREP_OPENS = re.compile(r",\s+(?:an|in|bei|mit|von|zu|für|über|auf|aus|unter)\s+(?:dem|der|den|denen|deren|dessen)\s")


def _inside_relative(text: str, at: int) -> bool:
    """Whether text[at] stands in a relative clause of its sentence (no comma since it opened)."""
    a = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    s = text[a:at]
    m = None
    for m in _RELATIVE_PREP_OPENS.finditer(s):
        pass
    return (m is not None and not re.search(r"[;:()]|,(?!\d)", s[m.end():])) or _in_relative(s, len(s))


_DIGIT = re.compile(r"\d")


def governed_pair(text: str, at: int) -> bool:
    """Is the name before "und" at ``at`` governed by a preposition ("aus Schanghai und Shenzhen")? Not a
    common noun's phrase ("lagen im Minus und Mizuho gaben")."""
    from .orgs import GOVERNED_CONJUNCT
    m = GOVERNED_CONJUNCT.search(text, max(0, at - 60), at)
    return m is not None and not any(_common(w) for w in m.group("n").split())


# what ends a relative clause: a comma after its verb (a word in lower case), not one of a list of names in it
# (", zu dem neben Nivea auch Eucerin, Aquaphor und La Prairie gehören, wuchs der Umsatz")
_RELATIVE_ENDS = re.compile(r"[;:()]|(?<![\wäöüß])[a-zäöüß][\wäöüß-]*,")


def _in_relative(s: str, at: int) -> bool:
    """Whether s[at] stands in a relative clause ("Volvo Cars, der zum Geely-Konzern gehört und ...:", ", zu dem
    neben Nivea auch Eucerin und La Prairie gehören")."""
    m = None
    for m in _RELATIVE_OPENS.finditer(s, 0, at):
        pass
    for x in _RELATIVE_PREP_OPENS.finditer(s, 0, at):
        m = x if m is None or x.start() > m.start() else m
    return m is not None and not _RELATIVE_ENDS.search(s, m.end(), at)


_AT_EXCHANGE = re.compile(r"(?i)(?<![\wäöüß])an\s+(?:der|die)\s+$")


def _at_exchange(name: str, sentence: str, at: int) -> bool:
    """An exchange as the place of trading: "An der Londoner Börse sprangen die Aktien ..." (name at ``at``)."""
    return name.endswith("Börse") and bool(_AT_EXCHANGE.search(sentence, max(0, at - 12), at))
_COMPOUND_GOES_ON = re.compile(r"-(?!Future|Terminkontrakt|Index\b)[A-ZÄÖÜa-zäöü]")
#                                   (the "Dax-Future" moves with the Dax; the "CAC-40-Index" is the index)
_SUBORDINATE_BETWEEN = re.compile(r",\s*(?:weil|da|nachdem|obwohl|obgleich|sodass|so\s+dass|wenn|falls|während)\s")
# a possessive pronoun before a company figure: "ihr Umsatz", "seinen Gewinn"
# a sentence that opens with a possessive's noun: "Die Zahl ihrer aktiven Kunden stieg ...", "Seine Belegschaft ..."
_OPENING_POSSESSIVE = re.compile(r"\s*(?:(?:Die|Der)\s+(?:Zahl|Anzahl)\s+(?:ihrer|seiner)|(?:Ihre|Seine|Ihr|Sein))\s+"
                                 r"(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\wäöüß-]*")
# a compound of a name and a subsidiary noun: "die Südzucker-Tochter", "der VW-Tochtergesellschaft"
_SUBSIDIARY_COMPOUND = re.compile(r"-[\wäöüß]*(?:[Tt]ochter|[Tt]öchter)")
_POSSESSIVE_BEFORE = re.compile(r"(?<![\wäöüß])(?:[Ii]hr|[Ss]ein)(?:e|en|em|er|es)?\s+(?:[a-zäöüß]+\s+)?$")


def _sentence_breaks() -> re.Pattern:
    """The figure engine's sentence breaks (not after an abbreviation: "21,4 Mrd. Fr. aus")."""
    from .extract.lexicon import lexicon as figure_lexicon
    return figure_lexicon().re_sentence_break


def _previous_subject(orgs: ArticleOrgs, sent_start: int, last: bool = False, governed: bool = False) -> Org | None:
    """The organisation the sentence before ``sent_start`` is about: its first (``last``: its last) name that is
    no speaker, index or name governed by a preposition (unless ``governed``)."""
    lo, hi = max(0, sent_start - 400), max(0, sent_start - 1)
    prev = max([m.end() for m in _sentence_breaks().finditer(orgs.text, lo, hi)]
               + [lo + m.end() for m in _LINE_BREAKS.finditer(orgs.text[lo:hi])], default=lo)
    found = [o for o in orgs.orgs
             if prev <= o.start and o.end <= sent_start and o.type not in ("index", "currency")
             and (o.start, o.end) not in (orgs.speakers if governed else orgs.speakers | orgs.governed)
             and o.text not in grammar().not_owners and (not o.weak or (o.start, o.end) in orgs.subjects)]
    return (found[-1] if last else found[0]) if found else None


def _economy(text: str) -> str | None:
    from .change_owners import economy      # change_owners imports this module: looked up at call time
    return economy(text)


def _article_index(indices: list[Org], head: str) -> Org | None:
    """The index a bare description means in an article that names its indices: "der Leitindex" is
    the last leading index named (the ATX, not the ATX Prime; the Hang Seng, not the Hang Seng Tech),
    "der Technologieindex" the last technology index named."""
    v = vocab()["owner"]
    if any(w in head for w in v["leading_index_words"]):
        pool = [o for o in indices if o.name in v["leading_indices"]]
    elif any(w in head for w in v["tech_index_words"]):
        pool = [o for o in indices if "tech" in o.name.lower() or o.name.lower().startswith("nasdaq")]
    else:
        return None
    return pool[-1] if pool else None


_WHOSE_SHARES = re.compile(r"\s*(?:dessen|deren)\s+(?:" + _SHARE_WORDS + r")\b")
_CREDIT_BEFORE = re.compile(r"(?:©|\([cC]\)|(?<![\wäöüß])(?:Foto|Fotos|Quelle)\s*:)\s*$")     # (not "ein gemischtes Bild: X ...")
_AT_OPENING = re.compile(r"\s*(?i:bei|beim)\s+(?:(?i:der|dem|den)\s+)?")


def _joined(s: str, a: int, pos: int) -> bool:
    """Is the name at pos joined to the one before it ("Vonovia und LEG", "und die Commerzbank")?"""
    toks = [t.lower() for t in _WORD.findall(s[a:pos])]
    while toks and toks[-1] in _DETS:
        toks.pop()
    return bool(toks) and toks[-1] in ("und", "sowie", "oder", "bzw.", "bzw")


def _after_verb_or_list(s: str, a: int, pos: int) -> bool:
    """Is the word before pos a verb-like lowercase word or a list joiner ("zählten Adidas", "und Puma")?"""
    toks = _WORD.findall(s[a:pos])
    if not toks:
        return True
    if len(toks) > 1 and toks[-1].lower() in ("der", "die", "das"):   # "liegt der PPVX": the verb before it
        toks = toks[:-1]
    t = toks[-1]
    return t in ("und", "sowie", "oder", "bzw.", "bzw") or (t[:1].islower() and t.lower() not in _DETS
                                                     and t.lower() not in grammar().preps)


def _index_name(name: str) -> bool:
    """A market index's name as written ("MDax", "Stoxx Europe 600")."""
    from .extract.lexicon import lexicon as figure_lexicon
    from .orgs import read_indices
    return bool(figure_lexicon().re_index_any.fullmatch(name)) or name in read_indices()


def _bought(toks: list[str], i: int) -> bool:
    """Is the share noun ending before token ``i`` governed by "für" ("für die VW-Stammaktien",
    "für die Aktien von X"): what a buyer pays for, not whose the amount is."""
    i -= 1
    while i >= 0 and toks[i].lower() in _DETS:
        i -= 1
    return i >= 0 and toks[i].lower() == "für"


# a cause's phrase up to a name: "wegen der Ausgaben für den Lieferdienst [X]", "dank eines Auftrags von [X]"
_CAUSE_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:wegen|trotz|dank|aufgrund|infolge|angesichts)\s+(?P<np>(?:[\wäöüß-]+\s+){1,6})$")


_AMOUNT_OF = re.compile(r"\s+(?:in\s+Höhe\s+von|im\s+(?:Wert|Umfang)\s+von|über|von)\s+(?:(?:rund|etwa|knapp|gut|fast|mehr\s+als|"
                        r"über|bis\s+zu)\s+)*")


def _in_cause(s: str, at: int) -> bool:
    """Is the name at ``at`` inside a phrase of cause opened before it in its clause, no verb between?"""
    m = _CAUSE_BEFORE.search(s, max(0, at - 90), at)
    if m is None or any(c in m.group("np") for c in ",;:"):
        return False
    return not any(w.islower() and any(t.startswith(("VV", "VA", "VM")) and "FIN" in t for t, _ in tag_word(w)[:1])
                   for w in m.group("np").split())


# a reference to the parent of a subsidiary named before, and the parent as told: "die zur Deutschen Bank gehört"
_PARENT_REFERENCES = ("mutter", "mutterkonzern", "mutterkonzerns", "muttergesellschaft", "mutterhaus", "mutterhauses",
                      "konzernmutter", "mutterunternehmen", "mutterunternehmens")
_PARENT_BEFORE = re.compile(r"(?<![\wäöüß])(?:zur|zum|zu)\s+(?:[a-zäöüß]+\s+)?$")
_BELONGS_AFTER = re.compile(r"\s+(?:gehört|gehören|gehörte|gehörten|zählt|zählte)(?![\wäöüß])")
@functools.cache
def _superlative_word() -> re.Pattern:
    from .orgs import SUPERLATIVE      # (orgs imports this module)
    return re.compile(r"(?<![\wäöüß])" + SUPERLATIVE + r"(?![\wäöüß])")


# plurals of feminine reference heads (a masculine head's plural looks like its singular: "die Versicherer")
_PLURAL_HEADS = ("banken", "sparkassen", "versicherungen", "gesellschaften", "firmen", "genossenschaften", "holdings",
                 "reedereien", "airlines", "brauereien", "molkereien", "produzenten", "lieferanten", "konzerne")
# a company named as what a parent owns: "Der Mutterkonzern der Elektronikketten MediaMarkt und Saturn", "die
# Eigentümerin von X"
_OF_PARENT = re.compile(r"(?i)(?<![\wäöüß])(?:mutter|mutterkonzern|muttergesellschaft|mutterhaus|konzernmutter|"
                        r"mutterunternehmen|eigentümer|eigentümerin|besitzer|besitzerin)s?\s+(?:der|des|von|vom)\s+"
                        r"(?:[\wäöüß-]+\s+){0,2}(?:[A-ZÄÖÜ][\wäöüß&.-]*\s+(?:und|sowie)\s+)?$")
# brands or subsidiaries a segment is named with: "Das Segment Spezialitäten mit Beneo, Freiberger und PortionPack
# steigerte ...", "Die Vermögensverwaltung mit den Fondstöchtern Pimco und AllianzGI": the segment's, so the company's
_SEGMENT_WITH = re.compile(r"(?<![\wäöüß])(?:[Ss]egment|[Ss]parte|[Gg]eschäftsbereich|[Dd]ivision|[Vv]ermögensverwaltung)\w*"
                           r"(?:\s+[A-ZÄÖÜ][\wäöüß-]*)?\s+mit\s+(?:(?:den|der|dem|seinen|ihren|ihrer|seiner)\s+)?"
                           r"(?:[a-zäöüß-]*[A-ZÄÖÜ]?[a-zäöüß-]+(?:töchtern|marken|tochter|marke)\s+)?"
                           r"(?:[A-ZÄÖÜ][\wäöüß&.-]*(?:\s+[A-ZÄÖÜ][\wäöüß&.-]*)*(?:\s*\([^)]*\))?(?:,\s+|\s+(?:und|sowie)\s+))*"
                           r"(?:[A-ZÄÖÜ][\wäöüß&.-]*(?:\s+[A-ZÄÖÜ][\wäöüß&.-]*)*\s*\()?$")   # (its short form too)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s|\n)$")
_GROUP_NAME_ENDS = (" group", "gruppe", " konzern", " holding", " ag", " se")
# a parent named after a subsidiary noun: "die deutsche Tochter des niederländischen ING-Konzerns"
_SUBSIDIARY_OF = re.compile(r"(?i)(?<![\wäöüß])[\wäöüß-]*(?:tochter|tochtergesellschaft|tochterfirma)\s+(?:des|der|von)\s+"
                            r"(?:[a-zäöüß][\wäöüß-]*\s+){0,2}$")
_PARENT_AFTER = re.compile(r"\s+(?:des|der|von)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}(?P<p>[A-ZÄÖÜ][\w&.]*)")


def _named_subsidiary(orgs, parent: str):
    """The organisation of the article (``orgs``: its ArticleOrgs or a list of its names) named by the parent's
    name and a country or place ("ING Deutschland", "Amazon Österreich"): the parent's subsidiary there, else None."""
    lead = parent.split("-")[0] + " "
    names = orgs if isinstance(orgs, list) else orgs.orgs + orgs.title_orgs
    subs = [o for o in names if o.name.startswith(lead) and o.name[len(lead):].split(" ")[0] in _places()]
    return subs[0] if subs else None


def _resolve(orgs: ArticleOrgs, ref: tuple[int, int, str], sent_start: int, s: str,
             implicit: bool = False, move: bool = False, upto: int | None = None) -> Owner | None:
    """What a reference at s[ref[0]:ref[1]] stands for: the last organisation of a fitting kind
    named before it (in the article), else the article's main organisation. ``implicit`` (a share or
    company figure without a possessor: "die Aktie", "der Umsatz"): the organisation named last in
    this or the sentence before, else the main organisation. ``upto``: only names before this offset
    (not the subject of the reference's own clause: "Die UBS hob das Kursziel für den Hersteller")."""
    g = grammar()
    a, b, head = ref
    at = sent_start + a
    if head.endswith(_PLURAL_HEADS):
        return None                     # "die Banken", "der Geschäftsbanken": many, no one organisation named before
    from .orgs import town_adjective
    if s[a:a + 4].lower() == "die " and (head.endswith("unternehmen") or head.endswith("er")
                                         and not head.endswith(("tochter", "mutter", "schwester", "kammer"))
                                         and not town_adjective(s[a + 4:b])):      # (but "Die Thüringer": one company)
        return None                     # "Die Einzelhandelsunternehmen setzten", "Die Hersteller von Investitionsgütern
        #                                 produzierten": a neuter noun or a man's trade after "die" is plural
    if head.endswith("gruppe") and _superlative_word().search(s[a:b]):
        return None                     # "Maschinen und Fahrzeuge, die größte Gruppe,": a category, no company group
    if head.endswith(_PARENT_REFERENCES) and orgs.text and a < b:
        parents = [o for o in orgs.orgs if o.end <= at and (_PARENT_BEFORE.search(orgs.text, max(0, o.start - 40), o.start)
                                                            and _BELONGS_AFTER.match(orgs.text, o.end)
                                                            or _SUBSIDIARY_OF.search(orgs.text, max(0, o.start - 60), o.start))]
        if parents:                     # "Die Postbank, die zur Deutschen Bank gehört, ... Der Mutterkonzern": the parent
            return Owner(parents[-1].name, s[a:b], at, sent_start + b, "reference")
    if head.startswith("gesamt") and head[6:] in _PARENT_HEADS and a < b and orgs.main() is not None:
        m = orgs.main()                 # "das Ebita des Gesamtkonzerns": the whole of the company the article is
        return Owner(m.name, s[a:b], at, sent_start + b, "reference")   # about (not "der Gesamtumsatz": anyone's)
    want_index = head.startswith(g.index_heads) or any(head.endswith(h) for h in g.index_heads)
    # a reference by trade ("des Sportwagenbauers") may mean a subsidiary; a group word means the parent
    plain = {head, head[:-1], head[:-2]} & set(vocab()["owner"]["reference_heads"])     # "die Bank", "des Herstellers"
    by_trade = a < b and not plain and not head.endswith(_PARENT_HEADS) and profiles.described(s[a:b])[0] is not None
    prior = orgs.topics(at if upto is None else upto, shares=head.startswith(g.share) and a < b,
                        investors=head.endswith(_INVESTOR_HEADS),
                        subsidiaries=by_trade, described=not implicit and a < b,
                        acting=not head.endswith(_PARENT_HEADS + _PARENT_REFERENCES))
    # (not a name in a relative clause before the reference: "Mit Lasern, die der Maschinenbauer an den Konzern ASML
    # liefert, erzielte die Gruppe ...")
    inner = [(sent_start + m.start(), sent_start + m.end()) for m in _RELATIVE_CLAUSE.finditer(s, 0, a) if m.end() <= a]
    prior = [o for o in prior if not any(x <= o.start < y for x, y in inner)]
    if orgs.text and not head.endswith(("kette", "marke", "tochter", "töchter")):   # (nor a parent's chains: "Der
        prior = [o for o in prior if not _OF_PARENT.search(orgs.text, max(0, o.start - 80), max(0, o.start))]  # Mutterkonzern
        #                                                 der Elektronikketten MediaMarkt und Saturn ..., wie das Unternehmen")
    fitting = [o for o in prior if want_index == (o.type == "index")]
    if head.startswith("bank") or head.endswith("bank"):
        banks = [o for o in fitting if "bank" in o.name.lower() or o.type == "bank"
                 or head in ("bank", "banken") and "bank" in getattr(profiles.profiles().get(o.name), "descriptions", ())]
        #                                       ("die Bank": "Erste Group"; not "Bankensoftware-Anbieter", "Konsumkreditbank")
        fitting = banks or fitting
    from .orgs import recognizer
    public = recognizer().public_prefixes
    if head.rstrip("n").endswith(g.public_heads):   # "die Gemeinde": a public body named before, never a company
        fitting = [o for o in fitting if o.name.split(" ", 1)[0] in public]
        if not fitting:
            return None
    elif a < b:                                     # "die Bank", "der Versorger": never "die Stadt Freiburg",
        authority = tuple(vocab()["owner"]["fine_authorities"])   # nor "die EU-Kommission" or "das Kartellamt"
        fitting = [o for o in fitting if o.name.split(" ", 1)[0] not in public and not o.name.lower().endswith(authority)]
    words = s[a:b]
    if head.endswith(("tochter", "töchter")) and a < b:
        # "die Aktien der Tochter", "Die Südzucker-Tochter": the subsidiary named before, else the last company
        # named before that is not the compound's parent
        parent = head.rsplit("-", 1)[0] if "-" in head else None     # ("US-Tochter": no company's name)
        # a company whose name goes on from the parent's ("Rewe Österreich", "PostFinance"), not the parent's group
        named = [o for o in fitting if parent and o.name.lower().startswith(parent) and o.name.lower() != parent
                 and o.text.lower() != parent and not o.name.lower().endswith(_GROUP_NAME_ENDS)]
        if parent is None:                      # a subsidiary named near ("die X-Tochter" is of X, not any)
            subs = [o for o in orgs.orgs if at - 600 <= o.start and o.end <= at and o.name in orgs.subsidiaries]
        elif named:
            subs = named
        elif any(o.text.lower() == parent or o.name.lower() == parent for o in orgs.orgs):
            subs = [o for o in fitting if not o.name.lower().startswith(parent) and o.text.lower() != parent]
        else:
            subs = []
        if subs and not any(o.start == sent_start + b + 1 for o in orgs.orgs):      # not "der US-Tochter Turner"
            return Owner(subs[-1].name, words, at, sent_start + b, "reference")
        of = _PARENT_AFTER.match(s, b)
        sub = _named_subsidiary(orgs, of.group("p")) if of else None
        if sub is not None:                     # "die deutsche Tochter des ING-Konzerns": "ING Deutschland"
            return Owner(sub.name, words, at, sent_start + b, "reference")
    if head.endswith(g.central_heads):
        # "wie die Notenbank mitteilte": a central bank named in this or the sentence before, else the one
        # the article is about, else the last one named; none if no central bank is named. "die
        # Bundesbank" is the name itself ("Deutsche Bundesbank" named before), not the last bank named.
        banks = [o for o in orgs.orgs if o.end <= at and g.is_central_bank(o.name)
                 and (o.start, o.end) not in orgs.examples]
        banks = [o for o in banks if o.name.lower().endswith(head)] or banks
        m = orgs.main()
        near = [o for o in banks if o.start >= sent_start - 300]
        if not near and m is not None and g.is_central_bank(m.name) and (m.name.lower().endswith(head) or not banks
                                                                          or not banks[-1].name.lower().endswith(head)):
            near = [m]
        got = (near or banks)[-1] if near or banks else None
        return Owner(got.name, words, at, sent_start + b, "reference") if got is not None else None
    if want_index:
        low = re.sub(r"\s+", " ", words.lower())
        descriptions = vocab()["index_descriptions"]
        for desc, name in descriptions.items():          # "der Wiener Leitindex": named by its place
            if " " in desc and desc in low:
                return Owner(name, words, at, sent_start + b, "reference")
        named = _article_index(fitting, low)           # "der Leitindex", "der Technologieindex" of this market
        if named is not None:
            return Owner(named.name, words, at, sent_start + b, "reference")
        for desc, name in descriptions.items():
            if desc in low:
                return Owner(name, words, at, sent_start + b, "reference")
    if not implicit and not want_index:        # "Nestlé ..., Novartis ... Der Nahrungsmittelkonzern": the one it fits
        if by_trade and not any(profiles.score(words, s[b:b + 40], o.name, orgs.descriptions.get(o.name, frozenset())) > 0
                                for o in fitting):
            # a subsidiary named as such ("Die Beteiligung Siltronic, an der Wacker ... hält. Der Waferhersteller"):
            # an example of its parent's, but the one the trade fits
            parts = [o for o in orgs.orgs if o.end <= at and (o.start, o.end) in orgs.examples and orgs.text
                     and _SUBSIDIARY_NOUN_BEFORE.search(orgs.text, max(0, o.start - 40), o.start)
                     and profiles.score(words, s[b:b + 40], o.name, orgs.descriptions.get(o.name, frozenset())) > 0]
            fitting = parts[-1:] or fitting
        fitting = profiles.narrow(words, s[b:b + 40], fitting, orgs.descriptions)
    m = orgs.main()
    if head.rstrip("s") in ("gesellschaft", "emittent", "emittentin") and a < b and m is not None and not m.weak \
            and orgs.text and _AD_HOC.search(orgs.text, 0, 2000):
        return Owner(m.name, words, at, sent_start + b, "reference")   # an ad-hoc release: "die Gesellschaft" is
        #                                                                the issuer, not a customer named before
    heading = orgs.heading(at)                 # "BMW: Der Autobauer ... Die Papiere ...": the digest item's company
    if heading is not None and not want_index and any(o.name == heading.name for o in fitting):
        return Owner(heading.name, words, at, sent_start + b, "reference")
    strong = fitting                           # topics() keeps names by form only where subjects stand
    if not strong and words.strip() and _demonym(words.split()[-1]):
        return None                            # "die Kraichgauer" with no company named before: no guess
    if implicit:
        # "ein Gewinn von 1,2 Prozent" of the Dax; but a share written out ("das Papier") is a company's
        # (a move without a subject comes as an empty "aktie": the share or the index the text is about)
        pool = prior if move and not (head.startswith(g.share) and a < b) else strong
        near = [o for o in pool if o.start >= sent_start - 300]
        from .orgs import recognizer
        public = recognizer().public_prefixes
        # a public body after a preposition is where, not who ("am Stammsitz im Bezirk Vöcklabruck. Die
        # Nettofinanzverschuldung ging ... zurück": the company's)
        near = [o for o in near if not ((o.start, o.end) in orgs.governed and o.name.split(" ", 1)[0] in public)]
        if orgs.text:                           # "..., Verbund um 0,7 Prozent.\n\nDeutlich abwärts ging es für Lenzing,
            para = orgs.text.rfind("\n\n", 0, at)      # ... Das EBITDA verringerte sich": this paragraph's company
            here = [o for o in near if o.start > para]
            if not here and (main := orgs.main()) is not None and near and not main.weak \
                    and head.endswith(_SHAREHOLDER_HEADS):
                here = [main]                   # "Die Aktionäre sollen eine Dividende von 1,05 Euro erhalten" in a
                #                                 paragraph of its own after one on the subsidiaries: the company's
            if not here and (main := orgs.main()) is not None and near \
                    and all((o.start, o.end) in orgs.governed or o.name in orgs.subsidiaries for o in near):
                here = [main]                   # "... auf die US-Tochter Pimco, der Rest auf Allianz Global Investors.
                #                                 \n\nDie Dividende soll ... steigen": no name of its own paragraph,
                #                                 only parts and objects before: the article's company
            near = here or near
        if orgs.text:                           # "Der Hafenlogistiker HHLA, an dem die Reederei MSC 49,9 Prozent hält,
            inner_names = [o for o in near if _inside_relative(orgs.text, o.start)]     # legte Zahlen vor. Der Umsatz"
            main = orgs.main()
            if near and len(inner_names) == len(near) and main is not None and not main.weak:
                near = [main]                   # "Im Bereich Consumer, zu dem neben Nivea auch La Prairie gehören, wuchs
            else:                               # der Umsatz": only names of a relative clause near, the article's company
                near = [o for o in near if o not in inner_names] or near
        free = [o for o in near if (o.start, o.end) not in orgs.governed]
        if free and near[-1] not in free and not head.startswith(g.share):
            near = free                         # "... der Preiskampf mit JD.com und Alibaba. Der Umsatz wuchs"
        m = orgs.main()
        if near and not free and near[-1].start < sent_start and m is not None and m.name != near[-1].name \
                and not head.startswith(g.share) and orgs.text \
                and _GENITIVE_IN_PHRASE.search(orgs.text, max(0, near[-1].start - 60), near[-1].start) \
                and any(x.name == m.name and (x.start, x.end) not in orgs.governed for x in pool):
            near = [m]      # "... über einen Kredit der Sparkasse X. Der Umsatz ...": only a lender near, the company before
        if head.startswith(g.share) and orgs.text:   # "je Terex-Aktie ... schoss die Aktie hoch": that share
            shares = [o for o in orgs.orgs if sent_start - 300 <= o.start and o.end <= at
                      and _SHARE_AFTER.match(orgs.text, o.end)]
            # (not past another company the reference's own paragraph went on to: "Evonik-Papiere gewannen 1,5
            # Prozent.\n\nMETZINGEN - Hugo Boss hat ... Die Aktie brach ... ein" is Hugo Boss's)
            para = orgs.text.rfind("\n", 0, at) + 1
            if shares and not any(o.start > max(shares[-1].end, para) and o.name != shares[-1].name
                                  and o.type != "index" for o in near):
                return Owner(shares[-1].name, words, at, sent_start + b, "reference")
        if orgs.text and head.endswith(_RESULT_HEADS):
            prev = _previous_subject(orgs, sent_start)
            if prev is not None and g.is_central_bank(prev.name) and not any(o.start > prev.start for o in near):
                # "Die Schweizerische Nationalbank wies einen Gewinn von 21,4 Mrd. Fr. aus. Auf den Devisenpositionen
                # resultierte ein Gewinn von ...": a central bank's own result goes on in the next sentence
                return Owner(prev.name, words, at, sent_start + b, "reference")
        if near:
            return Owner(near[-1].name, words, at, sent_start + b, "reference")
        if orgs.text and not want_index:
            para = orgs.text.rfind("\n\n", 0, at)
            first = _sentence_breaks().search(orgs.text, para + 2, at) if para >= 0 else None
            here = [o for o in pool if para < o.start < (first.start() if first else at) and para >= 0
                    and (o.start, o.end) not in orgs.governed and o.name not in orgs.subsidiaries and not o.weak]
            if not here:                        # else the last name that opens a sentence of the paragraph before
                here = [o for o in pool if para < o.start < sent_start    # ("Adidas steigerte ...")
                        and _OPENS_SENTENCE.search(orgs.text, max(0, o.start - 4), o.start)
                        and (o.start, o.end) not in orgs.governed and o.name not in orgs.subsidiaries and not o.weak]
            if here and (m is None or here[-1].name != m.name):
                # "JD.com gaben 0,8 Prozent nach. Der Pekinger Konzern hatte ... Die Sparte ... wies einen Verlust von
                # 15,7 Milliarden Yuan aus": the company the paragraph opens with, named further back than 300 characters
                return Owner(here[-1].name, words, at, sent_start + b, "reference")
        if m is not None and not want_index:
            return Owner(m.name, words, at, sent_start + b, "article")
    if strong:
        o = strong[-1]
        m = orgs.main()
        if orgs.text and a < b and head.endswith(_PARENT_HEADS + g.organs) and m is not None and not m.weak \
                and o.name != m.name and o.start < orgs.text.rfind("\n\n", 0, at) \
                and any(x.name == m.name for x in strong):
            # "... Crate and Barrel verbuchte Erlöse von ...\n\nDer Konzern beschäftigte ...": a group word in a
            # paragraph that names no company before it means the company the article is about
            o = m
        if orgs.text and _VON_AFTER_VERB.search(orgs.text, max(0, o.start - 40), o.start) \
                and m is not None and m.name != o.name and any(
                x.name == m.name and (x.start, x.end) not in orgs.governed for x in strong):
            o = m                               # "erhielt von der Deutschen Bahn einen Auftrag. ... investiert der
        return Owner(o.name, words, at, sent_start + b, "reference")        # Konzern": a customer is no antecedent
    m = orgs.main()
    if m is not None and not m.weak and not want_index:
        return Owner(m.name, words, at, sent_start + b, "reference")
    if fitting:
        o = fitting[-1]
        return Owner(o.name, words, at, sent_start + b, "reference")
    if m is not None and not want_index:
        return Owner(m.name, words, at, sent_start + b, "reference")
    return None
