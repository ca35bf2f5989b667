"""Sector lexicon: real phrases give their ids, counter-examples none."""

from __future__ import annotations

import json

import pytest

from pipeline import resources
from pipeline.nlp.sectors import find_sectors

DATA = resources.read_json("lexicons", "sectors.json")
CONTRACT_IDS = {s["id"] for s in DATA["sectors"]}


@pytest.mark.parametrize(("text", "sid", "source"), [tuple(e) for e in DATA["examples"]])
def test_examples(text: str, sid: str, source: str) -> None:
    assert sid in [f.id for f in find_sectors(text)]


@pytest.mark.parametrize("text", DATA["counter_examples"])
def test_counter_examples(text: str) -> None:
    assert find_sectors(text) == []


def test_every_term_finds_its_own_sector() -> None:
    for s in DATA["sectors"]:
        for term in s["terms"]:
            assert s["id"] in [f.id for f in find_sectors(f"de {term} in Nederland")], term


def test_ids_are_the_contracts() -> None:
    from tests.conftest import SHARED

    contract = SHARED / "contract" / "sectors.json"
    if not contract.exists():
        pytest.skip(f"no contract at {contract}")
    ids = {s["id"] for s in json.loads(contract.read_text(encoding="utf-8"))["sectors"]}
    assert ids == CONTRACT_IDS
