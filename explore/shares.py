"""Shares of a population from prose: who (group), does what (subject), how many (percent).

The rows ``explore.adoption()`` reads from sentences rather than tables: "41 Prozent der befragten
Unternehmen setzen bereits KI ein", "jeder dritte Haushalt", "zwei Drittel der Deutschen",
"Unter den Mittelständlern sind es 23 Prozent", "im Vorjahr waren es 18 Prozent". Fractions are
given in percent; a fraction restating a percent of the same sentence ("jeder Zweite (49
Prozent)") is linked to it (``restates``) rather than counted as a second fact. Stakes ("hält
39,9 Prozent an"), market shares, rates and changes are not shares. Vocabulary:
``explore/lang/de/shares.toml``.

>>> from explore.corpus import Article, Corpus
>>> from explore.views import adoption
>>> df = adoption(Corpus([Article("a", "Jeder dritte Haushalt besitzt ein E-Auto.")]))
>>> df[["group", "low", "subject"]].values.tolist()
[['Haushalt', 33.33, 'besitzt ein E-Auto']]
"""
from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from .attribute import clause_end, clause_start
from .article_orgs import _known_place

_WORD = re.compile(r"[\wäöüÄÖÜß][\w\-äöüÄÖÜß]*")
_PREPOSITIONS = {"in", "aus", "im", "mit", "für", "von", "vom", "bei", "an", "am", "zu", "zur", "zum", "nach", "über",
                 "unter", "ohne"}
_ARTICLES = r"(?:der|aller|von|unter|unter den|bei den|von den|unserer|ihrer|seiner|dieser|jener)"


@functools.cache
def vocab(lang: str = "de") -> dict:
    """The shares and changes vocabulary of a language (``explore/lang/<lang>/shares.toml``)."""
    try:
        data = resources.files("explore.lang").joinpath(lang, "shares.toml").read_bytes()
    except FileNotFoundError:
        raise ValueError(f"no shares vocabulary for language {lang!r} (explore/lang/{lang}/shares.toml)") from None
    return tomllib.loads(data.decode("utf-8"))


@functools.cache
def _rules(lang: str = "de") -> dict:
    v = vocab(lang)["shares"]

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return {
        "groups": tuple(sorted(v["groups"], key=len, reverse=True)),
        "not_groups": set(v["not_groups"]),
        "survey": re.compile(r"(?<![\wäöüß])(?:" + alt(v["survey_cues"]) + ")", re.I),
        "answer": re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:von ihnen\s+|davon\s+)?(?:" + alt(v["answer_verbs"]) + r")(?![\wäöüß])",
                             re.I),
        "answer_before": re.compile(r"(?<![\wäöüß])(?:" + alt(v["answer_verbs"]) + r")\s+(?:(?:nur|noch|rund|etwa|"
                                    r"knapp|fast|gut|mehr als|über|bereits|sogar)\s+)*$", re.I),
        "before": re.compile(r"(?<![\wäöüß])(?:" + alt(v["group_before"]) + r")\s+(?:(?:ca\.|rund|etwa|knapp|gut|"
                             r"über|mehr als)\s+)?(?:\d[\d.'’\u00a0\u202f]*\s+)?(?P<np>(?:[\w\-äöüß]+\s+){0,3}?"
                             r"(?-i:[A-ZÄÖÜ])[\w\-äöüß]*)", re.I),  # (with their count: "Von den rund 2.000 Firmen")
        "anteil": re.compile(r"(?<![\wäöüß])(?:anteil|quote|zahl)\s+(?:der|aller|an)\s+(?P<np>(?:[\w\-äöüß]+\s+){0,3}?"
                             r"[A-ZÄÖÜ][\w\-äöüß]*)", re.I),
        "continuation": re.compile(r"(?<![\wäöüß])(?:" + alt(v["continuation"]) + r")(?![\wäöüß])", re.I),
        "not_shares": re.compile(r"(?<![\wäöüß])(?:" + alt(v["not_shares"]) + ")", re.I),
        "earlier": re.compile(r"(?<![\wäöüß])(?:" + alt(v["earlier"]) + r")(?![\wäöüß])", re.I),
        "restate": re.compile(r"^[\s(,;:–-]*(?:(?:" + alt(v["restate_words"]) + r")[\s(,;:–-]*)*[\s(,;:–-]*$", re.I),
    }


