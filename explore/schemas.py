"""The contract of every topic table: columns, dtypes, meaning and unit, checked with pandera.

One spec per table serves three purposes: the pandera schema each view is validated against,
the column documentation, and the ``datapackage.json`` that ``explore export-data`` writes.

>>> sorted(TABLES)
['adoption', 'budgets', 'changes', 'checks', 'figures', 'money', 'stock_moves', 'timeframes']
>>> schema("adoption").columns["low"].dtype
DataType(float64)
"""
from __future__ import annotations

import functools

from .columns import FIGURE_COLUMNS

# (name, dtype, meaning, unit); every column may be empty unless listed in REQUIRED
PROVENANCE = [
    ("article", "string", "the article's id: its file name without .txt", None),
    ("publisher", "string", "the article's publisher (catalog)", None),
    ("published", "string", "the article's publication date, ISO (catalog)", "date"),
    ("title", "string", "the article's title (catalog)", None),
]
SOURCE = [
    ("text", "string", "the exact surface of the figure in the article", None),
    ("start", "int64", "offset of the figure in the article's text", "characters"),
    ("end", "int64", "offset after the figure (text == article_text[start:end])", "characters"),
    ("sentence", "string", "the sentence or table row the figure stands in", None),
]
OWNER = [
    ("entity", "string", "the organisation (or person, index) the figure belongs to: its grammatical owner", None),
    ("entity_text", "string", "the words that name the owner in the article: the name as written, or the "
     "reference (\"der Konzern\", \"die Aktie\") that stands for it", None),
    ("entity_start", "Int64", "offset of entity_text in the article's text; empty when it stands in the title",
     "characters"),
    ("entity_end", "Int64", "offset after entity_text", "characters"),
    ("entity_source", "string", "how the owner was found: gazetteer, model, pattern (a name by its form), "
     "reference (a word that refers back), article (the article's main organisation), economy (the "
     "country or region of a statistic) or sector (the industry an association's report is about)", None),
]
MONEY = PROVENANCE + OWNER + [
    ("measure", "string", "revenue, profit, loss, orders, dividend, share_price, price_target, buyback, fine, "
     "investment, funding, budget, campaign, valuation, other", None),
    ("fiscal_period", "string", "the fiscal period the amount is for (Q3, H1 2024, FY 2023, prior year), "
     "from an ordinal period reference of its sentence", None),
    ("purpose", "string", "what the money is for, as written (\"für ...\")", None),
    ("amount", "float64", "the amount in plain units (low end of a range)", "currency"),
    ("high", "float64", "upper end of a range; empty when open-ended", "currency"),
    ("currency", "string", "ISO 4217 code", None),
    ("qualifier", "string", "approx, more_than, less_than, up_to", None),
    ("amount_usd", "float64", "amount in US dollars at the ECB rate of rate_date", "USD"),
    ("amount_eur", "float64", "amount in euros at the ECB rate of rate_date (a currency the euro replaced: its fixed rate)", "EUR"),
    ("amount_cny", "float64", "amount in yuan at the ECB rate of rate_date", "CNY"),
    ("rate_date", "string", "the ECB business day whose reference rates were used (a currency the euro replaced: the day its fixed rate took effect)", "date"),
    ("eur_rate", "float64", "units of currency per euro on rate_date (ECB, or the irrevocable euro conversion rate)", "currency per EUR"),
    ("conversion_note", "string", "why there is no conversion, when there is none; which fixed euro rate was used, when one was", None),
    ("stated_for", "Int64", "this amount restates the amount at this start offset (a printed conversion)",
     "characters"),
    ("stated_amount", "float64", "a conversion the article prints for this amount", "stated_currency"),
    ("stated_currency", "string", "the currency of stated_amount", None),
    ("deviation_pct", "float64", "stated conversion against the ECB rate: (stated / ECB - 1) * 100", "%"),
    ("mentions", "Int64", "how often the article states this amount for this entity", None),
] + SOURCE
ADOPTION = PROVENANCE + [
    ("subject", "string", "what is adopted or done, as written (application, \"setzen bereits KI ein\")", None),
    ("group", "string", "who: the population the share is of (\"Unternehmen\", \"Befragten\", \"Haushalt\")",
     None),
    ("region", "string", "where (China, West, Japan, ...)", None),
    ("period", "string", "the survey year, or \"Vorjahr\" for an earlier value the sentence states", None),
    ("low", "float64", "share in percent, low end (fractions and \"jeder Dritte\" as percent)", "%"),
    ("high", "float64", "share in percent, high end; empty when open-ended (\"90%+\")", "%"),
    ("unit", "string", "%", None),
    ("qualifier", "string", "approx, more_than, less_than, up_to", None),
    ("restates", "string", "a fraction restating a percent of its sentence: that percent's text", None),
    ("in_table", "boolean", "read from a table cell", None),
] + SOURCE
STOCK_MOVES = PROVENANCE + OWNER + [
    ("period", "string", "over which period: 1d (the trading day), intraday, after-hours, wtd (since the week "
     "began), 7d, ytd, 12m, other", None),
    ("period_text", "string", "the words that gave the period; empty for a same-day report (1d)", None),
    ("change_pct", "float64", "signed change in percent (-5.08 for \"5,08% im Minus\")", "%"),
    ("change_points", "float64", "signed change in index points", "points"),
    ("qualifier", "string", "approx, more_than, less_than, up_to", None),
    ("as_of", "string", "date of the move: a date or weekday in the sentence, else the publication date", "date"),
    ("mentions", "Int64", "how often the article states this move", None),
] + SOURCE
TIMEFRAMES = PROVENANCE + [
    ("subject", "string", "what the timeframe is for", None),
    ("low", "float64", "low end", "unit"),
    ("high", "float64", "high end; empty when open-ended", "unit"),
    ("unit", "string", "second, minute, hour, day, week, month, year", None),
    ("qualifier", "string", "approx, more_than, less_than, up_to", None),
    ("in_table", "boolean", "read from a table cell", None),
] + SOURCE
CHANGES = PROVENANCE + [
    ("entity", "string", "whose figure changed: the grammatical owner, else the economy named "
                         "(\"Deutschland\", \"EU\") for an economy's figures", None),
] + OWNER[1:] + [
    ("measure", "string", "revenue, profit, orders, sales_volume, employment, unemployment, prices, exports, "
                          "production, market_share, users, tourism, costs, other", None),
    ("change_pct", "float64", "signed relative change in percent (\"sank um 3 Prozent\" = -3)", "%"),
    ("change_abs", "float64", "signed absolute change, in unit", "unit"),
    ("unit", "string", "unit of change_abs: pp (Prozentpunkte), an ISO currency, or the counted noun", None),
    ("change_factor", "float64", "new value over old (\"verdoppelt\" = 2, \"auf ein Drittel\" = 0.3333)", None),
    ("period", "string", "over which period, as written (\"im Jahresvergleich\", \"im dritten Quartal\")", None),
    ("from_value", "float64", "the level before, where the sentence gives it (\"von 2,5 ...\")", "from_unit"),
    ("to_value", "float64", "the level after, where the sentence gives it (\"... auf 3,1 Mrd. Euro\")", "to_unit"),
    ("from_unit", "string", "unit of from_value", None),
    ("to_unit", "string", "unit of to_value", None),
    ("qualifier", "string", "approx, more_than, less_than, up_to", None),
] + SOURCE
CHECKS = PROVENANCE + [
    ("check", "string", "multiple, conversion, percent_change or change (a stated change against its "
                        "from/to)", None),
    ("claim", "string", "what the article claims, in words", None),
    ("claimed", "float64", "the claimed value", None),
    ("computed", "float64", "the value computed from the article's own figures (or the ECB rate)", None),
    ("ok", "boolean", "claimed agrees with computed within the tolerance; empty when nothing to compare",
     None),
    ("note", "string", "how computed was obtained", None),
] + SOURCE

