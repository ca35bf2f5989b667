"""Every reference pattern matches each of its real examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from pipeline.nlp import spoken, votes
from pipeline.nlp.references import find_references, load_patterns

PATTERNS = load_patterns()[0]
EXAMPLES = [(p.id, text, want) for p in PATTERNS for text, want, _source in p.examples]
COUNTER = [(p.id, text) for p in PATTERNS for text in p.counter_examples]


def test_every_pattern_has_real_examples() -> None:
    for p in PATTERNS:
        assert p.examples, p.id
        assert all(source for _, _, source in p.examples), p.id


@pytest.mark.parametrize(("pattern", "text", "want"), EXAMPLES)
def test_pattern_matches_its_examples(pattern: str, text: str, want: str) -> None:
    regex = next(p.regex for p in PATTERNS if p.id == pattern)
    assert regex.search(text), f"{pattern} does not match {text!r}"
    found = [f.id for f in find_references(text)]
    assert all(w in found for w in want.split()), found


@pytest.mark.parametrize(("pattern", "text"), COUNTER)
def test_pattern_leaves_its_counter_examples(pattern: str, text: str) -> None:
    assert not [f for f in find_references(text) if f.pattern == pattern]


# ---------------------------------------------------------------- votes announced in stemmingen

VOTES = votes.patterns()["data"]
VOTE_EXAMPLES = [
    (name, text, want) for name in ("put", "listed", "held") for text, want, _ in VOTES[name]["examples"]
]


def test_every_vote_formula_has_real_examples_and_counter_examples() -> None:
    for name in ("put", "listed", "outcome", "held"):
        assert VOTES[name]["examples"] and VOTES[name]["counter_examples"], name
        assert all(source for *_, source in VOTES[name]["examples"] + VOTES[name]["counter_examples"]), name


@pytest.mark.parametrize(("name", "text", "want"), VOTE_EXAMPLES)
def test_a_vote_formula_names_the_motion_of_its_example(name: str, text: str, want: str) -> None:
    p = votes.patterns()
    found = [votes.kst_id(m) for m in p[name].finditer(text)]
    if name == "held" and not found:
        found = [i for m in p["held_list"].finditer(text) for i in votes.held_ids(m)]
    assert found == want.split()


@pytest.mark.parametrize(("text", "want"), [(t, w) for t, w, _ in VOTES["outcome"]["examples"]])
def test_the_chairs_outcome_sentence_states_the_outcome(text: str, want: str) -> None:
    m = votes.patterns()["outcome"].search(text)
    assert m and (m.group("status") or m.group("status2")) == want


@pytest.mark.parametrize(
    ("name", "text"),
    [(n, t) for n in ("put", "listed", "outcome", "held") for t, _ in VOTES[n]["counter_examples"]],
)
def test_a_vote_formula_leaves_its_counter_examples(name: str, text: str) -> None:
    p = votes.patterns()
    assert not p[name].search(text) and not (name == "held" and p["held_list"].search(text))


# ---------------------------------------------------------------- toezeggingen spoken in a debate

DEBATES = spoken.patterns()["data"]
BLOCKED = [(n, t) for n, b in DEBATES["blockers"].items() for t, _ in b["examples"]]
PROMISES = [(n, t) for n, b in DEBATES["blockers"].items() for t, _ in b["counter_examples"]]


def test_every_spoken_blocker_has_real_examples_and_counter_examples() -> None:
    for name, b in DEBATES["blockers"].items():
        assert b["examples"] and b["counter_examples"], name
        assert all(source for _, source in b["examples"] + b["counter_examples"]), name


@pytest.mark.parametrize(("name", "text"), BLOCKED)
def test_a_spoken_look_alike_is_blocked_by_its_rule(name: str, text: str) -> None:
    assert spoken.blocked(text) == name


@pytest.mark.parametrize(("name", "text"), PROMISES)
def test_a_spoken_promise_is_left_alone(name: str, text: str) -> None:
    assert spoken.blocked(text) is None


def test_the_chairs_list_gives_one_promise_per_item_of_a_bewindspersoon() -> None:
    from pipeline.extract import from_text

    cl = DEBATES["chair_list"]
    for text, want, _ in cl["examples"]:
        found = spoken.chair_list(from_text(text), (), None)
        assert len(found) == int(want) and all(c.actor == "Minister" for c in found)
    for text, _ in cl["counter_examples"]:
        assert spoken.chair_list(from_text(text), (), None) == []