def is_group(word: str, lang: str = "de") -> bool:
    """Does a noun name a population of people or organisations?

    >>> is_group("Industrieunternehmen"), is_group("Befragten"), is_group("Kosten"), is_group("Wiener")
    (True, True, False, True)
    """
    r = _rules(lang)
    w = word.lower()
    if w in r["not_groups"] or not w[:1].isalpha():
        return False
    return any(w.endswith(g) for g in r["groups"]) or inhabitants(word)


def inhabitants(word: str) -> bool:
    """The people of a place: "Berliner", "Wiener", "Zürcher" is not (its stem is no place name)."""
    from .orgs import lexicon
    return len(word) > 4 and word.endswith("er") and "T" in lexicon().classes(word[:-2])


# a preposition with its object before a group's attributes ("von CIM", "in der Schweiz")
_PP = r"(?i:von|vom|in|im|aus|bei|beim|mit|durch|nach)\s+(?:(?i:der|dem|den|die|das)\s+)?[A-ZÄÖÜ][\w\-äöüß]*\s+"


def head_noun(np: str) -> str | None:
    """The first capitalised word of a noun phrase that is not the object of a preposition:
    "der in Deutschland ansässigen Unternehmen" -> "in Deutschland ansässigen Unternehmen" -> Unternehmen.

    >>> head_noun("befragten Unternehmen setzen"), head_noun("in Deutschland ansässigen Firmen")
    ('Unternehmen', 'Firmen')
    """
    prev = None
    for m in _WORD.finditer(np):
        w = re.sub(r"^\d+-", "", m.group())            # "74-Jährigen"
        if w[:1].isupper() and (prev or "").lower() not in _PREPOSITIONS:
            return w
        prev = w
    return None


def _group_after(sentence: str, e: int, bare: bool) -> tuple[str | None, int]:
    """The group right after a share ("der befragten Unternehmen"; bare: "Haushalt" after "jeder dritte").
    Returns (group, offset after it)."""
    paren = re.match(r"\s*\([^)]*\)", sentence[e:])       # "Knapp ein Drittel (32 Prozent) der Befragten"
    if paren:
        e += paren.end()
    rx = (r"\s*(?:" + _ARTICLES + r"\s+)?" if bare else r"\s*" + _ARTICLES + r"\s+")
    # (a count of the group: "der 2'050 Befragten"; a phrase of a preposition and a name before its
    # attributes: "der von CIM vermittelten Fachkräfte", "der in Deutschland ansässigen Unternehmen")
    m = re.match(rx + r"(?:\d[\d.'’\u00a0\u202f]*\s+)?(?P<np>(?:" + _PP + r")?(?:[\w\-äöüß]+\s+){0,3}?(?:\d+-)?"
                 r"[A-ZÄÖÜ][\w\-äöüß]*)", sentence[e:])
    if not m:
        return None, e
    head = head_noun(m.group("np"))
    if head and is_group(head):
        return head, e + m.end()
    return None, e


def _subject(sentence: str, after: int) -> str | None:
    """What the group does, as written: the rest of the clause (a relative clause when one follows),
    taking the next clause too when this one is only a verb ("gaben an, KI zu nutzen")."""
    paren = re.match(r"\s*\([^)]*\)", sentence[after:])
    if paren:                                # "jeder Zweite (49 Prozent) hat ...": past the restatement
        after += paren.end()
    s = sentence[after:]
    m = re.match(r"\s*,\s*(?:die|der|das|welche)\s+([^,;]+)", s)
    if m:
        return m.group(1).strip() or None
    end = clause_end(sentence, after) if after < len(sentence) else len(sentence)
    text = sentence[after:end].strip()
    if len(text.split()) < 3 and end < len(sentence):
        end2 = clause_end(sentence, end + 1)
        text = sentence[after:end2].strip()
    text = re.sub(r"^[)\s,]+", "", text).strip(" .;:!?")
    return text or None


def share_rows(ctx, at, articles: set[str] | None = None) -> list[dict]:
    """Share rows of the prose figures of a corpus context (``explore.views._Context``); ``articles``: of
    these articles only."""
    out: list[dict] = []
    for article, figs in ctx.by_article.items():
        if articles is not None and article not in articles:
            continue
        survey = is_survey(figs)
        by_sentence: dict[int, list[dict]] = {}
        for f in figs:
            if not f.get("in_table"):
                by_sentence.setdefault(f["sentence_start"], []).append(f)
        previous: list[dict] = []            # shares of the last sentences, for "waren es"
        for ss in sorted(by_sentence):
            cands = [f for f in by_sentence[ss] if _is_candidate(f)]
            found: dict[int, dict] = {}
            for f in cands:
                row = _share(ctx, at, f, survey, previous, [found[k] for k in sorted(found)])
                if row:
                    found[f["start"]] = row
            _link_restated(ctx, cands, found)
            rows = [found[k] for k in sorted(found)]
            out += rows
            if rows:
                previous = rows
            elif previous and ss - previous[-1]["_sentence_start"] > 600:
                previous = []
    return out


