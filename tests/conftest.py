from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed"
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))
KAMER = [sys.executable, "-m", "pipeline.cli"]


def kamer(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: int = 900
) -> subprocess.CompletedProcess[str]:
    """``kamer ARGS`` in a fresh interpreter, its output captured (``env`` added to this one's)."""
    return subprocess.run(
        [*KAMER, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def analyse_text(text: str, name: str = "brief.txt"):  # type: ignore[no-untyped-def]
    """A string read as a plain-text file would be, then analysed: the whole pipeline on a text."""
    from pipeline import analyse
    from pipeline.extract import from_text

    return analyse(from_text(text, name))


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_pdf():
    from pipeline import process

    return process(SEED / "kamerbrief-imvo-convenanten-2016.pdf")


@pytest.fixture(scope="session")
def seed_txt():
    from pipeline import process

    return process(SEED / "kamerbrief-imvo-convenanten-2016.txt")


@pytest.fixture(scope="session")
def seed_scan():
    from pipeline import process

    return process(SEED / "kamerbrief-imvo-convenanten-2016-scan.pdf")


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL server for the session (tests/support/postgres.py), stopped at its end."""
    from tests.support.postgres import Postgres, binaries

    if binaries() is None:
        pytest.skip("no PostgreSQL binaries: install Debian's 'postgresql' package (bin/setup does)")
    server = Postgres.start(tmp_path_factory.mktemp("postgres"))
    yield server
    server.stop()


def new_store(backend: str, folder: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """An empty store on ``backend``: an SQLite file in ``folder``, or a fresh PostgreSQL database."""
    from pipeline.store import Store

    if backend == "sqlite":
        return Store(folder / "k.sqlite")
    return Store(request.getfixturevalue("postgres").database())
