"""Hostile input (issue 13): every case runs in a subprocess bounded in CPU time and memory
(``resource.setrlimit``), and must give the good data plus a message naming the bad file, row
or byte. The bounds are what a linear-time, bounded-memory build needs with a wide margin; the
reproductions of the issue took 30 s or 16 GB before.
"""
from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOOD = "Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro."

# the CLI, reporting its own peak memory on stderr
CLI = ("import resource, sys\nfrom explore.cli import main\ntry:\n    rc = main(sys.argv[1:])\nfinally:\n"
       "    sys.stderr.write('\\nPEAK_KB %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
       "sys.exit(rc)\n")
PY_TAIL = "\nimport resource, sys\nsys.stderr.write('\\nPEAK_KB %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"


class Run:
    def __init__(self, p: subprocess.CompletedProcess, cpu: float):
        self.rc, self.out, self.cpu = p.returncode, p.stdout, cpu
        lines = p.stderr.splitlines()
        peak = [ln for ln in lines if ln.startswith("PEAK_KB ")]
        self.peak_mb = int(peak[-1].split()[1]) / 1024 if peak else None
        self.err = "\n".join(ln for ln in lines if not ln.startswith("PEAK_KB "))


def bounded(args: list[str], seconds: float = 60, memory_mb: int = 3000, cwd=None, env=None) -> Run:
    """Run ``python ARGS`` with at most ``seconds`` of CPU and ``memory_mb`` of address space."""
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (int(seconds), int(seconds) + 5))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=seconds * 4 + 30,
                       preexec_fn=limits, cwd=cwd or ROOT, env={**os.environ, **(env or {})})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(p, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))


def cli(*argv, **kw) -> Run:
    return bounded(["-c", CLI, *map(str, argv)], **kw)


def py(code: str, *argv, **kw) -> Run:
    return bounded(["-c", code + PY_TAIL, *map(str, argv)], **kw)


def rows(run: Run) -> pd.DataFrame:
    assert run.rc in (0, 1), run.err[-2000:]
    return pd.read_csv(io.StringIO(run.out), keep_default_na=False)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    return d


# --- 1, 2: memory and time -------------------------------------------------------------------------------

EXACT = """
import sys, explore
text = {text}
df = explore.extract(text)
assert all(text[r.start:r.end] == r.text for r in df.itertuples())
assert all(r.sentence[r.start - r.sentence_start:r.end - r.sentence_start] == r.text for r in df.itertuples())
print(len(df), int(df["sentence"].str.len().max()) if len(df) else 0)
"""


@pytest.mark.parametrize("name, text, figures, seconds, memory_mb", [
    # 80 KB of "1 1 1": 3.2 GB before (every figure copied the whole line as its sentence)
    ("one line of figures", "'1 ' * 40000", 40000, 40, 2500),
    # 200 KB of prose without a full stop: 3.6 GB before
    ("prose without full stop", "'der Umsatz stieg um 3 Prozent auf 12 Mio. Euro und die Kosten ' * 3200", 6400,
     40, 2500),
    # a 46 KB inline JSON blob of numbers: 31 s before (token bounds rescanned per digit)
    ("JSON blob", "'[' + ','.join(f'{1000 + i % 9000}.{i % 97}' for i in range(5000)) + ']'", None, 10, 2500),
    # "1 Prozent " x 8,000: 28 s before (the direction cue search rescanned the sentence)
    ("percent run", "'Der Wert stieg um 1 Prozent ' + '1 Prozent ' * 8000", 8001, 10, 2500),
    # found while writing these: "um 1 Prozent" x 7,700 took 59 s (the cue search went back over the whole
    # line), 100 KB of "1.231.231..." 63 s (an unbounded repeat of digit groups)
    ("um run", "'um 1 Prozent ' * 7700", 7700, 10, 2500),
    ("dotted digits", "'1.23' * 25000", None, 10, 2500),
])
def test_linear_time_and_bounded_memory(name, text, figures, seconds, memory_mb):
    r = py(EXACT.format(text=text), seconds=seconds, memory_mb=memory_mb)
    assert r.rc == 0, r.err[-1500:]
    n, longest = map(int, r.out.split())
    if figures is not None:
        assert n == figures
    assert longest <= 2000                      # a bounded context, not the whole line
    assert r.peak_mb < 700, f"{name}: peak {r.peak_mb:.0f} MB"


