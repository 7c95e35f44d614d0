"""Topic tables built on the figures: money, budgets, adoption, stock moves, timeframes, checks.

Every function takes ``source``: None (the ``seeds/`` folder), a folder or file path, a
``Corpus``, a figures DataFrame, or a figures Parquet dataset (``explore table figures
--engine dask -o DIR``); so a table can be rebuilt from Parquet without re-reading the texts.
Each returns a DataFrame validated against its schema in ``explore.schemas``.

>>> b = budgets("seeds")
>>> b.loc[b.entity == "Tencent", ["amount", "currency", "measure"]].values.tolist()
[[1000000000.0, 'CNY', 'budget']]
>>> m = stock_moves("seeds")
>>> m.loc[m.period == "7d", ["entity", "change_pct"]].values.tolist()
[['Alibaba', -5.08]]
"""
from __future__ import annotations

import datetime as dt
import bisect
import functools
import re
import weakref
from pathlib import Path

import numpy as np
import pandas as pd

from .attribute import Attributor, antecedents, attributor, blank_per_share, clause_end, clause_start
from .change_owners import _economy_article, _office
from .normalize import converter, signed
from .article_orgs import ArticleOrgs, reporting_company
from .owner import _ANALYST_OF, _BRACKET_BEFORE, _DETS, _common, _RATING, _RATING_NEAR, _demonym, Owner, _resolve, grammar, owner, sentences, tag_word, vocab
from .periods import periods
from .shares import inhabitants, vocab as shares_vocab
from .schemas import validate
from .stated_changes import _TO_AFTER, indicator_points, market_or_share
from .unwrap import unwrap

_FOR = re.compile(r"\bfür\s+(?:die|den|das|seine|ihre|eine[n]?|ein)?\s*(?P<p>[A-ZÄÖÜ][\w.-]*(?:\s[A-ZÄÖÜ][\w.-]*)?)")
_VON_AUF = re.compile(r"(?:^|\s)(?P<w>von|auf)\s+(?:\S+\s+)?$")


# --- sources -------------------------------------------------------------------------------------
def _figures(source) -> pd.DataFrame:
    """The figures of a source."""
    return _figures_and_texts(source)[0]


class WithTexts(tuple):
    """A figures frame with the texts of its articles: ``WithTexts((figs, {id: text}))``, the source
    the Dask engine's workers build each partition's tables from (the same rows as from the corpus)."""


def _figures_and_texts(source) -> tuple[pd.DataFrame, dict[str, str] | None]:
    """The figures of a source, and the article texts when the source has them (else None)."""
    from .columns import FIGURE_COLUMNS
    from .dataframes import figures
    from .records import as_corpus as _as_corpus
    if isinstance(source, WithTexts):
        return source[0], source[1]
    if isinstance(source, pd.DataFrame):
        missing = [c for c in ("article", "start", "end", "text", "kind", "sentence", "sentence_start")
                   if c not in source.columns]
        if missing:
            raise ValueError(f"not a figures table: lacks {', '.join(missing)}")
        return source.reindex(columns=list(FIGURE_COLUMNS)), None
    if isinstance(source, (str, Path)):
        from .engines import is_figures_dataset, read_figures
        if is_figures_dataset(source):
            return read_figures(source), None
    corpus = _as_corpus(source)
    return figures(corpus), {a.id: a.text for a in corpus}


def _py(v):
    """A pandas scalar as a plain Python value (NA -> None)."""
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v.item() if hasattr(v, "item") else v


