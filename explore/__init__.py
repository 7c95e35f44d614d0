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
from .corpus import Article, Corpus, InputError, InputWarning, Problem, load_corpus
from .evaluate import evaluate
from .records import FIGURE_COLUMNS, UNMATCHED_COLUMNS, extract, figures, unmatched
from .engines import read_figures

__all__ = [
    "Article", "Corpus", "InputError", "InputWarning", "Problem", "load_corpus",
    "extract", "figures", "unmatched", "evaluate", "FIGURE_COLUMNS", "UNMATCHED_COLUMNS",
    "read_figures",
]
__version__ = "0.1.0"
