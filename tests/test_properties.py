"""Properties that hold for any text: extract never raises and every figure is its exact source."""
import warnings

from hypothesis import example, given, settings, strategies as st

import explore

# fragments that steer random text into the scanner's paths
FRAGMENTS = ["5,08", "200.000", "1.234,5", "+0,20", "-15,7", "90%+", "%", " Prozent", " Prozentpunkte",
             " Mio.", " Mrd.", " Milliarden", " Euro", " Yuan", " US-Dollar", "€", "$", " CHF", "75-85%",
             "15–20 Sekunden", " zwischen ", " und ", " bis ", " von ", " auf ", " rund ", " über ",
             " zwei ", " Drittel", " jeder Dritte", "verdreifacht", "neuntägige", " einer ", " Milliarde",
             "17.02.2025", "6. Februar", " Januar 2025", " Jänner", "2010-2013", " Tage", " Monate",
             "RSI (14 Tage) von ", " Punkten", "a | b |\n---|---|\n", " | ", "\n", ". ", "11:34 Uhr",
             "07930-2699", "Qwen 2.5", "R1", "1. ", "(", ")", "„", "“", "−", "\u00a0", "ß", "ä",
             # unicode that hides in numbers (issue 13): zero-width, soft hyphen, BOM, thin/figure space,
             # en dash as minus, fraction slash, a bare CR
             "\u200b", "\u00ad", "\ufeff", "1\u2009000", "2\u2007500", " –5,3", "1\u20442", "\r"]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_extract_never_raises_and_keeps_exact_source(s):
    with warnings.catch_warnings(record=True):        # malformed tables warn (InputWarning), never raise
        warnings.simplefilter("always", explore.InputWarning)
        df = explore.extract(s, published="2025-02-17")
    for r in df.itertuples():
        assert s[r.start:r.end] == r.text
        assert 0 <= r.start < r.end <= len(s)
        assert r.low != r.low or r.low >= 0          # NaN or non-negative
        assert r.high != r.high or r.low != r.low or r.high >= r.low


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text(s):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", explore.InputWarning)
        df = explore.extract(s)
    assert all(s[r.start:r.end] == r.text for r in df.itertuples())


@settings(max_examples=100, deadline=None)
@given(texts)
def test_every_digit_is_a_figure_or_skipped_with_a_reason(s):
    from explore.corpus import Article, Corpus
    corpus = Corpus([Article(id="x", text=s)])
    covered = set()
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", explore.InputWarning)
        figs, skipped = explore.figures(corpus), explore.unmatched(corpus)
    for r in figs.itertuples():
        covered.update(range(r.start, r.end))
    for r in skipped.itertuples():
        assert r.reason
        covered.update(range(r.start, r.end))
    missing = [i for i, ch in enumerate(s) if ch.isdecimal() and ch.isascii() and i not in covered]
    assert not missing, [s[max(0, i - 10):i + 10] for i in missing]


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
PLAIN = [f for f in FRAGMENTS if not any(ch in f for ch in INVISIBLE + ["\u2044"])]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PLAIN), max_size=25), st.lists(st.tuples(st.integers(0, 10**6),
                                                                         st.sampled_from(INVISIBLE)), max_size=6))
@example(parts=["5,08", "\n", "€"], inserts=[])      # found by hypothesis: a figure over a line break
def test_invisible_characters_change_no_value_and_no_offset(parts, inserts):
    """Zero-width characters and soft hyphens anywhere: the same figures, offsets still exact."""
    plain = "".join(parts)
    s = plain
    for pos, ch in sorted(inserts, reverse=True):
        pos %= len(s) + 1
        s = s[:pos] + ch + s[pos:]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", explore.InputWarning)
        a, b = explore.extract(plain), explore.extract(s)
    cols = ["kind", "low", "high", "unit", "date", "qualifier", "direction"]
    assert a[cols].equals(b[cols])
    for r in b.itertuples():
        assert s[r.start:r.end] == r.text
        assert r.text.strip("".join(INVISIBLE)) == r.text      # no invisible character at either end
        assert r.sentence[r.start - r.sentence_start:r.end - r.sentence_start] == r.text


@settings(max_examples=60, deadline=None)
@given(texts, st.integers(1, 400))
def test_sentence_slice_is_the_figure_even_in_long_lines(s, copies):
    """``sentence[start - sentence_start:end - sentence_start] == text``, also where a line without
    sentence breaks is cut into context windows, and no sentence is longer than the bound."""
    from explore.extract import CONTEXT_WINDOW, MAX_SENTENCE
    text = (s.replace("\n", " ").replace(". ", " ") + " ") * copies
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always", explore.InputWarning)
        df = explore.extract(text)
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text
        assert r.sentence[r.start - r.sentence_start:r.end - r.sentence_start] == r.text
        assert len(r.sentence) <= max(MAX_SENTENCE, 2 * CONTEXT_WINDOW + len(r.text) + CONTEXT_WINDOW)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=st.sampled_from(list("ab ,;\"'\r\n\t|€1")), max_size=12),
                          st.integers(-5, 5)), min_size=1, max_size=8))
def test_csv_round_trip(cells):
    """What ``explore table`` writes as CSV reads back as the same rows, with pandas and with csv."""
    import csv
    import io

    import pandas as pd

    from explore.cli import csv_text
    df = pd.DataFrame({"text": [t for t, _ in cells], "n": [n for _, n in cells]}).astype({"text": "string"})
    out = csv_text(df)
    back = pd.read_csv(io.StringIO(out, newline=""), keep_default_na=False, dtype={"text": str})
    assert back["text"].tolist() == df["text"].tolist() and back["n"].tolist() == df["n"].tolist()
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1:] == [[t, str(n)] for t, n in cells]
