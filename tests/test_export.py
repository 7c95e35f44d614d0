"""Export: PNG/SVG through kaleido and a real Chromium (one browser for the batch), HTML without."""
from __future__ import annotations

import struct
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from explore import charts, export

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def sample_charts(money_df, adoption_df, stock_df, timeframes_df, figures_df):
    by_app, by_market = charts.adoption_split(adoption_df)
    return {
        "budgets": charts.budget_bars(money_df, locale="en"),
        "adoption": charts.adoption_ranges(by_app),
        "markets": charts.adoption_ranges(by_market, y="region", color=None),
        "stocks": charts.stock_bars(stock_df, locale="de"),
        "timeframes": charts.timeframe_ranges(timeframes_df),
        "counts": charts.figure_counts(figures_df),
        "timeline": charts.figure_timeline(figures_df),
    }


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.mark.chromium
def test_images_from_one_browser_session(sample_charts, kaleido_server, tmp_path, artifacts_dir):
    t0 = time.perf_counter()
    result = export.write_charts(sample_charts, tmp_path, ["png", "svg"])
    took = time.perf_counter() - t0
    assert not result.errors
    assert len(result.written) == 2 * len(sample_charts)
    for name, fig in sample_charts.items():
        w, h = _png_size(tmp_path / f"{name}.png")
        assert (w, h) == (fig.layout.width * export.PNG_SCALE, fig.layout.height * export.PNG_SCALE)
        svg = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg")
        # the source note is part of the image, not only of the page around it
        assert charts.source_note(pd.DataFrame(), "en")[:6] in svg or "Quelle" in svg
        assert fig.layout.meta["source_note"].split(";")[0] in svg
        (artifacts_dir / f"chart_{name}.png").write_bytes((tmp_path / f"{name}.png").read_bytes())
    # one browser: later images cost a fraction of a browser start (about 3 s each)
    assert took < 1.5 * len(result.written) + 5, f"{took:.1f}s for {len(result.written)} images"


def test_html_needs_no_browser(sample_charts, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chrome"))
    assert export.find_browser() is None
    result = export.write_charts(sample_charts, tmp_path, ["html", "png"])
    assert [p.suffix for p in result.written] == [".html"] * len(sample_charts)
    assert (tmp_path / "plotly.min.js").exists(), "HTML opens offline: plotly.js is written next to it"
    page = (tmp_path / "budgets.html").read_text(encoding="utf-8")
    assert 'src="plotly.min.js"' in page and "Sources: Handelsblatt, 17 Feb 2025; Finanztrends" in page
    assert len(result.errors) == 1 and "apt-get install chromium" in result.errors[0]
    with pytest.raises(export.BrowserNotFound, match="BROWSER_PATH"):
        export.write_chart(sample_charts["budgets"], tmp_path / "x.png")


def test_unknown_format(sample_charts, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        export.write_charts(sample_charts, tmp_path, ["png", "eps"])


def test_cli_export_html_and_tables_without_browser(tmp_path):
    env = {"BROWSER_PATH": str(tmp_path / "none"), "PATH": "/usr/bin:/bin"}
    out = tmp_path / "charts"
    proc = subprocess.run([sys.executable, "-m", "explore", "export", str(SEEDS), "--out", str(out),
                           "--format", "png,html"], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "No Chrome or Chromium browser was found" in proc.stderr and "apt-get install chromium" in proc.stderr
    names = {p.stem for p in out.glob("*.html")}
    assert {"figures_per_article", "figure_timeline"} <= names
    assert (out / "tables" / "figures.csv").exists()
    assert not list(out.glob("*.png"))
    page = (out / "stock_moves.html").read_text(encoding="utf-8")      # no --locale: German charts
    assert "Kursbewegungen nach Zeitraum" in page and "seit Jahresbeginn" in page and "Quelle" in page


SEED_CHARTS = {"figures_per_article", "figure_timeline", "budgets_usd", "budgets_eur", "budgets_cny",
               "adoption_china_west", "adoption_markets", "stock_moves", "roi_timeframes", "checks"}


@pytest.mark.chromium
def test_export_every_seed_chart(kaleido_server, tmp_path):
    result = export.export(SEEDS, out=tmp_path, formats=["png", "svg", "html"])
    assert not result.errors
    for name in SEED_CHARTS:
        for fmt in ("png", "svg", "html"):
            assert (tmp_path / f"{name}.{fmt}").stat().st_size > 1000, f"{name}.{fmt}"
        w, h = _png_size(tmp_path / f"{name}.png")
        assert w >= 1000 and h >= 600
        svg = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert "Quelle: " in svg or "Quellen: " in svg, f"{name}: the source note is in the image"
    assert {p.stem for p in tmp_path.glob("*.png")} == SEED_CHARTS
    tables = {p.stem for p in (tmp_path / "tables").glob("*.csv")}
    assert tables == {"figures", "money", "budgets", "adoption", "stock_moves", "timeframes", "checks"}


def test_seed_charts_show_the_gold_answers(tmp_path):
    """The seed charts draw what the answer key says (../shared/gold/views.json)."""
    charts_ = export.chart_set(export.topic_tables(SEEDS))
    assert set(charts_) == SEED_CHARTS
    cny = {x: y for t in charts_["budgets_cny"].data for x, y in zip(t.x, t.y)}
    assert {k: cny.get(k) for k in ("Alibaba", "Tencent", "Baidu")} == {"Alibaba": 3e9, "Tencent": 1e9, "Baidu": 5e8}
    app = charts.describe(charts_["adoption_china_west"])
    for expected in ("Kundenservice-Chatbots=75–85 %", "Kundenservice-Chatbots=30–40 %",
                     "Personalisierte Empfehlungen=90 %+ (offen)", "Dynamische Preisgestaltung=80 %+ (offen)",
                     "Automatisierte Logistik=20–30 %"):
        assert expected in app
    markets = charts.describe(charts_["adoption_markets"])
    for expected in ("China=75–85 %", "Japan=45–55 %", "Südostasien=50–60 %", "Indien=40–50 %"):
        assert expected in markets
    moves = {(t.name, x.split("<br>")[0]): y for t in charts_["stock_moves"].data for x, y in zip(t.x, t.y)}
    assert moves[("Alibaba", "7 Tage")] == -5.08 and moves[("Alibaba", "12 Monate")] == 44.92
    assert moves[("Alibaba", "seit Jahresbeginn")] == 45
    assert charts_["stock_moves"].layout.title.text == "Kursbewegungen nach Zeitraum"     # German by default
    roi = charts.describe(charts_["roi_timeframes"])
    for expected in ("Grundlegende Chatbots=3..6", "Produktempfehlungen=2..4", "Bestandsprognose=6..12",
                     "Autonome Logistik=18..36"):
        assert expected in roi
