"""The voices that are not the government's (models/patterns/voices.json): each matches its real examples and
none of its counter-examples, and neither the commitments nor the follow-ups read a promise or an act of the
government in an example."""

from __future__ import annotations

import re

import pytest

from pipeline import resources
from pipeline.nlp import commitments, follow_ups, rules

DEFS = resources.read_json("patterns", "voices.json")["defs"]
EXAMPLES = [(name, text) for name, d in DEFS.items() for text, _source in d["examples"]]
COUNTER = [(name, text) for name, d in DEFS.items() for text, _why in d["counter_examples"]]


def test_every_voice_has_real_examples_and_counter_examples() -> None:
    for name, d in DEFS.items():
        assert d["means"] and d["examples"] and d["counter_examples"], name
        assert all(source for _, source in d["examples"]), name


def test_both_rule_files_name_every_voice() -> None:
    for name in DEFS:
        for file in ("commitments.json", "follow_ups.json"):
            raw = resources.read_text("patterns", file)
            assert "{" + name + "}" in raw, (file, name)
            assert "{" + name + "}" not in str(rules.load(file)), (file, name)  # expanded when loaded


@pytest.mark.parametrize(("name", "text"), EXAMPLES)
def test_a_voice_matches_its_examples(name: str, text: str) -> None:
    assert re.search(rules.shared()[name], text, re.I), name


@pytest.mark.parametrize(("name", "text"), COUNTER)
def test_a_voice_leaves_its_counter_examples(name: str, text: str) -> None:
    assert not re.search(rules.shared()[name], text, re.I), name


@pytest.mark.parametrize(("name", "text"), EXAMPLES)
def test_a_voice_is_no_promise_and_no_follow_up(name: str, text: str) -> None:
    assert commitments.read(text, has_time=True, ahead=True).kind is None
    assert follow_ups.relation_of(text) is None