def is_survey(figs: list[dict]) -> bool:
    """An article's figures come from a survey: a sentence or the title names one ("Umfrage", "Befragten")."""
    r_ = _rules()
    return any(r_["survey"].search(f["sentence"]) for f in figs) or \
        bool(figs and figs[0].get("title") and r_["survey"].search(figs[0]["title"]))


def _is_candidate(f: dict) -> bool:
    return (f["kind"] == "percent" and f["unit"] == "%") or (f["kind"] == "ratio" and f["unit"] == "fraction")


def _value(f: dict) -> tuple[float | None, float | None]:
    lo, hi = f["low"], f["high"]
    if f["kind"] == "ratio":
        lo = None if lo is None else round(lo * 100, 2)
        hi = None if hi is None else round(hi * 100, 2)
    return lo, hi


def _share(ctx, at, f: dict, survey: bool, previous: list[dict], same: list[dict]) -> dict | None:
    r_ = _rules()
    s = f["sentence"]
    p, e = ctx.pos(f)
    majority = _MAJORITY.search(s, max(0, p - 60), p)
    if majority:                          # "Eine Mehrheit von 61 Prozent hält ...": the share is the subject
        p = majority.start()
    if f.get("direction") and re.search(r"(?i)(?:\bum|\bvon|plus|minus)\s+(?:\w+\s+)?$", s[max(0, p - 25):p]) \
            or re.search(r"(?i)\bum\s+(?:\w+\s+){0,2}$", s[max(0, p - 25):p]) \
            or re.match(r"\s+(?:mehr|weniger|höher|niedriger|teurer|billiger)\b", s[e:]):
        return None                       # "stieg um 5 Prozent", "um fast die Hälfte", "6 Prozent weniger als": a change
    cs, ce = clause_start(s, p), clause_end(s, e)
    clause = s[cs:ce]
    after = s[e:]
    if re.match(r"\s+(?:an|am)\s", after) or re.match(r"\s*(?:Prozentpunkte|Punkte)", after):
        return None                       # a stake ("39,9 Prozent an X")
    bare = f["kind"] == "ratio" and bool(re.match(r"(?i)(?:\w+\s+)?jede|\w+\s+von\s+\w+", f["text"]))
    group, gend = _group_after(s, e, bare)
    period = None
    subject = place = None
    how = "group"
    if group:
        subject = _subject(s, gend)
        verb = re.search(r"(?<![\wäöüß])([a-zäöüß]+)\s+(?:(?:rund|etwa|fast|knapp|gut|mehr als|über|nur|bereits)\s+)*$",
                         s[cs:p])
        if subject and verb and verb.group(1) not in ("der", "die", "das", "und", "oder", "von", "bei", "mit", "als"):
            subject = f"{verb.group(1)} {subject}"      # "setzen 41 Prozent der Unternehmen KI ein"
    elif bare and re.search(r"[Jj]ede[rsn]?\s+[A-ZÄÖÜ]", f["text"]):
        group = "Befragten" if survey else None       # "jeder Zweite": a nominalised ordinal counts people
        subject = _subject(s, e)
        how = "jeder"
    else:
        if re.match(r"\s+(?:der|aller)\s", _PAREN.sub("", after, 1)):
            return None                    # "drei Viertel der in Deutschland gebauten Autos": a share of things
        stake = r_["not_shares"].search(clause)
        if stake and _OPINION.search(clause) and not r_["not_shares"].search(_OPINION.sub(" ", clause)):
            stake = None                  # "Zwei Drittel halten die Krankschreibung für sinnvoll": a view
        if stake and same and stake.start() > e - cs and _verb_follows(_PAREN.sub("", after, 1)):
            stake = None                  # "Zwei Drittel der App-Anleger ..., 45 Prozent kaufen auch einzelne Aktien":
            #                               the share is the subject of its verb, the stake word what they do
        if stake or re.search(r"(?i)\b(?:um|von)\s+$", s[max(cs, p - 5):p]):
            return None
        m = [x for x in r_["before"].finditer(s, cs, p)] + [x for x in r_["anteil"].finditer(s, 0, p)]
        groups = [(x, head_noun(x.group("np"))) for x in m]
        groups = [(x, h) for x, h in groups if h and is_group(h)]
        if groups:
            x, group = max(groups, key=lambda t: t[0].end())
            subject = (_subject(s, e) if x.end() <= p else None) or _subject(s, x.end())    # (not the share itself)
            how = "group before"
        elif survey and not f.get("direction") and (wg := _group_with(s, cs, p, e)) is not None:
            group, subject = wg[0], wg[1] or _subject(s, e) or (same[-1]["subject"] if same else None)
            how = "with"                       # "Akademiker arbeiten mit 46 Prozent häufiger im Homeoffice wie
            #                                    Beschäftigte ohne Berufsabschluss (12 Prozent)", "als Männer mit 74 Prozent"
        elif (previous or same or survey) and not f.get("direction") and _RANKING.match(s) \
                and (ranked := _RANKED_ITEM.search(s, _before_paren(s, cs), p)) is not None:
            base = (same or previous or [{"group": "Befragten", "subject": None}])[-1]
            verb = base.get("_verb", (base["subject"] or "").split(" ", 1)[0])
            group, subject = base["group"], " ".join(filter(None, (verb, ranked.group("n"))))
            how = "ranking"                # "..., die 38 Prozent der Befragten nutzen. Es folgen DeepSeek mit 29 Prozent,
            #                                Qwen mit 21 Prozent", "Dahinter folgen Bargeld (44 Prozent)": the same
            #                                group (in a survey, the people asked), the next items of its ranking
        elif survey and not f.get("direction") and (top := _top_of_ranking(s, cs, ce, p, e)) is not None:
            base = (same or previous or [{"group": "Befragten"}])[-1]
            group, subject = base["group"], top
            how = "top of ranking"         # "Die Bankkarte bleibt mit 58 Prozent das beliebteste Zahlungsmittel",
            #                                "Für 67 Prozent ist Sicherheit am wichtigsten": an answer's share
        elif same and not re.search(r"(?i)\b(?:auf|bei)\s+(?:\w+\s+)?$", s[max(cs, p - 20):p]):
            group, subject = same[-1]["group"], _subject(s, e) or same[-1]["subject"]
            how = "list"                   # "41 Prozent der Firmen ..., 38 Prozent im Marketing"
        elif (previous or same) and re.match(r"\s*(?:von ihnen|davon)\b", after):
            group, subject = (same or previous)[-1]["group"], _subject(s, e)
            how = "of them"                # "82 Prozent aller Holländer ..., 72 Prozent von ihnen surfen"
        elif (previous or same) and (r_["continuation"].search(clause) or r_["earlier"].search(clause)) \
                and not r_["not_shares"].search(s) and not _changes(s, e):
            group, subject = (same or previous)[-1]["group"], (same or previous)[-1]["subject"]
            how = "continued"
        elif (item := _list_item(ctx, at, f, p, e, previous)) is not None:
            group, subject = item
            how = "list line"              # "Die beliebtesten Ziele der Reisewilligen:\nItalien: 31 Prozent"
        elif (previous or same) and not f.get("direction") and not r_["not_shares"].search(s) \
                and (where := _place_before(at, s, p)) and not _changes(s, e):
            base = (same or previous)[-1]
            group, subject, place = base["group"], base["subject"], where
            how = "place"                  # "... 84 Prozent der Bürger ... Am unteren Ende liegen Rumänien mit
            #                                27 Prozent", "Deutschland kommt auf 63 Prozent", "im Tessin bei 19 Prozent"
        elif bare and (gb := [h for h in map(head_noun, re.findall(r"[A-ZÄÖÜ][\w\-äöüß]*", s[:p])) if h and is_group(h)]):
            group, subject = gb[-1], _subject(s, e)
            how = "jeder"                  # "Österreichs Betriebe ... nur jeder vierte plant"
        elif survey and (r_["answer"].match(after) or r_["answer_before"].search(s[cs:p])
                         or not f.get("direction") and _finite_verb_before(s, cs, p) and not _share_moves(clause)):
            group, subject = "Befragten", _subject(s, e)
            how = "survey answer"              # "45 Prozent gaben an", "erwarten 38 Prozent eine ..."
        elif (zu := _group_of_zu(s, cs, p)) is not None:
            group, subject = zu, _subject(s, e)
            how = "zu"                         # "Die SPD-Wähler sind zu 77 Prozent dieser Ansicht"
        elif _verb_follows(_PAREN.sub("", after, 1)) and _opens_clause(s, cs, p) \
                and (survey or (near := _group_near(ctx, f, s, cs))):
            group, subject = ("Befragten" if survey else near), _subject(s, e)
            how = "subject"                    # "... der Mittelständler ... 78 Prozent fordern den Abbau"
        elif at.is_adoption(clause) and not f.get("direction"):
            how = "adoption word"
        else:
            return None
    if r_["earlier"].search(clause) or r_["earlier"].search(s[max(0, p - 25):p]):
        period = "Vorjahr"
    else:
        years = [x["date"] for x in ctx.same_sentence(f, ("date",)) if x.get("date") and len(x["date"]) == 4
                 and cs <= x["start"] - x["sentence_start"] < ce]
        period = years[0] if years else None
    low, high = _value(f)
    return {"article": f["article"], "publisher": f.get("publisher"), "published": f.get("published"),
            "title": f.get("title"), "text": f["text"], "start": f["start"], "end": f["end"],
            "sentence": s, "subject": subject, "group": group, "region": place or at.region(clause),
            "period": period, "low": low, "high": high, "unit": "%", "qualifier": f.get("qualifier"),
            "restates": None, "in_table": False, "_sentence_start": f["sentence_start"], "_how": how,
            "_kind": f["kind"], "_gend": gend if group and how == "group" else e,
            **({"_verb": verb} if how == "ranking" else {})}


