"""Speed of the figure engine, side by side with a naive one-regex scan, in one run.

Builds a corpus of at least 5 MB from the seed articles (benchmarks/make_corpus.py: the seeds'
sentences shuffled and renumbered), then measures MB/s on one core for

  * ``explore.figures(corpus)``: the whole engine, from decoded texts to the figures DataFrame;
  * ``explore.extract(text, published)`` on each article alone, as a loop or ``df.apply`` calls it
    (every frame kept) and as a loop that uses each frame and drops it: the same work (the same
    publication dates) plus one DataFrame per article (and ``explore.extract_records``, plain dicts);
  * a naive baseline: one regular expression for German numbers (digits, grouping dots, decimal
    comma, an optional %/scale/currency word) with each match parsed to a float, the least any
    figure scanner has to do.

Targets: explore.figures >= 0.45 of the baseline's speed (issue 11; >= 1/3 and >= 5 MB/s in
issue 2), and extract one article at a time >= 0.8 of explore.figures (issue 11). The engines take
turns within each round (see ``race``); each ratio is printed as the ratio of the best times and as
the median of the ratios within a round.

    .venv/bin/python benchmarks/bench_figures.py [--megabytes 5] [--rounds 5]
"""
from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import explore                                            # noqa: E402
from benchmarks.make_corpus import build_corpus          # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"

NAIVE = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?"
                   r"(?:\s?(?:%|Prozent|Mio\.|Mrd\.|Millionen|Milliarden|Euro|Dollar|Yuan))?")


def naive_scan(texts: list[str]) -> list[tuple]:
    out = []
    for t in texts:
        for m in NAIVE.finditer(t):
            num = m.group().split()[0].rstrip("%").replace(".", "").replace(",", ".")
            out.append((m.start(), m.end(), m.group(), float(num) if num.strip("+-") else None))
    return out


def race(engines: dict, rounds: int) -> dict[str, list[float]]:
    """CPU times of each engine over ``rounds`` rounds, the engines taking turns within a round (in
    a rotating order, each after a full garbage collection): the machine's speed drifts by 20 % and
    more within a minute, so engines timed one after the other in the same round compare fairly,
    where blocks of repeats of one engine, then of the next, do not."""
    names = list(engines)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            gc.collect()
            t = time.process_time()
            engines[name]()
            times[name].append(time.process_time() - t)
    return times


def ratio(times: dict[str, list[float]], fast: str, slow: str) -> tuple[float, float]:
    """(best time of ``fast`` / best time of ``slow``, the median of that ratio within rounds)."""
    within = sorted(f / s for f, s in zip(times[fast], times[slow]))
    return min(times[fast]) / min(times[slow]), within[len(within) // 2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=5.0)
    ap.add_argument("--rounds", "--repeat", type=int, default=5, help="rounds of every engine (default 5)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(tmp, args.megabytes, seed=0)
        corpus = explore.load_corpus(tmp)
    texts = [a.text for a in corpus]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    # the same per-article comparison on news articles as written (the answer keys' texts: denser in
    # figures than the generated corpus, with tables and site chrome)
    news = explore.load_corpus(*sorted(p for p in GOLD.iterdir() if p.is_dir()), warn=False)
    news_texts = [a.text for a in news]
    news_mb = sum(len(t.encode("utf-8")) for t in news_texts) / 1e6
    n_figs = len(explore.figures(corpus))                 # warm-up (compiles the grammar)
    n_one = sum(len(explore.extract(a.text, a.published)) for a in corpus)
    n_naive = len(naive_scan(texts))
    explore.figures(news)
    times = race({
        "figures": lambda: explore.figures(corpus),
        "one": lambda: [explore.extract(a.text, a.published) for a in corpus],
        "dropped": lambda: [len(explore.extract(a.text, a.published)) for a in corpus],
        "records": lambda: [explore.extract_records(a.text, a.published) for a in corpus],
        "naive": lambda: naive_scan(texts),
        "news": lambda: explore.figures(news),
        "news_one": lambda: [explore.extract(a.text, a.published) for a in news],
    }, args.rounds)
    best = {name: min(ts) for name, ts in times.items()}
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB, {mb * 1e3 / len(texts):.1f} KB per article "
          f"(best CPU time of {args.rounds} rounds, one core, the engines taking turns)")
    print(f"{'engine':<34}{'cpu s':>9}{'MB/s':>9}{'matches':>10}")
    for name, label, n in (("figures", "explore.figures(corpus)", n_figs),
                           ("one", "explore.extract(text), per article", n_one),
                           ("dropped", "  the same, each frame dropped", n_one),
                           ("records", "explore.extract_records(text)", n_one),
                           ("naive", "naive one-regex scan", n_naive)):
        print(f"{label:<34}{best[name]:>9.2f}{mb / best[name]:>9.2f}{n:>10}")
    print(f"news articles (tests/gold): {len(news_texts)} articles, {news_mb:.2f} MB, "
          f"{news_mb * 1e3 / len(news_texts):.1f} KB per article")
    print(f"{'explore.figures(corpus)':<34}{best['news']:>9.2f}{news_mb / best['news']:>9.2f}")
    print(f"{'explore.extract(text), per article':<34}{best['news_one']:>9.2f}{news_mb / best['news_one']:>9.2f}")
    (naive, naive_m), (one, one_m) = ratio(times, "naive", "figures"), ratio(times, "figures", "one")
    (news_one, news_m), (dropped, dropped_m) = ratio(times, "news", "news_one"), ratio(times, "figures", "dropped")
    print(f"figures / naive: {naive:.2f} (target >= 0.45); extract per article / figures: {one:.2f} on the "
          f"generated corpus, {news_one:.2f} on the news articles (target >= 0.8), {dropped:.2f} with each "
          f"frame dropped after use; explore.figures {mb / best['figures']:.1f} MB/s")
    print(f"  the same ratios as the median within a round: {naive_m:.2f}; {one_m:.2f}, {news_m:.2f}, {dropped_m:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
