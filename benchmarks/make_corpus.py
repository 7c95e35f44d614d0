"""Generate a large corpus of German-like news articles from the seed articles' sentences.

Every article is made of sentences (and whole pipe tables) taken from the seeds, shuffled, with
every run of digits renumbered, so the figures vary from article to article while the language
around them stays the real thing. A ``catalog.csv`` gives each article a publisher and a date.

As a module::

    from benchmarks.make_corpus import build_corpus
    info = build_corpus("/tmp/corpus200", megabytes=200, seed=0)

As a script::

    python benchmarks/make_corpus.py /tmp/corpus200 --megabytes 200 [--seed 0]

Deterministic: the same seeds folder, size and seed give the same files.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1_000_000

PUBLISHERS = ["Handelsblatt", "Kettner Edelmetalle", "Tagesspiegel", "Börsen-Zeitung",
              "Wirtschaftswoche", "Der Standard", "Neue Zürcher Zeitung", None]

_SENTENCE_END = re.compile(r"(?<=[.!?…“])\s+(?=[A-ZÄÖÜ„\"(])")
_DIGITS = re.compile(r"\d+")


@dataclass
class CorpusInfo:
    """What ``build_corpus`` wrote."""
    path: Path
    articles: int
    bytes: int

    @property
    def megabytes(self) -> float:
        return self.bytes / MB


def seed_units(seeds: Path = SEEDS) -> list[str]:
    """The building blocks: every sentence of the seed articles, and every pipe table whole."""
    units: list[str] = []
    for f in sorted(seeds.glob("*.txt")):
        table: list[str] = []
        for line in f.read_text(encoding="utf-8").splitlines():
            if "|" in line:
                table.append(line)
                continue
            if table:
                units.append("\n".join(table))
                table = []
            line = line.strip()
            if line:
                units.extend(s for s in _SENTENCE_END.split(line) if s.strip())
        if table:
            units.append("\n".join(table))
    if not units:
        raise SystemExit(f"make_corpus: no seed sentences found in {seeds}")
    return units


def renumber(text: str, rng: random.Random) -> str:
    """Every run of digits replaced by another number of the same length and a plausible range.

    Days and months stay valid (1..12 stays within 1..12, 13..31 within 1..28), years stay in
    19xx/20xx, and other numbers keep their digit count, so "17.02.2025" stays a date and
    "45 Prozent" stays a two-digit percentage.
    """
    def new(m: re.Match) -> str:
        s = m.group()
        n = len(s)
        v = int(s)
        if n <= 2 and 1 <= v <= 12:
            out = rng.randint(1, 12)
        elif n <= 2 and 13 <= v <= 31:
            out = rng.randint(13, 28)
        elif n == 4 and s[:2] in ("19", "20"):
            out = int(s[:2]) * 100 + rng.randint(0, 99 if s[:2] == "19" else 30)
        elif s[0] == "0":
            return "".join(rng.choice("0123456789") for _ in s)
        else:
            out = rng.randint(10 ** (n - 1), 10 ** n - 1)
        return str(out).zfill(n) if s[0] == "0" else str(out)
    return _DIGITS.sub(new, text)


def make_article(units: list[str], rng: random.Random) -> str:
    """One article: a title and 3-12 paragraphs of 1-6 shuffled, renumbered sentences."""
    title = renumber(rng.choice(units).split("\n")[0][:120], rng)
    paragraphs = []
    for _ in range(rng.randint(3, 12)):
        picked = rng.sample(units, rng.randint(1, 6))
        parts: list[str] = []
        for u in picked:
            u = renumber(u, rng)
            if "\n" in u or "|" in u:          # a table stands on its own lines
                parts.append("\n" + u + "\n")
            else:
                parts.append(u)
        paragraphs.append(" ".join(parts).replace(" \n", "\n").replace("\n ", "\n").strip())
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def build_corpus(out_dir, megabytes: float, seed: int = 0, seeds=SEEDS) -> CorpusInfo:
    """Write at least ``megabytes`` MB (10^6 bytes) of .txt articles and a catalog.csv to ``out_dir``.

    Articles are named ``gen_000000.txt``, ... and written one at a time (the corpus is never
    held in memory). Existing ``gen_*.txt`` files in ``out_dir`` are replaced.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("gen_*.txt"):
        old.unlink()
    rng = random.Random(seed)
    units = seed_units(Path(seeds))
    target = int(megabytes * MB)
    first = dt.date(2020, 1, 1)
    total = n = 0
    with (out / "catalog.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "publisher", "published", "published_inferred", "language", "url", "note"])
        while total < target:
            aid = f"gen_{n:06d}"
            text = make_article(units, rng)
            data = text.encode("utf-8")
            (out / f"{aid}.txt").write_bytes(data)
            published = first + dt.timedelta(days=rng.randint(0, 6 * 365))
            dated = rng.random() < 0.9                      # some articles carry no date
            w.writerow([aid, text.split("\n", 1)[0], rng.choice(PUBLISHERS) or "",
                        published.isoformat() if dated else "", "false", "de", "",
                        f"generated from the seeds (seed {seed})"])
            total += len(data)
            n += 1
    return CorpusInfo(out, n, total)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir")
    p.add_argument("--megabytes", "-m", type=float, default=200.0, help="size in MB (default: 200)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--seeds", default=str(SEEDS), help="folder of seed articles (default: seeds/)")
    args = p.parse_args(argv)
    info = build_corpus(args.out_dir, args.megabytes, args.seed, args.seeds)
    print(f"{info.articles} articles, {info.megabytes:.1f} MB in {info.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
