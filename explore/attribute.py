"""What a figure is about: entity, measure, region, period and subject, from its sentence and table cell.

Organisations come from a gazetteer (``explore/lang/de/companies.csv``: name, aliases, type, country; extend
it or pass your own) and from the text itself: a capitalised name before "-Aktie", "-Konzern",
"AG", "Group", ... The rest comes from the German vocabulary in ``explore/lang/de/vocab.toml``.

>>> at = attributor()
>>> [m.name for m in at.entities("Die Rheinmetall-Aktie stieg, Tencent und die Siemens AG fielen.")]
['Rheinmetall', 'Tencent', 'Siemens']
>>> at.period("Auf 7 Tage liegt die Aktie 5,08% im Minus", [])
>>> at.region("Chinesische Adoptionsrate")
'China'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lang import vocabulary
from .orgs import DEFAULT_GAZETTEER, Recognizer, read_gazetteer  # noqa: F401  (moved to explore.orgs)

# (a comma after a hyphen joins the parts of a compound: "preis-, saison- und kalenderbereinigt")
_CLAUSE = re.compile(r"(?<!\w-),(?=\s)|;|:(?=\s)|\s[–—-]\s|\(|\)")


_NOT_A_COURSE = "".join(rf"(?<!{w})" for w in (
    "kon", "dis", "ex", "spar", "wachstums", "expansions", "konfrontations", "konsolidierungs", "sanierungs",
    "erfolgs", "zickzack", "schlinger", "crash", "sprach", "koch", "fortbildungs", "intensiv", "reform"))


def market_cue(cue: str) -> str:
    """The pattern of a market word: a short index name is a word of its own ("SMI", "Dax-Titel", not
    the "smi" of "Wohnungsmieten"); "Handel" is trading where a market says it ("im frühen Handel",
    "Xetra-Handel", "Handelsschluss"), not the retail trade ("der Handel verbuchte ein Plus")."""
    if cue == "handel":
        return (r"(?<![\wäöüß])(?:im|beim|zum|vor|nach|am|dem|den)\s+(?:[\wäöüß-]+\s+){0,2}handel(?![\wäöüß])"
                r"|(?:xetra|parkett|früh|spät|vormittags|nachmittags|abend|computer|tages)-?handel"
                r"|handels(?:schluss|tag|beginn|verlauf|start|ende|sitzung|woche|wochen)")
    if cue.startswith("schloss"):             # "Der Dax schloss", not "beschloss" or "abgeschlossenen Verträge"
        return rf"(?<![a-zäöüß]){re.escape(cue)}"
    if cue.startswith("kurs"):                # a share's price, not a bankruptcy or a course taken: "Firmenkonkurse",
        return _NOT_A_COURSE + re.escape(cue)  # "Diskurs", "Sparkurs", "auf Wachstumskurs"
    return re.escape(cue) if len(cue) > 3 else rf"(?<![\wäöüß]){re.escape(cue)}(?![a-zäöüß])"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str          # canonical name (gazetteer) or the name as written
    type: str          # company, fund, index, currency, or "organisation" when found by pattern


class Attributor:
    """Attribution rules compiled from a gazetteer and a language's vocabulary."""

    def __init__(self, gazetteer: dict[str, tuple[str, str]] | None = None, lang: str = "de"):
        self.gazetteer = read_gazetteer() if gazetteer is None else gazetteer
        self._seen: dict[str, list[Mention]] = {}   # sentence -> mentions: each sentence is asked often
        a = vocabulary(lang)["attribute"]
        # organisations: explore.orgs (gazetteer and patterns; without the model and the index list,
        # as before; the attribution switches to explore.orgs.organisations itself)
        self.recognizer = Recognizer(self.gazetteer, lang, indices=False)
        m = a["measures"]
        self.spending = tuple(m["spending"])
        self.measures = [(k, re.compile("|".join(v), re.I)) for k, v in m.items() if k != "spending"]
        st = a["stock"]
        # (a short index name is a word of its own: "SMI", "Dax-Titel", not the "smi" of "Wohnungsmieten")
        self.re_stock = re.compile("|".join(market_cue(c) for c in st["cues"]), re.I)
        self.re_business = re.compile("|".join(map(re.escape, st["business"])), re.I)
        p = dict(a["periods"])
        self.duration_codes = p.pop("duration_codes")
        self.periods = [(re.compile(k, re.I), v) for k, v in p.items()]
        self.regions = sorted(a["regions"].items(), key=lambda kv: -len(kv[0]))
        self.re_region = re.compile(r"(?<![\wäöüß])(?P<r>" + "|".join(re.escape(k) for k, _ in self.regions) + ")",
                                    re.I)
        t = a["topics"]
        self.re_adoption = re.compile("|".join(map(re.escape, sorted(t["adoption"], key=len, reverse=True))), re.I)
        self.re_timeframe = re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, t["timeframe"])) + ")", re.I)
        self.conversion_words = tuple(t["conversion"])

    # --- organisations -----------------------------------------------------------------------
    def entities(self, text: str) -> list[Mention]:
        """Organisations named in a text, in order: gazetteer names first, then names by pattern."""
        hit = self._seen.get(text)
        if hit is None:
            if len(self._seen) > 50_000:          # the sentences of one table build, not of all time
                self._seen.clear()
            hit = self._seen[text] = self._entities(text)
        return hit

    def _entities(self, text: str) -> list[Mention]:
        legal = self.recognizer.re_legal_end
        return [Mention(o.start, o.start + len(legal.sub("", o.text)), o.name,
                        "organisation" if o.source == "pattern" else o.type)
                for o in self.recognizer.find(text, model=False)]

    def entity_near(self, sentence: str, pos: int, end: int) -> Mention | None:
        """The organisation a figure at sentence[pos:end] belongs to: the nearest one before it in its
        clause, else the nearest before it in the sentence, else the first after it."""
        ms = self.entities(sentence)
        if not ms:
            return None
        cs = clause_start(sentence, pos)
        before = [m for m in ms if m.end <= pos]
        in_clause = [m for m in before if m.start >= cs]
        if in_clause:
            return in_clause[-1]
        if before:
            return before[-1]
        after = [m for m in ms if m.start >= end]
        return after[0] if after else None

    # --- what is measured ----------------------------------------------------------------------
    def measure(self, sentence: str, pos: int, end: int) -> str:
        """budget, campaign, investment, funding, revenue, profit, loss, price, valuation or other:
        the measure word nearest to the amount in its clause (then in the sentence)."""
        for a, b in ((clause_start(sentence, pos), clause_end(sentence, end)), (0, len(sentence))):
            best, dist = None, None
            for name, rx in self.measures:
                for m in rx.finditer(sentence, a, b):
                    d = pos - m.end() if m.end() <= pos else m.start() - end
                    if d < 0:
                        continue
                    if dist is None or d < dist:
                        best, dist = name, d
            if best:
                return best
        return "other"

    def is_spending(self, measure: str) -> bool:
        return measure in self.spending

    def is_stock_move(self, sentence: str, pos: int, end: int) -> bool:
        """A rising/falling percentage is a stock move when a market word is nearer than a business one."""
        a, b = clause_start(sentence, pos), clause_end(sentence, end)

        def nearest(rx, lo, hi):
            ds = [pos - m.end() if m.end() <= pos else m.start() - end for m in rx.finditer(sentence, lo, hi)]
            ds = [d for d in ds if d >= 0]
            return min(ds) if ds else None

        for lo, hi in ((a, b), (0, len(sentence))):
            s, bz = nearest(self.re_stock, lo, hi), nearest(self.re_business, lo, hi)
            if s is not None and (bz is None or s < bz):
                return True
            if bz is not None:
                return False
        return False

    def period(self, clause: str, durations: list[tuple[float, str]]) -> str | None:
        """A period code (7d, 12m, ytd, after-hours, ...) from a clause and the durations stated in it."""
        if durations:
            value, unit = durations[-1]
            code = self.duration_codes.get(unit)
            if code:
                return f"{value:g}{code}"
        for rx, code in self.periods:
            if rx.search(clause):
                return code
        return None

    def region(self, text: str | None) -> str | None:
        """The first region a text names ("Chinesische Adoptionsrate" -> China)."""
        if not text:
            return None
        m = self.re_region.search(text)
        if not m:
            return None
        low = m.group("r").lower()
        return next(r for k, r in self.regions if k == low)

    def is_adoption(self, text: str) -> bool:
        return bool(self.re_adoption.search(text))

    def is_timeframe(self, text: str) -> bool:
        return bool(self.re_timeframe.search(text))


