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