def test_one_line_costs_no_more_than_many_lines():
    """The same 1 MB as lines and as one line: about the same time (20 MB on one line was 6.5x slower)."""
    code = """
import time, sys, explore
from pathlib import Path
t = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt")))
t = (t * (1_000_000 // len(t) + 1))[:1_000_000]
explore.extract("12 Prozent")
out = []
for text in (t, t.replace("\\n", " ")):
    c = time.process_time(); explore.extract(text); out.append(time.process_time() - c)
print(*out)
"""
    r = py(code, seconds=120, memory_mb=3000)
    assert r.rc == 0, r.err[-1500:]
    lines, one = map(float, r.out.split())
    assert one < 2.0 * lines + 1, (lines, one)


def test_time_budget_reports_the_file_and_goes_on(folder):
    (folder / "slow.txt").write_text("Der Wert stieg um 1 Prozent " + "1 Prozent " * 100_000, encoding="utf-8")
    r = cli("table", "figures", folder, "--time-budget", "0.2", seconds=60)
    assert r.rc == 1
    assert "slow.txt: extraction took more than the time budget of 0.2 s" in r.err
    assert set(rows(r)["article"]) == {"good"}


# --- 3: the catalog ---------------------------------------------------------------------------------------

def test_excel_catalog_semicolon_cp1252_bom_is_read(folder):
    (folder / "catalog.csv").write_bytes(b"\xef\xbb\xbf" + "id;title;publisher;published\r\n"
                                         "good;Umsatz über Plan;Börsen-Zeitung;17.02.2025\r\n".encode("utf-8"))
    r = cli("table", "figures", folder)
    df = rows(r)
    assert r.rc == 0 and r.err.strip() == "", r.err
    assert set(df["published"]) == {"2025-02-17"} and set(df["publisher"]) == {"Börsen-Zeitung"}
    (folder / "catalog.csv").write_bytes("id;title;publisher;published\r\ngood;Umsatz über Plan;Börsen-Zeitung;"
                                         "2025-02-17\r\n".encode("cp1252"))
    df = rows(cli("table", "figures", folder))
    assert set(df["publisher"]) == {"Börsen-Zeitung"} and set(df["title"]) == {"Umsatz über Plan"}


@pytest.mark.parametrize("catalog, message, published", [
    ("title,published\nx,2025-01-01\n", "catalog.csv: row 1: no 'id' column", ""),
    ("id,published\ngood,31.02.2025\n", "catalog.csv: row 2, column published: '31.02.2025' is not a date", ""),
    ("id,title,published\ngood,Umsatz, Gewinn,2025-01-01\n", "catalog.csv: row 2: 4 fields but the header has 3",
     ""),
    ("id,published\ngood,2025-01-01\ngood,2025-02-02\n", "catalog.csv: row 3, column id: 'good' repeats row 2",
     "2025-01-01"),
    ("id,published\ngood,2025-01-01\nghost,2025-02-02\n", "catalog.csv: 1 id without a .txt file: ghost",
     "2025-01-01"),
])
def test_catalog_problem_is_a_warning_and_the_articles_load(folder, catalog, message, published):
    (folder / "catalog.csv").write_text(catalog, encoding="utf-8")
    (folder / "other.txt").write_text("Die Kosten sanken um 3 Prozent.", encoding="utf-8")
    r = cli("table", "figures", folder)
    assert r.rc == 0, r.err
    assert f"warning: {folder}/{message}" in r.err
    df = rows(r)
    assert set(df["article"]) == {"good", "other"}
    assert set(df.loc[df.article == "good", "published"]) == {published}


# --- 4, 5: file names and special files ------------------------------------------------------------------

def test_undecodable_file_name_is_named_and_read(folder, tmp_path):
    bad = os.path.join(os.fsencode(folder), b"bericht-\xe9.txt")
    with open(bad, "wb") as fh:
        fh.write("Die Kosten sanken um 3 Prozent.".encode())
    r = cli("table", "figures", folder)
    assert r.rc == 0, r.err
    assert "bericht-\\xe9.txt: file name is not valid UTF-8; its article id is 'bericht-\\\\xe9'" in r.err
    assert set(rows(r)["article"]) == {"good", "bericht-\\xe9"}
    # the Dask engine: the same ids, and the catalog's problems reach the run's report
    (folder / "catalog.csv").write_text("id;published\ngood;31.02.2025\n", encoding="utf-8")
    out = tmp_path / "parts"
    r = cli("table", "figures", folder, "--engine", "dask", "--workers", "1", "-o", out, seconds=120,
            memory_mb=4000)
    assert r.rc == 0, r.err[-1500:]
    assert set(pd.read_parquet(out)["article"]) == {"good", "bericht-\\xe9"}
    manifest = json.loads((out / "_explore.json").read_text(encoding="utf-8"))
    assert manifest["articles"] == 2
    assert any(p["message"] == "row 2, column published: '31.02.2025' is not a date (YYYY-MM-DD); left empty"
               for p in manifest["problems"])


