"""Properties that hold for any text: extract never raises and every figure is its exact source."""
import warnings

from hypothesis import given, settings, strategies as st

import explore

# fragments that steer random text into the scanner's paths
FRAGMENTS = ["5,08", "200.000", "1.234,5", "+0,20", "-15,7", "90%+", "%", " Prozent", " Prozentpunkte",
             " Mio.", " Mrd.", " Milliarden", " Euro", " Yuan", " US-Dollar", "€", "$", " CHF", "75-85%",
             "15–20 Sekunden", " zwischen ", " und ", " bis ", " von ", " auf ", " rund ", " über ",
             " zwei ", " Drittel", " jeder Dritte", "verdreifacht", "neuntägige", " einer ", " Milliarde",
             "17.02.2025", "6. Februar", " Januar 2025", " Jänner", "2010-2013", " Tage", " Monate",
             "RSI (14 Tage) von ", " Punkten", "a | b |\n---|---|\n", " | ", "\n", ". ", "11:34 Uhr",
             "07930-2699", "Qwen 2.5", "R1", "1. ", "(", ")", "„", "“", "−", "\u00a0", "ß", "ä"]

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
