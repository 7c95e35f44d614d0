"""Shared fixtures. Keep this file additive: several test modules (and developers) use it."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTIFACTS = Path(os.environ.get("EXPLORE_TEST_ARTIFACTS", ROOT / "test-artifacts"))


def chromium_path() -> str | None:
    """The Chrome/Chromium that kaleido and the browser tests drive, or None."""
    from explore.export import find_browser
    return find_browser()


def pytest_runtest_setup(item):
    """Tests marked ``chromium`` need a real Chrome/Chromium; without one they skip, saying why."""
    if item.get_closest_marker("chromium") and chromium_path() is None:
        pytest.skip("no Chrome/Chromium found (install Debian's `chromium`: bash scripts/setup.sh, "
                    "or set BROWSER_PATH)")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave files for a human to look at (screenshots, exported charts)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def kaleido_server():
    """One headless Chromium for every image export in the session (0.2 s per image instead of 3 s)."""
    if chromium_path() is None:
        pytest.skip("no Chrome/Chromium found for kaleido (install Debian's `chromium`)")
    from explore.export import browser_session
    with browser_session():
        yield


# ---- small tables in the schema of explore.views, for chart and widget tests ----

_A = dict(article="002_x", publisher="Finanztrends", published="2026-02-05",
          title="3 Milliarden Yuan für Qwen-Nutzer")
_B = dict(article="003_y", publisher=pd.NA, published=pd.NA,
          title="Wie Chinas E-Commerce-Giganten die globale KI-Adoption anführen")
_C = dict(article="000_z", publisher="Handelsblatt", published="2025-02-17",
          title="Alibaba: Wie dem Tech-Konzern dank KI ein fulminantes Comeback gelingt")


def _money_row(meta, entity, measure, amount, currency, usd, eur, cny, text, start, stated_for=pd.NA):
    return {**meta, "entity": entity, "measure": measure, "amount": amount, "high": amount,
            "currency": currency, "qualifier": pd.NA, "amount_usd": usd, "amount_eur": eur,
            "amount_cny": cny, "rate_date": meta["published"], "conversion_note": pd.NA,
            "stated_for": stated_for, "deviation_pct": np.nan, "text": text, "start": start,
            "end": start + len(text), "sentence": f"Satz mit {text} darin."}


@pytest.fixture
def money_df() -> pd.DataFrame:
    rows = [
        _money_row(_A, "Alibaba", "campaign", 3e9, "CNY", 4.31e8, 3.99e8, 3e9, "3 Milliarden Yuan", 400),
        _money_row(_A, "Alibaba", "campaign", 4.31e8, "USD", 4.31e8, 3.99e8, 3e9, "431 Mio. US-Dollar", 420,
                   stated_for=400),
        _money_row(_A, "Tencent", "campaign", 1e9, "CNY", 1.44e8, 1.33e8, 1e9, "1 Milliarde Yuan", 900),
        _money_row(_A, "Baidu", "campaign", 5e8, "CNY", 7.2e7, 6.65e7, 5e8, "500 Millionen Yuan", 950),
        _money_row(_A, "Alibaba", "campaign", 3e9, "CNY", 4.31e8, 3.99e8, 3e9, "3 Mrd. Yuan", 1200),
        _money_row(_C, "Kunde", "price", 100.0, "EUR", 104.0, 100.0, 790.0, "mehrere hundert Euro", 50),
    ]
    return pd.DataFrame(rows)


@pytest.fixture
def adoption_df() -> pd.DataFrame:
    t1 = [("Kundenservice-Chatbots", 75, 85, 30, 40), ("Personalisierte Empfehlungen", 90, None, 60, 70),
          ("Automatisierte Logistik", 60, 70, 20, 30), ("Dynamische Preisgestaltung", 80, None, 50, 60)]
    rows, pos = [], 1000
    for subject, cl, ch, wl, wh in t1:
        for region, lo, hi in (("China", cl, ch), ("West", wl, wh)):
            text = f"{lo}-{hi}%" if hi else f"{lo}%+"
            rows.append({**_B, "subject": subject, "region": region, "low": float(lo),
                         "high": float(hi) if hi else np.nan, "unit": "%", "qualifier": pd.NA if hi else "more_than",
                         "in_table": True, "text": text, "start": pos, "end": pos + len(text),
                         "sentence": f"{subject} | {cl}-{ch}% | {wl}-{wh}% |"})
            pos += 20
    for region, lo, hi in (("China", 75, 85), ("Japan", 45, 55), ("Südostasien", 50, 60), ("Indien", 40, 50)):
        rows.append({**_B, "subject": "Chatbot", "region": region, "low": float(lo), "high": float(hi),
                     "unit": "%", "qualifier": pd.NA, "in_table": True, "text": f"{lo}-{hi}%", "start": pos,
                     "end": pos + 6, "sentence": f"{region} | {lo}-{hi}% |"})
        pos += 20
    return pd.DataFrame(rows)


@pytest.fixture
def stock_df() -> pd.DataFrame:
    def row(meta, entity, period, pct, as_of, text, start, qualifier=pd.NA):
        return {**meta, "entity": entity, "period": period, "change_pct": pct, "change_points": np.nan,
                "qualifier": qualifier, "as_of": as_of, "text": text, "start": start, "end": start + len(text),
                "sentence": f"Die Aktie {text}."}
    return pd.DataFrame([
        row(_C, "Alibaba", "ytd", 45.0, "2025-02-17", "45 Prozent", 300, "more_than"),
        row(_A, "Alibaba", "7d", -5.08, pd.NA, "5,08%", 3000),
        row(_A, "Alibaba", "12m", 44.92, pd.NA, "44,92%", 3050),
    ])


@pytest.fixture
def timeframes_df() -> pd.DataFrame:
    rows = []
    for i, (subject, lo, hi) in enumerate([("Grundlegende Chatbots", 3, 6), ("Produktempfehlungen", 2, 4),
                                           ("Bestandsprognose", 6, 12), ("Autonome Logistik", 18, 36)]):
        text = f"{lo}-{hi} Monate"
        rows.append({**_B, "subject": subject, "low": float(lo), "high": float(hi), "unit": "month",
                     "qualifier": pd.NA, "text": text, "start": 5000 + 40 * i, "end": 5000 + 40 * i + len(text),
                     "sentence": f"{subject}: {text}"})
    return pd.DataFrame(rows)


@pytest.fixture
def figures_df() -> pd.DataFrame:
    import explore
    return explore.figures(explore.load_corpus(SEEDS))
