"""Serve the app with Voilà on 127.0.0.1 and open it in the browser (``explore app``)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

NOTEBOOK = Path(__file__).with_name("app.ipynb")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(port: int) -> list[str]:
    """The Voilà command line for the app notebook on ``port`` (127.0.0.1 only, no browser)."""
    return [sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
            "--theme=light", "--show_tracebacks=True", str(NOTEBOOK)]


def environment(paths=(), locale: str | None = None) -> dict:
    """The environment the app's kernel reads its corpus and locale from (absolute paths)."""
    return {**os.environ, "EXPLORE_APP_PATHS": os.pathsep.join(str(Path(p).resolve()) for p in paths),
            "EXPLORE_APP_LOCALE": locale or "", "PLOTLY_RENDERER": "plotly_mimetype"}


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Return once Voilà answers (a static path: asking for / would run the notebook)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with status {proc.returncode}")
        try:
            urllib.request.urlopen(f"{url}voila/static/up", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"voila did not answer within {timeout:.0f} s")


def serve(paths=(), port: int | None = None, browser: bool = True, locale: str | None = None) -> int:
    """Run the app until Ctrl+C; returns Voilà's exit status."""
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        print(f"explore app: no such folder or file: {', '.join(missing)}", file=sys.stderr)
        return 2
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/"
    # a SIGTERM (``kill``, a supervisor, a test's teardown) ends the app like Ctrl+C: through the
    # ``finally`` below, so Voilà and its kernel do not outlive it
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    proc = subprocess.Popen(command(port), env=environment(paths, locale))
    try:
        wait_up(url, proc)
        print(f"explore app: {url}  (Ctrl+C stops it)", file=sys.stderr)
        if browser:
            import webbrowser
            webbrowser.open(url)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
