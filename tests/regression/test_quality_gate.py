"""The quality gate every clone carries: a frozen slice of the shared gold's dev half (tests/data/gate/).

The full gold runs in tests/regression/test_shared_gold.py when ../shared is beside the clone; this slice
runs everywhere, so a change that reads real papers worse fails here first. The levels are those reached
when the slice was frozen, less a small margin; the slice's provenance is in tests/data/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

GATE = ROOT / "tests" / "data" / "gate"

LEVELS = {
    "letters-sgd.gold.jsonl": {
        "meta.kind.f1": 0.95,
        "meta.date.f1": 0.95,
        "meta.kamerstuk.f1": 0.95,
        "meta.authors.f1": 0.93,
        "references.f1": 0.95,
        "commitments.recall": 0.5,
        "follow_ups.relation.recall": 0.38,
        "follow_ups.precision.precision": 0.4,
    },
    "commitment-sentences.gold.jsonl": {
        "sentences.promise.recall": 0.85,
        "sentences.promise.precision": 0.85,
        "sentences.kind.f1": 0.95,
        "sentences.deadline.f1": 0.9,
        "sentences.follow_up.recall": 0.9,
        "sentences.follow_up.precision": 0.85,
    },
}


@pytest.mark.parametrize("gold", list(LEVELS))
def test_gate(gold: str) -> None:
    args = ["evaluate", "--gold", str(GATE / gold), "--format", "json"]
    for name, level in LEVELS[gold].items():
        args += ["--min", f"{name}={level}"]
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    report = json.loads(out.stdout)
    assert not report["errors"], report["errors"][:5]
    assert report["failed"] == [], report["failed"]
    assert out.returncode == 0, out.stderr
