"""For which period: stock-move periods, as-of dates and fiscal periods from market language.

A stock move's period (TABLES.md: 1d, intraday, after-hours, wtd, 7d, ytd, 12m, other) comes from
the words of its clause ("seit Jahresbeginn" = ytd, "zuletzt" = intraday, "schloss" = 1d), a
duration in the clause ("auf 7 Tage" = 7d), then its sentence, then a time of day the sentence
before names ("Am Nachmittag ..."); a same-day report without such words is 1d. Its as-of date
is the publication date unless the sentence names another day ("am Mittwoch", a date). An
ordinal period ("im dritten Quartal", "im ersten Halbjahr 2024") sets the fiscal period of the
amounts it governs. Vocabulary: ``explore/lang/de/attribution.toml`` ([periods], [as_of], [fiscal]).

>>> p = periods()
>>> p.move_period("Seit Jahresbeginn haben die Papiere 12 Prozent verloren.")
('ytd', 'Seit Jahresbeginn')
>>> p.move_period("Die Aktie notierte zuletzt 2 Prozent höher.")
('intraday', 'zuletzt')
>>> p.fiscal("Der Umsatz stieg im ersten Halbjahr 2024 auf 3 Mrd. Euro.", 40)
('H1 2024', 'im ersten Halbjahr 2024')
>>> p.as_of("Am Mittwoch hatte die Aktie 1,4 Prozent verloren.", "2025-06-06")
'2025-06-04'
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from .owner import vocab


# a superlative with its noun before a period phrase: "den tiefsten Stand seit 2016", "den schwächsten Handelstag seit Jahren"
_SUPERLATIVE_BEFORE = re.compile(r"(?<![\wäöüß])(?:den|dem|der|das|die|des)\s+[a-zäöüß]{2,}st(?:e|en|em|er|es)\s+"
                                 r"[A-ZÄÖÜ][\wäöüß-]*\s+$")


# the words of a close ("schloss", "zum Handelsschluss", "im regulären Handel"), not of a day before ("am Vortag", "gestern")
_CLOSE = re.compile(r"(?i)schl(?:o|u)ss|handelsende|regulären handel|beendete|aus dem handel|am ende des")


class Periods:
    def __init__(self, lang: str = "de"):
        v = vocab(lang)
        p = dict(v["periods"])
        self.neighbour_codes = set(p.pop("neighbour_codes"))
        self.recency = set(p.pop("recency"))
        self.vague = set(p.pop("vague_times"))
        self.momentary = set(p.pop("momentary_times"))
        self.not_report = set(p.pop("not_report_times"))
        self.re_news = re.compile(r"(?<![\wäöüß])(?:" + "|".join(p.pop("news_nouns")) + r")(?![\wäöüß])", re.I)
        self.re_weekday_cue = re.compile(r"(?<![\wäöüß])" + p.pop("weekday") + r"(?![\wäöüß])", re.I)
        self.duration_codes = p.pop("duration_codes")
        self.default = p.pop("default")
        self.re_present = re.compile("|".join(p.pop("present_moves")))
        self.re_move = re.compile(r"(?<![\wäöüß])(?:" + "|".join(v["stock"]["move_words"] + [self.re_present.pattern])
                                  + r")(?![\wäöüß])")
        # longest phrases first, so "im nachbörslichen" beats "im"
        pairs = [(rx, code) for code, rxs in p.items() for rx in rxs]
        # a space in a phrase matches any run of white space ("in der   ersten Handelswoche", a line break)
        self.rx = [(re.compile(r"(?<![\wäöüß])(?:" + rx.replace(" ", r"\s+") + r")(?![\wäöüß])", re.I), code)
                   for rx, code in pairs]
        a = v["as_of"]
        self.weekdays = a["weekdays"]
        self.re_weekday = re.compile(r"(?<![\wäöüß])(?:am|vom|seit)\s+(?P<d>" + "|".join(self.weekdays) + r")",
                                     re.I)
        self.re_yesterday = re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, a["yesterday"])) + r")(?![\wäöüß])",
                                       re.I)
        f = v["fiscal"]
        self.ordinals = f["ordinals"]
        self.quarter_word = f["quarter"]
        ords = "|".join(sorted(map(re.escape, self.ordinals), key=len, reverse=True))
        years = "|".join(map(re.escape, f["year_words"]))
        prefixes = "|".join(map(re.escape, f["period_prefixes"]))          # "Geschäftsquartal"
        self.re_fiscal = re.compile(
            rf"(?<![\wäöüß])(?:im|in\s+(?:dem|den)|des|für\s+das|das|dem|vom|seit\s+dem)?\s*(?:(?P<o>{ords})\s*"
            rf"(?P<k>(?:{prefixes})?(?:{f['quarter']}|{f['half']}))|(?P<y>{years}))(?:es|s)?\s*(?P<yr>(?:19|20)\d\d(?:/\d\d)?)?"
            rf"(?![\wäöüß])", re.I)
        self.re_quarter_code = re.compile(r"(?<![\w])(?P<k>Q[1-4]|H[12])(?:\s*/?\s*(?P<yr>(?:19|20)?\d\d))?(?![\w])")
        self.re_prior = re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, f["prior"])) + r")", re.I)

    # ------------------------------------------------------------- stock moves
    def move_period(self, text: str, durations: list[tuple[float, str]] = (), near: int | None = None
                    ) -> tuple[str, str] | None:
        """(code, words) of the period phrase in text nearest to offset ``near`` (else the first one);
        a duration figure counts first."""
        for value, unit in durations:
            code = self.duration_codes.get(unit)
            if code:
                if unit == "day" and value == 1:
                    return "1d", f"{value:g} {unit}"
                if (unit, value) in (("month", 12), ("year", 1)):
                    return "12m", f"{value:g} {unit}"
                if (unit, value) in (("day", 7), ("week", 1)) or (unit, value) == ("day", 5) and _TRADING_DAYS.search(text):
                    return "7d", f"{value:g} {unit}"      # (five trading days are a week: "auf Sicht von fünf Handelstagen")
                return "other", f"{value:g} {unit}"
        best = None
        for rx, code in self.rx:
            for m in rx.finditer(text):
                if _SUPERLATIVE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                    continue                # "den schwächsten Handelstag seit Jahren": a comparison, not the span
                d = abs(m.start() - near) if near is not None else m.start()
                if best is None or (d, -(m.end() - m.start())) < (best[0], -(best[2] - best[1])):
                    best = (d, m.start(), m.end(), code)
        return (best[3], text[best[1]:best[2]]) if best else None

    def stock_period(self, clause: str, sentence: str, previous: str | list[str] | None,
                     durations: list[tuple[float, str]] = (), pos: int | None = None,
                     context: str | None = None, header: str | None = None,
                     whole: str | None = None) -> tuple[str, str | None]:
        """The period of a move: the phrase nearest to it in its clause, then a weekday in its clause
        ("allein am Freitag zog die Aktie ... an": 1d, unless the report is one during trading and the
        clause not in the past perfect), then its sentence, then the
        heading of the list or section it stands under (``header``: "Die Gewinner der Woche:"), then a
        time of day the sentence before names (``previous``: that sentence, or the sentences before in the
        paragraph, nearest first: back over moves told without a period), then the time of the whole report (``context``:
        "intraday" for a report during trading), then a weekday ("am Freitag": 1d), then (in a text that
        names no time at all) a verb in the present tense (intraday), else 1d. A time of day in another
        clause of the ``whole`` sentence counts before the sentence before ("notierte der Dow Jones zum
        Handelsschluss in Europa 0,3 Prozent fester, die Nasdaq 100 gab 0,5 Prozent ab")."""
        got = self.move_period(clause, durations)
        m = self.re_weekday_cue.search(clause)
        if m and not got and (context not in self.neighbour_codes or _pluperfect(clause) or _PAST_PERFECT.search(clause)):
            return "1d", m.group()                # "allein am Freitag zog die Aktie um 2,2 Prozent an" (not
            # today's weekday in a report during trading; but "nachdem er am Mittwoch gefallen war")
        told = sentence[:pos] if pos is not None else ""        # (before the move, not "..., nachdem X am Montag
        if not got and context in self.neighbour_codes and (m := self.re_weekday_cue.search(told)) \
                and (_pluperfect(told) or _PAST_PERFECT.search(told)):       # Zahlen vorgelegt hatte")
            return "1d", m.group()                # "Die Konkurrenz hatte schon am Dienstag geschwächelt: Oracle und
            #                                       Salesforce verloren 1,1 beziehungsweise 2,3 Prozent": that day's close
        got = got or self.move_period(_earlier_clauses_blanked(sentence, pos), (), pos)
        if got:
            return got
        got = self.move_period(header) if header else None
        if got and got[0] == "after-hours" and self.re_news.search(header):
            got = None                        # the time of the news, not of its moves (see report_time)
        if got:
            m = self.re_weekday_cue.search(sentence)
            return ("1d", m.group()) if m else got  # "allein am Freitag zog die Aktie um 2,2 Prozent an"
        before = [previous] if isinstance(previous, str) else list(previous or ())
        # a move in the past perfect is of an earlier time ("In Hongkong hatten Alibaba zuvor 0,7 Prozent zugelegt"),
        # and so is the time of a sentence in the past perfect before ("Im Handelsverlauf hatten sie zeitweise ...")
        earlier = _pluperfect(clause) or bool(_PAST_PERFECT.search(clause))
        skipped = 0
        for i, near in enumerate([whole] + before):
            got = self.move_period(near) if near else None
            if got and (earlier or _in_past_perfect(near, got[1])):
                got = None    # (also another clause's: "..., zeitweise hatten sie sogar um 8 Prozent im Plus gelegen")
            if got and got[0] in self.neighbour_codes and not (context == "1d" and got[1].lower() in self.recency) \
                    and got[1].lower() not in self.momentary:
                return got    # (not the peak of the move before: "In der Spitze hatte er 0,35% zugelegt. Der SPI gab
                #               um 0,14% nach" at the close)
            move_before = bool(i and _PERCENT.search(near) and self.re_move.search(near) and not _pluperfect(near)
                               and not _PAST_PERFECT.search(near))
            if move_before and got and got[0] == self.default and _CLOSE.search(got[1]) and context != "wtd":
                return got        # the close of the move before: "Der Dow Jones schloss 0,1 Prozent tiefer. Der Nasdaq
                #                   100 gewann 0,5 Prozent" (not in a report after hours: both at the close; in a
                #                   weekly review a list after the index's close is the week's)
            day = self.re_weekday_cue.search(near) if move_before and not got and context not in self.neighbour_codes else None
            if day:
                return "1d", day.group()     # the day of the move before, in a weekly review: "Mitsubishi UFJ gewannen
                #                              am Freitag 3,1 Prozent. Toyota rückten um 1,4 Prozent vor"
            if i and skipped < 3 and context is None and (not got and (not _PERCENT.search(near) or _pluperfect(near)
                                                                       or _PAST_PERFECT.search(near))
                                                          or got and got[0] in _LONG_PERIODS):
                skipped += 1
                continue  # in a story that is no market report, over a sentence with no figure and no time ("Die
                #           Bank senkte ihr Kursziel für die Papiere von 64 auf 58 Euro."), one of an earlier time
                #           ("Im frühen Handel war sie zeitweise um 2,3 Prozent gefallen") or of a long span ("Binnen
                #           zwölf Monaten haben sie damit 30 Prozent verloren"): the scene of the moves goes on
            if i and (got or not (_PERCENT.search(near) and self.re_move.search(near)) or _pluperfect(near)
                      or _PAST_PERFECT.search(near)):
                break     # back over moves told without a period only ("bis zur Mittagspause um 4,6 Prozent. In Shenzhen
                #           verloren die A-Aktien 3,8 Prozent. Der Hang Seng gab 0,4 Prozent nach": all three at midday)
        m = self.re_weekday_cue.search(sentence) if context == "wtd" else None
        if m:
            return "1d", m.group()                # "Am Freitag selbst standen die Aktien von X im Fokus, die um ..."
        if context in self.neighbour_codes or context in ("wtd", "other"):
            return context, None                  # a report during trading, after hours, of the week or the month
        m = self.re_weekday_cue.search(sentence)
        if m:
            return "1d", m.group()
        verbs = (list(self.re_move.finditer(clause)) or [m for m in self.re_move.finditer(sentence, 0, pos or 0)]
                 if context is None else [])          # a list item without a verb: the verb before it
        m = min(verbs, key=lambda m: abs(m.start() - pos) if pos is not None else 0) if verbs else None
        if m and self.re_present.fullmatch(m.group()):
            return "intraday", m.group()    # no time word anywhere: a move told in the present is told live
        return self.default, None

    def report_time(self, text: str, index: re.Pattern | None = None, lead: bool = False) -> str | None:
        """When a report was written, from its title and lead: the code of the first phrase of a time of
        day (intraday, after-hours) or of the close (1d), not counting a sentence in the past perfect
        ("Zeitweise hatte das Minus bei 21 Prozent gelegen"). With ``index`` (a pattern of index names),
        for text after the lead: only a sentence on an index, and a time of day, not "zuletzt"
        ("Der Dax notierte am späten Nachmittag 0,4 Prozent höher"); with ``lead`` too (``text`` is the
        title and lead): every sentence, but a share's after-hours ("Nvidia nachbörslich gefragt" in a
        title) only when no sentence on an index gives a time after it ("Der Dow Jones gab zum
        Handelsschluss ... nach": a close report) and no sentence after it tells of a weekday ("am Dienstag").
        A weekly review is "wtd" (the caller)."""
        times = self.neighbour_codes | {self.default}
        weak = None
        for sentence in _SENTENCE_END.split(text):
            sentence = _REPORTED.sub(" ", sentence)       # "..., wie der Konzern nach Handelsschluss mitteilte"
            # "Am Nachmittag notierte der Leitindex 0,6 Prozent höher, nachdem er am Vormittag gefallen war"
            sentence = _AFTER_CLAUSE.sub(" ", sentence)
            on_index = index is not None and bool(index.search(sentence))
            if _pluperfect(sentence) or _PAST_PERFECT.search(sentence) or index is not None and not lead and not on_index:
                continue
            found = [(m.start(), code) for rx, code in self.rx if code in times for m in [rx.search(sentence)]
                     if m and (words := re.sub(r"\s+", " ", m.group().lower())) not in self.not_report
                     and not (index is not None and not lead and words in self.vague)]
            if found and min(found)[1] == "after-hours" and self.re_news.search(sentence):
                continue    # "Die Unternehmensnachrichten vom Freitag (nach Börsenschluss):" when the news came, the
                #             moves told in it are the day's (but "Unternehmensnachrichten vom Donnerstagvormittag")
            if found:
                code = min(found)[1]
                if not (lead and code == "after-hours" and not on_index):
                    return code
                weak = weak or code           # one share's after hours: the report's unless an index's time follows
            elif weak and self.re_weekday_cue.search(sentence):
                return self.default           # or a day the lead tells of: "Chinesische Aktien haben am Dienstag ...
                #                               kräftig zugelegt" under "..., JD.com nachbörslich erholt"
        return weak

    def as_of(self, sentence: str, published: str | None, dates: list[str] = ()) -> str | None:
        """The day a move is reported for: a full date in the sentence, a weekday ("am Mittwoch":
        the last one on or before publication), "gestern", else the publication date."""
        if dates:
            return dates[0]
        if not published:
            return None
        day = dt.date.fromisoformat(published[:10])
        m = self.re_weekday.search(sentence)
        if m:
            want = self.weekdays.index(m.group("d").lower())
            return (day - dt.timedelta(days=(day.weekday() - want) % 7)).isoformat()
        if self.re_yesterday.search(sentence):
            back = 3 if day.weekday() == 0 else 1
            return (day - dt.timedelta(days=back)).isoformat()
        return published

    # ------------------------------------------------------------- fiscal periods of amounts
    def fiscal(self, sentence: str, pos: int, prior: bool = True) -> tuple[str, str] | None:
        """(period, words) of the ordinal period that governs the amount at sentence[pos]: the
        nearest in its sentence ("im dritten Quartal" = Q3, "im ersten Halbjahr 2024" = H1 2024,
        "im Geschäftsjahr 2023" = FY 2023, "im Vorjahr" = prior year unless not ``prior``)."""
        cands = []
        for m in self.re_fiscal.finditer(sentence):
            yr = m.group("yr")
            if m.group("o"):
                n = self.ordinals[m.group("o").lower()]
                code = ("Q" if self.quarter_word in m.group("k").lower() else "H") + str(n)
            elif yr:
                code = "FY"
            else:
                continue
            code = f"{code} {yr}" if yr else code
            cands.append((m.start(), m.end(), code))
        for m in self.re_quarter_code.finditer(sentence):
            yr = m.group("yr")
            cands.append((m.start(), m.end(), m.group("k") + (f" {yr if len(yr) == 4 else '20' + yr}" if yr else "")))
        for m in self.re_prior.finditer(sentence) if prior else ():
            cands.append((m.start(), m.end(), "prior year"))
        if not cands:
            return None
        a, b, code = min(cands, key=lambda c: (abs(c[0] - pos), c[0]))
        return code, sentence[a:b].strip()


# a completed earlier day: the past perfect of a move ("gefallen war", "zugelegt hatte")
_AUX_PAST = re.compile(r"(?<![\wäöüß])(?P<w>[\wäöüß]+)\s+(?:war|waren|hatte|hatten)(?![\wäöüß])")


# the past perfect in main-clause order: "Zeitweise hatte das Minus bei 21 Prozent gelegen"
_PAST_PERFECT = re.compile(r"(?<![\wäöüß])(?:hatte|hatten|war|waren)(?![\wäöüß])(?:[^.;]|(?<=\d)\.(?=\d))*?(?<![\wäöüß])(?:(?:zu|ab|an|nach|ein|auf|"
                           r"vor|zurück)?ge[a-zäöüß]+(?:en|t)|[a-zäöüß]{3,}iert|verloren|verbessert|verteuert|"
                           r"verbilligt|erholt)(?![\wäöüß])")
_REPORTED = re.compile(r"(?i)(?<![\wäöüß])wie\s+[^,.;]{0,120}?(?:mitteilte|mitgeteilt|berichtete|bekanntgab|bekannt\s+gab|"
                       r"meldete|erklärte|ankündigte|mitteilten|meldeten)(?![\wäöüß])")
# a clause of what happened before ("nachdem er am Vormittag zeitweise gefallen war"): not the report's time
_AFTER_CLAUSE = re.compile(r"(?i)(?<![\wäöüß])nachdem\s(?:[^,;]|,(?=\d))*,?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])|\n+")


_PERCENT = re.compile(r"\d\s*(?:%|Prozent)")


def _earlier_clauses_blanked(sentence: str, pos: int | None) -> str:
    """The sentence with a clause of what happened before blanked (offsets kept), unless it holds the move at
    ``pos``: "Die Aktien sprangen um 7,4 Prozent, nachdem das Unternehmen am Morgen seine Ziele angehoben hatte"
    (the news came in the morning; the move is the day's)."""
    def blank(m: re.Match) -> str:
        inside = pos is not None and m.start() <= pos < m.end()
        earlier = _pluperfect(m.group()) or bool(_PAST_PERFECT.search(m.group()))
        return m.group() if inside or not earlier else " " * len(m.group())
    return _AFTER_CLAUSE.sub(blank, sentence)


def _in_past_perfect(sentence: str, words: str) -> bool:
    """Is the part of ``sentence`` (between semicolons) that holds ``words`` in the past perfect?"""
    at = sentence.find(words)
    a, b = sentence.rfind(";", 0, max(at, 0)) + 1, sentence.find(";", max(at, 0))
    part = sentence[a:b if b >= 0 else len(sentence)]
    return _pluperfect(part) or bool(_PAST_PERFECT.search(part))


_TRADING_DAYS = re.compile(r"(?i)handelstag")
_LONG_PERIODS = frozenset({"ytd", "12m", "7d", "other"})


def _pluperfect(clause: str) -> bool:
    """A participle ("gefallen", "zugelegt") before a past auxiliary: the past perfect."""
    return any("ge" in m.group("w")[:-2] for m in _AUX_PAST.finditer(clause))


@functools.cache
def periods(lang: str = "de") -> Periods:
    return Periods(lang)