def test_links_fifos_subfolders_and_upper_case_names(folder):
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")                         # reading it would hang the run
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.txt").write_text("Die Kosten sanken um 3 Prozent.", encoding="utf-8")
    (folder / "LOUD.TXT").write_text("Der Gewinn stieg um 7 Prozent.", encoding="utf-8")
    r = cli("table", "figures", folder, seconds=30)
    assert r.rc == 1
    for msg in ("loop_a.txt: a symbolic link loop; skipped", "dangling.txt: a dangling symbolic link; skipped",
                "pipe.txt: not a regular file (a FIFO); skipped",
                "sub: a sub-folder; skipped (read sub-folders with --recursive)"):
        assert msg in r.err
    assert set(rows(r)["article"]) == {"good", "LOUD"}
    r = cli("table", "figures", folder, "--recursive", seconds=30)
    assert set(rows(r)["article"]) == {"good", "LOUD", "deep"}


# --- 6: decoding -------------------------------------------------------------------------------------------

def test_one_bad_byte_keeps_the_euro_signs(folder):
    body = "".join(f"Posten {i}: {i + 1},50 € netto.\n" for i in range(2000)).encode()
    (folder / "bill.txt").write_bytes(body[:30000] + b"\xff" + body[30000:])
    r = cli("table", "figures", folder)
    assert "bill.txt: not valid UTF-8 at 1 byte (byte 30000); replaced by U+FFFD" in r.err
    df = rows(r)
    money = df[(df.article == "bill") & (df.kind == "money")]
    assert len(money) == 2000 and set(money["unit"]) == {"EUR"}