def _records(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts of plain Python values, built column by column (a third of the time of
    ``to_dict("records")`` with a conversion per cell)."""
    names, columns = list(df.columns), []
    for name in names:
        column = df[name]
        values = column.tolist()
        if not (isinstance(column.dtype, np.dtype) and column.dtype.kind in "iub"):    # these have no gaps
            values = [_py(v) for v in values]
        columns.append(values)
    return [dict(zip(names, row)) for row in zip(*columns)]


def _provenance(r: dict) -> dict:
    return {k: r.get(k) for k in ("article", "publisher", "published", "title", "text", "start", "end",
                                  "sentence")}


class _Context:
    """Everything the rules need about the figures of one corpus: attribution with article context."""

    def __init__(self, figs: pd.DataFrame, at: Attributor, texts: dict[str, str] | None = None,
                 gazetteer: tuple[str, ...] = ()):
        self.at = at
        self.gazetteer = gazetteer
        self.texts = texts
        self.rows = _records(figs.sort_values(["article", "start"], kind="stable"))
        self.by_article: dict[str, list[dict]] = {}
        self.by_sentence: dict[tuple[str, int], list[dict]] = {}     # (article, sentence start) -> its figures
        for r in self.rows:
            self.by_article.setdefault(r["article"], []).append(r)
            self.by_sentence.setdefault((r["article"], r["sentence_start"]), []).append(r)
        self._mentions: dict[tuple, list] = {}
        self._orgs: dict[str, ArticleOrgs] = {}
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._owners: dict[tuple, Owner | None] = {}
        self._report: dict[str, str | None] = {}
        self._tagged = False
        self._org_sentences: dict[str, tuple[list[tuple[int, str]], list[tuple[int, str]]]] = {}

    # --- owners, periods, measures (explore.owner, explore.periods) -------------------------------
    def title(self, article: str) -> str | None:
        """The article's title (from the catalog), if any."""
        return next((r["title"] for r in self.by_article.get(article, []) if r.get("title")), None)

    def _tag_all(self) -> None:
        """Run the NER model once, batched, over every text the owners will be looked up in (the
        titles too: one model call each cost about 5 % of the tables' time)."""
        from .orgs import model_spans
        titles = [t for t in map(self.title, self.by_article) if t]
        model_spans(list(dict.fromkeys([s for a in self.by_article for part in self.org_sentences(a)
                                        for _, s in part] + titles)))
        self._tagged = True

    def org_sentences(self, article: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(offset, sentence) pairs where an article's organisations are looked for: the sentences
        that hold a figure; and, with the text at hand, as context read for recognised names only,
        the sentence before each and the first ``LEAD_SENTENCES`` (the lead, after any menu
        lines). Not the rest of the page: a photo credit or a menu is nobody's figure."""
        if article not in self._org_sentences:
            rows = self.by_article.get(article, [])
            spans = {r["sentence_start"]: r["sentence"] for r in rows if not r.get("in_table")}
            context: dict[int, str] = {}
            text = (self.texts or {}).get(article)
            if text is not None:
                flat = unwrap(text)
                bounds = sentences(flat)
                starts = sorted(r["start"] for r in rows if not r.get("in_table"))
                near = set(range(min(LEAD_SENTENCES, len(bounds))))
                for i, (a, b) in enumerate(bounds):
                    j = bisect.bisect_left(starts, a)
                    if j < len(starts) and starts[j] < b and i:
                        near.add(i - 1)
                taken = [(a, a + len(t)) for a, t in spans.items()]
                context = {bounds[i][0]: flat[bounds[i][0]:bounds[i][1]] for i in sorted(near)
                           if not any(x < bounds[i][1] and bounds[i][0] < y for x, y in taken)}
            self._org_sentences[article] = (sorted(spans.items()), sorted(context.items()))
        return self._org_sentences[article]

    def orgs(self, article: str) -> ArticleOrgs:
        """The organisations of an article, from :meth:`org_sentences` and its title."""
        if not self._tagged:
            self._tag_all()
        if article not in self._orgs:
            spans, context = self.org_sentences(article)
            self._orgs[article] = ArticleOrgs.from_sentences(spans, self.title(article), gazetteer=self.gazetteer,
                                                             context=context,
                                                             text=(self.texts or {}).get(article, ""))
        return self._orgs[article]

    def owner(self, r, move: bool = False) -> Owner | None:
        """The grammatical owner of a figure (``explore.owner.owner``); table cells: their row or column."""
        key = (r["article"], r["start"], move)
        if key in self._owners:
            return self._owners[key]
        found = None
        if r.get("in_table"):
            for header in (r.get("row_header"), r.get("col_header")):
                ms = self.at.entities(header or "")
                if ms:
                    found = Owner(ms[0].name, header[ms[0].start:ms[0].end], None, None, "gazetteer"
                                  if ms[0].type != "organisation" else "pattern")
                    break
        else:
            s0 = r["sentence_start"]
            found = owner(self.orgs(r["article"]), s0, s0 + len(r["sentence"]), r["start"], r["end"],
                          sentence=r["sentence"], move=move)
        self._owners[key] = found
        return found

    def report_time(self, article: str) -> str | None:
        """The time of day of a market report ("intraday" for "Aktien Frankfurt Eröffnung"), from its
        title and lead (the first 300 characters of the text, else its first figure sentences)."""
        if article not in self._report:
            rows = self.by_article.get(article, [])
            title = self.title(article) or ""
            text = (self.texts or {}).get(article)
            cut = text.find(". ", 300) if text is not None else -1      # the lead's last sentence whole
            lead = (text[:cut + 1 if 0 < cut < 600 else 300] if text is not None
                    else " ".join(dict.fromkeys(r["sentence"] for r in rows[:3])))
            # a lead without a time of day: the first one given for an index ("Der Dax notierte am späten Nachmittag ...")
            first = title or (text or "").split("\n", 1)[0]
            self._report[article] = "wtd" if _WEEKLY_REVIEW.search(first) else "other" if _MONTHLY_REVIEW.search(first) else (
                periods().report_time(title + "\n" + lead, _index_names(), lead=True)
                or (periods().report_time(text[len(lead):len(lead) + 3000], _index_names()) if text is not None else None))
        return self._report[article]

    def paragraph_start(self, r) -> int:
        """The article offset where the figure's paragraph begins (0 without the text)."""
        text = (self.texts or {}).get(r["article"])
        return 0 if text is None else text.rfind("\n\n", 0, r["sentence_start"]) + 1

    def paragraph_before(self, r, limit: int) -> list[str]:
        """Up to ``limit`` sentences before the figure's in its paragraph, nearest first (with the
        text at hand; at most ``limit`` looked at, so a text without paragraphs costs no more)."""
        text = (self.texts or {}).get(r["article"])
        if text is None:
            return []
        if r["article"] not in self._sentences:
            self._sentences[r["article"]] = sentences(unwrap(text))
        bounds = self._sentences[r["article"]]
        out, nxt = [], r["sentence_start"]
        for i in range(bisect.bisect_right(bounds, (r["sentence_start"], -1)) - 1, -1, -1):
            a, b = bounds[i]
            if b > r["sentence_start"]:
                continue
            if "\n\n" in text[b:nxt] or len(out) >= limit:
                break
            out.append(text[a:b])
            nxt = a
        return out

    def previous_sentence(self, r) -> str | None:
        """The sentence before the figure's (from the text, else an adjacent figure sentence)."""
        if (self.texts or {}).get(r["article"]) is not None:
            before = self.paragraph_before(r, 1)
            return before[0] if before else None
        prev = [x for x in self.by_article[r["article"]] if x["sentence_start"] < r["sentence_start"]]
        if not prev:
            return None
        p = prev[-1]
        gap = r["sentence_start"] - p["sentence_start"] - len(p["sentence"])
        return p["sentence"] if 0 <= gap <= 2 else None

    def pronoun_measure(self, r, sentence: str, pos: int, measure_of) -> str | None:
        """The measure a pronoun subject of the figure's clause takes from the noun it stands for in the sentence
        before ("Der Umsatz stieg ... Nominal sank er auf ...": revenue), by ``measure_of(text, pos, end)``; None
        without such a pronoun or noun."""
        before = next(iter(self.paragraph_before(r, 1)), "")
        return next((m for x in antecedents(before, sentence, pos) if (m := measure_of(x, len(x), len(x))) != "other"),
                    None)

    def pos(self, r) -> tuple[int, int]:
        p = r["start"] - r["sentence_start"]
        return p, p + len(r["text"])

    def mentions(self, article: str):
        """(sentence_start, entity name) of every organisation named in the article's figure sentences
        and title, in text order."""
        if article not in self._mentions:
            seen, out = set(), []
            rows = self.by_article.get(article, [])
            title = self.title(article)
            if title:
                out += [(-1, m.name) for m in self.at.entities(title)]
            for r in rows:
                key = r["sentence_start"]
                if key in seen:
                    continue
                seen.add(key)
                out += [(key, m.name) for m in self.at.entities(r["sentence"])]
            self._mentions[article] = out
        return self._mentions[article]

    def entity(self, r) -> str | None:
        """The organisation a figure is about: its table row/column, its clause and sentence, else the
        organisation last named before it in the article, else the one named most often."""
        if r.get("in_table"):
            for header in (r.get("row_header"), r.get("col_header")):
                ms = self.at.entities(header or "")
                if ms:
                    return ms[0].name
        p, e = self.pos(r)
        m = self.at.entity_near(r["sentence"], p, e)
        if m:
            return m.name
        ms = self.mentions(r["article"])
        before = [name for s, name in ms if s < r["sentence_start"]]
        if before:
            return before[-1]
        if ms:
            names = [name for _, name in ms]
            # the most-mentioned one; a tie goes to the one named first (not to hash order)
            return max(dict.fromkeys(names), key=names.count)
        return None

    def same_sentence(self, r, kinds=None) -> list[dict]:
        """The figures of the figure's sentence (of ``kinds``), in text order (an index: linear in an article)."""
        return [x for x in self.by_sentence.get((r["article"], r["sentence_start"]), ())
                if kinds is None or x["kind"] in kinds]

    def latest_full_date(self, article: str) -> str | None:
        dates = [x["date"] for x in self.by_article.get(article, []) if x["kind"] == "date" and x.get("date")
                 and len(x["date"]) == 10]
        return max(dates) if dates else None


#: sentences at the top of an article read for organisations even without a figure (a page may
#: begin with a few lines of menu before its lead)
LEAD_SENTENCES = 6


def _ctx(source, gazetteer=()) -> _Context:
    if isinstance(source, _Context):           # several tables of one source (:func:`tables`)
        return source
    figs, texts = _figures_and_texts(source)
    return _Context(figs, attributor(tuple(map(str, gazetteer))), texts, tuple(map(str, gazetteer)))


def _owner_columns(o: Owner | None) -> dict:
    """The entity of a row and why: the name as written, its offsets, how it was found."""
    if o is None:
        return {"entity": None, "entity_text": None, "entity_start": None, "entity_end": None, "entity_source": None}
    return {"entity": o.name, "entity_text": o.text, "entity_start": o.start, "entity_end": o.end,
            "entity_source": o.source}


_MEASURES: list | None = None


def measure(sentence: str, pos: int, end: int) -> str:
    """What an amount at sentence[pos:end] measures (``attribution.toml`` [measures]): the measure
    word nearest to it in its clause, then in its sentence; an amount a share is quoted at
    ("stieg um 2 Prozent auf 87,40 Euro") is its share price, never a profit.

    >>> s = "Die Aktie von Vonovia stieg um 2 Prozent auf 87,40 Euro."
    >>> measure(s, s.index("87"), s.index("87") + 10)
    'share_price'
    >>> s = "Der Umsatz stieg um 2 Prozent auf 87 Millionen Euro."
    >>> measure(s, s.index("87"), s.index("87") + 17)
    'revenue'
    """
    global _MEASURES
    m = vocab()["measures"]
    if _MEASURES is None:
        _MEASURES = [(k, re.compile(r"(?<![\wäöüß])(?:" + "|".join(v).replace(" ", r"\s+") + ")", re.I))
                     for k, v in m.items()
                     if k not in ("spending", "price_prepositions")]
    cs, ce = clause_start(sentence, pos), clause_end(sentence, end)
    found, in_clause = None, False
    for n, (a, b) in enumerate(((cs, ce), (0, len(sentence)))):
        best = None
        for order, (name, rx) in enumerate(_MEASURES):
            for x in rx.finditer(sentence, a, b):
                d = pos - x.end() if x.end() <= pos else x.start() - end
                if d < 0:
                    continue
                if best is None or (d, order) < best[0]:
                    best = ((d, order), name)
        if best:
            found, in_clause = best[1], n == 0     # (not a == cs: a clause may open the sentence)
            break
    if found in (None, "profit", "revenue", "loss", "other", "share_price") or not in_clause:
        clause = sentence[cs:ce]            # (a measure word only elsewhere in the sentence: "Kühne+Nagel
                                            # (-1,7% auf 189,55 Fr.) litten unter einer Kurszielsenkung")
        g = grammar()
        shares = [x for x in g.re_implicit.finditer(clause) if x.group("h").lower().endswith(g.share)
                  and not re.search(r"(?:je|pro)\s*$", clause[:x.start()])]
        lead = sentence[max(cs, pos - 12):pos].lower().split()
        # a rise in percent "auf" an amount is a share price, unless the clause names what rose
        # ("Der Umsatz stieg um 2 Prozent auf 87 Millionen Euro")
        moving = (not (in_clause and found in ("revenue", "profit", "loss"))
                  and re.search(r"\d\s*(?:%|prozent)", clause, re.I)
                  and (_stock_words()[0].search(clause) or re.match(r"\s*[+\-−]\s?\d", clause)))   # "(-1,7% auf 189,55 Fr.)"
        if (shares or moving) and lead and lead[-1] in m["price_prepositions"] and not _SCALED.search(sentence, pos, end):
            return "share_price"                # never "auf 412 Mio. Fr.": a share costs no millions
    return found or "other"


_SCALED = re.compile(r"(?i)(?<![\wäöüß])(?:mio|mrd|mia|md|bio|mill|milliard|billion)")


# --- money -----------------------------------------------------------------------------------------
#: measures of a reporting period: without a period in their sentence they take the one named
#: nearest before them in the paragraph ("Im dritten Quartal ... . Der Gewinn stieg auf ...")
_RESULTS = frozenset({"revenue", "profit", "loss", "orders", "dividend"})


def _money_rows(ctx: _Context) -> list[dict]:
    from .change_owners import sector_owner      # (change_owners reads this module's owners)
    conv = converter()
    rows = []
    for r in ctx.rows:
        if r["kind"] != "money":
            continue
        p, e = ctx.pos(r)
        sentence = r["sentence"]
        date = r.get("published") or ctx.latest_full_date(r["article"])
        c = conv.convert(r["low"], r["unit"], date)
        fm = list(_FOR.finditer(sentence, clause_start(sentence, p), clause_end(sentence, e)))
        purpose = min(fm, key=lambda m: abs(m.start() - p)).group("p") if fm else None
        what = measure(sentence, p, e)
        if what == "other":                      # "Der Umsatz stieg ... Nominal sank er ... auf 21,33 Milliarden Euro"
            what = ctx.pronoun_measure(r, sentence, p, measure) or what
        fiscal = periods().fiscal(sentence, p)
        if fiscal is None and what in _RESULTS:      # "Im dritten Quartal ... . Der Gewinn stieg auf ..."
            fiscal = next(filter(None, (periods().fiscal(x, len(x), prior=False) for x in ctx.paragraph_before(r, 8))),
                          None)
        who = (_target_owner(ctx, r, sentence) if what == "price_target" else None) or _price_for(ctx, r, sentence) \
            or ctx.owner(r)
        if what == "price_target":
            who = _not_the_analyst(ctx, r, sentence, who)
        elif what == "fine":
            who = _not_the_authority(ctx, r, sentence, who)
        elif who is not None:
            who = _not_the_forecaster(ctx, r, sentence, who)
        if who is None or who.source in ("article", "reference"):      # "..., wie Fraport mitteilte"
            who = reporting_company(ctx.orgs(r["article"]), r["sentence_start"], sentence) or who
        if who is None and what != "other":       # "Seit 2014 wurden fünf Millionen Euro investiert"
            from .change_owners import _implicit_owner
            who = _implicit_owner(ctx, r)
        if who is None:
            who = lead_owner(ctx, r)
        if who is None and what not in _COMPANY_MEASURES:
            who = _person_subject(sentence, r["sentence_start"], p)
        for each in _each(ctx, r, who):          # "Vanguard und Invesco verbuchten jeweils rund 14 Milliarden Euro"
            rows.append({**_provenance(r), **sector_owner(ctx, r["article"], _owner_columns(each)), "measure": what,
                         "fiscal_period": fiscal[0] if fiscal else None,
                         "purpose": purpose, "amount": r["low"], "high": r["high"], "currency": r["unit"],
                         "qualifier": r.get("qualifier"), "amount_usd": c.amounts["USD"], "amount_eur": c.amounts["EUR"],
                         "amount_cny": c.amounts["CNY"], "rate_date": c.rate_date, "eur_rate": c.eur_rate,
                         "conversion_note": c.note, "stated_for": None, "stated_amount": None, "stated_currency": None,
                         "deviation_pct": None, "mentions": 1, "_sentence_start": r["sentence_start"], "_pos": (p, e),
                         "_date": date})
    _continue_owners(rows)
    _link_stated_conversions(ctx, rows)
    return rows


# the words of a price target, the price_target measure's ([measures] in attribution.toml): "Kursziel", "erhöht
# ihrerseits das Ziel", "mit einem Ziel von 48 Euro", "setzte Kepler Cheuvreux das Ziel ... herauf"
_TARGET_WORDS = "(?:" + "|".join(w.replace(" ", r"\s+") for w in vocab()["measures"]["price_target"]) + ")"

# "das Kursziel für Siemens Energy", a headline's "senkt Ziel für Vonovia"
_TARGET_OF = re.compile(r"(?i)" + _TARGET_WORDS + r"\w*\s+(?:für|der|des|von)\s+(?:die\s+|den\s+)?"
                        r"(?:(?:aktien?|papiere?|titel)\s+(?:von|der|des)\s+)?")


# a list item that goes on with its lead's sentence: "- im Segment X von 150 Mio. € bis 190 Mio. €"
_ITEM_GOES_ON = re.compile(r"^\s*[-–•*]\s+[a-zäöüß]")


def lead_owner(ctx: _Context, r: dict) -> Owner | None:
    """The owner of a list item that continues the sentence of its lead line ("Für die Segmente erwartet
    der Vorstand ein operatives EBT\n- im Segment X von 150 Mio. € bis 190 Mio. €"): a reference of the
    lead ("der Vorstand", "der Konzern") resolved, else the organisation it names last; None when the
    item stands alone or its lead ends its sentence."""
    text = (ctx.texts or {}).get(r["article"]) or ""
    s0 = r["sentence_start"]
    if not text or not _ITEM_GOES_ON.match(r["sentence"]):
        return None
    end = text.rfind("\n", 0, s0)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not re.match(r"\s*[-–•*]\s", line):
            break
        end = start - 1
    else:
        return None
    if not line.strip() or line.rstrip()[-1:] in ".!?":
        return None
    orgs = ctx.orgs(r["article"])
    refs = grammar().references(line, 0, len(line))
    if refs:
        return _resolve(orgs, refs[0], start, line)
    named = [o for o in orgs.in_span(start, end) if o.type not in ("index", "currency")
             and (o.start, o.end) not in orgs.speakers]
    return Owner(named[-1].name, named[-1].text, named[-1].start, named[-1].end, named[-1].source) if named else None


# "Der Kaufpreis für die Dresdner Bank": the price of what is bought
_PRICE_FOR = re.compile(r"(?i)(?<![\wäöüß])(?:kauf|übernahme|verkaufs)preis(?:es)?\s+für\s+(?:(?:die|den|das|der)\s+)?$")


def _price_for(ctx: _Context, r: dict, sentence: str) -> Owner | None:
    """"Der Kaufpreis für die Dresdner Bank soll bei mehr als neun Milliarden Euro liegen": with no buyer
    named before it, a purchase price is the price of the company bought."""
    if r.get("in_table"):
        return None
    s0 = r["sentence_start"]
    orgs = ctx.orgs(r["article"])
    for o in orgs.in_span(s0, r["start"]):
        m = _PRICE_FOR.search(sentence, max(0, o.start - s0 - 60), o.start - s0)
        if m and not any(x.end <= s0 + m.start() and (x.start, x.end) not in orgs.speakers
                         for x in orgs.in_span(s0, s0 + m.start())):
            return Owner(o.name, o.text, o.start, o.end, o.source)
    return None


# what only a company has: a person who opens the sentence is no owner of these
_COMPANY_MEASURES = ("revenue", "profit", "loss", "orders", "dividend", "share_price", "price_target", "valuation",
                     "buyback")
_FINITE_AFTER_NAME = re.compile(r"\s+(?:hat|hatte|haben|hatten|ist|war|wird|wurde|soll|sollte|will|wollte|muss|musste|"
                                r"kann|konnte|[a-zäöüß]+(?:te|ten|t))\b")


def _person_subject(sentence: str, s0: int, p: int) -> Owner | None:
    """A person's full name that opens the sentence and its verb, when no organisation owns the amount:
    "Rupert Murdoch hatte ... Myspace.com 650 Mill. Dollar gekauft" (TABLES.md: the organisation or person)."""
    from .orgs import person_spans
    if clause_start(sentence, p) > 0:
        return None                          # (not "Angela Merkel sagte, die Regierung werde ... investieren")
    for a, b in person_spans(sentence):
        name = sentence[a:b]
        if sentence[:a].strip() == "" and " " in name and b <= p and _FINITE_AFTER_NAME.match(sentence, b):
            return Owner(name, name, s0 + a, s0 + b, "model")
    return None


def _target_owner(ctx: _Context, r: dict, sentence: str) -> Owner | None:
    """"Die Deutsche Bank hob das Kursziel für Siemens Energy auf 68 Euro an": a price target
    belongs to the company it is set for, not to the analyst who sets it."""
    m = _TARGET_OF.search(sentence)
    first_for = False
    if not m and not r.get("in_table"):
        m = _FOR_FIRST.match(sentence)           # "Für Swatch senkte die Bank J. Safra Sarasin das Ziel auf 130 Fr."
        m = m if m and _TARGET.search(sentence, m.end()) else None
        first_for = m is not None
    if not m or r.get("in_table"):
        return None
    at = r["sentence_start"] + m.end()
    head = _TARGET_APPOSITION.match(sentence, m.end())
    if head and grammar().is_apposition_head(head.group("h")):
        at += head.end() - m.end()             # "für den französischen Elektronikkonzern Thales": the name after it
    orgs = ctx.orgs(r["article"])
    for o in orgs.orgs:
        if o.start == at and o.type not in ("index", "currency") and o.text not in grammar().not_owners:
            return Owner(o.name, o.text, o.start, o.end, "gazetteer" if o.source == "gazetteer" else o.source)
    got = _reference_at(orgs, sentence, r["sentence_start"], m)      # "für die Aktien des Faserherstellers"
    name = _RATED_NAME.match(sentence, at - r["sentence_start"]) if first_for and got is None else None
    if name and not _common(name.group().split()[0]) and not grammar().is_head(name.group().split()[0]):
        return Owner(name.group(), name.group(), at, at + len(name.group()), "pattern")
    return got                                  # "Für Leonardo hob Jefferies das Ziel": a name no recogniser knew


def _reference_at(orgs: ArticleOrgs, sentence: str, s0: int, m: re.Match) -> Owner | None:
    """What a reference right after the words ``m`` matched stands for ("gegen den Essenslieferdienst":
    the company named before its clause)."""
    ref = [x for x in grammar().references(sentence, m.start(), len(sentence)) if x[0] <= m.end()]
    return _resolve(orgs, ref[0], s0, sentence, upto=s0 + clause_start(sentence, m.start())) if ref else None


def _not_the_analyst(ctx: _Context, r: dict, sentence: str, who: Owner | None) -> Owner | None:
    """"Die UBS hob das Kursziel für den Computerzubehör-Hersteller ... an", "Die Analysten von Morgan
    Stanley senkten ihr Kursziel": an owner named before the target word is the bank or analyst that
    sets it; the target belongs to the company the text is about (named before the sentence)."""
    s0 = r["sentence_start"]
    found = list(_TARGET.finditer(sentence))
    m = ([x for x in found if x.start() < r["start"] - s0] or found or [None])[-1]     # the target word of this figure
    if m is None or r.get("in_table"):
        return who
    if who is not None and who.start is not None and who.start < s0 + m.start() \
            and _SETTER_AFTER.match(sentence, m.end()):
        return who                           # "Kühne+Nagel litten unter einer Kurszielsenkung durch die UBS"
    orgs = ctx.orgs(r["article"])
    cs = s0 + clause_start(sentence, m.start())            # the setter's clause
    # the company a bank rates, between the bank and the target: "Kepler Cheuvreux hebt die UBS auf "Buy" mit
    # einem Kursziel von 38 Franken", "Die UBS stuft die Porsche AG ... ab und senkt das Ziel auf 38 Euro"
    own = who is not None and who.start is not None and who.end <= s0 + m.start() \
        and _own_target(sentence, who.end - s0, m.start(), m.end())
    after = who is not None and who.start is not None and who.start >= s0 + m.end() and (who.start, who.end) in orgs.speakers
    rated_of = who is not None and who.start is not None and (
        _RATED_OF.search(sentence, max(0, who.start - s0 - 40), max(0, who.start - s0))
        or grammar().role(sentence, who.start - s0, who.end - s0, 0) == 0)   # a share's owner: "Die WestLB hat die
    #                                                       Bechtle-Aktie ... und das Kursziel", "die Aktien von Fuchs"
    setter = who is not None and who.start is not None and not rated_of and (cs <= who.start < s0 + m.start() or own
                                                             or who.name in _target_setters(orgs)
                                                             or after and (_RATING.match(sentence, who.end - s0)
                                                                           or _RATING_NEAR.match(sentence, who.end - s0)))
    # ("Goldman Sachs ...: Sie erhöhte ihr Kursziel von 45 auf 55 Euro", "der UBS, die ihr Ziel ... anhob",
    # "..., die DZ Bank senkte es von 55 auf 44 Euro": a bank that rates after the target word)
    banks = [o for o in orgs.in_span(cs, s0 + m.start()) if (o.start, o.end) in orgs.speakers] \
        or ([who] if setter and not after else [])
    a = banks[0].end if banks else cs              # "UBS profitierte von einem höheren Kursziel: Vontobel hob dieses an"
    rated = [o for o in orgs.in_span(a, s0 + m.start()) if o.type not in ("index", "currency") and not o.weak
             and (o.start, o.end) not in orgs.speakers and o.name not in {b.name for b in banks}   # not "(RBI)"
             and grammar().role(sentence, o.start - s0, o.end - s0, 0) != 2] if banks or after else []
    if rated:
        return Owner(rated[0].name, rated[0].text, rated[0].start, rated[0].end, rated[0].source)
    if who is not None and who.start is not None and not (setter and not _FOR_COMPANY.search(sentence, 0, who.start - s0)):
        return who                           # named after the target, in another clause, or "für die Erste Group"
    if who is None and any(s0 + m.end() <= o.start < s0 + len(sentence) for o in orgs.orgs):
        return who
    here = {o.name for o in orgs.in_span(cs, s0 + len(sentence))} | ({who.name} if own else set())
    text = orgs.text or ""
    main = orgs.main()                         # a bank that rates anywhere in the article (not one that reports)
    raters = {o.name for o in orgs.orgs if (o.start, o.end) in orgs.sources()} | _target_setters(orgs)
    raters -= {main.name} if main else set()
    before = [o for o in orgs.topics(cs) if o.type not in ("index", "currency") and o.name not in here
              and o.name not in raters and not (text and _ANALYST_OF.search(text, max(0, o.start - 40), o.start))]
    if before:
        o = before[-1]
        return Owner(o.name, sentence[m.start():m.end()].strip(), s0 + m.start(), s0 + m.end(), "reference")
    return who


# a verb of expecting: an analyst's estimate of a rated company's figure ("Die Bank erwartet ... einen Umsatz von")
_EXPECTS = re.compile(r"(?i)(?<![\wäöüß])(?:erwartet|erwarten|rechnet|rechnen|sieht|sehen|prognostiziert|prognostizieren|"
                      r"schätzt|schätzen|kalkuliert|kalkulieren|traut|trauen)(?![\wäöüß])")


def _not_the_forecaster(ctx: _Context, r: dict, sentence: str, who: Owner) -> Owner:
    """An estimate a bank that sets a target makes of the company it rates is that company's figure ("Goldman Sachs hat
    das Ziel für Nvidia ... erhöht. Die Bank erwartet ... einen Umsatz von 61,8 Milliarden Dollar": Nvidia's;
    "UBS senkt CONTINENTAL ... Die Schweizer Bank rechnet ... mit einem Umsatz von 19,6 Milliarden Euro"):
    the owner is a bank that rates in the article, a verb of expecting follows it before the figure, and a
    company it rates is named in its paragraph before it."""
    orgs = ctx.orgs(r["article"])
    s0 = r["sentence_start"]
    p, _ = ctx.pos(r)
    if who.start is not None and s0 <= who.end <= s0 + p \
            and (at := _EXPECTS_AT.search(sentence, who.end - s0, p) or _ORDERED_AT.search(sentence, who.end - s0, p)
                 or _estimated_of(sentence, who.end - s0, p)) is not None:
        # "Fitch rechnet für das laufende Jahr bei der Bank mit einer Risikovorsorge von": whose figure is expected
        named = [o for o in orgs.in_span(s0 + at.start("y"), s0 + at.end("y")) if o.name != who.name]
        main = orgs.main()
        if named:
            return Owner(named[0].name, named[0].text, named[0].start, named[0].end, named[0].source)
        if at.group("det") and main is not None and main.name != who.name:
            return Owner(main.name, at.group("y"), s0 + at.start("y"), s0 + at.end("y"), "reference")
    if _ANALYST_ESTIMATE.search(sentence, 0, p) and _rates(orgs, who.name, ctx.title(r["article"]) or ""):
        # "Für 2026 rechnet der Analyst mit einem Umsatz von ...", "Den Reingewinn sieht er bei ...": the estimate of
        # the company the bank rates, not the bank's
        rated = _rated_company(orgs, ctx.title(r["article"]) or "", s0, who.name)
        if rated is not None and rated != who.name:
            return Owner(rated, who.text, who.start, who.end, "reference")
    if who.start is None or not s0 <= who.start < s0 + p or not _EXPECTS.search(sentence, who.end - s0, p):
        return who
    raters = _target_setters(orgs)
    if not _rates(orgs, who.name, ctx.title(r["article"]) or ""):
        return who
    text = orgs.text or ""
    para = text.rfind("\n", 0, s0) + 1
    rated = [o for o in orgs.in_span(para, s0) if o.name not in raters and o.name != who.name
             and o.type not in ("index", "currency")]
    if not rated:                              # (a paragraph that names none: the company the target is for)
        name = _rated_company(orgs, ctx.title(r["article"]) or "", s0, who.name)
        return Owner(name, who.text, who.start, who.end, "reference") if name else who
    o = rated[0]
    return Owner(o.name, who.text, who.start, who.end, "reference")


# a forecaster's verb and the company it expects a figure of: "rechnet ... bei der Bank mit", "erwartet bei Siemens ...
# mit"
_EXPECTS_AT = re.compile(r"(?i)(?<![\wäöüß])(?:erwartet|erwarten|rechnet|rechnen|sieht|sehen|prognostiziert|prognostizieren|"
                         r"schätzt|schätzen)\s+(?:[^.;:,]{0,40}?\s)?bei\s+(?P<y>(?P<det>der|dem|den)\s+[A-ZÄÖÜ][\wäöüß-]*|"
                         r"[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*)?)\s+(?:[^.;:]{0,30}?\s)?mit\s")
# an estimate of another's measure: "Der Handelsforscher EHI schätzt den Bruttowarenwert der Plattform ... auf", "beziffert
# den Umsatz von Temu auf": the possessor's figure, not the estimator's
_ESTIMATED_OF = re.compile(r"(?<![\wäöüß])(?:schätzt|schätzen|schätzte|schätzten|beziffert|beziffern|bezifferte|bezifferten|"
                           r"veranschlagt|veranschlagte|taxiert|taxierte)\s+(?:den|die|das)\s+(?:[a-zäöüß][\wäöüß-]*\s+)?"
                           r"[A-ZÄÖÜ][\wäöüß-]*\s+(?P<y>(?P<det>der|des)\s+(?:[a-zäöüß][\wäöüß-]*\s+)?[A-ZÄÖÜ][\wäöüß-]*|"
                           r"von\s+[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*)?)[^.;:]{0,60}?\sauf\s")


def _estimated_of(sentence: str, a: int, b: int):
    """``_ESTIMATED_OF`` between a and b, its possessor a name or a reference to a company ("der Plattform"; not
    "der Branche")."""
    m = _ESTIMATED_OF.search(sentence, a, b)
    return m if m and (not m.group("det") or grammar().is_head(m.group("y").split()[-1])) else None


# a customer's order placed with a supplier: "Die Reederei X bestellte bei dem Papenburger Schiffbauer zwei Neubauten
# mit einem Auftragswert von", "Die ESA bestellte bei dem Unternehmen zwölf Satelliten für": the supplier's order
_ORDERED_AT = re.compile(r"(?i)(?<![\wäöüß])(?:bestellte|bestellten|bestellt|orderte|orderten|ordert|beauftragte|beauftragten)\s+"
                         r"(?:[^.;:,]{0,40}?\s)?bei\s+(?P<y>(?P<det>der|dem|den)\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?"
                         r"[A-ZÄÖÜ][\wäöüß-]*|[A-ZÄÖÜ][\w&.-]*(?:\s+[A-ZÄÖÜ][\w&.-]*)?)")
# an analyst's estimate: "rechnet der Analyst mit", "Den Reingewinn sieht er", "nach seiner Einschätzung"
_ANALYST_ESTIMATE = re.compile(r"(?i)(?<![\wäöüß])(?:(?:rechnet|rechnen|sieht|sehen|erwartet|erwarten|schätzt|schätzen|"
                               r"prognostiziert|prognostizieren)\s+(?:der|die)\s+(?:[\wäöüß]+\s+)?(?:analyst|analystin|"
                               r"analysten|experte|expertin|experten)|(?:rechnet|sieht|erwartet|schätzt)\s+(?:er|sie)|"
                               r"nach\s+(?:seiner|ihrer|deren)\s+(?:einschätzung|schätzung|prognose|berechnung))(?![\wäöüß])")


def _rates(orgs: ArticleOrgs, name: str, title: str) -> bool:
    """Does ``name`` rate a company in the article: it sets a target, or it is a bank ("Die Bank Vontobel") whose
    name a target word follows closely (in the text or the title: "Vontobel hebt Kursziel für Lindt & Sprüngli",
    "die US-Bank Morgan Stanley, die das Kursziel ... senkte")?"""
    if name in _target_setters(orgs):
        return True
    if not any(h.lower().endswith("bank") for h in orgs.descriptions.get(name, ())) and "bank" not in name.lower():
        return False
    known = _RATERS.setdefault(orgs, {})          # (once per article and name: the text is searched for its mentions)
    if name not in known:
        known[name] = any(_TARGET.search(t[m.end():m.end() + 40].split(". ")[0])
                          or _RATING_WORD.search(t[max(0, m.start() - 40):m.end() + 40])
                          for t in (title, orgs.text or "")
                          for m in re.finditer(r"(?<![\wäöüß])" + re.escape(name) + r"(?![\wäöüß])", t))
    return known[name]


_RATERS: "weakref.WeakKeyDictionary[ArticleOrgs, dict[str, bool]]" = weakref.WeakKeyDictionary()   # per article


# a bank's rating of a share near its name: "Eine Kaufempfehlung der US-Investmentbank X", "X hebt Y auf "Buy""
_RATING_WORD = re.compile(r"(?i)(?<![\wäöüß])(?:kaufempfehlung|verkaufsempfehlung|einstufung|hochgestuft|abgestuft|"
                          r"stuft\w*|hebt\s+\S+\s+auf|senkt\s+\S+\s+auf)(?![\wäöüß])")


def _rated_company(orgs: ArticleOrgs, title: str, before: int, rater: str | None = None) -> str | None:
    """The company a target is set for before offset ``before`` (or in the title): "Kursziel für Lindt & Sprüngli";
    else the article's main organisation or the title's first, that is not the ``rater``."""
    for text, found in ((orgs.text or "", [o for o in orgs.orgs if o.end <= before]), (title, orgs.title_orgs)):
        for o in found:
            start = o.start if text is not title else title.find(o.text)
            if start > 0 and _FOR_COMPANY.search(text, max(0, start - 12), start) \
                    and _TARGET.search(text, max(0, start - 40), start):
                return o.name
    if rater is None:
        return None
    main = orgs.main()                      # (or the title's other company: "JPMorgan hebt Siemens Energy auf ...")
    return next((o.name for o in [main] + orgs.title_orgs if o is not None and o.name != rater
                 and o.type not in ("index", "currency")), None)


# a name a rating is of: "hat die Bewertung von Nemetschek mit "Buy" aufgenommen", "die Einstufung für SAP"
_RATED_OF = re.compile(r"(?i)(?<![\wäöüß])(?:bewertung|einstufung|abdeckung|coverage|beobachtung|analyse)\s+"
                       r"(?:von|der|des|für)\s+(?:(?:die|den|das|der)\s+)?$")


def _target_setters(orgs: ArticleOrgs) -> set[str]:
    """Names that set a target in the article: followed in their sentence by "ihr Kursziel", "sein Ziel"
    ("Goldman Sachs ...: Sie erhöhte ihr Kursziel", "der UBS, die ihr Ziel ... anhob"), or by a target
    word in their clause with no other name between ("Bei der Citigroup steigt das Kursziel")."""
    if orgs in _SETTERS:
        return _SETTERS[orgs]
    text = orgs.text or ""
    out = set()
    starts = sorted(o.start for o in orgs.orgs)
    for o in orgs.orgs:
        stop = min((i for i in (text.find(". ", o.end), text.find("\n", o.end)) if i >= 0), default=len(text))
        targets = list(_TARGET.finditer(text, o.end, min(stop, o.end + 120)))
        if any(_own_target(text, o.end, m.start(), m.end()) for m in targets):
            out.add(o.name)
        elif targets and (_SETTER_CLAUSE.fullmatch(text, o.end, targets[0].start())
                          or _DET_FIRST.match(targets[0].group())        # (a target phrase with its article:
                          and _WORDS_BETWEEN.fullmatch(text, o.end, targets[0].start())     # "hat das Ziel")
                          ) \
                and not any(o.end < x < targets[0].start() for x in starts) \
                and not _FOR_COMPANY.search(text, max(0, o.start - 12), o.start):
            out.add(o.name)            # "Bei der Citigroup steigt das Kursziel", "Die DZ Bank setzte den fairen Wert"
    _SETTERS[orgs] = out
    return out


_SETTERS: "weakref.WeakKeyDictionary[ArticleOrgs, set[str]]" = weakref.WeakKeyDictionary()   # per article


def _own_target(text: str, name_end: int, target: int, target_end: int | None = None) -> bool:
    """The name ending at name_end sets the target at text[target]: "ihr Kursziel" follows with no other
    noun between (a pronoun or the bank's town may stand for it: "Goldman Sachs ...: Sie erhöhte ihr
    Kursziel", "die UBS: Die Schweizer bestätigten ihr Ziel"; not
    "Hellofresh ..., nachdem ein Analyst sein Kursziel ...")."""
    own = _POSSESSIVE_BEFORE.search(text, max(name_end, target - 30), target) or target_end is not None \
        and _POSSESSIVE_IN.search(text, target, target_end)         # "bestätigten ihr Ziel"
    return bool(own) \
        and all(w in _SUBJECT_PRONOUNS or _people_of_a_place(w) for w in _CAPITALISED.findall(text, name_end, target))


def _people_of_a_place(word: str) -> bool:
    """"Schweizer", "Frankfurter": a place's people (how a text names a bank by its seat)."""
    return _demonym(word) or inhabitants(word)


_CAPITALISED = re.compile(r"(?<![\wäöüß])[A-ZÄÖÜ][\wäöüß-]*")
_SUBJECT_PRONOUNS = frozenset({"Sie", "Er", "Die", "Der", "Das", "Diese", "Dieser"})
# the target is the setter's own: "ihr Kursziel", "seinen fairen Wert"
_POSSESSIVE_IN = re.compile(r"(?i)(?<![\wäöüß])(?:ihr|sein)\s+ziel")
_POSSESSIVE_BEFORE = re.compile(r"(?i)(?<![\wäöüß])(?:ihr|ihre|ihren|ihrem|sein|seine|seinen|seinem|deren|dessen)\s+"
                                r"(?:[a-zäöüß]+\s+)?$")


def _not_the_authority(ctx: _Context, r: dict, sentence: str, who: Owner | None) -> Owner | None:
    """"Das Bundeskartellamt hat ein Bußgeld von 41,5 Millionen Euro verhängt": a fine belongs to who
    pays it: the company named after "gegen", else the company the text is about before the sentence."""
    fined = vocab()["owner"]["fine_authorities"]
    orgs = ctx.orgs(r["article"])
    s0 = r["sentence_start"]
    m = _AGAINST.search(sentence)
    cs = clause_start(sentence, r["start"] - s0)
    if m and m.start() < cs and who is not None and who.start is not None and who.source not in ("article", "reference") \
            and s0 + cs <= who.start < r["start"]:
        m = None        # "Gegen JD.com verhängte ..., die Alibaba-Tochter Ele.me muss 440 Millionen Yuan zahlen": its own
    if m:
        for o in orgs.in_span(s0 + m.end(), s0 + len(sentence)):
            if o.type == "company" and _NOUN_PHRASE_HEAD.fullmatch(sentence, m.end(), o.start - s0):
                return Owner(o.name, o.text, o.start, o.end, o.source)   # "gegen die Berliner Smartphone-Bank N26"
        got = _reference_at(orgs, sentence, s0, m)      # "gegen den Essenslieferdienst und seine Tochter Glovo"
        if got is not None:
            return got
    if who is None or not who.name.lower().rstrip("s").endswith(tuple(fined)):
        return who
    before = [o for o in orgs.topics(s0) if o.type == "company" and not o.name.lower().endswith(tuple(fined))]
    if before:
        o = before[-1]
        return Owner(o.name, who.text, who.start, who.end, "reference")
    return None


# the words of a noun phrase before the name it ends with: "die Berliner Smartphone-Bank "
_NOUN_PHRASE_HEAD = re.compile(r"(?:(?:[A-ZÄÖÜ][\wäöüß.-]*|[a-zäöüß]+e[nrs]?)\s+){0,3}")
_AGAINST = re.compile(r"(?i)(?<![\wäöüß])gegen\s+(?:die|den|das)?\s*")
# the name a sentence's first "Für" sets a target for, capitalised words up to the verb and the bank after it ("Für
# Leonardo hob Jefferies", "Für Kongsberg Gruppen setzte Kepler Cheuvreux")
_RATED_NAME = re.compile(r"[A-ZÄÖÜ][\w&.-]*[\w&.](?:\s+[A-ZÄÖÜ][\w&.-]*[\w&.]){0,2}(?=\s+[a-zäöüß]+\s+[A-ZÄÖÜ])")
# adjectives and a company noun between a target's "für den" and the name ("für den schwedischen Konzern Saab")
_TARGET_APPOSITION = re.compile(r"(?:[a-zäöüß][\wäöüß-]*\s+){0,2}(?P<h>[A-ZÄÖÜ][\wäöüß-]*)\s+(?=[A-ZÄÖÜ0-9])")
_FOR_FIRST = re.compile(r"(?i)\W*für\s+(?:die\s+|den\s+|das\s+)?")
_SETTER_AFTER = re.compile(r"(?i)\s+(?:durch|seitens)\s")
_TARGET = re.compile(r"(?i)" + _TARGET_WORDS + r"\w*")
# what may stand between a bank and the target it sets in one clause: "steigt das", "setzte den"
_SETTER_CLAUSE = re.compile(r"\s+(?:[\wäöüß]+\s+){1,3}(?:das|den|dem|ihr|ihren|sein|seinen)\s+(?:[a-zäöüß]+\s+)?")
_FOR_COMPANY = re.compile(r"(?i)(?<![\wäöüß])für\s+(?:die|den|das|der)?\s*$")
_DET_FIRST = re.compile(r"(?i)(?:das|den|dem|ihr|ihren|sein|seinen)\s")
_WORDS_BETWEEN = re.compile(r"\s+(?:[\wäöüß]+\s+){1,3}")


def _each(ctx: _Context, r: dict, who: Owner | None) -> list[Owner | None]:
    """The owners of a figure said of each of several names ("Hermès und LVMH gewannen jeweils 1,4%",
    "Air France-KLM und die British-Airways-Mutter IAG fallen jeweils um 1,6 Prozent"): one per name
    coordinated with the owner before the figure, in its clause; else the owner alone."""
    s, s0 = r["sentence"], r["sentence_start"]
    p, _ = ctx.pos(r)
    if who is None or who.start is None or not (_EACH_BEFORE.search(s, max(0, p - 40), p) or _EACH_AFTER.match(s, p + len(r["text"]))):
        return [who]
    cs = clause_start(s, p)
    names = [o for o in ctx.orgs(r["article"]).in_span(s0 + cs, s0 + p) if o.type != "currency"]
    group: list = []
    for o in names:
        if group and _EACH_JOIN.fullmatch(s[group[-1].end - s0:o.start - s0]):
            group.append(o)
        elif group and who.start in {x.start for x in group}:
            break
        else:
            group = [o]
    if len(group) < 2 or who.start not in {o.start for o in group}:
        return [who]
    return [Owner(o.name, o.text, o.start, o.end, o.source) for o in group]


_EACH_BEFORE = re.compile(r"(?i)(?<![\wäöüß])jeweils\s+(?:(?:um|rund|knapp|etwa|gut|mehr als|fast)\s+)*$")
_EACH_AFTER = re.compile(r"(?i)\s+jeweils(?![\wäöüß])")
_EACH_JOIN = re.compile(r"\s*(?:,|und|sowie)\s+(?:(?:der|die|das)\s+)?(?:[A-ZÄÖÜ][\wäöüß]*-[\wäöüß-]+\s+)?")


def _continue_owners(rows: list[dict]) -> None:
    """"Der Umsatz von X stieg auf 41 Mio. Euro. Im Vorjahr waren es 36,2 Millionen.": an amount of a
    sentence that names no owner and measures nothing of its own continues the amount before it (in
    the next sentence, or up to 300 characters later in the same currency)."""
    prev = None
    for r in rows:
        gap = None if prev is None else r["_sentence_start"] - prev["_sentence_start"] - len(prev["sentence"])
        if prev is not None and r["entity"] is None and r["measure"] == "other" and prev["article"] == r["article"] \
                and prev["entity"] is not None and r["_sentence_start"] >= prev["_sentence_start"] \
                and (gap <= 2 or (gap <= 300 and r["currency"] == prev["currency"])):
            # the next sentence, or one sentence or two later in the same currency ("... legt ADVA bis zu
            # 40 Millionen Dollar auf den Tisch. [...] 35 Millionen Dollar werden sofort fällig")
            r.update({k: prev[k] for k in ("entity", "entity_text", "entity_start", "entity_end")})
            r["entity_source"] = "reference"
            r["measure"] = prev["measure"]
            if r["fiscal_period"] is None and prev["fiscal_period"] != "prior year":
                r["fiscal_period"] = prev["fiscal_period"]
        prev = r


def _merge_mentions(rows: list[dict], key) -> list[dict]:
    """The same statement found more than once in an article: one row (the first, or the one with a
    printed conversion), ``mentions`` counting them."""
    keep: dict[tuple, dict] = {}
    for r in rows:
        k = key(r)
        if k not in keep:
            keep[k] = r
            continue
        first = keep[k]
        n = first["mentions"] + 1
        if r.get("stated_amount") is not None and first.get("stated_amount") is None:
            keep[k] = r
        keep[k]["mentions"] = n
    return list(keep.values())


def _fold_unowned(rows: list[dict]) -> list[dict]:
    """An amount stated without an owner ("3 Milliarden Yuan für Qwen-Nutzer", a heading) that the
    same article states elsewhere with exactly one owner is that statement again: counted as one of
    its mentions, not a second row without an owner."""
    owned: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["entity"] is not None and r["stated_for"] is None:
            owned.setdefault((r["article"], r["amount"], r["high"], r["currency"]), []).append(r)
    out = []
    for r in rows:
        same = owned.get((r["article"], r["amount"], r["high"], r["currency"]), [])
        if r["entity"] is None and r["stated_for"] is None and len({x["entity"] for x in same}) == 1:
            same[0]["mentions"] += r["mentions"]
            continue
        out.append(r)
    return out


def _money_key(r):
    return (r["article"], r["entity"], r["amount"], r["high"], r["currency"], r["stated_for"] is not None)


def _link_stated_conversions(ctx: _Context, rows: list[dict]) -> None:
    """"3 Milliarden Yuan (rund 431 Mio. US-Dollar)": the second amount restates the first."""
    conv = converter()
    words = "|".join(re.escape(w) for w in ctx.at.conversion_words)
    between_ok = re.compile(r"^\s*(?:\(|,|–|-)?\s*(?:(?:das\s+)?(?:" + words + r")\s*)*$", re.I)
    for a, b in zip(rows, rows[1:]):
        if a["article"] != b["article"] or a["_sentence_start"] != b["_sentence_start"]:
            continue
        if a["currency"] == b["currency"] or not a["amount"] or not b["amount"]:
            continue
        between = a["sentence"][a["_pos"][1]:b["_pos"][0]]
        if not between_ok.match(between):
            continue
        b["stated_for"] = a["start"]
        for k in ("entity", "entity_text", "entity_start", "entity_end", "entity_source", "measure", "purpose",
                  "fiscal_period"):
            b[k] = a[k]
        a["stated_amount"], a["stated_currency"] = b["amount"], b["currency"]
        target = conv.convert(a["amount"], a["currency"], a["_date"])
        if target.rate_date:
            per_eur = conv.eur_rate(b["currency"], pd.Timestamp(target.rate_date).date()) \
                if b["currency"] not in target.amounts else None
            ecb = target.amounts.get(b["currency"]) or (a["amount"] / target.eur_rate * per_eur if per_eur else None)
            if ecb:
                a["deviation_pct"] = (b["amount"] / ecb - 1) * 100


def _finish(rows: list[dict], table: str) -> pd.DataFrame:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return validate(pd.DataFrame.from_records(clean), table)


def money(source=None, gazetteer=()) -> pd.DataFrame:
    """Every amount of money: who it belongs to, what it measures, and its value in USD, EUR and CNY
    at the article's date (ECB reference rates), with any conversion the article prints itself."""
    return _finish(_merge_mentions(_fold_unowned(_money_rows(_ctx(source, gazetteer))), _money_key), "money")


def budgets(source=None, gazetteer=()) -> pd.DataFrame:
    """The spending plans among the amounts (budgets, campaigns, investments, funding), one row per
    entity and amount; ``mentions`` counts how often the article states it."""
    ctx = _ctx(source, gazetteer)
    keep: dict[tuple, dict] = {}
    for r in _fold_unowned(_money_rows(ctx)):
        if r["stated_for"] is not None:
            continue
        key = (r["article"], r["entity"], r["amount"], r["currency"])
        if key in keep:
            first = keep[key]
            first["mentions"] += 1
            if not ctx.at.is_spending(first["measure"]) and ctx.at.is_spending(r["measure"]):
                r["mentions"] = first["mentions"]
                keep[key] = r
            continue
        keep[key] = r
    rows = [r for r in keep.values() if ctx.at.is_spending(r["measure"])]
    return _finish(rows, "budgets")


# --- adoption and timeframes -------------------------------------------------------------------------
def _strip_topic(header: str, rx: re.Pattern) -> str:
    """"Chatbot-Adoptionsrate" -> "Chatbot"."""
    out = rx.sub("", header).strip(" -–")
    return out or header


def adoption(source=None, gazetteer=()) -> pd.DataFrame:
    """Shares of a population: adoption rates from tables, and from prose every share of people or
    organisations that use, own, do, plan or say something (``explore.shares``)."""
    from .shares import share_rows
    ctx = _ctx(source, gazetteer)
    at = ctx.at
    rows = []
    for r in ctx.rows:
        if r["kind"] != "percent" or r["unit"] != "%" or not r.get("in_table"):
            continue
        col, row = r.get("col_header") or "", r.get("row_header") or ""
        if not at.is_adoption(col) and not at.is_adoption(row):
            continue
        if at.region(row) and not at.region(col):
            subject, region = _strip_topic(col, at.re_adoption), row
        else:
            subject, region = row, at.region(col)
        rows.append({**_provenance(r), "subject": subject, "region": region, "low": r["low"], "high": r["high"],
                     "unit": "%", "qualifier": r.get("qualifier"), "in_table": True})
    rows += share_rows(ctx, at)
    rows.sort(key=lambda x: (x["article"], x["start"]))
    return _finish(rows, "adoption")


def changes(source=None, gazetteer=()) -> pd.DataFrame:
    """Stated changes other than stock moves: entity, measure, signed change (percent, absolute with
    unit, or factor), period, from/to levels (``explore.stated_changes``)."""
    from .stated_changes import change_rows
    ctx = _ctx(source, gazetteer)
    return _finish(change_rows(ctx), "changes")


def timeframes(source=None, gazetteer=()) -> pd.DataFrame:
    """Timeframes (ROI, payback, implementation): subject and low-high in months, days, years."""
    ctx = _ctx(source, gazetteer)
    at = ctx.at
    rows = []
    for r in ctx.rows:
        if r["kind"] != "duration":
            continue
        if r.get("in_table"):
            if not at.is_timeframe(r.get("col_header") or ""):
                continue
            subject = r.get("row_header")
        else:
            p, e = ctx.pos(r)
            s = r["sentence"]
            clause = s[clause_start(s, p):clause_end(s, e)]
            if not at.is_timeframe(clause):
                continue
            subject = ctx.entity(r) or clause.strip()[:80]
        rows.append({**_provenance(r), "subject": subject, "low": r["low"], "high": r["high"], "unit": r["unit"],
                     "qualifier": r.get("qualifier"), "in_table": bool(r.get("in_table"))})
    return _finish(rows, "timeframes")


# --- stock moves -------------------------------------------------------------------------------------
def _index_names() -> re.Pattern:
    from .extract.lexicon import lexicon as figure_lexicon
    return figure_lexicon().re_index_any


# the subject of a count's change: "Die Zahl der Sparpläne stieg um", "die Anzahl der Depots legte um"
_COUNT_SUBJECT = re.compile(r"(?i)(?<![\wäöüß])(?:die\s+)?(?:zahl|anzahl)\s+der\s")
_SHARE_OF_GROUP = re.compile(r"\s+(?:der|aller)\s+(?:[a-zäöüß]+\s+)?(?P<g>[A-ZÄÖÜ][\wäöüß-]*)")


def _population_share(s: str, e: int) -> bool:
    """Is the percent at s[..e] a share of a population ("51 Prozent der Bundesbürger", "44 Prozent der Frauen")?"""
    from .shares import head_noun, is_group
    m = _SHARE_OF_GROUP.match(s, e)
    return bool(m) and is_group(head_noun(m.group("g")) or m.group("g"))


def _is_move(ctx: _Context, r, p: int, e: int) -> bool:
    """A changing percentage is a stock move when a market word is nearer than a business word, or,
    with neither, when its clause has a verb of rising or falling and a named owner
    ("Vonovia verlor 2,1 Prozent")."""
    s = blank_per_share(r["sentence"], p, e)   # "Dividende ... auf 24 Euro je Aktie": no market word
    s = _up_to_semicolon(s, e)                # "Auto1 gewannen 3,1 Prozent; der Gebrauchtwagenhändler verkaufte ...":
    #                                           the business told after it is no reason to read no move
    s = _LISTED_ATTRIBUTE.sub(lambda m: " " * len(m.group()), s)   # "die in Hongkong notierte Tochter": no market
    st = vocab()["stock"]
    rx_move, rx_business = _stock_words()
    if _LEVEL_BEFORE.search(s, max(0, p - 80), p) or _AUF_LEVEL.search(s, max(0, p - 30), p) and not _AMOUNTS_TO.search(s):
        return False                         # "sinkt um 0,25 Prozentpunkte auf 2,00 Prozent", "auf über 19% steigen": a level
    if _PREMIUM.search(s, 0, p) and (_ON_A_PRICE.match(s, e) or _PRICE_BASE.search(s, 0, p)):
        return False                         # "ein Aufschlag von 38 Prozent auf den Schlusskurs": an offer's premium
    if _DEGREE_BEFORE.search(s, max(0, p - 30), p) or _PRIOR_YEAR_AFTER.match(s, e):
        return False                         # "das zu rund 80 Prozent abgeschlossen ist", "um 2,1 Prozent unter dem Vorjahreswert"
    if _population_share(s, e) or _COUNT_SUBJECT.search(s[clause_start(s, p):p]):
        return False                         # "51 Prozent der Bundesbürger legen Geld in Aktien an", "Die Zahl der
        #                                      Wertpapiersparpläne stieg um 18 Prozent": a share of people, a count
    if business_growth(ctx, s) or change_of_a_quantity(ctx, r, s, p) or _to_a_quantity(ctx, r, s, e):
        return False                         # "Auch MG Roewe (plus 27 Prozent) und Polestar (plus 14 Prozent) wuchsen zweistellig"
    if name_then_sign(ctx, r, s, p):
        return True                          # "Roche GS (+1,9%)", "- Siemens: +1,2 Prozent", "Siemens Energy: 131,40 €, +3,8 Prozent"
    # "brachen nach einer Gewinnwarnung um 9,4 Prozent ein", "litt unter den höheren Zinsen"
    s = _REASON.sub(lambda m: m.group() if rx_move.search(m.group()) else " " * len(m.group()), s)
    s = _REASON_AFTER.sub(lambda m: " " * len(m.group()), s)     # ", belastet von einem Rückgang der Ölpreise"
    cs, ce = clause_start(s, p), clause_end(s, e)
    words = re.findall(r"[\wäöüß]+", s[cs:ce].lower())
    shares = grammar().share
    business = [w for w in words if w not in st["move_words"] and rx_business.search(w) and not w.startswith(shares)
                and not w.endswith(_ISSUE_PRICE)]       # "11,4 Prozent über dem Ausgabepreis": a first-day move
    if not ctx.at.re_stock.search(s[cs:ce]) and business:
        return False                         # "eine Rendite von 5 bis 7 Prozent", "der Umsatz stieg um 12 Prozent"
    if ctx.at.re_stock.search(s[cs:ce]) and all(w.startswith(("gewinn", "verlust")) for w in business):
        return True                          # "Die ABB-Aktie beendete den Handel mit einem Gewinn von 0,3 Prozent"
    if ctx.at.is_stock_move(s, p, e):
        return True
    main = _SUBORDINATE.sub(" ", s)         # "..., nachdem die Apothekengruppe einen Umsatz von ... bestätigt hat"
    words = [w.lower() for w in re.findall(r"[\wäöüß]+", main) if not w.lower().startswith(shares)]
    moving = [w for w in words if w in st["move_words"]]
    clause_words = " ".join(w for w in re.findall(r"[\wäöüß]+", s[cs:ce])
                            if not w.lower().startswith(shares) and w.lower() not in st["move_words"])
    if any(rx_business.search(w) for w in words if w not in moving) or ctx.at.re_business.search(clause_words):
        return False                         # "Die Anteile von Knaus Tabbert legten ... zu": shares, not a share of
    signed = _SIGNED_IN_PARENTHESES.match(r["text"]) and s[max(0, p - 1):p] == "(" and s[e:e + 1] == ")"
    if not rx_move.search(s[cs:ce]) and not rx_move.search(s) and not signed:
        return False                         # (a signed move in parentheses needs no verb: "Im breiten Markt
    o = ctx.owner(r, move=True)              # stachen Comet heraus (+9.6%)")
    return o is not None and o.source != "article" and _moves_as_subject(ctx, r, o, s, p, e)


# words before a name that make it no subject: a place's phrase the clause begins with ("in der Region Europa,
# Nahost und Afrika (EMEA) betrug das Minus"), a unit ("auf 6,72 Millionen TEU"), the genitive of a common noun
# ("Die Lagerbestände des Konzerns sanken")
_PLACE_FIRST = re.compile(r"\s*(?i:in|im|aus|nach|über|unter|zu|zum|zur|gegenüber|an|am|vom)\s+(?:(?i:der|die|das|dem|den|des)\s+)?"
                          r"(?:[a-zäöüß]+e[nmrs]?\s+)?(?:(?:[A-ZÄÖÜ][\wäöüß.&-]*|und|sowie),?\s+)*\(?\s*")
_NO_SUBJECT_BEFORE = re.compile(r"(?:\d\s*(?:[A-Za-zäöüß.]+\s+)?|(?P<head>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:des|der)\s+)$")
_MORE_OF = re.compile(r"\s+(?:mehr|weniger)\s+(?:[A-ZÄÖÜ]|um(?![\wäöüß]))")      # "11 Prozent mehr Container"
_PRONOUNS = frozenset({"er", "es"})         # "der Umsatz ... er", "das Geschäft ... es"; "sie" is often "die Aktie"
_FIGURES_ONLY = re.compile(r"[\s\d.,%]*(?:(?:beziehungsweise|bzw\.|und|oder|sowie)[\s\d.,%]*)*")   # "um 2,8, 2,4 bzw. 2,1 Prozent"
# a clause that begins with its verb or with a relative pronoun before no noun
_NO_OWN_SUBJECT = re.compile(r"\s*(?:(?!(?:in|im|an|am|auf|aus|bei|beim|mit|nach|von|vom|zu|zum|zur|der|die|das|den|dem|"
                             r"des|und|oder|aber|während|als|wie|wobei|nachdem|weil|da|dass|für|sowie|ein|eine|einen|einem)"
                             r"(?![\wäöüß]))[a-zäöüß]+(?![\wäöüß-])|(?:die|der|welche|welcher)\s+(?![A-ZÄÖÜ]))")


def _moves_as_subject(ctx: _Context, r, o: Owner, s: str, p: int, e: int) -> bool:
    """A move found only by its verb and its owner ("Vonovia verlor 2,1 Prozent") needs the owner as
    the subject of the figure's clause: not a name in a place's phrase, a unit or a genitive, not a name
    of another clause ("Südeuropa verbuchte ein Plus von 9,3 Prozent, in Osteuropa setzte Douglas ..."),
    no pronoun for a business measure of the sentence before ("Der Umsatz wuchs ... In Frankreich sank er
    um 1,7 Prozent"); no business measure named before the figure in its sentence ("Adidas hatte einen
    Umsatzzuwachs von 13 Prozent gemeldet, Puma ein Minus von 2 Prozent"), no quantity after it ("11 Prozent
    mehr Container"). A clause without a subject of its own (a relative clause, a verb first, no verb,
    figures only) takes the subject before it."""
    if ctx.at.re_stock.search(s):
        return True
    moving = vocab()["stock"]["move_words"]
    if any(w not in moving and ctx.at.re_business.search(w) for w in re.findall(r"[\wäöüß]+", s[:p].lower())) \
            or _MORE_OF.match(s, e):
        return False
    s0 = r["sentence_start"]
    cs, ce = clause_start(s, p), clause_end(s, e)
    if s[:cs].rstrip().endswith(("(", ":")):   # "Infineon (plus 2,4 Prozent)", "PPVX: Fiel um 7,9 %": the name before
        if s[:cs].rstrip().endswith("(") and s[ce:ce + 1] == ")":
            ce = clause_end(s, ce + 1)          # "Verbund (minus 1,1 Prozent) und Andritz (...) lagen im Minus"
        cs = clause_start(s, len(s[:cs].rstrip()) - 1)
    if _NO_OWN_SUBJECT.match(s, cs) or _FIGURES_ONLY.fullmatch(s, cs, p) or _elliptic(s[cs:ce]):
        cs = 0                                 # "Nemetschek und Teamviewer, die 2,8 beziehungsweise 3,4 Prozent einbüßten"
    if o.source == "reference":
        if not o.text:                         # the subject left out: the company the text is about
            return True
        if o.text.lower() in _PRONOUNS:
            before = ctx.previous_sentence(r) or ""
            return not ctx.at.re_business.search(before) or bool(ctx.at.re_stock.search(before))
    elif o.start is None or not s0 + cs <= o.start < s0 + ce:
        return False
    if o.start is None or not s0 + cs <= o.start < s0 + ce:
        return True
    if _PLACE_FIRST.fullmatch(s, cs, o.start - s0):
        return False
    m = _NO_SUBJECT_BEFORE.search(s, cs, o.start - s0)
    return m is None or bool(m.group("head")) and m.group("head").lower().startswith(grammar().share)


def name_then_sign(ctx: _Context, r, s: str, p: int) -> bool:
    """A signed percent right after a listed name, in parentheses or after a colon (and a price):
    how market reports and lists give a share's move ("Roche GS (+1,9%)", "- Siemens: +1,2 Prozent")."""
    word = _SIGN_WORD.search(s, max(0, p - 8), p)      # "JD.com (minus 1,9 Prozent)"
    if not (_SIGNED_IN_PARENTHESES.match(r["text"]) or word) or business_growth(ctx, s):
        return False
    lead = _NAME_THEN_SIGN.search(s, 0, word.start() if word else p)
    if not lead:
        return False
    at = r["sentence_start"] + lead.start()
    return any(at - 1 <= o.end <= at and o.type in ("company", "index") and not (word and o.weak)
               for o in ctx.orgs(r["article"]).in_span(r["sentence_start"], at))   # (not "In Bayern (plus 19,3 Prozent)")


# a listing as an attribute of a noun says where a company trades, not that it moved
_LISTED_ATTRIBUTE = re.compile(r"(?<![\wäöüß])(?:börsen)?notierten?(?=\s+[A-ZÄÖÜ])")
# a degree ("zu 80 Prozent abgeschlossen") and a comparison with the year before ("unter dem Vorjahreswert") are no moves
_DEGREE_BEFORE = re.compile(r"(?<![\wäöüß])(?<!bis )zu\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.)\s+)?$")
# an offer's premium over a price ("entspricht einem Aufschlag von 38 Prozent auf den Schlusskurs", "Bezogen auf den
# durchschnittlichen Kurs ... beträgt der Aufschlag 38 Prozent") compares two prices; nothing moved
_PREMIUM = re.compile(r"(?i)(?<![\wäöüß])(?:aufschlag|aufschlags|prämie|übernahmeprämie|kontrollprämie)(?![\wäöüß])")
_ON_A_PRICE = re.compile(r"(?i)\s+(?:auf|gegenüber)\s+(?:den|dem|die)\s+(?:[\wäöüß-]+\s+){0,3}?[\wäöüß-]*(?:kurs|preis)(?:e|es)?(?![\wäöüß])")
_PRICE_BASE = re.compile(r"(?i)(?<![\wäöüß])(?:bezogen auf|gemessen an|gegenüber)\s+(?:den|dem|die)\s+(?:[\wäöüß-]+\s+){0,3}?"
                         r"[\wäöüß-]*(?:kurs|preis)(?:e|es)?(?![\wäöüß])")
_PRIOR_YEAR_AFTER = re.compile(r"\s+(?:unter|über)\s+(?:dem|den)\s+Vorjahr")


def _to_a_quantity(ctx: _Context, r, s: str, e: int) -> bool:
    """"sank um 2,4 Prozent auf 20,4 Millionen Tonnen", "stieg um 5 Prozent auf 1,2 Millionen Kunden", "um 1,8
    Prozent auf 1,03 Billionen Euro": the level after "auf" is a quantity or an amount in millions, so the change
    is a quantity's or a balance's, no share's move (a share's level is a price or points)."""
    after = [x for x in ctx.same_sentence(r) if ctx.pos(x)[0] >= e]
    if not after:
        return False
    x = min(after, key=lambda y: y["start"])
    quantity = x["kind"] in ("count", "other") and bool(x.get("unit")) and x["unit"] not in ("Punkte", "Zähler")
    amount = x["kind"] == "money" and bool(_SCALED.search(x["text"]))     # "auf 1,03 Billionen Euro": no share price
    return (quantity or amount) and bool(_TO_AFTER.fullmatch(s, e, ctx.pos(x)[0]))   # (not an index level: "auf 2'071,40")


def change_of_a_quantity(ctx: _Context, r, s: str, p: int) -> bool:
    """"setzte 268.000 Fahrzeuge ab, ein Plus von 35 Prozent", "Bei XPeng entspricht das einem Plus von 20
    Prozent": the change of a quantity stated before, no share's move (unless its clause speaks of a market:
    "Die Aktie schloss bei 24,18 Euro, ein Plus von 2,4 Prozent")."""
    m = apposition(ctx, r, s, p)
    if m is None:
        return False
    if m.groupdict().get("eq"):             # "entspricht das einem Plus von 20 Prozent, bei Li Auto einem Minus ..."
        return bool(_EQUALS.search(s, 0, m.start())) and not ctx.at.re_stock.search(s)
    before = [x for x in ctx.same_sentence(r, ("money", "count")) if x["end"] <= r["start"]]
    if not before or before[-1]["kind"] == "money" and not _SCALED.search(before[-1]["text"]):
        return False                        # "bis auf 132,85 Euro nach oben, ein Plus von 5,0 Prozent": a price
    q, qe = ctx.pos(before[-1])
    if m.re is _PAREN_CHANGE and (not _UNIT_WORDS.fullmatch(s, qe, m.start()) or ctx.orgs(r["article"]).in_span(
            r["sentence_start"] + qe, r["sentence_start"] + m.start())):
        return False                        # the parentheses right after the quantity and its noun only (no name:
        #                                     "... 510 Mio. Dätwyler (-6,1%)")
    return not ctx.at.re_stock.search(s, clause_start(s, q), m.start() + 1)


def apposition(ctx: _Context, r, s: str, p: int):
    """The words that set a change in apposition to what stands before it: ", ein Plus von", "entspricht
    das einem Plus von" (group ``eq``), "(plus ", or ", 22 Prozent mehr als" (the comma); else None."""
    return _APPOSED_CHANGE.search(s, max(0, p - 60), p) or _PAREN_CHANGE.search(s, max(0, p - 12), p) \
        or (_COMMA_BEFORE.search(s, max(0, p - 20), p) if _MORE_THAN.match(s, ctx.pos(r)[1]) else None)


def business_growth(ctx: _Context, s: str) -> bool:
    """A sentence that speaks of a business growing ("wuchsen zweistellig") and never of a market: its
    signed values are no share moves ("Mit Audi (+22%), VW (+16%) ... legten vier prozentual zweistellig zu")."""
    return bool(_business_growth_words().search(s)) and not ctx.at.re_stock.search(s)


@functools.cache
def _business_growth_words() -> re.Pattern:
    words = vocab()["stock"]["business_growth"]
    return re.compile(r"(?i)(?<![\wäöüß])(?:" + "|".join(map(re.escape, words)) + r")(?![\wäöüß])")


_STOCK_WORDS: tuple | None = None
_ISSUE_PRICE = ("ausgabepreis", "ausgabepreises", "emissionspreis", "ausgabekurs", "angebotspreis", "zeichnungspreis",
                "platzierungspreis")
_SUBORDINATE = re.compile(r"(?i),\s*(?:nachdem|weil|obwohl|wobei|da)\s[^,;]*")
_LEVEL_BEFORE = re.compile(r"(?i)(?<![\wäöüß])um\s+(?:(?:rund|etwa|knapp|gut|fast|mehr als)\s+)?\d[\d.,]*\s*"
                           r"(?:prozentpunkte|prozent|%|punkte|basispunkte)?\s+auf\s+"
                           r"(?:(?:rund|etwa|knapp|gut|nur noch|noch|zuletzt|nun)\s+)*$")
_AUF_LEVEL = re.compile(r"(?i)(?<![\wäöüß])auf\s+(?:(?:über|rund|etwa|knapp|gut|mehr als|unter|nur noch|noch)\s+)*$")
# "Tencent kommt auf ein Plus von 45 Prozent, der Hang Seng Tech Index auf 38 Prozent": a gain, not a level
_AMOUNTS_TO = re.compile(r"(?i)(?<![\wäöüß])(?:kommt|kam|kommen|kamen|bringt es|brachte es|bringen es|summiert\w*|"
                         r"beläuft|belief|addiert\w*|plus|minus|kursplus|kursminus|gewinne?|verluste?|abschlag|"
                         r"aufschlag)\s+(?:\w+\s+){0,4}?auf")     # "baute sein Plus auf 1,5 Prozent aus": a move
_SIGNED_IN_PARENTHESES = re.compile(r"[+\-−±]\s?\d")
_SIGN_WORD = re.compile(r"(?<=\()(?:plus|minus)\s+$")
_NAME_THEN_SIGN = re.compile(r"\s*(?:\(|:\s*(?:\d[\d.,']*\s*(?:€|Euro|EUR|Fr\.|CHF|Franken|Dollar|US-Dollar|\$|USD|HKD|"
                             r"Hongkong-Dollar|Yuan)\s*,\s*)?)\s*$")
# a reason before a move names a business word that is not what moved ("nach einer Gewinnwarnung")
# a duration that ends in its time noun ("binnen zwölf Monaten") can be a move's span; one inside a compound
# that names something else is none ("nach Vorlage von Halbjahreszahlen", "auf ein Zehnjahreshoch")
_TIME_NOUN_END = re.compile(r"(?i)(?:tag|woche|monat|jahr|quartal|stunde|minute)(?:e|en|es|s|n)?$")
# a participle that gives a move's cause after it ("..., belastet von einem Rückgang der Rohölpreise")
_REASON_AFTER = re.compile(r",\s*(?:belastet|gestützt|getrieben|angetrieben|beflügelt|gebremst|gedrückt)\s+"
                           r"(?:von|durch)\s[^,;.]*")
_REASON = re.compile(r"(?<![\wäöüß])(?:nach|wegen|trotz|dank|infolge|unter)\s+(?:[a-zäöüß]+\s+){0,3}[A-ZÄÖÜ][\wäöüß-]*"
                     # and what the cause's noun governs: "nach einem Medienbericht über eine Platzierung von Bundesanteilen"
                     r"(?:\s+(?:über|von|vom|zu|zur|zum|für|der|des)\s+(?:[a-zäöüß]+\s+){0,3}[A-ZÄÖÜ][\wäöüß-]*){0,3}")
# the change of a quantity stated before ("..., ein Plus von 35 Prozent", "entspricht das einem Plus von 20 Prozent")
# (the change nouns of the changes table's vocabulary, shares.toml)
_APPOSED_CHANGE = re.compile(r"(?i)(?:(?P<eq>einem|einen)|,\s*(?:ein|einem|das)(?:\s+[a-zäöüß]+en)?)\s+(?:"
                             + "|".join(map(re.escape, sorted(shares_vocab()["changes"]["change_nouns"], key=len, reverse=True)))
                             + r")\s+(?:von\s+)?(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.)\s+)?$")
# a signed change in parentheses right after a quantity: "Skoda: 541.000 (plus 7,2 Prozent)", "2,31 Millionen
# Fahrzeuge (minus 4,4 Prozent)"
_PAREN_CHANGE = re.compile(r"(?i)\(\s*(?:plus|minus|\+|−|-)?\s*$")
# "... 17,8 Milliarden Euro abgewickelt, 22 Prozent mehr als vor einem Jahr": the quantity's change
_COMMA_BEFORE = re.compile(r"(?i),\s*(?:(?:rund|etwa|knapp|gut|fast|mehr als|über|ca\.)\s+)?$")
_MORE_THAN = re.compile(r"(?i)\s+(?:mehr|weniger)\s+als(?![\wäöüß])")
_UNIT_WORDS = re.compile(r"(?:\s+[\wäöüß.-]+){0,3}\s*")
_EQUALS = re.compile(r"(?i)(?<![\wäöüß])(?:entspricht|entsprach|bedeutet|bedeutete)\s+(?:das|dies)(?![\wäöüß])")


def _stock_words():
    global _STOCK_WORDS
    if _STOCK_WORDS is None:
        st = vocab()["stock"]
        _STOCK_WORDS = (
            re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, st["move_words"])) + r")(?![\wäöüß])", re.I),
            re.compile(r"(?:" + "|".join(map(re.escape, st["business"])) + r")(?:e|en|n|s|es)?$", re.I))
    return _STOCK_WORDS