def _share_moves(clause: str) -> bool:
    """Does the clause tell a move in market words ("die Rüstungswerte Hensoldt und Renk gaben 2,4 beziehungsweise
    3,0 Prozent nach")? Then its figures are no survey answers, though a survey is near."""
    return not _move_words().isdisjoint(re.findall(r"[a-zäöüß]+", clause.lower())) and bool(_MARKET_WORD.search(clause))


@functools.cache
def _move_words() -> frozenset:
    """The verbs and nouns of a stock move (the attribution vocabulary's, read once)."""
    from .owner import vocab as attribution     # (owner imports this module)
    st = attribution()["stock"]
    return frozenset(st["move_words"] + st["up_words"] + st["down_words"])


# a market's word or a move's separable particle: "Rüstungswerte", "Papiere", "... 3,0 Prozent nach"
_MARKET_WORD = re.compile(r"(?i)aktie|papier|titel|werte(?![\wäöüß])|kurs|börse|prozent\s+(?:nach|zu|ein|ab)(?![\wäöüß])")


def _changes(s: str, e: int) -> bool:
    """Is the figure the amount of a change, its verb right after it ("In Hongkong hatten Alibaba zuvor 0,7 Prozent
    zugelegt"), not a share?"""
    return bool(_CHANGED_AFTER.match(s, e))


