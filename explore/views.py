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

import re
from pathlib import Path

import pandas as pd

from .attribute import Attributor, attributor, clause_end, clause_start
from .normalize import converter, signed
from .schemas import validate

_FOR = re.compile(r"\bfür\s+(?:die|den|das|seine|ihre|eine[n]?|ein)?\s*(?P<p>[A-ZÄÖÜ][\w.-]*(?:\s[A-ZÄÖÜ][\w.-]*)?)")
_VON_AUF = re.compile(r"(?:^|\s)(?P<w>von|auf)\s+(?:\S+\s+)?$")


# --- sources -------------------------------------------------------------------------------------
def _figures(source) -> pd.DataFrame:
    from .records import FIGURE_COLUMNS, _as_corpus, figures
    if isinstance(source, pd.DataFrame):
        missing = [c for c in ("article", "start", "end", "text", "kind", "sentence", "sentence_start")
                   if c not in source.columns]
        if missing:
            raise ValueError(f"not a figures table: lacks {', '.join(missing)}")
        return source.reindex(columns=list(FIGURE_COLUMNS))
    if isinstance(source, (str, Path)):
        from .engines import is_figures_dataset, read_figures
        if is_figures_dataset(source):
            return read_figures(source)
    return figures(_as_corpus(source))


def _py(v):
    """A pandas scalar as a plain Python value (NA -> None)."""
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return v.item() if hasattr(v, "item") else v


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _py(v) for k, v in r.items()} for r in df.to_dict("records")]


def _provenance(r: dict) -> dict:
    return {k: r.get(k) for k in ("article", "publisher", "published", "title", "text", "start", "end",
                                  "sentence")}


class _Context:
    """Everything the rules need about the figures of one corpus: attribution with article context."""

    def __init__(self, figs: pd.DataFrame, at: Attributor):
        self.at = at
        self.rows = _records(figs.sort_values(["article", "start"], kind="stable"))
        self.by_article: dict[str, list[dict]] = {}
        for r in self.rows:
            self.by_article.setdefault(r["article"], []).append(r)
        self._mentions: dict[tuple, list] = {}

    def pos(self, r) -> tuple[int, int]:
        p = r["start"] - r["sentence_start"]
        return p, p + len(r["text"])

    def mentions(self, article: str):
        """(sentence_start, entity name) of every organisation named in the article's figure sentences
        and title, in text order."""
        if article not in self._mentions:
            seen, out = set(), []
            rows = self.by_article.get(article, [])
            title = next((r["title"] for r in rows if r.get("title")), None)
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
        return [x for x in self.by_article[r["article"]] if x["sentence_start"] == r["sentence_start"]
                and (kinds is None or x["kind"] in kinds)]

    def latest_full_date(self, article: str) -> str | None:
        dates = [x["date"] for x in self.by_article.get(article, []) if x["kind"] == "date" and x.get("date")
                 and len(x["date"]) == 10]
        return max(dates) if dates else None


def _ctx(source, gazetteer=()) -> _Context:
    return _Context(_figures(source), attributor(tuple(map(str, gazetteer))))


# --- money -----------------------------------------------------------------------------------------
def _money_rows(ctx: _Context) -> list[dict]:
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
        rows.append({
            **_provenance(r), "entity": ctx.entity(r), "measure": ctx.at.measure(sentence, p, e),
            "purpose": purpose, "amount": r["low"], "high": r["high"], "currency": r["unit"],
            "qualifier": r.get("qualifier"), "amount_usd": c.amounts["USD"], "amount_eur": c.amounts["EUR"],
            "amount_cny": c.amounts["CNY"], "rate_date": c.rate_date, "eur_rate": c.eur_rate,
            "conversion_note": c.note, "stated_for": None, "stated_amount": None, "stated_currency": None,
            "deviation_pct": None, "mentions": 1, "_sentence_start": r["sentence_start"], "_pos": (p, e),
            "_date": date,
        })
    _link_stated_conversions(ctx, rows)
    return rows


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
        b["entity"], b["measure"], b["purpose"] = a["entity"], a["measure"], a["purpose"]
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
    return _finish(_money_rows(_ctx(source, gazetteer)), "money")


def budgets(source=None, gazetteer=()) -> pd.DataFrame:
    """The spending plans among the amounts (budgets, campaigns, investments, funding), one row per
    entity and amount; ``mentions`` counts how often the article states it."""
    ctx = _ctx(source, gazetteer)
    keep: dict[tuple, dict] = {}
    for r in _money_rows(ctx):
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
    """Adoption rates: subject, region, low-high in percent, from tables and from prose."""
    ctx = _ctx(source, gazetteer)
    at = ctx.at
    rows = []
    for r in ctx.rows:
        if r["kind"] != "percent" or r["unit"] != "%":
            continue
        if r.get("in_table"):
            col, row = r.get("col_header") or "", r.get("row_header") or ""
            if not at.is_adoption(col) and not at.is_adoption(row):
                continue
            if at.region(row) and not at.region(col):
                subject, region = _strip_topic(col, at.re_adoption), row
            else:
                subject, region = row, at.region(col)
        else:
            if not at.is_adoption(r["sentence"]):
                continue
            p, e = ctx.pos(r)
            after = r["sentence"][e:clause_end(r["sentence"], e)]
            m = re.match(r"\s*(?:der|des|aller)\s+(?P<s>[\w-]+(?:\s[A-ZÄÖÜ][\w-]*)?)", after)
            subject = m.group("s") if m else None
            region = at.region(r["sentence"][clause_start(r["sentence"], p):])
        rows.append({**_provenance(r), "subject": subject, "region": region, "low": r["low"], "high": r["high"],
                     "unit": "%", "qualifier": r.get("qualifier"), "in_table": bool(r.get("in_table"))})
    return _finish(rows, "adoption")


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
def stock_moves(source=None, gazetteer=()) -> pd.DataFrame:
    """Moves of shares, indices, ETFs and currencies: entity, period, signed change, as-of date."""
    ctx = _ctx(source, gazetteer)
    at = ctx.at
    rows = []
    for r in ctx.rows:
        is_pct = r["kind"] == "percent" and r["unit"] == "%"
        is_pts = r["kind"] == "index" and r["unit"] == "Punkte"
        if not (is_pct or is_pts) or not r.get("direction") or r.get("in_table"):
            continue
        s = r["sentence"]
        p, e = ctx.pos(r)
        if is_pct and not at.is_stock_move(s, p, e):
            continue
        cs, ce = clause_start(s, p), clause_end(s, e)
        durations = [(x["low"], x["unit"]) for x in ctx.same_sentence(r, ("duration",))
                     if cs <= x["start"] - x["sentence_start"] < ce and x["low"] is not None and x["low"] == x["high"]]
        dates = [x["date"] for x in ctx.same_sentence(r, ("date",)) if x.get("date") and len(x["date"]) == 10]
        value = signed(r["low"], r["direction"])
        rows.append({**_provenance(r), "entity": ctx.entity(r), "period": at.period(s[cs:ce], durations)
                     or at.period(s, []),
                     "change_pct": value if is_pct else None, "change_points": value if is_pts else None,
                     "qualifier": r.get("qualifier"), "as_of": dates[0] if dates else r.get("published")})
    return _finish(rows, "stock_moves")


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
                              if m["_sentence_start"] < r["sentence_start"] and m["entity"] != entity})[-2:]
            others = [m for m in article_money if m["_sentence_start"] in earlier and m["entity"] != entity
                      and m["stated_for"] is None]
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
