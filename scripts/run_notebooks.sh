#!/usr/bin/env bash
# Re-execute every notebook in notebooks/ in place, in a fresh kernel, top to bottom, so their stored
# outputs (which `pytest` compares strictly with nbval) match the library again. Run it on purpose after
# a change that changes a notebook's answer, look at the diff, and commit the notebooks.
#   bash scripts/run_notebooks.sh [notebooks/x.ipynb ...]
# Widget state is not stored (it would embed the 5 MB plotly.js bundle in each notebook), and plotly
# renders as JSON (plotly_mimetype), the same renderer nbval uses, so the outputs compare.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
export PLOTLY_RENDERER=plotly_mimetype
[ "$#" -gt 0 ] || set -- notebooks/*.ipynb
for nb in "$@"; do
  start=$(date +%s)
  "$PY" -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.store_widget_state=False \
    --ExecutePreprocessor.record_timing=False \
    --ExecutePreprocessor.timeout=300 \
    --log-level=WARN "$nb"
  echo "run_notebooks: $nb ($(( $(date +%s) - start )) s)"
done
