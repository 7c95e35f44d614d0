"""Speed of the topic tables with the organisation recogniser (NER), beside explore.figures, in one run.

Builds the same 5 MB corpus as bench_figures.py (the seeds' sentences shuffled and renumbered),
then measures on one core (CPU seconds, best of ``--repeat``):

  * ``explore.figures``: texts to the figures DataFrame;
  * the topic tables (money, budgets, adoption, stock moves, timeframes) from those figures, each
    function alone, and all at once with ``explore.tables`` (one context: the organisations of each
    article and the owners of its figures found once for all tables);
  * the topic tables run the NER themselves, batched over every figure sentence (its cache cleared
    before each run, so the model runs cold); the whole-text time is figures + tables at once;
  * of that, the NER alone: ``explore.organisations_many`` over the distinct sentences that hold a
    figure of a topic table, and with ``model="fallback"`` (only on the sentences where the gazetteer
    and patterns find no name), an estimate of the tables with the model only in those gaps.

Target (issue 12): the tables with the NER at >= 0.5 MB/s on one core.

    .venv/bin/python benchmarks/bench_tables.py [--megabytes 5] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import explore                                            # noqa: E402
from benchmarks.make_corpus import build_corpus          # noqa: E402
from explore import orgs                                 # noqa: E402

TABLES = ("money", "budgets", "adoption", "stock_moves", "timeframes")


def tables(figs):
    return {name: getattr(explore, name)(figs) for name in TABLES}


def tables_at_once(figs):
    return explore.tables(figs, TABLES)


def ner(tabs, model=True) -> tuple[int, int]:
    sentences = sorted({s for t in tabs.values() if "sentence" in t for s in t["sentence"].dropna()})
    orgs.clear_model_cache()                             # measure the model, not a warm cache
    found = explore.organisations_many(sentences, model=model)
    return len(sentences), sum(map(len, found))


def cpu(fn, repeat: int):
    best, out = None, None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        dt = time.process_time() - t
        best = dt if best is None else min(best, dt)
    return best, out


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
    t_load = time.perf_counter()
    orgs.ner_model()
    t_load = time.perf_counter() - t_load
    figs = explore.figures(corpus)                        # warm-up
    t_fig, figs = cpu(lambda: explore.figures(corpus), args.repeat)
    t_each, tabs = cpu(lambda: (orgs.clear_model_cache(), tables(figs))[1], args.repeat)   # the model cold
    t_tab, once = cpu(lambda: (orgs.clear_model_cache(), tables_at_once(figs))[1], args.repeat)
    assert all(once[n].equals(tabs[n]) for n in TABLES), "explore.tables differs from the tables alone"
    t_ner, (n_sent, n_orgs) = cpu(lambda: ner(tabs), args.repeat)
    t_fb, (_, n_fb) = cpu(lambda: ner(tabs, "fallback"), args.repeat)
    n_gap = sum(1 for found in explore.organisations_many(
        sorted({s for t in tabs.values() if "sentence" in t for s in t["sentence"].dropna()}), model=False) if not found)
    rows = sum(len(t) for t in tabs.values())
    words = sum(len(s.split()) for t in [tabs] for s in
                {s for tb in t.values() if "sentence" in tb for s in tb["sentence"].dropna()})
    total = t_fig + t_tab                                  # the tables run the model themselves
    print(f"corpus: {len(texts)} articles, {mb:.1f} MB (best CPU time of {args.repeat} runs, one core); "
          f"model loaded in {t_load:.2f} s")
    print(f"{'stage':<34}{'cpu s':>9}{'MB/s':>9}  output")
    print(f"{'explore.figures':<34}{t_fig:>9.2f}{mb / t_fig:>9.2f}  {len(figs)} figures")
    print(f"{'topic tables, each alone':<34}{t_each:>9.2f}{mb / t_each:>9.2f}  {rows} rows")
    print(f"{'topic tables at once (tables())':<34}{t_tab:>9.2f}{mb / t_tab:>9.2f}  the same rows")
    print(f"{'  of it: NER on table sentences':<34}{t_ner:>9.2f}{mb / t_ner:>9.2f}  {n_sent} distinct sentences, "
          f"{words} words ({words / t_ner:.0f} words/s), {n_orgs} organisations")
    print(f"{'texts -> tables with NER':<34}{total:>9.2f}{mb / total:>9.2f}  (target >= 0.5 MB/s)")
    print(f"{'NER fallback (gaps only)':<34}{t_fb:>9.2f}{mb / t_fb:>9.2f}  model on {n_gap} sentences "
          f"without a gazetteer/pattern name, {n_fb} organisations")
    total = t_fig + max(t_tab - t_ner, 0) + t_fb
    print(f"{'texts -> tables, NER fallback (est.)':<34}{total:>9.2f}{mb / total:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