def _currency_pair(ctx: _Context, r, cs: int) -> Owner | None:
    """"Der Euro notierte 0,4 Prozent tiefer bei 0,9312 Fr.", "Das britische Pfund gibt 0,2 Prozent auf 1,3410
    Dollar nach", "Zum Franken verliert der Euro 0,3 Prozent": a currency (the subject) moving against
    another (the currency after "zum"/"zur", else the money of its clause)."""
    s = r["sentence"]
    p, _ = ctx.pos(r)
    words = vocab()["currency_words"]
    rx_subject, rx_against, rx_against_end = _currency_patterns()
    ce = clause_end(s, p + len(r["text"]))
    subject = [m for m in rx_subject.finditer(s, cs, p) if not rx_against_end.search(s[max(0, m.start() - 25):m.start()])]
    if not subject:
        return None
    m = subject[-1]
    base = words[m.group("c").lower()]
    against = rx_against.search(s, cs, ce)
    quotes = ([words[against.group("c").lower()]] if against and words[against.group("c").lower()] != base else []) or \
        [x["unit"] for x in ctx.same_sentence(r, ("money",)) if x.get("unit") and x["unit"] != base
         and cs <= x["start"] - r["sentence_start"] < ce]
    if not quotes:
        return None
    a = r["sentence_start"] + m.start("c")
    return Owner(f"{base}/{quotes[0]}", m.group("c"), a, a + len(m.group("c")), "pattern")


