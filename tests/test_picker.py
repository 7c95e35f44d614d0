"""The corpus picker: a notebook switches from articles to a figures Parquet dataset (issue 5)."""

import explore
from explore import widgets as xw
from explore.engines import write_figures


def test_picker_loads_a_parquet_dataset_and_the_overview_follows(tmp_path):
    figs = explore.figures("seeds")
    one = figs[figs.article == "002_1d86e9404be00b17"]
    path = write_figures(one, tmp_path / "figs")
    picker = xw.corpus_picker("seeds", search=tmp_path)
    assert str(path) in picker.path.options
    panel = xw.overview(picker)
    assert "5 articles" in repr(picker)
    picker.path.value = str(path)
    picker.load()
    assert "28 figures from 1 articles" in repr(picker) or f"{len(one)} figures from 1 articles" in repr(picker)
    assert len(picker.figures) == len(one)
    assert set(panel.controls["kind"].value) == set(one["kind"].astype(str))
    assert "Wie Chinas" not in repr(panel)          # only the one article is drawn now


def test_picker_says_what_is_wrong_instead_of_raising(tmp_path):
    picker = xw.corpus_picker("seeds")
    picker.path.value = str(tmp_path / "missing")
    picker.load()
    assert "No such folder" in picker.status.value and len(picker.figures) > 0


def test_the_figure_browser_follows_the_picker(tmp_path):
    (tmp_path / "a.txt").write_text("Frankfurt, 3. März 2025 – Die Aktie von Alibaba stieg um 5 Prozent.\n",
                                    encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    picker = xw.corpus_picker("seeds")
    browser = xw.figure_browser(picker)
    picker.path.value = str(tmp_path)
    picker.load()
    assert set(browser.table["article"]) == {"a"}
    assert "bad.txt" in picker.status.value and "binary" in picker.status.value
    assert "03.03.2025" in browser.detail.value


def test_every_explorer_follows_the_picker(tmp_path):
    (tmp_path / "a.txt").write_text("Frankfurt, 3. März 2025 – Die Aktie von Siemens stieg seit Jahresbeginn um 12 "
                                    "Prozent. Siemens plant ein Budget von 2 Milliarden Euro.\n", encoding="utf-8")
    picker = xw.corpus_picker("seeds")
    panels = [xw.stock_explorer(picker), xw.budget_explorer(picker), xw.adoption_explorer(picker),
              xw.timeframe_explorer(picker), xw.table_view(picker, "stock_moves")]
    assert "Alibaba" in repr(panels[0]) and "Alibaba" in repr(panels[4])
    picker.path.value = str(tmp_path)
    picker.load()
    assert "Siemens" in repr(panels[0]) and "Alibaba" not in repr(panels[0])
    assert panels[0].controls["entity"].value == ("Siemens",)
    assert "Siemens" in repr(panels[4]) and "seit Jahresbeginn" in repr(panels[4])
    assert "Keine Zahlen" in repr(panels[2])        # no adoption rates in this article: a friendly empty chart
