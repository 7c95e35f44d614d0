"""The docstring examples run, and the README documents every command."""
import doctest
import importlib
import re
from pathlib import Path

import pytest

from explore.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["explore", "explore.lang", "explore.numbers", "explore.extract", "explore.extract.lexicon", "explore.extract.characters", "explore.extract.context", "explore.extract.record", "explore.extract.numerals", "explore.extract.modifiers", "explore.extract.quantities", "explore.extract.dates", "explore.extract.not_figures", "explore.extract.tables", "explore.extract.digits", "explore.extract.words", "explore.extract.scanner",
           "explore.corpus",
           "explore.records", "explore.columns", "explore.dataframes", "explore.attribute", "explore.normalize", "explore.schemas", "explore.views",
           "explore.datapackage", "explore.shares", "explore.stated_changes", "explore.change_owners", "explore.labels",
           "explore.dateline", "explore.app.topics", "explore.export", "explore.widgets", "explore.unwrap",
           "explore.orgs", "explore.owner", "explore.article_orgs", "explore.carry", "explore.periods", "explore.ner.lexicon",
           "explore.evaluate_tables", "explore.engines", "explore.charts", "explore.app.ui"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(ROOT)          # examples read seeds/
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_readme_mentions_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert re.search(rf"explore {re.escape(name)}\b", readme), f"README does not document 'explore {name}'"


def test_help_documents_table_figures(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["table", "--help"])
    out = capsys.readouterr().out
    for word in ("figures", "--format", "csv", "jsonl", "parquet", "-o", "--unmatched"):
        assert word in out


def test_readme_lists_every_figure_column():
    from explore.columns import FIGURE_COLUMNS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for column, (_, meaning) in FIGURE_COLUMNS.items():
        assert f"| `{column}` | {meaning} |" in readme, f"README's column table lacks {column}"


def test_readme_python_examples_run(monkeypatch):
    """Every ```python block of the README runs (the cluster example needs a cluster and is skipped)."""
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        if "tcp://HOST" in block:
            continue
        exec(compile(block, "README.md", "exec"), {})