_CHANGED_AFTER = re.compile(r"\s+(?:[a-zäöüß]+\s+)?(?:zugelegt|gewonnen|verloren|nachgegeben|eingebüßt|gestiegen|"
                            r"gefallen|gesunken|gewachsen|geschrumpft|zugenommen|abgenommen)(?![\wäöüß])")


# a sentence that goes on with a ranking ("Es folgen ...", "Dahinter liegen ...") and its items ("X mit 29 Prozent")
_RANKING = re.compile(r"(?i)\s*(?:es\s+folg(?:en|t)|dahinter(?:\s+(?:folg|lieg|rangier|land)\w*)?|danach\s+folg\w*|"
                      r"auf\s+(?:den\s+)?(?:plätzen|platz)\s+[^,.;]{1,30}?(?:folg|lieg|land|rangier)\w*)\s")
_RANKED_ITEM = re.compile(r"(?P<n>[A-ZÄÖÜ][\w&.\-äöüß]*(?:\s+(?:von\s+)?[A-ZÄÖÜ][\w&.\-äöüß]*){0,3})\s*(?:\s+mit\s|\()\s*"
                          r"(?:(?:rund|etwa|knapp|gut|fast|jeweils)\s+)?$")
# the top of a survey's ranking: a share "mit" beside a copula and a superlative or a rank ("X bleibt mit 58 Prozent
# das beliebteste Zahlungsmittel", "Mit 40 Prozent liegt X auf Platz eins"), or "für" a share and a copula ("Für 67
# Prozent ist Sicherheit am wichtigsten"); not a market share ("der größte Anbieter")
_RANK_WITH = re.compile(r"(?i)(?<![\wäöüß])mit\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|nur|jeweils)\s+)*$")
_RANK_FOR = re.compile(r"(?i)^\W*für\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|nur|jeweils)\s+)*$")
_COMES_INTO_QUESTION = re.compile(r"(?i)(?<![\wäöüß])(?:kommt|kommen|kam|kamen)\s+(?:[a-zäöüß]+\s+)?für\s+"
                                  r"(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|nur|jeweils)\s+)*$")
