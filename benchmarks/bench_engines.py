"""Benchmark: the pandas engine against the Dask engine with 1 and 2 workers, on a generated corpus.

    python benchmarks/bench_engines.py [--megabytes 200] [--corpus /tmp/explore-bench/corpus]

Generates the corpus (``benchmarks.make_corpus``; reused when it is already there and big
enough), then in one run measures for each engine the articles/s and MB/s of the whole job
(reading, decoding, extracting, writing Parquet) and peak memory: of the process for the pandas
engine (run in a fresh subprocess), of every worker process for Dask (``getrusage`` peak RSS
reported by each task, plus ``psutil`` samples taken during the run). Cluster start-up is
timed apart, and the load average before and after each run is printed (other work on the
machine slows the engines down; ``--wait-idle`` waits for a quiet machine). Prints a table and, with ``--json FILE``, writes the numbers.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import MB, build_corpus  # noqa: E402

MiB = 2**20

_PANDAS_JOB = """
import json, resource, sys, time
import explore
t0, cpu = time.perf_counter(), time.process_time()
corpus = explore.load_corpus(sys.argv[1], warn=False)
df = explore.figures(corpus)
df.to_parquet(sys.argv[2], index=False)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - cpu, "articles": len(corpus), "figures": len(df),
                  "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def corpus_size(folder: Path) -> tuple[int, int]:
    files = list(folder.glob("*.txt"))
    return len(files), sum(f.stat().st_size for f in files)


def ensure_corpus(folder: Path, megabytes: float, seed: int) -> tuple[int, int]:
    if folder.is_dir():
        n, size = corpus_size(folder)
        if size >= megabytes * MB:
            print(f"corpus: reusing {folder} ({n} articles, {size / MB:.1f} MB)", flush=True)
            return n, size
    t = time.perf_counter()
    info = build_corpus(folder, megabytes, seed=seed)
    print(f"corpus: generated {info.articles} articles, {info.megabytes:.1f} MB in {folder} "
          f"({time.perf_counter() - t:.0f} s)", flush=True)
    return info.articles, info.bytes


def wait_idle(limit: float) -> float:
    """Wait (up to ``limit`` seconds) for a 1-minute load average below 0.5; return the load."""
    end = time.monotonic() + limit
    while os.getloadavg()[0] >= 0.5 and time.monotonic() < end:
        time.sleep(5)
    return os.getloadavg()[0]


def bench_pandas(folder: Path, work: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _PANDAS_JOB, str(folder), str(work / "pandas.parquet")],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {"engine": "pandas", "workers": 1, "seconds": r["seconds"], "cpu": r["cpu"], "articles": r["articles"],
            "figures": r["figures"], "peak_rss": {"process": r["peak_rss"]}}


class Sampler(threading.Thread):
    """Samples each worker's resident memory every ``every`` seconds while a run goes on."""

    def __init__(self, client, every: float = 0.5):
        super().__init__(daemon=True)
        self.client, self.every = client, every
        self.peak: dict[str, int] = {}
        self.stop = threading.Event()

    def run(self):
        import psutil

        def rss():
            return psutil.Process().memory_info().rss
        while not self.stop.is_set():
            try:
                for w, v in self.client.run(rss).items():
                    self.peak[w] = max(self.peak.get(w, 0), v)
            except Exception:       # a closing cluster: stop sampling
                return
            self.stop.wait(self.every)


