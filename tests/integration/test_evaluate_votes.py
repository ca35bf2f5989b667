"""`kamer evaluate` scores a motion's vote from the open data beside the corpus, as `kamer ingest` attaches it.

The gold of the development corpus takes `motions[].status` from the open-data
vote (`Besluit.BesluitSoort` "Stemmen - aangenomen" / "Stemmen - verworpen";
../shared/corpus/README.md), which no motion prints. Here the gold is made by
that rule from the sample's real open-data records (corpus/motions/opendata.jsonl),
the papers and the export laid out as the corpus lays them out.
"""

from __future__ import annotations

import gzip
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
        motion = {"id": ids[0], "status": OUTCOME[votes[-1]], "mentioned": False}  # the paper is the motion
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


def test_an_export_named_elsewhere_gives_the_votes_and_its_absence_is_said(tmp_path: Path) -> None:
    gold, voted = _gold(tmp_path)
    export = tmp_path / "elsewhere" / "zaken.jsonl"
    export.parent.mkdir()
    (tmp_path / "corpus" / "opendata.jsonl").rename(export)
    alone = _evaluate("--gold", str(gold))
    assert alone.returncode == 0, alone.stderr
    assert "--opendata FILE" in alone.stderr  # the gold scores votes and nothing beside it gives them
    assert json.loads(alone.stdout)["fields"]["motions.status"]["fn"] == voted
    named = _evaluate("--gold", str(gold), "--opendata", str(export))
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["fields"]["motions.status"]["tp"] == voted
    both = _evaluate("--gold", str(gold), "--opendata", str(export), "--no-opendata")
    assert both.returncode == 2 and "exclude each other" in both.stderr


def test_a_gzip_export_whose_data_is_broken_is_one_clear_error(tmp_path: Path) -> None:
    gold, _ = _gold(tmp_path)
    packed = gzip.compress((CORPUS / "motions" / "opendata.jsonl").read_bytes())
    bad = tmp_path / "broken.jsonl.gz"
    bad.write_bytes(packed[:20] + bytes(b ^ 0x55 for b in packed[20:200]) + packed[200:])
    out = _evaluate("--gold", str(gold), "--opendata", str(bad))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr
    last = [ln for ln in out.stderr.splitlines() if ln.strip()][-1]
    assert "broken.jsonl.gz" in last and "cannot read the export" in last, last
