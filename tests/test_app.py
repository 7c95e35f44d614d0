"""The app in-process (every tab, loading, uploads, pastes, downloads, the topic registry) and the
command line for people (readable tables on a terminal, rounded data when piped)."""
from __future__ import annotations

import base64
import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from explore.app import topics
from explore.app.ui import App

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ARTICLE = ("Siemens Energy hebt die Prognose an\nMünchen, 12. November 2025 – Die Siemens Energy AG steigerte den "
           "Umsatz um 12 Prozent auf 9,1 Milliarden Euro. Die Aktie von Siemens Energy legte seit "
           "Jahresbeginn um mehr als 80 Prozent zu.\n")


def _data_url(html: str, filename: str) -> bytes:
    m = re.search(rf"download='{re.escape(filename)}' href='data:[^;]+;base64,([^']+)'", html)
    assert m, f"no download link for {filename}"
    return base64.b64decode(m.group(1))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return App([str(SEEDS)], workdir=tmp_path_factory.mktemp("app"))


def test_every_tab_opens_with_a_german_chart_and_table(app):
    assert app.tab_titles == ["Überblick", "Zahlen-Browser", *[t.label("de") for t in topics.TOPICS[1:]], "Downloads"]
    for i in range(len(app.tab_titles)):
        app.open_tab(i)
    titles = {k: p.figure.layout.title.text for k, p in app.panels.items()}
    assert titles["stock_moves"] == "Kursbewegungen nach Zeitraum"
    assert titles["money"] == "Budgets im Vergleich, in EUR"
    assert titles["checks"].startswith("Prüfungen")
    moves = app.panels["stock_moves"].table.value
    assert "seit Jahresbeginn" in moves and "−5,08 %" in moves and "mehr als" in moves
    assert "Alibaba" in app.organisations.value
    assert app.browser is not None and len(app.browser.table) == len(app.figs)


def test_currency_toggle_redraws_the_money_chart(app):
    app.open_tab(app.tab_titles.index("Geld"))
    panel = app.panels["money"]
    panel.controls["currency"].value = "CNY"
    assert panel.figure.layout.yaxis.title.text == "Betrag in CNY"
    assert "Mrd." in " ".join(panel.figure.layout.yaxis.ticktext)


def test_csv_and_excel_downloads_hold_the_table(app):
    panel = app.panels["money"]
    csv = pd.read_csv(io.BytesIO(_data_url(panel.links.value, "money.csv")))
    assert len(csv) == len(app.tables["money"]) and "Alibaba" in set(csv["entity"])
    assert all(len(str(v).split(".")[-1]) <= 2 for v in csv["amount_usd"].dropna())      # cents
    book = openpyxl.load_workbook(io.BytesIO(_data_url(panel.links.value, "money.xlsx")))
    assert book.sheetnames == ["money"] and book["money"].max_row == len(app.tables["money"]) + 1
    app.build_package()
    import zipfile
    names = zipfile.ZipFile(io.BytesIO(_data_url(app.package_link.value, "explore-data.zip"))).namelist()
    assert "explore-data/datapackage.json" in names and "explore-data/stock_moves.csv" in names
    panel.download_chart("html")
    assert b"Plotly" in _data_url(panel.chart_links.value, "money.html")


def test_uploads_and_pastes_replace_the_corpus_in_every_view(tmp_path):
    app = App([str(SEEDS)], workdir=tmp_path)
    app.open_tab(app.tab_titles.index("Kursbewegungen"))
    app.open_tab(app.tab_titles.index("Zahlen-Browser"))
    now = dt.datetime.now()
    app.upload.value = (
        {"name": "siemens.txt", "type": "text/plain", "size": 1, "content": memoryview(ARTICLE.encode()), "last_modified": now},
        {"name": "kaputt.txt", "type": "text/plain", "size": 1, "content": memoryview(b"\x00\x01\x02\x03"), "last_modified": now},
        {"name": "bild.png", "type": "image/png", "size": 1, "content": memoryview(b"\x89PNG"), "last_modified": now},
    )
    assert [a.id for a in app.corpus] == ["siemens"]
    status = app.status.value
    assert "kaputt.txt" in status and "binary" in status and "bild.png" in status and "keine .txt-Datei" in status
    assert "12.11.2025" in status                                   # the dateline's date, marked as read from the text
    moves = app.panels["stock_moves"]
    assert "seit Jahresbeginn" in moves.table.value and "Alibaba" not in moves.table.value
    assert set(app.browser.table["article"]) == {"siemens"}
    app.paste.value = "Frankfurt, 3. März 2025 – Die Commerzbank steigerte den Gewinn um 20 Prozent."
    app.add_text()
    assert len(app.corpus) == 2 and app.paste.value == ""
    pasted = next(a for a in app.corpus if a.id.startswith("text-01"))
    assert pasted.published == dt.date(2025, 3, 3)
    app.folder.value = str(tmp_path / "missing")
    app.load_folder()
    assert "nicht gefunden" in app.status.value and len(app.corpus) == 2      # nothing lost