def test_binary_after_64_kb_is_an_error_and_nul_is_named(folder):
    (folder / "tail.txt").write_bytes(b"Text 5 Prozent. " * 5000 + bytes(range(256)) * 400)
    (folder / "nul.txt").write_bytes(b"Text 5 Prozent. " * 5000 + b"\x00 Die Kosten sanken um 3 Prozent.")
    r = cli("table", "figures", folder)
    assert r.rc == 1
    assert "tail.txt: binary data, not text" in r.err and "from byte 65536" in r.err
    assert "nul.txt: 1 NUL characters (the first at character 80000), replaced by U+FFFD" in r.err
    assert set(rows(r)["article"]) == {"good", "nul"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(folder, encoding):
    (folder / "ps.txt").write_bytes("Die Kosten sanken um 3 Prozent auf 5 €.".encode(encoding))
    r = cli("table", "figures", folder)
    assert r.rc == 0 and "ps.txt" not in r.err, r.err
    df = rows(r)
    assert list(df.loc[df.article == "ps", "text"]) == ["3 Prozent", "5 €"]


# --- 7: output ---------------------------------------------------------------------------------------------

def test_bare_cr_is_quoted_and_reads_back(tmp_path):
    f = tmp_path / "cr.txt"
    f.write_text("Der Umsatz stieg\rum 12 Prozent, sagte er.", encoding="utf-8", newline="")
    out = tmp_path / "f.csv"
    code = ("import explore, sys\nfrom explore.cli import write_table\n"
            "df = explore.extract(open(sys.argv[1], newline='').read())\nwrite_table(df, 'csv', sys.argv[2])")
    r = py(code, f, out)
    assert r.rc == 0, r.err
    with open(out, encoding="utf-8", newline="") as fh:
        written = fh.read()
    back = pd.read_csv(io.StringIO(written, newline=""))
    assert list(back["text"]) == ["12 Prozent"]
    assert back["sentence"][0] == "Der Umsatz stieg\rum 12 Prozent, sagte er."
    table = list(csv.reader(io.StringIO(written, newline="")))
    assert len(table) == 2 and table[1][3] == "12 Prozent" and len(table[1]) == len(table[0])


def test_bad_output_paths_fail_before_the_work(folder):
    before = (folder / "good.txt").read_bytes()
    for out, msg in [(folder / "missing" / "f.csv", "does not exist"), (folder, "is a folder"),
                     (folder / "good.txt", "would overwrite the input")]:
        r = cli("table", "figures", folder, "-o", out, seconds=20)
        assert r.rc != 0 and msg in r.err and "Traceback" not in r.err, r.err
    for command in ("export", "export-data"):                 # folders of output: the same checks, first
        for out, msg in [(folder / "good.txt", "exists and is not a folder"), (folder, "would overwrite the input")]:
            r = cli(command, folder, "--out", out, seconds=20)
            assert r.rc != 0 and msg in r.err and "Traceback" not in r.err, r.err
    assert (folder / "good.txt").read_bytes() == before


# --- 8: identity -------------------------------------------------------------------------------------------

def test_same_stem_in_two_folders_gets_unique_ids(tmp_path, folder):
    other = tmp_path / "other"
    other.mkdir()
    (other / "good.txt").write_text("Die Kosten sanken um 3 Prozent.", encoding="utf-8")
    code = ("import sys, warnings, explore\nwarnings.simplefilter('ignore')\n"
            "c = explore.load_corpus(sys.argv[1], sys.argv[2], sys.argv[1])\ndf = explore.figures(c)\n"
            "assert all(c[r.article].text[r.start:r.end] == r.text for r in df.itertuples())\n"
            "print(sorted(a.id for a in c)); print(*c.problems, sep='\\n')")
    r = py(code, folder, other)
    assert r.rc == 0, r.err
    assert r.out.splitlines()[0] == "['good', 'other/good']"
    assert "other/good.txt: article id 'good' is already that of" in r.out
    assert "good.txt: given twice (or linked); read once" in r.out


# --- 9: unicode in numbers ---------------------------------------------------------------------------------

UNICODE = """
import explore
cases = {"1\\u2009000\\u2009000 Euro": 1e6, "1\\u2007000 Euro": 1000.0, "1\\u200b000 Euro": 1000.0,
         "\\ufeff12 Prozent": 12.0, "12 Pro\\u00adzent": 12.0, "2 1\\u20442 Jahre": 2.5, "\\u20135,3 Prozent": 5.3}
for text, value in cases.items():
    df = explore.extract("Der Wert: " + text)
    r = df.iloc[0]
    assert len(df) == 1 and r.low == value, (text, df[["text", "low", "unit"]])
    assert ("Der Wert: " + text)[r.start:r.end] == r.text
assert explore.extract("Der Wert: \\u20135,3 Prozent").iloc[0].direction == "down"
assert explore.extract("Der Wert: 12 Pro\\u00adzent").iloc[0].unit == "%"
print("ok")
"""


def test_unicode_inside_numbers():
    r = py(UNICODE)
    assert r.rc == 0 and r.out.strip() == "ok", r.err[-1500:]


# --- 10: the smaller ones ----------------------------------------------------------------------------------

def test_eval_refuses_a_key_that_does_not_fit(tmp_path, folder):
    r = cli("eval", ROOT / "tests" / "gold" / "seeds.jsonl", folder)
    assert r.rc == 2 and "none of the key's 5 articles is in the corpus" in r.err
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    r = cli("eval", tmp_path / "empty.jsonl", folder)
    assert r.rc == 2 and "no gold figures" in r.err
    (tmp_path / "bad.jsonl").write_text('{"article": "good", "surface": "12 Prozent", "kind": "percent"}\n{oops\n',
                                        encoding="utf-8")
    r = cli("eval", tmp_path / "bad.jsonl", folder)
    assert r.rc == 2 and "bad.jsonl:2: not a JSON line" in r.err and "Traceback" not in r.err


def test_extract_arguments():
    code = """
import datetime as dt, pandas as pd, explore
for p in (pd.Timestamp("2025-02-17 10:00"), dt.datetime(2025, 2, 17, 10), "2025-02-17", dt.date(2025, 2, 17)):
    assert explore.extract("Am 6. Februar stieg er.", published=p).iloc[0].date == "2025-02-06"
try:
    explore.extract(b"12 Prozent")
except TypeError as exc:
    assert "not bytes" in str(exc), exc
else:
    raise AssertionError("bytes accepted")
print("ok")
"""
    r = py(code)
    assert r.rc == 0 and r.out.strip() == "ok", r.err[-1500:]


def test_many_malformed_table_rows_are_summed_up(folder):
    rows_ = "".join(f"Land {i} | {i} % | x |\n" for i in range(5000))
    (folder / "t.txt").write_text("Land | Quote |\n---|---|\n" + rows_, encoding="utf-8")
    r = cli("table", "figures", folder, seconds=30)
    assert r.rc == 0, r.err[-1000:]
    lines = [ln for ln in r.err.splitlines() if "malformed table" in ln]
    assert len(lines) == 6 and "4995 more malformed rows" in lines[-1]
    df = rows(r)
    assert ((df["article"] == "t") & (df["kind"] == "percent")).sum() == 5000


def test_lone_cr_line_endings_keep_tables(folder):
    (folder / "mac.txt").write_bytes(b"Markt | Quote |\r---|---|\rChina | 75-85% |\rJapan | 45 % |\r")
    r = cli("table", "figures", folder)
    assert "mac.txt: 4 line breaks are a lone CR (classic Mac); read as line breaks" in r.err
    df = rows(r)
    cells = df[df.article == "mac"]
    assert list(cells["text"]) == ["75-85%", "45 %"] and list(cells["row_header"]) == ["China", "Japan"]


def test_numbers_beyond_float_are_skipped_not_infinite():
    code = ("import explore\ndf = explore.extract('Es waren 1' + '0' * 400 + ' Euro und 5 Euro.')\n"
            "print(list(df.text), list(explore.unmatched([explore.Article('x', 'Es waren 1' + '0' * 400 + ' Euro.')]).reason))")
    r = py(code)
    assert r.rc == 0, r.err[-1000:]
    assert r.out.strip() == "['5 Euro'] ['number too large']"


# --- 11: determinism ---------------------------------------------------------------------------------------

def test_same_bytes_under_every_hash_seed(tmp_path):
    """Two organisations named equally often and an amount near neither: the tie goes to the one
    named first, whatever PYTHONHASHSEED (it followed set order before)."""
    d = tmp_path / "wire"
    d.mkdir()
    (d / "wire.txt").write_text("Der Konzern investiert 5 Mio. Euro in neue Rechenzentren.\n"
                                "Alibaba meldete 12 Prozent mehr Umsatz. Tencent meldete 8 Prozent mehr Umsatz.\n",
                                encoding="utf-8")
    code = ("import sys\nfrom explore.cli import main\nfor table in ('money', 'figures'):\n"
            "    main(['table', table, sys.argv[1], sys.argv[2]])\n    print('=' * 20, flush=True)\n")
    outs = set()
    for seed in ("0", "3", "5"):          # 0 and 3 gave different owners before the fix
        r = bounded(["-c", code, str(d), str(SEEDS)], env={"PYTHONHASHSEED": seed})
        assert r.rc == 0, r.err[-1000:]
        outs.add(r.out)
    assert len(outs) == 1
    money = pd.read_csv(io.StringIO(outs.pop().split("=" * 20)[0]))
    assert money.loc[money.article == "wire", "entity"].tolist() == ["Alibaba"]


# --- Dask: a worker memory limit, a file that blows a naive build, a symlink loop -------------------------

def test_dask_partition_keeps_its_good_articles(tmp_path):
    d = tmp_path / "archive"
    d.mkdir()
    for i in range(6):
        (d / f"a{i}.txt").write_text(f"Der Umsatz stieg um {i + 1} Prozent.", encoding="utf-8")
    (d / "blob.txt").write_text("1 " * 50_000, encoding="utf-8")       # 100 KB: 5 GB for a naive build
    os.symlink("loop2.txt", d / "loop1.txt")
    os.symlink("loop1.txt", d / "loop2.txt")
    code = ("import sys, warnings, explore.engines as e\nwarnings.simplefilter('ignore')\n"
            "r = e.run([sys.argv[1]], sys.argv[2], workers=1, memory_limit='1.5GB', warn=False)\n"
            "print(r.articles, r.rows, max(r.worker_peak_rss.values()) // 2**20)\nprint(*r.problems, sep='\\n')")
    r = py(code, d, tmp_path / "out", seconds=180, memory_mb=6000)
    assert r.rc == 0, r.err[-2000:]
    articles, figures, peak = map(int, r.out.splitlines()[0].split())
    assert articles == 7 and figures == 6 + 50_000
    assert peak < 1000, f"worker peak {peak} MiB"
    assert "loop1.txt: a symbolic link loop; skipped" in r.out
    df = pd.read_parquet(tmp_path / "out")
    assert set(df["article"]) == {f"a{i}" for i in range(6)} | {"blob"}
    assert df["sentence"].str.len().max() <= 2000