_COPULA = re.compile(r"(?<![\wäöüß])(?:ist|sind|war|waren|bleibt|bleiben|blieb|blieben|liegt|liegen|lag|lagen|landet|"
                     r"landen|landete|rangiert|rangieren|steht|stehen|stand|standen)(?![\wäöüß])")
_TOP_WORD = re.compile(r"(?<![\wäöüßA-ZÄÖÜ])(?:[a-zäöüß]{3,}ste[nrs]?|meist[a-zäöüß]+|am\s+[a-zäöüß]+sten|"
                       r"(?i:an\s+der\s+Spitze|auf\s+(?:Platz|Rang)\s+\w+|Spitzenreiter|vorn|vorne))(?![\wäöüß])")
_NOT_A_POPULATION = re.compile(r"(?i)anbieter|hersteller|marktführer|marktanteil|konzern|händler|unternehmen|"
                               r"marke|plattform|partei|land\b|länder|region")


def _before_paren(s: str, cs: int) -> int:
    """The start of the clause a parenthesis opens in, when a clause starts right inside one."""
    return clause_start(s, cs - 1) if s[:cs].rstrip().endswith("(") else cs


def _top_of_ranking(s: str, cs: int, ce: int, p: int, e: int) -> str | None:
    """What the people asked answered, when the share is the top of a ranking (see ``_RANK_WITH``)."""
    clause = s[cs:ce]
    if _NOT_A_POPULATION.search(clause) or re.match(r"\s*(?:der|des|aller)\s", s[e:]):
        return None
    if _COMES_INTO_QUESTION.search(s[cs:p]) and re.match(r"\s+(?:nicht\s+)?(?:infrage|in\s+Frage)(?![\wäöüß])", s[e:]):
        return re.sub(r"\s+", " ", clause).strip(" ,.;:")    # "Ein Plug-in-Hybrid kommt für 19 Prozent infrage"
    if not _COPULA.search(clause):
        return None
    if _RANK_FOR.search(s[cs:p]):
        return _subject(s, e)
    w = _RANK_WITH.search(s, cs, p)
    if not w or not _TOP_WORD.search(clause):
        return None
    return re.sub(r"\s+", " ", (s[cs:w.start()] + " " + s[e:ce]).strip(" ,.;:")) or None


# a line of a list: "- Dänemark: 95 Prozent", "• Phishing-Mails: 71 Prozent" (label, colon, the value alone)
_ITEM = re.compile(r"[ \t]*(?:[-–•*·][ \t]*)?(?P<label>[^:\n]{1,80}):[ \t]*(?P<value>[^\n]*)")


def _list_item(ctx, at, f: dict, p: int, e: int, previous: list[dict]) -> tuple[str, str | None] | None:
    """(group, subject) of a share alone on a list line under an introducing line that ends with a
    colon and names the population ("Wofür KI-nutzende Personalabteilungen die Technik einsetzen:") or
    follows shares ("Die Spitzenreiter:" after "84 Prozent der Bürger ..."); the label is what they do,
    or, when it is a place, where (what they do then as in the share before). At least two such lines."""
    text = (getattr(ctx, "texts", None) or {}).get(f["article"])
    s = f["sentence"]
    m = _ITEM.fullmatch(s.rstrip(" .;"))
    if text is None or not m or m.start("value") > p or s[m.start("value"):p].strip() or s[e:].strip(" .;"):
        return None
    lines, a = 0, f["sentence_start"]
    intro = None
    while a > 0 and lines < 200:                # back over the list's lines to the one that introduces it
        b = a - 1                               # (at most 200: a list's every line walks back, linear in the text)
        a = text.rfind("\n", 0, b) + 1
        line = text[a:b].strip()
        if not line:
            continue
        if _ITEM.fullmatch(line) and re.search(r"\d", line) and not line.endswith(":"):
            lines += 1
            continue
        intro = line
        break
    after = text[f["sentence_start"] + len(s):f["sentence_start"] + len(s) + 200].lstrip("\n").split("\n", 1)[0]
    if intro is None or not intro.endswith(":") or lines + bool(_ITEM.fullmatch(after.strip())) < 1:
        return None
    heads = [h for h in re.findall(r"[A-ZÄÖÜ][\w\-äöüß]*", intro) if is_group(h)
             and not h.rsplit("-", 1)[-1][:1].islower()]          # not an adjective: "KI-nutzende"
    group = heads[-1] if heads else previous[-1]["group"] if previous else None
    if group is None:
        return None
    label = m.group("label").strip()
    if previous and _known_place(label):
        return group, previous[-1]["subject"]
    return group, label


