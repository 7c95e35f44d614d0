"""Text -> figure records: the figure engine, one module per stage.

Read in this order; each module holds its own patterns and can be read without the others:

=================  ==========================================================================
``lexicon``        the vocabulary (``explore/lang/<lang>/vocab.toml``) compiled: units, scale
                   words, qualifiers, months, and the regex pieces several stages share
``characters``     stage 0: the text as the grammar reads it (invisible characters, typographic
                   spaces, en-dash minus, "1⁄2"), with maps back to the original offsets
``context``        lines, sentences and clauses of one text; the state of a scan
``record``         what flows between stages: a ``Reading`` (a number being read) and the
                   figure record it becomes
``numerals``       numbers themselves: digits with German grouping, number words
``modifiers``      qualifiers ("rund", "mehr als") and directions ("stieg um", "ein Minus von")
``quantities``     scale words, units, currencies, counted nouns, ranges, shared units
``dates``          days, months, years, decades, quarters and halves
``not_figures``    digits that are no figure: names, codes, addresses, phone numbers, clock
                   times, list numbers, ordinals, each with its reason
``tables``         pipe tables as cells, and the unit a header or caption states
``digits``         a figure that starts with a digit: the order in which the stages are asked
``words``          a figure that starts with a number word
``scanner``        one pass over the text: finds the triggers and runs the stages
=================  ==========================================================================

>>> result = scan("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro.")
>>> [(f["text"], f["kind"], f["low"], f["unit"], f["direction"]) for f in result.figures]
[('12 Prozent', 'percent', 12.0, '%', 'up'), ('2,5 Mrd. Euro', 'money', 2500000000.0, 'EUR', None)]
"""
from .characters import INVISIBLE_RUN, normalise
from .context import CONTEXT_WINDOW, MAX_SENTENCE
from .record import Reading, ScanResult, ScanTimeout, figure
from .scanner import Scanner, scan, scanner

__all__ = ["scan", "scanner", "Scanner", "ScanResult", "ScanTimeout", "Reading", "figure", "normalise",
           "INVISIBLE_RUN", "MAX_SENTENCE", "CONTEXT_WINDOW"]