_PER_SHARE = re.compile(r"(?i)(?<![\wäöüß])(?:je|pro)\s+(?:stamm|vorzugs)?(?:aktie|anteilsschein)(?![\wäöüß])")


def blank_per_share(sentence: str, pos: int, end: int) -> str:
    """The sentence with "je Aktie", "pro Aktie" blanked in the clause of the figure at pos:end: a per-share
    figure (a dividend, earnings) is the company's, its share word is no sign of a market move.

    >>> blank_per_share("Die Dividende steigt auf 24 Euro je Aktie.", 25, 32)
    'Die Dividende steigt auf 24 Euro         .'
    """
    a, b = clause_start(sentence, pos), clause_end(sentence, end)
    return sentence[:a] + _PER_SHARE.sub(lambda m: " " * len(m.group()), sentence[a:b]) + sentence[b:]


# a pronoun as the subject of a figure's clause: "Nominal sank er um 1,2 Prozent", "Sie lagen bei", "Im Vorjahr waren
# es 36,2 Millionen" ("es" only with a form of "sein": "gibt es" is no pronoun of a noun)
_PRONOUN_SUBJECT = re.compile(r"(?:^|\s)(?P<p>[Ee]r|[Ss]ie)\s|(?<![\wäöüß])(?:(?:waren|sind|war|ist)\s+(?P<e>es)|"
                              r"(?P<E>[Ee]s)\s+(?:waren|sind|war|ist))(?![\wäöüß])")
