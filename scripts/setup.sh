#!/usr/bin/env bash
# Set up explore on a fresh Debian/Ubuntu machine (or any machine with Python 3.11+):
#   - Debian's chromium, which plotly's image exporter (kaleido) and the browser tests drive
#   - a virtual environment in .venv with explore installed (editable)
# Usage: bash scripts/setup.sh [--test]     (--test also installs the test tools)
# Elsewhere: install Chrome or Chromium yourself (or set BROWSER_PATH); everything but
# PNG/SVG export and the browser test works without it.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
   && ! command -v google-chrome >/dev/null && [ -z "${BROWSER_PATH:-}" ]; then
  echo "setup: installing Debian's chromium (for PNG/SVG export and browser tests)"
  apt_install chromium || echo "setup: WARNING: could not install chromium; install Chrome/Chromium for image export" >&2
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || { rm -rf .venv; apt_install python3-venv && python3 -m venv .venv; }
fi
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import explore" || { echo "setup: explore failed to install" >&2; exit 1; }
echo "setup: ready (.venv/bin/explore)"
