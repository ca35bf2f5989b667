"""Every reference pattern matches each of its real examples and none of its counter-examples."""

from __future__ import annotations

import pytest

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
