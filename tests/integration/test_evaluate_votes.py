"""`kamer evaluate` scores a motion's vote from the open data beside the corpus, as `kamer ingest` attaches it.

The gold of the development corpus takes `motions[].status` from the open-data
vote (`Besluit.BesluitSoort` "Stemmen - aangenomen" / "Stemmen - verworpen";
../shared/corpus/README.md), which no motion prints. Here the gold is made by
that rule from the sample's real open-data records (corpus/motions/opendata.jsonl),
the papers and the export laid out as the corpus lays them out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS, ROOT

OUTCOME = {"stemmen - aangenomen": "aangenomen", "stemmen - verworpen": "verworpen"}


def _gold(tmp: Path) -> tuple[Path, int]:
    """The sample's voted motions as a gold file: xml/ beside opendata.jsonl, the gold in the folder above."""
    corpus = tmp / "corpus"
    (corpus / "xml").mkdir(parents=True)
    export = CORPUS / "motions" / "opendata.jsonl"
    shutil.copy(export, corpus / "opendata.jsonl")
    lines = []
    for raw in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        votes = [b["BesluitSoort"].lower() for b in record.get("Besluit") or [] if b.get("BesluitSoort")]
        ids = [
            p["Identifier"]
            for d in record.get("Document") or []
            for p in (d.get("HuidigeDocumentVersie") or {}).get("DocumentPublicatie") or []
        ]
        if not votes or votes[-1] not in OUTCOME or not ids:
            continue
        shutil.copy(CORPUS / "motions" / f"{ids[0]}.xml", corpus / "xml")
        motion = {"id": ids[0], "status": OUTCOME[votes[-1]]}
        lines.append(json.dumps({"path": f"corpus/xml/{ids[0]}.xml", "motions": [motion]}))
    gold = tmp / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold, len(lines)


def _evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "evaluate", *args, "--format", "json", "--workers", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_votes_come_from_the_open_data_beside_the_papers(tmp_path: Path) -> None:
    gold, voted = _gold(tmp_path)
    assert voted >= 10  # the sample holds both outcomes
    out = _evaluate("--gold", str(gold))
    assert out.returncode == 0, out.stderr
    assert "vote outcomes from" in out.stderr and "opendata.jsonl" in out.stderr
    status = json.loads(out.stdout)["fields"]["motions.status"]
    assert (status["tp"], status["fp"], status["fn"]) == (voted, 0, 0)


def test_the_text_alone_gives_no_vote(tmp_path: Path) -> None:
    gold, voted = _gold(tmp_path)
    out = _evaluate("--gold", str(gold), "--no-opendata")
    assert out.returncode == 0, out.stderr
    assert "vote outcomes from" not in out.stderr
    assert json.loads(out.stdout)["fields"]["motions.status"]["fn"] == voted


def test_an_unreadable_export_is_one_clear_error(tmp_path: Path) -> None:
    gold, _ = _gold(tmp_path)
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"Nummer": "2025Z00001"}\nnot json\n', encoding="utf-8")
    out = _evaluate("--gold", str(gold), "--opendata", str(bad))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr
    last = [ln for ln in out.stderr.splitlines() if ln.strip()][-1]
    assert "broken.jsonl" in last and "line 2" in last, last
