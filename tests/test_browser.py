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

READ_CHART = """() => {
  const gd = document.querySelector('.js-plotly-plot');
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
            before = page.evaluate(READ_CHART)
            assert before["title"] == "Figures per article, by kind"
            assert before["bars"] > 0 and before["xtype"] != "date"

            page.locator("button", has_text="Timeline of dates").first.click()
            page.wait_for_function(
                f"() => (({READ_CHART})() || {{title: ''}}).title.startsWith('Dated')",
                timeout=30_000)
            page.wait_for_timeout(500)
            after = page.evaluate(READ_CHART)
            page.screenshot(path=str(artifacts_dir / "browser_overview_timeline.png"), full_page=False)
        finally:
            browser.close()
    assert after != before
    assert after["xtype"] == "date" and after["bars"] == 0
    markers = sum(t["n"] for t in after["traces"] if t["type"] == "scatter" and t["name"] != "published")
    assert markers >= dated          # one marker per dated figure (plus the line segments of date ranges)
    assert after["points"] >= dated