def test_english_on_request(tmp_path):
    app = App([str(SEEDS)], locale="en", workdir=tmp_path)
    assert app.tab_titles[:3] == ["Overview", "Figure browser", "Money"]
    assert app.panels["figures"].figure.layout.title.text == "Figures per article, by kind"
    app.language.value = "de"
    assert app.panels["figures"].figure.layout.title.text == "Zahlen je Artikel, nach Art"


def test_a_new_topic_is_one_entry(monkeypatch, tmp_path):
    """A topic table added to TOPICS gets its tab, chart, table and downloads, with nothing else to change."""
    from explore import charts
    extra = topics.Topic("big_amounts", ("Große Beträge", "Large amounts"),
                         lambda figs: figs[(figs["kind"] == "money") & (figs["low"] >= 1e9)],
                         lambda df, locale="de": charts.figure_counts(df, locale=locale, title="Große Beträge"),
                         ("article", "text", "low", "unit"))
    monkeypatch.setattr(topics, "TOPICS", [*topics.TOPICS, extra])
    import explore.app.ui as ui
    monkeypatch.setattr(ui, "TOPICS", topics.TOPICS)
    app = App([str(SEEDS)], workdir=tmp_path)
    app.open_tab(app.tab_titles.index("Große Beträge"))
    panel = app.panels["big_amounts"]
    assert panel.figure.layout.title.text == "Große Beträge"
    assert "3 Mrd." in panel.table.value and "big_amounts.csv" in panel.links.value


# ---- the command line for people ----------------------------------------------------------------

def test_readable_table_on_a_terminal():
    from rich.console import Console

    import explore
    from explore.cli import _print_readable
    console = Console(record=True, width=150, color_system=None)
    moves = explore.stock_moves(SEEDS)
    assert len(moves) == 4                                                 # the seed key's four moves
    _print_readable(moves, "stock-moves", "de", console=console)
    text = console.export_text()
    assert "Kursbewegungen" in text and "seit Jahresbeginn" in text and "−5,08 %" in text
    assert "Organisation" in text and "change_points" not in text          # the useful columns only
    assert "4 Zeilen" in text and "--format csv" in text


def test_piped_table_is_data_rounded():
    out = subprocess.run([sys.executable, "-m", "explore", "table", "money", str(SEEDS)], capture_output=True,
                         text=True, cwd=ROOT, timeout=300, check=True).stdout
    df = pd.read_csv(io.StringIO(out))
    assert "amount_usd" in df.columns
    for col in ("amount_usd", "amount_eur", "amount_cny"):
        for v in df[col].dropna():
            assert round(v, 2) == v, (col, v)                       # no float noise like 432324811.5892462


def test_rounding_rule():
    from explore.export import rounded
    df = pd.DataFrame({"amount_usd": [432324811.5892462], "change_pct": [-5.083333333], "eur_rate": [8.186912345],
                       "low": [0.123456789]})
    assert rounded(df).iloc[0].tolist() == [432324811.59, -5.08333, 8.18691, 0.123457]


def test_german_and_english_label_tables_have_the_same_keys():
    from explore import labels
    de, en = labels.table("de"), labels.table("en")
    assert set(de) == set(en)
    for section in de:
        assert set(de[section]) == set(en[section]), section
    assert labels.table("de")["period"]["ytd"] == "seit Jahresbeginn" and labels.month(10) == "Okt"