def _place_before(at, s: str, p: int) -> str | None:
    """A place named right before a share, a few short words between ("Rumänien mit", "das Saarland
    mit", "Deutschland kommt auf", "im Tessin bei", "Hamburg ("): where the share was measured."""
    m = re.search(r"([A-ZÄÖÜ][\w\-äöüß]*)\s*(?:\(\s*|(?:mit|bei|auf|(?:kommt|kam|kommen|liegt|lag|liegen|lagen)\s+"
                  r"(?:auf|bei))\s+)(?:(?:rund|etwa|knapp|gut|fast|nur|mehr als|über)\s+)?$", s[max(0, p - 45):p])
    if not m:
        return None
    word = m.group(1)
    return word if _known_place(word) or at.region(word) else None


def _group_of_zu(s: str, cs: int, p: int) -> str | None:
    """The group a share is of when it is given with "zu" ("Die Anhänger der X sprechen sich zu 67
    Prozent dafür aus"): the first population noun of the clause before it."""
    if not re.search(r"(?i)(?<![\wäöüß])(?<!bis )zu\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über)\s+)?$",
                     s[max(cs, p - 20):p]):
        return None                                  # not "bis zu 30 Prozent"
    heads = [w for w in re.findall(r"[A-ZÄÖÜ][\w\-äöüß]*", s[cs:p]) if is_group(w)]
    return heads[0] if heads else None


# "eine (knappe) Mehrheit von", "die Minderheit von" before a share: a part of the population, no change "von X auf Y"
_MAJORITY = re.compile(r"(?i)(?<![\wäöüß])(?:eine|die)\s+(?:(?:knappe|deutliche|große|klare|breite|satte|"
                       r"überwältigende|wachsende)\s+)?(?:Mehrheit|Minderheit)\s+von\s+(?:(?:rund|etwa|knapp|gut|fast|"
                       r"mehr als|über)\s+)?$")
# a restatement in parentheses right after a share: "Knapp die Hälfte (48 Prozent) fühlt sich ..."
_PAREN = re.compile(r"^\s*\([^)]*\)")
# "halten ... für": a view, not a stake held
_OPINION = re.compile(r"(?i)(?<![\wäöüß])(?:halten|hält|hielten|hielt)(?=\s[^,;]*\bfür\b)")


def _finite_verb_before(s: str, cs: int, p: int) -> bool:
    """A finite verb right before the share, the qualifiers skipped: the share is its subject
    ("In Ostdeutschland bevorzugen 51 Prozent das Bargeld", "Den Klimawandel nennen 49 Prozent")."""
    words = re.findall(r"[\wäöüß]+", s[cs:p])
    while words and words[-1].lower() in _QUALIFIERS | {"die", "hälfte", "drittel", "viertel"}:
        words.pop()
    if len(words) < 2 or not words[-1].islower():
        return False                                   # a verb in second place, after what opens the clause
    return _finite(words[-1])


def _verb_follows(after: str) -> bool:
    """A finite verb right after the share: the share is the subject ("45 Prozent bemängeln ...")."""
    m = re.match(r"\s*([a-zäöüß]+)\b", after)
    return bool(m) and _finite(m.group(1))


def _finite(word: str) -> bool:
    """A finite or infinitive form (a plural finite verb looks like one) among HanTa's likely readings,
    not a participle alone ("bei 2,4 Prozent gelegen", "auf 20 Prozent aufgestockt")."""
    from .owner import tag_word
    tags = tag_word(word)             # [("VV(FIN)", log p), ...], best first
    return any(("FIN" in t or "INF" in t) and t.startswith("V") and lp > tags[0][1] - 2 for t, lp in tags[:2])


_QUALIFIERS = {"rund", "etwa", "knapp", "gut", "fast", "mehr", "als", "über", "nur", "noch", "bis", "zu", "ca.",
               "nahezu", "beinahe", "weniger", "immerhin", "sogar", "einmal", "nicht", "bereits", "schon"}
_NOT_BEFORE_SUBJECT = {"um", "auf", "von", "bei", "mit", "bis", "zu", "über", "unter", "an", "in", "für", "gegen",
                       "seit", "denen", "deren", "vom", "beim", "zum", "zur", "im", "am"}


