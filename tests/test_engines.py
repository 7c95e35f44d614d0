"""The Dask engine gives the pandas engine's answers, survives bad files and dying workers."""
from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import explore
from explore import FIGURE_COLUMNS, cli, engines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.make_corpus import build_corpus  # noqa: E402

distributed = pytest.importorskip("distributed")


def _cluster(n: int = 2):
    return distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                    dashboard_address=":0", silence_logs=logging.ERROR)


@pytest.fixture(scope="module")
def scheduler():
    """A 2-worker local cluster (worker processes), shared by the tests of this module."""
    with _cluster(2) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """About 3 MB of generated articles (1000 files), with a catalog."""
    out = tmp_path_factory.mktemp("generated")
    build_corpus(out, megabytes=3, seed=7)
    return out


@pytest.fixture(scope="module")
def generated_pandas(generated) -> pd.DataFrame:
    return explore.figures(generated)


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["article", "start", "end"]).reset_index(drop=True)


def assert_same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(FIGURE_COLUMNS)
    assert got.dtypes.to_dict() == want.dtypes.to_dict()
    pd.testing.assert_frame_equal(_sorted(got), _sorted(want))
    pd.testing.assert_frame_equal(got, want)      # and the same order: corpus order


def test_seeds_same_as_pandas(scheduler):
    want = explore.figures(SEEDS)
    got = explore.figures(SEEDS, engine="dask", scheduler=scheduler)
    assert_same(got, want)
    assert len(got) > 50


def test_generated_corpus_to_parquet(scheduler, generated, generated_pandas, tmp_path):
    out = tmp_path / "figures"
    result = engines.run(generated, out, scheduler=scheduler, partition_bytes=250_000)
    assert result.articles == len(list(generated.glob("*.txt")))
    assert result.partitions >= 10 and not result.problems
    assert sorted(p.name for p in out.glob("part.*.parquet")) == [
        engines.PART.format(i) for i in range(result.partitions)]
    manifest = json.loads((out / engines.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["figures"] == result.rows == len(generated_pandas)
    assert manifest["columns"] == {c: t for c, (t, _) in FIGURE_COLUMNS.items()}
    assert_same(explore.read_figures(out), generated_pandas)
    assert len(result.worker_peak_rss) == 2                    # both workers did work
    assert max(result.worker_peak_rss.values()) < 2**30        # and stayed under 1 GiB


def test_python_api_out_returns_run(scheduler, tmp_path):
    result = explore.figures(SEEDS, engine="dask", scheduler=scheduler, out=tmp_path / "o")
    assert isinstance(result, engines.DaskRun) and result.path == tmp_path / "o"
    assert_same(result.read(), explore.figures(SEEDS))


def test_read_figures_columns_single_file_and_lazy(tmp_path):
    want = explore.figures(SEEDS)
    want.to_parquet(tmp_path / "one.parquet", index=False)    # the pandas engine's --format parquet
    assert_same(explore.read_figures(tmp_path / "one.parquet"), want)
    engines.write_figures(want, tmp_path / "ds")
    sub = explore.read_figures(tmp_path / "ds", columns=["article", "kind", "low"])
    pd.testing.assert_frame_equal(sub, want[["article", "kind", "low"]])
    lazy = explore.read_figures(tmp_path / "ds", lazy=True)
    pd.testing.assert_frame_equal(lazy.compute(scheduler="sync").reset_index(drop=True), want)
    with pytest.raises(KeyError):
        explore.read_figures(tmp_path / "ds", columns=["nope"])
    with pytest.raises(FileNotFoundError):
        explore.read_figures(tmp_path / "missing")


def test_unreadable_file_reported_and_run_goes_on(scheduler, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(SEEDS, folder)
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (folder / "zz_latin.txt").write_bytes("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. €.".encode("cp1252"))
    with pytest.warns(explore.InputWarning):
        want = explore.figures(explore.load_corpus(folder))
    with pytest.warns(explore.InputWarning) as caught:
        result = engines.run(folder, tmp_path / "out", scheduler=scheduler, partition_bytes=5_000)
    messages = [str(w.message) for w in caught]
    assert any(str(folder / "zz_binary.txt") in m and "binary" in m for m in messages)
    assert any(str(folder / "zz_latin.txt") in m and "cp1252" in m for m in messages)
    fatal = [p for p in result.problems if p.fatal]
    assert [p.path for p in fatal] == [str(folder / "zz_binary.txt")] and result.failed
    assert result.articles == 6
    assert_same(result.read(), want)


def test_cli_dask_local_cluster(generated, generated_pandas, tmp_path, capsys):
    out = tmp_path / "cli"
    rc = cli.main(["table", "figures", str(generated), "--engine", "dask", "--workers", "2", "-o", str(out)])
    assert rc == 0
    assert "figures" in capsys.readouterr().err
    assert_same(explore.read_figures(out), generated_pandas)


def test_cli_rejects_mismatched_options(tmp_path):
    with pytest.raises(SystemExit, match="-o OUT_DIR"):
        cli.main(["table", "figures", str(SEEDS), "--engine", "dask"])
    with pytest.raises(SystemExit, match="Parquet"):
        cli.main(["table", "figures", str(SEEDS), "--engine", "dask", "--format", "csv", "-o", str(tmp_path)])
    with pytest.raises(SystemExit, match="--engine dask"):
        cli.main(["table", "figures", str(SEEDS), "--workers", "2"])
    with pytest.raises(ValueError, match="engine"):
        explore.figures(SEEDS, engine="spark")


class KillFirstTask(distributed.WorkerPlugin):
    """Kills the worker process that starts the run's first task, once (a marker file says so)."""

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def test_dying_worker_is_retried_and_output_complete(generated, generated_pandas, tmp_path):
    marker = tmp_path / "killed"
    with _cluster(2) as cluster, distributed.Client(cluster) as client:
        client.register_plugin(KillFirstTask(str(marker)))
        result = engines.run(generated, tmp_path / "out", client=client, partition_bytes=250_000)
    assert marker.exists()                     # a worker did die mid-run
    assert not result.problems and result.articles == len(list(generated.glob("*.txt")))
    assert_same(explore.read_figures(tmp_path / "out"), generated_pandas)