TABLES: dict[str, list[tuple]] = {
    "figures": [(c, t, m, None) for c, (t, m) in FIGURE_COLUMNS.items()],
    "money": MONEY,
    "budgets": MONEY,
    "adoption": ADOPTION,
    "stock_moves": STOCK_MOVES,
    "timeframes": TIMEFRAMES,
    "checks": CHECKS,
    "changes": CHANGES,
}
REQUIRED = {"article", "text", "start", "end"}


def columns(table: str) -> list[str]:
    return [c[0] for c in TABLES[table]]


def dtypes(table: str) -> dict[str, str]:
    return {c[0]: c[1] for c in TABLES[table]}


@functools.cache
def schema(table: str):
    """The pandera schema of a table (strict: exactly these columns, in this order)."""
    import pandera.pandas as pa
    cols = {}
    for name, dtype, meaning, unit in TABLES[table]:
        checks = []
        if name in ("start", "end"):
            checks.append(pa.Check.ge(0))
        if name in ("amount", "low") and table != "figures":
            checks.append(pa.Check.ge(0))
        cols[name] = pa.Column(dtype, checks=checks, nullable=name not in REQUIRED,
                               description=meaning, title=unit)
    return pa.DataFrameSchema(cols, strict=True, ordered=True, name=table,
                              checks=[pa.Check(lambda df: (df["end"] > df["start"]).all(), element_wise=False,
                                               error="end must be after start")])


def validate(df, table: str):
    """Cast ``df`` to the table's dtypes and validate it; returns the validated frame."""
    df = df.reindex(columns=columns(table)).astype(dtypes(table))
    return schema(table).validate(df)
