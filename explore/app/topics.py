"""The views of a corpus, one entry each: the app, the command line's readable tables and the
exports all read this list. A new topic table is one more ``Topic`` in ``TOPICS``.

>>> [t.key for t in TOPICS][:3]
['figures', 'money', 'budgets']
>>> topic("stock-moves").label("de"), topic("stock_moves").label("en")
('Kursbewegungen', 'Stock moves')
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .. import labels as L


def _views():
    from .. import views
    return views


def _charts():
    from .. import charts
    return charts


@dataclass(frozen=True)
class Topic:
    """One view of a corpus.

    ``table(figures) -> DataFrame``; ``chart(table, locale=..., **choice) -> Figure`` where
    ``choices`` maps a control name to its options (``(label key, value)``; the first is the
    default); ``columns`` are the ones worth reading in a table on screen.
    """
    key: str
    names: tuple[str, str]                   # (German, English)
    table: Callable[[pd.DataFrame], pd.DataFrame]
    chart: Callable | None = None
    columns: tuple[str, ...] = ()
    choices: dict = field(default_factory=dict)

    def label(self, locale: str = "de") -> str:
        return self.names[0] if L.check(locale) == "de" else self.names[1]


def _figures_table(figs: pd.DataFrame) -> pd.DataFrame:
    return figs


def _overview_chart(figs, locale="de", show="counts"):
    c = _charts()
    return c.figure_timeline(figs, locale=locale) if show == "timeline" else c.figure_counts(figs, locale=locale)


def _money_chart(df, locale="de", currency="EUR"):
    return _charts().budget_bars(df, currency=currency, locale=locale)


def _adoption_chart(df, locale="de", compare="groups"):
    c = _charts()
    if compare == "groups":
        prose = df[~df["in_table"].fillna(False).astype(bool)] if "in_table" in df.columns else df
        return c.share_dots(prose, locale=locale)
    by_app, by_market = c.adoption_split(df)
    if compare == "market":
        return c.adoption_ranges(by_market, y="region", color=None, locale=locale,
                                 title=L.t("adoption_market_title", locale))
    return c.adoption_ranges(by_app, y="subject", color="region", locale=locale,
                             title=L.t("adoption_app_title", locale))


_MONEY_COLUMNS = ("entity", "measure", "text", "amount", "currency", "amount_eur", "amount_usd", "published",
                  "mentions", "title", "sentence")

TOPICS: list[Topic] = [
    Topic("figures", ("Überblick", "Overview"), _figures_table, _overview_chart,
          ("article", "kind", "text", "value", "unit", "date", "qualifier", "sentence"),
          {"show": [("counts_button", "counts"), ("timeline_button", "timeline")]}),
    Topic("money", ("Geld", "Money"), lambda f: _views().money(f), _money_chart, _MONEY_COLUMNS,
          {"currency": [("EUR", "EUR"), ("USD", "USD"), ("CNY", "CNY")]}),
    Topic("budgets", ("Budgets", "Budgets"), lambda f: _views().budgets(f), _money_chart, _MONEY_COLUMNS,
          {"currency": [("EUR", "EUR"), ("USD", "USD"), ("CNY", "CNY")]}),
    Topic("stock_moves", ("Kursbewegungen", "Stock moves"), lambda f: _views().stock_moves(f),
          lambda df, locale="de": _charts().stock_bars(df, locale=locale),
          ("entity", "period", "change_pct", "qualifier", "as_of", "published", "text", "title", "sentence")),
    Topic("adoption", ("Nutzung", "Adoption"), lambda f: _views().adoption(f), _adoption_chart,
          ("group", "subject", "region", "period", "low", "high", "unit", "qualifier", "text", "title", "sentence"),
          {"compare": [("by_group", "groups"), ("per_application", "application"), ("by_market", "market")]}),
    Topic("changes", ("Veränderungen", "Changes"), lambda f: _views().changes(f),
          lambda df, locale="de", unit="%": _charts().change_bars(df, unit=unit, locale=locale),
          ("entity", "measure", "change_pct", "change_abs", "unit", "change_factor", "period", "from_value",
           "to_value", "qualifier", "text", "title", "sentence"),
          {"unit": [("percent_button", "%"), ("pp_button", "pp")]}),
    Topic("timeframes", ("Zeiträume", "Timeframes"), lambda f: _views().timeframes(f),
          lambda df, locale="de": _charts().timeframe_ranges(df, locale=locale),
          ("subject", "low", "high", "unit", "qualifier", "text", "title", "sentence")),
    Topic("checks", ("Prüfungen", "Checks"), lambda f: _views().checks(f),
          lambda df, locale="de": _charts().check_bars(df, locale=locale),
          ("check", "claim", "claimed", "computed", "ok", "note", "title", "sentence")),
]


def topic(name: str) -> Topic:
    """The topic named ``name`` ('stock-moves' or 'stock_moves')."""
    key = name.replace("-", "_")
    for t in TOPICS:
        if t.key == key:
            return t
    raise KeyError(f"no topic {name!r}; there are {[t.key for t in TOPICS]}")


def tables(figs: pd.DataFrame, texts: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Every topic table of a figures table, by key; with the articles' texts (``{id: text}``) the owners
    are looked for in the sentence before a figure and in the lead too, as ``explore.money(folder)`` does."""
    views = _views()
    built = views.tables(views.WithTexts((figs, texts)), [t.key for t in TOPICS if t.key in views.TABLES])
    return {t.key: built[t.key] if t.key in built else t.table(figs) for t in TOPICS}


