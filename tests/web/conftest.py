"""The demo store the view and ``kamer show`` are tested on: the sample corpus without its scans.

The scans and the Handelingen PDFs only add OCR time; every kind of fact the
pages show is in the motions, the open-data export, the letters, the seed
letter's text, the answers and the VLOS debate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.store import Store
from tests.conftest import CORPUS

DEMO_PARTS = (
    "motions",
    "letters",
    "answers",
    "seed/kamerbrief-imvo-convenanten-2016.txt",
    "seed/kamerbrief-imvo-convenanten-2016.pdf",  # born digital: its footnotes
    "debates/vlos-plenair-2014-10-15-vergadering-14-excerpt.xml",
)
SCRIPT_LETTER = """Tweede Kamer der Staten-Generaal

Datum 3 november 2025
Betreft Beveiliging van de website <script>alert(1)</script>

Geachte voorzitter,

De tekst <script>alert(1)</script> is een proef. Ik zal uw Kamer voor 1 maart 2026 informeren.
"""


def build_demo(folder: Path) -> Path:
    """A store at ``folder/demo.sqlite`` from the corpus, plus a letter holding a script tag."""
    db = folder / "demo.sqlite"
    extra = folder / "brief-script.txt"
    extra.write_text(SCRIPT_LETTER, encoding="utf-8")
    files: list[str] = []
    for part in DEMO_PARTS:
        p = CORPUS / part
        files += (
            sorted(str(f) for f in p.rglob("*") if f.is_file() and f.name != "README.md")
            if p.is_dir()
            else [str(p)]
        )
    with Store(db) as store:
        summary = ingest_paths([*files, str(extra)], store, Settings(workers=1))
    assert summary.failed == 0, summary.errors
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))
