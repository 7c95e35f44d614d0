"""Widgets: controls redraw the FigureWidget in place; empty selections are friendly; export works."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from explore import widgets as xw

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _bars(fig) -> dict:
    return {x.split("<br>")[0]: y for t in fig.data if t.type == "bar" for x, y in zip(t.x, t.y)}


def _empty_state(fig) -> bool:
    return any(a.name == "empty_state" for a in fig.layout.annotations)


def test_budget_explorer_currency_redraws_in_place(money_df):
    w = xw.budget_explorer(money_df)
    fw = w.figure
    assert isinstance(fw, go.FigureWidget)
    assert _bars(fw)["Alibaba"] == 4.31e8
    w.controls["currency"].value = "CNY"
    assert w.figure is fw, "the same FigureWidget is updated, not replaced"
    assert _bars(fw)["Alibaba"] == 3e9 and fw.layout.yaxis.title.text == "Betrag in CNY"
    w.controls["log"].value = True
    assert fw.layout.yaxis.type == "log"
    w.controls["search"].value = "tencent"
    assert _bars(fw) == {"Tencent": 1e9}
    assert fw.layout.separators == ",."
    assert repr(w).startswith("BudgetExplorer\nBudgets im Vergleich, in CNY\n  Kampagne: Tencent=1e+09")
    w.controls["locale"].value = "en"
    assert fw.layout.separators == ".,"
    assert repr(w).startswith("BudgetExplorer\nBudgets compared in CNY\n  campaign: Tencent=1e+09")


def test_empty_selection_is_a_friendly_empty_state(money_df, stock_df, adoption_df, timeframes_df, figures_df):
    cases = [
        (xw.budget_explorer(money_df), "measure", ()),
        (xw.stock_explorer(stock_df), "entity", ()),
        (xw.adoption_explorer(adoption_df), "region", ()),
        (xw.timeframe_explorer(timeframes_df), "subject", ()),
        (xw.overview(figures_df), "kind", ()),
    ]
    for w, control, value in cases:
        w.controls[control].value = value
        assert _empty_state(w.figure), type(w).__name__
        assert "Keine " in repr(w)
    w = xw.budget_explorer(money_df)
    w.controls["search"].value = "no such entity"
    assert _empty_state(w.figure)


def test_adoption_explorer_switches_view(adoption_df):
    w = xw.adoption_explorer(adoption_df)
    assert "Kundenservice-Chatbots=75–85 %" in repr(w)
    w.controls["view"].value = "market"
    text = repr(w)
    assert "Chatbot-Nutzung nach Markt" in text and "Japan=45–55 %" in text
    w.controls["region"].value = ("China", "West")
    assert "Japan" not in repr(w)


def test_stock_explorer_periods_and_sign_colours(stock_df):
    w = xw.stock_explorer(stock_df)
    w.controls["period"].value = ("7d",)
    assert _bars(w.figure) == {"7 Tage": -5.08}
    w.controls["color"].value = None
    assert list(w.figure.data[0].marker.color) == ["#d62728"]


def test_overview_timeline(figures_df):
    w = xw.overview(figures_df)
    assert sum(sum(t.x) for t in w.figure.data if t.type == "bar") == len(figures_df)
    w.controls["chart"].value = "timeline"
    assert w.figure.layout.xaxis.type == "date"


def test_a_chart_that_fails_says_so_on_the_chart(money_df):
    w = xw.budget_explorer(money_df.drop(columns=["amount_eur"]))
    w.controls["currency"].value = "EUR"
    assert _empty_state(w.figure) and "Cannot draw this selection" in repr(w)


# ---- figure browser -------------------------------------------------------------------------

@pytest.fixture
def browser():
    import explore
    corpus = explore.load_corpus(SEEDS)
    return xw.figure_browser(corpus)


def test_browser_filters_and_highlights(browser):
    total = len(browser.table)
    assert f"{total} of {total} figures" in repr(browser)
    browser.controls["search"].value = "5,08"
    rows = browser.filtered()                       # the figure, and the others in its sentence
    assert "5,08%" in list(rows["text"]) and rows["sentence"].str.contains("5,08").all()
    browser.rows.value = rows.index[rows["text"] == "5,08%"][0]
    assert "<mark" in browser.detail.value and ">5,08%</mark>" in browser.detail.value
    assert "<b>Alibaba</b>" in browser.detail.value
    assert "selected: 002_1d86e9404be00b17 '5,08%' (percent)" in repr(browser)
    # the whole article inline, the figure marked at its offsets, its organisation marked too
    article = browser.article.value
    assert "3 Milliarden Yuan für Qwen-Nutzer" in article and ">5,08%</mark>" in article
    assert xw.ORG_MARK in article and ">Alibaba</mark>" in article


def test_browser_next_and_previous_step_through_the_list(browser):
    first, second = [v for _, v in browser.rows.options][:2]
    assert browser.rows.value == first and browser.position.value.startswith("1 / ")
    browser.next.click()
    assert browser.rows.value == second and browser.position.value.startswith("2 / ")
    browser.previous.click()
    browser.previous.click()                     # stays on the first
    assert browser.rows.value == first


def test_browser_uses_the_entity_offsets_of_the_tables_when_present():
    text = "Die Aktie von Alibaba stieg um 5 %. Tencent nicht."
    row = {"article": "a", "start": 31, "end": 34, "sentence": "Die Aktie von Alibaba stieg um 5 %.",
           "sentence_start": 0, "entity": "Alibaba", "entity_start": 14, "entity_end": 21, "entity_text": "Alibaba"}
    assert xw.organisation_span(row, text) == (14, 21)
    row.pop("entity_start"), row.pop("entity_end")          # no offsets: the name as written in the sentence
    assert xw.organisation_span(row, text) == (14, 21)
    assert xw.organisation_span({**row, "entity": None}, text) is None


def test_browser_article_and_kind(browser):
    browser.controls["article"].value = "003_609609b3cca75a62"
    browser.controls["kind"].value = ("percent",)
    rows = browser.filtered()
    assert set(rows["kind"]) == {"percent"} and set(rows["article"]) == {"003_609609b3cca75a62"}
    assert len(browser.rows.options) == len(rows)
    assert sum(sum(t.x) for t in browser.figure.data if t.type == "bar") == len(rows)


def test_browser_empty_state(browser):
    browser.controls["search"].value = "zzz-no-such-text"
    assert browser.rows.options == ()
    assert "Keine Zahl passt zu diesen Filtern" in browser.detail.value
    assert _empty_state(browser.figure)
    assert "0 of" in repr(browser)


def test_browser_highlights_the_right_occurrence():
    sentence = "Erst 3 Mrd., dann wieder 3 Mrd."
    assert xw.highlight(sentence, "3 Mrd.", at=25).endswith("<mark style='background:#ffe066;padding:0 2px'>"
                                                           "3 Mrd.</mark>")
    assert xw.highlight("a <b> 5%", "5%") == "a &lt;b&gt; <mark style='background:#ffe066;padding:0 2px'>5%</mark>"


def test_with_entities_takes_them_from_topic_tables(figures_df):
    row = figures_df[figures_df["text"] == "5,08%"].iloc[0]
    topic = pd.DataFrame({"article": [row["article"]], "start": [row["start"]], "end": [row["end"]],
                          "entity": ["Alibaba"]})
    out = xw.with_entities(figures_df, topic)
    assert len(out) == len(figures_df)
    assert out.loc[out["text"] == "5,08%", "entity"].tolist() == ["Alibaba"]
    assert out["entity"].notna().sum() == 1


# ---- export button ----------------------------------------------------------------------------

def test_export_button_html_without_browser(money_df, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chrome"))
    w = xw.budget_explorer(money_df, folder=tmp_path)
    w.controls["currency"].value = "EUR"
    w.export_bar.format.value = "png"
    assert w.export_bar.export() is None
    assert "No Chrome or Chromium" in w.export_bar.status.value and "apt-get install chromium" in w.export_bar.status.value
    w.export_bar.format.value = "html"
    w.export_bar.button.click()
    page = (tmp_path / "budgets.html").read_text(encoding="utf-8")
    assert "Budgets im Vergleich, in EUR" in page, "the chart is saved as shown"
    assert "saved" in w.export_bar.status.value


@pytest.mark.chromium
def test_export_button_png(money_df, tmp_path, kaleido_server):
    w = xw.budget_explorer(money_df, folder=tmp_path)
    w.export_bar.filename.value = "my budgets"
    w.export_bar.button.click()
    png = tmp_path / "my budgets.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", w.export_bar.status.value


def test_multi_toggle_is_plain_click_and_shows_every_option():
    m = xw.MultiToggle([("Geld", "money"), ("Prozent", "percent"), ("Datum", "date")], description="Art")
    assert [b.description for b in m.buttons] == ["Geld", "Prozent", "Datum"]
    assert m.value == ("money", "percent", "date")
    m.buttons[1].value = False                    # one plain click switches one option off
    assert m.value == ("money", "date")
    m.value = ("percent",)                        # and setting the value shows on the buttons
    assert [b.value for b in m.buttons] == [False, True, False]
    m.options = ["money", "count"]
    assert m.value == () and len(m.buttons) == 2
