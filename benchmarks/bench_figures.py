"""Speed of the figure engine, side by side with a naive one-regex scan, in one run.

Builds a corpus of at least 5 MB from the seed articles (benchmarks/make_corpus.py: the seeds'
sentences shuffled and renumbered), then measures MB/s on one core for

  * ``explore.figures(corpus)``: the whole engine, from decoded texts to the figures DataFrame;
  * ``explore.extract(text)`` on each article alone, as ``df.text.apply`` calls it (every frame
    kept) and as a loop that uses each frame and drops it: the same work plus one DataFrame per
    article (and ``explore.extract_records``, plain dicts);
  * a naive baseline: one regular expression for German numbers (digits, grouping dots, decimal
    comma, an optional %/scale/currency word) with each match parsed to a float, the least any
    figure scanner has to do.

Targets: explore.figures >= 0.45 of the baseline's speed (issue 11; >= 1/3 and >= 5 MB/s in
issue 2), and extract one article at a time >= 0.8 of explore.figures (issue 11).

    .venv/bin/python benchmarks/bench_figures.py [--megabytes 5] [--repeat 3]
"""
from __future__ import annotations

import argparse
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


def best_of(fn, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs: one core's work, robust to other processes on the machine."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(tmp, args.megabytes, seed=0)
        corpus = explore.load_corpus(tmp)
    texts = [a.text for a in corpus]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n_figs = len(explore.figures(corpus))                 # warm-up (compiles the grammar)
    t_explore = best_of(lambda: explore.figures(corpus), args.repeat)
    n_one = sum(len(explore.extract(t)) for t in texts)
    t_one = best_of(lambda: [explore.extract(t) for t in texts], args.repeat)
    t_loop = best_of(lambda: [len(explore.extract(t)) for t in texts], args.repeat)
    t_recs = best_of(lambda: [explore.extract_records(t) for t in texts], args.repeat)
    n_naive = len(naive_scan(texts))
    t_naive = best_of(lambda: naive_scan(texts), args.repeat)
    r_explore, r_one, r_recs, r_naive = mb / t_explore, mb / t_one, mb / t_recs, mb / t_naive
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB, {mb * 1e3 / len(texts):.1f} KB per article "
          f"(best CPU time of {args.repeat} runs, one core)")
    print(f"{'engine':<34}{'cpu s':>9}{'MB/s':>9}{'matches':>10}")
    print(f"{'explore.figures(corpus)':<34}{t_explore:>9.2f}{r_explore:>9.2f}{n_figs:>10}")
    print(f"{'explore.extract(text), per article':<34}{t_one:>9.2f}{r_one:>9.2f}{n_one:>10}")
    print(f"{'  the same, each frame dropped':<34}{t_loop:>9.2f}{mb / t_loop:>9.2f}{n_one:>10}")
    print(f"{'explore.extract_records(text)':<34}{t_recs:>9.2f}{r_recs:>9.2f}{n_one:>10}")
    print(f"{'naive one-regex scan':<34}{t_naive:>9.2f}{r_naive:>9.2f}{n_naive:>10}")
    # the same per-article comparison on news articles as written (the answer keys' texts: denser in
    # figures than the generated corpus, with tables and site chrome)
    news = explore.load_corpus(*sorted(p for p in GOLD.iterdir() if p.is_dir()), warn=False)
    news_texts = [a.text for a in news]
    news_mb = sum(len(t.encode("utf-8")) for t in news_texts) / 1e6
    explore.figures(news)
    t_news = best_of(lambda: explore.figures(news), args.repeat)
    t_news_one = best_of(lambda: [explore.extract(t) for t in news_texts], args.repeat)
    print(f"news articles (tests/gold): {len(news_texts)} articles, {news_mb:.2f} MB, "
          f"{news_mb * 1e3 / len(news_texts):.1f} KB per article")
    print(f"{'explore.figures(corpus)':<34}{t_news:>9.2f}{news_mb / t_news:>9.2f}")
    print(f"{'explore.extract(text), per article':<34}{t_news_one:>9.2f}{news_mb / t_news_one:>9.2f}")
    print(f"figures / naive: {r_explore / r_naive:.2f} (target >= 0.45); "
          f"extract per article / figures: {r_one / r_explore:.2f} on the generated corpus, "
          f"{t_news / t_news_one:.2f} on the news articles (target >= 0.8), {t_explore / t_loop:.2f} with each "
          f"frame dropped after use; explore.figures {r_explore:.1f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