def _opens_clause(s: str, cs: int, p: int) -> bool:
    """Can the share be the subject: no preposition or relative "denen" before it in its clause,
    the qualifiers skipped ("um bis zu 70 Prozent", "auf rund 22 Prozent", "von denen knapp zwei Drittel")."""
    words = [w.lower() for w in re.findall(r"[\wäöüß.]+", s[cs:p])]
    while words and words[-1] in _QUALIFIERS - {"bis", "zu"}:
        words.pop()
    if len(words) >= 2 and words[-2:] == ["bis", "zu"]:
        words = words[:-2]
    return not words or words[-1] not in _NOT_BEFORE_SUBJECT


def _group_near(ctx, f: dict, s: str, cs: int) -> str | None:
    """The last population noun of the clause before the share or of the sentence before it."""
    heads = [w for w in re.findall(r"[A-ZÄÖÜ][\w\-äöüß]*", s[:cs]) if is_group(w)]
    if heads:
        return heads[-1]
    text = (getattr(ctx, "texts", None) or {}).get(f["article"])
    if text is None:
        return None
    a = f["sentence_start"]
    before = text[max(0, a - 300):a]
    before = re.split(r"[.!?]\s", before.rstrip()[:-1] if before.rstrip().endswith((".", "!", "?")) else before)[-1]
    heads = [w for w in re.findall(r"[A-ZÄÖÜ][\w\-äöüß]*", before) if is_group(w)]
    return heads[-1] if heads else None


_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w\-äöüß]*")
# a population noun that only measures another ("im Mittelstand mit 20 bis 99 Beschäftigten"): no group of its own
_COUNTED_BEFORE = re.compile(r"(?i)\bmit\s+(?:(?:mehr als|über|weniger als|bis zu)\s+)?[\d.,']+(?:\s+(?:bis|und)\s+[\d.,']+)?\s+$")
_WITH_SHARE = re.compile(r"(?:\bmit|\()\s+$|\($")


def _group_with(s: str, cs: int, p: int, e: int) -> tuple[str, str | None] | None:
    """The group a share stands with, in a survey: "Frauen nutzen E-Banking mit 61 Prozent seltener als Männer
    mit 74 Prozent", "wie Beschäftigte ohne Berufsabschluss (12 Prozent)": the last population noun of the clause
    before "mit" or the parenthesis; not a rate or an amount ("rechnen mit 3 Prozent Wachstum")."""
    w = _WITH_SHARE.search(s, max(0, cs - 2, p - 6), p)
    if not w or re.match(r"\s+[A-ZÄÖÜ]", s[e:]) or _rules()["not_shares"].search(s[cs:p]):
        return None
    if "(" in w.group():                    # the clause the parenthesis stands in
        cs = clause_start(s, max(0, w.start() - 1))
    heads = [m for m in _CAPITALISED.finditer(s, cs, w.start())
             if is_group(m.group()) and not _COUNTED_BEFORE.search(s, max(0, m.start() - 40), m.start())]
    if not heads:
        return None
    between = s[heads[-1].end():w.start()].strip(" ,") if "(" not in w.group() else ""   # what they do: "nutzen E-Banking"
    return heads[-1].group(), between if re.match(r"[a-zäöüß]", between) else None


def _link_restated(ctx, cands: list[dict], found: dict[int, dict]) -> None:
    """"jeder Zweite (49 Prozent)", "34 Prozent, also rund ein Drittel": the fraction restates the
    percent next to it; both become rows when either is a share, the fraction with ``restates``."""
    r_ = _rules()
    cands = sorted(cands, key=lambda f: f["start"])
    for a, b in zip(cands, cands[1:]):
        if {a["kind"], b["kind"]} != {"percent", "ratio"}:
            continue
        if a["start"] not in found and b["start"] not in found:
            continue
        a_end = found[a["start"]]["_gend"] if a["start"] in found else ctx.pos(a)[1]
        between = a["sentence"][a_end:ctx.pos(b)[0]]
        if len(between) > 30 or not r_["restate"].match(between):
            continue
        frac, pct = (a, b) if a["kind"] == "ratio" else (b, a)
        if abs(_value(frac)[0] - pct["low"]) > 7:
            continue
        base = found.get(pct["start"]) or found.get(frac["start"])
        for f in (pct, frac):
            if f["start"] not in found:
                low, high = _value(f)
                found[f["start"]] = {**base, "text": f["text"], "start": f["start"], "end": f["end"], "low": low,
                                     "high": high, "qualifier": f.get("qualifier"), "_kind": f["kind"]}
        for f in (pct, frac):
            row = found[f["start"]]
            row["group"] = row["group"] or base["group"]
            row["subject"] = row["subject"] or base["subject"]
        found[frac["start"]]["restates"] = pct["text"]
