"""Bad input: each problem is named with its file, and the rest of the corpus still loads."""
import subprocess
import sys
from pathlib import Path

import pytest

import explore
from explore.cli import main
from explore.corpus import InputWarning

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro.", encoding="utf-8")
    return tmp_path


def test_empty_file_warns_and_has_no_figures(folder):
    (folder / "empty.txt").write_bytes(b"")
    with pytest.warns(InputWarning, match=r"empty\.txt: empty file"):
        corpus = explore.load_corpus(folder)
    assert corpus["empty"].text == ""
    df = explore.figures(corpus)
    assert set(df["article"]) == {"good"}
    assert not corpus.failed


def test_binary_file_is_an_error_naming_the_file(folder):
    (folder / "image.txt").write_bytes(bytes(range(256)) * 20)
    with pytest.warns(InputWarning, match=r"image\.txt: binary data"):
        corpus = explore.load_corpus(folder)
    assert [a.id for a in corpus] == ["good"]
    assert corpus.failed and "image.txt" in str(corpus.problems[0])


def test_cp1252_is_decoded_with_a_warning(folder):
    text = "Die Kosten für München stiegen auf 5 Mio. € – größer als geplant."
    (folder / "legacy.txt").write_bytes(text.encode("cp1252"))
    with pytest.warns(InputWarning, match=r"legacy\.txt: not valid UTF-8.*cp1252"):
        corpus = explore.load_corpus(folder)
    assert corpus["legacy"].text == text
    df = explore.figures(corpus)
    money = df[(df.article == "legacy") & (df.kind == "money")]
    assert money.iloc[0]["text"] == "5 Mio. €" and money.iloc[0]["unit"] == "EUR"


def test_latin1_without_euro_sign_is_decoded(folder):
    text = "Über 200.000 Bestellungen pro Tag in Düsseldorf."
    (folder / "latin.txt").write_bytes(text.encode("latin-1"))
    with pytest.warns(InputWarning, match="latin.txt"):
        corpus = explore.load_corpus(folder)
    assert corpus["latin"].text == text


def test_malformed_table_row_is_reported_and_cells_still_read(folder):
    (folder / "table.txt").write_text(
        "Markt | Quote |\n---|---|\nChina | 75-85% |\nJapan | 45-55% | extra |\n", encoding="utf-8")
    corpus = explore.load_corpus(folder)
    with pytest.warns(InputWarning, match=r"table\.txt: malformed table, line 4: row has 3 cells"):
        df = explore.figures(corpus)
    cells = df[df.article == "table"]
    assert list(cells["text"]) == ["75-85%", "45-55%"]
    assert list(cells["row_header"]) == ["China", "Japan"]
    assert cells["in_table"].all()


def test_missing_path_is_reported(tmp_path):
    with pytest.warns(InputWarning, match="nothing-here.txt"):
        corpus = explore.load_corpus(tmp_path / "nothing-here.txt")
    assert corpus.failed and len(corpus) == 0


def test_articles_without_catalog_load_with_unknown_metadata(folder):
    corpus = explore.load_corpus(folder)
    a = corpus["good"]
    assert a.published is None and a.publisher is None and a.title is None


def test_seed_catalog_metadata():
    corpus = explore.load_corpus(SEEDS)
    assert corpus["000_5931e801111d1dff"].published.isoformat() == "2025-02-17"
    assert not corpus["000_5931e801111d1dff"].published_inferred
    assert corpus["002_1d86e9404be00b17"].published_inferred
    assert corpus["004_2cef888960c616c7"].published is None


def test_offsets_refer_to_the_decoded_text_exactly():
    corpus = explore.load_corpus(SEEDS)
    df = explore.figures(corpus)
    for r in df.itertuples():
        assert corpus[r.article].text[r.start:r.end] == r.text


def test_cli_keeps_going_and_exits_nonzero_only_for_unreadable_files(folder, capsys):
    (folder / "empty.txt").write_bytes(b"")
    out = folder / "f.csv"
    assert main(["table", "figures", str(folder), "-o", str(out)]) == 0
    assert "empty.txt: empty file" in capsys.readouterr().err
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["table", "figures", str(folder), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "error" in err and "bin.txt" in err
    assert "12 Prozent" in out.read_text(encoding="utf-8")      # the good file was still processed


MEASURE = """
import resource, sys, warnings, explore
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with warnings.catch_warnings():
    warnings.simplefilter("error")
    df = explore.figures(explore.load_corpus(sys.argv[1]))
extra = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(len(df), extra)
"""


@pytest.mark.slow
def test_a_50_mb_file_works_with_memory_proportional_to_it(tmp_path):
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    path = tmp_path / "huge.txt"
    copies = 50_000_000 // len(body.encode("utf-8")) + 1
    path.write_text(body * copies, encoding="utf-8")
    size = path.stat().st_size
    assert size >= 50_000_000
    per_copy = len(explore.figures(explore.load_corpus(*seeds)))
    # a fresh process, so its peak resident memory is this run's alone
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                         check=True).stdout.split()
    rows, extra = int(out[0]), int(out[1])
    assert rows >= per_copy * copies * 0.99       # the seams between copies may join or split a figure
    # the decoded text plus one row per figure: a small multiple of the file, not of anything else
    assert extra < 15 * size, f"peak {extra / 1e6:.0f} MB above start for a {size / 1e6:.0f} MB file"
