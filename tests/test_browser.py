"""A real browser: Voila serves a notebook on 127.0.0.1, headless Chromium (Playwright) changes a
control, and the chart in the page changes. A screenshot is left in test-artifacts/."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.e2e, pytest.mark.chromium]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

# the overview's chart (not the figure browser's chart of its selection, which the page may render first)
READ_CHART = """() => {
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot')).find(
    g => g.layout && g.layout.title && g.layout.title.text && !g.layout.title.text.startsWith('Zahlen in dieser Auswahl'));
  if (!gd || !gd.data || !gd.layout || !gd.layout.title || !gd.layout.title.text) return null;
  return {title: gd.layout.title.text, xtype: (gd.layout.xaxis && gd.layout.xaxis.type) || null,
          traces: gd.data.map(t => ({name: t.name, type: t.type, n: Array.from(t.x || []).length})),
          bars: gd.querySelectorAll('.barlayer .point').length,
          points: gd.querySelectorAll('.scatterlayer .point').length};
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Voila is up when it answers anything for a static path (a request to / would run the notebook)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with {proc.returncode}")
        try:
            urllib.request.urlopen(f"{url}voila/static/up", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"voila did not start within {timeout} s")


@pytest.fixture(scope="module")
def voila(tmp_path_factory, artifacts_dir):
    """Voila serving notebooks/overview.ipynb on 127.0.0.1 (no token, not reachable from outside)."""
    tmp = tmp_path_factory.mktemp("voila")
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp / "config"),
           "PLOTLY_RENDERER": "plotly_mimetype"}
    log = open(artifacts_dir / "voila.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
                             "--show_tracebacks=True", "notebooks/overview.ipynb"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_up(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_a_control_changes_the_chart(voila, artifacts_dir):
    from playwright.sync_api import sync_playwright

    from explore.export import find_browser

    import explore
    dated = int(explore.figures(explore.load_corpus(ROOT / "seeds"))["date"].notna().sum())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(voila, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_function(f"() => ({READ_CHART})() !== null", timeout=120_000)
            # the figure browser's chart comes from the notebook's last cell: once it is shown the kernel is free
            # for the click (Voila shows cells as they run; a click queued behind a running cell waits for it)
            page.wait_for_function("() => Array.from(document.querySelectorAll('.js-plotly-plot')).some(g => g.layout"
                                   " && g.layout.title && (g.layout.title.text || '').startsWith('Zahlen in dieser'))",
                                   timeout=120_000)
            before = page.evaluate(READ_CHART)
            assert before["title"] == "Zahlen je Artikel, nach Art"          # German by default
            assert before["bars"] > 0 and before["xtype"] != "date"

            page.locator("button", has_text="Zeitachse der Daten").first.click()
            page.wait_for_function(
                f"() => (({READ_CHART})() || {{title: ''}}).title.startsWith('Datumsangaben')",
                timeout=30_000)
            page.wait_for_timeout(500)
            after = page.evaluate(READ_CHART)
            page.screenshot(path=str(artifacts_dir / "browser_overview_timeline.png"), full_page=False)
        finally:
            browser.close()
    assert after != before
    assert after["xtype"] == "date" and after["bars"] == 0
    markers = sum(t["n"] for t in after["traces"] if t["type"] == "scatter" and t["name"] != "erschienen")
    assert markers >= dated          # one marker per dated figure (plus the line segments of date ranges)
    assert after["points"] >= dated


# ---- the app: `explore app` on a free port, an uploaded article, its organisations, a chart, a CSV --------

ARTICLE = """Siemens Energy hebt die Prognose an
München, 12. November 2025 – Die Siemens Energy AG hat ihre Jahresprognose angehoben. Der Umsatz stieg im
Geschäftsjahr um 12 Prozent auf 9,1 Milliarden Euro, wie Siemens Energy am Mittwoch mitteilte.
Die Siemens-Energy-Aktie legte seit Jahresbeginn um mehr als 80 Prozent zu. Der Konzern plant
Investitionen von 2 Milliarden Euro in neue Werke.
"""


@pytest.fixture(scope="module")
def app_server(tmp_path_factory, artifacts_dir):
    """`explore app --no-browser --port N seeds` as a user starts it (Voilà on 127.0.0.1)."""
    from explore.app.serve import free_port, wait_up
    tmp = tmp_path_factory.mktemp("app")
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp / "config")}
    log = open(artifacts_dir / "app.log", "w")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("explore")), "app", "--no-browser",
                             f"--port={port}", "seeds"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_up(url, proc)
        yield url, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_app_upload_shows_organisations_a_chart_and_downloads_csv(app_server, artifacts_dir):
    from playwright.sync_api import sync_playwright

    from explore.export import find_browser
    url, tmp = app_server
    article = tmp / "siemens-energy.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_browser(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 1100}, accept_downloads=True)
            page.goto(url, wait_until="domcontentloaded", timeout=180_000)
            page.wait_for_selector(".explore-orgs", timeout=180_000)            # the app is built
            assert "Alibaba" in page.inner_text(".explore-orgs")                # the seeds first
            loaded = time.monotonic() - started
            with page.expect_file_chooser(timeout=30_000) as chooser:
                page.locator(".widget-upload").first.click()
            chooser.value.set_files(str(article))
            page.wait_for_function("() => document.querySelector('.explore-orgs') && "
                                   "document.querySelector('.explore-orgs').innerText.includes('Siemens')",
                                   timeout=120_000)
            uploaded = time.monotonic() - started - loaded
            orgs = page.inner_text(".explore-orgs")
            status = page.inner_text(".widget-html:has-text('Artikel,')")
            page.screenshot(path=str(artifacts_dir / "app_overview.png"), full_page=False)

            page.get_by_role("tab", name="Kursbewegungen").click()
            page.wait_for_function("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
                .some(gd => gd.offsetParent && gd.layout && gd.layout.title && gd.layout.title.text
                      && gd.layout.title.text.startsWith('Kursbewegungen') && gd.data.length > 0)""",
                                   timeout=60_000)
            chart = page.evaluate("""() => { const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
                .find(g => g.offsetParent && g.layout.title.text.startsWith('Kursbewegungen'));
                return {title: gd.layout.title.text, x: gd.data.map(t => Array.from(t.x)).flat(),
                        y: gd.data.map(t => Array.from(t.y)).flat(), xaxis: gd.layout.xaxis.title.text}; }""")
            page.screenshot(path=str(artifacts_dir / "app_stock_moves.png"), full_page=False)

            page.get_by_role("tab", name="Geld").click()
            with page.expect_download(timeout=60_000) as info:
                page.locator("a.explore-download[download='money.csv']").first.click()
            csv_text = Path(info.value.path()).read_text(encoding="utf-8")

            page.get_by_role("tab", name="Zahlen-Browser").click()
            page.wait_for_selector(".explore-article mark", timeout=60_000)
            for _ in range(2):                                   # to the first amount: "9,1 Milliarden Euro"
                page.get_by_role("button", name="Weiter").click()
            page.wait_for_function("() => document.querySelector('.explore-article') && "
                                   "document.querySelector('.explore-article').innerHTML.includes('9,1 Milliarden Euro</mark>')",
                                   timeout=30_000)
            page.screenshot(path=str(artifacts_dir / "app_browser.png"), full_page=False)
            marks = page.locator(".explore-article mark").all_inner_texts()
            org_marks = page.locator(".explore-article mark[title='Organisation']").all_inner_texts()
        finally:
            browser.close()
    print(f"app: built in {loaded:.1f} s, upload shown in {uploaded:.1f} s")
    assert "Siemens" in orgs and "Alibaba" not in orgs                 # every view follows the new corpus
    assert "1 Artikel" in status and "12.11.2025" in status             # the dateline gave the date
    assert chart["xaxis"] == "Zeitraum" and any("seit Jahresbeginn" in str(x) for x in chart["x"])
    assert 80 in chart["y"]
    assert csv_text.startswith("article,") and "Siemens" in csv_text and "9100000000" in csv_text
    assert "9,1 Milliarden Euro" in marks, "the figure is marked in the article"
    assert org_marks and org_marks[0].startswith("Siemens"), "and so is its organisation"
