"""explore: every figure in German-language news, as tidy pandas tables with exact provenance.

>>> import explore
>>> corpus = explore.load_corpus("seeds")
>>> df = explore.figures(corpus)
>>> row = df[df["text"] == "3 Milliarden Yuan"].iloc[0]
>>> row["kind"], float(row["low"]), row["unit"]
('money', 3000000000.0, 'CNY')
>>> corpus[row["article"]].text[row["start"]:row["end"]]
'3 Milliarden Yuan'
"""
__version__ = "0.1.0"

from .corpus import Article, Corpus, InputError, InputWarning, Problem, load_corpus
from .evaluate import evaluate
from .columns import FIGURE_COLUMNS, UNMATCHED_COLUMNS
from .records import extract_records, iter_figures
from .dataframes import extract, figures, unmatched
from .engines import read_figures
from .views import adoption, budgets, changes, checks, money, stock_moves, tables, timeframes
from .datapackage import write_data_package
from .orgs import Organisation, article_organisations, organisations, organisations_many, resolve_aliases

__all__ = [
    "Article", "Corpus", "InputError", "InputWarning", "Problem", "load_corpus",
    "extract", "figures", "unmatched", "extract_records", "iter_figures", "evaluate", "FIGURE_COLUMNS", "UNMATCHED_COLUMNS",
    "read_figures", "money", "budgets", "adoption", "changes", "stock_moves", "timeframes", "checks", "tables",
    "write_data_package",
    "Organisation", "organisations", "organisations_many", "resolve_aliases", "article_organisations",
]

# Charts, widgets and export load plotly/ipywidgets, so they are imported on first use:
# explore.budget_bars(...), explore.widgets.figure_browser(...), explore.export_charts(...)
_LAZY = {
    "charts": ("charts", None), "widgets": ("widgets", None), "export": ("export", None),
    "budget_bars": ("charts", "budget_bars"), "adoption_ranges": ("charts", "adoption_ranges"),
    "adoption_split": ("charts", "adoption_split"), "stock_bars": ("charts", "stock_bars"),
    "timeframe_ranges": ("charts", "timeframe_ranges"), "figure_counts": ("charts", "figure_counts"),
    "figure_timeline": ("charts", "figure_timeline"), "figure_browser": ("widgets", "figure_browser"),
    "export_charts": ("export", "export"), "change_bars": ("charts", "change_bars"),
    "share_dots": ("charts", "share_dots"),
}
__all__ += list(_LAZY)


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'explore' has no attribute {name!r}")
    import importlib
    module, attr = _LAZY[name]
    mod = importlib.import_module(f".{module}", __name__)
    return mod if attr is None else getattr(mod, attr)