# a noun with its article: "der Umsatz", "die organischen Erlöse", "das bereinigte Ergebnis"
_NOUN_PHRASE = re.compile(r"(?<![\wäöüß])(?P<d>[Dd]er|[Dd]ie|[Dd]as)\s+(?:[a-zäöüß][\wäöüß-]*\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*")
_GENDER = {"er": "der", "sie": "die"}


def antecedents(before: str, sentence: str, pos: int) -> list[str]:
    """The noun phrases of the sentence ``before`` (nearest first) that a pronoun subject of the clause of ``pos``
    may stand for: of its gender ("er": "der Umsatz"; "sie": "die Marge", "die Erlöse"), any for "es"
    ("Im Vorjahr waren es 36,2 Millionen"); none without such a pronoun. The caller keeps the first that
    names what it looks for (a measure).

    >>> antecedents("Der Umsatz stieg um 3 Prozent.", "Nominal sank er auf 21 Milliarden Euro.", 28)
    ['Der Umsatz']
    """
    m = _PRONOUN_SUBJECT.search(sentence, clause_start(sentence, pos), pos)
    if m is None:
        return []
    want = _GENDER.get((m.group("p") or "").lower())
    return [x.group() for x in _NOUN_PHRASE.finditer(before) if want is None or x.group("d").lower() == want]


def clause_start(sentence: str, pos: int, strict: bool = False) -> int:
    """Where the clause of ``pos`` starts; a closed parenthesis before it does not end the clause
    ("General Motors (GM) gaben um 2,9 % nach": the clause starts at "General") unless ``strict``."""
    start, opened = 0, []
    for m in _CLAUSE.finditer(sentence, 0, pos):
        if m.group() == "(":
            opened.append(start if sentence[start:m.start()].strip(" |") else None)   # not "(PM) Der PPVX"
        back = opened.pop() if m.group() == ")" and opened else None
        start = back if back is not None and not strict else m.end()
    return start


def clause_end(sentence: str, end: int) -> int:
    m = _CLAUSE.search(sentence, end)
    return m.start() if m else len(sentence)


@functools.cache
def attributor(gazetteer: tuple[str, ...] = ()) -> Attributor:
    """A shared Attributor for the default gazetteer plus any extra gazetteer CSV files."""
    paths = (DEFAULT_GAZETTEER,) + tuple(gazetteer)
    return Attributor(read_gazetteer(*paths))