# ---------------------------------------------------------------- a table for reading

_AMOUNTS = {"amount", "high", "amount_usd", "amount_eur", "amount_cny", "stated_amount", "claimed", "computed"}
_PERCENTS = {"change_pct", "deviation_pct"}
_DATES = {"published", "as_of", "rate_date", "date", "date_end"}


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or (
        not isinstance(v, (str, bool)) and pd.isna(v) if pd.api.types.is_scalar(v) else False)


def readable(df: pd.DataFrame, columns=None, locale: str = "de", width: int = 90) -> pd.DataFrame:
    """The useful ``columns`` of a table as text for reading: numbers with the locale's marks and
    scale words ('3,5 Mrd.'), percentages with sign ('−5,08 %'), dates ('17.02.2025'), periods,
    qualifiers and kinds in words, long sentences shortened; headers in the locale.

    >>> df = pd.DataFrame({"entity": ["Alibaba"], "period": ["ytd"], "change_pct": [-5.08],
    ...                    "amount": [3.5e9], "sentence": ["x" * 200]})
    >>> r = readable(df)
    >>> list(r.columns), r.iloc[0, 1:4].tolist(), len(r.iloc[0, 4])
    (['Organisation', 'Zeitraum', 'Veränderung (%)', 'Betrag', 'Satz'], ['seit Jahresbeginn', '−5,08 %', '3,5 Mrd.'], 90)
    """
    locale = L.check(locale)
    cols = [c for c in (columns or df.columns) if c in df.columns]
    out = {}
    for c in cols:
        out[L.column(c, locale)] = [_cell(c, v, locale, width) for v in df[c]]
    return pd.DataFrame(out, index=df.index)


def _cell(col: str, v, locale: str, width: int) -> str:
    if isinstance(v, bool) or (col == "ok" and not _missing(v)):
        return "✓" if bool(v) else "✗"
    if _missing(v):
        return ""
    if col in _PERCENTS:
        return L.percent(v, locale)
    if col in _AMOUNTS or (col in ("value", "low") and isinstance(v, float) and abs(v) >= 1e5):
        return L.amount(v, locale)
    if col in _DATES:
        return L.date(v, locale)
    if col == "period":
        return L.period(v, locale)
    if col == "qualifier":
        return L.qualifier(v, locale)
    if col == "kind":
        return L.kind(v, locale)
    if col == "measure":
        return L.measure(v, locale)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return L.number(v, locale)
    s = " ".join(str(v).split())
    limit = width if col in ("sentence", "note", "title", "claim") else max(40, width // 2)
    return s if len(s) <= limit else s[: limit - 1] + "…"
