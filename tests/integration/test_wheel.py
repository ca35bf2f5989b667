"""The package runs outside its checkout: a built wheel, installed in a fresh venv, extracts and ingests."""

from __future__ import annotations

import json
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT


@pytest.mark.slow
def test_the_wheel_works_in_a_fresh_venv_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("kamerwacht-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # third-party dependencies from this environment (no network needed); kamerwacht itself from the wheel only
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    kamer = env_dir / "bin" / "kamer"
    where = subprocess.run(
        [str(python), "-c", "import pipeline, pipeline.resources as r; print(pipeline.__file__, r.path())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in where and str(env_dir) in where, where

    letter = CORPUS / "letters" / "brief-uitvoering-motie-van-nispen-2025.txt"
    out = subprocess.run(
        [str(kamer), "extract", str(letter)], cwd=work, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["meta"]["kind"] == "brief"
    assert ("fulfils", "kst-28844-290") in {(f["relation"], f["target"]) for f in doc["follow_ups"]}

    out = subprocess.run(
        [str(kamer), "ingest", str(letter), str(CORPUS / "motions")], cwd=work, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert (work / "kamerwacht.sqlite").exists()  # the default store is in the current folder
    stats = subprocess.run(
        [str(kamer), "stats", "--format", "json"], cwd=work, capture_output=True, text=True
    )
    assert json.loads(stats.stdout)["documents"] == 21
    shown = subprocess.run([str(kamer), "show", "28844 nr. 290"], cwd=work, capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stdout.startswith("Motie van het lid Van Nispen over"), (
        shown.stderr
    )
    # the web view's templates and stylesheet ship with the package
    files = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.resources as r; w = r.files('pipeline.web');"
            " print((w / 'templates' / 'document.html').is_file(), (w / 'static' / 'kamer.css').is_file())",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert files == ["True", "True"]
