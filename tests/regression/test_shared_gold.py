"""The regression net: `kamer evaluate` on ../shared/gold must stay at the levels reached.

CI runs with ../shared beside the clone; elsewhere these tests say why they skip.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED
from tests.regression.levels import assert_levels

GOLD = SHARED / "gold"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason=f"no shared gold at {GOLD}")

# field → minimum, per gold file (the levels reached when this was written)
LEVELS = {
    "citations-dev.jsonl": {"references.f1": 1.0},
    "seed.jsonl": {
        "references.f1": 1.0,
        "meta.kind.f1": 1.0,
        "meta.authors.f1": 1.0,
        "commitments.f1": 0.98,
        "commitments.kind.f1": 0.98,
        "commitments.actor.f1": 0.98,
        "commitments.deadline.f1": 0.98,
        "motions.f1": 1.0,
        "follow_ups.f1": 1.0,
        "sectors.f1": 1.0,
    },
    "motions-dev.jsonl": {
        "references.recall": 0.99,
        "meta.kamerstuk.f1": 0.999,
        "meta.kind.f1": 0.999,
        "meta.date.f1": 0.999,
        "meta.authors.f1": 0.998,
        "meta.topic.f1": 0.999,
        "motions.requests.f1": 0.999,
        "motions.replaces.f1": 0.999,
        "motions.submitters.f1": 0.999,
        "motions.status.f1": 0.999,  # from the open data beside the papers, as ingest attaches it
    },
}


@needs_gold
@pytest.mark.slow
@pytest.mark.parametrize("gold", list(LEVELS))
def test_gold_levels(gold: str) -> None:
    assert_levels(GOLD / gold, LEVELS[gold], timeout=900)
