"""environment.yml stays consistent with pyproject.toml (no conda here, so it is checked statically)."""
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
# PyPI name -> conda-forge name where they differ
CONDA_NAMES = {"kaleido": "python-kaleido"}


def _env():
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def test_channels_and_pip_section():
    env = _env()
    assert "conda-forge" in env["channels"]
    deps = env["dependencies"]
    names = {d.split("=")[0].split(">")[0].split("<")[0].strip() for d in deps if isinstance(d, str)}
    assert {"python", "pip"} <= names
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert "-e ." in pip or "." in pip


def test_every_spec_parses_as_a_conda_matchspec():
    rattler = pytest.importorskip("rattler")
    for dep in _env()["dependencies"]:
        if isinstance(dep, str):
            rattler.MatchSpec(dep)          # raises on a malformed spec


def test_pyproject_dependencies_are_all_listed():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = _env()["dependencies"]
    conda = {dep.split(">")[0].split("=")[0].split("<")[0].strip()
             for dep in deps if isinstance(dep, str)}
    pip = [d for dep in deps if isinstance(dep, dict) for d in dep.get("pip", [])]
    conda |= {Requirement(d).name.lower() for d in pip if not d.startswith("-") and d != "."}
    missing = []
    for req in project["dependencies"]:
        name = Requirement(req).name.lower()
        if CONDA_NAMES.get(name, name) not in conda:
            missing.append(name)
    assert not missing, f"environment.yml lacks {missing} (listed in pyproject.toml)"
