"""The wheel: `pip install witnessbox-*.whl` (or `pip install .`, which builds one) into a fresh
environment gives a working `witnessbox-cli self-test`, away from the source tree.

The wheel is built from a copy of what a wheel is made of (pyproject.toml, README.md, desktop/), so
the test also proves the build needs nothing else and leaves the checkout untouched. It is built
and installed without a network (the suite runs under `unshare -rn`): the build uses this
environment's setuptools, and the fresh environment takes its third-party libraries from this one
(a path file), while Witnessbox itself, its resources and its commands come from the wheel alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import desktop
from desktop import firewall

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ROOT = Path(desktop.__file__).resolve().parents[1]
RESOURCES = ROOT / "desktop" / "resources"


def _run(argv: list, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=600, env=env, **kw)


def _source_copy(dest: Path) -> Path:
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "desktop", dest / "desktop", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def _resource_files() -> set[str]:
    """Every file under desktop/resources/ that is data (not its Python)."""
    return {p.relative_to(ROOT).as_posix() for p in RESOURCES.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = _source_copy(tmp / "src")
    out = tmp / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                  "-q", "-w", out, src], cwd=tmp)
    assert built.returncode == 0, built.stderr[-3000:]
    (found,) = out.glob("witnessbox-*.whl")
    return found


def test_the_wheel_holds_every_resource_and_nothing_from_the_tests(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = _resource_files()
    assert {"desktop/resources/fonts/OFL.txt", "desktop/resources/icons/witnessbox.svg"} <= resources
    assert resources - names == set()
    assert not [n for n in names if n.startswith("tests/") or "/tests/" in n or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "witnessbox-cli = desktop.__main__:main" in scripts and "witnessbox = desktop.__main__:main" in scripts


def test_the_installed_wheel_passes_its_self_test_away_from_the_source(wheel, tmp_path):
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv])
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installed = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-index", "--no-deps", "-q",
                      wheel])
    assert installed.returncode == 0, installed.stderr[-3000:]
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # Third-party libraries from this environment, after the fresh one's own site-packages.
    outer = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (site / "witnessbox_test_deps.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")

    where = _run([python, "-c", "import desktop, desktop.resources as r; print(desktop.__file__); "
                  "print(r.resource_path('fonts/OFL.txt'))"], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    module, licence = (Path(line) for line in where.stdout.split())
    assert module.is_relative_to(venv) and licence.is_relative_to(venv) and licence.is_file()

    cli = venv / ("Scripts/witnessbox-cli.exe" if os.name == "nt" else "bin/witnessbox-cli")
    firewall.install([str(cli)])  # the test's own child process, as pdftotext is
    version = _run([cli, "--version"], cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"Witnessbox {desktop.__version__}"
    data = tmp_path / "home"
    env_home = {"HOME": str(data), "XDG_DATA_HOME": str(data / "share"), "XDG_CONFIG_HOME": str(data / "config"),
                "XDG_CACHE_HOME": str(data / "cache"), "XDG_STATE_HOME": str(data / "state")}
    result = subprocess.run([str(cli), "self-test"], capture_output=True, text=True, timeout=600, cwd=tmp_path,
                            env={**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, **env_home})
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == 6 and all(line.startswith("ok ") for line in lines), result.stdout