# a relative clause in the past perfect tells an earlier time, not the move's
_EARLIER_RELATIVE = re.compile(r",\s*(?:die|der|das|welche[rs]?)\s[^,;()]*?(?<![\wäöüß])(?:hatte|hatten|war|waren)(?=\s*,)")
# how long ago a level was last seen tells no period of the move that reached it
_LEVEL_SINCE = re.compile(r"(?i)(?<![\wäöüß])(?:höchste|tiefste|niedrigste|beste|schwächste|stärkste)[nrsm]?\s+"
                          r"(?:[\wäöüß]+\s+)?(?:stand|niveau|wert|kurs|schlusskurs|schlussstand)\w*\s+seit\s+[^,;.]*")
# a review of the month ("Monatsbilanz: Dax mit kräftigstem Monatsgewinn"): its moves are the month's ("other")
_MONTHLY_REVIEW = re.compile(r"(?i)(?<![\wäöüß])(?:monatsbilanz|monatsrückblick|monatsfazit|monatsbericht)")
# a review of the week ("Wochenbilanz: Dax mit drittem Wochengewinn"): its moves are the week's unless told otherwise
_WEEKLY_REVIEW = re.compile(r"(?i)(?<![\wäöüß])(?:wochenbilanz|wochenrückblick|wochenfazit|wochenbericht|wochenschau|"
                            r"die\s+woche\s+an\s+der\s+börse)")
