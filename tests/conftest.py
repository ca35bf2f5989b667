from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
SEED = CORPUS / "seed"
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_pdf():
    from pipeline import extract

    return extract(SEED / "kamerbrief-imvo-convenanten-2016.pdf")


@pytest.fixture(scope="session")
def seed_txt():
    from pipeline import extract

    return extract(SEED / "kamerbrief-imvo-convenanten-2016.txt")


@pytest.fixture(scope="session")
def seed_scan():
    from pipeline import extract

    return extract(SEED / "kamerbrief-imvo-convenanten-2016-scan.pdf")
