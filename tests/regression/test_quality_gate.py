"""The quality gate every clone carries: a frozen slice of the shared gold's dev half (tests/data/gate/).

The full gold runs in tests/regression/test_shared_gold.py when ../shared is beside the clone; this slice
runs everywhere, so a change that reads real papers worse fails here first. The levels are those reached
when the slice was frozen, less a small margin; the slice's provenance is in tests/data/README.md.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.regression.levels import assert_levels

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
    assert_levels(GATE / gold, LEVELS[gold], timeout=600)