@functools.cache
def _currency_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A currency as a subject ("das britische Pfund"), the currency it moves against ("zur japanischen
    Währung"), and the words before such a currency."""
    alt = "|".join(map(re.escape, vocab()["currency_words"]))
    against = r"(?:zum|zur|gegenüber\s+dem)\s+(?:[a-zäöü]+e[nr]?\s+)?"
    return (re.compile(r"(?i)(?<![\wäöüß])(?:der|ein|die|das)\s+(?:[a-zäöü]+e\s+)?(?P<c>" + alt + r")(?![\wäöüß-])"),
            re.compile(r"(?i)" + against + r"(?P<c>" + alt + r")(?![\wäöüß-])"),
            re.compile(r"(?i)" + against + r"$"))


_OF_THE_WEEK = re.compile(r"(?i)der\s+woche")


def _weekend(published) -> bool:
    """Was the article published on a Saturday or Sunday (no trading week under way)?"""
    try:
        return dt.date.fromisoformat(str(published)[:10]).weekday() >= 5
    except ValueError:
        return False
_LAST_WEEK = re.compile(r"(?i)(?<![\wäöüß])(?:letzte|letzten|vergangene|vergangenen|vorige|vorigen)\s+woche|vorwoche")
_HEADING = re.compile(r"^[^\n]{3,90}:[ \t]*$", re.M)


def _heading(ctx: _Context, r) -> str | None:
    """The heading a move stands under, a short line that ends with a colon ("Die Gewinner der
    Woche:", "Die Bewegungen des Vortags (Xetra-Schluss):") within 1,500 characters before it."""
    text = (ctx.texts or {}).get(r["article"])
    if not text:
        return None
    a = max(0, r["sentence_start"] - 1500)
    heads = list(_HEADING.finditer(text, a, r["sentence_start"]))
    return heads[-1].group().strip() if heads else None


def _move_key(r):
    return (r["article"], r["entity"], r["change_pct"], r["change_points"], r["period"])


def _direction(ctx: _Context, r) -> str | None:
    """The direction of a change: the extractor's, else the nearest word of rising or falling in
    the clause, else (a list item: "BASF 1,7 Prozent") the direction of the change before it in its
    sentence ("Swiss Re büssten 0,9 Prozent ein, Zurich Insurance 0,4 Prozent"), looked up in a loop
    over the items before it (a sentence is at most ``MAX_SENTENCE`` characters)."""
    d, item = _own_direction(ctx, r)
    if d or not item:
        return d
    p, e = ctx.pos(r)
    end = e
    for x in [x for x in ctx.same_sentence(r, ("percent",)) if x["start"] > r["start"]]:
        xp = x["start"] - x["sentence_start"]
        if not _FIGURES_ONLY.fullmatch(r["sentence"][end:xp]):
            break
        if x.get("direction"):           # the first of one list of figures: "um 61, 48 beziehungsweise 37 Prozent
            return x["direction"]        # zugelegt"
        end = xp + len(x["text"])
    bracket = _BRACKET_BEFORE.search(r["sentence"], max(0, p - 4), p)
    if bracket and any(o.end == r["sentence_start"] + bracket.start() and o.type in ("company", "index")
                       for o in ctx.orgs(r["article"]).in_span(r["sentence_start"], r["start"])):
        d = _outer_direction(r["sentence"], p, e)    # "der MDAX (3,3 Prozent) ... verbuchten Zuschläge"
        if d:
            return d
    for x in reversed([x for x in ctx.same_sentence(r, ("percent", "index")) if x["start"] < r["start"]]):
        d, item = _own_direction(ctx, x)
        if d or not item:
            return d
    return None


def _outer_direction(s: str, p: int, e: int) -> str | None:
    """The direction the clause around a parenthesis states for the bare figure in it ("Auch der MDAX
    (3,3 Prozent) und TecDAX (2,4 Prozent) verbuchten Zuschläge"): its words outside any parenthesis."""
    a = clause_start(s, p, strict=True)
    if s[a - 1:a] != "(" or s[e:].lstrip()[:1] != ")":
        return None
    outer = s[clause_start(s, a - 1):a - 1] + s[s.index(")", e) + 1:]
    outer = re.sub(r"\([^()]*\)", " ", outer)
    outer = outer[:clause_end(outer, 0)]
    st = vocab()["stock"]
    words = [w.lower() for w in re.findall(r"[\wäöüß]+", outer)]
    ups, downs = [w for w in words if w in st["up_words"]], [w for w in words if w in st["down_words"]]
    return "up" if ups and not downs else "down" if downs and not ups else None


def _own_direction(ctx: _Context, r) -> tuple[str | None, bool]:
    """(the direction the figure's own clause states, whether the clause is short enough to be an
    item of a list of moves)."""
    if r.get("direction"):
        return r["direction"], False
    st = vocab()["stock"]
    s = r["sentence"]
    p, e = ctx.pos(r)
    cs, ce = clause_start(s, p), clause_end(s, e)
    best = None
    for m in re.finditer(r"[\wäöüß]+", s[cs:ce]):                      # a word after the figure: from its end
        w = m.group().lower()
        d = "up" if w in st["up_words"] else "down" if w in st["down_words"] else None
        if d:
            dist = p - (cs + m.end()) if cs + m.start() < p else cs + m.start() - e
            if best is None or dist < best[0]:
                best = (dist, d)
    if best:
        return best[1], False
    part = s[cs:ce]         # short, or without a verb: "UniCredit in Mailand 1,9 Prozent und BNP Paribas 1,2 Prozent"
    return None, (len(part) <= 60 or _elliptic(part)) \
        and not re.search(r"\b(?:nachdem|weil|da|dass|wenn|als|ob|obwohl|sofern)\b", part)


def _up_to_semicolon(s: str, e: int) -> str:
    """The sentence with what follows the first semicolon after ``e`` blanked (offsets kept)."""
    b = s.find(";", e) % (len(s) + 1)
    return s[:b] + " " * (len(s) - b)


def _points_level(s: str, p: int, e: int) -> bool:
    """Index points after a preposition of a level ("bei", "auf", "von", "mit") and no change noun
    ("ein Minus von 50 Punkten"), or before "-Marke": where an index stands, not how far it moved."""
    from .extract import scanner
    sc = scanner()
    left = s[max(0, p - 40):p]
    level = sc.modifiers.re_level_left.search(left[-32:]) or re.search(r"(?:^|\s)mit\s+$", left)
    return bool(level and not sc.modifiers.change_noun(left)) or s[e:e + 6] == "-Marke"


def _elliptic(clause: str) -> bool:
    """A clause without a verb: no lowercase word but articles, prepositions and joiners
    ("der NYSE Arca Oil um", "(mit", "und Puma")."""
    small = _small_words()
    return not any(w not in small for w in re.findall(r"(?<![\wäöüß-])[a-zäöüß][\wäöüß]+", clause))


_AUXILIARY = re.compile(r"(?<![\wäöüß])(?:hat|haben|hatte|hatten|ist|sind|war|waren)(?![\wäöüß])")
# a clause of contrast shares the period of the move it is set against: "Seit Jahresbeginn haben Swatch rund 18%
# eingebüsst, während Richemont um 12% zulegten" (the period of the clause's own words counts first)
# a clause that compares with the move before ("..., deutlich weniger als der Dax mit einem Plus von 21 Prozent"):
# the same span of time
_COMPARED = re.compile(r"\s*(?:(?:deutlich|etwas|weit|viel|kaum|nur)\s+)?(?:mehr|weniger|besser|schlechter|stärker|"
                       r"schwächer)\s+als\s", re.I)
_WHILE = re.compile(r"\s*(?:während|wohingegen)\s")


def _participle_ellipsis(s: str, cs: int, p: int, e: int, ce: int) -> bool:
    """A clause whose only verb is a participle at its end, sharing the auxiliary of the clause before:
    "Allianz-Aktien haben seit Jahresbeginn 11,8 Prozent zugelegt, die Vorzugsaktien von Volkswagen
    9,3 Prozent verloren" (not "..., JD.com verloren 7 Prozent": a verb of its own in second place)."""
    small = _small_words()
    words = [m for m in re.finditer(r"(?<![\wäöüß.-])[a-zäöüß][\wäöüß]+", s[cs:p] + " " * (e - p) + s[e:ce])
             if m.group() not in small]
    if len(words) != 1 or s[cs + words[0].end():ce].strip(" .") or not _AUXILIARY.search(s, 0, cs):
        return False
    return any(t.startswith("VV(PP)") for t, _ in tag_word(words[0].group()))


@functools.cache
def _small_words() -> frozenset:
    # adverbs of contrast and degree do not make a clause ("der CAC 40 dagegen 2,3 Prozent im Minus")
    return frozenset(_DETS | grammar().preps | {"und", "oder", "sowie", "bzw", "mit", "um", "auf", "zuletzt", "jeweils",
                                                 "dagegen", "hingegen", "wiederum", "ebenfalls", "sogar", "nur", "noch",
                                                 "aber", "jedoch", "immerhin", "gar"})


def stock_moves(source=None, gazetteer=()) -> pd.DataFrame:
    """Moves of shares, indices, ETFs and currencies: entity, period, signed change, as-of date."""
    ctx = _ctx(source, gazetteer)
    per = periods()
    rows = []
    for r in ctx.rows:
        is_pct = r["kind"] == "percent" and r["unit"] == "%"
        is_pts = r["kind"] == "index" and r["unit"] == "Punkte"
        if not (is_pct or is_pts) or r.get("in_table") or (is_pts and not r.get("direction")):
            continue                         # points without a stated change are a level ("bei 18.512 Punkten")
        if is_pts and _points_level(r["sentence"], *ctx.pos(r)):
            continue                         # "mit einem Tageshoch von 10.164 Punkten im Minus": a level
        if is_pts and indicator_points(ctx, r, r["sentence"], *ctx.pos(r)):
            continue                         # "Das Ifo-Geschäftsklima stieg um 1,2 Punkte": the changes table's
        direction = _direction(ctx, r)
        if not direction:
            continue
        s = r["sentence"]
        p, e = ctx.pos(r)
        cs, ce = clause_start(s, p), clause_end(s, e)
        pair = _currency_pair(ctx, r, cs) or (_currency_pair(ctx, r, 0) if s[max(0, cs - 1):cs] == "(" else None)
        if is_pct and not pair and not _is_move(ctx, r, p, e):
            continue                         # "Ein Euro kostete 1,0847 US-Dollar (-0,01 Prozent)" is a move
        dates = [x["date"] for x in ctx.same_sentence(r, ("date",)) if x.get("date") and len(x["date"]) == 10]
        own = _up_to_semicolon(s, e)          # not the period of what is told after it: "Tencent gewannen 1,8 Prozent;
        #                                       der Konkurrent hatte vergangene Woche ... gemeldet"
        # a move without a verb of its own shares the period of the move before it: "Der PPVX fiel
        # letzte Woche um 7,9 %, der NYSE Arca Oil um 8,0 %", "... vor dem Index (-8,0 %)"
        shared = max((x["start"] for x in ctx.same_sentence(r, ("percent",)) if x["start"] < r["start"]
                      and x["unit"] == r["unit"]), default=None) if (
            _elliptic(s[cs:p] + " " + s[e:ce]) or _participle_ellipsis(s, cs, p, e, ce) or _WHILE.match(s, cs)
            or _COMPARED.match(s, cs)) else None
        for x in ctx.same_sentence(r, ("percent", "ratio")):   # other moves' clauses keep their periods (a
            if x["kind"] == "ratio" and x["unit"] != "fraction":   # fraction too: "..., die Aktie hat seit
                continue                                           # Jahresbeginn ein Viertel verloren")
            xp = x["start"] - x["sentence_start"]
            xa = clause_start(s, xp, strict=True)
            if _FIGURES_ONLY.fullmatch(s[xp + len(x["text"]):p] if xp < p else s[e:xp]):
                continue                                   # one list of figures: "um 61, 48 beziehungsweise 37 Prozent"
            if x["start"] != r["start"] and x["start"] != shared and (not (cs <= xp < ce) or s[xa - 1:xa] == "("):
                b = clause_end(s, xp + len(x["text"]))       # its clause, or its parenthesis in this clause
                own = own[:xa] + " " * (b - xa) + own[b:]
            elif x["start"] != r["start"] and x["start"] != shared:
                # two moves in one clause: a period phrase is the nearer one's ("gewannen 1,8 Prozent
                # und liegen auf Wochensicht bereits 12 Prozent im Plus")
                mid = (p + xp) // 2
                a, b = (mid, ce) if xp > p else (cs, mid)
                own = own[:a] + " " * (b - a) + own[b:]
        for rx in (_EARLIER_RELATIVE, _LEVEL_SINCE):   # "Transocean (-1,8%), die am Vortag noch zu den
            for m in rx.finditer(own):                   # Gewinnern gehört hatten, notieren tiefer"; "auf
                if not m.start() <= p < m.end():         # den tiefsten Stand seit mehr als einem Jahr"
                    own = own[:m.start()] + " " * (m.end() - m.start()) + own[m.end():]
        durations = [(x["low"], x["unit"]) for x in ctx.same_sentence(r, ("duration",))      # not masked above
                     if cs <= x["start"] - x["sentence_start"] < ce and own[x["start"] - x["sentence_start"]] != " "
                     and x["low"] is not None and x["low"] == x["high"] and _TIME_NOUN_END.search(x["text"])]
        # (an elliptic move reads its period in the clause of the move it shares it with: "Mitsubishi UFJ
        # gewannen am Freitag 3,1 Prozent, Sumitomo 2,7 Prozent" is Friday's in a weekly review too)
        period, words = per.stock_period(own[cs:ce], own, ctx.paragraph_before(r, 6), durations, p,
                                         ctx.report_time(r["article"]), _heading(ctx, r), whole=s)
        if shared is not None and not words:        # (not "..., seit Jahresbeginn auf 14,2 Prozent": its own)
            lo = min(cs, clause_start(s, shared - r["sentence_start"]))
            period, words = per.stock_period(own[lo:ce], own, ctx.paragraph_before(r, 6), durations, p,
                                             ctx.report_time(r["article"]), _heading(ctx, r), whole=s)
        if period == "7d" and words and _OF_THE_WEEK.search(words) and not _LAST_WEEK.search(
                (ctx.texts or {}).get(r["article"]) or s):
            period = "wtd"                   # "Die Gewinner der Woche:" in a review of this week, not of the last
        if period == "wtd" and _weekend(r.get("published")):
            period = "7d"                    # a Saturday's weekly review: the week has ended, a full week's move
        value = signed(r["low"], direction)
        o = pair or ctx.owner(r, move=True)
        if (o is None or not o.name) and not ctx.at.re_stock.search(_ANY_INDEX.sub(lambda m: " " * len(m.group()), s)):
            continue                         # "Der Teilindex für die Produktion kletterte um 2,3 Punkte": no owner, no market
        if pair is None and o is not None and o.source == "pattern" and _common(o.text or "") \
                and _economy_article(ctx, r["article"]) and not market_or_share(s):
            continue                         # a statistics report's "Benziner verloren 17,4 Prozent, Diesel 9,8 Prozent"
        if o is not None and o.name and _office(o.name):
            continue                         # "erwartet das Institut Wifo ein Plus von 2,5 Prozent": a statistic's forecast
        for each in _each(ctx, r, o):            # "Mercedes-Benz und Volkswagen rückten jeweils um 2,6 Prozent vor"
            rows.append({**_provenance(r), **_owner_columns(each), "period": period,
                         "period_text": words,
                         "change_pct": value if is_pct else None, "change_points": value if is_pts else None,
                         "qualifier": r.get("qualifier"), "as_of": per.as_of(s, r.get("published"), dates),
                         "mentions": 1, "_sentence_start": r["sentence_start"]})
    return _finish(_merge_mentions(_join_points(rows), _move_key), "stock_moves")


# with no owner, an index is no market of its own: a price index, a purchasing managers' index, a survey's index
_ANY_INDEX = re.compile(r"(?i)[\wäöüß-]*index[\wäöüß]*")


def _join_points(rows: list[dict]) -> list[dict]:
    """"Der ATX stieg um 24,18 Punkte oder 0,53 Prozent", "0,6 Prozent tiefer bei 24.105 Punkten, ein Abschlag von
    146 Punkten": one move said in points and in percent (one sentence, one owner, one period, one sign) is one row
    with both."""
    def key(r):
        return r["article"], r["_sentence_start"], r["entity"], r["period"]
    pct: dict[tuple, list[dict]] = {}
    for x in rows:
        if x["change_pct"] is not None and x["entity"] is not None:
            pct.setdefault(key(x), []).append(x)
    out = []
    for r in rows:
        if r["change_points"] is not None and r["entity"] is not None:
            same = [x for x in pct.get(key(r), []) if x["change_points"] is None
                    and (x["change_pct"] > 0) == (r["change_points"] > 0)]
            if len(same) == 1:
                same[0]["change_points"] = r["change_points"]
                continue
        out.append(r)
    return out


# --- checks --------------------------------------------------------------------------------------------
def checks(source=None, gazetteer=(), tolerance: float = 0.05) -> pd.DataFrame:
    """Claims an article makes about its own figures, checked: multiples ("verdreifacht") against the
    amounts they compare, printed currency conversions against the ECB rate, and percentage changes
    against the start and end values in the same sentence."""
    ctx = _ctx(source, gazetteer)
    money_rows = _money_rows(ctx)
    out = []
    out += _check_multiples(ctx, money_rows, tolerance)
    out += _check_conversions(money_rows, tolerance)
    out += _check_percent_changes(ctx)
    from .stated_changes import check_rows
    out += check_rows(ctx, done={c["start"] for c in out if c["check"] == "percent_change"}, tolerance=tolerance)
    return _finish(out, "checks")


def _check_multiples(ctx, money_rows, tolerance):
    out = []
    by_article: dict[str, list[dict]] = {}
    for m in money_rows:
        by_article.setdefault(m["article"], []).append(m)
    for r in ctx.rows:
        if r["kind"] != "multiple":
            continue
        article_money = by_article.get(r["article"], [])
        same = [m for m in article_money if m["_sentence_start"] == r["sentence_start"] and m["stated_for"] is None]
        computed, note = None, "no amounts to compare in the article"
        if len(same) >= 2 and len({m["currency"] for m in same}) == 1 and same[0]["amount"]:
            computed = same[-1]["amount"] / same[0]["amount"]
            note = f"{same[-1]['text']} / {same[0]['text']} in the same sentence"
        else:
            entity = ctx.entity(r)
            own = [m for m in article_money if m["entity"] == entity and m["stated_for"] is None
                   and m["start"] < r["start"]]
            earlier = sorted({m["_sentence_start"] for m in article_money
                              if m["_sentence_start"] < r["sentence_start"] and m["entity"] != entity
                              and m["entity"] is not None})[-2:]
            others = [m for m in article_money if m["_sentence_start"] in earlier and m["entity"] != entity
                      and m["entity"] is not None and m["stated_for"] is None]
            if own and others:
                top = max(own, key=lambda m: m["amount"] or 0)
                cur = [o for o in others if o["currency"] == top["currency"]]
                if cur:
                    rival = max(cur, key=lambda o: o["amount"] or 0)
                    computed = top["amount"] / rival["amount"]
                    note = (f"{entity} {top['text']} / {rival['entity']} {rival['text']} "
                            f"(the largest amount it is compared with)")
        ok = None if computed is None else abs(computed / r["low"] - 1) <= tolerance
        out.append({**_provenance(r), "check": "multiple", "claim": f"{r['text']} (x{r['low']:g})",
                    "claimed": r["low"], "computed": computed, "ok": ok, "note": note})
    return out


def _check_conversions(money_rows, tolerance):
    out = []
    for a in money_rows:
        if a["stated_amount"] is None:
            continue
        ecb = None if a["deviation_pct"] is None else a["stated_amount"] / (1 + a["deviation_pct"] / 100)
        out.append({**_provenance(a), "check": "conversion",
                    "claim": f"{a['text']} = {a['stated_amount']:,.0f} {a['stated_currency']}",
                    "claimed": a["stated_amount"], "computed": ecb,
                    "ok": None if ecb is None else abs(a["deviation_pct"]) <= tolerance * 100,
                    "note": (f"ECB reference rate of {a['rate_date']}: 1 EUR = {a['eur_rate']:.4f} {a['currency']}; "
                             f"deviation {a['deviation_pct']:+.2f} %") if ecb is not None else a["conversion_note"]})
    return out


def _check_percent_changes(ctx):
    """"von 2,5 auf 3,1 Mrd. Euro, ein Plus von 24 Prozent": (3.1 / 2.5 - 1) * 100 = 24."""
    out = []
    for r in ctx.rows:
        if r["kind"] != "percent" or r["unit"] != "%" or not r.get("direction"):
            continue
        same = [x for x in ctx.same_sentence(r) if x["kind"] in ("money", "count", "other", "index")]
        frm = to = None
        for x in same:
            p, _ = ctx.pos(x)
            m = _VON_AUF.search(x["sentence"][:p])
            if m and m.group("w") == "von":
                frm = x
            elif m and m.group("w") == "auf" and frm is not None and x["unit"] == frm["unit"]:
                to = x
        if frm is None or to is None or not frm["low"]:
            continue
        computed = (to["low"] / frm["low"] - 1) * 100
        claimed = signed(r["low"], r["direction"])
        ok = abs(claimed - computed) <= 0.5 + 0.01 * abs(computed)
        out.append({**_provenance(r), "check": "percent_change", "claim": f"{r['text']} ({r['direction']})",
                    "claimed": claimed, "computed": computed, "ok": ok,
                    "note": f"from {frm['text']} to {to['text']} in the same sentence"})
    return out


#: the topic tables :func:`tables` builds, in this order
TABLES = ("money", "budgets", "adoption", "changes", "stock_moves", "timeframes", "checks")


def tables(source=None, names=TABLES, gazetteer=()) -> dict[str, pd.DataFrame]:
    """Several topic tables of one source at once, each the same as its own function returns, but the
    figures, the organisations of each article and the owners of its figures found once for all of them
    (the NER model and the owner rules are most of a table's time).

    >>> t = tables("seeds", names=("money", "stock_moves"))
    >>> sorted(t), t["stock_moves"].equals(stock_moves("seeds"))
    (['money', 'stock_moves'], True)
    """
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise ValueError(f"unknown table {', '.join(map(repr, unknown))}; the tables are {', '.join(TABLES)}")
    ctx = _ctx(source, gazetteer)
    return {name: globals()[name](ctx) for name in names}


def figures_and_tables(source=None, names=TABLES, gazetteer=()) -> dict[str, pd.DataFrame]:
    """The figures of a source and its topic tables (:func:`tables`), the tables built with the article
    texts when the source has them (a folder, a Corpus), as ``explore.money(folder)`` builds them."""
    figs, texts = _figures_and_texts(source)
    return {"figures": figs, **tables(WithTexts((figs, texts)), names, gazetteer)}