def bench_dask(folder: Path, work: Path, workers: int) -> dict:
    from distributed import Client, LocalCluster

    from explore import engines
    t = time.perf_counter()
    import dask
    with dask.config.set(engines.WORKER_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        startup = time.perf_counter() - t
        sampler = Sampler(client, every=2.0)
        sampler.start()
        result = engines.run(folder, work / f"dask{workers}", client=client, warn=False)
        sampler.stop.set()
        sampler.join()
    if result.problems:
        print(f"  {len(result.problems)} problems, first: {result.problems[0]}", flush=True)
    return {"engine": "dask", "workers": workers, "seconds": result.seconds, "cpu": result.cpu_seconds,
            "articles": result.articles,
            "figures": result.rows, "startup": startup, "partitions": result.partitions,
            "peak_rss": result.worker_peak_rss, "sampled_rss": sampler.peak}


def same_tables(work: Path) -> bool:
    """The pandas engine's Parquet file and both Dask datasets hold the same rows."""
    import explore
    keys = ["article", "start", "end"]
    frames = [explore.read_figures(work / name).sort_values(keys, ignore_index=True)
              for name in ("pandas.parquet", "dask1", "dask2")]
    return all(f.equals(frames[0]) for f in frames[1:])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--megabytes", "-m", type=float, default=200.0, help="corpus size in MB (default: 200)")
    p.add_argument("--corpus", default="/tmp/explore-bench/corpus", help="where the corpus is (or goes)")
    p.add_argument("--work", default="/tmp/explore-bench/out", help="where the outputs go")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    p.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                   help="before each run, wait up to SECONDS for the machine's load to drop below 0.5")
    args = p.parse_args(argv)

    import psutil
    folder, work = Path(args.corpus), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    n, size = ensure_corpus(folder, args.megabytes, args.seed)
    machine = (f"{platform.node()}: {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
               f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python {platform.python_version()}")
    print(f"machine: {machine}", flush=True)

    runs = []
    for label, job in [("pandas", lambda: bench_pandas(folder, work)),
                       ("dask, 1 worker", lambda: bench_dask(folder, work, 1)),
                       ("dask, 2 workers", lambda: bench_dask(folder, work, 2))]:
        load = wait_idle(args.wait_idle)
        print(f"running {label} (load average {load:.2f}) ...", flush=True)
        r = job()
        r["label"], r["bytes"], r["load_before"] = label, size, load
        r["load_after"] = os.getloadavg()[0]
        runs.append(r)

    base = runs[0]["articles"] / runs[0]["seconds"]
    print(f"\n{n} articles, {size / MB:.1f} MB  ({time.strftime('%Y-%m-%d')}, {machine})\n")
    print(f"{'engine':<16} {'seconds':>8} {'articles/s':>11} {'MB/s':>6} {'speed-up':>8} {'CPU s':>6} "
          f"{'figures':>9}  peak memory per process")
    for r in runs:
        rate = r["articles"] / r["seconds"]
        r["articles_per_s"], r["mb_per_s"], r["speedup"] = rate, r["bytes"] / MB / r["seconds"], rate / base
        peaks = ", ".join(f"{v / MiB:.0f} MiB" for v in r["peak_rss"].values())
        extra = f" (start-up {r['startup']:.1f} s, {r['partitions']} partitions)" if "startup" in r else ""
        print(f"{r['label']:<16} {r['seconds']:>8.1f} {rate:>11.0f} {r['mb_per_s']:>6.2f} "
              f"{r['speedup']:>7.2f}x {r['cpu']:>6.1f} {r['figures']:>9}  {peaks}{extra}"
              f" [load {r['load_before']:.1f} -> {r['load_after']:.1f}]")
    same = same_tables(work)
    print(f"\nidentical tables from every engine (after sorting): {same}")
    d2 = runs[2]
    print(f"target dask 2 workers >= 1.6x pandas: {d2['speedup']:.2f}x "
          f"({'met' if d2['speedup'] >= 1.6 else 'NOT met'})")
    ideal = 2 * runs[0]["cpu"] / d2["cpu"]
    print(f"CPU seconds of the extraction: pandas {runs[0]['cpu']:.1f}, dask 2 workers {d2['cpu']:.1f} (both "
          f"workers together): on two idle cores the 2-worker run can reach {ideal:.2f}x")
    worst = max(v for r in runs[1:] for v in list(r["peak_rss"].values()) + list(r["sampled_rss"].values()))
    print(f"target peak memory per worker < 1 GB: {worst / MiB:.0f} MiB ({'met' if worst < 1e9 else 'NOT met'})")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine, "date": time.strftime("%Y-%m-%d"),
                                               "articles": n, "bytes": size, "runs": runs}, indent=1))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
