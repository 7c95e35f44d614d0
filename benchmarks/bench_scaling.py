"""Extraction time and peak memory as the input grows: linear, whatever the line length.

The same text (the seeds' articles, repeated) at 1, 2, 4 and 8 MB, once with its line breaks
("lines") and once with every line break replaced by a space ("one line"), each measured as
``explore.extract(text)`` in a fresh subprocess (CPU seconds, and the peak resident memory the
extraction added to the process after imports), with a time and memory bound so that a
non-linear build cannot hang the machine. ``--repro`` measures the reproductions of issue 13
instead (long lines of figures, a JSON blob of numbers, a sentence of percent figures).

    .venv/bin/python benchmarks/bench_scaling.py [--sizes 1,2,4,8] [--timeout 300] [--memory-mb 6000]
    .venv/bin/python benchmarks/bench_scaling.py --repro
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
import explore
from explore.extract import scan
kind, size = sys.argv[1], float(sys.argv[2])
text = build(kind, size)
scan("Der Umsatz stieg um 12 Prozent.")       # compile the grammar before measuring
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.process_time()
df = explore.extract(text)
cpu = time.process_time() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"cpu": cpu, "peak_mb": peak / 1024, "added_mb": (peak - base) / 1024,
                  "figures": len(df), "chars": len(text)}}))
"""

BUILD = r"""
def seed_text():
    from pathlib import Path
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path({root!r}, "seeds").glob("*.txt")))

def build(kind, size):
    n = int(size * 1_000_000)
    if kind in ("lines", "one-line"):
        t = seed_text()
        t = (t * (n // len(t.encode()) + 1))
        t = t.encode()[:n].decode("utf-8", "ignore")
        return t if kind == "lines" else t.replace("\n", " ")
    if kind == "ones":                      # "1 1 1 ...": one sentence of figures
        return "1 " * int(n // 2)
    if kind == "json":                      # an inline JSON blob of numbers, no spaces
        return "[" + ",".join(str(1000 + i % 9000) + "." + str(i % 97) for i in range(n // 8)) + "]"
    if kind == "percent":                   # "1 Prozent 1 Prozent ...": a sentence of percent figures
        return "Der Wert stieg um 1 Prozent " + "1 Prozent " * int(n // 10)
    if kind == "prose":                     # prose without a full stop
        return ("der Umsatz stieg um 3 Prozent auf 12 Mio. Euro und die Kosten sanken " * (n // 70 + 1))[:n]
    raise ValueError(kind)
"""


def measure(kind: str, size_mb: float, timeout: float, memory_mb: int) -> dict:
    """One extraction in a subprocess bounded by ``timeout`` CPU seconds and ``memory_mb`` of memory."""
    code = BUILD.format(root=str(ROOT)) + CHILD.format(root=str(ROOT))

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout), int(timeout) + 5))

    try:
        p = subprocess.run([sys.executable, "-c", code, kind, str(size_mb)], capture_output=True, text=True,
                           timeout=timeout * 2 + 30, preexec_fn=limits)
    except subprocess.TimeoutExpired:
        return {"error": f"> {timeout:.0f} s"}
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["?"])[-1]
        if "MemoryError" in tail:
            return {"error": f"> {memory_mb} MB"}
        if p.returncode in (-24, -9) or "CPU" in tail:
            return {"error": f"> {timeout:.0f} s"}
        return {"error": tail[:60]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def table(rows: list[tuple[str, float, dict]]) -> str:
    lines = ["| input | MB | CPU s | s per MB | peak MB added | figures |", "|---|---:|---:|---:|---:|---:|"]
    for kind, size, r in rows:
        if "error" in r:
            lines.append(f"| {kind} | {size:g} | {r['error']} | | | |")
        else:
            lines.append(f"| {kind} | {size:g} | {r['cpu']:.2f} | {r['cpu'] / size:.2f} | "
                         f"{r['added_mb']:.0f} | {r['figures']:,} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="sizes in MB (default 1,2,4,8)")
    ap.add_argument("--kinds", default="lines,one-line")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--memory-mb", type=int, default=6000)
    ap.add_argument("--repro", action="store_true", help="the reproductions of issue 13 instead")
    args = ap.parse_args(argv)
    if args.repro:
        plan = [("ones", 0.032), ("ones", 0.128), ("json", 0.023), ("json", 0.046), ("percent", 0.08),
                ("prose", 0.2), ("one-line", 2.0), ("lines", 2.0)]
    else:
        sizes = [float(s) for s in args.sizes.split(",")]
        plan = [(k, s) for k in args.kinds.split(",") for s in sizes]
    rows = []
    for kind, size in plan:
        r = measure(kind, size, args.timeout, args.memory_mb)
        rows.append((kind, size, r))
        print(kind, size, r, file=sys.stderr, flush=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
