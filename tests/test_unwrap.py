"""Hard-wrapped articles: sentences and figures run over soft line breaks; other texts are untouched."""
from __future__ import annotations

from pathlib import Path

import explore
from explore.corpus import Article, Corpus
from explore.unwrap import soft_breaks, unwrap

ROOT = Path(__file__).resolve().parent.parent

WRAPPED = """Hightex hat einen neuen Investor
Rimsting (ots) - Unter neuer Führung geht das Traditionsunternehmen Hightex
aus dem bayerischen Rimsting in das Jahr 2016. Die Investorin übernimmt 75
Prozent der Firmenanteile, ein Partner hält die übrigen 25 Prozent. Der
Umsatz der Hightex stieg im Geschäftsjahr um 12 Prozent auf 41 Millionen
Euro, wie das Unternehmen am Mittwoch in Rimsting mitteilte.

Land | Anteil |
---|---|
China | 75 Prozent |
"""


def test_a_wrapped_article_reads_as_its_paragraphs():
    df = explore.figures(Corpus([Article("w", WRAPPED)]))
    by_text = {r.text: r for r in df.itertuples()}
    assert "75\nProzent" in by_text and by_text["75\nProzent"].kind == "percent"
    assert by_text["75\nProzent"].low == 75
    amount = by_text["41 Millionen\nEuro"]
    assert amount.kind == "money" and amount.unit == "EUR" and amount.low == 41e6
    assert amount.sentence.startswith("Der\nUmsatz der Hightex stieg")      # the sentence over three lines
    for r in df.itertuples():                                                  # offsets still exact
        assert WRAPPED[r.start:r.end] == r.text
        assert r.sentence[r.start - r.sentence_start:r.end - r.sentence_start] == r.text
    assert {"China", "75 Prozent"} <= {r.text for r in df.itertuples() if r.in_table} | {"China"}
    money = explore.money(Corpus([Article("w", WRAPPED)]))
    row = money[money.text == "41 Millionen\nEuro"].iloc[0]
    assert row.entity == "Hightex" and row.measure == "revenue"


def test_soft_breaks_only_inside_paragraphs_of_wrapped_text():
    u = unwrap(WRAPPED)
    assert len(u) == len(WRAPPED)
    lines = u.split("\n")
    assert lines[0] == "Hightex hat einen neuen Investor"                     # the short heading keeps its break
    assert lines[1].endswith("in Rimsting mitteilte.")                        # one paragraph, one line
    assert lines[3:6] == ["Land | Anteil |", "---|---|", "China | 75 Prozent |"]   # the table is untouched


def test_texts_with_a_paragraph_a_line_are_left_alone():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        assert soft_breaks(path.read_text(encoding="utf-8")) == [], path.name
    assert unwrap("Kurz.\nNoch kürzer.\nEnde.") == "Kurz.\nNoch kürzer.\nEnde."
