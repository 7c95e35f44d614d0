"""Chart functions: tidy table in, Figure out, with title, units, source note and hover provenance."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from explore import charts


def _note(fig: go.Figure) -> str:
    notes = [a.text for a in fig.layout.annotations if a.name == "source_note"]
    assert len(notes) == 1, "every chart carries exactly one source note"
    return notes[0]


def _bars(fig: go.Figure) -> dict:
    return {x.split("<br>")[0]: y for t in fig.data if t.type == "bar" for x, y in zip(t.x, t.y)}


# ---- formatting: (value, options) -> expected text -------------------------------------------

@pytest.mark.parametrize("value, kwargs, expected", [
    (1234.5, {"locale": "en"}, "1,234.5"),
    (1234.5, {}, "1.234,5"),
    (1234.5, {"locale": "de"}, "1.234,5"),
    (-5.08, {"locale": "de", "sign": True}, "−5,08"),
    (44.92, {"sign": True, "locale": "en"}, "+44.92"),
    (0.0, {"sign": True}, "0"),
    (3.0, {}, "3"),
    (float("nan"), {}, "–"),
    (2.5, {"decimals": 0}, "2"),
], ids=lambda v: repr(v))
def test_fmt_number(value, kwargs, expected):
    assert charts.fmt_number(value, **kwargs) == expected


@pytest.mark.parametrize("value, locale, unit, expected", [
    (3e9, "en", "CNY", "3 bn CNY"),
    (3e9, "de", "CNY", "3 Mrd. CNY"),
    (431.2e6, "en", None, "431.2 M"),
    (431.2e6, "de", "USD", "431,2 Mio. USD"),
    (500e6, "de", None, "500 Mio."),
    (950.0, "en", "EUR", "950 EUR"),
])
def test_fmt_amount(value, locale, unit, expected):
    assert charts.fmt_amount(value, locale, unit) == expected


@pytest.mark.parametrize("value, locale, expected", [
    ("2025-02-17", "en", "17 Feb 2025"), ("2025-02-17", "de", "17.02.2025"),
    ("2025-02", "en", "Feb 2025"), ("2010", "de", "2010"), (None, "en", "undated"), (pd.NA, "de", "ohne Datum"),
])
def test_fmt_date(value, locale, expected):
    assert charts.fmt_date(value, locale) == expected


def test_unknown_locale_is_a_clear_error(money_df):
    with pytest.raises(ValueError, match="locale must be one of"):
        charts.budget_bars(money_df, locale="fr")


# ---- source notes ----------------------------------------------------------------------------

def test_source_note_one_article_cites_title_publisher_date(stock_df):
    note = charts.source_note(stock_df[stock_df["article"] == "000_z"], locale="en")
    assert note == ("Source: Alibaba: Wie dem Tech-Konzern dank KI ein fulminantes Comeback gelingt "
                    "(Handelsblatt, 17 Feb 2025)")


def test_source_note_several_articles_and_undated(stock_df, adoption_df):
    both = pd.concat([stock_df, adoption_df.head(1)])
    note = charts.source_note(both, locale="de")
    assert note.startswith("Quellen: Handelsblatt, 17.02.2025; Finanztrends, 05.02.2026; Wie Chinas")
    assert "ohne Datum" in note


# ---- every chart: title, axis titles with units, the note, locale ---------------------------

CHARTS = {
    "budgets": (lambda t, **kw: charts.budget_bars(t["money"], **kw), ("Amount in USD", "Betrag in USD")),
    "adoption": (lambda t, **kw: charts.adoption_ranges(t["adoption"], **kw), ("Adoption rate (%)", "Nutzungsrate (%)")),
    "stocks": (lambda t, **kw: charts.stock_bars(t["stock"], **kw), ("Change (%)", "Veränderung (%)")),
    "timeframes": (lambda t, **kw: charts.timeframe_ranges(t["timeframes"], **kw), ("Time (months)", "Zeit (Monate)")),
    "counts": (lambda t, **kw: charts.figure_counts(t["figures"], **kw), ("Figures (count)", "Zahlen (Anzahl)")),
    "timeline": (lambda t, **kw: charts.figure_timeline(t["figures"], **kw), ("Date", "Datum")),
}


@pytest.fixture
def tables(money_df, adoption_df, stock_df, timeframes_df, figures_df):
    return {"money": money_df, "adoption": adoption_df, "stock": stock_df, "timeframes": timeframes_df,
            "figures": figures_df}


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("locale, separators", [("en", ".,"), ("de", ",.")])
def test_every_chart_is_labelled_and_sourced(tables, name, locale, separators):
    make, axes = CHARTS[name]
    axis = axes[0] if locale == "en" else axes[1]
    fig = make(tables, locale=locale)
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    titles = [fig.layout.xaxis.title.text or "", fig.layout.yaxis.title.text or ""]
    assert any(t.startswith(axis) for t in titles), titles
    assert _note(fig).startswith("Source" if locale == "en" else "Quelle")
    assert fig.layout.meta["source_note"].startswith(_note(fig)[:20])
    assert fig.layout.separators == separators
    assert fig.data, "something is drawn"


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_has_a_friendly_empty_state(tables, name):
    make, _ = CHARTS[name]
    empty = {k: v.iloc[0:0] for k, v in tables.items()}
    fig = make(empty)
    assert [a.text for a in fig.layout.annotations if a.name == "empty_state"]
    assert "Keine" in charts.describe(fig)
    assert "No " in charts.describe(make(empty, locale="en"))
    _note(fig)


def test_missing_column_names_the_column(money_df):
    with pytest.raises(KeyError, match="amount_cny"):
        charts.budget_bars(money_df.drop(columns="amount_cny"), currency="CNY")


# ---- budgets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("currency, expected", [
    ("USD", {"Alibaba": 4.31e8, "Tencent": 1.44e8, "Baidu": 7.2e7, "Kunde": 104.0}),
    ("CNY", {"Alibaba": 3e9, "Tencent": 1e9, "Baidu": 5e8, "Kunde": 790.0}),
    ("eur", {"Alibaba": 3.99e8, "Tencent": 1.33e8, "Baidu": 6.65e7, "Kunde": 100.0}),
])
def test_budget_bars_convert_and_drop_restatements_and_repeats(money_df, currency, expected):
    fig = charts.budget_bars(money_df, currency=currency, locale="en")
    assert _bars(fig) == expected          # the USD restatement and the repeated 3 Mrd. are not extra bars
    assert fig.layout.yaxis.title.text == f"Amount in {currency.upper()}"
    assert charts.budget_bars(money_df, currency=currency).layout.yaxis.title.text == f"Betrag in {currency.upper()}"


def test_budget_hover_keeps_the_amount_as_written(money_df):
    fig = charts.budget_bars(money_df, currency="USD", locale="de")
    hover = " ".join(h for t in fig.data for h in t.hovertext)
    assert "wie im Text: 3 Mrd. CNY" in hover and "“3 Milliarden Yuan”" in hover
    assert "431 Mio. USD" in hover or "431 Mio." in hover


def test_budget_log_scale(money_df):
    fig = charts.budget_bars(money_df, log=True, locale="en")
    assert fig.layout.yaxis.type == "log" and "log scale" in fig.layout.yaxis.title.text
    fig = charts.budget_bars(money_df, log=True)
    assert "logarithmisch" in fig.layout.yaxis.title.text and "1 Mrd." in fig.layout.yaxis.ticktext


def test_budget_axis_writes_amounts_with_german_scale_words(money_df):
    fig = charts.budget_bars(money_df, currency="CNY")
    assert list(fig.layout.yaxis.ticktext) == ["0", "1 Mrd.", "2 Mrd.", "3 Mrd."]
    assert charts.fmt_amount(3.5e9) == "3,5 Mrd." and charts.fmt_amount(432.3e6) == "432,3 Mio."
    assert {t.name for t in fig.data} == {"Kampagne", "Preis"}
    en = charts.budget_bars(money_df, currency="CNY", locale="en")
    assert "2 bn" in en.layout.yaxis.ticktext and {t.name for t in en.data} == {"campaign", "price"}


def test_budget_bad_currency(money_df):
    with pytest.raises(ValueError, match="currency"):
        charts.budget_bars(money_df, currency="JPY")


# ---- adoption ---------------------------------------------------------------------------------

def test_adoption_split(adoption_df):
    by_app, by_market = charts.adoption_split(adoption_df)
    assert set(by_app["region"]) == {"China", "West"} and len(by_app) == 8
    assert set(by_market["region"]) == {"China", "Japan", "Südostasien", "Indien"}


def test_adoption_open_end_is_drawn_open(adoption_df):
    by_app, _ = charts.adoption_split(adoption_df)
    fig = charts.adoption_ranges(by_app, locale="en")
    china = next(t for t in fig.data if t.name == "China" and t.mode == "markers")
    assert "triangle-right-open" in china.marker.symbol
    dotted = [t for t in fig.data if t.line and t.line.dash == "dot"]
    assert len(dotted) == 1 and list(dotted[0].x) == [90.0, 100.0, None, 80.0, 100.0, None]
    west = next(t for t in fig.data if t.name == "West" and t.mode == "markers")
    assert "triangle-right-open" not in west.marker.symbol
    text = charts.describe(fig)
    assert "Personalisierte Empfehlungen=90 %+ (open-ended)" in text
    assert "Kundenservice-Chatbots=30–40 %" in text
    assert "Personalisierte Empfehlungen=90 %+ (offen)" in charts.describe(charts.adoption_ranges(by_app))


def test_adoption_market_comparison(adoption_df):
    _, by_market = charts.adoption_split(adoption_df)
    fig = charts.adoption_ranges(by_market, y="region", color=None)
    assert list(fig.layout.yaxis.ticktext) == ["China", "Japan", "Südostasien", "Indien"]
    assert "Japan=45–55 %" in charts.describe(fig)


# ---- stock moves --------------------------------------------------------------------------------

def test_stock_bars_signed_grouped_by_period_with_as_of(stock_df):
    fig = charts.stock_bars(stock_df, locale="en")
    bars = _bars(fig)
    assert bars == {"7 days": -5.08, "year to date": 45.0, "12 months": 44.92}
    labels = list(fig.layout.xaxis.categoryarray)
    assert [x.split("<br>")[0] for x in labels] == ["7 days", "year to date", "12 months"]
    assert "as of 17 Feb 2025" in labels[1] and "as of 5 Feb 2026" in labels[0]
    assert list(fig.data[0].text) == ["−5.08%", "+45%", "+44.92%"]
    hover = " ".join(fig.data[0].hovertext)
    assert "no as-of date in the text" in hover and "more than +45%" in hover


def test_stock_bars_in_german_by_default(stock_df):
    fig = charts.stock_bars(stock_df)
    assert _bars(fig) == {"7 Tage": -5.08, "seit Jahresbeginn": 45.0, "12 Monate": 44.92}
    labels = list(fig.layout.xaxis.categoryarray)
    assert "Stand 17.02.2025" in labels[1]
    assert list(fig.data[0].text) == ["−5,08 %", "+45 %", "+44,92 %"]
    hover = " ".join(fig.data[0].hovertext)
    assert "mehr als +45 %" in hover and "kein Stichtag im Text" in hover and "more_than" not in hover
    assert fig.layout.title.text == "Kursbewegungen nach Zeitraum" and fig.layout.xaxis.title.text == "Zeitraum"


def test_stock_bars_colour_by_sign_without_groups(stock_df):
    fig = charts.stock_bars(stock_df, color=None, locale="de")
    assert list(fig.data[0].marker.color) == [charts.DOWN, charts.UP, charts.UP]
    assert fig.data[0].text[0] == "−5,08 %"


# ---- timeframes -------------------------------------------------------------------------------

def test_timeframe_ranges(timeframes_df):
    fig = charts.timeframe_ranges(timeframes_df, locale="en")
    bar = fig.data[0]
    assert list(bar.base) == [3, 2, 6, 18] and list(bar.x) == [3, 2, 6, 18]
    assert list(bar.text) == ["3–6 months", "2–4 months", "6–12 months", "18–36 months"]
    assert charts.timeframe_ranges(timeframes_df).data[0].text[0] == "3–6 Monate"
    assert "Autonome Logistik=18..36" in charts.describe(fig)


def test_timeframes_mixed_units_go_to_months(timeframes_df):
    df = timeframes_df.copy()
    df.loc[3, ["low", "high", "unit"]] = [1.5, 3.0, "year"]
    fig = charts.timeframe_ranges(df, locale="en")
    assert fig.data[0].base[3] == pytest.approx(18) and fig.data[0].x[3] == pytest.approx(18)
    assert fig.layout.xaxis.title.text == "Time (months)"


# ---- overview -----------------------------------------------------------------------------------

def test_figure_counts_match_the_table(figures_df):
    fig = charts.figure_counts(figures_df, locale="en")
    total = sum(sum(t.x) for t in fig.data if t.type == "bar")
    assert total == len(figures_df)
    assert {t.name for t in fig.data if t.type == "bar"} == set(figures_df["kind"])
    de = {t.name for t in charts.figure_counts(figures_df).data if t.type == "bar"}
    assert {"Geld", "Prozent", "Datum"} <= de


def test_figure_timeline_places_every_dated_figure(figures_df):
    fig = charts.figure_timeline(figures_df, locale="en")
    dated = figures_df["date"].notna().sum()
    points = sum(len(t.x) for t in fig.data if t.mode == "markers" and t.name != "published")
    assert points == dated


def test_timeline_ticks_name_months_in_german():
    assert charts.date_tick("2025-10-01") == "Okt 2025" and charts.date_tick("2025-10-01", "en") == "Oct 2025"
    assert charts.date_tick("2026-01-01") == "2026"
    ticks = charts.date_ticks("2025-08-14", "2026-02-05")
    assert [charts.date_tick(t) for t in ticks][:4] == ["Aug 2025", "Sep 2025", "Okt 2025", "Nov 2025"]
